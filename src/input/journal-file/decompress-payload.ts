import { decompress as zstdDecompress } from 'fzstd';
import lz4 from 'lz4js';
import xz from 'xz-decompress';

// A webpack UMD bundle: Node's ESM loader sees only its default export.
const { XzReadableStream } = xz;
import { MAX_EXPORT_FIELD } from '../limits.ts';
import { JOURNAL } from './journal-layout.ts';

/** A decompressed payload, or why it could not be. */
export type Decompressed = { readonly bytes: Buffer } | { readonly problem: string };

const C = JOURNAL.compressed;

/** Frame_Content_Size of a zstd frame (RFC 8878 §3.1.1.1), -1 when absent, -2 when not a frame. */
function zstdContentSize(b: Buffer): number {
  if (b.length < 6 || b.readUInt32LE(0) !== 0xfd2fb528) return -2;
  const fhd = b[4] ?? 0;
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  const at = 5 + (single ? 0 : 1) + ([0, 1, 2, 4][fhd & 3] ?? 0);
  const size = fcsFlag === 0 ? single : [1, 2, 4, 8][fcsFlag] ?? 0;
  if (size === 0) return -1;
  if (b.length < at + size) return -2;
  if (size === 1) return b[at] ?? 0;
  if (size === 2) return b.readUInt16LE(at) + 256;
  if (size === 4) return b.readUInt32LE(at);
  const hi = b.readUInt32LE(at + 4);
  return hi > 0x1fffff ? Number.MAX_SAFE_INTEGER : hi * 0x100000000 + b.readUInt32LE(at);
}

const tooLarge = (n: number): Decompressed => ({ problem: `it declares ${n} bytes uncompressed (more than ${MAX_EXPORT_FIELD})` });

/**
 * A DATA object's payload, decompressed as its object flags say (ZSTD and LZ4 here; XZ needs
 * decompressXz). At most MAX_EXPORT_FIELD bytes come out: a larger declared size is refused.
 */
export function decompressPayload(flags: number, payload: Buffer): Decompressed | 'xz' {
  try {
    if (flags & C.ZSTD) {
      const n = zstdContentSize(payload);
      if (n === -2) return { problem: 'its zstd frame header is damaged' };
      if (n > MAX_EXPORT_FIELD) return tooLarge(n);
      // No output buffer passed: fzstd compares it with == 1, which turns a given buffer into a
      // string of all its bytes (profiled: the largest cost of reading a journal); without one it
      // allocates the frame's declared content size itself.
      const out = zstdDecompress(payload);
      if (n >= 0 && out.length !== n) return { problem: 'its zstd data is damaged' };
      return { bytes: Buffer.from(out.buffer, out.byteOffset, out.length) };
    }
    if (flags & C.LZ4) {
      if (payload.length < 8) return { problem: 'its LZ4 size prefix is cut' };
      const hi = payload.readUInt32LE(4);
      const n = hi === 0 ? payload.readUInt32LE(0) : Number.MAX_SAFE_INTEGER;
      if (n > MAX_EXPORT_FIELD) return tooLarge(n);
      const out = Buffer.alloc(n);
      const got = lz4.decompressBlock(payload, out, 8, payload.length - 8, 0);
      return got === n ? { bytes: out } : { problem: 'its LZ4 data is damaged' };
    }
    if (flags & C.XZ) return 'xz';
    return { bytes: payload };
  } catch (e) {
    return { problem: `it cannot be decompressed (${(e as Error).message})` };
  }
}

/** An XZ-compressed payload (async: the decoder is WebAssembly behind a web stream), read to its end or cancelled. */
export async function decompressXz(payload: Buffer): Promise<Decompressed> {
  const input = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array(payload));
      c.close();
    },
  });
  const reader = new XzReadableStream(input).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      total += r.value.length;
      if (total > MAX_EXPORT_FIELD) {
        await reader.cancel();
        return tooLarge(total);
      }
      parts.push(r.value);
    }
  } catch (e) {
    return { problem: `its XZ data is damaged (${(e as Error).message})` };
  }
  return { bytes: Buffer.concat(parts) };
}
