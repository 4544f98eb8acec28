import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import type { InputFormat } from '../../src/model/log-record.ts';
import { analyseSources, bufferSource, type RunResult } from '../helpers/analyse-files.ts';
import { samples, type Sample } from '../fuzz/support/corpus.ts';
import { joinUnits, splitEntries, type Unit } from '../fuzz/support/entries.ts';
import { garbageArb, mutate, mutationArb, prng } from '../fuzz/support/mutate.ts';
import { linesAddUp } from '../fuzz/support/run.ts';
import { jsonMutationArb, mutateJson } from './mutate-json.ts';

// The prefilter (createPrefilter) parses records no recogniser could match only in part and does
// not offer them to the recognisers. It must change nothing but one count: on random mixes of real
// lines (from every sample of one format), mutated lines and garbage lines, the pipeline gives the
// same volume records in the same order, the same images, the same diagnostics and the same counts
// as parsing every record in full (`--diagnostics`, which turns it off to show unrecognised lines),
// except that the records it rules out are counted `prefiltered` instead of `unrecognised`:
//   full.unrecognised = prefiltered.unrecognised + prefiltered.prefiltered, full.prefiltered = 0.
// In the json line modes the prefiltered run also reads lines without JSON.parse when they have the
// shape journalctl writes (createJsonLineScanner), and the full run parses every line: for json the
// mixes are also mutated at the JSON level (escapes, byte-array and string messages, nested objects,
// duplicate keys, numbers and null where strings are expected, whitespace), so both paths are taken
// and must agree.

const byFormat = new Map<InputFormat, Sample[]>();
for (const s of samples()) byFormat.set(s.format, [...(byFormat.get(s.format) ?? []), s]);
const formats = [...byFormat.keys()].sort();

function run(data: Buffer, format: InputFormat, sizes: readonly number[], showUnrecognised: number): Promise<RunResult> {
  return analyseSources([bufferSource('mix', data, sizes)], { inputFormat: format, year: 2026, zone: 'UTC', showUnrecognised });
}

/** Units (lines, or export / json-pretty entries) drawn from every sample of the format, in runs, plus garbage. */
function mix(format: InputFormat, picks: readonly [number, number, number][], garbage: readonly Buffer[], seed: number): Buffer {
  const from = byFormat.get(format) as Sample[];
  const units: Unit[] = [];
  for (const [which, start, n] of picks) {
    const all = splitEntries(format, (from[which % from.length] as Sample).data);
    const at = start % Math.max(1, all.length);
    units.push(...all.slice(at, at + n));
  }
  const random = prng(seed);
  for (const bytes of garbage) units.splice(Math.floor(random() * (units.length + 1)), 0, { bytes: Buffer.concat([bytes, Buffer.from('\n')]), entry: false });
  return joinUnits(units);
}

const withoutUnrecognised = (r: RunResult) => r.diagnostics.filter((d) => d.code !== 'unrecognised-line');

/** Runs the mix both ways and checks they agree; returns how many records were prefiltered. */
async function agree(t: ExecutionContext, data: Buffer, format: InputFormat, sizes: readonly number[]): Promise<number> {
  const fast = await run(data, format, sizes, 0);
  const full = await run(data, format, sizes, Number.MAX_SAFE_INTEGER);
  t.deepEqual(fast.volumes, full.volumes, 'volume records');
  t.deepEqual(fast.images, full.images, 'images');
  t.deepEqual(withoutUnrecognised(fast), withoutUnrecognised(full), 'diagnostics');
  const { unrecognised, prefiltered: p, ...rest } = fast.summary.lines;
  const { unrecognised: fullUnrecognised, prefiltered: fullPrefiltered, ...fullRest } = full.summary.lines;
  t.is(fullPrefiltered, 0, 'the full parse prefilters nothing');
  t.is(unrecognised + p, fullUnrecognised, 'prefiltered records are the unrecognised ones the prefilter ruled out');
  t.deepEqual(rest, fullRest, 'every other count');
  t.true(linesAddUp(fast.summary.lines), `lines add up: ${JSON.stringify(fast.summary.lines)}`);
  t.deepEqual({ ...fast.summary, lines: null }, { ...full.summary, lines: null }, 'the rest of the summary');
  return p;
}

const mixArb = fc.record({
  picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 150 })), { minLength: 1, maxLength: 6 }),
  garbage: fc.array(garbageArb, { maxLength: 8 }),
  mutations: fc.array(mutationArb, { maxLength: 12 }),
  seed: fc.integer(),
  sizes: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
});

for (const format of formats) {
  test(`prefiltered and full parsing agree on random mixes of real, mutated and garbage ${format} lines`, async (t) => {
    t.timeout(120_000);
    let prefiltered = 0;
    await fc.assert(
      fc.asyncProperty(mixArb, async (c) => {
        prefiltered += await agree(t, mutate(mix(format, c.picks, c.garbage, c.seed), c.mutations), format, c.sizes);
      }),
      { numRuns: 15 },
    );
    t.true(prefiltered > 0, 'no record was prefiltered: the property tested nothing');
  });
}

test('json: the fast path and JSON.parse of every line agree on mixes with JSON-level mutations', async (t) => {
  t.timeout(240_000);
  let prefiltered = 0;
  let mutated = 0;
  await fc.assert(
    fc.asyncProperty(mixArb, fc.array(jsonMutationArb, { minLength: 1, maxLength: 40 }), async (c, json) => {
      const lines = mix('json', c.picks, c.garbage, c.seed);
      const data = mutate(mutateJson(lines, json), c.mutations);
      if (!data.equals(lines)) mutated++;
      prefiltered += await agree(t, data, 'json', c.sizes);
    }),
    { numRuns: 40 },
  );
  t.true(prefiltered > 0 && mutated > 30, `prefiltered ${prefiltered}, mutated mixes ${mutated}: the property tested little`);
});
