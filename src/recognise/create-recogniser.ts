import { detachRecord } from '../model/detach-record.ts';
import type { LogRecord } from '../model/log-record.ts';
import type { Event } from './event.ts';
import type { Recogniser } from './recogniser.ts';

/**
 * The rows of one logger (or of the whole table) with what finds, in one pass over a text, which
 * of their anchors it contains: `starts` (all anchors, global) finds the next position where some
 * anchor begins, every anchor beginning there is checked (`byFirst` lists them by first
 * character) and the scan resumes one character later, so overlapping anchors are all seen;
 * `anchorOf[i]` is the index of row i's anchor (-1: empty anchor, always tried).
 */
interface RowGroup {
  readonly rows: readonly Recogniser[];
  readonly anchorOf: Int32Array;
  readonly anchors: readonly string[];
  readonly starts: RegExp | null;
  readonly byFirst: ReadonlyMap<number, readonly number[]>;
  /** Scratch: `seen[a] === stamp` when anchor a was found in the current text. */
  readonly seen: Int32Array;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function rowGroup(rows: readonly Recogniser[]): RowGroup {
  const anchors = [...new Set(rows.map((r) => r.anchor).filter((a) => a !== ''))];
  const index = new Map(anchors.map((a, i) => [a, i]));
  const byFirst = new Map<number, number[]>();
  anchors.forEach((a, i) => {
    const c = a.charCodeAt(0);
    const list = byFirst.get(c);
    if (list) list.push(i);
    else byFirst.set(c, [i]);
  });
  return {
    rows,
    anchorOf: Int32Array.from(rows, (r) => (r.anchor === '' ? -1 : (index.get(r.anchor) as number))),
    anchors,
    starts: anchors.length === 0 ? null : new RegExp(anchors.map(escape).join('|'), 'g'),
    byFirst,
    seen: new Int32Array(anchors.length),
  };
}

/**
 * Compiles the table into a lookup: rows are indexed by logger name, so a record is tested only
 * against the rows of its logger; records without a logger (cat output of non-oslo text) are
 * tested against every row. One regex scan finds which of the group's literal anchors the text
 * contains (profiled: a regex of anchors per run of 12 rows still scanned each text a dozen times,
 * the largest cost of a run); then the rows are tried in table order, skipping those whose anchor
 * is absent, so the first matching row still wins.
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
  const byLogger = new Map<string, RowGroup>([...grouped].map(([logger, rows]) => [logger, rowGroup(rows)]));
  const all = rowGroup(table);
  let stamp = 0;
  return (record) => {
    const group = record.logger === null ? all : byLogger.get(record.logger);
    if (group === undefined) return null;
    const text = record.text;
    const { seen, anchors, byFirst, starts, anchorOf, rows } = group;
    stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
    if (stamp === 1) seen.fill(0);
    let found = false;
    if (starts !== null) {
      starts.lastIndex = 0;
      for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
        const at = m.index;
        for (const a of byFirst.get(text.charCodeAt(at)) ?? []) {
          if (seen[a] !== stamp && text.startsWith(anchors[a] as string, at)) {
            seen[a] = stamp;
            found = true;
          }
        }
        starts.lastIndex = at + 1;
      }
    }
    for (let i = 0; i < rows.length; i++) {
      const a = anchorOf[i] as number;
      if (a >= 0 && (!found || seen[a] !== stamp)) continue;
      const row = rows[i] as Recogniser;
      if (!row.pattern.test(text)) continue;
      // A recognised record outlives its read chunk (flows, images, timelines keep it): it and the
      // groups cut from it are copies that do not keep the chunk alive (see detachRecord).
      const kept = detachRecord(record);
      const match = row.pattern.exec(kept.text) as RegExpExecArray;
      return { type: row.event, rowId: row.id, fields: match.groups ?? {}, record: kept };
    }
    return null;
  };
}
