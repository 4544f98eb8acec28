import { formatBytes } from '../render/format-bytes.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import type { AdviceItem } from './advice-list.ts';
import type { HostConversionDir } from './create-conversion-dir-peaks.ts';

/**
 * Sizing advice for each host where creates failed for lack of space in the conversion directory,
 * tied to that host's peak (times in `zone`); `volumes` counts the creates that failed so.
 */
export function conversionDirAdvice(hosts: readonly HostConversionDir[], zone: string): AdviceItem[] {
  return hosts
    .filter((h) => h.noSpace.length > 0)
    .map((h) => {
      const n = h.volumes.length;
      const failed = h.noSpace.length;
      return {
        code: 'conversion-dir-too-small',
        message: `${h.host ?? 'this host'} needed ${formatBytes(h.peakBytes)} in image_conversion_dir at ${formatTimestamp(h.at, zone, { style: 'date-time' })} (${n} volume${n === 1 ? '' : 's'} at once) and ${failed} create${failed === 1 ? '' : 's'} failed for lack of space there: size that filesystem for the burst, or set image_conversion_dir to a larger filesystem`,
        command: null,
        volumes: failed,
      };
    });
}
