import type { LogRecord } from '../model/log-record.ts';
import { decodeFieldValue } from './decode-field-value.ts';
import type { JsonLineScanner } from './create-json-line-scanner.ts';
import type { DecoderContext } from './decoder-context.ts';
import { journalEntryToRecord, type FieldGetter } from './journal-entry-to-record.ts';
import { newRecord } from './mutable-record.ts';
import { parseJournalJson } from './parse-journal-json.ts';
import { stripAnsi } from './strip-ansi.ts';

/** Turns the JSON text of one entry into a record (or a counted malformed/blank entry). */
export type JsonEntryHandler = (text: string, lineNo: number, out: LogRecord[]) => void;

/**
 * Shared by json, json-sse, json-seq and json-pretty: ANSI is stripped first (colourised
 * journalctl JSON), the entry is parsed without throwing, and an entry without MESSAGE counts as
 * blank (the text modes skip such entries too). With `scanner` (the json line modes, when the
 * prefilter is on), an entry in the simple shape journalctl writes is read without `JSON.parse`
 * (createJsonLineScanner): the same fields, so the same record.
 */
export function createJsonEntryHandler(ctx: DecoderContext, mode: string, scanner: JsonLineScanner | null = null): JsonEntryHandler {
  const { input, stats, sink, assembler } = ctx;
  let current: Record<string, unknown> = {};
  const parsed: FieldGetter = (name) => decodeFieldValue(current[name]);
  return (raw, n, out) => {
    const get = scanner !== null && scanner.scan(raw) ? scanner.get : parsedEntry(raw, n);
    if (get === null) return;
    const message = get('MESSAGE');
    if (message === undefined) {
      stats.blank += 1;
      return;
    }
    if (message === null) {
      stats.malformed += 1;
      sink.report(
        'warning',
        'message-too-large-for-json',
        `Skipped an entry whose MESSAGE is null: journalctl leaves out values of 4096 bytes or more. Rerun journalctl with -a (--all) to get them`,
        n,
      );
      return;
    }
    const rec = newRecord(input, n);
    const kind = journalEntryToRecord(get, message, rec, ctx.mayMatch);
    current = {};
    assembler.entry(rec, kind, out);
  };

  /** The entry parsed with `JSON.parse` and its getter, or null when it is counted malformed. */
  function parsedEntry(raw: string, n: number): FieldGetter | null {
    const text = stripAnsi(raw);
    const r = parseJournalJson(text);
    if (!r.ok) {
      stats.malformed += 1;
      if (r.code === 'malformed-json') {
        sink.report(
          'warning',
          'malformed-json',
          `Skipped an entry that is not valid JSON: ${r.reason}. Check that the input is complete "journalctl -o ${mode}" output`,
          n,
        );
      } else {
        sink.report('warning', 'bad-message-type', `Skipped an entry whose MESSAGE has the wrong type: ${r.reason}`, n);
      }
      return null;
    }
    current = r.entry;
    return parsed;
  }
}
