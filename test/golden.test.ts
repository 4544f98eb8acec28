import test from 'ava';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OutputRecordSchema } from '../src/schema/volume-record.ts';
import { analyseFiles } from './helpers/analyse-files.ts';
import { sampleFiles } from './helpers/sample-files.ts';

// lnav-style golden files: the whole pipeline over every bundled sample, compared with a committed
// expected NDJSON. Regenerate on purpose with `UPDATE_GOLDEN=1 npm run test:unit -- test/golden.test.ts`
// and review the diff; never regenerate to make a test pass. Outputs are in UTC, whatever TZ the test runs in.

const update = process.env['UPDATE_GOLDEN'] === '1';

for (const file of sampleFiles()) {
  test(`golden: ${file}`, async (t) => {
    // Short modes carry no year: the samples are from 2026, the year-rollover one starts on 2025-12-31.
    const r = await analyseFiles([file], { year: file.includes('year-rollover') ? 2025 : 2026, zone: 'UTC' });
    const records = [...r.volumes, ...r.images, r.summary];
    for (const rec of records) t.true(OutputRecordSchema.safeParse(rec).success, `schema: ${JSON.stringify(rec).slice(0, 200)}`);
    const text = records.map((x) => JSON.stringify(x)).join('\n') + '\n';
    const golden = join('test', 'golden', `${file}.ndjson`);
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
