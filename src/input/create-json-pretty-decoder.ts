import type { LogRecord } from '../model/log-record.ts';
import { createJsonEntryHandler } from './create-json-entry-handler.ts';
import type { DecoderContext } from './decoder-context.ts';
import { MAX_PRETTY_OBJECT } from './limits.ts';
import type { LineDecoder } from './line-decoder.ts';
import { stripAnsi } from './strip-ansi.ts';

const isBlank = (s: string): boolean => s.trim().length === 0;

/**
 * `json-pretty`: an object starts at a line `{` and ends at a line `}` in column 0 (a JSON
 * string cannot contain a raw newline, so no inner line starts with `}`). Counts one read per
 * object; lines outside objects are blank or malformed.
 */
export function createJsonPrettyDecoder(ctx: DecoderContext): LineDecoder {
  const { stats, sink, assembler } = ctx;
  const handle = createJsonEntryHandler(ctx, 'json-pretty');
  let parts: string[] = [];
  let size = 0;
  let startLine = 0;
  let open = false;
  let oversize = false;

  const close = (out: LogRecord[]): void => {
    stats.read += 1;
    if (oversize) {
      stats.malformed += 1;
      sink.report('warning', 'entry-too-large', `Skipped a json-pretty object larger than ${MAX_PRETTY_OBJECT} bytes`, startLine);
    } else {
      handle(parts.join('\n'), startLine, out);
    }
    parts = [];
    size = 0;
    open = false;
    oversize = false;
  };

  return {
    line(raw: string, n: number, out: LogRecord[]): void {
      const s = raw.indexOf('\x1b') >= 0 ? stripAnsi(raw) : raw;
      if (!open) {
        if (s.charCodeAt(0) === 123 && isBlank(s.slice(1))) {
          open = true;
          startLine = n;
          parts.push('{');
          size = 1;
          return;
        }
        stats.read += 1;
        if (isBlank(s)) {
          stats.blank += 1;
          return;
        }
        stats.malformed += 1;
        sink.report('warning', 'malformed-json', 'Skipped a line outside any json-pretty object: expected a line "{"', n);
        return;
      }
      if (s.charCodeAt(0) === 125) {
        if (!oversize) parts.push(s);
        close(out);
        return;
      }
      if (s.charCodeAt(0) === 123 && isBlank(s.slice(1))) {
        // An object that never closed: count it malformed, start the new one.
        stats.read += 1;
        stats.malformed += 1;
        sink.report('warning', 'malformed-json', 'Skipped a json-pretty object with no closing "}": the output was cut', startLine);
        parts = ['{'];
        size = 1;
        startLine = n;
        oversize = false;
        return;
      }
      if (oversize) return;
      size += s.length + 1;
      if (size > MAX_PRETTY_OBJECT) {
        oversize = true;
        parts = [];
        return;
      }
      parts.push(s);
    },
    end(out) {
      if (open) {
        stats.read += 1;
        stats.malformed += 1;
        sink.report('warning', 'malformed-json', 'Skipped the last json-pretty object: the input ends before its closing "}"', startLine);
        parts = [];
        open = false;
      }
      assembler.flush(out);
    },
    flushHeld(out) {
      assembler.flush(out);
    },
  };
}
