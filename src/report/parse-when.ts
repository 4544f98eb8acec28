import { tz } from '@date-fns/tz';
import { parseISO } from 'date-fns/parseISO';
import { localToEpoch } from '../time/local-to-epoch.ts';

/** A `--since`/`--until` value: an instant (it had an offset), or a wall-clock time to read in `--tz`. */
export interface When {
  /** The instant when `hasOffset`, else the wall-clock time as if it were UTC. */
  readonly ms: number;
  readonly hasOffset: boolean;
}

const UTC = { in: tz('UTC') };
/** A space before the offset (`2026-03-22 10:14 +01:00`) is accepted; parseISO wants none. */
const SPACE_BEFORE_OFFSET = /\s+(?=(?:Z|[+-]\d\d(?::?\d\d)?)$)/;
/** The offset parseISO reads after a time: `Z`, `±HH`, `±HHMM`, `±HH:MM`. */
const OFFSET = /[T ]\d.*(?:Z|[+-]\d\d(?::?\d\d)?)$/;

/**
 * `2026-03-22`, `2026-03-22 10:14`, `2026-03-22T10:14:05.250+01:00`, `…Z`: any ISO 8601 date or
 * date and time that date-fns's parseISO reads (`T` or a space between them); null when it cannot,
 * or the date does not exist (`2026-02-30`).
 */
export function parseWhen(text: string): When | null {
  const t = text.trim().replace(SPACE_BEFORE_OFFSET, '');
  const ms = parseISO(t, UTC).getTime();
  return Number.isNaN(ms) ? null : { ms, hasOffset: OFFSET.test(t) };
}

/**
 * Epoch ms of a `--since`/`--until` value: the instant it names, or its wall-clock time read in
 * `zone` (`'local'` = the process zone) by the same localToEpoch that reads log lines, so it
 * means the instant a log line with that time means. (date-fns's TZDate resolves a wall-clock time
 * that a DST change repeats differently depending on the process's own zone: not used here.)
 */
export function whenToEpoch(w: When, zone: string): number {
  if (w.hasOffset) return w.ms;
  const d = new Date(w.ms);
  return localToEpoch(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
