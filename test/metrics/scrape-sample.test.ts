import test from 'ava';
import { serveMetrics } from '../../src/io/serve-metrics.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import type { Timeline } from '../../src/reduce/timeline.ts';
import { parseExposition, sampleValue, type Exposition } from './parse-exposition.ts';
import { promtoolTest, runTool } from './run-tool.ts';
import { sampleTimelines } from './sample-timelines.ts';

const SAMPLE = 'samples/multi-host/journal.json';
const MiB = 1_048_576;

/** The sample through the pipeline into the metrics, served on a free loopback port and scraped once. */
async function scrapeSample(t: { teardown(fn: () => Promise<void>): void }) {
  const run = await sampleTimelines(SAMPLE);
  const metrics = createMetrics();
  for (const tl of run.timelines) metrics.observeTimeline(tl);
  metrics.addLines(run.lines);
  metrics.setOpenFlows(0);
  const server = await serveMetrics(metrics, { host: '127.0.0.1', port: 0 });
  t.teardown(() => server.close());
  const res = await fetch(server.url);
  const text = await res.text();
  return { run, text, exposition: parseExposition(text), contentType: res.headers.get('content-type') };
}

const phaseValues = (timelines: readonly Timeline[], name: string) =>
  timelines.flatMap((tl) => tl.phases.filter((p) => p.name === name && p.mbps !== null).map((p) => (p.mbps ?? 0) * MiB));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function assertHistogram(t: { is(a: unknown, b: unknown): void; true(v: boolean, m?: string): void }, e: Exposition, name: string, labels: Record<string, string>, values: readonly number[]) {
  t.is(sampleValue(e, `${name}_count`, labels), values.length);
  const got = sampleValue(e, `${name}_sum`, labels);
  t.true(Math.abs(got - sum(values)) < 1e-6 * Math.max(1, sum(values)), `${name}_sum ${got} ≠ ${sum(values)}`);
  for (const b of e.samples.filter((s) => s.name === `${name}_bucket` && Object.entries(labels).every(([k, v]) => s.labels[k] === v))) {
    const le = b.labels['le'] === '+Inf' ? Infinity : Number(b.labels['le']);
    t.is(b.value, values.filter((v) => v <= le).length);
  }
}

