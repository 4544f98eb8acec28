import type { LogRecord } from '../model/log-record.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { JournalEntry } from './journal-file/journal-entry.ts';
import { journalEntryToRecord, type FieldGetter } from './journal-entry-to-record.ts';
import { JOURNAL_FIELD_NAMES } from './journal-field-names.ts';
import { newRecord } from './mutable-record.ts';

/** A slot per field clonewatch reads: an entry's values are kept in an array, not a Map per entry (profiled: GC). */
const SLOT = new Map([...JOURNAL_FIELD_NAMES].map((name, i) => [name, i]));
const REALTIME = SLOT.get('__REALTIME_TIMESTAMP') as number;
const BOOT_ID = SLOT.get('_BOOT_ID') as number;
const MESSAGE = SLOT.get('MESSAGE') as number;

/** The core behind an entry-framed Decoder (`journal`: entries read from journal files). */
export interface EntryDecoder {
  entry(e: JournalEntry, out: LogRecord[]): void;
  end(out: LogRecord[]): void;
  flushHeld(out: LogRecord[]): void;
}

/**
 * Entries read from journal files, made into records as the export decoder makes them from
 * `journalctl -o export` (the same fields, values decoded as UTF-8, the first of a repeated field
 * kept, `__REALTIME_TIMESTAMP` and `_BOOT_ID` from the entry header), without writing and parsing
 * an export stream in between. Stats count entries; the origin line is the 1-based entry number.
 */
export function createJournalEntryDecoder(ctx: DecoderContext): EntryDecoder {
  const { input, stats, assembler } = ctx;
  const values: (string | undefined)[] = new Array<string | undefined>(SLOT.size).fill(undefined);
  let entryNo = 0;
  const get: FieldGetter = (name) => {
    const i = SLOT.get(name);
    return i === undefined ? undefined : values[i];
  };
  return {
    entry(e, out) {
      entryNo += 1;
      stats.read += 1;
      values.fill(undefined);
      values[REALTIME] = String(e.realtime);
      values[BOOT_ID] = e.bootId;
      for (const f of e.fields) {
        const i = SLOT.get(f.name);
        if (i !== undefined && values[i] === undefined) values[i] = f.text;
      }
      const message = values[MESSAGE];
      if (message === undefined) {
        stats.blank += 1;
        return;
      }
      const rec = newRecord(input, entryNo);
      const kind = journalEntryToRecord(get, message, rec, ctx.mayMatch);
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
