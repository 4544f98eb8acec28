import type { Recogniser } from './recogniser.ts';
import { requiredPrefixes } from './required-prefix.ts';

/**
 * The rows of one logger (or of the whole table) with what finds, cheaply, the few rows that can
 * match a text (the candidates), which are then tried in table order:
 * - a row whose matches all start with one of a few literals (requiredPrefixes: `^literal…` or
 *   `^(?:A…|B…)`; most rows) is a candidate when the text starts with one of them (rows listed by
 *   each literal's first character in `byPrefixFirst`) and contains the row's anchor;
 * - for the other rows, `starts` (their anchors, global) finds the next position where some anchor
 *   begins, every anchor beginning there is checked (`byFirst` lists them by first character) and
 *   the scan resumes one character later, so overlapping anchors are all seen; the rows of each
 *   anchor found are candidates (`rowsOfAnchor`), and rows without an anchor always are.
 * Profiled: one regex of all 132 anchors, run over every logger-less text (uwsgi request lines are a
 * third of a devstack journal), then a pass over all 143 rows, was the largest single cost of a
 * run; the prefix check leaves 7 anchors, and only candidates are visited.
 */
export interface RowGroup {
  readonly rows: readonly Recogniser[];
  /** The literals a match of row i starts with; empty: not known (the row is found by its anchor). */
  readonly prefixOf: readonly (readonly string[])[];
  readonly byPrefixFirst: ReadonlyMap<number, readonly number[]>;
  readonly anchors: readonly string[];
  readonly rowsOfAnchor: readonly (readonly number[])[];
  /** Rows with neither a known prefix nor an anchor: tried on every text. */
  readonly always: readonly number[];
  readonly starts: RegExp | null;
  readonly byFirst: ReadonlyMap<number, readonly number[]>;
  /** Scratch: `seen[a] === stamp` when anchor a was found in the current text. */
  readonly seen: Int32Array;
}

/** Finds the rows that can match a record's text, by its logger (see RowGroup). */
export interface RowFinder {
  /**
   * Fills `out` with the indices (ascending) into the returned group's `rows` of the rows that can
   * match `text` logged by `logger` (null: no logger, every row of the table), and returns the group;
   * undefined (and `out` empty) when no row is logged by `logger`. A row not listed cannot match:
   * its pattern needs a literal the text does not have. A text longer than the record's (a DEBUG
   * suffix not yet removed) lists the same rows or more.
   */
  find(logger: string | null, text: string, out: number[]): RowGroup | undefined;
  /** True when find() would list some row: the same test, stopped at the first candidate. */
  any(logger: string | null, text: string): boolean;
  /** Rows with no literal a match needs (so every text is a candidate for them); none in the table. */
  readonly unfiltered: readonly Recogniser[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function listBy<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `prefixesOf(row)`: the row's requiredPrefixes, worked out once per row for all the groups it is in (createRowFinder). */
function rowGroup(rows: readonly Recogniser[], prefixesOf: (row: Recogniser) => readonly string[]): RowGroup {
  const prefixOf = rows.map(prefixesOf);
  const byPrefixFirst = new Map<number, number[]>();
  const anchorRows = new Map<string, number[]>();
  const always: number[] = [];
  rows.forEach((row, i) => {
    const prefixes = prefixOf[i] as readonly string[];
    if (prefixes.length > 0) for (const c of new Set(prefixes.map((p) => p.charCodeAt(0)))) listBy(byPrefixFirst, c, i);
    else if (row.anchor === '') always.push(i);
    else listBy(anchorRows, row.anchor, i);
  });
  const anchors = [...anchorRows.keys()];
  const byFirst = new Map<number, number[]>();
  anchors.forEach((a, i) => listBy(byFirst, a.charCodeAt(0), i));
  return {
    rows,
    prefixOf,
    byPrefixFirst,
    anchors,
    rowsOfAnchor: anchors.map((a) => anchorRows.get(a) as number[]),
    always,
    starts: anchors.length === 0 ? null : new RegExp(anchors.map(escape).join('|'), 'g'),
    byFirst,
    seen: new Int32Array(anchors.length),
  };
}

/**
 * Indexes the table by logger name, so a text is checked only against the rows of its logger;
 * texts without a logger (cat output of non-oslo text, uwsgi lines) against every row. A row's
 * prefixes are worked out once, though it is in the whole table's group and in each of its
 * loggers' (561 analyses of the 196 rows' patterns became 196: this runs at every start, on the
 * main thread and on the reader thread's prefilter).
 */
export function createRowFinder(table: readonly Recogniser[]): RowFinder {
  const prefixes = new Map<Recogniser, readonly string[]>();
  const prefixesOf = (row: Recogniser): readonly string[] => {
    let p = prefixes.get(row);
    if (p === undefined) {
      p = requiredPrefixes(row.pattern);
      prefixes.set(row, p);
    }
    return p;
  };
  const grouped = new Map<string, Recogniser[]>();
  for (const row of table) {
    for (const logger of row.loggers) {
      const rows = grouped.get(logger);
      if (rows) rows.push(row);
      else grouped.set(logger, [row]);
    }
  }
  const byLogger = new Map<string, RowGroup>([...grouped].map(([logger, rows]) => [logger, rowGroup(rows, prefixesOf)]));
  const all = rowGroup(table, prefixesOf);
  let stamp = 0;
  return {
    find(logger, text, out) {
      out.length = 0;
      const group = logger === null ? all : byLogger.get(logger);
      if (group === undefined) return undefined;
      const { seen, anchors, byFirst, starts, rows, prefixOf, rowsOfAnchor } = group;
      for (const i of group.byPrefixFirst.get(text.charCodeAt(0)) ?? []) {
        const anchor = (rows[i] as Recogniser).anchor;
        if ((prefixOf[i] as readonly string[]).some((p) => text.startsWith(p)) && (anchor === '' || text.includes(anchor))) out.push(i);
      }
      if (starts !== null) {
        stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
        if (stamp === 1) seen.fill(0);
        starts.lastIndex = 0;
        for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
          const at = m.index;
          for (const a of byFirst.get(text.charCodeAt(at)) ?? []) {
            if (seen[a] !== stamp && text.startsWith(anchors[a] as string, at)) {
              seen[a] = stamp;
              for (const i of rowsOfAnchor[a] as readonly number[]) out.push(i);
            }
          }
          starts.lastIndex = at + 1;
        }
      }
      for (const i of group.always) out.push(i);
      if (out.length > 1) out.sort((x, y) => x - y);
      return group;
    },
    any(logger, text) {
      const group = logger === null ? all : byLogger.get(logger);
      if (group === undefined) return false;
      if (group.always.length > 0) return true;
      const { rows, prefixOf } = group;
      for (const i of group.byPrefixFirst.get(text.charCodeAt(0)) ?? []) {
        const anchor = (rows[i] as Recogniser).anchor;
        if ((prefixOf[i] as readonly string[]).some((p) => text.startsWith(p)) && (anchor === '' || text.includes(anchor))) return true;
      }
      if (group.starts === null) return false;
      group.starts.lastIndex = 0;
      return group.starts.test(text);
    },
    unfiltered: all.always.map((i) => all.rows[i] as Recogniser),
  };
}
