// npm run bench -- --size 1GB [--runs 3] [--format short-precise,json,storm] [--seed 1]
// Times clonewatch, grep, a gawk one-liner and lnav on the same generated journal (see README, Performance).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statfsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cachedJournal, type BenchFormat, type BenchTruth, type GeneratedJournal } from './generate-journal.ts';
import { cachedStorm } from './generate-storm.ts';
import { journalBench } from './journal-bench.ts';
import { measure, type Measurement } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, '.bench-cache');
const CLONEWATCH = `${join(ROOT, 'bin/clonewatch')} --json --tz UTC --year 2026`;
const GAWK = `LC_ALL=C gawk 'match($0, /Converted [0-9.]+ MB image at ([0-9.]+) MB\\/s/, m) { n++; s += m[1] } END { printf "%d %.2f\\n", n, n ? s / n : 0 }'`;
const LNAV_QUERY =
  ";SELECT count(*) AS requests, sum(copy) AS copies, count(*) - sum(copy) AS clones FROM (SELECT regexp_match('(req-[0-9a-f-]{36}) ', log_text) AS req, max(instr(log_text, 'Image download') > 0) AS copy FROM all_logs WHERE instr(log_text, 'being created as image') > 0 OR instr(log_text, 'Image download') > 0 GROUP BY req)";
const CORES = availableParallelism();
const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 };
function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/i.exec(s.trim());
  if (m === null) throw new Error(`--size: "${s}" is not a size such as 100MB or 2GB`);
  return Math.round(Number(m[1]) * (UNITS[(m[2] ?? 'B').toUpperCase()] ?? 1));
}

interface Tool {
  readonly name: string;
  readonly script: (file: string) => string;
  /** What the tool answered, for the table (checked against the truth where it can be). */
  readonly answer: (m: Measurement, truth: BenchTruth) => string;
}

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function tools(): Tool[] {
  const list: Tool[] = [
    { name: 'clonewatch --json --jobs 1', script: (f) => `${CLONEWATCH} --jobs 1 ${q(f)} > /dev/null`, answer: () => 'timelines + summary, one thread' },
    { name: `clonewatch --json --jobs ${CORES} (all cores)`, script: (f) => `${CLONEWATCH} --jobs ${CORES} ${q(f)} > /dev/null`, answer: () => `timelines + summary, --jobs ${CORES}` },
    { name: 'cat file | clonewatch --json', script: (f) => `cat ${q(f)} | ${CLONEWATCH} > /dev/null`, answer: () => 'timelines + summary (pipe)' },
    {
      name: "LC_ALL=C grep -c 'Converted'",
      script: (f) => `LC_ALL=C grep -c Converted ${q(f)}`,
      answer: (m, t) => `${m.stdout.trim()} lines${Number(m.stdout) === t.converted ? '' : ` (expected ${t.converted}!)`}`,
    },
    {
      name: 'gawk: count and average "Converted … MB/s"',
      script: (f) => `${GAWK} ${q(f)}`,
      answer: (m, t) => {
        const [n, avg] = m.stdout.trim().split(' ');
        return `${n} lines, avg ${avg} MB/s${Number(n) === t.converted ? '' : ` (expected ${t.converted}!)`}`;
      },
    },
  ];
  if (has('lnav')) {
    list.push({
      name: 'lnav -n (per-request clone/copy query)',
      script: (f) => `lnav -n -c ${q(LNAV_QUERY)} ${q(f)}`,
      answer: (m) => {
        const row = m.stdout.trim().split('\n')[1]?.trim().split(/\s+/) ?? [];
        return `${row[0] ?? '?'} requests: ${row[1] ?? '?'} copies, ${row[2] ?? '?'} clones`;
      },
    });
  }
  return list;
}

