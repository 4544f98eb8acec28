import { emptyStats, type Diagnostic, type InputFormat, type InputStats, type LogRecord, type MayMatch } from '../model/log-record.ts';
import { isValidZone } from '../time/is-valid-zone.ts';
import { createDiagnosticSink, type DiagnosticSink } from './create-diagnostic-sink.ts';
import { createRecordAssembler } from './create-record-assembler.ts';
import type { DecoderContext } from './decoder-context.ts';

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

export interface DecoderCommon {
  /** End of input: flush everything held. */
  end(): LogRecord[];
  /** Flush a record held for possible continuation lines (used by live mode's idle timer). */
  flushHeld(): LogRecord[];
  readonly stats: InputStats;
  /** Diagnostics produced since the last call; repeated codes are capped (the first 5, then a count at end()). */
  takeDiagnostics(): Diagnostic[];
}

const NONE = Object.freeze([]) as unknown as LogRecord[];

/** What every decoder shares: its context, the records completed so far, end() and the rest. */
export function decoderBase(opts: DecoderOptions) {
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

