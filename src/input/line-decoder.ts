import type { LogRecord } from '../model/log-record.ts';

/** The per-format core behind a line-framed Decoder. */
export interface LineDecoder {
  /** One line (ANSI not yet stripped), its 1-based number, and where to put completed records. */
  line(s: string, lineNo: number, out: LogRecord[]): void;
  /** End of input: complete whatever is pending. */
  end(out: LogRecord[]): void;
  /** Emit the record held for continuation lines. */
  flushHeld(out: LogRecord[]): void;
}
