import { createWriter } from '../io/create-writer.ts';
import type { Diagnostic } from '../model/log-record.ts';
import type { SummaryData } from '../reduce/create-summary.ts';
import type { ImageData } from '../reduce/image.ts';
import type { Timeline } from '../reduce/timeline.ts';
import { formatDiagnostic } from '../render/format-diagnostic.ts';
import type { RunTotals } from '../render/run-totals.ts';
import { EXIT } from './exit-codes.ts';
import { exporterFor, openAnalysis } from './open-analysis.ts';
import type { ResolvedOptions } from './options.ts';
import { startProgress } from './start-progress.ts';
import { startStatus } from './start-status.ts';

/** The run as of now: at the end of the input, or when SIGHUP asks. */
export interface AnalysisState {
  readonly summary: SummaryData;
  readonly run: RunTotals;
  /** The Glance images the input shows, after the filters. */
  readonly images: readonly ImageData[];
}

/** What a command wrote besides stdout (report --html), said on stderr; an error makes the exit status 1. */
export interface SinkFiles {
  readonly notices: readonly string[];
  readonly errors: readonly Diagnostic[];
}

/**
 * What one command does with the analysis: text for stdout from the timelines and from the state of
 * the run. Everything else is consumeAnalysis's, the same for every command.
 */
export interface AnalysisSink {
  /** stdout text for one timeline the filters kept, as it is emitted ('' when the command only collects). */
  timeline(t: Timeline): string;
  /** stdout text for the run so far: at the end of the input, or on SIGHUP (`hangup`: the run goes on). */
  state(s: AnalysisState, at: 'end' | 'hangup'): string;
  /** Once, after the end text: the files the command writes. */
  files?(s: AnalysisState): Promise<SinkFiles>;
}

/**
 * The one way out of an analysis, for every command: reads the inputs through the pipeline and hands
 * timelines and the end to the command's sink, and owns the rest:
 * - diagnostics on stderr (info ones with --diagnostics), the progress bar or live status line
 *   erased first;
 * - the exit status: 1 when an input could not be read, a file could not be written, or the metrics
 *   port cannot be bound; 1 with --strict when a line could not be parsed or a flow is incomplete;
 *   130/143 after SIGINT/SIGTERM (which stop reading: open flows are reported incomplete, then the end);
 * - SIGHUP: the sink's text for the run so far, and the run goes on;
 * - the exporter (--metrics-port), the progress bar (batch, large files) or status line (live), on a TTY;
 * - a reader that goes away (EPIPE) ends the run quietly; stdin is let go at the end.
 */
export async function consumeAnalysis(invocation: { readonly files: readonly string[]; readonly options: ResolvedOptions }, sink: AnalysisSink, how: { readonly live: boolean } = { live: false }): Promise<number> {
  const { files, options: o } = invocation;
  const { analysis, sources } = await openAnalysis(files, o, how.live);
  // Stopped by a signal or a closed stdout while the writer (journalctl -f) still runs: let go of stdin.
  const releaseStdin = () => {
    if (files.includes('-')) process.stdin.destroy();
  };
  const exporter = await exporterFor(o, analysis.progress, analysis.heldInConversionDir);
  if (exporter === false) {
    releaseStdin();
    return EXIT.failure;
  }
  const out = createWriter(process.stdout);
  // On a TTY stderr: live, a status line at most once a second; batch, a progress bar over large files.
  const display = how.live
    ? process.stderr.isTTY === true
      ? startStatus(process.stderr, analysis.progress, () => analysis.snapshot().summary)
      : null
    : await startProgress(process.stderr, sources);
  const sharedTerminal = process.stdout.isTTY === true;
  const say = (line: string) => {
    display?.clear();
    process.stderr.write(`${line}\n`);
  };
  const write = async (text: string) => {
    if (text === '') return;
    if (sharedTerminal) display?.clear();
    await out.write(text);
  };

  let signalExit: number | null = null;
  const onSignal = (code: number) => () => {
    signalExit = code;
    analysis.stop();
  };
  const onInt = onSignal(EXIT.sigint);
  const onTerm = onSignal(EXIT.sigterm);
  const onHup = () => void write(sink.state({ ...analysis.snapshot(), images: analysis.images() }, 'hangup'));
  process.on('SIGINT', onInt).on('SIGTERM', onTerm).on('SIGHUP', onHup);

  let failed = false;
  let strictProblem = false;
  try {
    for await (const item of analysis.outputs) {
      if (item.kind === 'diagnostic') {
        const d = item.diagnostic;
        if (d.severity !== 'info' || o.diagnostics > 0) say(formatDiagnostic(d));
        if (d.severity === 'error' && d.code.startsWith('input-')) failed = true;
      } else if (item.kind === 'timeline') {
        if (item.timeline.status === 'incomplete') strictProblem = true;
        exporter?.observe(item.timeline);
        await write(sink.timeline(item.timeline));
      } else {
        display?.stop();
        if (item.run.inputs.some((i) => i.stats.malformed > 0 || i.error !== null)) strictProblem = true;
        const state: AnalysisState = { summary: item.summary, run: item.run, images: item.images };
        await write(sink.state(state, 'end'));
        const written = await sink.files?.(state);
        for (const n of written?.notices ?? []) say(`clonewatch: ${n}`);
        for (const d of written?.errors ?? []) say(formatDiagnostic(d));
        if ((written?.errors.length ?? 0) > 0) failed = true;
      }
      if (out.closed) break;
    }
  } finally {
    display?.stop();
    await exporter?.close();
    process.off('SIGINT', onInt).off('SIGTERM', onTerm).off('SIGHUP', onHup);
    releaseStdin();
  }
  if (signalExit !== null) return signalExit;
  if (failed) return EXIT.failure;
  return o.strict && strictProblem ? EXIT.failure : EXIT.ok;
}
