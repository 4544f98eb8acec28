import test from 'ava';
import { register as globalRegistry } from 'prom-client';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import { createTotalsFeeder } from '../../src/metrics/create-totals-feeder.ts';
import type { Phase, Timeline } from '../../src/reduce/timeline.ts';
import { parseExposition, sampleValue } from './parse-exposition.ts';

const T0 = Date.UTC(2026, 2, 22, 9, 0, 0);

function timeline(o: Partial<Timeline> = {}): Timeline {
  return {
    volumeId: 'v',
    source: 'image',
    imageId: 'i',
    imageName: 'n',
    diskFormat: 'qcow2',
    imageSizeMB: 100,
    volumeSizeGiB: 1,
    status: 'succeeded',
    provisioning: 'copy',
    cloneMethod: null,
    conversion: null,
    cacheSeeded: false,
    reasons: [],
    advice: [],
    notes: [],
    requestId: 'req-1',
    globalRequestId: null,
    host: 'h',
    backend: 'b',
    start: T0,
    end: T0 + 2000,
    phases: [],
    internalVolumes: [],
    error: null,
    rescheduled: false,
    origin: { input: 'x', line: 1 },
    ...o,
  };
}

const phase = (name: Phase['name'], o: Partial<Phase> = {}): Phase => ({ name, start: T0, end: T0 + 1000, sizeMB: null, mbps: null, ...o });

async function scrape(m: ReturnType<typeof createMetrics>) {
  return parseExposition(await m.registry.metrics());
}

test('labels of what the log did not say are none and unknown, never ids', async (t) => {
  const m = createMetrics({ processMetrics: false });
  m.observeTimeline(timeline({ status: 'failed', provisioning: null, cloneMethod: null, backend: null }));
  m.observeTimeline(
    timeline({ phases: [phase('download', { mbps: 5 }), phase('convert', { mbps: 5 }), phase('temporary-image')], reasons: [{ code: 'cache-miss', message: 'm' }] }),
  );
  const e = await scrape(m);
  t.is(sampleValue(e, 'clonewatch_volumes_total', { status: 'failed', provisioning: 'none', clone_method: 'none', backend: 'unknown' }), 1);
  const labelNames = new Set(e.samples.flatMap((s) => Object.keys(s.labels)));
  t.deepEqual([...labelNames].sort(), ['backend', 'cinder_host', 'clone_method', 'le', 'provisioning', 'reason', 'status']);
});

test('only succeeded volumes are timed; incomplete and failed ones are counted', async (t) => {
  const m = createMetrics({ processMetrics: false });
  m.observeTimeline(timeline({ status: 'incomplete', end: T0 + 999_000 }));
  m.observeTimeline(timeline({ status: 'failed' }));
  m.observeTimeline(timeline({ status: 'succeeded', start: T0, end: T0 + 1500 }));
  m.observeTimeline(timeline({ status: 'succeeded', start: null }));
  const e = await scrape(m);
  t.is(sampleValue(e, 'clonewatch_volumes_total', { status: 'incomplete' }), 1);
  t.is(sampleValue(e, 'clonewatch_volumes_total', { status: 'succeeded' }), 2);
  t.is(sampleValue(e, 'clonewatch_provisioning_duration_seconds_count', { provisioning: 'copy' }), 1);
  t.is(sampleValue(e, 'clonewatch_provisioning_duration_seconds_sum', { provisioning: 'copy' }), 1.5);
});

test('throughput is observed in bytes per second from MiB/s; phases without a speed are not', async (t) => {
  const m = createMetrics({ processMetrics: false });
  m.observeTimeline(
    timeline({
      phases: [
        phase('download', { mbps: 10 }),
        phase('convert', { mbps: 0.5 }),
        phase('convert', { mbps: null }),
        phase('volume-copy', { mbps: 99 }),
        phase('temporary-image', { end: T0 + 90_000 }),
        phase('temporary-image', { end: null }),
      ],
    }),
  );
  const e = await scrape(m);
  t.is(sampleValue(e, 'clonewatch_download_throughput_bytes_per_second_sum', { backend: 'b' }), 10 * 1_048_576);
  t.is(sampleValue(e, 'clonewatch_conversion_throughput_bytes_per_second_count', { backend: 'b' }), 1);
  t.is(sampleValue(e, 'clonewatch_conversion_throughput_bytes_per_second_bucket', { backend: 'b', le: '1048576' }), 1);
  t.is(sampleValue(e, 'clonewatch_temporary_images_total', { backend: 'b' }), 2);
  t.is(sampleValue(e, 'clonewatch_temporary_image_residence_seconds_count', { backend: 'b' }), 1);
  t.is(sampleValue(e, 'clonewatch_temporary_image_residence_seconds_sum', { backend: 'b' }), 90);
});

