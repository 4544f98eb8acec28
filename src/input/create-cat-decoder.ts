import type { LogRecord } from '../model/log-record.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { LineDecoder } from './line-decoder.ts';
import { newRecord } from './mutable-record.ts';
import { parseOsloMessage, type OsloParseOptions } from './parse-oslo-message.ts';
import { stripAnsi } from './strip-ansi.ts';

const OSLO: OsloParseOptions = { pairIsUserProject: false, looseLogger: false };

/**
 * `journalctl -o cat`: raw MESSAGE lines with no time, host or identifier. Each line is an entry;
 * the oslo rules fold traceback lines and lines without a level into the preceding oslo record.
 */
export function createCatDecoder(ctx: DecoderContext): LineDecoder {
  const { input, stats, assembler } = ctx;
  const oslo: OsloParseOptions = { ...OSLO, mayMatch: ctx.mayMatch };
  return {
    line(raw: string, n: number, out: LogRecord[]): void {
      stats.read += 1;
      if (raw.length === 0) {
        stats.blank += 1;
        return;
      }
      const s = stripAnsi(raw);
      const rec = newRecord(input, n);
      const kind = parseOsloMessage(s, 0, rec, oslo);
      assembler.entry(rec, kind, out);
    },
    end(out) {
      assembler.flush(out);
    },
    flushHeld(out) {
      assembler.flush(out);
    },
  };
}
