import test from 'ava';
import { readFileSync } from 'node:fs';
import { FOLD_WINDOW_MS, PENDING_RECORDS } from '../../src/input/create-record-assembler.ts';
import { decodeBuffer } from '../helpers/decode-buffer.ts';

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

test('after 200,000 short-lived processes a traceback still folds into its record, and their streams are not kept', async (t) => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  const { lineDecoder } = await import('./fixtures.ts');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const dec = lineDecoder(opts);
  let records = 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  // One line per process (sudo, sshd children, periodic helpers): each PID seen once.
  for (let pid = 1; pid <= 200_000; pid++) {
    records += dec.line(`Mar 19 20:13:04.569210 cvol-a sudo[${pid}]: INFO oslo.privsep.daemon [-] process ${pid} started`).length;
  }
  const [head, ...rest] = failure as [string, ...string[]];
  records += dec.line(head).length + dec.line(other(1)[0] as string).length;
  for (const l of rest) records += dec.line(l).length;
  gc();
  // Measured before end(), which lets go of everything the decoder holds.
  const retainedMiB = (process.memoryUsage().heapUsed - before) / 1048576;
  const tail = dec.end();
  const error = tail.find((r) => r.text.includes('Failed to copy image'));
  t.deepEqual(error?.extra.map((e) => e.split(':')[0]), ['Command', 'Exit code', 'Stdout', 'Stderr']);
  t.is(records + tail.length, 200_002);
  t.true(retainedMiB < 8, `${retainedMiB.toFixed(1)} MiB still live`);
});
