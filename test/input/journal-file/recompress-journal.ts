import { execFileSync } from 'node:child_process';

/** An LZ4 frame (the `lz4` command's output) → its first block, raw, as journald stores it; null when stored uncompressed. */
function lz4Block(frame: Buffer): Buffer | null {
  if (frame.readUInt32LE(0) !== 0x184d2204) throw new Error('not an LZ4 frame');
  const flg = frame[4] ?? 0;
  let at = 4 + 2 + (flg & 0x08 ? 8 : 0) + (flg & 0x01 ? 4 : 0) + 1;
  const size = frame.readUInt32LE(at);
  if (size & 0x80000000) return null;
  at += 4;
  return frame.subarray(at, at + size);
}

/** The DATA object's compression flag and the header's incompatible flag of each kind. */
const OBJECT_FLAG = { xz: 1, lz4: 2, 'zstd-unsized': 4 } as const;
const HEADER_FLAG = { xz: 1, lz4: 2, 'zstd-unsized': 8 } as const;

/**
 * A test writer for the two compressions systemd-journal-remote here does not write: rewrites, in
 * a copy of an uncompressed journal file, the DATA objects of long MESSAGE values (up to `max`) as
 * XZ (the real `xz` command) or LZ4 (the real `lz4` command's block, behind journald's 8-byte size
 * prefix) objects in place (same offsets, smaller size), and sets the file's incompatible flag;
 * also as zstd frames that do not declare their size (the real `zstd` command reading a pipe),
 * which systemd never writes and journalctl refuses, but another writer could.
 */
export function recompressJournal(file: Buffer, kind: 'xz' | 'lz4' | 'zstd-unsized', max: number): { file: Buffer; rewritten: number } {
  const out = Buffer.from(file);
  const compact = (out.readUInt32LE(12) & 16) !== 0;
  const payloadAt = compact ? 72 : 64;
  const headerSize = Number(out.readBigUInt64LE(88));
  const end = headerSize + Number(out.readBigUInt64LE(96));
  let rewritten = 0;
  for (let p = headerSize; p + 16 <= end && rewritten < max; ) {
    const type = out[p];
    const size = Number(out.readBigUInt64LE(p + 8));
    if (size === 0) break;
    const payload = out.subarray(p + payloadAt, p + size);
    if (type === 1 && out[p + 1] === 0 && payload.length >= 200 && payload.subarray(0, 8).toString() === 'MESSAGE=') {
      let packed: Buffer | null;
      if (kind === 'xz') packed = execFileSync('xz', ['-c', '--format=xz', '--check=none'], { input: payload });
      // The zstd command reading a pipe does not know the size: its frame declares none (systemd's always do).
      else if (kind === 'zstd-unsized') packed = execFileSync('zstd', ['-c', '-q', '--no-check'], { input: payload });
      else {
        const block = lz4Block(execFileSync('lz4', ['-c', '-z', '-q'], { input: payload }));
        if (block === null) packed = null;
        else {
          packed = Buffer.alloc(8 + block.length);
          packed.writeBigUInt64LE(BigInt(payload.length));
          block.copy(packed, 8);
        }
      }
      if (packed !== null && packed.length < payload.length) {
        packed.copy(out, p + payloadAt);
        out.fill(0, p + payloadAt + packed.length, p + size);
        out.writeBigUInt64LE(BigInt(payloadAt + packed.length), p + 8);
        out[p + 1] = OBJECT_FLAG[kind];
        rewritten += 1;
      }
    }
    p += Math.ceil(size / 8) * 8;
  }
  out.writeUInt32LE(out.readUInt32LE(12) | HEADER_FLAG[kind], 12);
  return { file: out, rewritten };
}