/** Compares clonewatch's NDJSON output with the generator's truth; returns the problems found. */
function checkTruth(ndjson: string, truth: BenchTruth): { problems: string[]; summary: string } {
  const seen = new Map<string, { status: string; provisioning: string | null; cloneMethod: string | null }>();
  let read = -1;
  for (const line of ndjson.split('\n')) {
    if (line === '') continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    if (r['kind'] === 'volume') seen.set(String(r['volumeId']), r as never);
    if (r['kind'] === 'summary') read = ((r['inputs'] as { read: number }[] | undefined) ?? []).reduce((a, i) => a + i.read, 0);
  }
  const problems: string[] = [];
  if (read !== truth.lines) problems.push(`read ${read} lines, the file has ${truth.lines}`);
  for (const v of truth.volumes) {
    const got = seen.get(v.volumeId);
    if (got === undefined) problems.push(`volume ${v.volumeId} (${v.host}) missing`);
    else if (got.status !== v.status || got.provisioning !== v.provisioning || got.cloneMethod !== v.cloneMethod) {
      problems.push(`volume ${v.volumeId}: ${got.status}/${got.provisioning}/${got.cloneMethod}, truth ${v.status}/${v.provisioning}/${v.cloneMethod}`);
    }
  }
  if (seen.size !== truth.volumes.length) problems.push(`${seen.size} volumes reported, truth has ${truth.volumes.length}`);
  const clones = truth.volumes.filter((v) => v.provisioning === 'clone').length;
  const copies = truth.volumes.filter((v) => v.provisioning === 'copy').length;
  return { problems, summary: `${truth.volumes.length} volumes (${clones} clones, ${copies} copies) on ${truth.hosts} hosts, ${truth.lines} lines, ${truth.flowLines} in flows` };
}

/** short-precise and json: a quiet day (about 1 line in 200 in a flow); storm: a boot storm, in short-precise. */
type BenchProfile = BenchFormat | 'storm';

function benchJournal(profile: BenchProfile, size: number, seed: number): Promise<GeneratedJournal> {
  if (profile === 'storm') return cachedStorm(join(ROOT, 'samples'), CACHE, size, seed);
  return cachedJournal(join(ROOT, 'samples'), CACHE, profile, size, seed);
}

function profileName(profile: BenchProfile, truth: BenchTruth): string {
  if (truth.storm === undefined) return `${profile} (quiet day)`;
  return `boot storm, short-precise (${truth.storm.flows} creates, up to ${truth.storm.maxInFlight} in flight)`;
}

