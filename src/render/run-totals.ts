import type { InputSummary } from '../reduce/create-summary.ts';

/** What the pipeline knows at the end of a run, besides the timelines. */
export interface RunTotals {
  readonly inputs: readonly InputSummary[];
  /** Records claimed by a recogniser. */
  readonly recognised: number;
  readonly diagnostics: { readonly errors: number; readonly warnings: number };
}

/**
 * Line accounting that adds up: read = recognised + unrecognised + prefiltered + continuation +
 * markers + blank + malformed + blob (`blob` only when some message was printed as `[NB blob data]`).
 * `prefiltered`: records no recogniser could match, parsed only in part (see createPrefilter);
 * without the prefilter (--diagnostics) they are `unrecognised`.
 */
export function lineTotals(run: RunTotals) {
  const sum = { read: 0, records: 0, prefiltered: 0, continuation: 0, markers: 0, blank: 0, malformed: 0, blob: 0 };
  for (const i of run.inputs) {
    sum.read += i.stats.read;
    sum.records += i.stats.records;
    sum.prefiltered += i.stats.prefiltered;
    sum.continuation += i.stats.continuation;
    sum.markers += i.stats.markers;
    sum.blank += i.stats.blank;
    sum.malformed += i.stats.malformed;
    sum.blob += i.stats.blob;
  }
  const { records, prefiltered, blob, ...rest } = sum;
  return { ...rest, recognised: run.recognised, unrecognised: records - run.recognised, prefiltered, ...(blob > 0 ? { blob } : {}) };
}
