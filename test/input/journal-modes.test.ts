import test from 'ava';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { detectFormat } from '../../src/input/detect-format.ts';
import type { InputFormat, LogRecord } from '../../src/model/log-record.ts';
import { readShared, sharedFiles, sharedTest, statsAddUp } from './fixtures.ts';

/**
 * The logical entries of export1.bin (gen.py) as every short mode shows them, in order.
 * `blob` marks messages that the text modes print as `[NB blob data]`.
 */
const ENTRIES: readonly { ident: string | null; pid: number | null; text: string; blob?: boolean; us: number }[] = [
  { ident: 'systemd', pid: 1, text: 'Started devstack@c-vol.service - Devstack devstack@c-vol.service.', us: 0 },
  { ident: 'kernel', pid: null, text: 'EXT4-fs (sda1): mounted filesystem with ordered data mode.', us: 1_000_000 },
  { ident: 'cinder-volume', pid: 326427, text: 'Failed to create volume: oops', us: 2_000_000 },
  { ident: 'cinder-volume', pid: 326427, text: 'Created volume', us: 2_100_000 },
  { ident: 'python3', pid: 777, text: 'no SYSLOG_IDENTIFIER here, _COMM used', us: 2_200_000 },
  { ident: 'sshd', pid: 555, text: 'Accepted publickey for root from 10.0.0.1 port 5555 ssh2', us: 2_250_000 },
  { ident: 'fakepid', pid: 4242, text: 'only SYSLOG_PID, no _PID, no _COMM', us: 2_400_000 },
  { ident: null, pid: 9, text: 'neither SYSLOG_IDENTIFIER nor _COMM', us: 2_500_000 },
  { ident: 'binapp', pid: 10, text: '', blob: true, us: 2_600_000 },
  { ident: 'tabapp', pid: 11, text: 'col1        col2        col3', us: 2_700_000 },
  { ident: 'longapp', pid: 12, text: 'L'.repeat(5000), us: 2_800_000 },
  { ident: 'multi', pid: 13, text: 'repeated TAG field', us: 2_900_000 },
  { ident: 'empty', pid: 14, text: '', us: 3_000_000 },
  { ident: 'gnome-shell', pid: 2001, text: 'user unit message', us: 3_200_000 },
  { ident: 'trail', pid: 16, text: 'trailing newline', us: 3_300_000 },
  { ident: 'audit', pid: 1, text: `SERVICE_START pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=foo comm="systemd" res=success'`, us: 3_400_000 },
  { ident: 'cr', pid: 17, text: '', blob: true, us: 3_500_000 },
  { ident: 'utf8', pid: 18, text: 'ünïcödé ✓ 日本語', us: 3_600_000 },
  { ident: 'quote', pid: 19, text: '', blob: true, us: 3_700_000 },
  { ident: 'ml2', pid: 20, text: 'line1', us: 3_800_000 },
  { ident: 'kernel', pid: null, text: 'Linux version 6.1.0-18-amd64', us: 60_000_000 },
  { ident: 'systemd', pid: 1, text: 'systemd 252 running in system mode', us: 61_000_000 },
];

const BASE_US = 1735689598123456;
const BOOT_A = 'a'.repeat(32);
const BOOT_B = 'b'.repeat(32);
const JSONISH = new Set<InputFormat>(['json', 'json-pretty', 'json-sse', 'json-seq']);
const SECONDS_ONLY = new Set<InputFormat>(['short', 'short-iso', 'short-full', 'with-unit']);
const NO_CLOCK = new Set<InputFormat>(['short-monotonic', 'short-delta']);
const isBlob = (s: string): boolean => /^\[\d+(?:\.\d)?[BKMG] blob data\]$/.test(s) || /[\x00-\x08\x0b-\x1f\x7f\ufffd]/.test(s);

/** The logical view of a record that must be the same in every mode. */
function logical(r: LogRecord, format: InputFormat): { ident: string | null; pid: number | null; text: string; blob: boolean } {
  const ident = format === 'with-unit' ? null : r.ident === 'unknown' ? null : r.ident;
  const blob = isBlob(r.text);
  return { ident, pid: r.pid, text: blob ? '' : r.text.replace(/\t/g, '        '), blob };
}

