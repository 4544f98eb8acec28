import test from 'ava';
import { readRecords } from '../../src/pipeline/read-records.ts';
import { newReaderState } from '../../src/pipeline/reader-state.ts';
import { parseWhen, whenToEpoch } from '../../src/report/parse-when.ts';
import { bufferSource } from '../helpers/analyse-files.ts';

const reads = test.macro({
  exec(t, text: string, zone: string, expected: string) {
    const w = parseWhen(text);
    if (w === null) return t.fail(`"${text}" was not read`);
    t.is(new Date(whenToEpoch(w, zone)).toISOString(), expected);
  },
  title: (_provided, text: string, zone: string, expected: string) => `--since "${text}" in ${zone} is ${expected}`,
});

test(reads, '2026-03-22 10:14', 'UTC', '2026-03-22T10:14:00.000Z');
test(reads, '2026-03-22 10:14', 'Asia/Kolkata', '2026-03-22T04:44:00.000Z');
test(reads, '2026-03-22T10:14', 'America/St_Johns', '2026-03-22T12:44:00.000Z');
test(reads, '2026-03-22', 'Europe/Berlin', '2026-03-21T23:00:00.000Z');
test(reads, ' 2026-03-22 10:14:05.250 ', 'UTC', '2026-03-22T10:14:05.250Z');
test(reads, '2026-03-22T10:14:05.25', 'UTC', '2026-03-22T10:14:05.250Z');
// An offset or Z wins over the zone.
test(reads, '2026-03-22T10:14:05.250+01:00', 'Asia/Kolkata', '2026-03-22T09:14:05.250Z');
test(reads, '2026-03-22T10:14+0530', 'UTC', '2026-03-22T04:44:00.000Z');
test(reads, '2026-03-22 10:14 -02:30', 'UTC', '2026-03-22T12:44:00.000Z');
test(reads, '2026-03-22T10:14Z', 'Europe/Berlin', '2026-03-22T10:14:00.000Z');
// DST, whatever the process's own zone (npm test runs this under UTC and Asia/Kolkata): a skipped
// time is read that many minutes after the change; a repeated one as its first occurrence (as Date does), like a log line of that time.
test(reads, '2026-03-29 02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z');
test(reads, '2026-03-08 02:30', 'America/New_York', '2026-03-08T07:30:00.000Z');
test(reads, '2026-10-25 02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z');
test(reads, '2026-11-01 01:30', 'America/New_York', '2026-11-01T05:30:00.000Z');

test('a wall-clock --since means the instant a log line with that time means', async (t) => {
  for (const [stamp, zone] of [['2026-10-25 02:30', 'Europe/Berlin'], ['2026-11-01 01:30', 'America/New_York'], ['2026-03-29 02:30', 'Europe/Berlin']] as const) {
    const line = Buffer.from(`${stamp}:00.000 4242 INFO cinder.volume.manager [-] x\n`);
    const times: (number | null)[] = [];
    const read = readRecords(bufferSource('c-vol.log', line, [line.length]), { inputFormat: undefined, year: undefined, currentYear: 2026, zone, maxLineLength: 1 << 20 }, newReaderState('c-vol.log'));
    for await (const batch of read) times.push(...batch.map((r) => r.time));
    const w = parseWhen(stamp);
    t.deepEqual([w === null ? null : whenToEpoch(w, zone)], times, `${stamp} in ${zone}`);
  }
});

test("--since without an offset is read in the process zone with --tz local", (t) => {
  const w = parseWhen('2026-03-22 10:14');
  t.not(w, null);
  if (w !== null) t.is(whenToEpoch(w, 'local'), new Date(2026, 2, 22, 10, 14).getTime());
});

for (const text of ['yesterday', '10:14', '2026-02-30', '2026-03-22 25:00', '2026-03-22 10:61', '2026-13-01', '22.03.2026', '2026-03-22 10:14 CET', ''])
  test(`--since "${text}" is not a time`, (t) => t.is(parseWhen(text), null));
