import test from 'ava';
import fc from 'fast-check';
import { detachRecord } from '../../src/model/detach-record.ts';
import { createFlowIndex } from '../../src/reduce/create-flow-index.ts';
import { createFlow, type Flow } from '../../src/reduce/flow.ts';
import { remember } from '../../src/reduce/remember.ts';
import { rec } from '../helpers/records.ts';

// The flow index keys open flows and closed ids by host, then request id, instead of one Map keyed
// by `${host}\0${id}`. It must behave exactly like that simple way: the same flow found, the same
// order of activity (eviction and idle expiry take the least recently active first), the same
// closed ids forgotten first once more than the bound are remembered, the same host times.
function simple(closedBound: number) {
  const flows = new Map<string, Flow>();
  const closed = new Map<string, true>();
  const times = new Map<string, number>();
  const keyOf = new Map<Flow, string>();
  const k = (host: string, id: string) => `${host}\u0000${id}`;
  return {
    time(host: string, t: number) {
      const known = times.get(host);
      if (known === undefined || t > known) times.set(host, t);
    },
    timeOf: (host: string) => times.get(host),
    touch(host: string, id: string) {
      const f = flows.get(k(host, id));
      if (f !== undefined) {
        flows.delete(k(host, id));
        flows.set(k(host, id), f);
      }
      return f;
    },
    add(host: string, id: string, f: Flow) {
      closed.delete(k(host, id));
      flows.set(k(host, id), f);
      keyOf.set(f, k(host, id));
    },
    remove(f: Flow, isClosed: boolean) {
      const key = keyOf.get(f) as string;
      if (flows.get(key) !== f) return;
      flows.delete(key);
      if (isClosed) remember(closed, key, true, closedBound);
    },
    isClosed: (host: string, id: string) => closed.has(k(host, id)),
    flows: () => [...flows.values()],
  };
}

const flow = (n: number): Flow => createFlow(`f${n}`, { type: 'flowStart', rowId: 'r', fields: {}, record: detachRecord(rec(n, 'l', 'x')) }, { time: n, origin: { input: 'in', line: n } });
// No NUL in hosts and ids: the simple way's joined keys would confuse host 'a\0b' and id 'c' with
// host 'a' and id 'b\0c' (the index keeps them apart); journald host names and oslo request ids have none.
const host = fc.constantFrom('', 'h1', 'h2', 'a b', 'a');
const id = fc.constantFrom('req-1', 'req-2', 'b req-1', 'volume 1', '');
const op = fc.oneof(
  fc.record({ kind: fc.constant('time' as const), host, t: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constant('touch' as const), host, id }),
  fc.record({ kind: fc.constant('open' as const), host, id }),
  fc.record({ kind: fc.constant('remove' as const), which: fc.nat(), closed: fc.boolean() }),
  fc.record({ kind: fc.constant('closed' as const), host, id }),
);

test('finds, orders, closes and forgets like one Map keyed by host and request id', (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (bound, ops) => {
      const got = createFlowIndex(bound);
      const want = simple(bound);
      let n = 0;
      for (const o of ops) {
        switch (o.kind) {
          case 'time': {
            const h = got.host(o.host);
            if (h.time === null || o.t > h.time) h.time = o.t;
            want.time(o.host, o.t);
            break;
          }
          case 'touch':
            if (got.touch(got.host(o.host), o.id) !== want.touch(o.host, o.id)) return false;
            break;
          case 'open':
            // As the reducer does: a flow opens under an id that has none open.
            if (got.touch(got.host(o.host), o.id) !== want.touch(o.host, o.id)) return false;
            if (want.touch(o.host, o.id) === undefined) {
              const f = flow(n++);
              got.add(got.host(o.host), o.id, f);
              want.add(o.host, o.id, f);
            }
            break;
          case 'remove': {
            const open = want.flows();
            const f = open[o.which % Math.max(open.length, 1)];
            if (f === undefined) break;
            got.remove(f, o.closed);
            want.remove(f, o.closed);
            break;
          }
          case 'closed':
            if (got.isClosed(got.host(o.host), o.id) !== want.isClosed(o.host, o.id)) return false;
            break;
        }
        const order = [...got.flows()];
        const expected = want.flows();
        if (order.length !== expected.length || got.size !== expected.length || order.some((f, i) => f !== expected[i])) return false;
        for (const h of got.hosts()) if ((h.time ?? undefined) !== want.timeOf(h.name)) return false;
        for (const f of order) {
          const p = got.placeOf(f);
          if (p === undefined || got.touch(p.host, p.id) !== f) return false;
          want.touch(p.host.name, p.id);
        }
      }
      return true;
    }),
    { numRuns: 5_000 },
  );
  t.pass();
});
