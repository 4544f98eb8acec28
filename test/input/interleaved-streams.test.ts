import test from 'ava';
import { readFileSync } from 'node:fs';
import { FOLD_WINDOW_MS, PENDING_RECORDS } from '../../src/input/create-record-assembler.ts';
import { decodeBuffer } from '../../src/input/decode-buffer.ts';

// journald interleaves processes and hosts (`journalctl -m`, a merged sosreport): the continuation
// lines of a multi-line message (Command:/Exit code:/Stderr:) may be separated from their record by
// another stream's entries. They still belong to their own stream's record.

const opts = { input: 'j', format: 'short-precise', year: 2026, zone: 'UTC' } as const;
const failure = readFileSync('samples/failure/journal.short-precise.txt', 'utf8').split('\n').slice(67, 72);
const other = (n: number, at = '20:13:04.569210') =>
  Array.from({ length: n }, (_, i) => `Mar 19 ${at} cvol-b cinder-volume[999]: DEBUG cinder.volume.manager [-] other host line ${i}`);

const decode = (lines: string[]) => decodeBuffer(Buffer.from(lines.join('\n') + '\n'), opts).records;

test('continuation lines of one stream fold into its record across another stream\'s entries', (t) => {
  t.regex(failure[0] ?? '', /ERROR cinder.volume.volume_utils .*Failed to copy image/);
  const [head, ...rest] = failure as [string, ...string[]];
  const records = decode([head, ...other(3), ...rest]);
  const error = records.find((r) => r.text.includes('Failed to copy image'));
  t.deepEqual(error?.extra.map((e) => e.split(':')[0]), ['Command', 'Exit code', 'Stdout', 'Stderr']);
  t.is(records.length, 4, 'the error record and the three other-host records');
  t.deepEqual(
    records.map((r) => r.host),
    ['cvol-a', 'cvol-b', 'cvol-b', 'cvol-b'],
    'records still come out in input order',
  );
});

test('a plain line far from its record in time, after other streams, starts no fold', (t) => {
  const [head, ...rest] = failure as [string, ...string[]];
  const late = (rest[0] ?? '').replace('20:13:04.569215', '20:13:09.000000');
  t.true(FOLD_WINDOW_MS < 4000);
  const records = decode([head, ...other(1), late]);
  const error = records.find((r) => r.text.includes('Failed to copy image'));
  t.deepEqual(error?.extra, []);
  t.is(records.length, 3, 'the late line is a record of its own');
});

test('held records are bounded: more than PENDING_RECORDS other entries release the waiting one', (t) => {
  const [head, ...rest] = failure as [string, ...string[]];
  const records = decode([head, ...other(PENDING_RECORDS + 5), ...rest]);
  const error = records.find((r) => r.text.includes('Failed to copy image'));
  t.deepEqual(error?.extra, [], 'too far away to be trusted as its continuation');
  t.is(records.length, 1 + PENDING_RECORDS + 5 + rest.length);
});
