/** `3.50 GiB`, `598.75 MiB`, `12 KiB`: binary units, as cinder's sizes (MB in its lines are MiB). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_073_741_824) return `${(bytes / 1_073_741_824).toFixed(2)} GiB`;
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(2)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}
