/**
 * Journal files on a reader thread: by default (two cores or more, not `--jobs 1`) a journal-files
 * input is read, decoded and prefiltered on a worker thread of its own while this thread
 * recognises and reduces.
 *
 * Why. Reading a journal file is CPU work (objects parsed, DATA decompressed with zstd, entries
 * made into records), about as much as analysing what is read; on one thread the two add up, on two
 * they overlap (measured in the README's Performance section).
 *
 * How. The worker runs readJournalRecords exactly as this thread would (journal-job.ts), on the
 * same input (opened again there from JournalInput.spec), and hands over each batch as a
 * RecordBatch with the counts and diagnostics that came with it; this thread yields the batches in
 * the same order and sizes, so the reducer sees the same records in the same batches, and the
 * diagnostics come out between the same timelines, as on one thread (a test compares the outputs
 * byte for byte on every journal fixture). At most JOURNAL_WINDOW batches wait to be taken: the
 * worker waits for an `ack` past them, so memory stays bounded whatever the journal's size. The
 * worker ends by itself after its input, or when told to `stop` (endReader).
 */
import type { Worker } from 'node:worker_threads';
import type { JournalInput } from '../../io/open-input.ts';
import type { LogRecord } from '../../model/log-record.ts';
import { readFailed } from '../read-failed.ts';
import type { ReaderState } from '../reader-state.ts';
import type { JournalJob, JournalMessage } from './journal-job.ts';
import { createMailbox } from './mailbox.ts';
import { readRecordBatch } from './record-batch.ts';

export interface ReaderThreadOptions {
  readonly currentYear: number;
  readonly zone: string;
  /** The prefilter is on. */
  readonly prefilter: boolean;
  /** Starts the worker (worker-pool.ts's startWorker). */
  readonly start: () => Worker;
}

/** Reads a journal-files input on a reader thread; yields what readJournalRecords yields, with `state` kept the same. */
export async function* readJournalInWorker(source: JournalInput, options: ReaderThreadOptions, state: ReaderState): AsyncGenerator<LogRecord[]> {
  state.format = 'journal';
  const job: JournalJob = { spec: source.spec, currentYear: options.currentYear, zone: options.zone, prefilter: options.prefilter };
  const box = createMailbox<JournalMessage>();
  let worker: Worker | null = null;
  let ended = false;
  try {
    worker = options.start();
    worker.on('message', (m: JournalMessage) => box.push(m));
    worker.on('error', (e: Error) => box.push({ kind: 'failed', message: e.message }));
    worker.on('exit', (code) => box.push({ kind: 'failed', message: `the reader thread stopped (exit code ${code})` }));
    worker.postMessage(job);
    for (;;) {
      const m = await box.next();
      if (m.kind === 'failed') throw new Error(m.message);
      state.stats = m.stats;
      state.diagnostics.push(...m.diagnostics);
      if (m.kind === 'end') {
        ended = true;
        state.error = m.error;
        return;
      }
      worker.postMessage('ack');
      yield readRecordBatch(m.batch, source.name);
    }
  } catch (e) {
    state.error = (e as Error).message;
    state.diagnostics.push(readFailed(source.name, (e as Error).message));
  } finally {
    // Read to its end, the thread ends by itself; stopped early (SIGINT, an error), it is told to.
    if (worker !== null && !ended) worker.postMessage('stop');
  }
}

/** How long a reader thread may take to end once told to stop, before it is terminated. */
const END_MS = 5000;

/**
 * Waits for a reader thread to end (told to stop first, in case its input was not read to the end),
 * terminating it only if it has not ended within END_MS: terminate() on a thread that ran
 * WebAssembly can abort the process (see journal-worker.ts).
 */
export async function endReader(w: Worker): Promise<void> {
  if (w.threadId === -1) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => void w.terminate().then(() => resolve()), END_MS);
    w.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    w.postMessage('stop');
  });
}
