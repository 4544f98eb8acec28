import { open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { detectFormat } from '../../input/detect-format.ts';
import { firstMonth } from '../../input/first-month.ts';
import type { InputSource } from '../../io/open-input.ts';
import type { LogRecord } from '../../model/log-record.ts';
import { initialYear } from '../../time/initial-year.ts';
import { readRecords, type ReadOptions } from '../read-records.ts';
import type { ReaderState } from '../reader-state.ts';
import { CUTTABLE } from './plan-ranges.ts';
import { readJournalInWorker } from './read-journal-in-worker.ts';
import { readRecordsInWorkers } from './read-records-in-workers.ts';
import type { WorkerPool } from './worker-pool.ts';

/**
 * A file is cut into ranges for the workers from this size on. Measured (README, Performance): a
 * worker thread starts and loads the bundle in about 40 ms, and on one core clonewatch reads 60–90
 * MB/s, so a file of 8 MiB (~100 ms of work) is where a second core starts to pay for the thread.
 */
export const SPLIT_BYTES = 8 * 1024 * 1024;
/** Ranges are at most this long, so that a range's records waiting for the ones before stay small. */
const MAX_RANGE_BYTES = 32 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

export interface JobsOptions {
  /** Worker threads (> 1). */
  readonly count: number;
  /** The pool, started on first use. */
  readonly pool: () => WorkerPool;
  /** Several inputs: a cuttable file below SPLIT_BYTES is still read by a worker, whole. */
  readonly several: boolean;
  /** Tests: cut ranges of this many bytes, whatever the size (seams then fall everywhere). */
  readonly rangeBytes?: number;
}

export interface InputReadOptions extends ReadOptions {
  readonly showUnrecognised: number;
  readonly jobs?: JobsOptions;
  /** Journal files are read on a reader thread this starts (see read-journal-in-worker.ts); absent: on this thread. */
  readonly readerThread?: () => Worker;
}

/**
 * Reads one input: journal files on a reader thread when asked (see read-journal-in-worker.ts), a
 * file through the worker pool when it can be (see read-records-in-workers.ts), else on this thread.
 */
export async function* readInput(source: InputSource, options: InputReadOptions, state: ReaderState): AsyncGenerator<LogRecord[]> {
  if ('entries' in source && options.readerThread !== undefined) {
    const threadOptions = { currentYear: options.currentYear, zone: options.zone, prefilter: options.mayMatch != null, start: options.readerThread };
    yield* readJournalInWorker(source, threadOptions, state);
    return;
  }
  const jobs = options.jobs;
  const file = 'file' in source ? source.file : undefined;
  const size = source.size;
  if (jobs !== undefined && file !== undefined && size !== undefined && size > 0 && options.live === undefined && source.format === undefined) {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const fh = await open(file, 'r').catch(() => null);
    if (fh !== null) {
      try {
        await fh.read(head, 0, head.length, 0);
      } finally {
        await fh.close();
      }
      const gzip = head[0] === 0x1f && head[1] === 0x8b;
      const format = options.inputFormat ?? detectFormat(head);
      const rangeBytes = options.jobs?.rangeBytes ?? (size >= SPLIT_BYTES ? Math.min(MAX_RANGE_BYTES, Math.ceil(size / (2 * jobs.count))) : jobs.several ? Infinity : null);
      if (!gzip && format !== null && CUTTABLE.has(format) && rangeBytes !== null) {
        const month = firstMonth(head);
        const year = initialYear({ explicitYear: options.year, mtimeMs: source.mtimeMs, firstMonth: month, currentYear: options.currentYear, zone: options.zone });
        const onRead = 'readElsewhere' in source ? source.readElsewhere : undefined;
        yield* readRecordsInWorkers({ file, name: source.name, size, format, year, month: month ?? 0, rangeBytes }, onRead === undefined ? options : { ...options, onRead }, state, jobs.pool());
        return;
      }
    }
  }
  yield* readRecords(source, options, state);
}
