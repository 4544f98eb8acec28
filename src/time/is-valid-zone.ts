/** True for `'local'` and for any zone name the runtime's Intl accepts (IANA, `UTC`, `+05:30`). */
export function isValidZone(zone: string): boolean {
  if (zone === 'local') return true;
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