type Expected = { ident: string | null; pid: number | null; text: string; blob: boolean; us: number };

function expectedFor(format: InputFormat): Expected[] {
  return ENTRIES.filter((e) => !(JSONISH.has(format) && e.ident === 'longapp')).map((e, i) => {
    // verbose prints the devstack-coloured DEBUG MESSAGE as a blob; the short modes strip its SGR codes.
    const blob = e.blob === true || (format === 'verbose' && i === 3);
    return { ident: format === 'with-unit' ? null : e.ident, pid: e.pid, text: blob ? '' : e.text, blob, us: e.us };
  });
}

const VERSIONS = ['out247', 'out252', 'out254', 'out257'];
const MODES: InputFormat[] = [
  'short', 'short-precise', 'short-iso', 'short-iso-precise', 'short-full', 'with-unit', 'short-unix',
  'short-monotonic', 'short-delta', 'verbose', 'json', 'json-pretty', 'json-sse', 'json-seq', 'export',
];

const decodesMode = test.macro({
  exec(t, version: string, format: InputFormat) {
    const buf = readShared('journalctl-output', version, `${format}.txt`);
    t.is(detectFormat(buf), format);
    const { records, stats, diagnostics } = decodeBuffer(buf, { input: `${version}/${format}.txt`, format, year: 2024, zone: 'UTC' });
    t.true(statsAddUp(stats), JSON.stringify(stats));
    t.is(stats.records, records.length);

    // Same logical entries as every other mode; a message printed as `[NB blob data]` (text modes
    // without --all) has no text: it is counted in stats.blob, not a record.
    const all = expectedFor(format);
    const printedAsBlob = (e: Expected) => e.blob && !JSONISH.has(format) && format !== 'export';
    const expected = all.filter((e) => !printedAsBlob(e));
    t.is(stats.blob, all.filter(printedAsBlob).length);
    t.deepEqual(
      records.map((r) => logical(r, format)),
      expected.map(({ us: _us, ...rest }) => rest),
    );
    t.true(records.every((r) => r.host === 'node1'));

    // The cinder traceback entry: oslo fields, 4 folded lines.
    const tb = records[2];
    t.is(tb?.level, 'ERROR');
    t.is(tb?.logger, 'cinder.volume.manager');
    t.is(tb?.requestId, 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80');
    t.is(tb?.globalRequestId, null);
    t.is(tb?.project, 'admin');
    t.is(tb?.user, 'admin');
    t.deepEqual(tb?.extra, [
      'Traceback (most recent call last):',
      '  File "/opt/stack/cinder/cinder/volume/manager.py", line 123, in create_volume',
      "    raise Exception('oops')",
      'Exception: oops',
    ]);
    if (format !== 'verbose') {
      const dbg = records[3];
      t.is(dbg?.level, 'DEBUG');
      t.is(dbg?.codePid, 326427);
      t.is(dbg?.func, 'create_volume');
      t.is(dbg?.requestId, 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80');
    }
    // The multi-line ml2 entry keeps its blank inner line.
    t.deepEqual(records.find((r) => r.ident === 'ml2')?.extra, ['line2', '', 'line4 after blank']);
    // Non-oslo services have no level or logger.
    t.true(records.filter((r) => r.ident !== 'cinder-volume' && r.ident !== 'devstack@c-vol.service').every((r) => r.level === null && r.logger === null));

    // Boots: markers in the text modes, _BOOT_ID in json/export.
    const markers = JSONISH.has(format) || format === 'export' ? 0 : version === 'out247' ? 2 : 1;
    t.is(stats.markers, markers);
    t.is(records.at(-1)?.bootId, BOOT_B);
    t.is(records.at(-2)?.bootId, BOOT_B);
    if (markers === 0 || format === 'verbose') t.is(records[0]?.bootId, BOOT_A);

    // Times.
    records.forEach((r, i) => {
      const us = expected[i]?.us ?? NaN;
      const exact = Math.floor((BASE_US + us) / 1000) + ((BASE_US + us) % 1000) / 1000;
      if (NO_CLOCK.has(format)) t.is(r.time, null);
      else if (SECONDS_ONLY.has(format)) t.is(r.time, Math.floor(exact / 1000) * 1000, `time of record ${i}`);
      else t.is(r.time, exact, `time of record ${i}`);
    });

    // JSON modes leave out the >= 4096-byte MESSAGE and say how to get it.
    if (JSONISH.has(format)) {
      t.is(stats.malformed, 1);
      t.is(diagnostics.find((d) => d.code === 'message-too-large-for-json')?.message.includes('-a'), true);
    } else {
      t.is(stats.malformed, 0);
      t.true(records.some((r) => r.text === 'L'.repeat(5000)));
    }
    // Text modes fold the continuation lines: 4 traceback + 3 ml2 lines.
    if (!JSONISH.has(format) && format !== 'export' && format !== 'verbose') t.is(stats.continuation, 7);
  },
  title: (_p, version: string, format: InputFormat) => `${version}/${format}.txt decodes to the same entries`,
});

for (const v of VERSIONS) {
  const present = new Set(sharedFiles(`journalctl-output/${v}`, '.txt'));
  for (const mode of MODES) {
    if (present.has(`${mode}.txt`)) sharedTest(decodesMode, v, mode);
  }
}

sharedTest('with-unit puts the unit in ident and unit', (t) => {
  const { records } = decodeBuffer(readShared('journalctl-output', 'out252', 'with-unit.txt'), { input: 'w', format: 'with-unit', year: 2024, zone: 'UTC' });
  t.is(records[0]?.ident, 'init.scope');
  t.is(records[0]?.unit, 'init.scope');
  t.is(records[1]?.ident, 'kernel');
  t.is(records[1]?.unit, null);
  t.is(records[2]?.ident, 'devstack@c-vol.service');
  t.is(records[2]?.unit, 'devstack@c-vol.service');
  t.is(records.find((r) => r.pid === 2001)?.unit, 'user@1000.service/org.gnome.Shell@x11.service');
});

sharedTest('json gives unit, and ident from _COMM when SYSLOG_IDENTIFIER is missing', (t) => {
  const { records } = decodeBuffer(readShared('journalctl-output', 'out252', 'json.txt'), { input: 'j', format: 'json', year: 2024, zone: 'UTC' });
  t.is(records[2]?.unit, 'devstack@c-vol.service');
  t.is(records.find((r) => r.pid === 777)?.ident, 'python3');
  t.is(records.find((r) => r.pid === 4242)?.ident, 'fakepid');
  t.is(records.find((r) => r.pid === 10)?.text, 'bin\x01ary\ufffd\ufffd data');
  t.is(records.find((r) => r.pid === 17)?.text, 'carriage\rreturn');
});

sharedTest('cat: no time or host, oslo records fold what follows them', (t) => {
  const buf = readShared('journalctl-output', 'out252', 'cat.txt');
  const { records, stats } = decodeBuffer(buf, { input: 'cat', format: 'cat', year: 2024, zone: 'UTC' });
  t.true(statsAddUp(stats));
  t.true(records.every((r) => r.time === null && r.host === null && r.ident === null && r.pid === null));
  t.is(records[0]?.text, 'Started devstack@c-vol.service - Devstack devstack@c-vol.service.');
  t.is(records[2]?.level, 'ERROR');
  t.is(records[2]?.extra.length, 4);
  t.is(records[3]?.level, 'DEBUG');
  t.is(records[3]?.codePid, 326427);
  t.is(stats.blank, 3);
});

sharedTest('sshd source realtime is used for json, short and verbose alike', (t) => {
  const times = ['json', 'short-precise', 'verbose', 'export'].map((f) => {
    const format = f as InputFormat;
    const { records } = decodeBuffer(readShared('journalctl-output', 'out254', `${f}.txt`), { input: f, format, year: 2024, zone: 'UTC' });
    return records.find((r) => r.ident === 'sshd')?.time;
  });
  t.deepEqual(times, Array(4).fill(Math.floor((BASE_US + 2_250_000) / 1000) + 0.456));
});
