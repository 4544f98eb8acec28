import test from 'ava';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { microsToMs } from '../../src/time/micros-to-ms.ts';
import { parseIsoOffset } from '../../src/time/parse-iso-offset.ts';
import { parseZoneToken } from '../../src/time/parse-zone-token.ts';
import { isValidZone } from '../../src/time/is-valid-zone.ts';
import { readShared, sharedTest } from '../input/fixtures.ts';

const iso = test.macro({
  exec(t, s: string, expected: number | null) {
    t.is(parseIsoOffset(s), expected);
  },
  title: (_p, s: string, expected: number | null) => `parseIsoOffset(${s}) = ${expected}`,
});
test(iso, '+0000', 0);
test(iso, '+00:00', 0);
test(iso, '-0330', -210);
test(iso, '-03:30', -210);
test(iso, '+0530', 330);
test(iso, '+05:30', 330);
test(iso, '+0545', 345);
test(iso, '+04', 240);
test(iso, 'Z', null);
test(iso, '+5:30', null);
test(iso, '+05:3', null);
test(iso, '+0575', null);
test(iso, '05:30', null);

const zone = test.macro({
  exec(t, s: string, expected: number | null) {
    t.is(parseZoneToken(s), expected);
  },
  title: (_p, s: string, expected: number | null) => `parseZoneToken(${s}) = ${expected}`,
});
test(zone, 'UTC', 0);
test(zone, 'GMT', 0);
test(zone, '+04', 240);
test(zone, '-03', -180);
test(zone, '-0330', -210);
test(zone, '+0545', 345);
test(zone, 'CET', null);
test(zone, 'IST', null);
test(zone, 'EST', null);

test('microsToMs keeps sub-ms precision and rejects junk', (t) => {
  t.is(microsToMs('1735689598123456'), 1735689598123 + 0.456);
  t.is(microsToMs('0'), 0);
  t.is(microsToMs('12a'), null);
  t.is(microsToMs(''), null);
  t.is(microsToMs(undefined), null);
});

test('isValidZone', (t) => {
  t.true(isValidZone('local'));
  t.true(isValidZone('UTC'));
  t.true(isValidZone('Asia/Kolkata'));
  t.false(isValidZone('Mars/Olympus_Mons'));
  t.false(isValidZone(''));
});

sharedTest('short-iso +0000 (v252) and +00:00 (v257) give the same times', (t) => {
  for (const mode of ['short-iso', 'short-iso-precise'] as const) {
    const a = decodeBuffer(readShared('journalctl-output', 'out252', `${mode}.txt`), { input: 'a', format: mode, year: 2000, zone: 'Asia/Tokyo' });
    const b = decodeBuffer(readShared('journalctl-output', 'out257', `${mode}.txt`), { input: 'b', format: mode, year: 2000, zone: 'Asia/Tokyo' });
    t.is(a.records.length + a.stats.blob, 22); // 3 messages are printed as [NB blob data]: counted, not records
    t.deepEqual(
      a.records.map((r) => r.time),
      b.records.map((r) => r.time),
    );
    t.is(a.records[0]?.time, Date.UTC(2024, 11, 31, 23, 59, 58) + (mode === 'short-iso' ? 0 : 123.456));
  }
});

test('short-iso offsets other than UTC', (t) => {
  const { records } = decodeBuffer(
    Buffer.from('2024-12-31T20:30:59-0330 h a[1]: x\n2025-01-01T05:30:59.123456+05:30 h a[1]: y\n'),
    { input: 'x', format: 'short-iso-precise', year: 2000, zone: 'UTC' },
  );
  t.is(records[0]?.time, Date.UTC(2025, 0, 1, 0, 0, 59));
  t.is(records[1]?.time, Date.UTC(2025, 0, 1, 0, 0, 59, 123) + 0.456);
});

test('short-full: UTC and numeric zones are exact, abbreviations warn once and use the zone option', (t) => {
  const input = Buffer.from(
    [
      'Wed 2025-01-01 04:00:59 +04 node1 systemd[1]: numeric',
      'Tue 2024-12-31 21:00:59 -03 node1 systemd[1]: numeric negative',
      'Tue 2024-12-31 23:00:59 UTC node1 systemd[1]: utc',
      'Wed 2025-01-01 01:00:59 CET node1 systemd[1]: abbreviation',
      'Wed 2025-01-01 01:00:59 CET node1 systemd[1]: abbreviation again',
    ].join('\n'),
  );
  const r = decodeBuffer(input, { input: 'full', format: 'short-full', year: 2000, zone: 'Europe/Berlin' });
  t.deepEqual(
    r.records.map((x) => x.time),
    [
      Date.UTC(2025, 0, 1, 0, 0, 59),
      Date.UTC(2025, 0, 1, 0, 0, 59),
      Date.UTC(2024, 11, 31, 23, 0, 59),
      Date.UTC(2025, 0, 1, 0, 0, 59),
      Date.UTC(2025, 0, 1, 0, 0, 59),
    ],
  );
  const ambiguous = r.diagnostics.filter((d) => d.code === 'ambiguous-zone');
  t.is(ambiguous.length, 1);
  t.is(ambiguous[0]?.severity, 'warning');
  t.deepEqual(ambiguous[0]?.where, { input: 'full', line: 4 });
});

test('an invalid zone option is reported once and UTC is used', (t) => {
  const r = decodeBuffer(Buffer.from('Jan 01 00:00:00 h a[1]: x\n'), { input: 'x', format: 'short', year: 2025, zone: 'Nowhere/Land' });
  t.is(r.records[0]?.time, Date.UTC(2025, 0, 1));
  t.is(r.diagnostics.filter((d) => d.code === 'invalid-zone').length, 1);
});

sharedTest('short-monotonic and short-delta have no wall clock: time null, one warning', (t) => {
  for (const mode of ['short-monotonic', 'short-delta'] as const) {
    const r = decodeBuffer(readShared('journalctl-output', 'out252', `${mode}.txt`), { input: mode, format: mode, year: 2025, zone: 'UTC' });
    t.true(r.records.length > 0);
    t.true(r.records.every((x) => x.time === null));
    t.is(r.diagnostics.filter((d) => d.code === 'no-wall-clock').length, 1);
  }
});
