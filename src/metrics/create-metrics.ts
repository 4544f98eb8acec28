import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HeldNow } from '../reduce/held-in-conversion-dir.ts';
import type { Timeline } from '../reduce/timeline.ts';
import { conversionDirMetrics } from './conversion-dir-metrics.ts';
import { DURATION_BUCKETS, RESIDENCE_BUCKETS, THROUGHPUT_BUCKETS } from './buckets.ts';
import { reasonLabel, timelineLabels } from './timeline-labels.ts';

/** Line counts since the last call (not running totals). */
export interface LineDelta {
  readonly read: number;
  readonly recognised: number;
  readonly unrecognised: number;
}

export interface Metrics {
  /** This exporter's own registry (never prom-client's global one). */
  readonly registry: Registry;
  /** Counts one finished, failed or incomplete volume and observes its phases. */
  observeTimeline(t: Timeline): void;
  addLines(delta: LineDelta): void;
  setOpenFlows(n: number): void;
  addEvicted(n: number): void;
}

export interface MetricsOptions {
  /** prom-client's default process and Node.js metrics (default true). */
  readonly processMetrics?: boolean;
  /** What the open creates hold in image_conversion_dir now (the pipeline's), read at scrape time. */
  readonly heldInConversionDir?: () => HeldNow[];
}

const MiB = 1_048_576;
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/** Adds n to a counter; n is a count of things, so a negative or non-finite n is a caller's bug. */
function add(counter: Counter, what: string, n: number): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`Pass a count of zero or more for ${what}: got ${n}`);
  if (n > 0) counter.inc(n);
}

/**
 * The Prometheus metrics of one clonewatch process, in their own registry. Label values are bounded:
 * status, provisioning, clone method, backend and reason code, never a volume or request id.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];

  const volumes = new Counter({
    name: 'clonewatch_volumes_total',
    help: 'Volumes whose creation clonewatch followed to its end, by outcome, by clone or copy, by how they were cloned and by backend.',
    labelNames: ['status', 'provisioning', 'clone_method', 'backend'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'clonewatch_provisioning_duration_seconds',
    help: 'Time from the first to the last log line of a volume creation that succeeded, by clone or copy.',
    labelNames: ['provisioning'] as const,
    buckets: [...DURATION_BUCKETS],
    registers,
  });
  const conversion = new Histogram({
    name: 'clonewatch_conversion_throughput_bytes_per_second',
    help: 'Speed of qemu-img image conversions during copies, as logged by Cinder, by backend.',
    labelNames: ['backend'] as const,
    buckets: [...THROUGHPUT_BUCKETS],
    registers,
  });
  const download = new Histogram({
    name: 'clonewatch_download_throughput_bytes_per_second',
    help: 'Speed of image downloads from Glance during copies, as logged by Cinder, by backend.',
    labelNames: ['backend'] as const,
    buckets: [...THROUGHPUT_BUCKETS],
    registers,
  });
  const reasons = new Counter({
    name: 'clonewatch_copy_reasons_total',
    help: 'Reasons the logs give why a volume was copied instead of cloned, once per reason per volume, by backend.',
    labelNames: ['reason', 'backend'] as const,
    registers,
  });
  const temporaryImages = new Counter({
    name: 'clonewatch_temporary_images_total',
    help: 'Images downloaded into the conversion directory during copies, by backend.',
    labelNames: ['backend'] as const,
    registers,
  });
  const residence = new Histogram({
    name: 'clonewatch_temporary_image_residence_seconds',
    help: 'How long a downloaded image sat in the conversion directory before it was deleted, by backend.',
    labelNames: ['backend'] as const,
    buckets: [...RESIDENCE_BUCKETS],
    registers,
  });
  const linesRead = new Counter({ name: 'clonewatch_lines_read_total', help: 'Input lines read, of every kind.', registers });
  const linesRecognised = new Counter({
    name: 'clonewatch_lines_recognised_total',
    help: 'Log records that matched one of the known Cinder or Glance messages.',
    registers,
  });
  const linesUnrecognised = new Counter({
    name: 'clonewatch_lines_unrecognised_total',
    help: 'Log records that matched none of the known messages (most cinder-volume lines are of no interest).',
    registers,
  });
  const evicted = new Counter({
    name: 'clonewatch_flows_evicted_total',
    help: 'Open volume creations dropped as incomplete because more than --max-open were open at once.',
    registers,
  });
  const openFlows = new Gauge({ name: 'clonewatch_open_flows', help: 'Volume creations started and not yet ended.', registers });
  const conversionDir = conversionDirMetrics(registers, options.heldInConversionDir);

  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
    // Gauges named like counters (promtool rejects them); the per-type nodejs_active_* gauges stay.
    for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
  }

  function observeTimeline(t: Timeline): void {
    const labels = timelineLabels(t);
    volumes.inc(labels);
    if (t.status === 'succeeded' && t.start !== null && t.end !== null && t.end >= t.start) {
      duration.observe({ provisioning: labels.provisioning }, (t.end - t.start) / 1000);
    }
    const backend = { backend: labels.backend };
    for (const p of t.phases) {
      if (p.name === 'convert' && p.mbps !== null) conversion.observe(backend, p.mbps * MiB);
      else if (p.name === 'download' && p.mbps !== null) download.observe(backend, p.mbps * MiB);
      else if (p.name === 'temporary-image') {
        temporaryImages.inc(backend);
        if (p.start !== null && p.end !== null && p.end >= p.start) residence.observe(backend, (p.end - p.start) / 1000);
      }
    }
    for (const code of new Set(t.reasons.map((r) => reasonLabel(r.code)))) reasons.inc({ reason: code, backend: labels.backend });
    conversionDir.observe(t);
  }

  return {
    registry,
    observeTimeline,
    addLines(delta) {
      add(linesRead, 'lines read', delta.read);
      add(linesRecognised, 'lines recognised', delta.recognised);
      add(linesUnrecognised, 'lines unrecognised', delta.unrecognised);
    },
    setOpenFlows(n) {
      openFlows.set(n);
    },
    addEvicted(n) {
      add(evicted, 'flows evicted', n);
    },
  };
}
