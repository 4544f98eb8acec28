import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createChunkFeed } from '../../input/create-chunk-feed.ts';
import { createDecoder } from '../../input/create-decoder.ts';
import { emptyStats, type InputFormat, type InputStats, type LogRecord } from '../../model/log-record.ts';
import { createPrefilter } from '../../recognise/create-prefilter.ts';
import { createRecogniser } from '../../recognise/create-recogniser.ts';
import { createRowFinder } from '../../recognise/create-row-finder.ts';
import { RECOGNISERS } from '../../recognise/table.ts';
import { createBatchWriter, type CompactBatch } from './compact-batch.ts';
import { createRecordingSink, type SinkCall } from './recording-sink.ts';

/**
 * One job: the bytes [start, tailEnd) of a file (offsets at line starts). Lines are numbered from 1
 * at `start`. Records emitted before `takeFrom` are not handed over (the previous job emitted them);
 * [start, seamEnd) is also decoded alone to compare with the previous job's tail (see the folder's
 * header in read-records-in-workers.ts); [end, tailEnd) is the tail decoded for the next job's check.
 */
export interface RangeJob {
  readonly file: string;
  readonly input: string;
  readonly format: InputFormat;
  readonly year: number;
  readonly zone: string;
  readonly maxLineLength: number;
  readonly showUnrecognised: number;
  readonly start: number;
  readonly seamEnd: number;
  readonly takeFrom: number;
  readonly end: number;
  /** Infinity: to the end of the file (the last job), whose decoder is then ended. */
  readonly tailEnd: number;
}

/** A job's state where it meets a neighbour: a digest of the records there and whether it can be compared. */
export interface Seam {
  readonly digest: string;
  readonly ok: boolean;
}

export type RangeMessage =
  | { readonly kind: 'head'; readonly seam: Seam }
  | { readonly kind: 'batch'; readonly batch: CompactBatch }
  | {
      readonly kind: 'done';
      /** Lines in [start, end). */
      readonly rangeLines: number;
      /** Counts of the lines from takeFrom to the end of the job. */
      readonly stats: InputStats;
      readonly calls: SinkCall[];
      /** Null for the last job. */
      readonly tail: Seam | null;
    }
  | { readonly kind: 'failed'; readonly message: string };

const CHUNK = 1 << 16;
/** One recogniser and prefilter per worker thread, built for its first job (building them takes milliseconds). */
let recogniser: { recognise: ReturnType<typeof createRecogniser>; mayMatch: ReturnType<typeof createPrefilter> } | null = null;
function recogniserOfThread(): NonNullable<typeof recogniser> {
  if (recogniser === null) {
    const finder = createRowFinder(RECOGNISERS);
    recogniser = { recognise: createRecogniser(RECOGNISERS, finder), mayMatch: createPrefilter(finder) };
  }
  return recogniser;
}
const BATCH = 4096;

/**
 * The records a seam is compared on: everything that decides a record's output and what it may
 * still absorb (line relative to the seam, time, fields, text, folded lines), hashed. bootId is left
 * out: the `-- Boot … --` marker that sets it may lie before the range (nothing downstream reads it).
 */
function digest(records: readonly LogRecord[], base: number): string {
  const h = createHash('sha256');
  for (const r of records) {
    h.update(JSON.stringify([r.line - base, r.time, r.host, r.ident, r.unit, r.pid, r.codePid, r.level, r.logger, r.globalRequestId, r.requestId, r.user, r.project, r.func, r.text, r.extra]));
    h.update('\n');
  }
  return h.digest('hex');
}

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** Every count of `a` less `b`'s (whatever counts InputStats has). */
const minus = (a: InputStats, b: InputStats): InputStats => {
  const diff = { ...a };
  for (const k of Object.keys(diff) as (keyof InputStats)[]) diff[k] -= b[k];
  return diff;
};

/**
 * Runs one job (in a worker): reads its bytes, splits them with createChunkFeed (split2), decodes,
 * recognises, and posts what the main thread needs: the head seam, compact batches of the records
 * it takes, then the counts, the recorded diagnostics and the tail seam.
 */
