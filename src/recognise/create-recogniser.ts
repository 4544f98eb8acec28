import type { LogRecord } from '../model/log-record.ts';
import type { Event } from './event.ts';
import type { Recogniser } from './recogniser.ts';

/**
 * Compiles the table into a lookup: rows are indexed by logger name, so a record is tested only
 * against the few rows of its logger, and each row's literal anchor is checked before its regex.
 * Records without a logger (cat output of non-oslo text) are tested against every row.
 */
export function createRecogniser(table: readonly Recogniser[]): (record: LogRecord) => Event | null {
  const byLogger = new Map<string, Recogniser[]>();
  for (const row of table) {
    for (const logger of row.loggers) {
      const rows = byLogger.get(logger);
      if (rows) rows.push(row);
      else byLogger.set(logger, [row]);
    }
  }
  return (record) => {
    const rows = record.logger === null ? table : byLogger.get(record.logger);
    if (rows === undefined) return null;
    const text = record.text;
    for (const row of rows) {
      if (!text.includes(row.anchor)) continue;
      const match = row.pattern.exec(text);
      if (match === null) continue;
      return { type: row.event, rowId: row.id, fields: match.groups ?? {}, record };
    }
    return null;
  };
}
