import { StringDecoder } from 'node:string_decoder';

/** Splits a byte stream into lines, exactly as `split2(/\r?\n/, mapper, { maxLength, skipOverflow: true })` does. */
export interface BoundedLineSplitter {
  /** Feeds one chunk; `onLine` gets each complete line, without its `\n` and one `\r` before it. */
  write(chunk: Buffer): void;
  /** End of input: the unterminated rest, when not empty, is a last line (as split2 flushes it). */
  end(): void;
  /** True while the unterminated rest is longer than maxLength: its line is being skipped. */
  readonly overflow: boolean;
}

/**
 * split2's line splitting without a Transform stream and a regex split of the whole buffered text
 * per chunk (profiled: both were a large share of a run): UTF-8 decoded across chunks with one
 * StringDecoder, lines found with indexOf. Same results for every chunking, over-long lines
 * included: after a chunk the unterminated rest longer than maxLength sets `overflow`, the
 * following chunks are dropped up to the next newline, and the dropped line is never emitted
 * (except, as in split2, when the input ends while still overflowing).
 */
export function createBoundedLineSplitter(maxLength: number, onLine: (line: string) => void): BoundedLineSplitter {
  const decoder = new StringDecoder('utf8');
  let last = '';
  let overflow = false;

  /** Emits the lines of `last + text[from..]` up to its last newline; keeps the rest in `last`. */
  const lines = (text: string, from: number, head: string): void => {
    let start = from;
    let prefix = head;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      let line = prefix.length > 0 ? prefix + text.slice(start, nl) : text.slice(start, nl);
      prefix = '';
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      onLine(line);
      start = nl + 1;
    }
    last = prefix.length > 0 ? prefix + text.slice(start) : text.slice(start);
  };

  return {
    write(chunk) {
      const text = decoder.write(chunk);
      if (overflow) {
        const nl = text.indexOf('\n');
        if (nl < 0) return; // still inside the over-long line: drop the chunk
        lines(text, nl + 1, '');
      } else {
        lines(text, 0, last);
      }
      overflow = last.length > maxLength;
    },
    end() {
      last += decoder.end();
      if (last.length > 0) {
        const line = last;
        last = '';
        onLine(line);
      }
    },
    get overflow() {
      return overflow;
    },
  };
}
