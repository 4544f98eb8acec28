import { EVICTION_REASONS, type BackendCacheStats, type EvictionReason } from '../reduce/create-image-cache-stats.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `6 (count 3, size 2, stale 1)`, reasons in a fixed order; `0` without any. */
export function byReason(o: Readonly<Record<EvictionReason, number>>): string {
  const parts = EVICTION_REASONS.filter((r) => o[r] > 0).map((r) => `${r} ${o[r]}`);
  const total = EVICTION_REASONS.reduce((n, r) => n + o[r], 0);
  return parts.length === 0 ? '0' : `${total} (${parts.join(', ')})`;
}

/** The hit ratio as a whole percentage (`89 %`), `-` without lookups. */
export const hitPercent = (c: BackendCacheStats): string => (c.hitRatio === null ? '-' : `${Math.round(c.hitRatio * 100)} %`);

/**
 * One backend's image-volume cache on one line, for the summary and the report:
 * `8 hits · 1 miss (hit ratio 89 %) · 1 created · evicted 0`, then churn and the limits when there are.
 * The backend name is the caller's (it is log text: the caller makes it terminal-safe).
 */
export function describeImageCache(c: BackendCacheStats): string {
  const parts = [`${plural(c.hits, 'hit', 'hits')} · ${plural(c.misses, 'miss', 'misses')} (hit ratio ${hitPercent(c)})`, `${c.created} created${c.notCreated ? ` (${c.notCreated} too large to cache)` : ''}`, `evicted ${byReason(c.evictions)}`];
  const churn = EVICTION_REASONS.reduce((n, r) => n + c.churn[r], 0);
  if (churn > 0) parts.push(`missed again after eviction ${byReason(c.churn)}`);
  if (c.limits !== null) parts.push(`limits ${c.limits.maxCount || 'no'} max entries / ${c.limits.maxGb || 'no'} max GB`);
  return parts.join(' · ');
}
