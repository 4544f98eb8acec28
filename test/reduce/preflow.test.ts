import test from 'ava';
import fc from 'fast-check';
import { detachRecord } from '../../src/model/detach-record.ts';
import { createPreflow, type PreflowEntry } from '../../src/reduce/create-preflow.ts';
import type { Event } from '../../src/recognise/event.ts';
import { rec } from '../helpers/records.ts';

// The preflow keeps keys as bytes in an arena, found by hash. It must behave exactly like the
// plain Map it replaced: first line kept, events appended up to a limit, the key noted first
// forgotten once more than `capacity` are held, take() removing.
function reference(capacity: number, maxEvents: number) {
  const map = new Map<string, { time: number | null; origin: { input: string; line: number }; events: Event[] }>();
  return {
    note(key: string, time: number | null, input: string, line: number, event: Event | null) {
      const p = map.get(key);
      if (p === undefined) {
        map.set(key, { time, origin: { input, line }, events: event === null ? [] : [event] });
        if (map.size > capacity) map.delete(map.keys().next().value as string);
      } else if (event !== null && p.events.length < maxEvents) p.events.push(event);
    },
    take(key: string): PreflowEntry | undefined {
      const p = map.get(key);
      map.delete(key);
      return p;
    },
    get size() {
      return map.size;
    },
  };
}

const event = (n: number): Event => ({ type: 'flowState', rowId: `e${n}`, fields: {}, record: detachRecord(rec(n, 'l', `e${n}`)) });
// Keys are (host number, request id); the reference keys its Map by both in one string.
const id = fc.oneof(
  fc.constantFrom('req-1', 'req-2', 'req-3', '', 'x'.repeat(97), 'x'.repeat(96), 'réq-é', 'req-\u4e2d', 'req-\u012d', 'req--'),
  fc.string({ maxLength: 4 }),
);
const key = fc.record({ host: fc.integer({ min: 0, max: 2 }), id }).map(({ host, id }) => ({ host, id, joined: `${host}\u0000${id}` }));
const op = fc.oneof(
  fc.record({ kind: fc.constant('note' as const), key, time: fc.option(fc.integer(), { nil: null }), line: fc.nat(), ev: fc.option(fc.nat(99), { nil: null }) }),
  fc.record({ kind: fc.constant('take' as const), key }),
);

for (const [name, hash] of [
  ['its own hash', null],
  ['a hash where everything collides', () => 7],
  ['a hash with a few values', (host: number, k: string) => (host + k.length) % 3],
] as const) {
  test(`behaves like a Map bounded to the last keys noted, with ${name}`, (t) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.array(op, { maxLength: 80 }), (capacity, maxEvents, ops) => {
        const got = createPreflow(capacity, maxEvents, hash);
        const want = reference(capacity, maxEvents);
        for (const o of ops) {
          if (o.kind === 'note') {
            const e = o.ev === null ? null : event(o.ev);
            got.note(o.key.host, o.key.id, o.time, 'in', o.line, e);
            want.note(o.key.joined, o.time, 'in', o.line, e);
          } else if (JSON.stringify(got.take(o.key.host, o.key.id)) !== JSON.stringify(want.take(o.key.joined))) return false;
          if (got.size !== want.size) return false;
        }
        return true;
      }),
      { numRuns: 3_000 },
    );
    t.pass();
  });
}

test('200,000 ids through a 4096-key preflow: bounded, and the last ones are still there', (t) => {
  const p = createPreflow(4096, 16);
  const rid = (i: number) => `req-${i.toString(16).padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd`;
  for (let i = 0; i < 200_000; i++) p.note(i % 7, rid(i), i, 'in', i + 1, null);
  t.is(p.size, 4096);
  const last = 199_999;
  t.is(p.take(last % 7, rid(last))?.origin.line, last + 1);
  t.is(p.take((last + 1) % 7, rid(last)), undefined, 'the same id on another host is another key');
  t.is(p.take(0, rid(0)), undefined, 'the first one was forgotten');
});
