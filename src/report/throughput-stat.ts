import { DDSketch } from '@datadog/sketches-js';

/** Relative accuracy of every percentile clonewatch prints: within 1 % of the true value. */
export const RELATIVE_ACCURACY = 0.01;

/** Count, totals and the distribution of per-event MB/s of one group; mergeable. */
export interface ThroughputStat {
  count: number;
  totalMB: number;
  totalSeconds: number;
  sumMbps: number;
  min: number;
  max: number;
  readonly sketch: DDSketch;
}

/** The sketch as JSON: its positive bins as [key, count] pairs (DDSketch's own index mapping) and its zeros. */
export interface SketchJson {
  readonly zeroCount: number;
  readonly bins: readonly (readonly [number, number])[];
}

export function emptyStat(): ThroughputStat {
  return { count: 0, totalMB: 0, totalSeconds: 0, sumMbps: 0, min: Infinity, max: -Infinity, sketch: new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY }) };
}

export function addToStat(s: ThroughputStat, sizeMB: number, seconds: number, mbps: number): void {
  s.count++;
  s.totalMB += sizeMB;
  s.totalSeconds += seconds;
  s.sumMbps += mbps;
  s.min = Math.min(s.min, mbps);
  s.max = Math.max(s.max, mbps);
  s.sketch.accept(mbps);
}

/** Adds `b` into `a` (sketches merge bin by bin, so percentiles keep the same relative accuracy). */
export function mergeStat(a: ThroughputStat, b: ThroughputStat): void {
  a.count += b.count;
  a.totalMB += b.totalMB;
  a.totalSeconds += b.totalSeconds;
  a.sumMbps += b.sumMbps;
  a.min = Math.min(a.min, b.min);
  a.max = Math.max(a.max, b.max);
  a.sketch.merge(b.sketch);
}

export function sketchToJson(s: DDSketch): SketchJson {
  const bins: [number, number][] = [];
  const store = s.store;
  for (let i = 0; i < store.bins.length; i++) {
    const c = store.bins[i] ?? 0;
    if (c > 0) bins.push([i + store.offset, c]);
  }
  return { zeroCount: s.zeroCount, bins };
}

/** Rebuilds a sketch from its bins (same accuracy, so the keys mean the same values). */
export function sketchFromJson(j: SketchJson): DDSketch {
  const s = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
  for (const [key, count] of j.bins) {
    s.store.add(key, count);
    s.count += count;
  }
  s.zeroCount += j.zeroCount;
  s.count += j.zeroCount;
  return s;
}

/** A percentile of the per-event MB/s (null for an empty group). */
export function quantile(s: ThroughputStat, q: number): number | null {
  return s.count === 0 ? null : s.sketch.getValueAtQuantile(q);
}
