import test from 'ava';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { missingProgram } from './helpers/missing-program.ts';
import { needing } from './helpers/needing.ts';
import { shiftToNow, yearOf } from './helpers/shift-to-now.ts';
import { spawnCli } from './report/run-cli.ts';

const run = promisify(execFile);

/** Waiting for a first record includes start-up, seconds on a busy machine: a wait, not a measurement. */
const START_MS = 60_000;

// The tests run one at a time: each measures delays in wall time, which a neighbour's load would skew.
// Each measures from a point after start-up, with margins that hold on a busy 2-core machine.
// Live mode as `journalctl -f | clonewatch follow` sees it: input arrives in pieces with pauses, a
// record may be split across writes, and each timeline must come out as soon as its flow ends.
// Wall time counts only for current input (src/pipeline/is-current.ts): each sample is written as
// if logged now (its times shifted, durations kept).

/** A sample's short-precise journal, its first line at the time of the call. */
const current = (sample: string): string => shiftToNow(readFileSync(`samples/${sample}/journal.short-precise.txt`, 'utf8'), 'short-precise');

interface Child {
  write(s: string): void;
  nextRecord(timeoutMs: number): Promise<{ kind: string; volumeId?: string; status?: string } | null>;
  end(): Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string }>;
  signal(signal: NodeJS.Signals): void;
}

function start(args: string[]): Child {
  const child = spawnCli(['follow', '--json', '--year', yearOf(), ...args]);
  const lines: string[] = [];
  let buf = '';
  let all = '';
  let waiter: (() => void) | null = null;
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    all += d.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
    waiter?.();
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    write: (s) => child.stdin.write(s),
    async nextRecord(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (lines.length === 0 && Date.now() < deadline) {
        await Promise.race([new Promise<void>((r) => (waiter = r)), sleep(deadline - Date.now())]);
      }
      const line = lines.shift();
      return line === undefined ? null : (JSON.parse(line) as { kind: string; volumeId?: string });
    },
    async end() {
      child.stdin.end();
      return closed;
    },
    signal: (signal) => child.kill(signal),
    async kill(signal) {
      child.kill(signal);
      const code = await closed;
      return { code, stdout: all };
    },
  };
}

test.serial('each timeline arrives within a fraction of a second of its last line, before the next write', async (t) => {
  const lines = current('multi-host').split('\n').filter((l) => l !== '');
  const ends = lines.map((l, i) => (l.includes('Created volume successfully.') ? i : -1)).filter((i) => i >= 0);
  t.is(ends.length, 6);
  const child = start([]);
  // Like journalctl -f: a first burst up to the first volume's end, whose timeline also says the
  // process is up (start-up is not what this test measures), then the others one by one.
  const [first = 0, ...rest] = ends;
  child.write(lines.slice(0, first + 1).join('\n') + '\n');
  t.is((await child.nextRecord(START_MS))?.kind, 'volume', 'volume 1');
  await sleep(200);
  const delays: number[] = [];
  let from = first + 1;
  for (const [i, end] of rest.entries()) {
    const k = i + 1;
    const chunk = lines.slice(from, end + 1).join('\n') + '\n';
    if (k === 2) {
      // This volume's last line is split across two writes, with a pause between them.
      const cut = chunk.length - 20;
      child.write(chunk.slice(0, cut));
      await sleep(300);
      child.write(chunk.slice(cut));
    } else child.write(chunk);
    const written = Date.now();
    const record = await child.nextRecord(3000);
    delays.push(Date.now() - written);
    t.is(record?.kind, 'volume', `volume ${k + 1} arrived before the next write`);
    t.is(record?.status, 'succeeded');
    from = end + 1;
    await sleep(200);
  }
  child.write(lines.slice(from).join('\n') + '\n');
  t.is(await child.end(), 0);
  t.log(`delay from the last line written to the timeline read: ${delays.join(', ')} ms (max ${Math.max(...delays)} ms)`);
  t.true(Math.max(...delays) < 1000, `max delay ${Math.max(...delays)} ms`);
});

