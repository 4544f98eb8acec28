import type { BackendCacheStats } from '../reduce/create-image-cache-stats.ts';
import type { ImageCacheRecord } from '../schema/image-cache-record.ts';

/** One backend's image-volume cache as JSON (summary and report): the hit ratio to three decimals. */
export function toImageCacheRecord(c: BackendCacheStats): ImageCacheRecord {
  return {
    backend: c.backend,
    hits: c.hits,
    misses: c.misses,
    hitRatio: c.hitRatio === null ? null : Math.round(c.hitRatio * 1000) / 1000,
    created: c.created,
    notCreated: c.notCreated,
    evictions: { ...c.evictions },
    churn: { ...c.churn },
    churnImages: [...c.churnImages],
    limits: c.limits === null ? null : { ...c.limits },
    peak: c.peak === null ? null : { ...c.peak },
    needed: c.needed === null ? null : { ...c.needed },
  };
}
