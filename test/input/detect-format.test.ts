import test from 'ava';
import { detectFormat } from '../../src/input/detect-format.ts';
import type { InputFormat } from '../../src/model/log-record.ts';
import { pseudoRandomBytes, readShared, sharedFiles, sharedTest } from './fixtures.ts';

const detects = test.macro({
  exec(t, buf: Buffer, expected: InputFormat | null) {
    t.is(detectFormat(buf), expected);
  },
  title: (provided, _buf: Buffer, expected: InputFormat | null) => `detectFormat: ${provided ?? ''} → ${expected}`,
});

/** detects, for a file of the shared reference material (read when the test runs). */
const detectsShared = test.macro({
  exec(t, parts: string[], expected: InputFormat) {
    t.is(detectFormat(readShared(...parts)), expected);
  },
  title: (provided, _parts: string[], expected: InputFormat) => `detectFormat: ${provided ?? ''} → ${expected}`,
});

const MODES = [
  'short', 'short-precise', 'short-iso', 'short-iso-precise', 'short-full', 'with-unit', 'short-unix',
  'short-monotonic', 'short-delta', 'verbose', 'cat', 'json', 'json-pretty', 'json-sse', 'json-seq', 'export',
] as const;

for (const v of ['out247', 'out252', 'out254', 'out257']) {
  const present = new Set(sharedFiles(`journalctl-output/${v}`, '.txt'));
  for (const mode of MODES) {
    if (!present.has(`${mode}.txt`)) continue; // e.g. short-delta is an error in v247
    sharedTest(`${v}/${mode}.txt`, detectsShared, ['journalctl-output', v, `${mode}.txt`], mode);
  }
}

for (const f of ['export1.bin', 'e3.bin', 'e4.bin', 'e5.bin', 'e6.bin']) {
  sharedTest(f, detectsShared, ['journalctl-output', f], 'export');
}

sharedTest('outdev short-precise', detectsShared, ['journalctl-output', 'outdev', 'short-precise.252.txt'], 'short-precise');
sharedTest('outdev short-precise -a', detectsShared, ['journalctl-output', 'outdev', 'short-precise-a.252.txt'], 'short-precise');
sharedTest('outdev json', detectsShared, ['journalctl-output', 'outdev', 'json.252.txt'], 'json');
sharedTest('outdev cat', detectsShared, ['journalctl-output', 'outdev', 'cat.252.txt'], 'cat');
sharedTest('oslo-file-default.log', detectsShared, ['journalctl-output', 'oslo-file-default.log'], 'oslo');
sharedTest('devstack oslo stdout (no timestamps)', detectsShared, ['journalctl-output', 'oslo-devstack-stdout.txt'], 'cat');

for (const f of sharedFiles('real-logs', '.log')) {
  sharedTest(`real-logs/${f}`, detectsShared, ['real-logs', f], 'oslo');
}

test('empty input', detects, Buffer.alloc(0), null);
test('only blank lines', detects, Buffer.from('\n\n  \n'), null);
test('only markers: a short-family output with no entries', detects, Buffer.from('\n-- No entries --\n'), 'short');
test('binary junk', detects, pseudoRandomBytes(4096), null);
test('plain text', detects, Buffer.from('hello\nworld\n'), 'cat');
test(
  'colourised json',
  detects,
  Buffer.from('{"\x1b[0;32m__SEQNUM\x1b[0m":"\x1b[0;32m8\x1b[0m","\x1b[0;32mMESSAGE\x1b[0m":"\x1b[0;32mhi\x1b[0m"}\n'),
  'json',
);
test('export starting with a binary field', detects, Buffer.concat([Buffer.from('MESSAGE\n'), Buffer.from([3, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('a\nb\n\n')]), 'export');
test('json-sse', detects, Buffer.from('data: {"MESSAGE":"x"}\n\n'), 'json-sse');
test('json-seq', detects, Buffer.from('\x1e{"MESSAGE":"x"}\n'), 'json-seq');
test('short with a header line', detects, Buffer.from('-- Logs begin at Fri 2020-08-14 08:39:06 UTC, end at Fri 2020-08-14 09:15:49 UTC. --\nAug 14 08:39:06 h k: x\n'), 'short');
test(
  'doc-indented oslo excerpt',
  detects,
  Buffer.from('    ...\n    2016-08-13 13:25:16.646 6626 INFO x.y [req-...] m\n    ...\n'),
  'oslo',
);
test('majority wins over a stray line', detects, Buffer.from('x\nJan 01 00:00:00 h a: 1\nJan 01 00:00:01 h a: 2\n2020-01-01 00:00:00.000 1 INFO a.b [-] x\n'), 'short');
test(
  'short-full whose messages mention units is not with-unit',
  detects,
  Buffer.from('Tue 2024-12-31 23:59:58 UTC node1 systemd[1]: foo.service: Main process exited\nTue 2024-12-31 23:59:58 UTC node1 systemd[1]: bar.service: Deactivated\n'),
  'short-full',
);
test('with-unit with a user unit', detects, Buffer.from('Wed 2025-01-01 00:00:01 UTC node1 user@1000.service/org.gnome.Shell@x11.service[2001]: user unit message\n'), 'with-unit');
