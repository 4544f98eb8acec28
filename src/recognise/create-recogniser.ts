import { createInterner, detachRecord, unpin, type DetachedRecord, type Unpinned } from '../model/detach-record.ts';
import type { LogRecord } from '../model/log-record.ts';
import type { Event } from './event.ts';
import type { Recogniser } from './recogniser.ts';
import type { RowFinder } from './create-row-finder.ts';
import { createRowFinder } from './create-row-finder.ts';

export interface RecogniserOptions {
  /**
   * The records' strings are their own, not cut from a read chunk: records a reader thread handed
   * over (readRecordBatch), whose strings the structured clone made afresh. They are kept as they
   * are instead of copied (detachRecord).
   */
  readonly ownStrings?: boolean;
}

/**
 * Compiles the table into a lookup: the rows that can match a record (see createRowFinder: by its
 * logger, then by the literals their patterns need) are tried in table order, so the first
 * matching row still wins. Pass the finder to share it with the prefilter (createPrefilter).
 *
 * A record whose strings are cut from its read chunk (the usual case) has its text copied once it
 * has a candidate, the patterns run on the copy, and the record is detached around that copy when
 * one matches (a text with candidates is nearly always claimed: the prefilter has ruled out the
 * rest). With `ownStrings` the record is kept as it is: no copies at all (profiled on the bench
 * journal: detaching was ~10 % of the main thread's work after start-up). Either way each
 * candidate's pattern runs once (it was a `test`, then an `exec` on the copy).
 */
export function createRecogniser(
  table: readonly Recogniser[],
  finder: RowFinder = createRowFinder(table),
  options: RecogniserOptions = {},
): (record: LogRecord) => Event | null {
  /** Scratch: the current text's candidate rows. */
  const candidates: number[] = [];
  /** One copy of each host, logger, request id … shared by the records it keeps (see createInterner). */
  const intern = createInterner();
  const ownStrings = options.ownStrings === true;
  return (record) => {
    const group = finder.find(record.logger, record.text, candidates);
    if (group === undefined || candidates.length === 0) return null;
    // A recognised record outlives its read chunk (flows, images, timelines keep it): the text the
    // patterns run on is already the copy the event keeps, so the fields are cut from the copy and
    // each candidate's pattern runs once (see detachRecord).
    const text = ownStrings ? (record.text as Unpinned) : unpin(record.text);
    for (const i of candidates) {
      const row = group.rows[i] as Recogniser;
      const match = row.pattern.exec(text);
      if (match === null) continue;
      const kept = ownStrings ? (record as DetachedRecord) : detachRecord(record, intern, text);
      return { type: row.event, rowId: row.id, fields: match.groups ?? {}, record: kept };
    }
    return null;
  };
}
