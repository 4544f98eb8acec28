import test from 'ava';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_LENGTH } from '../../src/input/limits.ts';
import { openInput, type InputSource } from '../../src/io/open-input.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { createWorkerPool } from '../../src/pipeline/jobs/worker-pool.ts';
import { cachedJournal } from '../bench/generate-journal.ts';
import { cachedStorm } from '../bench/generate-storm.ts';
import { sampleFiles } from '../helpers/sample-files.ts';
import { runCli } from '../report/run-cli.ts';

// --jobs: the output of worker threads is the output of one thread, byte for byte: every timeline,
// diagnostic (with its line), image and the summary with its counts, in order. The files here are
// small, so ranges are forced small (jobsRangeBytes): seams fall every few dozen lines, or every few.

// One pool of three threads for the whole file: a thread started from the sources compiles them
// under tsx for about a second, which per analysis made this file take six minutes. (Each analysis
// with its own pool, as the CLI runs, is tested below through the CLI and in bin-clonewatch.)
const pool = createWorkerPool(3);
test.after.always(() => pool.close());

async function outputOf(paths: readonly string[], jobs: number, rangeBytes?: number, showUnrecognised = 0): Promise<string> {
  const sources: InputSource[] = [];
  for (const p of paths) {
    const r = await openInput(p);
    if (!('source' in r)) throw new Error(r.error.message);
    sources.push(r.source);
  }
  const out: string[] = [];
  const stream = analyse(sources, [], {
    inputFormat: undefined,
    year: paths.some((p) => p.includes('year-rollover')) ? 2025 : 2026,
    currentYear: 2026,
    zone: 'UTC',
    idleTimeoutMs: 30 * 60_000,
    maxOpen: 10_000,
    maxLineLength: MAX_LINE_LENGTH,
    showUnrecognised,
    jobs,
    ...(rangeBytes === undefined ? {} : { jobsRangeBytes: rangeBytes }),
    ...(jobs > 1 ? { jobsPool: pool } : {}),
  });
  for await (const item of stream) out.push(JSON.stringify(item));
  return out.join('\n');
}

/** Every bundled log (the golden files' inputs, the truth files' inputs) and the real excerpts. */
const inputs = [...new Set([...sampleFiles(), ...readdirSync(join('samples', 'real')).filter((f) => !f.endsWith('.json') && !f.endsWith('.md')).map((f) => join('samples', 'real', f))])];

/**
 * 8 KiB ranges, or for the six files over 1 MiB (burst's and cache-churn's export and JSON
 * renderings, multi-host's json-pretty: 1.4-4.1 MB) 128 ranges: a range costs the workers a fixed
 * ~18 ms of CPU (9.1 s for burst's journal.json in 8 KiB ranges, 1.2 s in 64 KiB ones), and burst's
 * journal.json alone took 39 s of this file's 190 s of wall time. Seams still fall every few dozen
 * lines there, and every 8 KiB in the smaller files of the same formats.
 */
const rangeOf = (file: string) => Math.max(8192, Math.ceil(statSync(file).size / 128));

for (const file of inputs) {
  test.serial(`--jobs 2 (8 KiB ranges, or 128 ranges), and 3 (1 KiB ranges: short-precise, json, oslo), give the output of --jobs 1: ${file}`, async (t) => {
    const one = await outputOf([file], 1);
    t.true(one.includes('"kind":"end"'));
    t.is(await outputOf([file], 2, rangeOf(file)), one, `jobs 2, ${rangeOf(file)}-byte ranges`);
    // A range every few lines (the seams, 2 KiB, then mostly fail and the ranges are decoded again).
    if (/short-precise|journal\.json$|\.log$/.test(file) && statSync(file).size < 250_000) t.is(await outputOf([file], 3, 1024), one, 'jobs 3, 1 KiB ranges');
  });
}

test.serial('--diagnostics: the first unrecognised lines are the same with workers', async (t) => {
  const file = join('samples', 'multi-host', 'journal.json');
  const one = await outputOf([file], 1, undefined, 7);
  t.true(one.includes('unrecognised-line'));
  t.is(await outputOf([file], 2, 4096, 7), one);
});

test.serial('several inputs: each file is read by a worker, merged by time as on one thread', async (t) => {
  const dir = join('samples', 'multi-host');
  const files = readdirSync(dir).filter((f) => /^journal\.(json|short-precise\.txt)$/.test(f) || f.endsWith('.log')).map((f) => join(dir, f));
  const withOslo = [...files, join('samples', 'oslo-files', 'cinder-volume.log'), join('samples', 'oslo-files', 'glance-api.log')];
  const one = await outputOf(withOslo, 1);
  t.is(await outputOf(withOslo, 2), one);
  t.is(await outputOf(withOslo, 3, 2048), one);
});

const cache = mkdtempSync(join(tmpdir(), 'clonewatch-jobs-'));
for (const make of [
  { name: 'short-precise', file: () => cachedJournal('samples', cache, 'short-precise', 3_000_000, 7) },
  { name: 'json', file: () => cachedJournal('samples', cache, 'json', 3_000_000, 7) },
  { name: 'boot storm', file: () => cachedStorm('samples', cache, 3_000_000, 7) },
]) {
  test.serial(`a generated bench journal (${make.name}, 3 MB): the same output with 2 and 3 workers`, async (t) => {
    const { file } = await make.file();
    const one = await outputOf([file], 1);
    t.true(one.includes('"kind":"timeline"'));
    t.is(await outputOf([file], 2, 256 * 1024), one, 'jobs 2, 256 KiB ranges');
    t.is(await outputOf([file], 3, 100_000), one, 'jobs 3, 100 kB ranges');
  });
}

test.serial('--jobs refuses 0 and non-numbers with exit 2', async (t) => {
  for (const bad of ['0', 'two', '-1', '1.5']) {
    const r = await runCli(['--jobs', bad, join('samples', 'multi-host', 'journal.json')]);
    t.is(r.status, 2, bad);
    t.regex(r.stderr, /--jobs takes a positive whole number/);
  }
});

test.serial('the CLI with workers prints what it prints with one thread (human output, report --json)', async (t) => {
  const file = join('samples', 'multi-host', 'journal.short-precise.txt');
  for (const args of [[file], ['report', '--json', file]]) {
    const one = await runCli(['--jobs', '1', '--year', '2026', ...args]);
    const two = await runCli(['--jobs', '2', '--year', '2026', ...args], { CLONEWATCH_JOBS_RANGE_BYTES: '3000' });
    t.is(one.status, 0);
    t.deepEqual(two, one, args.join(' '));
  }
});
