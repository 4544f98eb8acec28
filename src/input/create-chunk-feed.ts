import split2 from 'split2';
import type { LogRecord } from '../model/log-record.ts';
import type { Decoder } from './create-decoder.ts';

/** Feeds a decoder the chunks of one input as they are read; its records go to `out`. */
export interface ChunkFeed {
  write(chunk: Buffer): void;
  /** End of input: the last line (one without a \n after it) and everything the decoder holds. */
  end(): void;
}

/**
 * The one way chunks reach a decoder, in production (readRecords) and in tests (decodeChunks).
 * Export streams go to the decoder as bytes. Text formats are split into lines by split2, the
 * line splitter of every text input: on "\n" (String#split's fast path: the /\r?\n/ regex was a
 * visible cost), UTF-8 decoded across chunk boundaries (invalid bytes → U+FFFD), one \r before a
 * \n dropped (not at the end of a last line without a \n: that \r is no line end).
 *
 * The over-long-line rule, the only one: a line longer than `maxLineLength` characters is never
 * held whole (split2 stops buffering it and skips to the next \n); it reaches the decoder as
 * tooLong(), which counts it as read and malformed and reports `line-too-long` at its line number.
 */
export function createChunkFeed(decoder: Decoder, maxLineLength: number, out: (r: LogRecord) => void): ChunkFeed {
  if (decoder.framing === 'bytes') {
    return {
      write: (chunk) => {
        for (const r of decoder.bytes(chunk)) out(r);
      },
      end: () => {
        for (const r of decoder.end()) out(r);
      },
    };
  }
  let ending = false;
  let skipping = false;
  const take = (rs: LogRecord[]) => {
    for (const r of rs) out(r);
  };
  const splitOptions = { maxLength: maxLineLength, skipOverflow: true }; // skipOverflow: split2's, its types omit it
  const stream = split2(
    '\n',
    (line: string) => {
      // At the end split2 flushes what it holds: for a line it was skipping, that is the part it
      // held when it started skipping (already counted below).
      if (ending && skipping) return undefined;
      if (line.length > maxLineLength) take(decoder.tooLong(maxLineLength));
      else take(decoder.line(!ending && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line));
      return undefined;
    },
    splitOptions,
  );
  // split2 sets its `overflow` flag (its types omit it) when the line it holds grows past
  // maxLength, and clears it at that line's \n: each rise is one over-long line, counted in order.
  Object.defineProperty(stream, 'overflow', {
    get: () => skipping,
    set: (now: boolean) => {
      if (now && !skipping) take(decoder.tooLong(maxLineLength));
      skipping = now;
    },
  });
  return {
    write(chunk) {
      stream.write(chunk); // split2 calls the mapper (and sets overflow) before write() returns
    },
    end() {
      ending = true;
      stream.end(); // flushes the last line synchronously
      take(decoder.end());
    },
  };
}