test('multi-host: counters, histograms and HELP/TYPE lines over HTTP', async (t) => {
  const { run, exposition: e, contentType } = await scrapeSample(t);
  t.is(contentType, 'text/plain; version=0.0.4; charset=utf-8');
  t.is(run.timelines.length, 6);

  const volumes = e.samples.filter((s) => s.name === 'clonewatch_volumes_total');
  t.deepEqual(
    [...volumes].sort((a, b) => String(a.labels['provisioning']).localeCompare(String(b.labels['provisioning']))).map((s) => ({ ...s.labels, n: s.value })),
    [
      { status: 'succeeded', provisioning: 'clone', clone_method: 'image-cache', backend: 'lvmdriver-1', n: 3 },
      { status: 'succeeded', provisioning: 'copy', clone_method: 'none', backend: 'lvmdriver-2', n: 3 },
    ],
  );

  const copies = run.timelines.filter((tl) => tl.provisioning === 'copy');
  const clones = run.timelines.filter((tl) => tl.provisioning === 'clone');
  const seconds = (tls: readonly Timeline[]) => tls.map((tl) => ((tl.end ?? 0) - (tl.start ?? 0)) / 1000);
  assertHistogram(t, e, 'clonewatch_provisioning_duration_seconds', { provisioning: 'clone' }, seconds(clones));
  assertHistogram(t, e, 'clonewatch_provisioning_duration_seconds', { provisioning: 'copy' }, seconds(copies));
  t.is(sampleValue(e, 'clonewatch_provisioning_duration_seconds_bucket', { provisioning: 'clone', le: '1' }), 3, 'clones under a second');
  t.is(sampleValue(e, 'clonewatch_provisioning_duration_seconds_bucket', { provisioning: 'copy', le: '60' }), 0);
  t.is(sampleValue(e, 'clonewatch_provisioning_duration_seconds_bucket', { provisioning: 'copy', le: '120' }), 3, 'copies of 79 to 101 s');

  const conversions = phaseValues(run.timelines, 'convert');
  const downloads = phaseValues(run.timelines, 'download');
  t.deepEqual(conversions.map((v) => v / MiB), [40.8, 36.68, 33.31]);
  t.deepEqual(downloads.map((v) => v / MiB), [25.26, 21.16, 18.2]);
  assertHistogram(t, e, 'clonewatch_conversion_throughput_bytes_per_second', { backend: 'lvmdriver-2' }, conversions);
  assertHistogram(t, e, 'clonewatch_download_throughput_bytes_per_second', { backend: 'lvmdriver-2' }, downloads);
  t.is(sampleValue(e, 'clonewatch_conversion_throughput_bytes_per_second_bucket', { le: String(32 * MiB) }), 0);
  t.is(sampleValue(e, 'clonewatch_conversion_throughput_bytes_per_second_bucket', { le: String(48 * MiB) }), 3);
  t.false(e.samples.some((s) => s.name.startsWith('clonewatch_') && s.labels['backend'] === 'lvmdriver-1' && s.name.includes('throughput')));

  t.is(sampleValue(e, 'clonewatch_temporary_images_total', { backend: 'lvmdriver-2' }), 3);
  t.is(sampleValue(e, 'clonewatch_temporary_image_residence_seconds_count', { backend: 'lvmdriver-2' }), 3);
  // The three 598.75 MB downloads sat in cvol-b's conversion directory at once; cvol-a only cloned.
  t.is(sampleValue(e, 'clonewatch_conversion_dir_peak_bytes', { cinder_host: 'cvol-b' }), 3 * 598.75 * MiB);
  t.false(e.samples.some((s) => s.name === 'clonewatch_conversion_dir_peak_bytes' && s.labels['cinder_host'] === 'cvol-a'));
  for (const reason of ['image-not-raw', 'no-image-location', 'cache-disabled']) {
    t.is(sampleValue(e, 'clonewatch_copy_reasons_total', { reason, backend: 'lvmdriver-2' }), 3, reason);
  }

  t.is(sampleValue(e, 'clonewatch_lines_read_total'), run.lines.read);
  t.is(sampleValue(e, 'clonewatch_lines_recognised_total'), run.lines.recognised);
  // (`clonewatch follow` feeds it unrecognised + prefiltered: every record no recogniser matched.)
  t.is(sampleValue(e, 'clonewatch_lines_unrecognised_total'), run.lines.unrecognised);
  t.true(run.lines.recognised > 0 && run.lines.unrecognised + run.lines.prefiltered > 0);
  t.is(sampleValue(e, 'clonewatch_flows_evicted_total'), 0);
  t.is(sampleValue(e, 'clonewatch_open_flows'), 0);

  const types: Record<string, string> = {
    clonewatch_volumes_total: 'counter',
    clonewatch_provisioning_duration_seconds: 'histogram',
    clonewatch_conversion_throughput_bytes_per_second: 'histogram',
    clonewatch_download_throughput_bytes_per_second: 'histogram',
    clonewatch_copy_reasons_total: 'counter',
    clonewatch_temporary_images_total: 'counter',
    clonewatch_temporary_image_residence_seconds: 'histogram',
    clonewatch_lines_read_total: 'counter',
    clonewatch_lines_recognised_total: 'counter',
    clonewatch_lines_unrecognised_total: 'counter',
    clonewatch_flows_evicted_total: 'counter',
    clonewatch_open_flows: 'gauge',
    clonewatch_conversion_dir_bytes: 'gauge',
    clonewatch_conversion_dir_peak_bytes: 'gauge',
    clonewatch_conversion_dir_no_space_failures_total: 'counter',
    process_cpu_seconds_total: 'counter',
    process_resident_memory_bytes: 'gauge',
  };
  for (const [name, type] of Object.entries(types)) {
    t.is(e.type.get(name), type, `# TYPE ${name}`);
    t.regex(e.help.get(name) ?? '', /^[A-Z].{10,}/, `# HELP ${name}`);
  }
  t.deepEqual([...e.type.keys()].filter((n) => n.startsWith('clonewatch_')).sort(), Object.keys(types).filter((n) => n.startsWith('clonewatch_')).sort());
});

promtoolTest('promtool check metrics accepts the scrape', async (t) => {
  const { text } = await scrapeSample(t);
  const r = await runTool('promtool', ['check', 'metrics'], text).catch((e: Error) => t.fail(e.message));
  if (!r) return;
  t.is(r.code, 0, `promtool check metrics: ${r.stdout}${r.stderr}`);
  t.is(r.stdout + r.stderr, '');
});
