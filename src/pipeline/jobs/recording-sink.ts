import type { DiagnosticSink } from '../../input/create-diagnostic-sink.ts';
import { DIAGNOSTICS_PER_CODE } from '../../input/limits.ts';
import type { Diagnostic } from '../../model/log-record.ts';

/** One call a decoder made on its sink, as a worker hands it to the main thread (lines local to the job). */
export type SinkCall =
  | { readonly k: 'report'; readonly severity: Diagnostic['severity']; readonly code: string; readonly message: string; readonly line: number; readonly times: number }
  | { readonly k: 'once'; readonly severity: Diagnostic['severity']; readonly code: string; readonly message: string; readonly line: number }
  | { readonly k: 'push'; readonly d: Diagnostic }
  | { readonly k: 'summarise' };

export interface RecordingSink {
  readonly sink: DiagnosticSink;
  /** Calls are recorded only while taking (the part of the job whose output the main thread uses). */
  taking: boolean;
  /** The recorded calls, in order; the capped rest of each code as one call with `times`. */
  calls(): SinkCall[];
}

/**
 * A DiagnosticSink that records the calls a decoder makes instead of capping them, so that the main
 * thread can replay every job's calls, in input order, into the input's one real sink (replaySinkCalls):
 * the caps ("the first 5, then a count") and `once` then apply to the whole input as on one thread.
 * Bounded: per code the first DIAGNOSTICS_PER_CODE + 1 reports are kept whole (the last one names the
 * first line left out), the rest only counted; a `once` code is kept once.
 */
export function createRecordingSink(): RecordingSink {
  const out: SinkCall[] = [];
  const kept = new Map<string, number>();
  const rest = new Map<string, Extract<SinkCall, { k: 'report' }>>();
  const onced = new Set<string>();
  const flushRest = () => {
    for (const r of rest.values()) out.push(r);
    rest.clear();
  };
  const state: RecordingSink = {
    taking: false,
    calls() {
      flushRest();
      return out;
    },
    sink: {
      report(severity, code, message, line) {
        if (!state.taking) return;
        const n = kept.get(code) ?? 0;
        if (n <= DIAGNOSTICS_PER_CODE) {
          kept.set(code, n + 1);
          out.push({ k: 'report', severity, code, message, line, times: 1 });
          return;
        }
        const r = rest.get(code);
        rest.set(code, { k: 'report', severity, code, message, line: r?.line ?? line, times: (r?.times ?? 0) + 1 });
      },
      once(severity, code, message, line) {
        if (!state.taking || onced.has(code)) return;
        onced.add(code);
        out.push({ k: 'once', severity, code, message, line });
      },
      push(d) {
        if (state.taking) out.push({ k: 'push', d });
      },
      summarise() {
        if (!state.taking) return;
        flushRest();
        out.push({ k: 'summarise' });
      },
      take: () => [],
    },
  };
  return state;
}

/** Replays a job's recorded calls into the input's real sink, its lines moved by `lineOffset`. */
export function replaySinkCalls(calls: readonly SinkCall[], sink: DiagnosticSink, lineOffset: number): void {
  for (const c of calls) {
    switch (c.k) {
      case 'report':
        for (let i = 0; i < c.times; i++) sink.report(c.severity, c.code, c.message, c.line + lineOffset);
        break;
      case 'once':
        sink.once(c.severity, c.code, c.message, c.line + lineOffset);
        break;
      case 'push':
        sink.push(c.d.where === undefined ? c.d : { ...c.d, where: { ...c.d.where, line: c.d.where.line + lineOffset } });
        break;
      case 'summarise':
        sink.summarise();
        break;
    }
  }
}
