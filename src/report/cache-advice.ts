import { CAPACITY_REASONS, type BackendCacheStats } from '../reduce/create-image-cache-stats.ts';

export interface CacheAdvice {
  readonly code: 'cache-too-small';
  readonly message: string;
  readonly command: null;
  /** The misses the advice would have turned into hits. */
  readonly volumes: number;
}

/**
 * One advice per backend whose cache limits caused misses (an image evicted by count or by size,
 * then looked up again by a later request): raise each limit that is set and below what the
 * lookups needed (see BackendCacheStats.needed) to that value.
 */
export function cacheAdvice(stats: readonly BackendCacheStats[]): CacheAdvice[] {
  const out: CacheAdvice[] = [];
  for (const s of stats) {
    if (s.needed === null) continue;
    const misses = [...CAPACITY_REASONS].reduce((n, r) => n + s.churn[r], 0);
    const by = [...CAPACITY_REASONS].filter((r) => s.churn[r] > 0).map((r) => `${s.churn[r]} by ${r === 'space' ? 'count or size' : r}`);
    const set: string[] = [];
    const now = s.limits;
    if (now === null || (now.maxCount > 0 && s.needed.maxCount > now.maxCount)) set.push(`image_volume_cache_max_count = ${s.needed.maxCount}${now === null ? '' : ` (now ${now.maxCount})`}`);
    if (now === null || (now.maxGb > 0 && s.needed.maxGb > now.maxGb)) set.push(`image_volume_cache_max_size_gb = ${s.needed.maxGb}${now === null ? '' : ` (now ${now.maxGb})`}`);
    if (set.length === 0) continue;
    const at = s.backend.lastIndexOf('@');
    const where = at < 0 ? 'in the backend section of cinder.conf' : `in the [${s.backend.slice(at + 1)}] section of cinder.conf on ${s.backend.slice(0, at)}`;
    out.push({
      code: 'cache-too-small',
      message:
        `the image-volume cache of ${s.backend} is too small: ${misses} miss${misses === 1 ? ' was' : 'es were'} of images it had evicted to make room (${by.join(', ')}); ` +
        `for them to be hits it had to hold ${s.needed.maxCount} entr${s.needed.maxCount === 1 ? 'y' : 'ies'} and ${s.needed.maxGb} GB: set ${set.join(' and ')} ${where}`,
      command: null,
      volumes: misses,
    });
  }
  return out;
}
