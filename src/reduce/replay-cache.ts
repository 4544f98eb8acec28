/** One step of a backend's image-volume cache history, in log order. */
export type CacheOp =
  /** A lookup of the image (a hit or a miss in the log); a miss seeds an entry of `sizeGb`. */
  | { readonly kind: 'lookup'; readonly imageId: string; readonly sizeGb: number }
  /** The image's entry is removed whatever the limits: out-dated, snapshot limit, deleted. */
  | { readonly kind: 'drop'; readonly imageId: string };

/** cinder's limits; 0 is unlimited (as in cinder.conf). */
export interface CacheLimits {
  readonly maxCount: number;
  readonly maxGb: number;
}

/**
 * How many lookups miss when `ops` run through a cache with these limits, the way cinder's
 * `ImageVolumeCache` keeps it: a miss creates an entry after `ensure_space` removes the least
 * recently used entries until the new one fits (count and GB), and an entry larger than
 * `maxGb` is never created; a hit makes its entry the most recently used.
 */
export function replayCache(ops: readonly CacheOp[], limits: CacheLimits): number {
  const held = new Map<string, number>(); // image → GB, least recently used first
  let gb = 0;
  let misses = 0;
  for (const op of ops) {
    const size = held.get(op.imageId);
    if (op.kind === 'drop') {
      if (size !== undefined) {
        held.delete(op.imageId);
        gb -= size;
      }
      continue;
    }
    if (size !== undefined) {
      held.delete(op.imageId);
      held.set(op.imageId, size);
      continue;
    }
    misses++;
    if (limits.maxGb > 0 && op.sizeGb > limits.maxGb) continue;
    while (held.size > 0 && ((limits.maxCount > 0 && held.size + 1 > limits.maxCount) || (limits.maxGb > 0 && gb + op.sizeGb > limits.maxGb))) {
      const [oldest, oldSize] = held.entries().next().value as [string, number];
      held.delete(oldest);
      gb -= oldSize;
    }
    held.set(op.imageId, op.sizeGb);
    gb += op.sizeGb;
  }
  return misses;
}

/**
 * The smallest limit (count of entries, or GB) at which the ops miss no more often than in an
 * unlimited cache, the other limit unlimited: what the cache had to hold for the misses its
 * limits caused to be hits. Searched by bisection up to what an unlimited cache would hold.
 */
export function neededLimit(ops: readonly CacheOp[], which: 'count' | 'gb'): number {
  const unlimited = replayCache(ops, { maxCount: 0, maxGb: 0 });
  const sizes = new Map<string, number>();
  for (const op of ops) if (op.kind === 'lookup') sizes.set(op.imageId, Math.max(op.sizeGb, sizes.get(op.imageId) ?? 0));
  let hi = which === 'count' ? Math.max(1, sizes.size) : Math.max(1, [...sizes.values()].reduce((a, b) => a + b, 0));
  let lo = 1;
  const ok = (n: number) => replayCache(ops, which === 'count' ? { maxCount: n, maxGb: 0 } : { maxCount: 0, maxGb: n }) <= unlimited;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}
