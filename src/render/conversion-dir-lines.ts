import type { HostConversionDir } from '../report/create-conversion-dir-peaks.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { formatBytes } from './format-bytes.ts';
import { terminalSafe as safe } from './terminal-safe.ts';

/**
 * One line per host that held something in image_conversion_dir: its peak, when, how many volumes
 * held it, and the creates that failed for lack of space there (terminal-safe; times in `zone`).
 */
export function conversionDirLines(hosts: readonly HostConversionDir[], zone: string): { host: HostConversionDir; line: string }[] {
  return hosts
    .filter((h) => h.peakBytes > 0 || h.noSpace.length > 0)
    .map((h) => {
      const n = h.volumes.length;
      const where = `${safe(h.host ?? '(no host)')}${h.backends.length > 0 ? ` (${h.backends.map(safe).join(', ')})` : ''}`;
      const failed = h.noSpace.length === 0 ? '' : `; ${h.noSpace.length} failed for lack of space there`;
      const open = h.heldToInputEnd === 0 ? '' : `; ${h.heldToInputEnd} file${h.heldToInputEnd === 1 ? '' : 's'} held until the input ends (create not finished)`;
      return { host: h, line: `${where}: peak ${formatBytes(h.peakBytes)} at ${formatTimestamp(h.at, zone, { style: 'date-time' })}, ${n} volume${n === 1 ? '' : 's'} at once${failed}${open}` };
    });
}
