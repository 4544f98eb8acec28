import { exporterFor, openAnalysis } from './open-analysis.ts';
import { createWriter } from '../io/create-writer.ts';
import type { SummaryData } from '../reduce/create-summary.ts';
import { formatDiagnostic } from '../render/format-diagnostic.ts';
import { createPalette } from '../render/palette.ts';
import type { RunTotals } from '../render/run-totals.ts';
import { renderSummary } from '../render/render-summary.ts';
import { renderTimeline } from '../render/render-timeline.ts';
import { toImageRecord } from '../render/to-image-record.ts';
import { toSummaryRecord } from '../render/to-summary-record.ts';
import { toVolumeRecord } from '../render/to-volume-record.ts';
import { EXIT } from './exit-codes.ts';
import type { ResolvedOptions } from './options.ts';
import { startProgress } from './start-progress.ts';
import { startStatus } from './start-status.ts';

/** Runs the pipeline over the inputs and writes its outputs; returns the exit code. */
export async function runAnalysis(files: readonly string[], o: ResolvedOptions, live: boolean): Promise<number> {
  const colour = o.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const human = { zone: o.tz, palette: createPalette(colour && !o.json) };
  const out = createWriter(process.stdout);
  const { analysis, sources } = await openAnalysis(files, o, live);
  const exporter = await exporterFor(o, analysis.progress);
  if (exporter === false) return EXIT.failure;
  const renderSummaryText = (s: SummaryData, r: RunTotals) => (o.json ? `${JSON.stringify(toSummaryRecord(s, r, o.tz))}\n` : renderSummary(s, r, human));

  // On a TTY stderr: live, a status line at most once a second; batch, a progress bar over large files.
  // Both are erased before anything else is written to the terminal. Signals end or report the run.
  const status = live
    ? process.stderr.isTTY === true
      ? startStatus(process.stderr, analysis.progress, () => analysis.snapshot().summary)
      : null
    : startProgress(process.stderr, sources);
  const sharedTerminal = process.stdout.isTTY === true;
  let signalExit: number | null = null;
  const onSignal = (code: number) => () => {
    signalExit = code;
    analysis.stop();
  };
  const onInt = onSignal(EXIT.sigint);
  const onTerm = onSignal(EXIT.sigterm);
  const onHup = () => {
    const snap = analysis.snapshot();
    void out.write(renderSummaryText(snap.summary, snap.run));
  };
  process.on('SIGINT', onInt).on('SIGTERM', onTerm).on('SIGHUP', onHup);

  let exit: number = EXIT.ok;
  let strictProblem = false;
  try {
    for await (const item of analysis.outputs) {
      if (item.kind === 'diagnostic') {
        if (item.diagnostic.severity !== 'info' || o.diagnostics > 0) {
          status?.clear();
          process.stderr.write(`${formatDiagnostic(item.diagnostic)}\n`);
        }
        if (item.diagnostic.severity === 'error' && item.diagnostic.code.startsWith('input-')) exit = EXIT.failure;
      } else if (item.kind === 'timeline') {
        if (item.timeline.status === 'incomplete') strictProblem = true;
        exporter?.observe(item.timeline);
        if (sharedTerminal) status?.clear();
        await out.write(o.json ? `${JSON.stringify(toVolumeRecord(item.timeline, o.tz))}\n` : `${renderTimeline(item.timeline, human)}\n`);
      } else {
        status?.stop();
        const malformed = item.run.inputs.some((i) => i.stats.malformed > 0 || i.error !== null);
        if (malformed) strictProblem = true;
        if (o.json) for (const image of item.images) await out.write(`${JSON.stringify(toImageRecord(image, o.tz))}\n`);
        await out.write(renderSummaryText(item.summary, item.run));
      }
      if (out.closed) break;
    }
  } finally {
    status?.stop();
    await exporter?.close();
    process.off('SIGINT', onInt).off('SIGTERM', onTerm).off('SIGHUP', onHup);
    // Stopped by a signal or a closed stdout while the writer (journalctl -f) still runs: let go of stdin.
    if (files.includes('-')) process.stdin.destroy();
  }
  if (signalExit !== null) return signalExit;
  if (o.strict && strictProblem && exit === EXIT.ok) return EXIT.failure;
  return exit;
}
