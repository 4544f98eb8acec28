/** Positioned reads over one journal file (the I/O side implements it; the parsers only read through it). */
export interface ByteSource {
  /** Bytes in the file. */
  readonly size: number;
  /** `len` bytes at `pos`, fewer at the end of the file; the caller copies what it keeps past the next read. */
  read(pos: number, len: number): Buffer;
}
