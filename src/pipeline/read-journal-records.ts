import { createEntriesDecoder } from '../input/create-entries-decoder.ts';
import type { JournalInput } from '../io/open-input.ts';
import type { LogRecord } from '../model/log-record.ts';
import { readFailed } from './read-failed.ts';
import type { ReadOptions } from './read-records.ts';
import { takeDecoderState, type ReaderState } from './reader-state.ts';

/**
 * Reads a journal-files input: the entries its reader finds (in journalctl's order) go straight to
 * the entry decoder, a batch of records per batch of entries. Never throws: a read error ends up in
 * `state.error` / `state.diagnostics`, with the records read before it kept.
 */
export async function* readJournalRecords(source: JournalInput, options: ReadOptions, state: ReaderState): AsyncGenerator<LogRecord[]> {
  state.format = 'journal';
  const dec = createEntriesDecoder({ input: source.name, year: options.currentYear, zone: options.zone, mayMatch: options.mayMatch ?? null });
  const drain = () => takeDecoderState(state, dec, source);
  state.flushHeld = () => {
    const held = dec.flushHeld();
    drain();
    return held;
  };
  try {
    for await (const batch of source.entries()) {
      // Journal files are read with synchronous positioned reads: without a turn of the event loop
      // per batch, a signal (SIGINT, SIGHUP) would wait for the whole input to be read.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const records = dec.entries(batch);
      drain();
      // Yield even an empty batch: live mode must know input arrived (a record may be held for continuation).
      yield records;
    }
  } catch (e) {
    state.error = (e as Error).message;
    state.diagnostics.push(readFailed(source.name, (e as Error).message));
  }
  const last = dec.end();
  drain();
  if (last.length > 0) yield last;
}
