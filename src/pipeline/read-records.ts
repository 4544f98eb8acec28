import split2 from 'split2';
import { createDecoder, type Decoder } from '../input/create-decoder.ts';
import { detectFormat } from '../input/detect-format.ts';
import { firstMonth } from '../input/first-month.ts';
import type { InputSource } from '../io/open-input.ts';
import { emptyStats, type Diagnostic, type InputFormat, type InputStats, type LogRecord } from '../model/log-record.ts';
import { initialYear } from '../time/initial-year.ts';

export interface ReadOptions {
  readonly inputFormat: InputFormat | undefined;
  readonly year: number | undefined;
  readonly currentYear: number;
  readonly zone: string;
  /** Longest line kept, in characters; a longer one is skipped with a diagnostic. */
  readonly maxLineLength: number;
  /** Live input: detect the format from the first complete line(s) instead of waiting for 64 KiB. */
  readonly live?: unknown;
}

/** What a reader reports about its input while and after it is read. */
export interface ReaderState {
  readonly name: string;
  format: InputFormat | null;
  stats: InputStats;
  error: string | null;
  readonly diagnostics: Diagnostic[];
  /** Live mode: emit the record held for possible continuation lines (set once the format is known). */
  flushHeld: () => LogRecord[];
}

const HEAD_BYTES = 64 * 1024;

/**
 * Reads one input: detects its format from the first 64 KiB (unless forced), splits text formats
 * into lines with split2 (export streams are decoded as bytes) and yields batches of records.
 * Never throws for bad input or read errors: they end up in `state.error` / `state.diagnostics`.
 */
export async function* readRecords(source: InputSource, options: ReadOptions, state: ReaderState): AsyncGenerator<LogRecord[]> {
  const chunks = source.chunks()[Symbol.asyncIterator]();
  let decoder: Decoder | null = null;
  let splitter: ReturnType<typeof split2> | null = null;
  let batch: LogRecord[] = [];
  let overflowing = false;
  let skipped = 0;
  /** Set once the input has ended: split2 then flushes the last line, one without a \n after it. */
  let ending = false;
  const drain = () => {
    if (decoder === null) return;
    state.stats = { ...decoder.stats, read: decoder.stats.read + skipped, malformed: decoder.stats.malformed + skipped };
    state.diagnostics.push(...decoder.takeDiagnostics());
    if (source.takeDiagnostics !== undefined) state.diagnostics.push(...source.takeDiagnostics());
  };
  const feed = (chunk: Buffer) => {
    if (decoder === null) return;
    if (splitter === null) {
      for (const r of decoder.bytes(chunk)) batch.push(r);
      return;
    }
    splitter.write(chunk);
    const now = (splitter as unknown as { overflow: boolean }).overflow;
    if (now && !overflowing) {
      skipped++;
      state.diagnostics.push({
        severity: 'warning',
        code: 'line-too-long',
        message: `Split the input or raise the limit: a line longer than ${options.maxLineLength} characters was skipped`,
        where: { input: source.name, line: decoder.stats.read + skipped },
      });
    }
    overflowing = now;
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
    const dec = createDecoder({ input: source.name, format, year, zone: options.zone });
    decoder = dec;
    state.flushHeld = () => {
      const held = dec.flushHeld();
      drain();
      return held;
    };
    if (dec.framing === 'lines') {
      // skipOverflow is split2's (its types omit it): an over-long line is dropped, which feed() counts and reports.
      const splitOptions = { maxLength: options.maxLineLength, skipOverflow: true };
      // Split on the string "\n" (String#split's fast path; profiled: the /\r?\n/ regex split was
      // a visible cost) and drop the \r of a \r\n here, except on the last line split2 flushes at
      // the end of the input, which did not end with \n (so a \r there is not part of a \r\n).
      splitter = split2('\n', (line: string) => {
        const text = !ending && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
        for (const r of dec.line(text)) batch.push(r);
        return undefined;
      }, splitOptions);
    }
    feed(headBuf);
    if (!done) {
      yield takeBatch();
      for (let r = await chunks.next(); !r.done; r = await chunks.next()) {
        feed(r.value);
        // Yield even an empty batch: live mode must know input arrived (a record may be held for continuation).
        yield takeBatch();
      }
    }
  } catch (e) {
    state.error = (e as Error).message;
    state.diagnostics.push({ severity: 'error', code: 'input-read-failed', message: `Check the input: reading "${source.name}" stopped early: ${(e as Error).message}; what was read before is analysed` });
  }
  ending = true;
  if (splitter !== null) await endSplitter(splitter);
  if (decoder !== null) for (const r of decoder.end()) batch.push(r);
  drain();
  if (batch.length > 0) yield takeBatch();

  function takeBatch(): LogRecord[] {
    drain();
    const b = batch;
    batch = [];
    return b;
  }
}

function endSplitter(s: ReturnType<typeof split2>): Promise<void> {
  return new Promise((resolve) => {
    s.on('finish', () => resolve());
    s.on('error', () => resolve());
    s.end();
    s.resume();
  });
}

export function newReaderState(name: string): ReaderState {
  return { name, format: null, stats: emptyStats(), error: null, diagnostics: [], flushHeld: () => [] };
}
