import type { LogRecord } from '../../src/model/log-record.ts';
import type { Event } from '../../src/recognise/event.ts';
import type { Reducer } from '../../src/reduce/create-reducer.ts';
import type { Timeline } from '../../src/reduce/timeline.ts';

export interface Fed {
  /** Largest openFlows() seen after any record. */
  peakOpen: number;
  /** Timelines emitted while feeding (not by finish()). */
  timelines: number;
  diagnostics: number;
}

/**
 * Steps every record through the reducer without keeping the outputs (a memory test must not hold
 * them), tracking the reducer's own open-flow count; `onTimeline` sees each timeline as it leaves.
 */
export function feedReducer(
  reducer: Reducer,
  records: Iterable<LogRecord>,
  recognise: (r: LogRecord) => Event | null,
  onTimeline: (t: Timeline) => void = () => {},
): Fed {
  const fed: Fed = { peakOpen: 0, timelines: 0, diagnostics: 0 };
  for (const r of records) {
    for (const o of reducer.step(r, recognise(r))) {
      if (o.kind === 'timeline') {
        fed.timelines++;
        onTimeline(o.timeline);
      } else fed.diagnostics++;
    }
    const open = reducer.openFlows();
    if (open > fed.peakOpen) fed.peakOpen = open;
  }
  return fed;
}
