import type { ImageData } from '../reduce/image.ts';
import type { Phase, Reason, Timeline } from '../reduce/timeline.ts';
import type { BackendCacheStats } from '../reduce/create-image-cache-stats.ts';
import { adviceList, type AdviceItem } from './advice-list.ts';
import { cacheAdvice } from './cache-advice.ts';
import { cloneSavings, type TimeSplit } from './clone-savings.ts';
import { concurrency, type Concurrency } from './concurrency.ts';
import { conversionDirAdvice } from './conversion-dir-advice.ts';
import { createConversionDirPeaks, type ConversionDirData } from './create-conversion-dir-peaks.ts';
import type { ThroughputSummary } from './create-throughput.ts';
import { ranConversion } from '../reduce/ran-conversion.ts';

/** One provisioning as the report shows it. */
export interface ReportVolume {
  readonly volumeId: string | null;
  readonly requestId: string;
  readonly host: string | null;
  readonly backend: string | null;
  readonly imageId: string | null;
  readonly imageName: string | null;
  readonly status: Timeline['status'];
  readonly provisioning: Timeline['provisioning'];
  readonly cloneMethod: Timeline['cloneMethod'];
  readonly conversion: Timeline['conversion'];
  readonly start: number | null;
  readonly end: number | null;
  readonly durationMs: number | null;
  readonly phases: readonly Phase[];
  readonly reasons: readonly Reason[];
  readonly error: string | null;
  readonly outcome: string;
}

export interface ReportData {
  readonly span: { readonly start: number | null; readonly end: number | null };
  readonly volumes: {
    readonly total: number;
    readonly hosts: readonly string[];
    readonly byStatus: Record<string, number>;
    readonly byProvisioning: Record<string, number>;
    readonly byCloneMethod: Record<string, number>;
    readonly withConversion: number;
  };
  readonly slowest: readonly ReportVolume[];
  /** The Glance images the input shows (after the filters), with their placement. */
  readonly images: readonly ImageData[];
  readonly time: TimeSplit;
  readonly concurrency: Concurrency;
  readonly throughput: ThroughputSummary;
  readonly advice: readonly AdviceItem[];
  /** Bytes held in image_conversion_dir per host over time: the peak, when, by which volumes, the curve. */
  readonly conversionDir: ConversionDirData;
  /** The image-volume cache per backend (every cache line of the input, see createImageCacheStats). */
  readonly imageCache: readonly BackendCacheStats[];
}

const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

function toReportVolume(t: Timeline, outcome: string): ReportVolume {
  return {
    volumeId: t.volumeId,
    requestId: t.requestId,
    host: t.host,
    backend: t.backend,
    imageId: t.imageId,
    imageName: t.imageName,
    status: t.status,
    provisioning: t.provisioning,
    cloneMethod: t.cloneMethod,
    conversion: t.conversion,
    start: t.start,
    end: t.end,
    durationMs: t.start === null || t.end === null ? null : Math.max(0, Math.round(t.end - t.start)),
    phases: t.phases,
    reasons: t.reasons,
    error: t.error,
    outcome,
  };
}

/**
 * The post-mortem of a set of timelines: span, outcomes, the `top` slowest provisionings, time in
 * copies vs clones and what clones would have saved, concurrency over time, throughput, advice.
 * `describe` names a timeline's outcome (the renderers' wording); `zone`: the
 * time zone of the advice's words (the conversion directory's sizing advice names a time).
 */
export function buildReport(timelines: readonly Timeline[], throughput: ThroughputSummary, o: { top: number; describe: (t: Timeline) => string; zone: string; imageCache?: readonly BackendCacheStats[]; images?: readonly ImageData[] }): ReportData {
  const byStatus: Record<string, number> = { succeeded: 0, failed: 0, incomplete: 0 };
  const byProvisioning: Record<string, number> = { clone: 0, copy: 0 };
  const byCloneMethod: Record<string, number> = {};
  const hosts = new Set<string>();
  let withConversion = 0;
  let start: number | null = null;
  let end: number | null = null;
  const intervals: { start: number; end: number }[] = [];
  const conversionDir = createConversionDirPeaks();
  for (const t of timelines) {
    conversionDir.add(t);
    bump(byStatus, t.status);
    if (t.provisioning) bump(byProvisioning, t.provisioning);
    if (t.cloneMethod) bump(byCloneMethod, t.cloneMethod);
    if (ranConversion(t)) withConversion++;
    if (t.host !== null) hosts.add(t.host);
    if (t.start !== null && (start === null || t.start < start)) start = t.start;
    if (t.end !== null && (end === null || t.end > end)) end = t.end;
    if (t.start !== null && t.end !== null) intervals.push({ start: t.start, end: t.end });
  }
  const dur = (t: Timeline) => (t.start === null || t.end === null ? -1 : t.end - t.start);
  const slowest = [...timelines]
    .filter((t) => dur(t) >= 0)
    .sort((a, b) => dur(b) - dur(a) || (a.start ?? 0) - (b.start ?? 0))
    .slice(0, o.top)
    .map((t) => toReportVolume(t, o.describe(t)));
  const dir = conversionDir.result();
  return {
    span: { start, end },
    volumes: { total: timelines.length, hosts: [...hosts].sort(), byStatus, byProvisioning, byCloneMethod, withConversion },
    slowest,
    images: o.images ?? [],
    time: cloneSavings(timelines),
    concurrency: concurrency(intervals),
    throughput,
    advice: [...adviceList(timelines), ...conversionDirAdvice(dir.hosts, o.zone), ...cacheAdvice(o.imageCache ?? [])],
    conversionDir: dir,
    imageCache: o.imageCache ?? [],
  };
}
