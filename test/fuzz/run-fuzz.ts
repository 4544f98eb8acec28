import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { PROPERTIES } from './properties.ts';

// npm run fuzz -- --minutes N: the properties of test/fuzz/properties.ts in rounds (each round
// runs every property its `npm test` count of times from a fresh seed) until N minutes are up.
// The first failure stops the run, exit 1, with the shrunk counterexample and how to replay it:
// npm run fuzz -- --property K --seed=S --path=P.

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    property: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    runs: { type: 'string' },
  },
});

const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  process.stderr.write('fuzz: --minutes takes a positive number\n');
  process.exit(2);
}
const chosen = values.property === undefined ? PROPERTIES : PROPERTIES.filter((p, i) => String(i) === values.property || p.name.includes(values.property ?? ''));
if (chosen.length === 0) {
  process.stderr.write(`fuzz: no property matches "${values.property}"; they are:\n${PROPERTIES.map((p, i) => `  ${i}: ${p.name}`).join('\n')}\n`);
  process.exit(2);
}

const passed = new Map<string, number>();
let total = 0;
const deadline = Date.now() + minutes * 60_000;
const replay = values.seed !== undefined;

outer: do {
  for (const p of chosen) {
    const r = await p.check({
      numRuns: values.runs !== undefined ? Number(values.runs) : p.runs,
      ...(replay ? { seed: Number(values.seed) } : {}),
      ...(values.path !== undefined ? { path: values.path } : {}),
    });
    total += r.numRuns - (r.failed ? 1 : 0);
    passed.set(p.name, (passed.get(p.name) ?? 0) + r.numRuns - (r.failed ? 1 : 0));
    if (r.failed) {
      const k = PROPERTIES.indexOf(p);
      process.stdout.write(`fuzz: property ${k} failed: ${p.name}\n${fc.defaultReportMessage(r) ?? ''}\n${String(r.errorInstance)}\n`);
      process.stdout.write(`replay: npm run fuzz -- --property ${k} --seed=${r.seed} --path=${r.counterexamplePath ?? ''}\n`);
      process.stdout.write(`fuzz: ${total} passed, 1 failed\n`);
      process.exit(1);
    }
    if (Date.now() >= deadline || replay) break outer;
  }
} while (Date.now() < deadline);

for (const [name, n] of passed) process.stdout.write(`  ${String(n).padStart(7)}  ${name}\n`);
process.stdout.write(`fuzz: ${total} passed, 0 failed\n`);
