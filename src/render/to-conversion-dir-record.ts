import type { HostConversionDir } from '../report/create-conversion-dir-peaks.ts';
import type { ConversionDirHostRecord } from '../schema/conversion-dir-record.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';

/** A host's conversion directory for `--json` (times ISO 8601 in `zone`); `points` only when asked (the report). */
export function toConversionDirRecord(h: HostConversionDir, zone: string, o: { points: boolean }): ConversionDirHostRecord {
  const iso = (t: number) => formatTimestamp(t, zone);
  return {
    host: h.host,
    backends: [...h.backends],
    peakBytes: h.peakBytes,
    at: iso(h.at),
    volumes: h.volumes.map((v) => ({ volumeId: v.volumeId, requestId: v.requestId, bytes: v.bytes, files: [...v.files] })),
    noSpace: h.noSpace.map((n) => ({ volumeId: n.volumeId, requestId: n.requestId, at: iso(n.at), during: n.during, requestedBytes: n.requestedBytes, availableBytes: n.availableBytes, message: n.message })),
    heldToInputEnd: h.heldToInputEnd,
    ...(o.points ? { points: h.points.map((p) => ({ t: iso(p.t), bytes: p.bytes })) } : {}),
  };
}
