import test from 'ava';
import { decodeBuffer, decodeChunks } from '../helpers/decode-buffer.ts';
import type { InputFormat, LogRecord } from '../../src/model/log-record.ts';
import { comparable, lineDecoder, readShared, sharedTest, statsAddUp } from './fixtures.ts';

// createChunkFeed is how readRecords hands every input's chunks to its decoder (split2 for text
// formats): the records never depend on where the chunks break, down to one byte.

const slices = (buf: Buffer, size: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
};
const chunked = (buf: Buffer, format: InputFormat, size: number, maxLineLength?: number): { records: LogRecord[]; stats: object; diagnostics: object[] } =>
  decodeChunks(slices(buf, size), { input: 'x', format, year: 2024, zone: 'UTC' }, maxLineLength);

const sameAsLines = test.macro({
  exec(t, file: string[], format: InputFormat) {
    const buf = readShared(...file);
    const whole = decodeBuffer(buf, { input: 'x', format, year: 2024, zone: 'UTC' });
    for (const size of [1, 5, 4096]) {
      const c = chunked(buf, format, size);
      t.deepEqual(c.records.map(comparable), whole.records.map(comparable), `chunk ${size}`);
      t.deepEqual(c.stats, whole.stats);
    }
  },
  title: (_p, file: string[], format: InputFormat) => `chunks of 1, 5 and 4096 bytes = one chunk for ${file.join('/')} (${format})`,
});

sharedTest(sameAsLines, ['journalctl-output', 'out252', 'short-precise.txt'], 'short-precise');
sharedTest(sameAsLines, ['journalctl-output', 'out252', 'json.txt'], 'json');
sharedTest(sameAsLines, ['journalctl-output', 'out254', 'json-pretty.txt'], 'json-pretty');
sharedTest(sameAsLines, ['journalctl-output', 'out257', 'verbose.txt'], 'verbose');
sharedTest(sameAsLines, ['journalctl-output', 'outdev', 'short-precise-a.252.txt'], 'short-precise');
sharedTest(sameAsLines, ['real-logs', '14-packstack-stein-lvm-not-qcow2-full-failure.log'], 'oslo');

test('CRLF line ends and a last line without a newline', (t) => {
  const text = 'Jan 01 00:00:00 h a[1]: one\r\nJan 01 00:00:01 h a[1]: two\r\nJan 01 00:00:02 h a[1]: three';
  const r = decodeBuffer(Buffer.from(text), { input: 'x', format: 'short', year: 2024, zone: 'UTC' });
  t.deepEqual(
    r.records.map((x) => x.text),
    ['one', 'two', 'three'],
  );
  const c = chunked(Buffer.from(text), 'short', 1);
  t.deepEqual(c.records.map(comparable), r.records.map(comparable));
});

test('over-long lines are skipped whole, counted in order, wherever the chunks break', (t) => {
  const MAX = 40;
  const long = (c: string) => c.repeat(MAX + 5);
  const lines = ['Jan 01 00:00:00 h a[1]: one', long('a'), long('b'), 'Jan 01 00:00:01 h a[1]: two', `Jan 01 00:00:02 h a[1]: ${long('c')}`, 'Jan 01 00:00:03 h a[1]: three', long('d')];
  const buf = Buffer.from(lines.join('\n'));
  for (const size of [1, 3, 7, 16, 50, 4096]) {
    const r = chunked(buf, 'short', size, MAX);
    t.deepEqual(
      r.records.map((x) => x.text),
      ['one', 'two', 'three'],
      `chunk ${size}`,
    );
    t.deepEqual(r.stats, { read: 7, records: 3, continuation: 0, markers: 0, blank: 0, malformed: 4, blob: 0, prefiltered: 0 }, `chunk ${size}`);
    t.deepEqual(
      r.diagnostics.map((d) => (d as { code: string; where: { line: number } }).where.line),
      [2, 3, 5, 7],
      `chunk ${size}`,
    );
  }
});

test('a multi-byte character split across chunks', (t) => {
  const buf = Buffer.from('Jan 01 00:00:00 h a[1]: ünïcödé ✓ 日本語\n');
  const c = chunked(buf, 'short', 1);
  t.is(c.records[0]?.text, 'ünïcödé ✓ 日本語');
});

