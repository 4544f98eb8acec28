import { tz, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns/format';

/**
 * How a timestamp is written:
 * - `iso` (default): `2020-08-01T13:47:29.009+00:00`, ISO 8601 with milliseconds and a `+HH:MM`
 *   offset, never `Z`: every time in `--json`;
 * - `date-time-ms` `2020-08-01 13:47:29.009`, `date-time` `2020-08-01 13:47:29`,
 *   `time-ms` `13:47:29.009`, `time` `13:47:29`, `hour` `2020-08-01 13:00`: human output.
 */
export type TimestampStyle = 'iso' | 'date-time-ms' | 'date-time' | 'time-ms' | 'time' | 'hour';

/** One UTC minute in one zone: its local date, hour and minute, and offset (what date-fns writes). */
interface Minute {
  readonly date: string;
  readonly hour: string;
  readonly minute: string;
  readonly offset: string;
}

/**
 * One offset of one zone, from the first minute date-fns formatted at it: that minute (UTC minute
 * index), its local minute of the day and offset text, and the local date of each local day met
 * since at this offset (by days from the first minute's day).
 */
interface Period {
  readonly index: number;
  readonly minuteOfDay: number;
  readonly offset: string;
  readonly dates: Map<number, string>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MINUTES = 1440;
const MAX_CACHED_MINUTES = 100_000;
const MAX_CACHED_HOURS = 50_000;
const MAX_CACHED_DATES = 10_000;
/** Per zone: UTC minute index → its local fields. */
const minutes = new Map<string, Map<number, Minute>>();
/** Per zone: UTC hour index → the zone's offset all through that hour, NaN when it changes inside it. */
const hours = new Map<string, Map<number, number>>();
/** Per zone: offset (as offsetOf gives it) → what date-fns said at it. */
const periods = new Map<string, Map<number, Period>>();

const formatIn = (epochMs: number, pattern: string, zone: string): string => format(epochMs, pattern, zone === 'local' ? {} : { in: tz(zone) });

/** The zone's offset at an instant: @date-fns/tz's (or, for 'local', the Date's, west positive); NaN for a zone it does not know. */
const offsetOf = (zone: string, epochMs: number): number => (zone === 'local' ? new Date(epochMs).getTimezoneOffset() : tzOffset(zone, new Date(epochMs)));

function perZone<V>(caches: Map<string, Map<number, V>>, zone: string): Map<number, V> {
  let m = caches.get(zone);
  if (m === undefined) {
    m = new Map();
    caches.set(zone, m);
  }
  return m;
}

function minuteIn(zone: string, index: number): Minute {
  const cache = perZone(minutes, zone);
  let m = cache.get(index);
  if (m === undefined) {
    m = minuteAtOffset(zone, index) ?? minuteByDateFns(zone, index);
    if (cache.size >= MAX_CACHED_MINUTES) cache.clear();
    cache.set(index, m);
  }
  return m;
}

/** The simple way: date-fns formats the minute. */
function minuteByDateFns(zone: string, index: number): Minute {
  const [date = '', hour = '', minute = '', offset = ''] = formatIn(index * MINUTE_MS, 'yyyy-MM-dd|HH|mm|xxx', zone).split('|');
  return { date, hour, minute, offset };
}

/**
 * The minute worked out from another minute date-fns formatted at the same offset, so that date-fns
 * is asked once per zone and offset, plus once per local day for its date. What date-fns writes for
 * an instant depends only on the instant and the zone's offset then: two instants at one offset are
 * as far apart on the local clock as they are in UTC, so the local minute of the day is the first
 * one's plus the minutes between them, carried into days. The offset is known per UTC hour, looked
 * up (cheaply: no formatting) at the hour's first and last minute: equal ends mean one offset all
 * through, since no zone changes its offset twice within an hour; an hour whose ends differ (a DST
 * change inside it: St John's, Lord Howe …) gives null and its minutes are formatted one by one.
 * test/time/format-timestamp.test.ts checks the result against a date-fns `format` of any instant,
 * around DST changes and across 1970–2100.
 */
function minuteAtOffset(zone: string, index: number): Minute | null {
  const offset = offsetThrough(zone, Math.floor(index / 60));
  if (Number.isNaN(offset)) return null;
  const known = perZone(periods, zone);
  let p = known.get(offset);
  if (p === undefined) {
    const m = minuteByDateFns(zone, index);
    p = { index, minuteOfDay: Number(m.hour) * 60 + Number(m.minute), offset: m.offset, dates: new Map([[0, m.date]]) };
    known.set(offset, p);
  }
  const ofPeriod = p.minuteOfDay + (index - p.index);
  const day = Math.floor(ofPeriod / DAY_MINUTES);
  const ofDay = ofPeriod - day * DAY_MINUTES;
  let date = p.dates.get(day);
  if (date === undefined) {
    date = formatIn(index * MINUTE_MS, 'yyyy-MM-dd', zone);
    if (p.dates.size >= MAX_CACHED_DATES) p.dates.clear();
    p.dates.set(day, date);
  }
  return { date, hour: pad2(Math.floor(ofDay / 60)), minute: pad2(ofDay % 60), offset: p.offset };
}

/** The zone's offset all through a UTC hour (see minuteAtOffset), NaN when it changes inside it or the zone is unknown. */
function offsetThrough(zone: string, hourIndex: number): number {
  const cache = perZone(hours, zone);
  let offset = cache.get(hourIndex);
  if (offset === undefined) {
    const start = hourIndex * HOUR_MS;
    offset = offsetOf(zone, start);
    if (offset !== offsetOf(zone, start + HOUR_MS - MINUTE_MS)) offset = NaN;
    if (cache.size >= MAX_CACHED_HOURS) cache.clear();
    cache.set(hourIndex, offset);
  }
  return offset;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));

/**
 * An epoch-ms instant as seen in `zone` (`'local'` = the process zone, else an IANA name or an
 * offset such as `+05:30`). Sub-ms fractions are truncated.
 *
 * date-fns (with @date-fns/tz) works out the date, hour, minute and offset, once per zone and
 * offset and once per local day (see minuteAtOffset), cached per minute; only the
 * seconds and milliseconds within the minute are added here. Measured: a date-fns `format` in a
 * zone costs about 20 µs (its TZDate asks Intl for the offset), and the JSON and human output of
 * 5,000 volumes format about 75,000 timestamps (in about 600 distinct minutes), which made those
 * runs 0.7–0.9 CPU s (30–40 %) slower. With the cache, rendering them costs what it did with the
 * hand-written formatter this replaced. (Every zone's offset has been whole minutes since 1972, so
 * a UTC minute is a local minute.)
 */
export function formatTimestamp(epochMs: number, zone: string, o: { readonly style?: TimestampStyle } = {}): string {
  const ms = Math.floor(epochMs);
  const index = Math.floor(ms / MINUTE_MS);
  const m = minuteIn(zone, index);
  const within = ms - index * MINUTE_MS;
  const second = Math.floor(within / 1000);
  const hm = m.hour + ':' + m.minute;
  switch (o.style ?? 'iso') {
    case 'iso':
      return m.date + 'T' + hm + ':' + pad2(second) + '.' + pad3(within - second * 1000) + m.offset;
    case 'date-time-ms':
      return m.date + ' ' + hm + ':' + pad2(second) + '.' + pad3(within - second * 1000);
    case 'date-time':
      return m.date + ' ' + hm + ':' + pad2(second);
    case 'time-ms':
      return hm + ':' + pad2(second) + '.' + pad3(within - second * 1000);
    case 'time':
      return hm + ':' + pad2(second);
    case 'hour':
      return m.date + ' ' + m.hour + ':00';
  }
}
