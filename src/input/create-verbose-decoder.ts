import type { LogRecord } from '../model/log-record.ts';
import { createShortTimestampParser, type TimestampSlot } from './create-short-timestamp-parser.ts';
import type { DecoderContext } from './decoder-context.ts';
import { journalEntryToRecord, type FieldGetter } from './journal-entry-to-record.ts';
import { JOURNAL_FIELD_NAMES } from './journal-field-names.ts';
import type { LineDecoder } from './line-decoder.ts';
import { newRecord } from './mutable-record.ts';
import { parseMarker } from './parse-marker.ts';
import { stripAnsi } from './strip-ansi.ts';

/** The value of `key` (`b=`, `t=`) in a cursor `s=…;i=…;b=…;m=…;t=…;x=…`, or null. */
function cursorField(cursor: string, key: string): string | null {
  let at = 0;
  for (;;) {
    if (cursor.startsWith(key, at)) {
      const start = at + key.length;
      let end = cursor.indexOf(';', start);
      if (end < 0) end = cursor.length;
      return end > start ? cursor.slice(start, end) : null;
    }
    const semi = cursor.indexOf(';', at);
    if (semi < 0) return null;
    at = semi + 1;
  }
}

const isFieldStart = (c: number): boolean => (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);

/**
 * `journalctl -o verbose`: a header line (`Tue 2024-12-31 23:59:58.123456 UTC [cursor]`) then
 * `    NAME=value` lines, multi-line values continued with deeper indentation. Counts one read per
 * entry; markers and blank lines per line.
 */
export function createVerboseDecoder(ctx: DecoderContext): LineDecoder {
  const { input, stats, sink, assembler } = ctx;
  let lineNo = 0;
  const parseHeader = createShortTimestampParser('verbose', {
    zone: ctx.zone,
    year: ctx.year,
    onAmbiguousZone: (token) =>
      sink.once(
        'warning',
        'ambiguous-zone',
        `Read header times in zone "${ctx.zone}": the zone abbreviation "${token}" is ambiguous. Give the zone explicitly, or rerun journalctl with --utc`,
        lineNo,
      ),
  });
  const slot: TimestampSlot = { time: null, end: 0 };
  const fields = new Map<string, string>();
  const get: FieldGetter = (name) => fields.get(name);
  let open = false;
  let entryLine = 0;
  let headerTime: number | null = null;
  let lastName = '';
  let lastKept = false;

  const finishEntry = (out: LogRecord[]): void => {
    if (!open) return;
    open = false;
    const message = fields.get('MESSAGE');
    if (message === undefined) {
      stats.blank += 1;
      fields.clear();
      return;
    }
    const rec = newRecord(input, entryLine);
    const kind = journalEntryToRecord(get, message, rec, ctx.mayMatch);
    if (rec.time === null) rec.time = headerTime;
    fields.clear();
    assembler.entry(rec, kind, out);
  };

  return {
    line(raw: string, n: number, out: LogRecord[]): void {
      lineNo = n;
      const s = stripAnsi(raw);
      if (s.length === 0) {
        stats.read += 1;
        stats.blank += 1;
        return;
      }
      const c0 = s.charCodeAt(0);
      if (c0 === 32) {
        if (!open) {
          stats.read += 1;
          assembler.continuation(s.trimStart(), n);
          return;
        }
        if (s.startsWith('    ') && isFieldStart(s.charCodeAt(4))) {
          const eq = s.indexOf('=', 4);
          if (eq > 4) {
            lastName = s.slice(4, eq);
            lastKept = JOURNAL_FIELD_NAMES.has(lastName) && !fields.has(lastName);
            if (lastKept) fields.set(lastName, s.slice(eq + 1));
            return;
          }
        }
        if (lastKept) {
          const indent = 5 + lastName.length;
          let k = 0;
          while (k < indent && s.charCodeAt(k) === 32) k++;
          fields.set(lastName, fields.get(lastName) + '\n' + s.slice(k));
        }
        return;
      }
      const marker = parseMarker(s);
      if (marker !== null) {
        finishEntry(out);
        stats.read += 1;
        stats.markers += 1;
        assembler.flush(out);
        return;
      }
      if (parseHeader(s, slot) && s.startsWith(' [', slot.end)) {
        finishEntry(out);
        stats.read += 1;
        open = true;
        entryLine = n;
        headerTime = slot.time;
        lastKept = false;
        const closeAt = s.lastIndexOf(']');
        const cursor = s.slice(slot.end + 2, closeAt > slot.end ? closeAt : s.length);
        const t = cursorField(cursor, 't=');
        if (t !== null && /^[0-9a-f]{1,14}$/.test(t)) fields.set('__REALTIME_TIMESTAMP', String(parseInt(t, 16)));
        const b = cursorField(cursor, 'b=');
        if (b !== null) fields.set('_BOOT_ID', b);
        return;
      }
      finishEntry(out);
      stats.read += 1;
      stats.malformed += 1;
      sink.report('warning', 'malformed-line', 'Skipped a line that is neither a verbose entry header nor a field line: check the journalctl -o mode', n);
    },
    end(out) {
      finishEntry(out);
      assembler.flush(out);
    },
    flushHeld(out) {
      finishEntry(out);
      assembler.flush(out);
    },
  };
}
