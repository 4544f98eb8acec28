import test from 'ava';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { prestartWorker, startWorker } from '../src/pipeline/jobs/worker-pool.ts';
import { needing } from './helpers/needing.ts';
import { missingTools, sampleExport, tempDir, writeJournal } from './input/journal-file/journal-tools.ts';
import { runCli } from './report/run-cli.ts';

// A journal file is read on a reader thread (two cores or more, not --jobs 1), and that thread is
// started as soon as the command line is parsed (src/cli/prestart-reader.ts), while the analysis is
// still loading; the thread is taken by the analysis when it opens the file.

needing(missingTools)('a journal file read on the reader thread started before the analysis loads gives what --jobs 1 gives, in every command; misuse still exits 2', async (t) => {
  const dir = tempDir();
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const journal = join(dir, 'multi-host.journal');
  writeJournal(sampleExport('multi-host'), journal);
  for (const args of [['--json'], [], ['report'], ['report', '--json'], ['images'], ['throughput', '--json']]) {
    const what = `clonewatch ${args.join(' ')}`;
    const [threaded, one] = await Promise.all([runCli([...args, '--all-units', journal]), runCli([...args, '--jobs', '1', '--all-units', journal])]);
    t.is(threaded.status, 0, `${what}: ${threaded.stderr}`);
    t.is(threaded.stdout, one.stdout, what);
    t.is(threaded.stderr, one.stderr, what);
  }
  // A sosreport's journal directory (machine-id subdirectories) is prestarted for too.
  const machine = join(dir, 'journal', '0123456789abcdef0123456789abcdef');
  mkdirSync(machine, { recursive: true });
  writeJournal(sampleExport('multi-host'), join(machine, 'system.journal'));
  const [threaded, one] = await Promise.all([runCli(['--json', '--all-units', join(dir, 'journal')]), runCli(['--json', '--jobs', '1', '--all-units', join(dir, 'journal')])]);
  t.is(threaded.status, 0, threaded.stderr);
  t.is(threaded.stdout, one.stdout, 'a journal directory');
  const timelines = await runCli(['--json', '--all-units', journal]);
  t.true(timelines.stdout.split('\n').filter((l) => l.includes('"kind":"volume"')).length > 1, 'the sample has volumes');
  // A thread started for a run that ends on bad options is dropped: the process exits at once.
  const bad = await runCli(['--year', '26', '--all-units', journal]);
  t.is(bad.status, 2);
  t.is(bad.stderr, 'clonewatch: error: --year takes a four-digit year, e.g. --year 2026\nRun "clonewatch --help" for usage.\n');
  t.is(bad.stdout, '');
});

test('prestartWorker: the next startWorker of that entry takes the thread it started; the one after starts another', async (t) => {
  const probe = new Worker('', { eval: true });
  const before = probe.threadId;
  await probe.terminate();
  prestartWorker('journal-worker');
  const taken = startWorker('journal-worker');
  const next = startWorker('journal-worker');
  t.teardown(() => Promise.all([taken.terminate(), next.terminate()]));
  t.is(taken.threadId, before + 1, 'the prestarted thread, not a second one');
  t.is(next.threadId, before + 2);
});
