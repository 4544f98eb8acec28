import type { Phase, Timeline } from '../reduce/timeline.ts';
import type { VolumeRecord } from '../schema/volume-record.ts';
import { formatTimestamp } from '../time/format-timestamp.ts';
import { describeOutcome } from './describe-outcome.ts';
import { formatDuration, spanMs } from './format-duration.ts';

const iso = (t: number | null, zone: string) => (t === null ? null : formatTimestamp(t, zone));

function phase(p: Phase, zone: string): VolumeRecord['phases'][number] {
  return { name: p.name, start: iso(p.start, zone), end: iso(p.end, zone), durationMs: spanMs(p.start, p.end), sizeMB: p.sizeMB, mbps: p.mbps };
}

function serveRecord(t: Timeline, zone: string): VolumeRecord['glanceServe'] {
  const g = t.glanceServe;
  if (g === undefined || g === null) return null;
  return {
    host: g.host, requestId: g.requestId, method: g.method, path: g.path, status: g.status, bytes: g.bytes,
    start: iso(g.start, zone), end: iso(g.end, zone), durationMs: spanMs(g.start, g.end), cacheHit: g.cacheHit,
  };
}

/** pino levels: 30 info (clones, plain creates), 40 warn (copies, incomplete), 50 error (failures). */
function levelOf(t: Timeline): number {
  if (t.status === 'failed') return 50;
  if (t.status === 'incomplete' || t.provisioning === 'copy') return 40;
  return 30;
}

/** The NDJSON volume record (schema in src/schema/volume-record.ts, documented in the README). */
export function toVolumeRecord(t: Timeline, zone: string): VolumeRecord {
  const durationMs = spanMs(t.start, t.end);
  const why = t.reasons[0]?.message;
  const msg = `volume ${t.volumeId ?? '(unknown id)'}: ${describeOutcome(t)} in ${formatDuration(durationMs)}${why ? `; ${why}` : ''}${t.error ? `; error: ${t.error}` : ''}`;
  const time = t.end ?? t.start;
  return {
    kind: 'volume',
    level: levelOf(t),
    ...(time === null ? {} : { time: Math.round(time) }),
    msg,
    volumeId: t.volumeId,
    source: t.source,
    imageId: t.imageId,
    imageName: t.imageName,
    diskFormat: t.diskFormat,
    imageSizeMB: t.imageSizeMB,
    volumeSizeGiB: t.volumeSizeGiB,
    status: t.status,
    provisioning: t.provisioning,
    cloneMethod: t.cloneMethod,
    conversion: t.conversion,
    cacheSeeded: t.cacheSeeded,
    reasons: t.reasons.map((r) => r.message),
    reasonCodes: t.reasons.map((r) => r.code),
    advice: t.advice.map((a) => ({ code: a.code, message: a.message, command: a.command })),
    notes: [...t.notes],
    requestId: t.requestId,
    globalRequestId: t.globalRequestId,
    host: t.host,
    backend: t.backend,
    start: iso(t.start, zone),
    end: iso(t.end, zone),
    durationMs,
    phases: t.phases.map((p) => phase(p, zone)),
    internalVolumes: t.internalVolumes.map((v) => ({
      volumeId: v.volumeId,
      purpose: v.purpose,
      status: v.status,
      start: iso(v.start, zone),
      end: iso(v.end, zone),
      durationMs: spanMs(v.start, v.end),
      phases: v.phases.map((p) => phase(p, zone)),
    })),
    error: t.error,
    rescheduled: t.rescheduled,
    glanceServe: serveRecord(t, zone),
    input: { name: t.origin.input, line: t.origin.line },
  };
}
