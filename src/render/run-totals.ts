import type { InputSummary } from '../reduce/create-summary.ts';

/** What the pipeline knows at the end of a run, besides the timelines. */
export interface RunTotals {
  readonly inputs: readonly InputSummary[];
  /** Records claimed by a recogniser. */
  readonly recognised: number;
  readonly diagnostics: { readonly errors: number; readonly warnings: number };
}

/**
 * Line accounting that adds up: read = recognised + unrecognised + continuation + markers + blank +
 * malformed + blob (`blob` only when some message was printed as `[NB blob data]`).
 */
export function lineTotals(run: RunTotals) {
  const sum = { read: 0, records: 0, continuation: 0, markers: 0, blank: 0, malformed: 0, blob: 0 };
  for (const i of run.inputs) {
    sum.read += i.stats.read;
    sum.records += i.stats.records;
    sum.continuation += i.stats.continuation;
    sum.markers += i.stats.markers;
    sum.blank += i.stats.blank;
    sum.malformed += i.stats.malformed;
    sum.blob += i.stats.blob;
  }
  const { records, blob, ...rest } = sum;
  return { ...rest, recognised: run.recognised, unrecognised: records - run.recognised, ...(blob > 0 ? { blob } : {}) };
}
