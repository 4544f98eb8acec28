import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_UNIT_MATCH } from '../../src/input/journal-file/default-unit-match.ts';
import { exportUnits } from '../fuzz/support/entries.ts';
import { JOURNAL_REMOTE } from '../input/journal-file/journal-tools.ts';
import { measure, type Measurement } from './measure.ts';

const DAY_US = 86_400_000_000;
const analysed = new Set(DEFAULT_UNIT_MATCH.exact);

const isAnalysed = (e: Buffer): boolean =>
  (e.toString('latin1').match(/^(_SYSTEMD_UNIT|SYSLOG_IDENTIFIER|UNIT|CONTAINER_NAME)=.*$/gm) ?? []).some((l) => analysed.has(l));

/** Shifts an entry's wall-clock and monotonic timestamps by `days`. */
const shift = (e: Buffer, days: number): Buffer =>
  days === 0 ? e : Buffer.from(e.toString('latin1').replace(/^(__REALTIME_TIMESTAMP|_SOURCE_REALTIME_TIMESTAMP|__MONOTONIC_TIMESTAMP)=(\d+)$/gm, (_, k: string, v: string) => `${k}=${BigInt(v) + BigInt(days) * BigInt(DAY_US)}`), 'latin1');

const UUID = /\b([0-9a-f]{8})(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

/**
 * Gives the UUIDs of an entry (request, volume, image ids) other values for `round` > 0: the same for
 * every entry of that round (a flow stays a flow), others than any other round's, as real logs carry
 * new request ids day after day. Replayed as they were, each day's messages would be the same DATA
 * objects (journald stores a repeated value once), which no real journal is: a reader caching
 * decoded values would be measured on a repetition real logs do not have. Same lengths (hex for hex),
 * so binary fields' length prefixes stay right.
 */
const rekey = (e: Buffer, round: number): Buffer =>
  round === 0 ? e : Buffer.from(e.toString('latin1').replace(UUID, (_, h: string, rest: string) => ((Number.parseInt(h, 16) ^ Math.imul(round, 0x9e3779b1)) >>> 0).toString(16).padStart(8, '0') + rest), 'latin1');

/**
 * A journal directory in which the analysed services' entries are a third: the samples' analysed
 * entries, each followed by two entries of other services (sudo, keystone, nova, …) taken in turn
 * from the samples and given its times (both wall-clock stamps: a filler entry keeping its own
 * `_SOURCE_REALTIME_TIMESTAMP` would move log time and so idle timeouts) and a PID of its own (a
 * sample's PID could be a cinder-volume process's on the same host name, whose traceback it would cut), repeated day after day
 * with new ids each day (see rekey) until `targetBytes` of export stream; written by systemd-journal-remote in its default layout
 * (compact, keyed hash, zstd) as `system.journal`, which it rotates into `system@….journal` files
 * at 128 MiB, as journald does: a large bench is a directory of several files, like a sosreport's.
 * `files`: the directory's journal files, sorted.
 */
export function generateBenchJournal(samplesDir: string, dir: string, targetBytes: number): { dir: string; files: string[]; entries: number } {
  const out = join(dir, `bench-v5-${targetBytes}`);
  const meta = join(dir, `bench-v5-${targetBytes}.entries`);
  const files = (): string[] =>
    readdirSync(out)
      .filter((f) => f.endsWith('.journal'))
      .sort()
      .map((f) => join(out, f));
  if (existsSync(meta)) return { dir: out, files: files(), entries: Number(readFileSync(meta, 'utf8')) };
  const mine: Buffer[] = [];
  const others: Buffer[] = [];
  for (const s of readdirSync(samplesDir).sort()) {
    const p = join(samplesDir, s, 'journal.export');
    if (!existsSync(p) || s === 'burst') continue;
    for (const { bytes: e } of exportUnits(readFileSync(p)).filter((u) => u.entry)) (isAnalysed(e) ? mine : others).push(e);
  }
  const parts: Buffer[] = [];
  let bytes = 0;
  let k = 0;
  let entries = 0;
  for (let day = 0; bytes < targetBytes; day++) {
    for (const e of mine) {
      const m = rekey(shift(e, day), day);
      const rt = /^__REALTIME_TIMESTAMP=(\d+)$/m.exec(m.toString('latin1'))?.[1] ?? '0';
      const mono = /^__MONOTONIC_TIMESTAMP=(\d+)$/m.exec(m.toString('latin1'))?.[1] ?? '0';
      parts.push(m);
      bytes += m.length;
      for (let j = 0; j < 2; j++) {
        const o = Buffer.from(rekey(others[k % others.length] as Buffer, Math.floor(k++ / others.length)).toString('latin1').replace(/^__REALTIME_TIMESTAMP=\d+$/m, `__REALTIME_TIMESTAMP=${rt}`).replace(/^__MONOTONIC_TIMESTAMP=\d+$/m, `__MONOTONIC_TIMESTAMP=${mono}`).replace(/^_SOURCE_REALTIME_TIMESTAMP=\d+$/m, `_SOURCE_REALTIME_TIMESTAMP=${rt}`).replace(/^(_PID|SYSLOG_PID)=\d+$/gm, `$1=${4_000_000 + (k % 1000)}`), 'latin1');
        parts.push(o);
        bytes += o.length;
      }
      entries += 3;
    }
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync(JOURNAL_REMOTE, [`--output=${join(out, 'system.journal')}`, '-'], { input: Buffer.concat(parts), stdio: ['pipe', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  writeFileSync(meta, String(entries));
  return { dir: out, files: files(), entries };
}

/** Volume records without their origin (entry numbers differ: the native reader reads a third of the entries). */
const volumes = (ndjson: string): string =>
  ndjson
    .split('\n')
    .filter((l) => l.startsWith('{"kind":"volume"'))
    .map((l) => {
      const { input: _input, ...rest } = JSON.parse(l) as { input: unknown };
      return JSON.stringify(rest);
    })
    .join('\n');

/**
 * The journal profile of `npm run bench`: clonewatch reading a journal file natively against
 * `journalctl --file F -o export | clonewatch -`, min of `runs` interleaved runs each, same volumes required.
 */
export function journalBench(root: string, cacheDir: string, targetBytes: number, runs: number, clonewatch: string): { lines: string[]; failed: boolean } {
  if (!existsSync(JOURNAL_REMOTE) || spawnSync('sh', ['-c', 'command -v journalctl']).status !== 0) {
    return { lines: [`**journal**: skipped: systemd-journal-remote and journalctl are needed (apt-get install systemd-journal-remote).`, ''], failed: false };
  }
  mkdirSync(cacheDir, { recursive: true });
  process.stderr.write(`generating a journal from ${(targetBytes / 1e6).toFixed(0)} MB of export stream (cached in ${cacheDir}) … `);
  const { dir, files, entries } = generateBenchJournal(join(root, 'samples'), cacheDir, targetBytes);
  process.stderr.write('ok\n');
  const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  // One file is read as a file (`--file`), several as the directory they are in (`-D`), as a sosreport's.
  const one = files.length === 1 ? (files[0] as string) : null;
  const tools =
    one !== null
      ? [
          { name: 'clonewatch FILE.journal', script: `${clonewatch} ${q(one)}` },
          { name: 'journalctl --file FILE -o export | clonewatch -', script: `journalctl --file ${q(one)} -o export | ${clonewatch} -` },
        ]
      : [
          { name: 'clonewatch DIR', script: `${clonewatch} ${q(dir)}` },
          { name: 'journalctl -D DIR -o export | clonewatch -', script: `journalctl -D ${q(dir)} -o export | ${clonewatch} -` },
        ];
  const results: Measurement[][] = tools.map(() => []);
  for (let i = 0; i < runs; i++) {
    tools.forEach((t, j) => {
      process.stderr.write(`  journal: ${t.name} run ${i + 1}/${runs}\n`);
      (results[j] as Measurement[]).push(measure(t.script));
    });
  }
  const same = volumes((results[0] as Measurement[])[0]?.stdout ?? '') === volumes((results[1] as Measurement[])[0]?.stdout ?? '');
  const n = volumes((results[0] as Measurement[])[0]?.stdout ?? '').split('\n').filter(Boolean).length;
  const min = (ms: Measurement[], k: 'wall' | 'cpu' | 'rss') => Math.min(...ms.map((m) => m[k]));
  const size = files.reduce((a, f) => a + statSync(f).size, 0);
  const lines = [
    `**journal**: ${one !== null ? `a ${(size / 1e6).toFixed(0)} MB journal file` : `a ${(size / 1e6).toFixed(0)} MB journal directory of ${files.length} files (rotated by systemd-journal-remote at 128 MiB)`} (compact, keyed hash, zstd) of ${entries} entries, a third of them cinder and glance's; ${n} volumes. Output: ${same ? 'the same volume records both ways' : '**the volume records differ**'}. Min of ${runs} interleaved runs.`,
    '',
    '| tool | wall s | CPU s | peak RSS MB | speed-up |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...tools.map((t, j) => {
      const ms = results[j] as Measurement[];
      return `| ${t.name.replaceAll('|', '\\|')} | ${min(ms, 'wall').toFixed(2)} | ${min(ms, 'cpu').toFixed(2)} | ${(min(ms, 'rss') / 1e6).toFixed(0)} | ${(min(results[1] as Measurement[], 'wall') / min(ms, 'wall')).toFixed(2)}× |`;
    }),
    '',
  ];
  return { lines, failed: !same || n === 0 };
}
