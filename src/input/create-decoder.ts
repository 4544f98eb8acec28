import { emptyStats, type Diagnostic, type InputFormat, type InputStats, type LogRecord, type MayMatch } from '../model/log-record.ts';
import { isValidZone } from '../time/is-valid-zone.ts';
import type { BytesDecoder } from './bytes-decoder.ts';
import { createCatDecoder } from './create-cat-decoder.ts';
import { createDiagnosticSink, type DiagnosticSink } from './create-diagnostic-sink.ts';
import { createExportDecoder } from './create-export-decoder.ts';
import { createJournalEntryDecoder, type EntryDecoder } from './create-journal-entry-decoder.ts';
import { createJsonLineDecoder } from './create-json-line-decoder.ts';
import { createJsonPrettyDecoder } from './create-json-pretty-decoder.ts';
import { createOsloDecoder } from './create-oslo-decoder.ts';
import { createRecordAssembler } from './create-record-assembler.ts';
import { createShortDecoder } from './create-short-decoder.ts';
import { createVerboseDecoder } from './create-verbose-decoder.ts';
import type { DecoderContext } from './decoder-context.ts';
import type { JournalEntry } from './journal-file/journal-entry.ts';
import type { LineDecoder } from './line-decoder.ts';

export interface DecoderOptions {
  /** Name of the input for origins and diagnostics (a path, or `-` for stdin). */
  input: string;
  format: InputFormat;
  /** Year of the first line for yearless formats (`short`, `short-precise`); see initialYear. */
  year: number;
  /** Zone for times printed without an offset: `'local'` or an IANA name. */
  zone: string;
  /** The prefilter (createPrefilter): records no recogniser could match are parsed only in part. */
  mayMatch?: MayMatch | null;
  /** Where diagnostics go (default: a capping sink for `input`); --jobs workers record them for the main thread. */
  sink?: DiagnosticSink;
}

interface DecoderCommon {
  /** End of input: flush everything held. */
  end(): LogRecord[];
  /** Flush a record held for possible continuation lines (used by live mode's idle timer). */
  flushHeld(): LogRecord[];
  readonly stats: InputStats;
  /** Diagnostics produced since the last call; repeated codes are capped (the first 5, then a count at end()). */
  takeDiagnostics(): Diagnostic[];
}

/** A text format: fed lines by createChunkFeed (split2). */
export interface LineDecoderOf extends DecoderCommon {
  readonly framing: 'lines';
  /**
   * One line without its terminator (createChunkFeed splits on \n and removes a \r before it).
   * The returned array must not be modified (an empty result is a shared array).
   */
  line(line: string): LogRecord[];
  /** A line longer than `limit` was skipped in its place: counted as read and malformed, and reported. */
  tooLong(limit: number): LogRecord[];
}

/** `export`: fed raw chunks, any size down to 1 byte. */
export interface BytesDecoderOf extends DecoderCommon {
  readonly framing: 'bytes';
  bytes(chunk: Buffer): LogRecord[];
}

/** `journal`: fed the entries read from journal files, in batches. */
export interface EntriesDecoderOf extends DecoderCommon {
  readonly framing: 'entries';
  entries(batch: readonly JournalEntry[]): LogRecord[];
}

export type Decoder = LineDecoderOf | BytesDecoderOf;

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

/** What every decoder shares: its context, the records completed so far, end() and the rest. */
function decoderBase(opts: DecoderOptions) {
  const stats = emptyStats();
  const sink = opts.sink ?? createDiagnosticSink(opts.input);
  let zone = opts.zone;
  if (!isValidZone(zone)) {
    sink.push({
      severity: 'error',
      code: 'invalid-zone',
      message: `Read times in UTC instead: "${zone}" is not a time zone. Use an IANA name such as "Europe/Berlin", or "local"`,
    });
    zone = 'UTC';
  }
  const ctx: DecoderContext = { input: opts.input, zone, year: opts.year, stats, sink, assembler: createRecordAssembler(stats, sink, opts.mayMatch ?? null), mayMatch: opts.mayMatch ?? null };
  let scratch: LogRecord[] = [];
  const drain = (): LogRecord[] => {
    if (scratch.length === 0) return NONE;
    const r = scratch;
    scratch = [];
    return r;
  };
  let ended = false;
  /** end(), flushHeld(), stats and takeDiagnostics, alike for every framing. */
  const finishing = (core: { end(out: LogRecord[]): void; flushHeld(out: LogRecord[]): void }) => ({
    end() {
      if (!ended) {
        ended = true;
        core.end(scratch);
        if (stats.blob > 0) {
          sink.report(
            'warning',
            'blob-messages',
            `Rerun journalctl with --all (-a), or better with -o json or -o export: ${stats.blob} message${stats.blob === 1 ? ' was' : 's were'} printed as "[NB blob data]" (journalctl's stand-in for a message with colour codes or other unprintable bytes), so their text is not in the input and the volumes they name are not followed`,
            ctx.assembler.firstBlobLine,
          );
        }
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
  return { ctx, stats, sink, out: () => scratch, drain, ended: () => ended, finishing };
}

/**
 * One decoder for one input in one format: feed it lines (or bytes for `export`), take the
 * completed records it returns, call end() once. Never throws on bad input: it is counted as
 * malformed in `stats` and reported through takeDiagnostics().
 */
export function createDecoder(opts: DecoderOptions): Decoder {
  const { ctx, stats, sink, out, drain, ended, finishing } = decoderBase(opts);
  if (opts.format === 'export' || opts.format === 'journal') {
    // `journal` forced on a byte stream (--input-format): journalctl's export stream of its entries.
    const core: BytesDecoder = createExportDecoder(ctx);
    return {
      framing: 'bytes',
      bytes(chunk) {
        if (!ended()) core.bytes(chunk, out());
        return drain();
      },
      ...finishing(core),
    };
  }

  const core = lineCore(opts.format, ctx);
  let lineNo = 0;
  return {
    framing: 'lines',
    line(line) {
      if (!ended()) core.line(line, ++lineNo, out());
      return drain();
    },
    tooLong(limit) {
      if (!ended()) {
        lineNo += 1;
        stats.read += 1;
        stats.malformed += 1;
        sink.report('warning', 'line-too-long', `Split the input or raise the limit: a line longer than ${limit} characters was skipped`, lineNo);
      }
      return drain();
    },
    ...finishing(core),
  };
}

/** The decoder of a journal-files input (format `journal`): fed its entries, in batches. */
export function createEntriesDecoder(opts: Omit<DecoderOptions, 'format'>): EntriesDecoderOf {
  const { ctx, out, drain, ended, finishing } = decoderBase({ ...opts, format: 'journal' });
  const core: EntryDecoder = createJournalEntryDecoder(ctx);
  return {
    framing: 'entries',
    entries(batch) {
      if (!ended()) for (const e of batch) core.entry(e, out());
      return drain();
    },
    ...finishing(core),
  };
}
