import type { ImageData, ImageTransfer } from '../reduce/image.ts';
import type { ImageRecord } from '../schema/image-record.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { spanMs } from './format-duration.ts';

const iso = (t: number | null, zone: string) => (t === null ? null : formatTimestamp(t, zone));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** One upload/import with its duration and MB/s (MiB, as cinder counts): what a throughput view reads. */
function transfer(x: ImageTransfer, zone: string): ImageRecord['transfers'][number] {
  const durationMs = spanMs(x.start, x.end);
  const mbps = x.bytes !== null && durationMs !== null && durationMs > 0 && x.status === 'succeeded' ? round2(x.bytes / 1048576 / (durationMs / 1000)) : null;
  return {
    kind: x.kind, method: x.method, store: x.store, volumeType: x.volumeType, volumeId: x.volumeId, bytes: x.bytes,
    start: iso(x.start, zone), end: iso(x.end, zone), durationMs, mbps, status: x.status, host: x.host, requestId: x.requestId,
  };
}

/** The NDJSON image record (schema in src/schema/image-record.ts). */
export function toImageRecord(i: ImageData, zone: string): ImageRecord {
  const transfers = i.transfers.map((x) => transfer(x, zone));
  const where = i.stores.length > 0 ? `in ${i.stores.join(', ')}` : 'stores not shown';
  const failed = transfers.filter((x) => x.status === 'failed').length;
  return {
    kind: 'image',
    level: failed > 0 ? 40 : 30,
    ...(i.last === null ? {} : { time: Math.round(i.last) }),
    msg: `image ${i.imageId}${i.name ? ` "${i.name}"` : ''}: ${i.diskFormat ?? 'format not shown'}, ${where}; ${transfers.length} upload/import(s)${failed ? ` (${failed} failed)` : ''}, served ${i.served.count} time(s)`,
    imageId: i.imageId,
    name: i.name,
    diskFormat: i.diskFormat,
    sizeBytes: i.sizeBytes,
    stores: [...i.stores],
    storeDetails: i.storeDetails.map((s) => ({ name: s.name, volumeType: s.volumeType, backends: [...s.backends] })),
    transfers,
    lastTransfer: transfers.at(-1) ?? null,
    served: { ...i.served },
    volumes: { ...i.volumes },
  };
}
