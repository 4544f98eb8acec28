import type { InputSource } from '../io/open-input.ts';
import type { Diagnostic, InputFormat } from '../model/log-record.ts';
import { createRecogniser } from '../recognise/create-recogniser.ts';
import { RECOGNISERS } from '../recognise/table.ts';
import { createReducer } from '../reduce/create-reducer.ts';
import { createSummary, type SummaryData } from '../reduce/create-summary.ts';
import type { Timeline } from '../reduce/timeline.ts';
import type { RunTotals } from '../render/run-totals.ts';
import { mergeByTime } from './merge-by-time.ts';
import { newReaderState, readRecords, type ReaderState } from './read-records.ts';

export interface AnalyseOptions {
  readonly inputFormat: InputFormat | undefined;
  readonly year: number | undefined;
  /** The current year, for yearless stdin (the core never reads the clock). */
  readonly currentYear: number;
  readonly zone: string;
  readonly idleTimeoutMs: number;
  readonly maxOpen: number;
  readonly maxLineLength: number;
  /** Report this many unrecognised records as `info` diagnostics (`--diagnostics`). */
  readonly showUnrecognised: number;
}

export type AnalyseOutput =
  | { readonly kind: 'timeline'; readonly timeline: Timeline }
  | { readonly kind: 'diagnostic'; readonly diagnostic: Diagnostic }
  | { readonly kind: 'end'; readonly summary: SummaryData; readonly run: RunTotals };

/**
 * The one pipeline: sources → records (per input, merged by time) → recognisers → reducer →
 * timelines, then the summary. Inputs that cannot be opened come in as `failed` with their diagnostic.
 */
export async function* analyse(
  sources: readonly InputSource[],
  failed: readonly { name: string; diagnostic: Diagnostic }[],
  options: AnalyseOptions,
): AsyncGenerator<AnalyseOutput> {
  const recognise = createRecogniser(RECOGNISERS);
  const reducer = createReducer({ idleTimeoutMs: options.idleTimeoutMs, maxOpen: options.maxOpen });
  const summary = createSummary();
  const states: ReaderState[] = sources.map((s) => newReaderState(s.name));
  const diagnostics = { errors: 0, warnings: 0 };
  let unrecognisedShown = 0;

  function* report(d: Diagnostic): Generator<AnalyseOutput> {
    if (d.severity === 'error') diagnostics.errors++;
    else if (d.severity === 'warning') diagnostics.warnings++;
    yield { kind: 'diagnostic', diagnostic: d };
  }
  function* drainDiagnostics(): Generator<AnalyseOutput> {
    for (const s of states) for (const d of s.diagnostics.splice(0)) yield* report(d);
  }

  for (const f of failed) yield* report(f.diagnostic);
  const streams = sources.map((s, i) => readRecords(s, options, states[i] as ReaderState));
  for await (const batch of mergeByTime(streams)) {
    for (const record of batch) {
      const event = recognise(record);
      if (event === null && unrecognisedShown < options.showUnrecognised) {
        unrecognisedShown++;
        yield* report({ severity: 'info', code: 'unrecognised-line', message: `Not recognised: ${record.text.slice(0, 200)}`, where: { input: record.input, line: record.line } });
      }
      for (const o of reducer.step(record, event)) {
        if (o.kind === 'timeline') summary.add(o.timeline);
        yield o.kind === 'timeline' ? o : { kind: 'diagnostic', diagnostic: o.diagnostic };
      }
    }
    yield* drainDiagnostics();
  }
  for (const o of reducer.finish()) {
    if (o.kind === 'timeline') summary.add(o.timeline);
    yield o.kind === 'timeline' ? o : { kind: 'diagnostic', diagnostic: o.diagnostic };
  }
  yield* drainDiagnostics();
  const inputs = [
    ...states.map((s) => ({ name: s.name, format: s.format, stats: s.stats, error: s.error })),
    ...failed.map((f) => ({ name: f.name, format: null, stats: { read: 0, records: 0, continuation: 0, markers: 0, blank: 0, malformed: 0 }, error: f.diagnostic.message })),
  ];
  yield { kind: 'end', summary: summary.result(), run: { inputs, recognised: reducer.counters.recognised, diagnostics } };
}
