import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { THROUGHPUT_BUCKETS } from '../../src/metrics/buckets.ts';
import { shiftToNow } from '../helpers/shift-to-now.ts';
import { writeFleetJournals } from './fleet-journals.ts';
import { histogramQuantile } from './histogram-quantile.ts';
import { api, query, queryRange, until, type VectorSample } from './prometheus-api.ts';
import { dataPanels, readDashboard, type Panel } from './read-dashboard.ts';
import { prometheusTest } from './run-tool.ts';
import { sampleTimelines } from './sample-timelines.ts';
import { startFollow } from './start-follow.ts';
import { startPrometheus, type RunningPrometheus } from './start-prometheus.ts';
import { regexValue, substituteVariables, type VariableValues } from './substitute-variables.ts';

const MiB = 1_048_576;
const PIECES = 6;
/** The test's Prometheus holds well under a minute of data: these windows cover all of it. */
const WINDOWS = { rateInterval: '1m', interval: '1s', range: '10m' } as const;

/** Counts per key, as a plain object for deepEqual. */
function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** A panel's one query with the variables substituted, run as Grafana runs it: instant for stat/gauge, range for time series. */
async function runPanel(prom: RunningPrometheus, p: Panel, expr: string, from: number): Promise<{ metric: Record<string, string>; values: number[] }[]> {
  if (p.type !== 'timeseries') {
    return (await query(prom, expr)).map((s) => ({ metric: s.metric, values: [Number(s.value[1])] }));
  }
  const series = await queryRange(prom, expr, from, Math.ceil(Date.now() / 1000), 1);
  return series.map((s) => ({ metric: s.metric, values: s.values.map((v) => Number(v[1])) }));
}

const byLabel = (samples: readonly VectorSample[], label: string) =>
  Object.fromEntries(samples.map((s) => [s.metric[label] ?? '', Number(s.value[1])]));

