import type { ImageData } from '../reduce/image.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { formatDuration } from './format-duration.ts';
import { formatStores } from './format-stores.ts';
import type { HumanOptions } from './render-timeline.ts';
import { terminalSafe as safe } from './terminal-safe.ts';
import { toImageRecord } from './to-image-record.ts';
import { formatBytes } from './format-bytes.ts';

const size = (b: number | null) => (b === null ? '?' : formatBytes(b));

/** The image placement table of `clonewatch images`: one block per image. Every log-derived string goes through terminalSafe. */
export function renderImages(images: readonly ImageData[], o: HumanOptions): string {
  const p = o.palette;
  if (images.length === 0) return `${p.dim('no images in the input')}\n`;
  const blocks = images.map((i) => {
    const rec = toImageRecord(i, o.zone);
    const head = `${p.bold(safe(i.imageId))}${i.name ? ` "${safe(i.name)}"` : ''}  ${safe(i.diskFormat ?? '?')}  ${size(i.sizeBytes)}`;
    const stores = i.storeDetails.length === 0 ? p.dim('not shown')
      : formatStores(i.storeDetails, p);
    const lines = [head, `  stores       ${stores}`];
    const last = rec.lastTransfer;
    if (last !== null) {
      const when = last.end ?? last.start;
      const what = [last.kind === 'import' ? `import${last.method ? ` ${safe(last.method)}` : ''}` : 'upload', last.store && `to ${safe(last.store)}`, last.status !== 'succeeded' && p.red(last.status),
        when && formatTimestamp(Date.parse(when), o.zone, { style: 'date-time' }), last.bytes !== null && size(last.bytes), last.durationMs !== null && formatDuration(last.durationMs), last.mbps !== null && `${last.mbps.toFixed(2)} MB/s`];
      lines.push(`  last write   ${what.filter(Boolean).join(' · ')}${rec.transfers.length > 1 ? p.dim(` (${rec.transfers.length} uploads/imports)`) : ''}`);
    }
    if (i.served.count > 0) lines.push(`  served       ${i.served.count}× ${size(i.served.bytes)}${i.served.cacheHits ? `, ${i.served.cacheHits} from glance-api's cache` : ''}`);
    if (i.volumes.clone + i.volumes.copy > 0) lines.push(`  volumes      clone ${i.volumes.clone} · copy ${i.volumes.copy}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n')}\n`;
}
