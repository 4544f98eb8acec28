import { openInput, type InputSource } from '../io/open-input.ts';
import { MAX_LINE_LENGTH } from '../input/limits.ts';
import type { Diagnostic } from '../model/log-record.ts';
import { createAnalysis } from '../pipeline/analyse.ts';
import type { SummaryData } from '../reduce/create-summary.ts';
import type { Timeline } from '../reduce/timeline.ts';
import type { ImageWrites } from '../report/throughput-event.ts';
import { createTimelineFilter } from '../report/timeline-filter.ts';
import { formatDiagnostic } from '../render/format-diagnostic.ts';
import type { RunTotals } from '../render/run-totals.ts';
import { EXIT } from './exit-codes.ts';
import type { ResolvedOptions } from './options.ts';
import { startExporter, type Exporter } from './start-exporter.ts';
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
  const sources: InputSource[] = [];
  const failed: { name: string; diagnostic: Diagnostic }[] = [];
  for (const f of files) {
    const r = await openInput(f, { maxGzipRatio: o.maxGzipRatio });
    if ('source' in r) sources.push(r.source);
    else failed.push({ name: f, diagnostic: r.error });
  }
  const analysis = createAnalysis(sources, failed, {
    inputFormat: o.inputFormat,
    year: o.year,
    currentYear: new Date().getFullYear(),
    zone: o.tz,
    idleTimeoutMs: o.idleTimeout,
    maxOpen: o.maxOpen,
    maxLineLength: MAX_LINE_LENGTH,
    showUnrecognised: o.diagnostics,
    filter: createTimelineFilter(o, o.tz),
  });
  let exporter: Exporter | null = null;
  if (o.metricsPort !== undefined) {
    try {
      exporter = await startExporter({ host: o.metricsHost, port: o.metricsPort }, analysis.progress);
    } catch (e) {
      process.stderr.write(`clonewatch: error: ${e instanceof Error ? e.message : String(e)}\n`);
      return null;
    }
    process.stderr.write(`clonewatch: Prometheus metrics at ${exporter.url}\n`);
  }
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
