import { serveMetrics } from '../io/serve-metrics.ts';
import { createCacheMetrics } from '../metrics/create-cache-metrics.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import { createTotalsFeeder } from '../metrics/create-totals-feeder.ts';
import type { Progress } from '../pipeline/analyse.ts';
import type { HeldNow } from '../reduce/held-in-conversion-dir.ts';
import type { Timeline } from '../reduce/timeline.ts';

export interface Exporter {
  readonly url: string;
  /** Counts one emitted timeline (and brings the line counters up to date). */
  observe(t: Timeline): void;
  /** Last update of the counters, then the server stops. */
  close(): Promise<void>;
}

/** How often the line counters and the open-flows gauge follow the pipeline between timelines. */
const REFRESH_MS = 1000;

/**
 * `--metrics-port`: serves /metrics for the run. Timelines are counted as they are emitted; line
 * counters and the open-flows gauge are refreshed from the pipeline's progress once a second and at
 * every timeline. Rejects with a message that says what to change when the port cannot be bound.
 */
export async function startExporter(opts: { host: string; port: number }, progress: () => Progress, held?: () => HeldNow[]): Promise<Exporter> {
  const metrics = createMetrics(held === undefined ? {} : { heldInConversionDir: held });
  const server = await serveMetrics(metrics, opts);
  const feed = createTotalsFeeder(metrics);
  const feedCache = createCacheMetrics(metrics.registry);
  const refresh = () => {
    const p = progress();
    feed(p);
    feedCache(p.imageCache);
  };
  const timer = setInterval(refresh, REFRESH_MS);
  timer.unref();
  return {
    url: server.url,
    observe(t) {
      metrics.observeTimeline(t);
      refresh();
    },
    async close() {
      clearInterval(timer);
      refresh();
      await server.close();
    },
  };
}
