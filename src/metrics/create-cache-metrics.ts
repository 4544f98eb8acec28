import { Counter, type Registry } from 'prom-client';
import { EVICTION_REASONS, type CacheCounts } from '../reduce/create-image-cache-stats.ts';

/** The backend label of a cache key `host@backend`: the backend's name, as clonewatch_volumes_total{backend} has it. */
const backendLabel = (key: string) => (key.includes('@') ? key.slice(key.lastIndexOf('@') + 1) : key) || 'unknown';

/**
 * The image-volume cache counters, in `registry`, fed with the running counts per backend
 * (the pipeline's progress().imageCache) whenever the caller likes: each call adds what grew since
 * the last one, so nothing is counted twice.
 */
export function createCacheMetrics(registry: Registry): (counts: readonly CacheCounts[]) => void {
  const registers = [registry];
  const hits = new Counter({ name: 'clonewatch_image_cache_hits_total', help: 'Image-volume cache lookups that found an entry (Found cache entry …), by backend.', labelNames: ['backend'] as const, registers });
  const misses = new Counter({ name: 'clonewatch_image_cache_misses_total', help: 'Image-volume cache lookups that found none (Preparing cache entry …), by backend.', labelNames: ['backend'] as const, registers });
  const created = new Counter({ name: 'clonewatch_image_cache_entries_created_total', help: 'Image-volume cache entries created (New image-volume cache entry created …), by backend.', labelNames: ['backend'] as const, registers });
  const evictions = new Counter({
    name: 'clonewatch_image_cache_evictions_total',
    help: 'Image-volume cache entries removed, by backend and reason: count or size (ensure_space over image_volume_cache_max_count / _max_size_gb; space when the log does not say which), stale, snapshot-limit, other.',
    labelNames: ['backend', 'reason'] as const,
    registers,
  });
  const churn = new Counter({
    name: 'clonewatch_image_cache_misses_after_eviction_total',
    help: 'Image-volume cache misses of an image an earlier request had evicted from the same backend, by backend and the eviction reason.',
    labelNames: ['backend', 'reason'] as const,
    registers,
  });
  const last = new Map<string, number>();
  /** Adds what `now` grew by since the last call for this series (a total never goes down; one that did is ignored); a new series starts at its value, 0 included. */
  const grow = (counter: Counter<'backend'> | Counter<'backend' | 'reason'>, labels: Record<string, string>, series: string, now: number) => {
    const before = last.get(series);
    if (before === undefined || now > before) {
      // A backend's series start at 0 when it is first seen, so rate() and ratios see every one.
      counter.inc(labels, now - (before ?? 0));
      last.set(series, now);
    }
  };
  return (counts) => {
    for (const c of counts) {
      const backend = backendLabel(c.backend);
      grow(hits, { backend }, `h\u0000${c.backend}`, c.hits);
      grow(misses, { backend }, `m\u0000${c.backend}`, c.misses);
      grow(created, { backend }, `c\u0000${c.backend}`, c.created);
      for (const reason of EVICTION_REASONS) {
        grow(evictions, { backend, reason }, `e\u0000${c.backend}\u0000${reason}`, c.evictions[reason]);
        grow(churn, { backend, reason }, `a\u0000${c.backend}\u0000${reason}`, c.churn[reason]);
      }
    }
  };
}
