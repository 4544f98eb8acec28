/** How many provisionings were in flight over time. */
export interface Concurrency {
  readonly peak: number;
  /** When the peak was first reached, and when it ended (epoch ms). */
  readonly peakAt: number | null;
  readonly peakUntil: number | null;
  /** Step curve: from each `t` on, `n` were in flight (a point at every change). */
  readonly curve: readonly { readonly t: number; readonly n: number }[];
}

/** An exact sweep over [start, end] intervals; one that ends at t is gone before one that starts at t. */
export function concurrency(intervals: readonly { start: number; end: number }[]): Concurrency {
  const edges: { t: number; d: number }[] = [];
  for (const i of intervals) edges.push({ t: i.start, d: 1 }, { t: Math.max(i.start, i.end), d: -1 });
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  const curve: { t: number; n: number }[] = [];
  let n = 0;
  let peak = 0;
  let peakAt: number | null = null;
  let peakUntil: number | null = null;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k] as { t: number; d: number };
    n += e.d;
    const next = edges[k + 1];
    if (next !== undefined && next.t === e.t) continue; // settle every edge at the same instant first
    const last = curve[curve.length - 1];
    if (last === undefined || last.n !== n) curve.push({ t: e.t, n });
    if (n > peak) {
      peak = n;
      peakAt = e.t;
      peakUntil = next?.t ?? e.t;
    }
  }
  return { peak, peakAt, peakUntil, curve };
}
