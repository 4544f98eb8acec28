import test from 'ava';
import fc from 'fast-check';
import { createCloseQueue } from '../../src/reduce/create-close-queue.ts';

const SKEW = 30;
const HOSTS = 4;
/** Flow `f` lives on host `f % HOSTS`: in the reducer a flow's host is part of its key. */
const hostOf = (flow: number) => flow % HOSTS;
/**
 * One reducer step: a record of `host` moves that host's log time by `dt` (it may lag), and may
 * (re)schedule a flow of that host (a success or failure line), or the flow is emitted another way.
 */
type Op =
  | { op: 'record'; host: number; dt: number; schedule: { flow: number; closeAt: number } | null; remove: number | null }
  | { op: 'advance'; dt: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('record' as const),
    host: fc.nat(HOSTS - 1),
    dt: fc.integer({ min: -3, max: 15 }),
    schedule: fc.option(fc.record({ flow: fc.nat(3), closeAt: fc.integer({ min: -5, max: 120 }) })),
    remove: fc.option(fc.nat(3 * HOSTS)),
  }),
  fc.record({ op: fc.constant('advance' as const), dt: fc.integer({ min: 0, max: 40 }) }),
);
/** `schedule.flow` is the flow's rank among its host's flows. */
const flowOf = (host: number, rank: number) => rank * HOSTS + host;

/**
 * The reducer's close grace as it was: walk every closing flow (an insertion-ordered Set) after each
 * record and emit those due on their own host's time or `SKEW` past the watermark.
 */
function walk(ops: readonly Op[]): number[][] {
  const closing = new Set<number>();
  const closeAt = new Map<number, number>();
  const hostTimes = new Map<number, number>();
  let watermark = 0;
  const out: number[][] = [];
  for (const o of ops) {
    if (o.op === 'record') {
      const t = (hostTimes.get(o.host) ?? 0) + o.dt;
      hostTimes.set(o.host, Math.max(hostTimes.get(o.host) ?? -Infinity, t));
      watermark = Math.max(watermark, t);
      if (o.remove !== null) closing.delete(o.remove);
      if (o.schedule !== null) {
        const f = flowOf(o.host, o.schedule.flow);
        closeAt.set(f, o.schedule.closeAt);
        closing.add(f);
      }
    } else {
      watermark += o.dt;
      for (const [h, t] of hostTimes) if (t < watermark) hostTimes.set(h, watermark);
    }
    const due: number[] = [];
    for (const f of closing) {
      const own = hostTimes.get(hostOf(f)) ?? watermark;
      const at = closeAt.get(f) as number;
      if (at <= own || at + SKEW <= watermark) due.push(f);
    }
    for (const f of due) closing.delete(f);
    out.push(due);
  }
  return out;
}

function queued(ops: readonly Op[]): number[][] {
  const flows = Array.from({ length: 4 * HOSTS }, (_, i) => ({ i }));
  const q = createCloseQueue<{ i: number }>(SKEW);
  const hostTimes = new Map<string, number>();
  let watermark = 0;
  const out: number[][] = [];
  for (const o of ops) {
    let moved: string | null = null;
    if (o.op === 'record') {
      const h = String(o.host);
      const t = (hostTimes.get(h) ?? 0) + o.dt;
      hostTimes.set(h, Math.max(hostTimes.get(h) ?? -Infinity, t));
      watermark = Math.max(watermark, t);
      moved = h;
      if (o.remove !== null) q.remove(flows[o.remove] as { i: number });
      if (o.schedule !== null) q.schedule(flows[flowOf(o.host, o.schedule.flow)] as { i: number }, h, o.schedule.closeAt);
    } else {
      watermark += o.dt;
      for (const [h, t] of hostTimes) if (t < watermark) hostTimes.set(h, watermark);
    }
    out.push(q.takeDue(moved, (h) => hostTimes.get(h) ?? watermark, watermark).map((f) => f.i));
  }
  return out;
}

test('the close queue emits the same flows, in the same order, as walking every closing flow', (t) => {
  const r = fc.check(
    fc.property(fc.array(op, { maxLength: 300 }), (ops) => JSON.stringify(queued(ops)) === JSON.stringify(walk(ops))),
    { numRuns: 1000 },
  );
  if (r.failed) t.fail(fc.defaultReportMessage(r) ?? 'failed');
  else t.is(r.numRuns, 1000);
});

test('a due flow is returned once; rescheduling keeps its first place in order', (t) => {
  const a = { n: 'a' };
  const b = { n: 'b' };
  const q = createCloseQueue<{ n: string }>(SKEW);
  q.schedule(a, 'h', 10);
  q.schedule(b, 'h', 5);
  q.schedule(a, 'h', 3); // rescheduled earlier: still first in order
  t.deepEqual(q.takeDue('h', () => 10, 10), [a, b]);
  t.deepEqual(q.takeDue('h', () => 100, 100), []);
  t.is(q.size, 0);
});
