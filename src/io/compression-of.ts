/** The compression a file's first bytes show (by magic number, whatever its name), or null. */
export type Compression = 'gzip' | 'xz' | 'zstd';

export function compressionOf(head: Buffer): Compression | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 6 && head.toString('latin1', 0, 6) === '\xfd7zXZ\x00') return 'xz';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return null;
}
