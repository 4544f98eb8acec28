import { openJournalInput, type JournalSpec } from '../../io/open-journal-input.ts';
import type { Diagnostic, InputStats } from '../../model/log-record.ts';
import { createPrefilter } from '../../recognise/create-prefilter.ts';
import { createRowFinder } from '../../recognise/create-row-finder.ts';
import { RECOGNISERS } from '../../recognise/table.ts';
import { readJournalRecords } from '../read-journal-records.ts';
import { newReaderState } from '../reader-state.ts';
import { writeRecordBatch, type RecordBatch } from './record-batch.ts';

/** A journal-files input for a reader thread (see read-journal-in-worker.ts). */
export interface JournalJob {
  readonly spec: JournalSpec;
  readonly currentYear: number;
  readonly zone: string;
  /** The prefilter is on (it is off when --diagnostics shows unrecognised records). */
  readonly prefilter: boolean;
}

/** Batches the main thread has not taken yet, at most: the reader waits for an `ack` beyond them (bounded memory). */
export const JOURNAL_WINDOW = 8;

export type JournalMessage =
  /** One batch of readJournalRecords, with the reader's counts and the diagnostics that came with it. */
  | { readonly kind: 'records'; readonly batch: RecordBatch; readonly stats: InputStats; readonly diagnostics: Diagnostic[] }
  | { readonly kind: 'end'; readonly stats: InputStats; readonly diagnostics: Diagnostic[]; readonly error: string | null }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Runs a journal job (in a worker): readJournalRecords exactly as one thread runs it (the same
 * prefilter), each batch of records handed over as a RecordBatch with the counts and diagnostics
 * the reader state gained with it; waits while JOURNAL_WINDOW batches are not yet taken (`acked`
 * resolves when the main thread takes one); stops reading once `stopped()` (the main thread wants no more).
 */
export async function readJournalJob(job: JournalJob, post: (m: JournalMessage, transfer?: ArrayBuffer[]) => void, acked: () => Promise<void>, stopped: () => boolean): Promise<void> {
  const { spec } = job;
  const source = openJournalInput(spec.name, spec.files, spec);
  const state = newReaderState(source.name);
  const mayMatch = job.prefilter ? createPrefilter(createRowFinder(RECOGNISERS)) : null;
  const options = { inputFormat: undefined, year: undefined, currentYear: job.currentYear, zone: job.zone, maxLineLength: 0, mayMatch };
  let untaken = 0;
  for await (const records of readJournalRecords(source, options, state)) {
    if (stopped()) break;
    const { batch, transfer } = writeRecordBatch(records);
    while (untaken >= JOURNAL_WINDOW) {
      await acked();
      untaken--;
    }
    post({ kind: 'records', batch, stats: { ...state.stats }, diagnostics: state.diagnostics.splice(0) }, transfer);
    untaken++;
  }
  post({ kind: 'end', stats: { ...state.stats }, diagnostics: state.diagnostics.splice(0), error: state.error });
}
