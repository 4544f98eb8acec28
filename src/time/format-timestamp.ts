import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';

/**
 * How a timestamp is written:
 * - `iso` (default): `2020-08-01T13:47:29.009+00:00`, ISO 8601 with milliseconds and a `+HH:MM`
 *   offset, never `Z`: every time in `--json`;
 * - `date-time-ms` `2020-08-01 13:47:29.009`, `date-time` `2020-08-01 13:47:29`,
 *   `time-ms` `13:47:29.009`, `time` `13:47:29`, `hour` `2020-08-01 13:00`: human output.
 */
export type TimestampStyle = 'iso' | 'date-time-ms' | 'date-time' | 'time-ms' | 'time' | 'hour';

/** What date-fns says about one UTC minute in one zone: its local date, hour and minute, and offset. */
interface Minute {
  readonly date: string;
  readonly hour: string;
  readonly minute: string;
  readonly offset: string;
}

const MINUTE_MS = 60_000;
const MAX_CACHED_MINUTES = 100_000;
/** Per zone: UTC minute index → its local fields. */
const minutes = new Map<string, Map<number, Minute>>();

function minuteIn(zone: string, index: number): Minute {
  let perZone = minutes.get(zone);
  if (perZone === undefined) {
    perZone = new Map();
    minutes.set(zone, perZone);
  }
  let m = perZone.get(index);
  if (m === undefined) {
    const [date = '', hour = '', minute = '', offset = ''] = format(index * MINUTE_MS, 'yyyy-MM-dd|HH|mm|xxx', zone === 'local' ? {} : { in: tz(zone) }).split('|');
    m = { date, hour, minute, offset };
    if (perZone.size >= MAX_CACHED_MINUTES) perZone.clear();
    perZone.set(index, m);
  }
  return m;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));

/**
 * An epoch-ms instant as seen in `zone` (`'local'` = the process zone, else an IANA name or an
 * offset such as `+05:30`). Sub-ms fractions are truncated.
 *
 * date-fns (with @date-fns/tz) works out the date, hour, minute and offset, once per zone and UTC
 * minute; only the seconds and milliseconds within the minute are added here. Measured: a date-fns
 * `format` in a zone costs about 20 µs (its TZDate asks Intl for the offset), and the JSON and
 * human output of 5,000 volumes format about 75,000 timestamps (in about 600 distinct minutes),
 * which made those runs 0.7–0.9 CPU s (30–40 %) slower. With the cache, rendering them costs what it
 * did with the hand-written formatter this replaced. (Every zone's offset has been whole minutes
 * since 1972, so a UTC minute is a local minute.)
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
