import type { LogRecord } from '../model/log-record.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { JournalEntry } from './journal-file/journal-entry.ts';
import { journalEntryToRecord, type FieldGetter } from './journal-entry-to-record.ts';
import { JOURNAL_FIELD_NAMES, journalFieldSlot } from './journal-field-names.ts';
import { newRecord } from './mutable-record.ts';

// A slot per field clonewatch reads: an entry's values are kept in an array, not a Map per entry
// (profiled: GC); each field read from a journal file carries its slot (openJournalInput's slotOf).
const BOOT_ID = journalFieldSlot('_BOOT_ID');
const MESSAGE = journalFieldSlot('MESSAGE');

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
  const values: (string | undefined)[] = new Array<string | undefined>(JOURNAL_FIELD_NAMES.size).fill(undefined);
  let entryNo = 0;
  const get: FieldGetter = (name) => {
    const i = journalFieldSlot(name);
    return i < 0 ? undefined : values[i];
  };
  return {
    entry(e, out) {
      entryNo += 1;
      stats.read += 1;
      values.fill(undefined);
      values[BOOT_ID] = e.bootId;
      for (const f of e.fields) if (values[f.slot] === undefined) values[f.slot] = f.text;
      const message = values[MESSAGE];
      if (message === undefined) {
        stats.blank += 1;
        return;
      }
      const rec = newRecord(input, entryNo);
      const kind = journalEntryToRecord(get, message, rec, ctx.mayMatch, e.realtime);
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
