/**
 * --jobs: one input analysed by worker threads, with output byte-identical to one thread.
 *
 * How. A large regular file in a line-based format (short*, oslo, json, json-seq, json-sse; see
 * CUTTABLE) is cut into ranges at line starts (planRanges); several smaller files are one range
 * each. Each range is a job for a worker thread (worker-pool.ts, range-worker.ts): it reads its
 * bytes, splits them with createChunkFeed (split2, the one splitter), decodes, recognises, and hands
 * over only what the main thread needs (compact-batch.ts): the records no recogniser matched as their
 * time, line, host, identifier, logger and request ids in transferred typed arrays with a string
 * table, the recognised ones whole with their event; then its counts and its decoder's diagnostic
 * calls (recording-sink.ts). The main thread takes the jobs in input order, replays the diagnostics
 * into the input's one sink (so caps and counts are the whole input's) and passes the records to
 * the one recogniser-and-reducer loop of analyse.ts, which skips recognising them again.
 *
 * Seams. A decoder carries state across lines: the record assembler folds a traceback or a second
 * message line into a record held up to 64 records back, short's continuation lines take the
 * indentation of the last entry, a yearless format's year advances at New Year. So a job does not
 * start from nothing and hope: besides its range it decodes a tail, the next range's first ~64 KiB
 * (its head seam), and says what it emitted there and what it still held at the tail's end; the next
 * job decodes its head seam alone (a second decoder) and says the same. The main thread compares the
 * two (digests of every field, text and folded line, by line relative to the seam): equal, and
 * nothing held from before the seam, means the next job's decoder is from there on in the same state
 * as one thread's, so the previous job's output is taken up to the seam's end and the next job's
 * after it. Not equal (a fold across the cut, a wrong year guess): the next range is decoded again
 * from the previous job's start, as one thread would, and its output taken after the seam. The
 * record numbers (lines) are counted per job and moved by the lines before it.
 *
 * What stays on one thread: stdin, pipes, `follow`, journal files, compressed files, and the formats
 * whose records cannot be cut at a line (export, json-pretty, verbose, cat, short-monotonic,
 * short-delta); a file smaller than SPLIT_BYTES is one job only when there are several inputs.
 * Known difference: an unrecognised record reaches the reducer with only the fields it reads (see
 * CompactBatch), and a record's bootId from a `-- Boot … --` marker before its range is null;
 * neither shows in any output.
 */
import { open } from 'node:fs/promises';
import { createDiagnosticSink } from '../../input/create-diagnostic-sink.ts';
import type { InputFormat, InputStats, LogRecord } from '../../model/log-record.ts';
import type { ReaderState } from '../reader-state.ts';
import { readFailed } from '../read-failed.ts';
import { readBatch } from './compact-batch.ts';
import { createMailbox, type Mailbox } from './mailbox.ts';
import type { RangeJob, RangeMessage, Seam } from './decode-range.ts';
import { planRanges, type Range } from './plan-ranges.ts';
import { replaySinkCalls } from './recording-sink.ts';
import type { WorkerPool } from './worker-pool.ts';

export interface WorkerInput {
  readonly file: string;
  readonly name: string;
  readonly size: number;
  readonly format: InputFormat;
  readonly year: number;
  /** Month of the first line (yearless formats), 0 unknown. */
  readonly month: number;
  /** Cut into ranges of about this many bytes; Infinity: one job for the whole file. */
  readonly rangeBytes: number;
}

export interface WorkerReadOptions {
  readonly zone: string;
  readonly maxLineLength: number;
  readonly showUnrecognised: number;
  /** Called as ranges are done: the file's first `bytes` are read (the progress bar). */
  readonly onRead?: (bytes: number) => void;
}

/** Head seams end about this far into a range (at most two ranges: tests force tiny ones): past the 64 records an assembler holds, and cheap to decode twice. */
const SEAM_BYTES = 64 * 1024;

/** Every count of `a` plus `b`'s (whatever counts InputStats has). */
const add = (a: InputStats, b: InputStats): InputStats => {
  const sum = { ...a };
  for (const k of Object.keys(sum) as (keyof InputStats)[]) sum[k] += b[k];
  return sum;
};

/**
 * Reads one input through the worker pool and yields its records in input order, as readRecords
 * does on one thread (same records for the reducer, same counts and diagnostics in `state`).
 */
export async function* readRecordsInWorkers(input: WorkerInput, options: WorkerReadOptions, state: ReaderState, pool: WorkerPool): AsyncGenerator<LogRecord[]> {
  state.format = input.format;
  const sink = createDiagnosticSink(input.name);
  try {
    let ranges: Range[] = [{ start: 0, seamEnd: 0, end: input.size, year: input.year }];
    if (input.rangeBytes < input.size) {
      const fh = await open(input.file, 'r');
      try {
        ranges = await planRanges(fh, { format: input.format, size: input.size, rangeBytes: input.rangeBytes, seamBytes: Math.min(SEAM_BYTES, 2 * input.rangeBytes), year: input.year, month: input.month });
      } finally {
        await fh.close();
      }
    }
    const base = { file: input.file, input: input.name, format: input.format, zone: options.zone, maxLineLength: options.maxLineLength, showUnrecognised: options.showUnrecognised };
    const jobs: RangeJob[] = ranges.map((r, k) => ({ ...base, year: r.year, start: r.start, seamEnd: r.seamEnd, takeFrom: r.seamEnd, end: r.end, tailEnd: ranges[k + 1]?.seamEnd ?? Infinity }));
    const submit = (job: RangeJob, first = false) => {
      const box = createMailbox<RangeMessage>();
      pool.run(job, (m) => box.push(m), first);
      return box;
    };
    // Jobs are queued a pool's worth ahead of the one being taken: what waits to be taken stays bounded.
    const boxes: Mailbox<RangeMessage>[] = [];
    const queueUpTo = (k: number) => {
      while (boxes.length < Math.min(jobs.length, k + 1)) boxes.push(submit(jobs[boxes.length] as RangeJob));
    };
    let lineOffset = 0;
    let prev: { job: RangeJob; lineOffset: number; tail: Seam | null } | null = null;
    for (let k = 0; k < jobs.length; k++) {
      let job = jobs[k] as RangeJob;
      queueUpTo(k + pool.size);
      let box = boxes[k] as Mailbox<RangeMessage>;
      let jobOffset = lineOffset;
      if (prev !== null && job.seamEnd > job.start) {
        const head = await box.next();
        if (head.kind === 'failed') throw new Error(head.message);
        const tail = prev.tail;
        if (head.kind !== 'head' || tail === null || !tail.ok || !head.seam.ok || tail.digest !== head.seam.digest) {
          // The decoders do not agree at the seam: decode this range again from the previous job's start.
          job = { ...job, start: prev.job.start, seamEnd: prev.job.start, year: prev.job.year };
          jobOffset = prev.lineOffset;
          box = submit(job, true);
        }
      }
      for (;;) {
        const m = await box.next();
        if (m.kind === 'failed') throw new Error(m.message);
        if (m.kind === 'batch') {
          yield readBatch(m.batch, input.name, jobOffset);
          continue;
        }
        if (m.kind !== 'done') continue;
        replaySinkCalls(m.calls, sink, jobOffset);
        state.diagnostics.push(...sink.take());
        state.stats = add(state.stats, m.stats);
        prev = { job, lineOffset: jobOffset, tail: m.tail };
        lineOffset = jobOffset + m.rangeLines;
        options.onRead?.(job.end);
        break;
      }
    }
  } catch (e) {
    state.error = (e as Error).message;
    state.diagnostics.push(readFailed(input.name, (e as Error).message));
  }
}
