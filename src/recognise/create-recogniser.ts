import { createInterner, detachRecord } from '../model/detach-record.ts';
import type { LogRecord } from '../model/log-record.ts';
import type { Event } from './event.ts';
import type { Recogniser } from './recogniser.ts';
import type { RowFinder } from './create-row-finder.ts';
import { createRowFinder } from './create-row-finder.ts';

/**
 * Compiles the table into a lookup: the rows that can match a record (see createRowFinder: by its
 * logger, then by the literals their patterns need) are tried in table order, so the first
 * matching row still wins. Pass the finder to share it with the prefilter (createPrefilter).
 */
export function createRecogniser(table: readonly Recogniser[], finder: RowFinder = createRowFinder(table)): (record: LogRecord) => Event | null {
  /** Scratch: the current text's candidate rows. */
  const candidates: number[] = [];
  /** One copy of each host, logger, request id … shared by the records it keeps (see createInterner). */
  const intern = createInterner();
  return (record) => {
    const group = finder.find(record.logger, record.text, candidates);
    if (group === undefined || candidates.length === 0) return null;
    for (const i of candidates) {
      const row = group.rows[i] as Recogniser;
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
