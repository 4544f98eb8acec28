import type { LogRecord } from '../model/log-record.ts';

/** The core behind a byte-framed Decoder (`export`). */
export interface BytesDecoder {
  /** A raw chunk of any size, down to one byte. */
  bytes(chunk: Buffer, out: LogRecord[]): void;
  end(out: LogRecord[]): void;
  flushHeld(out: LogRecord[]): void;
}
