import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Compression } from './compression-of.ts';
import { decompressChunks } from './decompress-chunks.ts';

/** Below this much output the ratio is not checked (as for .gz text inputs). */
const FLOOR = 64 * 1024 * 1024;

/**
 * Decompresses a compressed journal file into a private temporary file (a journal is read by
 * offset, which a compressed stream cannot give), stopping when it expands more than `maxRatio`
 * times (a decompression bomb). `remove()` deletes it.
 */
export async function decompressToTemp(path: string, kind: Compression, maxRatio: number): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'clonewatch-journal-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const out = join(dir, 'journal');
  const fh = await open(out, 'wx', 0o600);
  let inBytes = 0;
  let outBytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const c of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
      inBytes += c.length;
      yield c;
    }
  }
  try {
    for await (const c of decompressChunks(kind, counted())) {
      outBytes += c.length;
      if (outBytes > FLOOR && outBytes > maxRatio * inBytes) {
        throw new Error(`it expands to more than ${maxRatio} times its compressed size, which looks like a decompression bomb; the limit is --max-gzip-ratio ${maxRatio}`);
      }
      await fh.write(c);
    }
  } catch (e) {
    await fh.close();
    await remove();
    throw e;
  }
  await fh.close();
  return { path: out, remove };
}