test.serial('a flow whose end never comes is reported incomplete after --idle-timeout of wall time without input', async (t) => {
  const all = current('incomplete').split('\n').filter((l) => l !== '');
  // The journal stops right after the unfinished flow's start line: only wall time can tell it is over.
  const lines = all.slice(0, all.findIndex((l) => /Volume 53dded07-[^:]*: being created/.test(l)) + 2);
  const child = start(['--idle-timeout', '2s']);
  const written = Date.now();
  child.write(lines.join('\n') + '\n');
  const first = await child.nextRecord(START_MS);
  t.is(first?.status, 'succeeded');
  const firstAt = Date.now();
  const second = await child.nextRecord(START_MS);
  t.is(second?.status, 'incomplete');
  // Not before about 2 s of silence (its flow's own last line is a little older than the input's),
  // counted from the write, before which nothing can be read; and soon after, counted from the first
  // timeline, which came once the input was read (so after start-up, however slow).
  const sinceWrite = Date.now() - written;
  const sinceFirst = Date.now() - firstAt;
  t.true(sinceWrite >= 1500, `reported ${sinceWrite} ms after the input was written`);
  t.true(sinceFirst < 6000, `reported ${sinceFirst} ms after the input was read`);
  await child.end();
});

test.serial('SIGINT prints the summary and exits 130; SIGTERM exits 143', async (t) => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    const child = start([]);
    child.write(current('copy-with-conversion'));
    await child.nextRecord(START_MS);
    await sleep(300);
    const r = await child.kill(signal);
    t.is(r.code, code);
    t.regex(r.stdout, /"kind":"summary"/);
  }
});


test.serial('SIGHUP prints the summary so far and goes on', async (t) => {
  const child = start([]);
  child.write(current('copy-with-conversion'));
  t.is((await child.nextRecord(START_MS))?.kind, 'volume', 'it is up');
  child.signal('SIGHUP');
  // Volumes still on their way may come first; then the summary so far.
  let summary = await child.nextRecord(START_MS);
  while (summary?.kind === 'volume') summary = await child.nextRecord(START_MS);
  t.is(summary?.kind, 'summary', 'the summary so far');
  child.write(current('cache-hit'));
  const after = await child.nextRecord(START_MS);
  t.is(after?.kind, 'volume', 'and it goes on reading');
  t.is(await child.end(), 0);
});

needing(missingProgram('script', 'bsdutils'))('on a TTY, a one-line status on stderr, at most once a second; none when stderr is a pipe', async (t) => {
  // The input stays open until the test removes a file: 2.5 s after the first status update, so
  // that the window does not depend on how long start-up takes.
  const dir = mkdtempSync(join(tmpdir(), 'clonewatch-status-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const open = join(dir, 'open');
  writeFileSync(open, '');
  const journal = join(dir, 'journal.short-precise.txt');
  writeFileSync(journal, current('copy-with-conversion'));
  const cmd = `(cat ${journal}; while [ -e ${open} ]; do sleep 0.05; done) | test/helpers/clonewatch follow --json --year ${yearOf()} 2>&1 >/dev/null`;
  // util-linux `script` gives the command a pseudo-terminal, so its stderr is a TTY.
  const pty = spawn('script', ['-qec', cmd, '/dev/null'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  let out = '';
  let firstAt = 0;
  const firstUpdate = new Promise<void>((resolve) =>
    pty.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (firstAt === 0 && out.includes('clonewatch: ')) {
        firstAt = Date.now();
        resolve();
      }
    }),
  );
  const closed = new Promise<void>((resolve) => pty.on('close', () => resolve()));
  await Promise.race([firstUpdate, sleep(START_MS)]);
  await sleep(2500);
  rmSync(open);
  await closed;
  const window = Date.now() - firstAt;
  const updates = out.split('\r\u001b[K').filter((s) => s.startsWith('clonewatch: '));
  t.true(firstAt > 0, 'a first status update');
  t.true(updates.length >= 1 && updates.length <= Math.floor(window / 1000) + 1, `${updates.length} updates in ${window} ms`);
  t.regex(updates[0] ?? '', /^clonewatch: \d+ lines\/s · \d+ open · \d+ clones · 2 copies · last conversion [\d.]+ MB\/s$/);
  const piped = await run('sh', ['-c', cmd.replace('sleep 2.5', 'sleep 1.5')], { env: { ...process.env, TZ: 'UTC' } });
  t.is(piped.stdout, '', 'nothing on a stderr that is not a TTY');
});
