import test from 'ava';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileChunks } from '../../src/io/read-file-chunks.ts';

const dir = await mkdtemp(join(tmpdir(), 'clonewatch-chunks-'));
test.after.always(() => rm(dir, { recursive: true, force: true }));

// Sizes around the chunk size: empty, one short read, an exact multiple (the end is a 0-byte read), one byte past it.
for (const size of [0, 5, 64, 128, 129, 1000]) {
  test(`a ${size}-byte file comes back whole, in order, with its size counted`, async (t) => {
    const data = randomBytes(size);
    const path = join(dir, `f${size}`);
    await writeFile(path, data);
    const progress = { bytesRead: 0 };
    const chunks: Buffer[] = [];
    for await (const c of readFileChunks(path, 64, 3, progress)) chunks.push(c);
    t.true(Buffer.concat(chunks).equals(data));
    t.true(chunks.every((c) => c.length > 0 && c.length <= 64));
    t.is(progress.bytesRead, size);
  });
}

test('chunks are not reused: one kept across later reads keeps its bytes', async (t) => {
  const data = randomBytes(640);
  const path = join(dir, 'kept');
  await writeFile(path, data);
  const chunks: Buffer[] = [];
  for await (const c of readFileChunks(path, 64, 4, { bytesRead: 0 })) chunks.push(c);
  t.true(chunks[0]?.equals(data.subarray(0, 64)));
});

test('stopping early closes the file without an error', async (t) => {
  const path = join(dir, 'early');
  await writeFile(path, randomBytes(4096));
  let n = 0;
  for await (const c of readFileChunks(path, 64, 4, { bytesRead: 0 })) {
    n += c.length;
    if (n >= 128) break;
  }
  t.is(n, 128);
});
