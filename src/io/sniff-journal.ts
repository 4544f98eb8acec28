import { open } from 'node:fs/promises';
import { compressionOf, type Compression } from './compression-of.ts';
import { decompressChunks } from './decompress-chunks.ts';

const SIGNATURE = 'LPKSHHRH';

/**
 * Whether the file at `path` is a systemd journal file, by its signature (never its name), plain
 * or inside gzip, xz or zstd: null when it is not, else its compression (null compression: plain).
 */
export async function sniffJournal(path: string): Promise<{ compression: Compression | null } | null> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    if (b.toString('latin1', 0, 8) === SIGNATURE) return { compression: null };
    const kind = compressionOf(b);
    if (kind === null) return null;
    let got = Buffer.alloc(0);
    try {
      async function* one(): AsyncGenerator<Buffer> {
        yield b;
      }
      for await (const c of decompressChunks(kind, one())) {
        got = Buffer.concat([got, c]);
        if (got.length >= 8) break;
      }
    } catch {
      // A compressed file cut shorter than its first 8 decompressed bytes, or damaged: not a journal we can read.
    }
    return got.toString('latin1', 0, 8) === SIGNATURE ? { compression: kind } : null;
  } finally {
    await fh.close();
  }
}
