import lz4 from 'lz4js';
import { ZSTDDecoder } from 'zstddec/stream';
import { MAX_EXPORT_FIELD } from '../limits.ts';
import { JOURNAL } from './journal-layout.ts';

/** A decompressed payload, or why it could not be. */
export type Decompressed = { readonly bytes: Buffer } | { readonly problem: string };

const C = JOURNAL.compressed;

/**
 * zstd in WebAssembly (zstddec: the reference C decoder compiled). Measured on the bench journal's
 * 7,188 DATA objects of 0.5–2 KB: 53 ms against fzstd's 147 ms (pure JavaScript) when both are warm,
 * and a reader thread never gets fzstd warm (272 ms in its profile); see test/bench/HISTORY.md.
 */
const zstd = new ZSTDDecoder();
let zstdLoaded = false;

/** Loads the zstd decoder (WebAssembly, compiled once per thread): await it before decompressPayload. */
export async function loadDecompressors(): Promise<void> {
  await initZstd();
  zstdLoaded = true;
}

/**
 * zstddec's init() fetches its WebAssembly from a `data:` URL whenever a global `fetch` exists
 * (Node 20 has one), and the first call of Node's fetch loads undici: ~25–30 ms of profile on the
 * reader thread's critical path, for bytes that are already in memory. Without `fetch` it
 * instantiates them from a Buffer instead. init() reads `fetch` only in its synchronous part, so
 * the global is hidden just for that call and put back before anything else runs.
 */
function initZstd(): Promise<void> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (saved === undefined || saved.configurable !== true) return zstd.init();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, writable: true, configurable: true, enumerable: false });
  try {
    return zstd.init();
  } finally {
    Object.defineProperty(globalThis, 'fetch', saved);
  }
}

/** Two calls in a row that output nothing: the streaming decoder is stuck on damaged data (it would loop). */
const STUCK = 2;

/** A frame that does not declare its size (systemd's always do), decompressed in steps, at most MAX_EXPORT_FIELD bytes. */
function zstdStreamed(payload: Buffer): Decompressed {
  const parts: Uint8Array[] = [];
  let total = 0;
  let empty = 0;
  for (const part of zstd.decodeStreaming([payload])) {
    total += part.length;
    if (total > MAX_EXPORT_FIELD) return tooLarge(total);
    empty = part.length === 0 ? empty + 1 : 0;
    if (empty >= STUCK) return { problem: 'its zstd data is damaged' };
    parts.push(part);
  }
  return { bytes: Buffer.concat(parts) };
}

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
      if (!zstdLoaded) return { problem: 'the zstd decoder is not loaded (a bug: loadDecompressors was not awaited)' };
      if (n === -1) return zstdStreamed(payload);
      // The declared size is the output's: ZSTD_decompress's error codes are not told apart by
      // zstddec, but any error leaves a different length.
      const out = n === 0 ? new Uint8Array(0) : zstd.decode(payload, n);
      if (out.length !== n) return { problem: 'its zstd data is damaged' };
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
  const { XzReadableStream } = await import('../../io/xz-readable-stream.ts'); // loaded only when XZ data is met
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
