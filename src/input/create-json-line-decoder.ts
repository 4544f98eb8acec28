import type { InputFormat, LogRecord } from '../model/log-record.ts';
import { createJsonEntryHandler } from './create-json-entry-handler.ts';
import { createJsonLineScanner } from './create-json-line-scanner.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { LineDecoder } from './line-decoder.ts';

/** True when `s` has only spaces and tabs. */
function isBlank(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * One JSON entry per line: `json` (`{…}`), `json-seq` (`\x1e{…}`) and `json-sse`
 * (`data: {…}` then an empty line). Each prefix is accepted in all three modes. With the prefilter on,
 * lines in the simple shape journalctl writes are read without `JSON.parse` (createJsonLineScanner);
 * `--diagnostics` (no prefilter) parses every line.
 */
export function createJsonLineDecoder(format: InputFormat, ctx: DecoderContext): LineDecoder {
  const { stats, assembler } = ctx;
  const handle = createJsonEntryHandler(ctx, format, ctx.mayMatch === null ? null : createJsonLineScanner());
  return {
    line(s: string, n: number, out: LogRecord[]): void {
      stats.read += 1;
      let start = 0;
      if (s.charCodeAt(0) === 0x1e) start = 1;
      else if (s.startsWith('data:')) start = s.charCodeAt(5) === 32 ? 6 : 5;
      if (isBlank(s, start)) {
        stats.blank += 1;
        return;
      }
      handle(start === 0 ? s : s.slice(start), n, out);
    },
    end(out) {
      assembler.flush(out);
    },
    flushHeld(out) {
      assembler.flush(out);
    },
  };
}
