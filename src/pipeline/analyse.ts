import type { Worker } from 'node:worker_threads';
import type { InputSource } from '../io/open-input.ts';
import { emptyStats, type Diagnostic, type InputFormat, type LogRecord } from '../model/log-record.ts';
import { createPrefilter } from '../recognise/create-prefilter.ts';
import { createRecogniser } from '../recognise/create-recogniser.ts';
import { createRowFinder } from '../recognise/create-row-finder.ts';
import { RECOGNISERS } from '../recognise/table.ts';
import { createReducer, type ReducerOutput } from '../reduce/create-reducer.ts';
import { createSummary, type SummaryData } from '../reduce/create-summary.ts';
import type { HeldNow } from '../reduce/held-in-conversion-dir.ts';
import type { ImageData } from '../reduce/image.ts';
import type { CacheCounts } from '../reduce/create-image-cache-stats.ts';
import type { Timeline } from '../reduce/timeline.ts';
import type { RunTotals } from '../render/run-totals.ts';
import { RECOGNISED, type PreRecognised } from './jobs/compact-batch.ts';
import { readInput } from './jobs/read-input.ts';
import { endReader } from './jobs/read-journal-in-worker.ts';
import { createWorkerPool, startWorker, type WorkerPool } from './jobs/worker-pool.ts';
import { isCurrent } from './is-current.ts';
import { mergeByTime } from './merge-by-time.ts';
import { newReaderState, type ReaderState } from './reader-state.ts';

export interface AnalyseOptions {
  readonly inputFormat: InputFormat | undefined;
  readonly year: number | undefined;
  /** The current year, for yearless stdin (the core never reads the clock). */
  readonly currentYear: number;
  readonly zone: string;
  readonly idleTimeoutMs: number;
  readonly maxOpen: number;
  readonly maxLineLength: number;
  /** Report this many unrecognised records as `info` diagnostics (`--diagnostics`). */
  readonly showUnrecognised: number;
  /**
   * Live input (a pipe that stays open, `journalctl -f`), while it is current (see isCurrent; else
   * it is read like a file): after `quietMs` without input the record held for continuation lines is
   * emitted, and log time advances with the wall time spent waiting. A journal entry (json, export)
   * is whole when it arrives: only a further entry of the same stream written in the same burst can
   * continue it, so its input waits `entryQuietMs` instead.
   */
  readonly live?: { readonly clock: () => number; readonly quietMs: number; readonly entryQuietMs: number; readonly tickMs: number };
  /**
   * `--since/--until/--host/--image/--volume`: timelines it rejects are neither emitted nor summarised,
   * nor counted in their image's volumes.
   */
  readonly filter?: ((t: Timeline) => boolean) | null;
  /** The same options applied to the images of the end item and of images() (see createImageFilter). */
  readonly imageFilter?: ((images: readonly ImageData[]) => ImageData[]) | null;
  /** `--jobs`: worker threads for large files and several files (see jobs/read-records-in-workers.ts); 1 or absent: none. */
  readonly jobs?: number;
  /** Journal files are read, decoded and prefiltered on a reader thread (see jobs/read-journal-in-worker.ts). */
  readonly readerThread?: boolean;
  /** Tests: cut files into ranges of this many bytes (seams everywhere). */
  readonly jobsRangeBytes?: number;
  /**
   * Tests: the worker threads to use, started and closed by the caller (a thread started from the
   * sources compiles them under tsx for about a second: a test of 150 files shares one pool).
   */
  readonly jobsPool?: WorkerPool;
}

export type AnalyseOutput =
  | { readonly kind: 'timeline'; readonly timeline: Timeline }
  | { readonly kind: 'diagnostic'; readonly diagnostic: Diagnostic }
  | { readonly kind: 'end'; readonly summary: SummaryData; readonly run: RunTotals; readonly images: readonly ImageData[] };

/** Counters of a run so far, for the live status line and the exporter. */
export interface Progress {
  readonly read: number;
  readonly recognised: number;
  readonly unrecognised: number;
  readonly openFlows: number;
  readonly evicted: number;
  readonly lastConversionMbps: number | null;
  /** The image-volume cache counts per backend so far. */
  readonly imageCache: readonly CacheCounts[];
}

export interface Analysis {
  readonly outputs: AsyncGenerator<AnalyseOutput>;
  /** Stop reading (SIGINT/SIGTERM): open flows are reported as incomplete, then the summary. */
  stop(): void;
  /** The summary so far (SIGHUP, the live status line). */
  snapshot(): { summary: SummaryData; run: RunTotals };
  /** The images so far, after the filters (SIGHUP). */
  images(): ImageData[];
  progress(): Progress;
  /** What the open creates hold in image_conversion_dir now, per host (the exporter's gauge, at scrape time). */
  heldInConversionDir(): HeldNow[];
}

