import { Counter, Gauge, type Registry } from 'prom-client';
import type { HeldNow } from '../reduce/held-in-conversion-dir.ts';
import type { Timeline } from '../reduce/timeline.ts';
import { createConversionDirPeaks } from '../report/create-conversion-dir-peaks.ts';

/**
 * The conversion directory's metrics, by cinder-volume host (label `cinder_host`: `host` is the scrape's
 * target label in contrib/prometheus.yml; bounded: one exporter per host,
 * or the hosts of one merged journal): the bytes the running creates hold there now (given `heldNow`,
 * the pipeline's), the most held at once by the finished ones, and the creates that failed for lack of
 * space there. Both gauges are computed when Prometheus scrapes.
 */
export function conversionDirMetrics(registers: Registry[], heldNow?: () => HeldNow[]): { observe(t: Timeline): void } {
  const peaks = createConversionDirPeaks();
  new Gauge({
    name: 'clonewatch_conversion_dir_bytes',
    help: 'Bytes the volume creations still running hold in image_conversion_dir now, by cinder-volume host (no series: nothing held).',
    labelNames: ['cinder_host'] as const,
    registers,
    collect() {
      this.reset();
      for (const h of heldNow?.() ?? []) this.set({ cinder_host: h.host ?? 'unknown' }, h.bytes);
    },
  });
  new Gauge({
    name: 'clonewatch_conversion_dir_peak_bytes',
    help: 'Most bytes held at once in image_conversion_dir by the finished volume creations (downloaded images at their size, files converted there at the virtual size), by cinder-volume host.',
    labelNames: ['cinder_host'] as const,
    registers,
    collect() {
      this.reset();
      for (const h of peaks.result().hosts) this.set({ cinder_host: h.host ?? 'unknown' }, h.peakBytes);
    },
  });
  const noSpace = new Counter({
    name: 'clonewatch_conversion_dir_no_space_failures_total',
    help: 'Volume creations that failed for lack of space in image_conversion_dir, by cinder-volume host (0 from the host\'s first volume on).',
    labelNames: ['cinder_host'] as const,
    registers,
  });
  return {
    observe(t) {
      peaks.add(t);
      // Every host seen gets its series at 0, so a dashboard's increase() answers before the first failure.
      noSpace.inc({ cinder_host: t.host ?? 'unknown' }, t.conversionDir?.noSpace ? 1 : 0);
    },
  };
}
