import { readSync } from 'node:fs';
import type { ByteSource } from '../input/journal-file/byte-source.ts';
import { readU64 } from '../input/journal-file/read-u64.ts';

/** Block size of the read cache: journal objects are small and mostly read in file order. */
const BLOCK = 64 * 1024;
/** Blocks kept per file (least recently used evicted): 1 MiB per open journal file. */
const BLOCKS = 16;

/**
 * Positioned reads of an open file descriptor through a small LRU block cache (Node has no mmap):
 * memory stays bounded whatever the file's size. A read spanning blocks is copied into a new buffer.
 * Most reads fall in the block read last (an entry's header and items, an object's size and then
 * the object): that block is checked first, without touching the LRU order (it is already the most
 * recent).
 */
export function createFileByteSource(fd: number, size: number): ByteSource & { readonly bytesRead: () => number } {
  const blocks = new Map<number, Buffer>();
  let bytesRead = 0;
  let lastN = -1;
  let lastB: Buffer = Buffer.alloc(0);
  /** Fills `buf` from `pos` (fewer bytes at the end of the file): the bytes read, counted in bytesRead. */
  const fill = (buf: Buffer, pos: number): number => {
    let got = 0;
    while (got < buf.length) {
      const r = readSync(fd, buf, got, buf.length - got, pos + got);
      if (r === 0) break;
      got += r;
    }
    bytesRead += got;
    return got;
  };
  const block = (n: number): Buffer => {
    if (n === lastN) return lastB;
    let b = blocks.get(n);
    if (b !== undefined) {
      blocks.delete(n);
      blocks.set(n, b);
    } else {
      const start = n * BLOCK;
      const len = Math.min(BLOCK, size - start);
      b = Buffer.allocUnsafe(Math.max(0, len));
      b = b.subarray(0, fill(b, start));
      if (blocks.size >= BLOCKS) blocks.delete(blocks.keys().next().value as number);
      blocks.set(n, b);
    }
    lastN = n;
    lastB = b;
    return b;
  };
  const read = (pos: number, len: number): Buffer => {
    if (pos >= size || len <= 0) return Buffer.alloc(0);
    const end = Math.min(pos + len, size);
    const first = Math.floor(pos / BLOCK);
    const last = Math.floor((end - 1) / BLOCK);
    if (first === last) {
      const b = block(first);
      return b.subarray(pos - first * BLOCK, Math.min(end - first * BLOCK, b.length));
    }
    if (end - pos > 4 * BLOCK) {
      // A large object (a long MESSAGE): read it directly, not through the cache.
      const out = Buffer.allocUnsafe(end - pos);
      return out.subarray(0, fill(out, pos));
    }
    const parts: Buffer[] = [];
    for (let n = first; n <= last; n++) {
      const b = block(n);
      const from = n === first ? pos - n * BLOCK : 0;
      const to = n === last ? end - n * BLOCK : BLOCK;
      parts.push(b.subarray(from, Math.min(to, b.length)));
      if (b.length < BLOCK) break;
    }
    return Buffer.concat(parts);
  };
  return {
    size,
    bytesRead: () => bytesRead,
    read,
    u64(pos) {
      if (pos < 0 || pos + 8 > size) return null;
      const n = Math.floor(pos / BLOCK);
      const at = pos - n * BLOCK;
      if (at + 8 <= BLOCK) {
        const b = block(n);
        return at + 8 <= b.length ? readU64(b, at) : null;
      }
      const b = read(pos, 8);
      return b.length === 8 ? readU64(b, 0) : null;
    },
    u8(pos) {
      if (pos < 0 || pos >= size) return null;
      const n = Math.floor(pos / BLOCK);
      return block(n)[pos - n * BLOCK] ?? null;
    },
  };
}
