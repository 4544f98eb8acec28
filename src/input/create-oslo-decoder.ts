import type { LogRecord } from '../model/log-record.ts';
import { localToEpoch } from '../time/local-to-epoch.ts';
import type { DecoderContext } from './decoder-context.ts';
import { levelAt } from './level-at.ts';
import type { LineDecoder } from './line-decoder.ts';
import { newRecord } from './mutable-record.ts';
import { newOsloHeader, scanOsloHeader } from './scan-oslo-header.ts';
import { parseOsloMessage, type OsloParseOptions } from './parse-oslo-message.ts';
import { stripAnsi } from './strip-ansi.ts';

/** With a PID field (every packaged release) two identity tokens are Havana's `user tenant`. */
const WITH_PID: OsloParseOptions = { pairIsUserProject: true, looseLogger: true };
/** Without one (old devstack screen logs) they are devstack's `project_name user_name`. */
const WITHOUT_PID: OsloParseOptions = { pairIsUserProject: false, looseLogger: true };

/** Only spaces, tabs and dots: blank when empty, doc framing (`    ...`) otherwise. */
function framing(s: string): 'blank' | 'dots' | null {
  let dots = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) dots = true;
    else if (c !== 32 && c !== 9) return null;
  }
  return dots ? 'dots' : 'blank';
}

/** C0 controls other than TAB, CR, FF, VT and ESC: binary junk, never part of a log line. */
function hasBinary(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11 && c !== 27) return true;
  }
  return false;
}

/**
 * A plain oslo.log file: `YYYY-MM-DD HH:MM:SS.mmm[ PID] LEVEL logger …` (leading whitespace
 * allowed for doc-indented excerpts), local time in the zone option. Other lines continue the
 * previous record; traceback lines of the same PID and logger are folded into it.
 */
export function createOsloDecoder(ctx: DecoderContext): LineDecoder {
  const { input, zone, stats, sink, assembler } = ctx;
  const h = newOsloHeader();
  const withPid: OsloParseOptions = { ...WITH_PID, mayMatch: ctx.mayMatch };
  const withoutPid: OsloParseOptions = { ...WITHOUT_PID, mayMatch: ctx.mayMatch };
  return {
    line(raw: string, n: number, out: LogRecord[]): void {
      stats.read += 1;
      const s = stripAnsi(raw);
      let i = 0;
      while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        const after = scanOsloHeader(s, i, h);
        if (after > 0 && levelAt(s, after) !== null) {
          const rec = newRecord(input, n);
          rec.time = localToEpoch(zone, h.y, h.mo, h.d, h.h, h.mi, h.s, h.ms) + h.us / 1000;
          if (h.pid >= 0) rec.pid = h.pid;
          const kind = parseOsloMessage(s, after, rec, h.pid >= 0 ? withPid : withoutPid);
          assembler.entry(rec, kind, out);
          return;
        }
      }
      const frame = framing(s);
      if (frame === 'blank') {
        stats.blank += 1;
        return;
      }
      if (frame === 'dots') {
        assembler.continuation(null, n);
        return;
      }
      if (hasBinary(s)) {
        stats.malformed += 1;
        sink.report(
          'warning',
          'binary-data',
          'Skipped a line with binary data (control characters) in an oslo.log file: the file may be corrupt or not text',
          n,
        );
        return;
      }
      assembler.continuation(s, n);
    },
    end(out) {
      assembler.flush(out);
    },
    flushHeld(out) {
      assembler.flush(out);
    },
  };
}