test('throughput buckets run from 1 MiB/s to 2 GiB/s', async (t) => {
  const m = createMetrics({ processMetrics: false });
  m.observeTimeline(timeline({ phases: [phase('convert', { mbps: 40 })] }));
  const les = (await scrape(m)).samples.filter((s) => s.name === 'clonewatch_conversion_throughput_bytes_per_second_bucket').map((s) => s.labels['le']);
  t.is(les[0], '1048576');
  t.is(les.at(-2), '2147483648');
  t.is(les.at(-1), '+Inf');
});

test('reasons count once per code per volume; unknown codes become other', async (t) => {
  const m = createMetrics({ processMetrics: false });
  const r = (code: string) => ({ code, message: code });
  m.observeTimeline(timeline({ reasons: [r('image-not-raw'), r('image-not-raw'), r('some-future-code')] }));
  const e = await scrape(m);
  t.is(sampleValue(e, 'clonewatch_copy_reasons_total', { reason: 'image-not-raw' }), 1);
  t.is(sampleValue(e, 'clonewatch_copy_reasons_total', { reason: 'other' }), 1);
});

test('lines, evictions and open flows', async (t) => {
  const m = createMetrics({ processMetrics: false });
  m.addLines({ read: 10, recognised: 3, unrecognised: 6 });
  m.addLines({ read: 5, recognised: 0, unrecognised: 5 });
  m.addEvicted(2);
  m.setOpenFlows(7);
  m.setOpenFlows(4);
  const e = await scrape(m);
  t.is(sampleValue(e, 'clonewatch_lines_read_total'), 15);
  t.is(sampleValue(e, 'clonewatch_lines_recognised_total'), 3);
  t.is(sampleValue(e, 'clonewatch_lines_unrecognised_total'), 11);
  t.is(sampleValue(e, 'clonewatch_flows_evicted_total'), 2);
  t.is(sampleValue(e, 'clonewatch_open_flows'), 4);
  t.throws(() => m.addLines({ read: -1, recognised: 0, unrecognised: 0 }), { instanceOf: RangeError, message: 'Pass a count of zero or more for lines read: got -1' });
  t.throws(() => m.addEvicted(Number.NaN), { instanceOf: RangeError });
});

test('the totals feeder turns running totals into deltas and sets open flows', async (t) => {
  const m = createMetrics({ processMetrics: false });
  const feed = createTotalsFeeder(m);
  feed({ read: 10, recognised: 2, unrecognised: 8, evicted: 0, openFlows: 5 });
  feed({ read: 10, recognised: 2, unrecognised: 8, evicted: 0, openFlows: 6 });
  feed({ read: 25, recognised: 5, unrecognised: 20, evicted: 3, openFlows: 1 });
  const e = await scrape(m);
  t.is(sampleValue(e, 'clonewatch_lines_read_total'), 25);
  t.is(sampleValue(e, 'clonewatch_lines_recognised_total'), 5);
  t.is(sampleValue(e, 'clonewatch_lines_unrecognised_total'), 20);
  t.is(sampleValue(e, 'clonewatch_flows_evicted_total'), 3);
  t.is(sampleValue(e, 'clonewatch_open_flows'), 1);
});

test('process metrics are on by default, off on request, and never in the global registry', async (t) => {
  const before = (await globalRegistry.metrics()).length;
  const withProcess = parseExposition(await createMetrics().registry.metrics());
  const without = parseExposition(await createMetrics({ processMetrics: false }).registry.metrics());
  t.true(withProcess.type.has('process_cpu_seconds_total'));
  t.true(withProcess.type.has('nodejs_heap_size_used_bytes'));
  t.false(withProcess.type.has('nodejs_active_handles_total'), 'a gauge named like a counter, left out');
  t.false([...without.type.keys()].some((n) => !n.startsWith('clonewatch_')));
  t.is((await globalRegistry.metrics()).length, before);
});

test('two instances do not share counts', async (t) => {
  const a = createMetrics({ processMetrics: false });
  const b = createMetrics({ processMetrics: false });
  a.observeTimeline(timeline());
  t.is(sampleValue(await scrape(a), 'clonewatch_volumes_total'), 1);
  t.false((await scrape(b)).samples.some((s) => s.name === 'clonewatch_volumes_total'));
});
