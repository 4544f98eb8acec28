/** Positioned reads over one journal file (the I/O side implements it; the parsers only read through it). */
export interface ByteSource {
  /** Bytes in the file. */
  readonly size: number;
  /** `len` bytes at `pos`, fewer at the end of the file: read-only, and never overwritten by later reads (they stay valid). */
  read(pos: number, len: number): Buffer;
  /**
   * The little-endian u64 at `pos` as readU64 reads it (-1 above 2^53), or null when the file ends
   * before its 8 bytes: an object's size is looked at before the object is read, without a Buffer for it.
   */
  u64(pos: number): number | null;
  /** The byte at `pos`, or null past the end of the file. */
  u8(pos: number): number | null;
}
