import { emptyStats, type Diagnostic, type InputFormat, type InputStats, type LogRecord } from '../model/log-record.ts';
import { isValidZone } from '../time/is-valid-zone.ts';
import type { BytesDecoder } from './bytes-decoder.ts';
import { createCatDecoder } from './create-cat-decoder.ts';
import { createDiagnosticSink } from './create-diagnostic-sink.ts';
import { createExportDecoder } from './create-export-decoder.ts';
import { createJsonLineDecoder } from './create-json-line-decoder.ts';
import { createJsonPrettyDecoder } from './create-json-pretty-decoder.ts';
import { createLineSplitter, type LineSink } from './create-line-splitter.ts';
import { createOsloDecoder } from './create-oslo-decoder.ts';
import { createRecordAssembler } from './create-record-assembler.ts';
import { createShortDecoder } from './create-short-decoder.ts';
import { createVerboseDecoder } from './create-verbose-decoder.ts';
import type { DecoderContext } from './decoder-context.ts';
import { MAX_LINE_LENGTH } from './limits.ts';
import type { LineDecoder } from './line-decoder.ts';

export interface DecoderOptions {
  /** Name of the input for origins and diagnostics (a path, or `-` for stdin). */
  input: string;
  format: InputFormat;
  /** Year of the first line for yearless formats (`short`, `short-precise`); see initialYear. */
  year: number;
  /** Zone for times printed without an offset: `'local'` or an IANA name. */
  zone: string;
}

export interface Decoder {
  readonly framing: 'lines' | 'bytes';
  /**
   * framing 'lines': one line without its terminator (the caller splits on \n and removes a \r
   * before it). The returned array must not be modified (an empty result is a shared array).
   */
  line(line: string): LogRecord[];
  /** framing 'bytes' (export): raw chunk, any size down to 1 byte. Also accepted for 'lines'. */
  bytes(chunk: Buffer): LogRecord[];
  /** End of input: flush everything held. */
  end(): LogRecord[];
  /** Flush a record held for possible continuation lines (used by live mode's idle timer). */
  flushHeld(): LogRecord[];
  readonly stats: InputStats;
  /** Diagnostics produced since the last call; repeated codes are capped (the first 5, then a count at end()). */
  takeDiagnostics(): Diagnostic[];
}

const NONE = Object.freeze([]) as unknown as LogRecord[];

function lineCore(format: InputFormat, ctx: DecoderContext): LineDecoder {
  switch (format) {
    case 'cat':
      return createCatDecoder(ctx);
    case 'oslo':
      return createOsloDecoder(ctx);
    case 'json':
    case 'json-sse':
    case 'json-seq':
      return createJsonLineDecoder(format, ctx);
    case 'json-pretty':
      return createJsonPrettyDecoder(ctx);
    case 'verbose':
      return createVerboseDecoder(ctx);
    default:
      return createShortDecoder(format, ctx);
  }
}

/**
 * One decoder for one input in one format: feed it lines (or bytes for `export`), take the
 * completed records it returns, call end() once. Never throws on bad input: it is counted as
 * malformed in `stats` and reported through takeDiagnostics().
 */
export function createDecoder(opts: DecoderOptions): Decoder {
  const stats = emptyStats();
  const sink = createDiagnosticSink(opts.input);
  let zone = opts.zone;
  if (!isValidZone(zone)) {
    sink.push({
      severity: 'error',
      code: 'invalid-zone',
      message: `Read times in UTC instead: "${zone}" is not a time zone. Use an IANA name such as "Europe/Berlin", or "local"`,
    });
    zone = 'UTC';
  }
  const ctx: DecoderContext = { input: opts.input, zone, year: opts.year, stats, sink, assembler: createRecordAssembler(stats, sink) };
  let scratch: LogRecord[] = [];
  const drain = (): LogRecord[] => {
    if (scratch.length === 0) return NONE;
    const r = scratch;
    scratch = [];
    return r;
  };
  let ended = false;
  /** end(), flushHeld(), stats and takeDiagnostics, alike for both framings; `beforeEnd` feeds what a line splitter still holds. */
  const finishing = (core: { end(out: LogRecord[]): void; flushHeld(out: LogRecord[]): void }, beforeEnd: () => void = () => {}) => ({
    end() {
      if (!ended) {
        beforeEnd();
        ended = true;
        core.end(scratch);
        sink.summarise();
      }
      return drain();
    },
    flushHeld() {
      core.flushHeld(scratch);
      return drain();
    },
    stats,
    takeDiagnostics: () => sink.take(),
  });

  if (opts.format === 'export' || opts.format === 'journal') {
    // A journal file reaches the decoder as the export stream its reader writes.
    const core: BytesDecoder = createExportDecoder(ctx);
    return {
      framing: 'bytes',
      line(line) {
        if (!ended) core.bytes(Buffer.from(line + '\n', 'utf8'), scratch);
        return drain();
      },
      bytes(chunk) {
        if (!ended) core.bytes(chunk, scratch);
        return drain();
      },
      ...finishing(core),
    };
  }

  const core = lineCore(opts.format, ctx);
  let lineNo = 0;
  const one: LineSink = (line, tooLong) => {
    lineNo += 1;
    if (tooLong || line.length > MAX_LINE_LENGTH) {
      stats.read += 1;
      stats.malformed += 1;
      sink.report(
        'warning',
        'line-too-long',
        `Skipped a line longer than ${MAX_LINE_LENGTH} characters: the input may be binary or not a log`,
        lineNo,
      );
      return;
    }
    core.line(line, lineNo, scratch);
  };
  let splitter: ReturnType<typeof createLineSplitter> | null = null;
  return {
    framing: 'lines',
    line(line) {
      if (!ended) one(line, false);
      return drain();
    },
    bytes(chunk) {
      if (!ended) {
        splitter ??= createLineSplitter();
        splitter.push(chunk, one);
      }
      return drain();
    },
    ...finishing(core, () => splitter?.end(one)),
  };
}
