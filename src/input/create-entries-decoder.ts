import type { LogRecord } from '../model/log-record.ts';
import { createJournalEntryDecoder, type EntryDecoder } from './create-journal-entry-decoder.ts';
import { decoderBase, type DecoderCommon, type DecoderOptions } from './decoder-base.ts';
import type { JournalEntry } from './journal-file/journal-entry.ts';

/** `journal`: fed the entries read from journal files, in batches. */
export interface EntriesDecoderOf extends DecoderCommon {
  readonly framing: 'entries';
  entries(batch: readonly JournalEntry[]): LogRecord[];
}

/** The decoder of a journal-files input (format `journal`): fed its entries, in batches. */
export function createEntriesDecoder(opts: Omit<DecoderOptions, 'format'>): EntriesDecoderOf {
  const { ctx, out, drain, ended, finishing } = decoderBase({ ...opts, format: 'journal' });
  const core: EntryDecoder = createJournalEntryDecoder(ctx);
  return {
    framing: 'entries',
    entries(batch) {
      if (!ended()) for (const e of batch) core.entry(e, out());
      return drain();
    },
    ...finishing(core),
  };
}
