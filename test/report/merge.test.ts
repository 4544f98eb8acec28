import test from 'ava';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { MAX_LINE_LENGTH } from '../../src/input/limits.ts';
import { openInput } from '../../src/io/open-input.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import type { ThroughputRow, ThroughputSummary } from '../../src/report/create-throughput.ts';
import { throughputEventsOf, type ThroughputEvent } from '../../src/report/throughput-event.ts';
import { runCli } from './run-cli.ts';

// `throughput --json` on each host's journal, then `throughput --merge`, must give what one run over
// all the journals gives: counts and totals exactly, percentiles within the stated relative accuracy
// of the true percentile of the per-event MB/s.

const OUT = 'test-output/merge';

/** The burst journal split by _HOSTNAME, as each host's `journalctl -o json` would give it. */
function splitByHost(): string[] {
  mkdirSync(OUT, { recursive: true });
  const byHost = new Map<string, string[]>();
  for (const line of readFileSync('samples/burst/journal.json', 'utf8').split('\n')) {
    if (line === '') continue;
    const host = (JSON.parse(line) as { _HOSTNAME: string })._HOSTNAME;
    byHost.set(host, [...(byHost.get(host) ?? []), line]);
  }
  return [...byHost].sort().map(([host, lines]) => {
    const f = `${OUT}/${host}.json`;
    writeFileSync(f, `${lines.join('\n')}\n`);
    return f;
  });
}

async function exactEvents(files: string[]): Promise<ThroughputEvent[]> {
  const sources = [];
  for (const f of files) {
    const r = await openInput(f);
    if (!('source' in r)) throw new Error(r.error.message);
    sources.push(r.source);
  }
  const events: ThroughputEvent[] = [];
  const opts = { inputFormat: undefined, year: 2026, currentYear: 2026, zone: 'UTC', idleTimeoutMs: 1_800_000, maxOpen: 10_000, maxLineLength: MAX_LINE_LENGTH, showUnrecognised: 0 };
  for await (const item of analyse(sources, [], opts)) if (item.kind === 'timeline') events.push(...throughputEventsOf(item.timeline));
  return events;
}

/** The value at rank q·(n−1), the rank DDSketch answers for. */
function exactQuantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(q * (s.length - 1))] as number;
}

const key = (r: ThroughputRow) => `${r.metric} ${JSON.stringify(r.group)}`;

test('throughput --merge of per-host summaries equals one run over all inputs, within the stated error', async (t) => {
  const files = splitByHost();
  t.deepEqual(files.map((f) => f.split('/').pop()), ['ctrl-1.json', 'cvol-a.json', 'cvol-b.json']);
  const parts: string[] = [];
  for (const f of files) {
    const r = await runCli(['throughput', '--json', '--tz', 'UTC', '--by', 'host,backend', f]);
    t.is(r.status, 0, r.stderr);
    const p = `${f}.throughput.json`;
    writeFileSync(p, r.stdout);
    parts.push(p);
  }
  const merged = await runCli(['throughput', '--merge', '--json', ...parts]);
  t.is(merged.status, 0, merged.stderr);
  const one = await runCli(['throughput', '--json', '--tz', 'UTC', '--by', 'host,backend', ...files]);
  t.is(one.status, 0, one.stderr);
  const m = JSON.parse(merged.stdout) as ThroughputSummary;
  const o = JSON.parse(one.stdout) as ThroughputSummary;
  t.is(m.relativeAccuracy, 0.01);
  t.deepEqual(m.by, ['host', 'backend']);
  t.deepEqual([...m.overall, ...m.groups].map(key), [...o.overall, ...o.groups].map(key));
  t.true(o.overall.length >= 2, 'downloads and conversions were measured');

  const events = await exactEvents(files);
  const alpha = m.relativeAccuracy;
  const rows = new Map([...o.overall, ...o.groups].map((r) => [key(r), r]));
  for (const mr of [...m.overall, ...m.groups]) {
    const or = rows.get(key(mr)) as ThroughputRow;
    t.is(mr.count, or.count, key(mr));
    t.true(Math.abs(mr.totalMB - or.totalMB) < 0.01, `${key(mr)} total MB ${mr.totalMB} vs ${or.totalMB}`);
    t.true(Math.abs(mr.totalSeconds - or.totalSeconds) < 0.01, `${key(mr)} total s`);
    t.is(mr.perEvent.min, or.perEvent.min);
    t.is(mr.perEvent.max, or.perEvent.max);
    t.true(Math.abs((mr.perEvent.mean ?? 0) - (or.perEvent.mean ?? 0)) < 0.01);
    const values = events.filter((e) => e.metric === mr.metric && Object.entries(mr.group).every(([d, v]) => (e[d as 'host' | 'backend'] ?? '?') === v)).map((e) => e.mbps);
    t.is(values.length, mr.count, `${key(mr)}: events`);
    for (const [name, q] of [['p50', 0.5], ['p90', 0.9], ['p99', 0.99]] as const) {
      const exact = exactQuantile(values, q);
      const got = mr.perEvent[name] as number;
      t.true(Math.abs(got - (or.perEvent[name] as number)) <= alpha * exact + 0.01, `${key(mr)} ${name}: merged ${got} vs one run ${or.perEvent[name]}`);
      t.true(Math.abs(got - exact) <= alpha * exact + 0.01, `${key(mr)} ${name}: ${got} vs exact ${exact} (±${alpha * 100} %)`);
    }
  }

  // Coarser groups from the same parts: --by host drops the backend dimension.
  const byHost = JSON.parse((await runCli(['throughput', '--merge', '--json', '--by', 'host', ...parts])).stdout) as ThroughputSummary;
  const oneByHost = JSON.parse((await runCli(['throughput', '--json', '--tz', 'UTC', '--by', 'host', ...files])).stdout) as ThroughputSummary;
  t.deepEqual(byHost.groups.map((r) => [key(r), r.count, r.perEvent.p50, r.perEvent.p90]), oneByHost.groups.map((r) => [key(r), r.count, r.perEvent.p50, r.perEvent.p90]));
});

test('throughput --merge refuses a finer grouping than its inputs and a file that is not a summary', async (t) => {
  mkdirSync(OUT, { recursive: true });
  const r = await runCli(['throughput', '--json', '--tz', 'UTC', 'samples/burst/journal.json']);
  writeFileSync(`${OUT}/plain.json`, r.stdout);
  const finer = await runCli(['throughput', '--merge', '--by', 'host', `${OUT}/plain.json`]);
  t.is(finer.status, 2);
  t.regex(finer.stderr, /Group the inputs by host first/);
  const notJson = await runCli(['throughput', '--merge', 'samples/burst/journal.short-precise.txt']);
  t.is(notJson.status, 1);
  t.regex(notJson.stderr, /is not JSON/);
  const badBy = await runCli(['throughput', '--by', 'colour', 'samples/burst/journal.json']);
  t.is(badBy.status, 2);
  t.regex(badBy.stderr, /--by takes host, backend, image, format, hour/);
});
