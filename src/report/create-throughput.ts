import { formatTimestamp } from '../time/format-timestamp.ts';
import { THROUGHPUT_METRICS, type ThroughputDimension, type ThroughputEvent, type ThroughputMetric } from './throughput-event.ts';
import { addToStat, emptyStat, quantile, RELATIVE_ACCURACY, sketchToJson, type SketchJson, type ThroughputStat } from './throughput-stat.ts';
import { compareText } from '../model/compare-text.ts';

export type ThroughputGroup = Partial<Record<ThroughputDimension, string>>;

/** One line of the throughput summary: a metric, over one group (or overall). */
export interface ThroughputRow {
  readonly metric: ThroughputMetric;
  readonly group: ThroughputGroup;
  readonly count: number;
  readonly totalMB: number;
  readonly totalSeconds: number;
  /** Size-weighted MB/s: total MB / total seconds. */
  readonly mbps: number | null;
  /** Distribution of the per-event MB/s; percentiles within `relativeAccuracy`. */
  readonly perEvent: { mean: number | null; min: number | null; p50: number | null; p90: number | null; p99: number | null; max: number | null };
  readonly sketch: SketchJson;
}

/** `clonewatch throughput --json`: self-describing, and mergeable with `--merge`. */
export interface ThroughputSummary {
  readonly kind: 'throughput';
  readonly version: 1;
  readonly relativeAccuracy: number;
  readonly by: readonly ThroughputDimension[];
  /** Zone of the `hour` groups. */
  readonly zone: string;
  readonly overall: readonly ThroughputRow[];
  readonly groups: readonly ThroughputRow[];
}

export interface StatCell {
  readonly metric: ThroughputMetric;
  readonly group: ThroughputGroup;
  readonly stat: ThroughputStat;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r2 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);

/** The hour an event started in, in `zone`: `2026-03-22 09:00`. */
function hourOf(t: number | null, zone: string): string {
  return t === null ? '?' : formatTimestamp(t, zone, { style: 'hour' });
}

function groupOf(e: ThroughputEvent, by: readonly ThroughputDimension[], zone: string): ThroughputGroup {
  const g: ThroughputGroup = {};
  for (const d of by) g[d] = d === 'hour' ? hourOf(e.time, zone) : (e[d] ?? '?');
  return g;
}

const cellKey = (metric: string, group: ThroughputGroup, by: readonly ThroughputDimension[]) => JSON.stringify([metric, ...by.map((d) => group[d] ?? '?')]);

/** The cell of (metric, group projected on `by`), created empty when new. */
export function cellFor(cells: Map<string, StatCell>, metric: ThroughputMetric, group: ThroughputGroup, by: readonly ThroughputDimension[]): StatCell {
  const key = cellKey(metric, group, by);
  let c = cells.get(key);
  if (c === undefined) {
    const g: ThroughputGroup = {};
    for (const d of by) g[d] = group[d] ?? '?';
    c = { metric, group: g, stat: emptyStat() };
    cells.set(key, c);
  }
  return c;
}

/** Rows in a stable order: metric order, then group values. */
export function toRows(cells: Iterable<StatCell>, by: readonly ThroughputDimension[]): ThroughputRow[] {
  const list = [...cells].filter((c) => c.stat.count > 0);
  const rank = (m: ThroughputMetric) => THROUGHPUT_METRICS.indexOf(m);
  list.sort((a, b) => rank(a.metric) - rank(b.metric) || by.map((d) => compareText(a.group[d] ?? '', b.group[d] ?? '')).find((x) => x !== 0) || 0);
  return list.map(({ metric, group, stat: s }) => {
    const q = (p: number) => {
      const v = quantile(s, p);
      return v === null ? null : r2(Math.min(s.max, Math.max(s.min, v)));
    };
    return {
      metric,
      group,
      count: s.count,
      totalMB: r3(s.totalMB),
      totalSeconds: r3(s.totalSeconds),
      mbps: s.totalSeconds > 0 ? r2(s.totalMB / s.totalSeconds) : null,
      perEvent: { mean: r2(s.sumMbps / s.count), min: r2(s.min), p50: q(0.5), p90: q(0.9), p99: q(0.99), max: r2(s.max) },
      sketch: sketchToJson(s.sketch),
    };
  });
}

/** Accumulates throughput events into the overall and the grouped statistics. */
export function createThroughput(by: readonly ThroughputDimension[], zone: string) {
  const overall = new Map<string, StatCell>();
  const groups = new Map<string, StatCell>();
  return {
    add(e: ThroughputEvent): void {
      addToStat(cellFor(overall, e.metric, {}, []).stat, e.sizeMB, e.seconds, e.mbps);
      if (by.length > 0) addToStat(cellFor(groups, e.metric, groupOf(e, by, zone), by).stat, e.sizeMB, e.seconds, e.mbps);
    },
    result(): ThroughputSummary {
      return { kind: 'throughput', version: 1, relativeAccuracy: RELATIVE_ACCURACY, by: [...by], zone, overall: toRows(overall.values(), []), groups: toRows(groups.values(), by) };
    },
  };
}
