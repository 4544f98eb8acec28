import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Compression } from './compression-of.ts';

/**
 * Decompresses a stream of gzip (node:zlib), zstd (fzstd) or xz (xz-decompress) bytes. Stopping
 * early (a `return` from the consumer) releases the decoder. fzstd and xz-decompress are loaded only
 * when such data is met (not at start-up).
 */
export async function* decompressChunks(kind: Compression, input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (kind === 'gzip') {
    const gunzip = createGunzip();
    const src = Readable.from(input);
    src.on('error', (e) => gunzip.destroy(e));
    try {
      for await (const c of src.pipe(gunzip) as AsyncIterable<Buffer>) yield c;
    } finally {
      src.destroy();
      gunzip.destroy();
    }
    return;
  }
  if (kind === 'zstd') {
    const { Decompress } = await import('fzstd');
    const out: Buffer[] = [];
    const d = new Decompress((data) => out.push(Buffer.from(data.buffer, data.byteOffset, data.length)));
    for await (const c of input) {
      d.push(c);
      while (out.length > 0) yield out.shift() as Buffer;
    }
    d.push(new Uint8Array(0), true);
    while (out.length > 0) yield out.shift() as Buffer;
    return;
  }
  const { XzReadableStream } = await import('./xz-readable-stream.ts');
  const it = input[Symbol.asyncIterator]();
  const web = new ReadableStream<Uint8Array>({
    async pull(c) {
      const r = await it.next();
      if (r.done === true) c.close();
      else c.enqueue(new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.length));
    },
  });
  const reader = new XzReadableStream(web).getReader();
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) {
        done = true;
        return;
      }
      if (r.value.length > 0) yield Buffer.from(r.value.buffer, r.value.byteOffset, r.value.length);
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}
