import type { ReportData, ReportVolume } from '../report/build-report.ts';
import { toImageCacheRecord } from './to-image-cache-record.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { toConversionDirRecord } from './to-conversion-dir-record.ts';

const iso = (t: number | null, zone: string) => (t === null ? null : formatTimestamp(t, zone));
const ms = (x: number | null) => (x === null ? null : Math.round(x));

function volume(v: ReportVolume, zone: string) {
  return {
    volumeId: v.volumeId,
    requestId: v.requestId,
    host: v.host,
    backend: v.backend,
    imageId: v.imageId,
    imageName: v.imageName,
    status: v.status,
    provisioning: v.provisioning,
    cloneMethod: v.cloneMethod,
    outcome: v.outcome,
    start: iso(v.start, zone),
    end: iso(v.end, zone),
    durationMs: v.durationMs,
    phases: v.phases.map((p) => ({ name: p.name, start: iso(p.start, zone), end: iso(p.end, zone), durationMs: p.start === null || p.end === null ? null : ms(Math.max(0, p.end - p.start)), sizeMB: p.sizeMB, mbps: p.mbps })),
    reasons: v.reasons.map((r) => ({ code: r.code, message: r.message })),
    error: v.error,
  };
}

/** `clonewatch report --json`: the report as one JSON document (times ISO 8601 in `--tz`). */
export function toReportRecord(r: ReportData, zone: string) {
  const c = r.concurrency;
  const t = r.time;
  return {
    kind: 'report' as const,
    span: { start: iso(r.span.start, zone), end: iso(r.span.end, zone) },
    volumes: r.volumes,
    slowest: r.slowest.map((v) => volume(v, zone)),
    images: r.images.map((i) => ({ imageId: i.imageId, name: i.name, stores: [...i.stores], storeDetails: i.storeDetails.map((s) => ({ name: s.name, volumeType: s.volumeType, backends: [...s.backends] })), volumes: { ...i.volumes } })),
    time: {
      copies: { ...t.copies, totalMs: ms(t.copies.totalMs), medianMs: ms(t.copies.medianMs) },
      clones: { ...t.clones, totalMs: ms(t.clones.totalMs), medianMs: ms(t.clones.medianMs) },
      savedMs: ms(t.savedMs),
      comparedCopies: t.comparedCopies,
      uncomparedCopies: t.uncomparedCopies,
      byBackend: t.byBackend.map((b) => ({ ...b, copyMs: ms(b.copyMs), cloneMedianMs: ms(b.cloneMedianMs), savedMs: ms(b.savedMs) })),
    },
    concurrency: { peak: c.peak, peakAt: iso(c.peakAt, zone), peakUntil: iso(c.peakUntil, zone), curve: c.curve.map((p) => ({ t: iso(p.t, zone), n: p.n })) },
    throughput: r.throughput,
    advice: r.advice,
    conversionDir: r.conversionDir.hosts.map((h) => toConversionDirRecord(h, zone, { points: true })),
    imageCache: r.imageCache.map(toImageCacheRecord),
  };
}
