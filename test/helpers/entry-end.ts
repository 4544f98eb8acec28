/** The journalctl output modes the stall tests cut. */
export type CutFormat = 'short-precise' | 'json' | 'export';

/**
 * The byte offset just past the journal entry whose `__REALTIME_TIMESTAMP` is `usec`, in `input`
 * written by `journalctl -o <format>` (short-precise: in UTC), for cutting a stream between entries.
 */
export function entryEnd(input: Buffer, format: CutFormat, usec: string): number {
  const marker =
    format === 'json'
      ? `"__REALTIME_TIMESTAMP":"${usec}"`
      : format === 'export'
        ? `\n__REALTIME_TIMESTAMP=${usec}\n`
        : `\n${shortPreciseTime(usec)} `;
  const at = input.indexOf(marker);
  if (at < 0 || input.indexOf(marker, at + 1) >= 0) throw new Error(`no single entry at ${usec} in the ${format} input`);
  const end = input.indexOf(format === 'export' ? '\n\n' : '\n', at + 1);
  if (end < 0) throw new Error(`the entry at ${usec} is the input's last`);
  return end + (format === 'export' ? 2 : 1);
}

/** `Mar 19 20:13:04.569259`: how short-precise prints a time in UTC. */
function shortPreciseTime(usec: string): string {
  const d = new Date(Number(usec.slice(0, -3)));
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${month} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${usec.slice(-6)}`;
}
