import test from 'ava';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// The CLI as a user meets it: clonewatch spawned (from the sources, test/helpers/clonewatch), stdin, files, exit codes, help, bad options.

const BIN = 'test/helpers/clonewatch';
const SAMPLE = 'samples/real/01-vn-lvm-volume-log-2020-08.log';
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(BIN, args, { input: input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });

test('--help lists the options and exits 0', (t) => {
  const r = run(['--help']);
  t.is(r.status, 0);
  for (const flag of ['--json', '--input-format', '--year', '--tz', '--idle-timeout', '--diagnostics']) t.true(r.stdout.includes(flag), flag);
});

test('--version prints the package version', (t) => {
  const r = run(['--version']);
  t.is(r.status, 0);
  t.is(r.stdout.trim(), (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
});

test('an unknown option exits 2 with a clear message', (t) => {
  const r = run(['--frobnicate']);
  t.is(r.status, 2);
  t.regex(r.stderr, /unknown option '--frobnicate'/);
  t.regex(r.stderr, /clonewatch --help/);
});

test('every bad option value is reported at once, exit 2', (t) => {
  const r = run(['--year', '26', '--tz', 'Mars/Olympus', '--idle-timeout', 'soon', SAMPLE]);
  t.is(r.status, 2);
  t.regex(r.stderr, /--year takes a four-digit year/);
  t.regex(r.stderr, /--tz takes an IANA zone name/);
  t.regex(r.stderr, /--idle-timeout takes a duration/);
  t.is(r.stdout, '');
});

test('--input-format rejects an unknown format with the list of formats', (t) => {
  const r = run(['--input-format', 'xml', SAMPLE]);
  t.is(r.status, 2);
  t.regex(r.stderr, /short-precise/);
});

test('a missing file is an error (exit 1) but the other files are still analysed', (t) => {
  const r = run(['--json', 'no/such/file.log', SAMPLE]);
  t.is(r.status, 1);
  t.regex(r.stderr, /"no\/such\/file.log" does not exist/);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; volumeId?: string });
  t.deepEqual(records.filter((x) => x.kind === 'volume').map((x) => x.volumeId), ['7b8068fd-01dc-44c6-a393-a11c483b99ad']);
});

test('reads stdin when no file is given, and "-" for stdin', (t) => {
  const text = readFileSync(SAMPLE);
  for (const args of [['--json'], ['--json', '-']]) {
    const r = run(args, text);
    t.is(r.status, 0);
    t.regex(r.stdout, /"kind":"volume".*"provisioning":"copy"/);
    t.regex(r.stdout, /"kind":"summary"/);
  }
});

test('human output: a timeline per volume then a summary, without colour when NO_COLOR is set', (t) => {
  const r = run([SAMPLE]);
  t.is(r.status, 0);
  t.regex(r.stdout, /^COPY 7b8068fd-01dc-44c6-a393-a11c483b99ad {2}copy qcow2→raw/m);
  t.regex(r.stdout, /why not a clone:/);
  t.regex(r.stdout, /^Summary$/m);
  t.false(r.stdout.includes('\u001b'));
});

test('a closed stdout (| head) ends quietly', async (t) => {
  const big = Buffer.concat(Array.from({ length: 400 }, () => readFileSync(SAMPLE)));
  const child = spawn(BIN, ['--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  child.stdin.on('error', () => {}); // the child may exit before it has read all of stdin
  child.stdin.end(big);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  t.is(code, 0);
  t.false(/Error|EPIPE/.test(stderr), stderr);
});

test('--help | head ends quietly too (commander writes the help straight to stdout)', (t) => {
  for (const args of ['--help', 'report --help']) {
    const r = spawnSync('sh', ['-c', `${BIN} ${args} | head -1`], { encoding: 'utf8' });
    t.regex(r.stdout, /^Usage: clonewatch/);
    t.false(/Error|EPIPE/.test(r.stderr), r.stderr);
  }
});

test('clonewatch --json | pino-pretty reads well', (t) => {
  const json = run(['--json', SAMPLE]).stdout;
  const pretty = spawnSync('node_modules/.bin/pino-pretty', ['--colorize', 'false', '--ignore', 'pid,hostname'], { input: json, encoding: 'utf8' });
  t.is(pretty.status, 0);
  t.regex(pretty.stdout, /WARN.*volume 7b8068fd-01dc-44c6-a393-a11c483b99ad: copy qcow2→raw in 6\.7 s/);
  t.regex(pretty.stdout, /INFO.*summary: 1 volumes \(0 clones, 1 copies, 0 failed, 0 incomplete\)/);
});

test('--metrics-port with a batch command serves while the input is read, then exits; a port in use is exit 1', async (t) => {
  const { mkdtempSync } = await import('node:fs');
  const { open } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const fifo = `${mkdtempSync(`${tmpdir()}/clonewatch-`)}/journal`;
  t.is(spawnSync('mkfifo', [fifo]).status, 0);
  // A named pipe given as a file: a batch run whose input arrives slowly.
  const child = spawn(BIN, ['--json', '--metrics-port', '0', fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve) =>
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /metrics at (\S+)/.exec(stderr);
      if (m?.[1] !== undefined) resolve(m[1]);
    }),
  );
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const writer = await open(fifo, 'w');
  const lines = readFileSync('samples/multi-host/journal.json', 'utf8').split('\n');
  await writer.write(lines.slice(0, 100).join('\n') + '\n');
  let read = 0;
  for (let tries = 0; tries < 50 && read < 100; tries++) {
    const m = /^clonewatch_lines_read_total (\d+)$/m.exec(await (await fetch(url)).text());
    read = Number(m?.[1] ?? 0);
    if (read < 100) await new Promise((r) => setTimeout(r, 100));
  }
  t.is(read, 100, 'the counters follow the input while it is read');
  await writer.write(lines.slice(100).join('\n'));
  await writer.close();
  t.is(await closed, 0);
  await t.throwsAsync(fetch(url), undefined, 'and the exporter is gone when the input ends');

  const port = new URL(url).port;
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(Number(port), '127.0.0.1', resolve));
  const busy = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const c = spawn(BIN, ['--metrics-port', port, SAMPLE], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    c.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  blocker.close();
  t.is(busy.status, 1);
  t.regex(busy.stderr, new RegExp(`port ${port} is already in use`));
  t.is(busy.stdout, '');
});
