import type { InputFormat, LogRecord } from '../model/log-record.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { LineDecoder } from './line-decoder.ts';
import { newRecord } from './mutable-record.ts';
import { parseMarker } from './parse-marker.ts';
import { parseOsloMessage, type OsloParseOptions } from './parse-oslo-message.ts';
import { parseShortPrefix } from './parse-short-prefix.ts';
import { stripAnsi } from './strip-ansi.ts';
import { createShortTimestampParser, type TimestampSlot } from './create-short-timestamp-parser.ts';

const UNIT_SUFFIX = /\.(?:service|scope|slice|socket|mount|automount|timer|path|target|swap|device)$/;
const OSLO: OsloParseOptions = { pairIsUserProject: false, looseLogger: false };

/** Byte length of `s[0..end)`: the indentation journalctl uses for the entry's further lines. */
function prefixBytes(s: string, end: number): number {
  for (let i = 0; i < end; i++) {
    if (s.charCodeAt(i) > 127) return Buffer.byteLength(s.slice(0, end), 'utf8');
  }
  return end;
}

/**
 * The short family: `TIMESTAMP[ HOST] IDENT[[PID]]: MESSAGE`, indented continuation lines,
 * `-- … --` markers. `with-unit` puts the unit in the identifier slot.
 */
export function createShortDecoder(format: InputFormat, ctx: DecoderContext): LineDecoder {
  const { input, stats, sink, assembler } = ctx;
  let lineNo = 0;
  const parseTimestamp = createShortTimestampParser(format, {
    zone: ctx.zone,
    year: ctx.year,
    onAmbiguousZone: (token) =>
      sink.once(
        'warning',
        'ambiguous-zone',
        `Read times in zone "${ctx.zone}": the zone abbreviation "${token}" is ambiguous. Give the zone explicitly, or rerun journalctl with --utc or -o short-iso-precise`,
        lineNo,
      ),
  });
  const noWallClock = format === 'short-monotonic' || format === 'short-delta';
  const withUnit = format === 'with-unit';
  const yearless = format === 'short' || format === 'short-precise';
  const slot: TimestampSlot = { time: null, end: 0 };
  let bootId: string | null = null;
  let indent = 0;
  const oslo: OsloParseOptions = { ...OSLO, mayMatch: ctx.mayMatch };

  return {
    line(raw: string, n: number, out: LogRecord[]): void {
      lineNo = n;
      stats.read += 1;
      if (raw.length === 0) {
        stats.blank += 1;
        return;
      }
      const s = stripAnsi(raw);
      const c0 = s.charCodeAt(0);
      if (c0 === 32 || c0 === 9) {
        let k = 0;
        while (k < indent && s.charCodeAt(k) === 32) k++;
        assembler.continuation(k === 0 ? s : s.slice(k), n);
        return;
      }
      const marker = parseMarker(s);
      if (marker !== null) {
        stats.markers += 1;
        if (marker.kind === 'boot') bootId = marker.bootId;
        else if (marker.kind === 'reboot') bootId = null;
        assembler.flush(out);
        return;
      }
      if (!parseTimestamp(s, slot) || s.charCodeAt(slot.end) !== 32) {
        stats.malformed += 1;
        sink.report(
          'warning',
          'malformed-line',
          `Skipped a line that does not start with a "${format}" timestamp: check the journalctl -o mode${yearless ? ', and run journalctl with LC_ALL=C.UTF-8 so month names are English' : ''}`,
          n,
        );
        return;
      }
      const rec = newRecord(input, n);
      const msgStart = parseShortPrefix(s, slot.end + 1, rec);
      if (msgStart < 0) {
        stats.malformed += 1;
        sink.report(
          'warning',
          'malformed-line',
          `Skipped a line without the "IDENT[PID]: " part after its "${format}" timestamp: the line may be cut or not journalctl output`,
          n,
        );
        return;
      }
      if (noWallClock) {
        sink.once(
          'warning',
          'no-wall-clock',
          `Records have no wall-clock time: "${format}" shows only time since boot. Rerun journalctl with -o short-iso-precise or -o json`,
          n,
        );
      }
      rec.time = slot.time;
      rec.bootId = bootId;
      if (withUnit && rec.ident !== null && (UNIT_SUFFIX.test(rec.ident) || rec.ident.includes('.service/'))) {
        rec.unit = rec.ident;
      }
      indent = prefixBytes(s, msgStart);
      const kind = parseOsloMessage(s, msgStart, rec, oslo);
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
