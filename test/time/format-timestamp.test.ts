import test from 'ava';
import { formatTimestamp } from '../../src/time/format-timestamp.ts';
import { timestampsMatchDateFns } from '../helpers/timestamps-match-date-fns.ts';

const at = Date.UTC(2020, 7, 1, 13, 47, 29, 9); // 2020-08-01T13:47:29.009Z (summer)
const winter = Date.UTC(2025, 0, 15, 3, 0, 0, 0);

const formats = test.macro({
  exec(t, epochMs: number, zone: string, expected: string) {
    t.is(formatTimestamp(epochMs, zone), expected);
  },
  title: (_provided, epochMs: number, zone: string, expected: string) => `formatTimestamp(${epochMs}, ${zone}) = ${expected}`,
});

test(formats, at, 'UTC', '2020-08-01T13:47:29.009+00:00');
test(formats, at, 'Asia/Kolkata', '2020-08-01T19:17:29.009+05:30');
test(formats, at, 'America/St_Johns', '2020-08-01T11:17:29.009-02:30');
test(formats, winter, 'America/St_Johns', '2025-01-14T23:30:00.000-03:30');
test(formats, winter, 'Asia/Kathmandu', '2025-01-15T08:45:00.000+05:45');
test(formats, winter, 'Europe/Berlin', '2025-01-15T04:00:00.000+01:00');
test(formats, 1735689598123.456, 'UTC', '2024-12-31T23:59:58.123+00:00');
test(formats, 0, 'UTC', '1970-01-01T00:00:00.000+00:00');
test(formats, Date.UTC(2000, 1, 29, 12, 0, 0, 999), 'UTC', '2000-02-29T12:00:00.999+00:00');

test('formatTimestamp never uses Z and always has a colon in the offset', (t) => {
  for (const zone of ['UTC', 'Etc/UTC', 'Asia/Kolkata', 'America/St_Johns', 'local']) {
    const s = formatTimestamp(at, zone);
    t.regex(s, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/, zone);
  }
});

test("formatTimestamp in 'local' agrees with the process zone", (t) => {
  for (const ms of [at, winter, 1735689598123.456]) {
    const d = new Date(Math.floor(ms));
    const off = -d.getTimezoneOffset();
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    const p = (n: number, w = 2): string => String(n).padStart(w, '0');
    const expected =
      `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:` +
      `${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
    t.is(formatTimestamp(ms, 'local'), expected);
  }
});

test('formatTimestamp follows the St Johns DST change inside an hour', (t) => {
  // 2024-03-10 02:00 local (-03:30) = 05:30Z: clocks go to 03:00 (-02:30).
  t.is(formatTimestamp(Date.UTC(2024, 2, 10, 5, 29, 0), 'America/St_Johns'), '2024-03-10T01:59:00.000-03:30');
  t.is(formatTimestamp(Date.UTC(2024, 2, 10, 5, 31, 0), 'America/St_Johns'), '2024-03-10T03:01:00.000-02:30');
  // Same UTC hour again after the cache is warm.
  t.is(formatTimestamp(Date.UTC(2024, 2, 10, 5, 10, 0), 'America/St_Johns'), '2024-03-10T01:40:00.000-03:30');
});

test('formatTimestamp styles for human output', (t) => {
  const ms = Date.UTC(2020, 7, 1, 13, 47, 29, 9) + 0.9;
  t.deepEqual(
    (['iso', 'date-time-ms', 'date-time', 'time-ms', 'time', 'hour'] as const).map((style) => formatTimestamp(ms, 'Asia/Kathmandu', { style })),
    ['2020-08-01T19:32:29.009+05:45', '2020-08-01 19:32:29.009', '2020-08-01 19:32:29', '19:32:29.009', '19:32:29', '2020-08-01 19:00'],
  );
});

test('formatTimestamp: the same minute in two zones, and a year past 9999, are each right', (t) => {
  const ms = Date.UTC(2025, 0, 15, 3, 0, 59, 999);
  t.is(formatTimestamp(ms, 'UTC'), '2025-01-15T03:00:59.999+00:00');
  t.is(formatTimestamp(ms, 'Asia/Kolkata'), '2025-01-15T08:30:59.999+05:30');
  t.is(formatTimestamp(ms + 1, 'Asia/Kolkata', { style: 'time-ms' }), '08:31:00.000');
  t.is(formatTimestamp(Date.UTC(12_000, 0, 1, 1, 2, 3), 'UTC', { style: 'date-time' }), '12000-01-01 01:02:03');
});

test('formatTimestamp writes any instant in 1970–2100 as date-fns does, in every style and in zones with DST, half- and quarter-hour offsets, a 30-minute DST (Lord Howe), a skipped day (Apia) and fixed offsets', (t) => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'Africa/Casablanca', 'America/Santiago', '+05:30', '-03:30', '+13:45', 'local'];
  timestampsMatchDateFns(t, zones, 2500);
});
