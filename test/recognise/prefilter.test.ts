import test from 'ava';
import fc from 'fast-check';
import { createPrefilter } from '../../src/recognise/create-prefilter.ts';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { createRowFinder } from '../../src/recognise/create-row-finder.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { rec } from '../helpers/records.ts';

// The prefilter rules a text out only when no row could match it: it derives what each row needs
// from the rows themselves (required prefixes, anchors), so a row added to the table is covered.
const finder = createRowFinder(RECOGNISERS);
const mayMatch = createPrefilter(finder);
const recognise = createRecogniser(RECOGNISERS, finder);

test('every row of the table needs some literal, so the prefilter can rule texts out for it', (t) => {
  t.deepEqual(
    finder.unfiltered.map((r) => r.id),
    [],
    'these rows have no anchor and no required prefix: every text would be a candidate; give them an anchor',
  );
});

test("no row's sample is ruled out, for any of the row's loggers or without a logger", (t) => {
  for (const row of RECOGNISERS) {
    for (const s of row.samples) {
      for (const logger of [...row.loggers, null]) t.true(mayMatch(logger, s), `${row.id} (${logger ?? 'no logger'}): ${s}`);
      // With a DEBUG suffix not yet removed (the prefilter sees the text before that).
      t.true(mayMatch(row.loggers[0] as string, `${s} {{(pid=1) f /a.py:1}}`), `${row.id} with a DEBUG suffix: ${s}`);
    }
  }
});

const samples = RECOGNISERS.flatMap((r) => r.samples.map((s) => ({ text: s, logger: r.loggers[0] as string })));
const loggers = [...new Set(RECOGNISERS.flatMap((r) => r.loggers)), 'cinder.manager', 'oslo_service.periodic_task'];
const noise = fc.oneof(fc.constantFrom('', ' ', 'x', '[', 'volume ', 'Task ', ' completed', ' HTTP/', 'é', ' {{(pid=7) f /a.py:2}}'), fc.string({ maxLength: 8 }));
const text = fc.oneof(
  fc.record({ s: fc.constantFrom(...samples), pre: noise, post: noise }).map(({ s, pre, post }) => `${pre}${s.text}${post}`),
  fc.record({ s: fc.constantFrom(...samples), cut: fc.nat(), keep: fc.nat() }).map(({ s, cut, keep }) => s.text.slice(cut % (s.text.length + 1), (cut % (s.text.length + 1)) + keep)),
  fc.record({ a: fc.constantFrom(...samples), b: fc.constantFrom(...samples), at: fc.nat() }).map(({ a, b, at }) => a.text.slice(0, at % (a.text.length + 1)) + b.text.slice(at % (b.text.length + 1))),
  fc.array(noise, { maxLength: 6 }).map((parts) => parts.join('')),
);

test('a text the prefilter rules out is never recognised, with any logger', (t) => {
  let ruledOut = 0;
  fc.assert(
    fc.property(text, fc.option(fc.constantFrom(...loggers), { nil: null }), (s, logger) => {
      if (mayMatch(logger, s)) return true;
      ruledOut++;
      return recognise(rec(0, logger as string, s, { logger })) === null;
    }),
    { numRuns: 20_000 },
  );
  t.true(ruledOut > 1000, `only ${ruledOut} texts ruled out: the property tested little`);
});
