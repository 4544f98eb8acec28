import type { Metrics } from './create-metrics.ts';

/** Running totals as the pipeline keeps them (its progress(): lineTotals() and the reducer's counters). */
export interface RunningTotals {
  readonly read: number;
  readonly recognised: number;
  readonly unrecognised: number;
  readonly evicted: number;
  readonly openFlows: number;
}

/**
 * Turns running totals into the deltas Metrics counts (and sets the open-flows gauge), so the caller
 * can pass what it has whenever it likes (every batch, every second) without counting anything
 * twice. A total that went down (a new run) is taken as starting again from zero.
 */
export function createTotalsFeeder(metrics: Metrics): (totals: RunningTotals) => void {
  let last = { read: 0, recognised: 0, unrecognised: 0, evicted: 0 };
  const delta = (now: number, before: number) => (now >= before ? now - before : now);
  return (totals) => {
    metrics.addLines({
      read: delta(totals.read, last.read),
      recognised: delta(totals.recognised, last.recognised),
      unrecognised: delta(totals.unrecognised, last.unrecognised),
    });
    metrics.addEvicted(delta(totals.evicted, last.evicted));
    metrics.setOpenFlows(totals.openFlows);
    last = { read: totals.read, recognised: totals.recognised, unrecognised: totals.unrecognised, evicted: totals.evicted };
  };
}
