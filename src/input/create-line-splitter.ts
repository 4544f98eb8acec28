import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE_LENGTH } from './limits.ts';

/** Receives one line without its terminator; `tooLong` lines arrive empty (their text was dropped). */
export type LineSink = (line: string, tooLong: boolean) => void;

/** Splits UTF-8 chunks into lines the way the pipeline does. */
export interface LineSplitter {
  push(chunk: Buffer, sink: LineSink): void;
  /** The last line, when the input does not end with a newline. */
  end(sink: LineSink): void;
}

/**
 * Split on `\n`, drop one `\r` before it, decode UTF-8 across chunk boundaries (invalid bytes →
 * U+FFFD). A line longer than MAX_LINE_LENGTH is not kept in memory: it is reported as too long.
 */
export function createLineSplitter(): LineSplitter {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let tooLong = false;

  const emit = (line: string, terminated: boolean, sink: LineSink): void => {
    if (tooLong) {
      tooLong = false;
      sink('', true);
      return;
    }
    sink(terminated && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, false);
  };

  const feed = (text: string, sink: LineSink): void => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const piece = text.slice(start, nl);
      if (pending.length > 0) {
        const line = pending + piece;
        pending = '';
        emit(line, true, sink);
      } else {
        emit(piece, true, sink);
      }
      start = nl + 1;
    }
    if (start < text.length) {
      if (tooLong) return;
      pending += start === 0 ? text : text.slice(start);
      if (pending.length > MAX_LINE_LENGTH) {
        pending = '';
        tooLong = true;
      }
    }
  };

  return {
    push(chunk, sink) {
      feed(decoder.write(chunk), sink);
    },
    end(sink) {
      feed(decoder.end(), sink);
      if (pending.length > 0 || tooLong) {
        const line = pending;
        pending = '';
        emit(line, false, sink);
      }
    },
  };
}
