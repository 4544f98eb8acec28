import { createChunkFeed, type ChunkFeed } from '../input/create-chunk-feed.ts';
import { createDecoder, type Decoder } from '../input/create-decoder.ts';
import { detectFormat } from '../input/detect-format.ts';
import { firstMonth } from '../input/first-month.ts';
import type { InputSource } from '../io/open-input.ts';
import type { InputFormat, LogRecord, MayMatch } from '../model/log-record.ts';
import { initialYear } from '../time/initial-year.ts';
import { readFailed } from './read-failed.ts';
import { readJournalRecords } from './read-journal-records.ts';
import { takeDecoderState, type ReaderState } from './reader-state.ts';

export interface ReadOptions {
  readonly inputFormat: InputFormat | undefined;
  readonly year: number | undefined;
  readonly currentYear: number;
  readonly zone: string;
  /** Longest line kept, in characters; a longer one is skipped with a diagnostic. */
  readonly maxLineLength: number;
  /** Live input: detect the format from the first complete line(s) instead of waiting for 64 KiB. */
  readonly live?: unknown;
  /** The prefilter (createPrefilter), or null to parse every record in full. */
  readonly mayMatch?: MayMatch | null;
}

const HEAD_BYTES = 64 * 1024;

/**
 * Reads one input (journal files: readJournalRecords): detects its format from the first 64 KiB (unless forced), feeds its chunks to
 * a decoder through createChunkFeed (split2 for text formats) and yields batches of records.
 * Never throws for bad input or read errors: they end up in `state.error` / `state.diagnostics`.
 */
export async function* readRecords(source: InputSource, options: ReadOptions, state: ReaderState): AsyncGenerator<LogRecord[]> {
  if ('entries' in source) {
    yield* readJournalRecords(source, options, state);
    return;
  }
  const chunks = source.chunks()[Symbol.asyncIterator]();
  let decoder: Decoder | null = null;
  let feed: ChunkFeed | null = null;
  let batch: LogRecord[] = [];
  const drain = () => {
    if (decoder !== null) takeDecoderState(state, decoder, source);
  };
  try {
    const head: Buffer[] = [];
    let headSize = 0;
    let done = false;
    while (headSize < HEAD_BYTES) {
      const r = await chunks.next();
      if (r.done) {
        done = true;
        break;
      }
      head.push(r.value);
      headSize += r.value.length;
      if (options.live !== undefined && r.value.includes(10)) break;
    }
    const headBuf = Buffer.concat(head);
    let format = source.format ?? options.inputFormat ?? detectFormat(headBuf);
    if (format === null && headBuf.length > 0) {
      // Binary junk or blank lines: read as plain text lines so that every line is still counted.
      format = 'cat';
      if (/[^\s]/.test(headBuf.toString('latin1'))) state.diagnostics.push({ severity: 'warning', code: 'unknown-format', message: `Check the input, or force its format with --input-format: "${source.name}" does not start like a journal or an oslo.log file (binary data?); its lines are read as plain text` });
    }
    state.format = format;
    if (format === null) return; // empty input
    const year = initialYear({ explicitYear: options.year, mtimeMs: source.mtimeMs, firstMonth: firstMonth(headBuf), currentYear: options.currentYear, zone: options.zone });
    const dec = createDecoder({ input: source.name, format, year, zone: options.zone, mayMatch: options.mayMatch ?? null });
    decoder = dec;
    state.flushHeld = () => {
      const held = dec.flushHeld();
      drain();
      return held;
    };
    feed = createChunkFeed(dec, options.maxLineLength, (r) => batch.push(r));
    feed.write(headBuf);
    if (!done) {
      yield takeBatch();
      for (let r = await chunks.next(); !r.done; r = await chunks.next()) {
        feed.write(r.value);
        // Yield even an empty batch: live mode must know input arrived (a record may be held for continuation).
        yield takeBatch();
      }
    }
  } catch (e) {
    state.error = (e as Error).message;
    state.diagnostics.push(readFailed(source.name, (e as Error).message));
  }
  feed?.end();
  drain();
  if (batch.length > 0) yield takeBatch();

  function takeBatch(): LogRecord[] {
    drain();
    const b = batch;
    batch = [];
    return b;
  }
}
