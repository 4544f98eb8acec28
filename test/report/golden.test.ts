import test from 'ava';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from './run-cli.ts';

// Golden outputs of `report` and `throughput` over the burst sample, terminal and JSON, as a user
// runs them. Regenerate on purpose with `UPDATE_GOLDEN=1 TZ=UTC npx ava test/report/golden.test.ts`
// and review the diff; never to make a test pass.

const update = process.env['UPDATE_GOLDEN'] === '1';
const BURST = 'samples/burst/journal.json';

const CASES: [name: string, args: string[]][] = [
  ['report.txt', ['report', '--tz', 'UTC', BURST]],
  ['report.json', ['report', '--json', '--tz', 'UTC', '--top', '3', BURST]],
  ['throughput.txt', ['throughput', '--tz', 'UTC', '--by', 'host,backend', BURST]],
  ['throughput.json', ['throughput', '--json', '--tz', 'UTC', '--by', 'host', BURST]],
  ['throughput.csv', ['throughput', '--csv', '--tz', 'UTC', '--by', 'hour,host', BURST]],
  ['report-host-cvol-a.txt', ['report', '--tz', 'UTC', '--host', 'cvol-a', '--top', '3', BURST]],
];

for (const [name, args] of CASES) {
  test(`golden: clonewatch ${args.join(' ')}`, async (t) => {
    const r = await runCli(args);
    t.is(r.status, 0, r.stderr);
    t.is(r.stderr, '');
    const text = name.endsWith('.json') ? `${JSON.stringify(JSON.parse(r.stdout), null, 1)}\n` : r.stdout;
    const golden = join('test', 'golden', 'report', name);
    if (update || !existsSync(golden)) {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, text);
      if (!update) t.fail(`no golden file yet: wrote ${golden}; review it and commit`);
      else t.pass();
      return;
    }
    t.is(text, readFileSync(golden, 'utf8'));
  });
}
