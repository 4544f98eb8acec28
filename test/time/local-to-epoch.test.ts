import { TZDate } from '@date-fns/tz';
import test from 'ava';
import { localToEpoch } from '../../src/time/local-to-epoch.ts';
import { rawOffsetAt } from '../../src/time/offset-at.ts';
import { pseudoRandomBytes } from '../input/fixtures.ts';

const ZONES = [
  'UTC',
  'Asia/Kolkata',
  'America/St_Johns',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'Pacific/Chatham',
];

const HOUR = 3_600_000;

test('localToEpoch agrees with TZDate away from offset changes (hourly cache included)', (t) => {
  const rnd = pseudoRandomBytes(ZONES.length * 300 * 8, 12345);
  let checked = 0;
  let k = 0;
  for (const zone of ZONES) {
    for (let i = 0; i < 300; i++) {
      const r = rnd.readUInt32LE(k);
      const r2 = rnd.readUInt32LE(k + 4);
      k += 8;
      const y = 2000 + (r % 31);
      const mo = 1 + ((r >>> 5) % 12);
      const d = 1 + ((r >>> 9) % 28);
      const h = (r >>> 14) % 24;
      const mi = (r2 >>> 3) % 60;
      const s = (r2 >>> 9) % 60;
      const ms = (r2 >>> 15) % 1000;
      const expected = new TZDate(y, mo - 1, d, h, mi, s, ms, zone).getTime();
      // Skip instants within 3 hours of an offset change: DST-free hours only.
      if (rawOffsetAt(zone, expected - 3 * HOUR) !== rawOffsetAt(zone, expected + 3 * HOUR)) continue;
      t.is(localToEpoch(zone, y, mo, d, h, mi, s, ms), expected, `${zone} ${y}-${mo}-${d} ${h}:${mi}:${s}.${ms}`);
      // A second time in the same hour comes from the cache.
      t.is(localToEpoch(zone, y, mo, d, h, 59 - mi, s, ms), new TZDate(y, mo - 1, d, h, 59 - mi, s, ms, zone).getTime());
      checked++;
    }
  }
  t.true(checked > ZONES.length * 250);
});

test("localToEpoch 'local' agrees with the Date constructor", (t) => {
  for (const [y, mo, d, h, mi] of [
    [2024, 12, 31, 23, 59],
    [2025, 1, 1, 0, 0],
    [2020, 8, 1, 13, 47],
    [2016, 2, 29, 12, 30],
  ] as const) {
    t.is(localToEpoch('local', y, mo, d, h, mi, 29, 9), new Date(y, mo - 1, d, h, mi, 29, 9).getTime());
  }
});

test('localToEpoch in fixed-offset zones', (t) => {
  t.is(localToEpoch('UTC', 2024, 12, 31, 23, 59, 58, 123), Date.UTC(2024, 11, 31, 23, 59, 58, 123));
  t.is(localToEpoch('Asia/Kolkata', 2025, 1, 1, 5, 30, 59, 0), Date.UTC(2025, 0, 1, 0, 0, 59));
  t.is(localToEpoch('America/St_Johns', 2024, 12, 31, 20, 30, 59, 0), Date.UTC(2025, 0, 1, 0, 0, 59));
});

test('localToEpoch moves a wall time inside a spring-forward gap forward, like Date', (t) => {
  // Europe/Berlin 2021-03-28 02:30 does not exist; Date gives 03:30 CEST = 01:30Z.
  t.is(localToEpoch('Europe/Berlin', 2021, 3, 28, 2, 30, 0, 0), Date.UTC(2021, 2, 28, 1, 30));
  // The hours on both sides are still right.
  t.is(localToEpoch('Europe/Berlin', 2021, 3, 28, 1, 30, 0, 0), Date.UTC(2021, 2, 28, 0, 30));
  t.is(localToEpoch('Europe/Berlin', 2021, 3, 28, 3, 30, 0, 0), Date.UTC(2021, 2, 28, 1, 30));
});

test('localToEpoch gives NaN for an unknown zone instead of throwing', (t) => {
  t.true(Number.isNaN(localToEpoch('Mars/Olympus_Mons', 2024, 1, 1, 0, 0, 0, 0)));
});

test('localToEpoch reads every wall time around each offset change as the Date constructor does, in every zone', (t) => {
  // Date follows ECMAScript: a time in a gap moves forward, a time that happens twice is the
  // earlier instant. Berlin and New York used to disagree on the second rule.
  const saved = process.env.TZ;
  let changes = 0;
  try {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      for (let at = Date.UTC(2020, 0, 1); at < Date.UTC(2023, 0, 1); at += HOUR) {
        if (rawOffsetAt(zone, at) === rawOffsetAt(zone, at + HOUR)) continue;
        changes++;
        const wall = new Date(at + rawOffsetAt(zone, at) * 60_000);
        for (let step = -12; step <= 12; step++) {
          const w = new Date(wall.getTime() + step * 15 * 60_000);
          const [y, mo, d, h, mi] = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes()];
          t.is(localToEpoch(zone, y, mo, d, h, mi, 7, 0), new Date(y, mo - 1, d, h, mi, 7, 0).getTime(), `${zone} ${y}-${mo}-${d} ${h}:${mi}`);
        }
      }
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
  t.true(changes >= 30, `${changes} offset changes`);
});
