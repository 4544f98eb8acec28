import test from 'ava';
import { readFileSync } from 'node:fs';
import { analyseFiles, analyseSources, bufferSource } from './helpers/analyse-files.ts';
import { sampleFiles } from './helpers/sample-files.ts';

// split2-style: the output never depends on where the chunks of the input break, down to one byte
// (a \r\n, a multi-byte UTF-8 character or an export length prefix split across chunks).

function seeded(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const files = sampleFiles().filter((f) => /multi-host|coloured-json|failure|real\/14|real\/02/.test(f));

for (const file of files) {
  test(`chunking: ${file}`, async (t) => {
    const whole = await analyseFiles([file], { year: 2026 });
    const data = readFileSync(file);
    const rnd = seeded(data.length);
    const random = Array.from({ length: 64 }, () => 1 + Math.floor(rnd() * 200));
    for (const sizes of [[1], [2, 3, 5, 7], random]) {
      const r = await analyseSources([bufferSource(file, data, sizes)], { year: 2026 });
      t.deepEqual(r.volumes, whole.volumes, `chunk sizes ${sizes.slice(0, 4).join(',')}…`);
      t.deepEqual(r.summary.lines, whole.summary.lines);
    }
  });
}

test('CRLF line ends and a last line without a newline give the same records as LF', async (t) => {
  const file = 'samples/real/01-vn-lvm-volume-log-2020-08.log';
  const lf = readFileSync(file, 'utf8');
  const crlf = Buffer.from(lf.replace(/\n/g, '\r\n').replace(/\r\n$/, ''));
  const a = await analyseSources([bufferSource(file, Buffer.from(lf), [1 << 20])]);
  const b = await analyseSources([bufferSource(file, crlf, [1, 2])]);
  t.deepEqual(b.volumes, a.volumes);
});
