import { exporterFor, openAnalysis } from './open-analysis.ts';
import type { SummaryData } from '../reduce/create-summary.ts';
import type { Timeline } from '../reduce/timeline.ts';
import type { ImageWrites } from '../report/throughput-event.ts';
import { formatDiagnostic } from '../render/format-diagnostic.ts';
import type { RunTotals } from '../render/run-totals.ts';
import { EXIT } from './exit-codes.ts';
import type { ResolvedOptions } from './options.ts';
import { startProgress } from './start-progress.ts';

export interface Collected {
  readonly summary: SummaryData;
  readonly run: RunTotals;
  /** Glance images the input shows (uploads and imports into stores), when the pipeline reports them. */
  readonly images: readonly ImageWrites[];
  /** EXIT.failure when an input could not be read or stopped early (the rest is still analysed). */
  readonly exit: number;
}

/**
 * Runs the one pipeline over the inputs for the batch commands (report, throughput): timelines go
 * to `onTimeline` after the shared filters, diagnostics to stderr, a progress bar on a TTY stderr,
 * metrics with --metrics-port. Null when the metrics port cannot be bound (said on stderr).
 */
export async function collectAnalysis(files: readonly string[], o: ResolvedOptions, onTimeline: (t: Timeline) => void): Promise<Collected | null> {
  const { analysis, sources } = await openAnalysis(files, o);
  const exporter = await exporterFor(o, analysis.progress);
  if (exporter === false) return null;
  const progress = startProgress(process.stderr, sources);
  let exit: number = EXIT.ok;
  try {
    for await (const item of analysis.outputs) {
      if (item.kind === 'timeline') {
        exporter?.observe(item.timeline);
        onTimeline(item.timeline);
      }
      else if (item.kind === 'diagnostic') {
        if (item.diagnostic.severity !== 'info' || o.diagnostics > 0) {
          progress?.clear();
          process.stderr.write(`${formatDiagnostic(item.diagnostic)}\n`);
        }
        if (item.diagnostic.severity === 'error' && item.diagnostic.code.startsWith('input-')) exit = EXIT.failure;
      } else if (item.kind === 'end') {
        progress?.stop();
        // `images` comes from the Glance side of the pipeline; read it structurally (absent: none).
        const images = (item as { images?: readonly ImageWrites[] }).images ?? [];
        return { summary: item.summary, run: item.run, images, exit };
      }
    }
  } finally {
    progress?.stop();
    await exporter?.close();
    if (files.includes('-')) process.stdin.destroy();
  }
  throw new Error('the analysis ended without a summary');
}
