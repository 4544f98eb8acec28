import test from 'ava';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { firstMonth } from '../../src/input/first-month.ts';
import { readRecords } from '../../src/pipeline/read-records.ts';
import { newReaderState } from '../../src/pipeline/reader-state.ts';
import { createYearTracker } from '../../src/time/create-year-tracker.ts';
import { initialYear } from '../../src/time/initial-year.ts';
import { readShared, sharedTest } from '../input/fixtures.ts';

const years = test.macro({
  exec(t, start: number, months: number[], expected: number[]) {
    const y = createYearTracker(start);
    t.deepEqual(
      months.map((m) => y.yearFor(m)),
      expected,
    );
  },
  title: (provided, start: number, months: number[]) => `year tracker from ${start}: ${provided ?? months.join(',')}`,
});

test('Dec → Jan rolls over', years, 2024, [12, 12, 1, 1, 2], [2024, 2024, 2025, 2025, 2025]);
test('two rollovers', years, 2023, [11, 12, 1, 6, 12, 1], [2023, 2023, 2024, 2024, 2024, 2025]);
test('out-of-order December line after January', years, 2025, [1, 12, 1, 2], [2025, 2024, 2025, 2025]);
test('a gap of months forward stays in the year', years, 2025, [1, 9, 10], [2025, 2025, 2025]);
test('small steps back stay in the year', years, 2025, [5, 4, 5], [2025, 2025, 2025]);

const initial = test.macro({
  exec(t, opts: Parameters<typeof initialYear>[0], expected: number) {
    t.is(initialYear(opts), expected);
  },
  title: (provided) => `initialYear: ${provided ?? ''}`,
});

const feb2025 = Date.UTC(2025, 1, 10, 12, 0, 0);
test('explicit --year wins', initial, { explicitYear: 2019, mtimeMs: feb2025, firstMonth: 12, currentYear: 2030, zone: 'UTC' }, 2019);
test('log started last year (first month after mtime month)', initial, { mtimeMs: feb2025, firstMonth: 12, currentYear: 2030, zone: 'UTC' }, 2024);
test('log started this year', initial, { mtimeMs: feb2025, firstMonth: 1, currentYear: 2030, zone: 'UTC' }, 2025);
test('same month as mtime', initial, { mtimeMs: feb2025, firstMonth: 2, currentYear: 2030, zone: 'UTC' }, 2025);
test('mtime without a first month', initial, { mtimeMs: feb2025, currentYear: 2030, zone: 'UTC' }, 2025);
test('no mtime: the caller’s current year', initial, { firstMonth: 7, currentYear: 2030 }, 2030);

sharedTest('firstMonth reads the month of the first short entry, skipping blank lines and markers', (t) => {
  t.is(firstMonth(Buffer.from('\n-- Journal begins at x. --\nDec 31 23:59:58 h a[1]: x\nJan 01 00:00:01 h a[1]: y\n')), 12);
  t.is(firstMonth(readShared('journalctl-output', 'out252', 'short-precise.txt')), 12);
  t.is(firstMonth(readShared('journalctl-output', 'out252', 'json.txt')), null);
  t.is(firstMonth(readShared('journalctl-output', 'out252', 'short-iso.txt')), null);
  t.is(firstMonth(Buffer.from('')), null);
});

sharedTest('a yearless journal that starts in December and was written in January is read as last year', async (t) => {
  // The whole path: read-records takes the first month from the head and the year from the mtime.
  const head = readShared('journalctl-output', 'out252', 'short-precise.txt');
  const source = { name: 'j.txt', mtimeMs: Date.UTC(2025, 0, 5, 12), size: head.length, chunks: async function* () { yield head; } };
  const state = newReaderState('j.txt');
  const times: number[] = [];
  for await (const batch of readRecords(source, { inputFormat: undefined, year: undefined, currentYear: 2030, zone: 'UTC', maxLineLength: 1 << 20 }, state)) {
    for (const r of batch) if (r.time !== null) times.push(r.time);
  }
  t.is(state.format, 'short-precise');
  t.is(times[0], Date.UTC(2024, 11, 31, 23, 59, 58, 123) + 0.456);
  t.is(times.at(-1), Date.UTC(2025, 0, 1, 0, 0, 59, 123) + 0.456);
});

sharedTest('Dec 31 → Jan 1 rollover in a short-precise stream', (t) => {
  const { records } = decodeBuffer(readShared('journalctl-output', 'out252', 'short-precise.txt'), {
    input: 'short-precise.txt',
    format: 'short-precise',
    year: 2024,
    zone: 'UTC',
  });
  t.is(records[0]?.time, Date.UTC(2024, 11, 31, 23, 59, 58, 123) + 0.456);
  t.is(records[2]?.time, Date.UTC(2025, 0, 1, 0, 0, 0, 123) + 0.456);
  const last = records.at(-1);
  t.is(last?.time, Date.UTC(2025, 0, 1, 0, 0, 59, 123) + 0.456);
  for (let i = 1; i < records.length; i++) {
    t.true((records[i]?.time ?? 0) >= (records[i - 1]?.time ?? Infinity) - 100, `record ${i} goes forward`);
  }
});

test('short timestamps are read in the zone option', (t) => {
  const line = Buffer.from('Jan 01 05:30:00.000001 h a[1]: x\n');
  const kolkata = decodeBuffer(line, { input: 'x', format: 'short-precise', year: 2025, zone: 'Asia/Kolkata' });
  t.is(kolkata.records[0]?.time, Date.UTC(2025, 0, 1, 0, 0, 0) + 0.001);
  const local = decodeBuffer(line, { input: 'x', format: 'short-precise', year: 2025, zone: 'local' });
  t.is(local.records[0]?.time, new Date(2025, 0, 1, 5, 30, 0).getTime() + 0.001);
});
