import { createInterner, detachRecord, type DetachedRecord } from '../model/detach-record.ts';
import type { LogRecord } from '../model/log-record.ts';
import type { Event } from './event.ts';
import type { Recogniser } from './recogniser.ts';
import type { RowFinder } from './create-row-finder.ts';
import { createRowFinder } from './create-row-finder.ts';

export interface RecogniserOptions {
  /**
   * The records' strings are their own, not cut from a read chunk: records a reader thread handed
   * over (readRecordBatch), whose strings the structured clone made afresh. They are kept as they
   * are instead of copied (detachRecord), and each candidate row's pattern runs once.
   */
  readonly ownStrings?: boolean;
}

/**
 * Compiles the table into a lookup: the rows that can match a record (see createRowFinder: by its
 * logger, then by the literals their patterns need) are tried in table order, so the first
 * matching row still wins. Pass the finder to share it with the prefilter (createPrefilter).
 *
 * A record whose strings are cut from its read chunk (the usual case) is tested against each
 * candidate's pattern and, once one matches, detached (copied) and matched again on the copy, so the
 * fields are cut from the copy. With `ownStrings` the record is kept as it is, so the first `exec`
 * that matches gives the fields: one regex run less per recognised record, and no copies (profiled
 * on the bench journal: detaching was ~10 % of the main thread's work after start-up).
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
    for (const i of candidates) {
      const row = group.rows[i] as Recogniser;
      if (ownStrings) {
        const match = row.pattern.exec(record.text);
        if (match === null) continue;
        return { type: row.event, rowId: row.id, fields: match.groups ?? {}, record: record as DetachedRecord };
      }
      if (!row.pattern.test(record.text)) continue;
      // A recognised record outlives its read chunk (flows, images, timelines keep it): it and the
      // groups cut from it are copies that do not keep the chunk alive (see detachRecord).
      const kept = detachRecord(record, intern);
      const match = row.pattern.exec(kept.text) as RegExpExecArray;
      return { type: row.event, rowId: row.id, fields: match.groups ?? {}, record: kept };
    }
    return null;
  };
}
