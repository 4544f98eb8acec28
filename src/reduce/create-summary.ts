import type { InputStats } from '../model/log-record.ts';
import { createConversionDirPeaks, type ConversionDirData } from '../report/create-conversion-dir-peaks.ts';
import type { Timeline } from './timeline.ts';
import type { BackendCacheStats } from './create-image-cache-stats.ts';
import { cacheAdvice } from '../report/cache-advice.ts';
import { ranConversion } from './ran-conversion.ts';

export interface InputSummary {
  readonly name: string;
  readonly format: string | null;
  readonly stats: InputStats;
  readonly error: string | null;
}

export interface SummaryData {
  readonly span: { start: number | null; end: number | null };
  readonly volumes: {
    total: number;
    byStatus: Record<string, number>;
    bySource: Record<string, number>;
    byProvisioning: Record<string, number>;
    byCloneMethod: Record<string, number>;
    withConversion: number;
    cacheSeeded: number;
    internal: number;
  };
  readonly reasons: Record<string, number>;
  /** Every distinct advice of the run's timelines, with how many volumes it concerns, most frequent first. */
  readonly advice: readonly { code: string; message: string; command: string | null; volumes: number }[];
  /** The image-volume cache per backend with cache activity (hits, misses, evictions, churn). */
  readonly imageCache: readonly BackendCacheStats[];
  readonly temporaryImages: { count: number; peakConcurrent: number; peakAt: number | null; peakHost: string | null; longestMs: number | null };
  /** Bytes held in image_conversion_dir per host: the peak, when, by which volumes (see createConversionDirPeaks). */
  readonly conversionDir: ConversionDirData;
}

const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

/**
 * Accumulates timelines into the run's summary. Temporary images are kept as intervals (two numbers
 * each) so that "how many sat in the conversion directory at once" is an exact sweep at the end.
 */
export function createSummary() {
  const volumes: SummaryData['volumes'] = {
    total: 0,
    byStatus: { succeeded: 0, failed: 0, incomplete: 0 },
    bySource: {},
    byProvisioning: { clone: 0, copy: 0 },
    byCloneMethod: {},
    withConversion: 0,
    cacheSeeded: 0,
    internal: 0,
  };
  const reasons: Record<string, number> = {};
  const advice = new Map<string, { code: string; message: string; command: string | null; volumes: number }>();
  const temps: { start: number; end: number; host: string | null }[] = [];
  let first: number | null = null;
  let last: number | null = null;
  const conversionDir = createConversionDirPeaks();

  function add(t: Timeline): void {
    volumes.total++;
    conversionDir.add(t);
    bump(volumes.byStatus, t.status);
    bump(volumes.bySource, t.source);
    if (t.provisioning) bump(volumes.byProvisioning, t.provisioning);
    if (t.cloneMethod) bump(volumes.byCloneMethod, t.cloneMethod);
    if (ranConversion(t)) volumes.withConversion++;
    if (t.cacheSeeded) volumes.cacheSeeded++;
    volumes.internal += t.internalVolumes.length;
    for (const r of t.reasons) bump(reasons, r.code);
    for (const a of t.advice) {
      const key = `${a.code}\u0000${a.message}\u0000${a.command ?? ''}`;
      const seen = advice.get(key);
      if (seen) seen.volumes++;
      else advice.set(key, { code: a.code, message: a.message, command: a.command, volumes: 1 });
    }
    if (t.start !== null && (first === null || t.start < first)) first = t.start;
    if (t.end !== null && (last === null || t.end > last)) last = t.end;
    for (const p of t.phases) {
      if (p.name === 'temporary-image' && p.start !== null && p.end !== null) temps.push({ start: p.start, end: Math.max(p.start, p.end), host: t.host });
    }
  }

  /** `imageCache`: the reducer's, which sees every cache line (its advice follows the volumes'). */
  function result(imageCache: readonly BackendCacheStats[] = []): SummaryData {
    const list = [...advice.values()].map((a) => ({ ...a })).sort((a, b) => b.volumes - a.volumes);
    list.push(...cacheAdvice(imageCache));
    return { span: { start: first, end: last }, volumes, reasons, advice: list, imageCache, temporaryImages: sweep(temps), conversionDir: conversionDir.result() };
  }

  return { add, result };
}

function sweep(temps: readonly { start: number; end: number; host: string | null }[]): SummaryData['temporaryImages'] {
  const byHost = new Map<string, { t: number; d: number }[]>();
  let longest: number | null = null;
  for (const x of temps) {
    const key = x.host ?? '';
    const edges = byHost.get(key) ?? [];
    byHost.set(key, edges);
    edges.push({ t: x.start, d: 1 }, { t: x.end, d: -1 });
    longest = Math.max(longest ?? 0, Math.round(x.end - x.start));
  }
  let peak = 0;
  let peakAt: number | null = null;
  let peakHost: string | null = null;
  for (const [host, edges] of byHost) {
    edges.sort((a, b) => a.t - b.t || a.d - b.d); // an image deleted at t is gone before one fetched at t
    let n = 0;
    for (const e of edges) {
      n += e.d;
      if (n > peak) [peak, peakAt, peakHost] = [n, e.t, host === '' ? null : host];
    }
  }
  return { count: temps.length, peakConcurrent: peak, peakAt, peakHost, longestMs: longest };
}