test('the held record waits for its continuation lines; flushHeld and end emit it', (t) => {
  const d = lineDecoder({ input: 'x', format: 'short', year: 2024, zone: 'UTC' });
  t.deepEqual(d.line('Jan 01 00:00:00 h cinder-volume[1]: ERROR c.v [None req-1 a b] Failed'), []);
  t.deepEqual(d.line('                                    Traceback (most recent call last):'), []);
  const flushed = d.flushHeld();
  t.is(flushed.length, 1);
  t.deepEqual(flushed[0]?.extra, ['Traceback (most recent call last):']);
  t.deepEqual(d.flushHeld(), []);
  t.deepEqual(d.line('Jan 01 00:00:01 h sshd[2]: next'), []);
  const next = d.line('Jan 01 00:00:02 h sshd[2]: and the next');
  t.deepEqual(
    next.map((r) => r.text),
    ['next'],
  );
  t.deepEqual(
    d.end().map((r) => r.text),
    ['and the next'],
  );
  t.true(statsAddUp(d.stats));
});

test('short: an indented line with no record before it is an orphan continuation', (t) => {
  const r = decodeBuffer(Buffer.from('   orphan\nJan 01 00:00:00 h a[1]: x\n'), { input: 'x', format: 'short', year: 2024, zone: 'UTC' });
  t.deepEqual(r.stats, { read: 2, records: 1, continuation: 1, markers: 0, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });
});

test('short: identifiers with spaces, no host, kernel lines, empty message', (t) => {
  const { records } = decodeBuffer(
    Buffer.from(
      [
        'Dec 31 23:59:58 nohost[1]: entry without _HOSTNAME',
        'Dec 31 23:59:58 node1 my app[2]: identifier with space, debug prio',
        'Dec 31 23:59:58 node1 (sd-pam)[3]: pam: err prio: with: colons',
        'Dec 31 23:59:58 node1 emerg: no pid at all, prio 0',
        'Jan 01 00:00:58 kernel: Linux version 6.1.0-18-amd64',
        'Jan 01 00:00:01 node1 empty[14]: ',
        'Jan 01 00:00:01 node1 gdm-password][77]: odd ident',
      ].join('\n'),
    ),
    { input: 'x', format: 'short', year: 2024, zone: 'UTC' },
  );
  t.deepEqual(
    records.map((r) => [r.host, r.ident, r.pid, r.text]),
    [
      [null, 'nohost', 1, 'entry without _HOSTNAME'],
      ['node1', 'my app', 2, 'identifier with space, debug prio'],
      ['node1', '(sd-pam)', 3, 'pam: err prio: with: colons'],
      ['node1', 'emerg', null, 'no pid at all, prio 0'],
      [null, 'kernel', null, 'Linux version 6.1.0-18-amd64'],
      ['node1', 'empty', 14, ''],
      ['node1', 'gdm-password]', 77, 'odd ident'],
    ],
  );
});

test('short: markers are counted and a boot marker sets bootId; -- Reboot -- clears it', (t) => {
  const text = [
    '-- Logs begin at Fri 2020-08-14 08:39:06 UTC, end at Fri 2020-08-14 09:15:49 UTC. --',
    'Aug 14 08:39:06 h a[1]: one',
    '-- Boot 0123456789abcdef0123456789abcdef --',
    'Aug 14 08:39:07 h a[1]: two',
    '░░ Subject: A start job for unit x has finished successfully',
    '░░ ',
    '-- Reboot --',
    'Aug 14 08:39:08 h a[1]: three',
    '-- cursor: s=1;i=2',
    '-- No entries --',
  ].join('\n');
  const r = decodeBuffer(Buffer.from(text), { input: 'x', format: 'short', year: 2020, zone: 'UTC' });
  t.deepEqual(r.stats, { read: 10, records: 3, continuation: 0, markers: 7, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });
  t.deepEqual(
    r.records.map((x) => x.bootId),
    [null, '0123456789abcdef0123456789abcdef', null],
  );
});

test('coloured journalctl short output (markers and messages) is stripped', (t) => {
  const text = '\x1b[0;1;39m-- Boot 0123456789abcdef0123456789abcdef --\x1b[0m\nJan 01 00:00:00 h a[1]: \x1b[0;1;31m\x1b[0;1;31mfailed\x1b[0m\n';
  const r = decodeBuffer(Buffer.from(text), { input: 'x', format: 'short', year: 2024, zone: 'UTC' });
  t.is(r.stats.markers, 1);
  t.is(r.records[0]?.text, 'failed');
  t.is(r.records[0]?.bootId, '0123456789abcdef0123456789abcdef');
});

test('empty input gives nothing and adds up', (t) => {
  for (const format of ['short', 'json', 'oslo', 'export', 'verbose', 'json-pretty'] as const) {
    const r = decodeBuffer(Buffer.alloc(0), { input: 'x', format, year: 2024, zone: 'UTC' });
    t.deepEqual(r.records, []);
    t.is(r.stats.read, 0);
  }
});
