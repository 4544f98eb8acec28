import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VolumeRecordSchema } from '../../src/schema/volume-record.ts';

// Log text is untrusted (tenants name images and volumes): printed to a terminal it stays inert,
// as JSON it stays valid whatever its bytes; time faults never give a negative duration; --strict.

const dir = mkdtempSync(join(tmpdir(), 'clonewatch-untrusted-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));
const GOOD = 'samples/real/01-vn-lvm-volume-log-2020-08.log';
const run = (args: string[], input?: Buffer) => spawnSync('test/helpers/clonewatch', args, { input: input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' }, maxBuffer: 64 << 20 });
const file = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

// OSC title, clear screen, C1 CSI, bidi override and isolate, NUL, BEL, DEL, line separator.
const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202egnp.exe\u202c\u2066x\u2069\u0000\u007f\u2028';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test('an image name carrying escape sequences, C1 controls and bidi overrides prints inert, in timelines and in diagnostics', (t) => {
  const text = readFileSync(GOOD, 'utf8').replace("u'name': u'cirros'", `u'name': u'${EVIL}cirros'`);
  const evil = file('evil.log', `${text}2020-08-01 13:50:00.000 4520 INFO cinder.volume.manager [-] ${EVIL.replace('\u0000', '')} not a log line\n`);
  const r = run(['--diagnostics', '5', evil]);
  t.is(r.status, 0);
  t.regex(r.stdout, /cirros/);
  for (const [name, out] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    const bad = out.split('\n').find((l) => UNSAFE.test(l));
    t.is(bad, undefined, `${name} carries a control character: ${JSON.stringify(bad)}`);
  }
  t.regex(r.stderr, /info: Not recognised: .*not a log line/, 'the line is shown in the diagnostic, made inert');
});

test('JSON output is valid, one record per line, whatever the bytes: invalid UTF-8, lone surrogates, NULs', (t) => {
  const good = readFileSync(GOOD);
  const at = good.indexOf("u'cirros'") + 3;
  const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80, 0x00, 0xff]), Buffer.from('\\ud800"'), good.subarray(at)]);
  // A JSON journal whose MESSAGE escapes a lone surrogate and a NUL.
  const json = '{"MESSAGE":"lone \\ud800 surrogate \\u0000 nul","_HOSTNAME":"h\\udfff","__REALTIME_TIMESTAMP":"1774170000000000","SYSLOG_IDENTIFIER":"cinder-volume"}\n';
  for (const [name, data] of [['bad.log', bad], ['lone.json', Buffer.from(json)]] as const) {
    const r = run(['--json', '--diagnostics', '3', file(name, data)]);
    t.is(r.status, 0, name);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) {
      const rec = JSON.parse(l) as { kind: string };
      if (rec.kind === 'volume') t.true(VolumeRecordSchema.safeParse(rec).success, l.slice(0, 200));
    }
    t.is(JSON.parse(lines.at(-1) ?? '{}').kind, 'summary', name);
  }
});

/** Every number anywhere in a JSON record whose key names a duration is >= 0; no human "-" duration. */
function noNegativeDurations(t: import('ava').ExecutionContext, stdout: string) {
  for (const l of stdout.trimEnd().split('\n')) {
    JSON.parse(l, (key, value: unknown) => {
      if (typeof value === 'number' && /durationMs|longestMs|Ms$/.test(key)) t.true(value >= 0, `${key} = ${value}`);
      return value;
    });
  }
}

test('time faults: a clock jump backwards inside a flow never gives a negative duration', (t) => {
  const lines = readFileSync(GOOD, 'utf8').split('\n');
  // Move the second half of the flow one hour back (an NTP step on the host).
  const back = lines.map((l, i) => (i > lines.length / 2 ? l.replace(/^2020-08-01 13:/, '2020-08-01 12:') : l)).join('\n');
  const f = file('jump.log', back);
  const json = run(['--json', f]);
  t.is(json.status, 0);
  noNegativeDurations(t, json.stdout);
  const human = run([f]);
  t.notRegex(human.stdout, /(^|\s)-\d/m, 'no negative number printed');
});

test('time faults: a reboot marker inside a journal, a short journal crossing New Year, a cat stream without times', (t) => {
  const json = readFileSync('samples/copy-with-conversion/journal.short-precise.txt', 'utf8').split('\n');
  const rebooted = file('reboot.txt', [...json.slice(0, 40), '-- Boot 0123456789abcdef0123456789abcdef --', ...json.slice(40)].join('\n'));
  const year = readFileSync('samples/year-rollover/journal.short-precise.txt');
  const cat = readFileSync('samples/copy-with-conversion/journal.cat.txt');
  for (const [args, want] of [
    [['--json', rebooted], 'reboot'],
    [['--json', '--year', '2025', file('newyear.txt', year)], 'new year'],
    [['--json', file('cat.txt', cat)], 'cat'],
  ] as const) {
    const r = run([...args]);
    t.is(r.status, 0, want);
    noNegativeDurations(t, r.stdout);
    t.true(r.stdout.includes('"kind":"volume"'), `${want}: timelines still found`);
  }
});

test('--strict: exit 1 on malformed lines, unreadable inputs and incomplete flows; 0 on a clean log full of unrecognised lines', (t) => {
  const clean = run(['--strict', '--json', 'samples/real/20-kilo-rdo-lvm-lio-create-from-image-x2.log']);
  t.is(clean.status, 0, 'a real cinder-volume log, mostly lines clonewatch does not recognise, passes');
  const summary = JSON.parse(clean.stdout.trimEnd().split('\n').at(-1) ?? '{}') as { lines: { unrecognised: number; prefiltered: number } };
  t.true(summary.lines.unrecognised + summary.lines.prefiltered > 0);
  t.is(run(['--json', 'samples/incomplete/journal.json']).status, 0, 'an incomplete flow alone is fine without --strict');
  t.is(run(['--strict', '--json', 'samples/incomplete/journal.json']).status, 1, 'incomplete flow');
  t.is(run(['--strict', '--json', file('malformed.json', '{"MESSAGE": "cut in half\n')]).status, 1, 'malformed line');
  t.is(run(['--strict', '--json', GOOD, join(dir, 'no-such.log')]).status, 1, 'unreadable input');
});
