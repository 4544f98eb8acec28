import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { THROUGHPUT_BUCKETS } from '../../src/metrics/buckets.ts';
import { shiftToNow } from '../helpers/shift-to-now.ts';
import { api, query, until } from './prometheus-api.ts';
import { prometheusTest, runTool } from './run-tool.ts';
import { sampleTimelines } from './sample-timelines.ts';
import { startFollow } from './start-follow.ts';
import { startPrometheus } from './start-prometheus.ts';

const MiB = 1_048_576;
prometheusTest('a real Prometheus scrapes `clonewatch follow --metrics-port` fed slowly and answers the fleet questions', async (t) => {
  const started = Date.now();
  const run = await sampleTimelines('samples/multi-host/journal.json');
  const follow = startFollow();
  t.teardown(() => follow.kill());
  const metricsUrl = await follow.url;
  const target = new URL(metricsUrl).host;

  const prom = await startPrometheus(target);
  t.teardown(() => prom.stop());
  await until(prom, 'the clonewatch target to be up', async () => {
    const d = await api<{ activeTargets: { health: string; labels: Record<string, string> }[] }>(prom, '/api/v1/targets');
    return d.activeTargets.some((x) => x.health === 'up') ? true : undefined;
  });

  // The journal arrives like `journalctl -f` output: in pieces, with pauses, cut mid-entry, and
  // logged now (its times shifted): wall time counts only for current input.
  const journal = shiftToNow(readFileSync('samples/multi-host/journal.json', 'utf8'), 'json');
  const pieces = 8;
  for (let k = 0; k < pieces; k++) {
    follow.write(journal.slice(Math.floor((k * journal.length) / pieces), Math.floor(((k + 1) * journal.length) / pieces)));
    await sleep(250);
  }
  const copies = await until(prom, 'the three copies on lvmdriver-2', async () => {
    const r = await query(prom, 'sum by (provisioning) (clonewatch_volumes_total{backend="lvmdriver-2"})');
    return r.length > 0 && r[0]?.value[1] === '3' ? r : undefined;
  });
  t.log(`Prometheus up and scraped in ${Date.now() - started} ms`);
  t.deepEqual(
    copies.map((s) => [s.metric, s.value[1]]),
    [[{ provisioning: 'copy' }, '3']],
  );
  const clones = await query(prom, 'sum by (provisioning, clone_method) (clonewatch_volumes_total{backend="lvmdriver-1"})');
  t.deepEqual(
    clones.map((s) => [s.metric, s.value[1]]),
    [[{ provisioning: 'clone', clone_method: 'image-cache' }, '3']],
  );
  t.is(follow.records().filter((r) => r.kind === 'volume').length, 6, 'and the six timelines on stdout');

  const [hostLabel] = await query(prom, 'clonewatch_open_flows');
  t.is(hostLabel?.metric['host'], '127.0.0.1', 'the host relabel of contrib/prometheus.yml');
  t.is(hostLabel?.metric['job'], 'clonewatch');
  t.is(hostLabel?.value[1], '0');

  // True p95 of the sample's conversions (nearest rank), and the bucket that holds it.
  const mbps = run.timelines.flatMap((tl) => tl.phases.filter((p) => p.name === 'convert' && p.mbps !== null).map((p) => (p.mbps ?? 0) * MiB));
  t.is(mbps.length, 3);
  const sorted = [...mbps].sort((a, b) => a - b);
  const trueP95 = sorted[Math.ceil(0.95 * sorted.length) - 1] ?? NaN;
  const upper = THROUGHPUT_BUCKETS.find((b) => b >= trueP95) ?? Infinity;
  const lower = [...THROUGHPUT_BUCKETS].reverse().find((b) => b < trueP95) ?? 0;
  const [p95] = await query(prom, 'histogram_quantile(0.95, sum by (le) (clonewatch_conversion_throughput_bytes_per_second_bucket))');
  const got = Number(p95?.value[1]);
  t.log(`p95 conversion: true ${(trueP95 / MiB).toFixed(2)} MiB/s, Prometheus ${(got / MiB).toFixed(2)} MiB/s, bucket (${lower / MiB}, ${upper / MiB}] MiB/s`);
  t.true(got > lower && got <= upper, `p95 ${got} outside (${lower}, ${upper}]`);

  const [downloads] = await query(prom, 'sum(clonewatch_download_throughput_bytes_per_second_count)');
  t.is(downloads?.value[1], '3');
  const [read] = await query(prom, 'clonewatch_lines_read_total');
  t.is(Number(read?.value[1]), run.lines.read, 'every line read is counted once');

  // The scrape itself passes promtool, and the exporter goes away with the input.
  const scrape = await (await fetch(metricsUrl)).text();
  const lint = await runTool('promtool', ['check', 'metrics'], scrape);
  t.is(lint.code, 0, lint.stdout + lint.stderr);
  t.is(await follow.end(), 0);
  await t.throwsAsync(fetch(metricsUrl, { signal: AbortSignal.timeout(2000) }), undefined, 'the exporter stops when the input ends');
});
