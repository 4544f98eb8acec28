import test from 'ava';
import { spawn } from 'node:child_process';
import { missingProgram } from '../helpers/missing-program.ts';
import { needing } from '../helpers/needing.ts';
import { runCli } from './run-cli.ts';
import { manyVolumes } from './support/many-volumes.ts';

const BURST = 'samples/burst/journal.json';
const ids = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; volumeId?: string; host?: string; start?: string; end?: string; volumes?: { total: number } });

test('--host, --volume, --image, --since/--until filter the timelines of every command, and the summary counts what is kept', async (t) => {
  const all = ids((await runCli(['--json', '--tz', 'UTC', BURST])).stdout);
  const host = ids((await runCli(['--json', '--tz', 'UTC', '--host', 'cvol-a', BURST])).stdout);
  const vols = host.filter((r) => r.kind === 'volume');
  t.is(vols.length, all.filter((r) => r.kind === 'volume' && r.host === 'cvol-a').length);
  t.true(vols.length > 0 && vols.every((r) => r.host === 'cvol-a'));
  t.is(host.find((r) => r.kind === 'summary')?.volumes?.total, vols.length);

  const one = ids((await runCli(['--json', '--tz', 'UTC', '--volume', '25e47228', BURST])).stdout).filter((r) => r.kind === 'volume');
  t.deepEqual(one.map((r) => r.volumeId), ['25e47228-4651-44a9-a2a6-40f6a1bd52ae']);

  const byName = await runCli(['report', '--json', '--tz', 'UTC', '--image', 'ubuntu-22.04-server-cloudimg-amd64', BURST]);
  t.is((JSON.parse(byName.stdout) as { volumes: { total: number } }).volumes.total, 25);
  const none = await runCli(['report', '--json', '--tz', 'UTC', '--image', 'cirros', BURST]);
  t.is((JSON.parse(none.stdout) as { volumes: { total: number } }).volumes.total, 0);

  // In flight at some time in [09:16:00, 09:16:30]: overlap, read in --tz.
  const win = ids((await runCli(['--json', '--tz', 'UTC', '--since', '2026-03-24 09:16', '--until', '2026-03-24T09:16:30', BURST])).stdout).filter((r) => r.kind === 'volume');
  const expected = all.filter((r) => r.kind === 'volume' && Date.parse(r.end ?? '') >= Date.parse('2026-03-24T09:16:00Z') && Date.parse(r.start ?? '') <= Date.parse('2026-03-24T09:16:30Z'));
  t.deepEqual(win.map((r) => r.volumeId).sort(), expected.map((r) => r.volumeId).sort());
  t.true(win.length > 0 && win.length < 25);
  // The same window given in another zone's offset is the same instants.
  const kolkata = ids((await runCli(['--json', '--tz', 'UTC', '--since', '2026-03-24T14:46+05:30', '--until', '2026-03-24T14:46:30+05:30', BURST])).stdout).filter((r) => r.kind === 'volume');
  t.deepEqual(kolkata.map((r) => r.volumeId).sort(), expected.map((r) => r.volumeId).sort());

  const tp = JSON.parse((await runCli(['throughput', '--json', '--tz', 'UTC', '--host', 'cvol-a', BURST])).stdout) as { overall: { metric: string; count: number }[] };
  t.deepEqual(tp.overall.map((r) => [r.metric, r.count]), [['download', 1], ['conversion', 1]]);
});

test('a bad --since is a misuse (exit 2) reported with the other bad options', async (t) => {
  const r = await runCli(['report', '--since', 'yesterday', '--top', '0', '--year', '26', BURST]);
  t.is(r.status, 2);
  t.regex(r.stderr, /--since takes a date and time such as "2026-03-22 10:14"/);
  t.regex(r.stderr, /--top takes a positive whole number/);
  t.regex(r.stderr, /--year takes a four-digit year/);
  t.is(r.stdout, '');
});

function inPty(cmd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // util-linux `script` gives the command a pseudo-terminal, so its stderr is a TTY.
    const c = spawn('script', ['-qec', cmd, '/dev/null'], { env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    c.on('error', reject);
    c.on('close', () => resolve(out));
  });
}

needing(missingProgram('script', 'bsdutils'))('reading a large file shows a progress bar (bytes of total, rate, ETA) on a TTY stderr, and nothing when stderr is not a TTY', async (t) => {
  const big = await manyVolumes(5000);
  for (const command of ['throughput', 'report', '--json']) {
    const tty = await inPty(`test/helpers/clonewatch ${command} --year 2026 ${big} >/dev/null`);
    t.regex(tty, /clonewatch: reading .*\d+% \| [\d.]+ of 3\d\.\d MB \| [\d.]+ MB\/s \| ETA/, `clonewatch ${command}`);
  }
  // With --jobs the workers read the file: the bar follows the ranges they finish, not 0 % until the end.
  const jobs = await inPty(`test/helpers/clonewatch --json --jobs 2 --year 2026 ${big} >/dev/null`);
  const shown = [...jobs.matchAll(/clonewatch: reading .*?(\d+)% \|/g)].map((m) => Number(m[1]));
  t.true(
    shown.some((p) => p > 0 && p < 100),
    `--jobs 2: the percentages shown were ${shown.join(', ')}`,
  );
  const plain = await runCli(['throughput', '--year', '2026', big]);
  t.is(plain.status, 0);
  t.is(plain.stderr, '');
  t.regex(plain.stdout, /^Throughput/);
});
