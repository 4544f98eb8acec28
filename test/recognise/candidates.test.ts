import test from 'ava';
import fc from 'fast-check';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { createRowFinder, type RowGroup } from '../../src/recognise/create-row-finder.ts';
import { requiredPrefixes } from '../../src/recognise/required-prefix.ts';
import type { Recogniser } from '../../src/recognise/recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { rec } from '../helpers/records.ts';

// The recogniser tries only the rows a text can match (known prefixes, anchors found in one scan).
// It must answer exactly as trying every row of the logger in table order (a row only when its
// anchor is in the text) would: same row, same fields.
function naive(logger: string | null, text: string, table: readonly Recogniser[] = RECOGNISERS): { rowId: string; fields: Record<string, string | undefined> } | null {
  const rows: readonly Recogniser[] = logger === null ? table : table.filter((r) => r.loggers.includes(logger));
  for (const row of rows) {
    if (row.anchor !== '' && !text.includes(row.anchor)) continue;
    const m = row.pattern.exec(text);
    if (m !== null) return { rowId: row.id, fields: { ...m.groups } };
  }
  return null;
}

const samples = RECOGNISERS.flatMap((r) => r.samples.map((s) => ({ text: s, logger: r.loggers[0] as string })));
const loggers = [...new Set(RECOGNISERS.flatMap((r) => r.loggers))];
const noise = fc.oneof(fc.constantFrom('', ' ', 'x', '[', '(', 'volume ', 'Task ', ' completed', ' HTTP/', ', converting to ', 'failed', '\n', 'é'), fc.string({ maxLength: 8 }));

const text = fc.oneof(
  fc.record({ s: fc.constantFrom(...samples), pre: noise, post: noise }).map(({ s, pre, post }) => `${pre}${s.text}${post}`),
  fc.record({ s: fc.constantFrom(...samples), cut: fc.nat(), keep: fc.nat() }).map(({ s, cut, keep }) => s.text.slice(cut % (s.text.length + 1), (cut % (s.text.length + 1)) + keep)),
  fc.record({ a: fc.constantFrom(...samples), b: fc.constantFrom(...samples), at: fc.nat() }).map(({ a, b, at }) => a.text.slice(0, at % (a.text.length + 1)) + b.text.slice(at % (b.text.length + 1))),
  fc.array(noise, { maxLength: 6 }).map((parts) => parts.join('')),
);

test('the candidate search answers as trying every row in table order would', (t) => {
  const recognise = createRecogniser(RECOGNISERS);
  fc.assert(
    fc.property(text, fc.option(fc.constantFrom(...loggers), { nil: null }), (s, logger) => {
      const got = recognise(rec(0, logger as string, s, { logger }));
      const want = naive(logger, s);
      if (want === null) return got === null;
      return got !== null && got.rowId === want.rowId && JSON.stringify(got.fields) === JSON.stringify(want.fields);
    }),
    { numRuns: 20_000 },
  );
  t.pass();
});

test('every sample is recognised by its own row, with or without its logger', (t) => {
  const recognise = createRecogniser(RECOGNISERS);
  for (const row of RECOGNISERS) {
    for (const s of row.samples) {
      t.is(recognise(rec(0, row.loggers[0] as string, s))?.rowId, row.id, s);
      t.is(recognise(rec(0, row.loggers[0] as string, s, { logger: null }))?.rowId, naive(null, s)?.rowId, `logger-less: ${s}`);
    }
  }
});

// A small table built to catch what the real one rarely shows: rows that overlap (a row found by
// its anchor listed before one found by its prefix), a prefix row whose anchor the pattern does
// not imply, rows tried on every text.
const row = (id: string, pattern: RegExp, anchor: string): Recogniser => ({ id, event: 'flowStart', loggers: ['l'], levels: ['INFO'], pattern, anchor, releases: 'test', samples: [] });
const TRICKY: readonly Recogniser[] = [
  row('free-done', /^(?<y>\S+) done$/, ' done'),
  row('task-done', /^Task (?<x>\S+) done/, ' done'),
  row('task-zzz', /^Task (?:x|zzz)/, 'zzz'),
  row('always-x', /^(?<z>\S+) x$/, ''),
  row('anywhere', /Task/, ''),
  row('alt', /^(?:(?<a>Task) y|x (?<b>\S+))/, ''),
];

test('on a table of overlapping rows too, the candidate search answers as trying every row would', (t) => {
  const recognise = createRecogniser(TRICKY);
  const tricky = fc.array(fc.constantFrom('Task', ' ', 'x', 'y', 'zzz', ' done', 'done'), { maxLength: 6 }).map((p) => p.join(''));
  fc.assert(
    fc.property(tricky, fc.constantFrom<string | null>('l', null), (s, logger) => {
      const got = recognise(rec(0, 'l', s, { logger }));
      const want = naive(logger, s, TRICKY);
      return want === null ? got === null : got?.rowId === want.rowId && JSON.stringify(got.fields) === JSON.stringify(want.fields);
    }),
    { numRuns: 5_000 },
  );
  t.pass();
});

// createRowFinder analyses each row's pattern once for all the groups the row is in (the whole
// table's and each of its loggers'): every group must be what analysing its own rows gives.
test("each logger's group of the real table is the group a table of that logger's rows alone gets, and lists the same candidates for every sample", (t) => {
  const finder = createRowFinder(RECOGNISERS);
  const out: number[] = [];
  const ids = (group: RowGroup | undefined, list: readonly number[]) => list.map((i) => group?.rows[i]?.id);
  for (const logger of [null, ...loggers]) {
    // A row is in a logger's group once per time it names the logger (the table test holds rows to naming each once).
    const own = logger === null ? RECOGNISERS : RECOGNISERS.flatMap((r) => r.loggers.filter((l) => l === logger).map(() => r));
    const alone = createRowFinder(own);
    const group = finder.find(logger, '', out);
    const fresh = alone.find(null, '', out);
    if (group === undefined || fresh === undefined) return t.fail(`no group for ${logger}`);
    t.deepEqual(group.rows, own, `rows of ${logger}`);
    t.deepEqual(group.prefixOf, own.map((r) => requiredPrefixes(r.pattern)), `prefixes of ${logger}`);
    const { seen: _s, starts, ...shape } = group;
    const { seen: _f, starts: freshStarts, ...freshShape } = fresh;
    t.deepEqual(shape, freshShape, `group of ${logger}`);
    t.is(starts?.source, freshStarts?.source, `anchors of ${logger}`);
    for (const s of samples) {
      const a = ids(finder.find(logger, s.text, out), out);
      t.deepEqual(ids(alone.find(null, s.text, out), out), a, `${logger}: ${s.text}`);
    }
  }
});
