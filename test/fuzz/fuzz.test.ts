import test from 'ava';
import fc from 'fast-check';
import { PROPERTIES } from './properties.ts';

// The fuzz properties with their `npm test` run counts. Each run draws a fresh seed, printed with
// the shrunk counterexample on failure (replay: `npm run fuzz -- --seed S --property N`);
// `npm run fuzz -- --minutes N` runs the same properties for longer.

for (const p of PROPERTIES) {
  test(`fuzz: ${p.name}`, async (t) => {
    t.timeout(60_000);
    const r = await p.check({ numRuns: p.runs });
    t.log(`${r.numRuns} runs, seed ${r.seed}`);
    if (r.failed) t.fail(`${fc.defaultReportMessage(r) ?? ''}\n${String(r.errorInstance)}`);
    else t.is(r.numRuns, p.runs);
  });
}
