import { availableParallelism } from 'node:os';
import { DEFAULT_UNIT_MATCH } from '../input/journal-file/default-unit-match.ts';
import { unitMatchFor } from '../input/journal-file/unit-match-for.ts';
import { openInput, type InputSource } from '../io/open-input.ts';
import { MAX_LINE_LENGTH } from '../input/limits.ts';
import type { Diagnostic } from '../model/log-record.ts';
import { createAnalysis, type Analysis, type Progress } from '../pipeline/analyse.ts';
import type { HeldNow } from '../reduce/held-in-conversion-dir.ts';
import { createImageFilter } from '../report/create-image-filter.ts';
import { createTimelineFilter } from '../report/timeline-filter.ts';
import type { ResolvedOptions } from './options.ts';
import type { Exporter } from './start-exporter.ts';

/**
 * Opens every input (one that cannot be opened becomes a diagnostic; the others are still read) and
 * sets up the one pipeline with the shared options and filters, for every command.
 */
export async function openAnalysis(files: readonly string[], o: ResolvedOptions, live = false): Promise<{ analysis: Analysis; sources: InputSource[] }> {
  const sources: InputSource[] = [];
  const failed: { name: string; diagnostic: Diagnostic }[] = [];
  const journalMatch = o.allUnits ? null : o.unit.length > 0 ? unitMatchFor(o.unit) : DEFAULT_UNIT_MATCH;
  for (const f of files) {
    const r = await openInput(f, { maxGzipRatio: o.maxGzipRatio, journalMatch });
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
    imageFilter: createImageFilter(o, o.tz),
    jobs: o.jobs ?? DEFAULT_JOBS,
    readerThread: o.jobs !== 1 && availableParallelism() > 1,
    ...jobsRangeBytes(),
    ...(live ? { live: { clock: () => Date.now(), quietMs: 150, entryQuietMs: 5, tickMs: 50 } } : {}),
  });
  return { analysis, sources };
}

/** `--metrics-port`: the running exporter, null without the flag, false when it cannot serve (said on stderr). */
export async function exporterFor(o: ResolvedOptions, progress: () => Progress, held?: () => HeldNow[]): Promise<Exporter | null | false> {
  if (o.metricsPort === undefined) return null;
  try {
    // prom-client and the HTTP server are loaded only with the flag.
    const { startExporter } = await import('./start-exporter.ts');
    const exporter = await startExporter({ host: o.metricsHost, port: o.metricsPort }, progress, held);
    process.stderr.write(`clonewatch: Prometheus metrics at ${exporter.url}\n`);
    return exporter;
  } catch (e) {
    process.stderr.write(`clonewatch: error: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
}

/**
 * `--jobs` when not given: 1 for now. Measured 2026-12-06 (test/bench/HISTORY.md): two workers cost
 * about 70 % more CPU and 80–140 MB more peak RSS than one thread, with no wall-clock gain that a
 * loaded 2-core machine could show, and a million-request-id input peaked at 429 MiB against the
 * 300 MiB its test allows. Until that is measured on a quiet machine and the memory bounded, worker
 * threads are opt-in (`--jobs N`); the issue asks for os.availableParallelism() here.
 */
const DEFAULT_JOBS = 1;

/** Tests only: CLONEWATCH_JOBS_RANGE_BYTES cuts every file into ranges of that many bytes, so that --jobs seams fall everywhere. */
function jobsRangeBytes(): { jobsRangeBytes?: number } {
  const n = Number(process.env['CLONEWATCH_JOBS_RANGE_BYTES']);
  return Number.isInteger(n) && n > 0 ? { jobsRangeBytes: n } : {};
}
