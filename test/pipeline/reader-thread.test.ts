// Journal files are read on a reader thread by default (src/pipeline/jobs/read-journal-in-worker.ts);
// `--jobs 1` reads them on the main thread. Whatever a user can see must be the same both ways:
// stdout, stderr (diagnostics, in the same places) and the exit code, on every layout, on several
// files merged, on damaged files, with the prefilter off (--diagnostics) and with -u.
import { availableParallelism } from 'node:os';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { needing } from '../helpers/needing.ts';
import { recompressJournal } from '../input/journal-file/recompress-journal.ts';
import { missingTools, sampleExport, tempDir, writeJournal } from '../input/journal-file/journal-tools.ts';
import { resultOf, runCli, spawnCli } from '../report/run-cli.ts';
import { generateBenchJournal } from '../bench/journal-bench.ts';

const maybe = needing(missingTools);

/** The same run with the reader thread (default) and on one thread (`--jobs 1`): every byte a user sees is equal. */
async function sameBothWays(t: import('ava').ExecutionContext, args: readonly string[], what: string): Promise<void> {
  const [thread, one] = await Promise.all([runCli(args), runCli(['--jobs', '1', ...args])]);
  t.is(thread.status, one.status, `${what}: exit code (stderr with the reader thread: ${thread.stderr.slice(-2000)})`);
  t.is(thread.stdout, one.stdout, `${what}: stdout`);
  t.is(thread.stderr, one.stderr, `${what}: stderr`);
  t.true(thread.stdout.length > 0, `${what}: some output`);
}

test('the machine has two cores or more, so the default run reads journal files on the reader thread (else the comparisons below compare one thread with itself)', (t) => {
  t.true(availableParallelism() > 1, `os.availableParallelism() is ${availableParallelism()}`);
});

maybe('every layout: the reader thread prints what one thread prints (NDJSON, human, report --json)', async (t) => {
  const dir = tempDir();
  const layouts: [string, Record<string, string>, string[]][] = [
    ['default', {}, []],
    ['legacy', { SYSTEMD_JOURNAL_COMPACT: '0', SYSTEMD_JOURNAL_KEYED_HASH: '0' }, []],
    ['uncompressed', {}, ['--compress=no']],
  ];
  for (const sample of ['multi-host', 'failure', 'coloured-json']) {
    for (const [name, env, args] of layouts) {
      const f = join(dir, `${sample}-${name}.journal`);
      writeJournal(sampleExport(sample), f, env, args);
      await sameBothWays(t, ['--json', f], `${sample} ${name} --json`);
      await sameBothWays(t, [f], `${sample} ${name} (human)`);
      await sameBothWays(t, ['report', '--json', f], `${sample} ${name} report --json`);
    }
  }
});

maybe('XZ and LZ4 data objects, a directory of several files, -u, --all-units and --diagnostics: the same both ways', async (t) => {
  const dir = tempDir();
  const plain = join(dir, 'plain.journal');
  writeJournal(sampleExport('failure'), plain, {}, ['--compress=no']);
  for (const kind of ['xz', 'lz4'] as const) {
    const f = join(dir, `failure-${kind}.journal`);
    writeFileSync(f, recompressJournal(readFileSync(plain), kind, 1000).file);
    await sameBothWays(t, ['--json', f], `${kind} data objects`);
  }
  const jdir = join(dir, 'var-log-journal', 'machine');
  mkdirSync(jdir, { recursive: true });
  writeJournal(sampleExport('multi-host'), join(jdir, 'system.journal'));
  writeJournal(sampleExport('glance-merged'), join(jdir, 'system@0005d1e1-0000000000000001-0005d1e1aaaaaaaa.journal'));
  copyFileSync(join(jdir, 'system.journal'), join(jdir, 'user-1000.journal')); // its entries are duplicates: dropped as journalctl drops them
  const top = join(dir, 'var-log-journal');
  await sameBothWays(t, ['--json', top], 'a directory');
  await sameBothWays(t, ['--json', '-u', 'devstack@c-*', top], '-u with a glob');
  await sameBothWays(t, ['--json', '--all-units', top], '--all-units');
  await sameBothWays(t, ['--json', '--diagnostics', '5', top], '--diagnostics 5 (the prefilter off)');
});

maybe('damaged files (cut short, bytes flipped, a file that is not a journal beside them): the same records, diagnostics and exit code both ways', async (t) => {
  const dir = tempDir();
  const whole = join(dir, 'whole.journal');
  writeJournal(sampleExport('failure'), whole);
  const bytes = readFileSync(whole);
  const cut = join(dir, 'cut.journal');
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  await sameBothWays(t, ['--json', cut], 'cut at 60 %');
  const flipped = Buffer.from(bytes);
  for (let i = 4096; i < flipped.length; i += 997) flipped[i] = (flipped[i] ?? 0) ^ 0x5a;
  const f = join(dir, 'flipped.journal');
  writeFileSync(f, flipped);
  await sameBothWays(t, ['--json', f], 'bytes flipped every 997');
  const jdir = join(dir, 'mixed');
  mkdirSync(jdir);
  copyFileSync(cut, join(jdir, 'system@0005d1e1-0000000000000001-0005d1e1aaaaaaaa.journal'));
  writeFileSync(join(jdir, 'system.journal'), Buffer.concat([Buffer.from('LPKSHHRH'), Buffer.alloc(300, 7)]));
  await sameBothWays(t, ['--json', jdir], 'a directory with a cut file and a bad header');
});

maybe('SIGINT while a large journal file is read, on the reader thread and on one thread: the output of what was read, exit 130, promptly', async (t) => {
  const dir = tempDir();
  const { files: [file = ''] } = generateBenchJournal(join(import.meta.dirname, '../../samples'), dir, 40_000_000);
  const whole = await runCli(['--jobs', '1', '--json', file]);
  const volumesOf = (stdout: string): number => stdout.split('\n').filter((l) => l.startsWith('{"kind":"volume"')).length;
  t.is(whole.status, 0);
  for (const args of [['--json', file], ['--jobs', '1', '--json', file]]) {
    const child = spawnCli(args);
    const result = resultOf(child);
    // A readiness wait, not a timing assertion: the signal goes once the first volume is out.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const sent = Date.now();
    child.kill('SIGINT');
    const r = await result;
    t.is(r.status, 130, `${args.join(' ')}: ${r.stderr}`);
    t.true(Date.now() - sent < 10_000, 'it stops within seconds, not at the end of the input');
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { kind?: string };
    t.is(last.kind, 'summary', 'the summary of what was read');
    const n = volumesOf(r.stdout);
    t.true(n > 0 && n < volumesOf(whole.stdout), `${n} of ${volumesOf(whole.stdout)} volumes`);
  }
});

maybe('the reader of the output goes away (| head): the run ends at once, on the reader thread and on one thread', async (t) => {
  const dir = tempDir();
  const { files: [file = ''] } = generateBenchJournal(join(import.meta.dirname, '../../samples'), dir, 40_000_000);
  for (const args of [['--json', file], ['--jobs', '1', '--json', file]]) {
    const child = spawnCli(args);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const gone = Date.now();
    child.stdout.destroy();
    const status = await closed;
    t.true(Date.now() - gone < 10_000, `${args.join(' ')}: it ends within seconds (exit ${status}), not at the end of the input`);
  }
});
