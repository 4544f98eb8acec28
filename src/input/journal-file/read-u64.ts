/** A little-endian u64 as a number, or -1 when it is above 2^53 (no valid offset, size or count is). */
export function readU64(buf: Buffer, at: number): number {
  const lo = buf.readUInt32LE(at);
  const hi = buf.readUInt32LE(at + 4);
  return hi > 0x1fffff ? -1 : hi * 0x100000000 + lo;
}