const TICK = Symbol('tick');
/** Formats whose records are journal entries, whole when they arrive (see `live.entryQuietMs`). */
const WHOLE_ENTRIES: ReadonlySet<InputFormat> = new Set(['json', 'json-sse', 'json-seq', 'json-pretty', 'export']);

/**
 * The one pipeline: sources → records (per input, merged by time) → recognisers → reducer →
 * timelines, then the summary. Inputs that cannot be opened come in as `failed` with their diagnostic.
 */
export function createAnalysis(
  sources: readonly InputSource[],
  failed: readonly { name: string; diagnostic: Diagnostic }[],
  options: AnalyseOptions,
): Analysis {
  const finder = createRowFinder(RECOGNISERS);
  // Every record comes from a reader thread (journal files): its strings are its own, not cut from a
  // read chunk, so the recogniser keeps it as it is (see RecogniserOptions.ownStrings).
  const ownStrings = options.readerThread === true && sources.every((s) => 'entries' in s);
  const recognise = createRecogniser(RECOGNISERS, finder, { ownStrings });
  // Records no row could match are parsed only in part and not offered to the recogniser (see
  // createPrefilter), unless --diagnostics asks to see the unrecognised ones.
  const readOptions = { ...options, mayMatch: options.showUnrecognised > 0 ? null : createPrefilter(finder) };
  const reducer = createReducer({ idleTimeoutMs: options.idleTimeoutMs, maxOpen: options.maxOpen });
  const summary = createSummary();
  const states: ReaderState[] = sources.map((s) => newReaderState(s.name));
  const diagnostics = { errors: 0, warnings: 0 };
  let unrecognisedShown = 0;
  let lastTime: number | null = null;
  let lastConversionMbps: number | null = null;
  // One fresh promise per wait, settled by the input or by stop(). (Racing each batch against one
  // never-settling "stopped" promise kept every batch reachable: memory grew with the input.)
  let wakeOnStop: (() => void) | null = null;
  const orStop = <T,>(p: Promise<T>): Promise<T | typeof TICK> =>
    new Promise<T | typeof TICK>((resolve, reject) => {
      wakeOnStop = () => resolve(TICK);
      if (isStopped) resolve(TICK);
      p.then(resolve, reject);
    });
  let isStopped = false;
  let pool: WorkerPool | null = null;
  const jobCount = options.jobs ?? 1;
  const jobs =
    jobCount > 1 && options.live === undefined
      ? { count: jobCount, pool: () => options.jobsPool ?? (pool ??= createWorkerPool(jobCount)), several: sources.length > 1, ...(options.jobsRangeBytes === undefined ? {} : { rangeBytes: options.jobsRangeBytes }) }
      : undefined;

  const images = (): ImageData[] => (options.imageFilter ? options.imageFilter(reducer.images()) : reducer.images());
  const run = (): RunTotals => ({
    inputs: [
      ...states.map((s) => ({ name: s.name, format: s.format, stats: s.stats, error: s.error })),
      ...failed.map((f) => ({ name: f.name, format: null, stats: emptyStats(), error: f.diagnostic.message })),
    ],
    recognised: reducer.counters.recognised,
    diagnostics: { ...diagnostics },
  });

  function* report(d: Diagnostic): Generator<AnalyseOutput> {
    if (d.severity === 'error') diagnostics.errors++;
    else if (d.severity === 'warning') diagnostics.warnings++;
    yield { kind: 'diagnostic', diagnostic: d };
  }
  function* drainDiagnostics(): Generator<AnalyseOutput> {
    for (const s of states) for (const d of s.diagnostics.splice(0)) yield* report(d);
  }
  function* emit(outs: readonly ReducerOutput[]): Generator<AnalyseOutput> {
    for (const o of outs) {
      if (o.kind === 'diagnostic') {
        yield* report(o.diagnostic);
        continue;
      }
      if (options.filter && !options.filter(o.timeline)) continue;
      summary.add(o.timeline);
      reducer.countVolume(o.timeline);
      const convert = o.timeline.phases.findLast((p) => p.name === 'convert' && p.mbps !== null);
      if (convert) lastConversionMbps = convert.mbps;
      yield o;
    }
  }
  function* consume(records: readonly LogRecord[]): Generator<AnalyseOutput> {
    for (const record of records) {
      if (record.time !== null && (lastTime === null || record.time > lastTime)) lastTime = record.time;
      const known = (record as PreRecognised)[RECOGNISED]; // recognised by a --jobs worker
      const event = known !== undefined ? known : record.prefiltered === true ? null : recognise(record);
      if (event === null && unrecognisedShown < options.showUnrecognised) {
        unrecognisedShown++;
        yield* report({ severity: 'info', code: 'unrecognised-line', message: `Not recognised: ${record.text.slice(0, 200)}`, where: { input: record.input, line: record.line } });
      }
      const outs = reducer.step(record, event);
      if (outs.length !== 0) yield* emit(outs); // no generator per record when nothing is output
    }
  }

  /** Reader threads started (journal files): stopped at the end, also when reading was stopped before their input ended. */
  const readers = new Set<Worker>();
  const startReader = (): Worker => {
    const w = startWorker('journal-worker');
    readers.add(w);
    return w;
  };

  async function* outputs(): AsyncGenerator<AnalyseOutput> {
    try {
      yield* pipeline();
    } finally {
      await (pool as WorkerPool | null)?.close();
      await Promise.all([...readers].map(endReader));
    }
  }

  async function* pipeline(): AsyncGenerator<AnalyseOutput> {
    for (const f of failed) yield* report(f.diagnostic);
    const { jobs: _count, readerThread: _thread, ...rest } = readOptions;
    const inputOptions = { ...rest, ...(jobs === undefined ? {} : { jobs }), ...(options.readerThread === true ? { readerThread: startReader } : {}) };
    const batches = mergeByTime(sources.map((s, i) => readInput(s, inputOptions, states[i] as ReaderState)))[Symbol.asyncIterator]();
    const live = options.live;
    let next = batches.next();
    let waitingSince = live?.clock() ?? 0;
    /** Live input gets wall-clock behaviour only while it is current (decided as input arrives). */
    let current = false;
    /** The log time wall time last advanced the reducer to, while current. */
    let advancedTo: number | null = null;
    /** Per input: its held record was emitted since the last input arrived. */
    const flushed = states.map(() => false);
    const holdOf = (s: ReaderState): number => (live === undefined ? 0 : s.format !== null && WHOLE_ENTRIES.has(s.format) ? live.entryQuietMs : live.quietMs);
    for (;;) {
      let r: IteratorResult<LogRecord[]> | typeof TICK;
      if (live === undefined || !current) r = await orStop(next);
      else {
        // Wake when the next input's hold runs out, else after a tick (wall time for the reducer).
        const quiet = live.clock() - waitingSince;
        let wait = live.tickMs;
        for (const [i, s] of states.entries()) if (!flushed[i]) wait = Math.min(wait, Math.max(0, holdOf(s) - quiet));
        let timer: NodeJS.Timeout | undefined;
        const tick = new Promise<typeof TICK>((resolve) => (timer = setTimeout(() => resolve(TICK), wait)));
        r = await orStop(Promise.race([next, tick]));
        clearTimeout(timer);
      }
      if (isStopped) break;
      if (r === TICK) {
        if (live === undefined || !current) continue;
        const quiet = live.clock() - waitingSince;
        let any = false;
        for (const [i, s] of states.entries()) {
          if (flushed[i] || quiet < holdOf(s)) continue;
          flushed[i] = true;
          any = true;
          yield* consume(s.flushHeld());
        }
        if (any) yield* drainDiagnostics();
        if (quiet < live.quietMs && !any) continue;
        if (lastTime !== null) {
          advancedTo = lastTime + quiet;
          yield* emit(reducer.advance(advancedTo));
        }
        continue;
      }
      if (r.done) break;
      yield* consume(r.value);
      yield* drainDiagnostics();
      next = batches.next();
      flushed.fill(false);
      if (live !== undefined) {
        waitingSince = live.clock();
        current = isCurrent(lastTime === null ? null : Math.max(lastTime, advancedTo ?? lastTime), waitingSince);
      }
    }
    // Stopped (SIGINT/SIGTERM): what was read is analysed, the record held for continuation lines too.
    if (isStopped) for (const s of states) yield* consume(s.flushHeld());
    yield* emit(reducer.finish());
    yield* drainDiagnostics();
    yield { kind: 'end', summary: summary.result(reducer.imageCache.result()), run: run(), images: images() };
  }

  return {
    outputs: outputs(),
    stop() {
      isStopped = true;
      wakeOnStop?.();
    },
    snapshot: () => ({ summary: summary.result(reducer.imageCache.result()), run: run() }),
    images,
    heldInConversionDir: () => reducer.heldInConversionDir(),
    progress() {
      const totals = run();
      let read = 0;
      let records = 0;
      for (const i of totals.inputs) {
        read += i.stats.read;
        records += i.stats.records + i.stats.prefiltered; // prefiltered records are unrecognised ones too
      }
      return { read, recognised: totals.recognised, unrecognised: records - totals.recognised, openFlows: reducer.openFlows(), evicted: reducer.counters.evicted, lastConversionMbps, imageCache: reducer.imageCache.counts() };
    },
  };
}

/** The pipeline as a plain generator (batch use and tests). */
export function analyse(
  sources: readonly InputSource[],
  failed: readonly { name: string; diagnostic: Diagnostic }[],
  options: AnalyseOptions,
): AsyncGenerator<AnalyseOutput> {
  return createAnalysis(sources, failed, options).outputs;
}