export async function decodeRange(job: RangeJob, post: (m: RangeMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { recognise, mayMatch } = recogniserOfThread();
  const recording = createRecordingSink();
  recording.taking = job.takeFrom === job.start;
  // The prefilter as on one thread (pipeline/analyse.ts): off when --diagnostics shows unrecognised lines.
  const options = { input: job.input, format: job.format, year: job.year, zone: job.zone, mayMatch: job.showUnrecognised > 0 ? null : mayMatch };
  const decoder = createDecoder({ ...options, sink: recording.sink });
  let emitted: LogRecord[] = [];
  const feed = createChunkFeed(decoder, job.maxLineLength, (r) => emitted.push(r));
  // The head decoded alone: what it holds at seamEnd is compared with the previous job's tail.
  const alone = job.seamEnd > job.start ? createDecoder({ ...options, sink: createRecordingSink().sink }) : null;
  const aloneFeed = alone === null ? null : createChunkFeed(alone, job.maxLineLength, () => {});
  const writer = createBatchWriter(BATCH);
  let texts = 0;
  let statsAtTake: InputStats = emptyStats();
  let lines = 0;
  let rangeLines = 0;

  const send = () => {
    if (writer.count === 0) return;
    const { batch, transfer } = writer.take();
    post({ kind: 'batch', batch }, transfer);
  };
  /** What the main decoder emitted since the last call (handed over when taking). */
  const takeEmitted = (): LogRecord[] => {
    const rs = emitted;
    emitted = [];
    if (!recording.taking) return rs;
    for (const r of rs) {
      const event = r.prefiltered === true ? null : recognise(r);
      const keepText = event === null && texts < job.showUnrecognised;
      if (keepText) texts++;
      writer.add(r, event, keepText);
      if (writer.count >= BATCH) send();
    }
    return rs;
  };

  const fh = await open(job.file, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(CHUNK);
    let pos = job.start;
    let head: LogRecord[] = [];
    let tailEmitted: LogRecord[] = [];
    // Read up to each boundary in turn (a head seam may reach past the range's end).
    const bounds = [...new Set([job.seamEnd, job.takeFrom, job.end, job.tailEnd])].sort((x, y) => x - y);
    for (const bound of bounds) {
      while (pos < bound) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, bound - pos), pos);
        if (bytesRead === 0) break;
        const chunk = Buffer.from(buf.subarray(0, bytesRead)); // a fresh copy: decoders may keep a chunk
        const inHead = pos < job.seamEnd;
        pos += bytesRead;
        lines += countLines(chunk);
        feed.write(chunk);
        if (inHead) aloneFeed?.write(chunk);
        const rs = takeEmitted();
        if (inHead) head = head.concat(rs);
        if (pos > job.end) tailEmitted = tailEmitted.concat(rs);
      }
      if (bound === job.seamEnd && alone !== null) {
        const held = alone.flushHeld();
        post({ kind: 'head', seam: { digest: `${digest(head, 0)}:${digest(held, 0)}`, ok: head.length + held.length > 0 } });
      }
      if (bound === job.takeFrom && !recording.taking) {
        statsAtTake = { ...decoder.stats };
        recording.taking = true;
      }
      if (bound === job.end) rangeLines = lines;
    }
    let tail: Seam | null = null;
    const stats = (): InputStats => minus(decoder.stats, statsAtTake);
    let statsEnd: InputStats;
    if (job.tailEnd === Infinity) {
      feed.end();
      takeEmitted();
      statsEnd = stats();
    } else {
      statsEnd = stats();
      // What the next job's head must match: the records emitted in the tail that start there, and
      // those still held (none may start before it: they could still absorb the next job's lines).
      const held = decoder.flushHeld();
      const next = tailEmitted.filter((r) => r.line > rangeLines);
      tail = { digest: `${digest(next, rangeLines)}:${digest(held, rangeLines)}`, ok: held.every((r) => r.line > rangeLines) };
    }
    send();
    post({ kind: 'done', rangeLines, stats: statsEnd, calls: recording.calls(), tail });
  } finally {
    await fh.close();
  }
}
