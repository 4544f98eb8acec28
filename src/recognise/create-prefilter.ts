import type { MayMatch } from '../model/log-record.ts';
import type { RowFinder } from './create-row-finder.ts';

/**
 * The prefilter: which records no recogniser could match, decided in the decoder (which worker
 * threads can run), so that they are not offered to the recognisers, and those with an oslo context
 * are not even parsed in full.
 *
 * A record can be claimed only by a row of its logger (every row of the table for a record without
 * one), and only when its text has a literal that row's pattern needs: the text starts with one of
 * the row's required prefixes (requiredPrefixes) and contains its anchor, or contains the anchor of
 * a row without known prefixes. Those literals are derived from the rows themselves, in one place
 * (createRowFinder, which the recogniser uses too), so a row added to the table is prefiltered
 * correctly without a second list; a row without any such literal would make every text "may
 * match" (the table test checks there is none). The test is conservative: given a text longer than
 * the record's (its DEBUG suffix not yet removed) it answers "may match" at least as often.
 *
 * Where it runs:
 * - parseOsloMessage, for a record with an oslo context (`LEVEL logger [context] text`): ruled out,
 *   it is spared its DEBUG suffix (`{{(pid=N) func path:line}}`) and the context's user and project.
 *   Such a record never folds into an earlier one, so its text is never seen; a context-less entry
 *   may become a further line of an earlier record, so its text is always parsed in full. A text
 *   starting with `[` is parsed in full too (without its suffix it may be a `[NB blob data]`).
 * - the record assembler, for every other record once it is complete (after folding rules and
 *   oslo.log's own journal fields settled its logger).
 * A ruled-out record still gets what the rest of the pipeline needs of every record (see
 * test/bench/HISTORY.md, 2026-12-06): its time and host (the reducer's close grace and idle expiry
 * run on every record's log time), its stream identity, level, logger and kind (the record
 * assembler folds later entries of its stream into it), and its request ids (every cinder line with
 * a request id may be a flow's first line, kept by the preflow, or a line of an open flow).
 *
 * Counts: a ruled-out record is counted `prefiltered` instead of `records`, so `read = recognised +
 * unrecognised + prefiltered + continuation + markers + blank + malformed (+ blob)`. Without the
 * prefilter (`--diagnostics`, which shows unrecognised lines) the same records are `unrecognised`
 * and every other count is the same. The property test (test/pipeline/prefilter.test.ts) checks
 * that, and the same volume records in the same order, on random mixes of real, mutated and
 * garbage lines in every format.
 */
export function createPrefilter(finder: RowFinder): MayMatch {
  return (logger, text) => finder.any(logger, text);
}