prometheusTest(
  'three `clonewatch follow` exporters and a real Prometheus: every dashboard query answers, and clone ratio, copies and conversion p95 agree with the samples',
  async (t) => {
    const started = Date.now();
    const dir = await mkdtemp(join(tmpdir(), 'clonewatch-fleet-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const hosts = await writeFleetJournals(dir);
    const runs = await Promise.all(hosts.map((h) => sampleTimelines(h.journal)));

    // The records of each host's journal are the samples' truth: same volumes, clone or copy, outcome.
    for (const [i, h] of hosts.entries()) {
      const timelines = runs[i]?.timelines ?? [];
      t.deepEqual(timelines.map((x) => x.volumeId).sort(), h.truth.map((v) => v.volumeId).sort(), `volumes of ${h.describe}`);
      const got = new Map(timelines.map((x) => [x.volumeId, x]));
      for (const v of h.truth) t.deepEqual([got.get(v.volumeId)?.provisioning, got.get(v.volumeId)?.status], [v.provisioning, v.status], v.volumeId);
    }

    // What the panels must show, from the truth files and (for backends and speeds) the records.
    const volumes = hosts.flatMap((h, i) =>
      h.truth.map((v) => ({ ...v, backend: runs[i]?.timelines.find((x) => x.volumeId === v.volumeId)?.backend ?? 'unknown' })),
    );
    const imageVolumes = volumes.filter((v) => v.provisioning === 'clone' || v.provisioning === 'copy');
    const perBackend = tally(imageVolumes.map((v) => v.backend));
    const clonesPerBackend = tally(imageVolumes.filter((v) => v.provisioning === 'clone').map((v) => v.backend));
    const expectedRatio = Object.fromEntries(Object.entries(perBackend).map(([b, n]) => [b, (clonesPerBackend[b] ?? 0) / n]));
    const expectedCopies = tally(volumes.filter((v) => v.provisioning === 'copy').map((v) => v.backend));
    const expectedReasons = tally(volumes.flatMap((v) => v.reasonCodes));
    const conversions = new Map<string, number[]>();
    for (const tl of runs.flatMap((r) => r.timelines)) {
      for (const p of tl.phases) if (p.name === 'convert' && p.mbps !== null) conversions.set(tl.backend ?? 'unknown', [...(conversions.get(tl.backend ?? 'unknown') ?? []), p.mbps * MiB]);
    }
    const expectedP95 = Object.fromEntries([...conversions].map(([b, v]) => [b, histogramQuantile(0.95, THROUGHPUT_BUCKETS, v)]));
    t.log(`fleet: ${hosts.map((h) => `${h.address} = ${h.describe}`).join('; ')}`);
    t.log(`expected clone ratio ${JSON.stringify(expectedRatio)}, copies ${JSON.stringify(expectedCopies)}`);
    t.true(Object.keys(expectedRatio).length >= 4 && Object.keys(expectedP95).length >= 4, 'the fleet has four backends with conversions');

    // Three exporters on three loopback addresses, so contrib/prometheus.yml's relabel gives three hosts.
    const follows = hosts.map((h) => startFollow(['--metrics-host', h.address]));
    t.teardown(() => follows.forEach((f) => f.kill()));
    const targets = (await Promise.all(follows.map((f) => f.url))).map((u) => new URL(u).host);
    const prom = await startPrometheus(targets);
    t.teardown(() => prom.stop());
    const from = Math.floor(Date.now() / 1000);
    await until(prom, 'the three targets to be up', async () => {
      const d = await api<{ activeTargets: { health: string }[] }>(prom, '/api/v1/targets');
      return d.activeTargets.filter((x) => x.health === 'up').length === 3 ? true : undefined;
    });
    t.log(`three exporters and Prometheus up in ${Date.now() - started} ms`);

    // Each journal arrives like `journalctl -f` output, in pieces cut mid-entry, the hosts at once,
    // logged now (its times shifted): wall time counts only for current input.
    await Promise.all(
      hosts.map(async (h, i) => {
        const journal = shiftToNow(await readFile(h.journal, 'utf8'), 'json');
        for (let k = 0; k < PIECES; k++) {
          follows[i]?.write(journal.slice(Math.floor((k * journal.length) / PIECES), Math.floor(((k + 1) * journal.length) / PIECES)));
          await sleep(400);
        }
      }),
    );
    const wantPerHost = Object.fromEntries(hosts.map((h) => [h.address, h.truth.length]));
    const linesPerHost = Object.fromEntries(hosts.map((h, i) => [h.address, runs[i]?.lines.read]));
    await until(prom, 'every volume and every line of the three hosts scraped', async () => {
      const v = byLabel(await query(prom, 'sum by (host) (clonewatch_volumes_total)'), 'host');
      const l = byLabel(await query(prom, 'sum by (host) (clonewatch_lines_read_total)'), 'host');
      return JSON.stringify(v) === JSON.stringify(byKey(wantPerHost, v)) && JSON.stringify(l) === JSON.stringify(byKey(linesPerHost, l)) ? true : undefined;
    });
    // One more scrape of every target, so a series born in the last piece has two samples for rate().
    const settled = Date.now() / 1000;
    await until(prom, 'one more scrape of the three targets', async () => {
      const r = await query(prom, 'min(timestamp(up{job="clonewatch"}))');
      return Number(r[0]?.value[1]) > settled ? true : undefined;
    });
    t.log(`fed and scraped in ${Date.now() - started} ms`);

    // Every panel's every query answers with data for all hosts and backends; with one host and one
    // backend selected (cvol-b has no incomplete flow: no data there is right), nothing else shows.
    const dashboard = readDashboard();
    const all: VariableValues = { host: '.*', backend: '.*', ...WINDOWS };
    const one: VariableValues = { host: regexValue('127.0.0.2'), backend: regexValue('lvmdriver-2'), ...WINDOWS };
    const silent: string[] = [];
    const leaked: string[] = [];
    for (const p of dataPanels(dashboard)) {
      for (const target of p.targets) {
        for (const [name, values] of [['all', all], ['one', one]] as const) {
          const series = await runPanel(prom, p, substituteVariables(target.expr, values), from);
          if (name === 'all' && !series.some((s) => s.values.some(Number.isFinite))) silent.push(`"${p.title}" ${target.refId} (${name})`);
          if (name === 'one') {
            for (const s of series) {
              if ((s.metric['host'] ?? '127.0.0.2') !== '127.0.0.2' || (s.metric['backend'] ?? 'lvmdriver-2') !== 'lvmdriver-2') {
                leaked.push(`"${p.title}" ${target.refId}: ${JSON.stringify(s.metric)}`);
              }
            }
          }
        }
      }
    }
    t.deepEqual(silent, [], 'queries that returned no data');
    t.deepEqual(leaked, [], 'series outside the selected host and backend');

    // The variables' own queries list the three hosts and every backend.
    const hostValues = await api<string[]>(prom, `/api/v1/label/host/values?match[]=${encodeURIComponent('clonewatch_open_flows')}`);
    t.deepEqual(hostValues, hosts.map((h) => h.address).sort());
    const backendValues = await api<string[]>(prom, `/api/v1/label/backend/values?match[]=${encodeURIComponent('clonewatch_volumes_total{host=~".*"}')}`);
    t.deepEqual(backendValues, Object.keys(perBackend).sort());

    // Three panels against the samples' truth.
    const panel = (title: string) => {
      const p = dataPanels(dashboard).find((x) => x.title === title);
      if (p?.targets[0] === undefined) throw new Error(`No panel "${title}" in the dashboard`);
      return substituteVariables(p.targets[0].expr, all);
    };
    const ratio = byLabel(await query(prom, panel('Clone ratio by backend')), 'backend');
    t.log(`clone ratio: Prometheus ${JSON.stringify(ratio)}`);
    t.deepEqual(Object.keys(ratio).sort(), Object.keys(expectedRatio).sort());
    for (const [b, want] of Object.entries(expectedRatio)) t.true(Math.abs((ratio[b] ?? NaN) - want) < 1e-12, `clone ratio of ${b}: ${ratio[b]}, truth ${want}`);
    t.deepEqual(byLabel(await query(prom, panel('Copies by backend')), 'backend'), expectedCopies);
    t.deepEqual(byLabel(await query(prom, panel('Copy reasons')), 'reason'), expectedReasons);
    const p95 = byLabel(await query(prom, panel('Conversion speed p95 by backend')), 'backend');
    t.log(`conversion p95 (MiB/s): Prometheus ${JSON.stringify(scale(p95))}, from the records ${JSON.stringify(scale(expectedP95))}`);
    t.deepEqual(Object.keys(p95).sort(), Object.keys(expectedP95).sort());
    for (const [b, want] of Object.entries(expectedP95)) t.true(Math.abs((p95[b] ?? NaN) / want - 1) < 1e-9, `conversion p95 of ${b}: ${p95[b]}, records ${want}`);

    t.is(follows.reduce((n, f) => n + f.records().filter((r) => r.kind === 'volume').length, 0), volumes.length, 'every timeline on stdout too');
    t.log(`done in ${Date.now() - started} ms`);
    t.true(Date.now() - started < 60_000, 'within a minute');
  },
);

/** `want` in the key order of `got`, for comparing two JSON objects. */
function byKey(want: Record<string, number | undefined>, got: Record<string, number>): Record<string, number | undefined> {
  return Object.fromEntries([...Object.keys(got), ...Object.keys(want).filter((k) => !(k in got))].map((k) => [k, want[k]]));
}

function scale(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round((v / MiB) * 100) / 100]));
}
