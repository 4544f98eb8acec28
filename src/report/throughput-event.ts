import type { Phase, Timeline } from '../reduce/timeline.ts';

/** What `clonewatch throughput` measures. */
export const THROUGHPUT_METRICS = ['download', 'conversion', 'volume-copy', 'glance-store-write'] as const;
export type ThroughputMetric = (typeof THROUGHPUT_METRICS)[number];

/** Dimensions `--by` can group on. */
export const THROUGHPUT_DIMENSIONS = ['host', 'backend', 'image', 'format', 'hour'] as const;
export type ThroughputDimension = (typeof THROUGHPUT_DIMENSIONS)[number];

/** One measured transfer: a download, a conversion, a dd volume copy or a glance store write. */
export interface ThroughputEvent {
  readonly metric: ThroughputMetric;
  /** When it started (epoch ms), for `--by hour`. */
  readonly time: number | null;
  readonly host: string | null;
  readonly backend: string | null;
  /** Image name when logged, else its id. */
  readonly image: string | null;
  /** The image's disk format. */
  readonly format: string | null;
  readonly sizeMB: number;
  readonly seconds: number;
  /** MB/s of this one event: size / duration. */
  readonly mbps: number;
}

const METRIC_OF: Partial<Record<string, ThroughputMetric>> = { download: 'download', convert: 'conversion', 'volume-copy': 'volume-copy' };

function fromPhase(p: Phase, t: Timeline): ThroughputEvent | null {
  const metric = METRIC_OF[p.name];
  if (metric === undefined || p.sizeMB === null || p.mbps === null) return null;
  const span = p.start !== null && p.end !== null ? Math.max(0, p.end - p.start) / 1000 : 0;
  const seconds = span > 0 ? span : p.mbps > 0 ? p.sizeMB / p.mbps : 0;
  if (seconds <= 0) return null;
  // Size over duration: cinder's own INFO rate divides by max(duration, 1 s), the DEBUG details line has the exact duration.
  const mbps = Math.round((p.sizeMB / seconds) * 100) / 100;
  return { metric, time: p.start ?? p.end, host: t.host, backend: t.backend, image: t.imageName ?? t.imageId, format: t.diskFormat, sizeMB: p.sizeMB, seconds, mbps };
}

/**
 * The measured transfers of one timeline: its download, conversion and dd copy phases, and the dd
 * copies of the cache image-volumes created inside it. Phases without a size or a rate are not
 * measurements and are left out.
 */
export function throughputEventsOf(t: Timeline): ThroughputEvent[] {
  const out: ThroughputEvent[] = [];
  for (const p of t.phases) {
    const e = fromPhase(p, t);
    if (e) out.push(e);
  }
  for (const v of t.internalVolumes) {
    for (const p of v.phases) {
      const e = fromPhase(p, t);
      if (e) out.push(e);
    }
  }
  return out;
}

/** The part of an image record (the Glance side's `ImageData`) that throughput reads. */
export interface ImageWrites {
  readonly imageId: string;
  readonly name: string | null;
  readonly diskFormat: string | null;
  readonly transfers: readonly {
    readonly store: string | null;
    readonly bytes: number | null;
    readonly start: number | null;
    readonly end: number | null;
    readonly status: string;
    readonly host: string | null;
  }[];
}

/**
 * Glance store writes (uploads and imports) of one image: the succeeded ones with a size and a
 * duration, MB being MiB as cinder counts them. `backend` is the Glance store name.
 */
export function glanceWritesOf(i: ImageWrites): ThroughputEvent[] {
  const out: ThroughputEvent[] = [];
  for (const x of i.transfers) {
    if (x.status !== 'succeeded' || x.bytes === null || x.start === null || x.end === null || x.end <= x.start) continue;
    const sizeMB = x.bytes / 1048576;
    const seconds = (x.end - x.start) / 1000;
    out.push({ metric: 'glance-store-write', time: x.start, host: x.host, backend: x.store, image: i.name ?? i.imageId, format: i.diskFormat, sizeMB, seconds, mbps: Math.round((sizeMB / seconds) * 100) / 100 });
  }
  return out;
}
