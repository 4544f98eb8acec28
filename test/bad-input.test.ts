import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyseFiles } from './helpers/analyse-files.ts';

// Bad input never crashes the tool or stops it early: each problem is a diagnostic, the rest of
// the input is still analysed and the line counts add up.

const dir = mkdtempSync(join(tmpdir(), 'clonewatch-bad-'));
const GOOD = 'samples/copy-with-conversion/journal.json';
const run = (args: string[]) => spawnSync('test/helpers/clonewatch', args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
const volumeIds = (stdout: string) =>
  stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; volumeId?: string }).filter((r) => r.kind === 'volume').map((r) => r.volumeId);

test('junk between the lines of a JSON journal: same timelines, every line accounted for', (t) => {
  const lines = readFileSync(GOOD, 'utf8').trimEnd().split('\n');
  const junk = [
    '{"MESSAGE": "cut in half',
    '{"MESSAGE": 12, "__REALTIME_TIMESTAMP": "1"}',
    Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x1b, 0x5b, 0x32, 0x4a]).toString('latin1'),
    'x'.repeat(2 * 1024 * 1024), // longer than the line limit
    '',
  ];
  const mixed = lines.flatMap((l, i) => (i % 10 === 5 ? [l, junk[(i / 10) % junk.length | 0] ?? ''] : [l]));
  const file = join(dir, 'mixed.json');
  writeFileSync(file, mixed.join('\n') + '\n');
  const clean = run(['--json', GOOD]);
  const dirty = run(['--json', file]);
  t.is(dirty.status, 0);
  t.deepEqual(volumeIds(dirty.stdout), volumeIds(clean.stdout));
  t.regex(dirty.stderr, /clonewatch: warning: .*mixed\.json:\d+/);
  const summary = JSON.parse(dirty.stdout.trim().split('\n').at(-1) ?? '{}') as { lines: Record<string, number> };
  const n = (k: string) => summary.lines[k] ?? 0;
  t.is(n('read'), mixed.length);
  t.is(n('recognised') + n('unrecognised') + n('prefiltered') + n('continuation') + n('markers') + n('blank') + n('malformed'), n('read'));
  t.true(n('malformed') >= 3);
});

test('a 50 MB line without a newline, and binary junk, do not stop the analysis', (t) => {
  const file = join(dir, 'huge.log');
  const good = readFileSync('samples/real/01-vn-lvm-volume-log-2020-08.log');
  writeFileSync(file, Buffer.concat([good, Buffer.alloc(50 * 1024 * 1024, 0x41), Buffer.from('\n'), Buffer.from([0, 1, 2, 0xc3, 0x28, 0xa0, 0xa1, 10]), good]));
  const r = run(['--json', file]);
  t.is(r.status, 0);
  // The sample stands before and after the junk: both of its creates are still found.
  t.deepEqual(volumeIds(r.stdout), ['7b8068fd-01dc-44c6-a393-a11c483b99ad', '7b8068fd-01dc-44c6-a393-a11c483b99ad']);
  t.regex(r.stderr, /longer than/);
});

test('.gz input is read transparently, whatever its name', async (t) => {
  const file = join(dir, 'journal.bin');
  writeFileSync(file, gzipSync(readFileSync(GOOD)));
  const a = await analyseFiles([GOOD]);
  const b = await analyseFiles([file]);
  t.deepEqual(b.volumes.map((v) => [v.volumeId, v.provisioning, v.durationMs]), a.volumes.map((v) => [v.volumeId, v.provisioning, v.durationMs]));
  t.is(b.summary.inputs[0]?.format, 'json');
});

test('a truncated .gz keeps what was read and says so', (t) => {
  const file = join(dir, 'cut.gz');
  const gz = gzipSync(readFileSync(GOOD));
  writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.7)));
  const r = run(['--json', file]);
  t.regex(r.stderr, /reading ".*cut\.gz" stopped early/);
  t.true(volumeIds(r.stdout).length >= 1);
});

test('several files are merged by time: per-host journals give the merged journal\'s timelines', async (t) => {
  const entries = readFileSync('samples/multi-host/journal.json', 'utf8').trimEnd().split('\n');
  const byHost = new Map<string, string[]>();
  for (const e of entries) {
    const host = (JSON.parse(e) as { _HOSTNAME?: string })._HOSTNAME ?? '';
    byHost.set(host, [...(byHost.get(host) ?? []), e]);
  }
  const files = [...byHost].map(([host, lines]) => {
    const f = join(dir, `${host}.json`);
    writeFileSync(f, lines.join('\n') + '\n');
    return f;
  });
  t.true(files.length >= 3);
  const merged = await analyseFiles(['samples/multi-host/journal.json']);
  const split = await analyseFiles(files.reverse());
  const key = (v: { volumeId: string | null; provisioning: string | null; start: string | null; end: string | null }) => [v.volumeId, v.provisioning, v.start, v.end];
  t.deepEqual(split.volumes.map(key), merged.volumes.map(key));
});

test('log text cannot act on the terminal: escape sequences in an image name are inert', (t) => {
  const line = readFileSync('samples/real/01-vn-lvm-volume-log-2020-08.log', 'utf8').replace("u'name': u'cirros'", "u'name': u'\u001b]0;pwned\u0007\u001b[2Jcirros\u009b31m'");
  const file = join(dir, 'evil.log');
  writeFileSync(file, line);
  const r = run([file]);
  t.is(r.status, 0);
  t.false(/[\u001b\u0007\u009b]/.test(r.stdout), 'no ESC, BEL or CSI reaches the terminal');
  t.regex(r.stdout, /cirros/);
});

test('--diagnostics shows the first unrecognised lines with file and line', (t) => {
  const r = run(['--diagnostics', '2', 'samples/real/20-kilo-rdo-lvm-lio-create-from-image-x2.log']);
  const infos = r.stderr.split('\n').filter((l) => l.includes('info: Not recognised'));
  t.is(infos.length, 2);
  t.regex(infos[0] ?? '', /\(at samples\/real\/20-kilo-rdo-lvm-lio-create-from-image-x2\.log:\d+\)$/);
});