const mb = (bytes: number) => bytes / 1e6;
const fmt = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      runs: { type: 'string', default: '3' },
      format: { type: 'string', default: 'short-precise,json,storm,journal' },
      seed: { type: 'string', default: '1' },
    },
  });
  const sizes = (values.size ?? '100MB').split(',').map(parseSize);
  // Without --size, journal files are also measured as a sosreport has them: a directory of rotated files (600 MB of export stream: 349 MB, three files).
  const journalSizes = values.size === undefined ? [parseSize('100MB'), parseSize('600MB')] : sizes;
  const runs = Math.max(1, Number(values.runs));
  const seed = Number(values.seed);
  const asked = (values.format ?? '').split(',');
  const journal = asked.includes('journal');
  const formats = asked.filter((f) => f !== 'journal') as BenchProfile[];
  for (const s of sizes) if (s < 1e6 || s > 20e9) throw new Error(`--size: ${s} bytes is outside 1MB…20GB`);
  for (const f of formats) if (f !== 'short-precise' && f !== 'json' && f !== 'storm') throw new Error(`--format: "${f}" is not short-precise, json or storm`);
  if (!has('/usr/bin/time')) throw new Error('Install GNU time first: apt-get install -y --no-install-recommends time');
  mkdirSync(CACHE, { recursive: true });
  const fs = statfsSync(CACHE);
  const free = fs.bavail * fs.bsize;
  // A journal file takes about 0.6 of the export stream it is written from.
  const need = sizes.reduce((a, b) => a + b, 0) * formats.length + (journal ? journalSizes.reduce((a, b) => a + b, 0) * 0.6 : 0);
  if (need > free * 0.8) throw new Error(`Free disk space first: the journals need ${fmt(need / 1e9, 1)} GB in ${CACHE}, ${fmt(free / 1e9, 1)} GB are free`);

  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${process.platform}`;
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  const lines: string[] = [`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; the best of ${runs} runs, the tools interleaved, files in the page cache; load average at the start ${load()}.`, ''];
  let failed = false;
  const rssBySize: { format: string; size: number; rss: number }[] = [];
  for (const size of sizes) {
    for (const format of formats) {
      process.stderr.write(`generating ${format} ${fmt(mb(size))} MB (cached in ${CACHE}) … `);
      const { file, truth } = await benchJournal(format, size, seed);
      process.stderr.write('ok\n');
      // Warm the page cache, then check clonewatch's answer against the truth (untimed).
      execFileSync('sh', ['-c', `cat ${q(file)} > /dev/null`]);
      const out = join(dirname(file), 'clonewatch.ndjson');
      execFileSync('sh', ['-c', `${CLONEWATCH} --jobs ${CORES} ${q(file)} > ${q(out)}`]);
      const check = checkTruth(readFileSync(out, 'utf8'), truth);
      // All cores must print what one thread prints, byte for byte.
      const one = execFileSync('sh', ['-c', `${CLONEWATCH} --jobs 1 ${q(file)}`], { maxBuffer: 1 << 30 }).toString();
      if (one !== readFileSync(out, 'utf8')) check.problems.push(`--jobs ${CORES} and --jobs 1 printed different output`);
      if (check.problems.length > 0) failed = true;
      // Interleaved (each run of every tool, then the next run): a busy spell of the machine hits every tool alike; the best run counts.
      const list = tools();
      const ms: Measurement[][] = list.map(() => []);
      for (let i = 0; i < runs; i++) {
        for (const [k, tool] of list.entries()) {
          process.stderr.write(`  ${format} ${fmt(mb(size))} MB: ${tool.name} run ${i + 1}/${runs}\n`);
          ms[k]?.push(measure(tool.script(file)));
        }
      }
      const rows = list.map((tool, k) => {
        const m = ms[k] as Measurement[];
        return { tool, wall: Math.min(...m.map((x) => x.wall)), cpu: Math.min(...m.map((x) => x.cpu)), rss: Math.max(...m.map((x) => x.rss)), answer: tool.answer(m[m.length - 1] as Measurement, truth) };
      });
      const cw = rows[0] as (typeof rows)[number];
      const all = rows[1] as (typeof rows)[number];
      rssBySize.push({ format, size, rss: cw.rss });
      lines.push(`**${profileName(format, truth)}**, ${fmt(mb(truth.bytes))} MB: ${check.summary}. Truth check: ${check.problems.length === 0 ? 'clonewatch matches the generator\'s truth' : `**${check.problems.length} problems**: ${check.problems.slice(0, 3).join('; ')}`}.`, '');
      lines.push('| tool | MB/s | lines/s | wall s | CPU s | peak RSS MB | MB/s ÷ clonewatch --jobs 1 | answer |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
      for (const r of rows) {
        const rate = mb(truth.bytes) / r.wall;
        lines.push(`| ${r.tool.name.replaceAll('|', '\\|')} | ${fmt(rate)} | ${fmt(truth.lines / r.wall / 1e3)}k | ${fmt(r.wall, 2)} | ${fmt(r.cpu, 1)} | ${fmt(r.rss / 1e6)} | ${fmt(rate / (mb(truth.bytes) / cw.wall), 2)}× | ${r.answer} |`);
      }
      lines.push('', `All ${CORES} cores ÷ one (--jobs 1): ${fmt(cw.wall / all.wall, 2)}× in wall time (${fmt(all.wall, 2)} s against ${fmt(cw.wall, 2)} s), for ${fmt(all.cpu, 1)} CPU s against ${fmt(cw.cpu, 1)}; load average now ${load()}.`, '');
    }
  }
  for (const format of formats) {
    const r = rssBySize.filter((x) => x.format === format);
    if (r.length < 2) continue;
    const lo = Math.min(...r.map((x) => x.rss));
    const hi = Math.max(...r.map((x) => x.rss));
    lines.push(`clonewatch peak RSS, ${format}: ${r.map((x) => `${fmt(x.rss / 1e6)} MB at ${fmt(mb(x.size))} MB`).join(', ')} (spread ${fmt(((hi - lo) / lo) * 100)} %).`, '');
  }
  if (journal) {
    for (const size of journalSizes) {
      const j = journalBench(ROOT, CACHE, size, runs, CLONEWATCH);
      lines.push(...j.lines);
      failed ||= j.failed;
    }
  }
  process.stdout.write(lines.join('\n'));
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
