import type { LogRecord } from '../model/log-record.ts';
import type { Event } from './event.ts';
import type { Recogniser } from './recogniser.ts';

/**
 * A run of consecutive rows with one regex of their anchors: when it does not match, none of the
 * run's rows can (null: the run has a row with an empty anchor, so it is always tried).
 */
interface RowRun {
  readonly anyAnchor: RegExp | null;
  readonly rows: readonly Recogniser[];
}

/** Rows per run: few regex tests per record, and runs small enough that a hit tries few rows. */
const RUN = 12;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rowRuns(rows: readonly Recogniser[]): RowRun[] {
  const runs: RowRun[] = [];
  for (let i = 0; i < rows.length; i += RUN) {
    const run = rows.slice(i, i + RUN);
    const anchors = [...new Set(run.map((r) => r.anchor))];
    runs.push({ anyAnchor: anchors.includes('') ? null : new RegExp(anchors.map(escape).join('|')), rows: run });
  }
  return runs;
}

/**
 * Compiles the table into a lookup: rows are indexed by logger name, so a record is tested only
 * against the few rows of its logger, and each row's literal anchor is checked before its regex.
 * Records without a logger (cat output of non-oslo text) are tested against every row. One regex
 * of the anchors of each run of RUN rows skips the whole run in a single pass (profiled: a loop of
 * `includes` per row was the largest cost of a run); the first matching row still wins.
 */
export function createRecogniser(table: readonly Recogniser[]): (record: LogRecord) => Event | null {
  const grouped = new Map<string, Recogniser[]>();
  for (const row of table) {
    for (const logger of row.loggers) {
      const rows = grouped.get(logger);
      if (rows) rows.push(row);
      else grouped.set(logger, [row]);
    }
  }
  const byLogger = new Map<string, RowRun[]>([...grouped].map(([logger, rows]) => [logger, rowRuns(rows)]));
  const all = rowRuns(table);
  return (record) => {
    const runs = record.logger === null ? all : byLogger.get(record.logger);
    if (runs === undefined) return null;
    const text = record.text;
    for (const run of runs) {
      if (run.anyAnchor !== null && !run.anyAnchor.test(text)) continue;
      for (const row of run.rows) {
        if (!text.includes(row.anchor)) continue;
        const match = row.pattern.exec(text);
        if (match === null) continue;
        return { type: row.event, rowId: row.id, fields: match.groups ?? {}, record };
      }
    }
    return null;
  };
}
