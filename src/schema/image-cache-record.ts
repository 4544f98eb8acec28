import * as z from 'zod';
import { EVICTION_REASONS } from '../reduce/create-image-cache-stats.ts';

const Count = z.number().int().nonnegative();
const ByReason = z.object(Object.fromEntries(EVICTION_REASONS.map((r) => [r, Count])) as Record<(typeof EVICTION_REASONS)[number], typeof Count>);

/** One backend's image-volume cache in the summary and the report (`imageCache[]`). */
export const ImageCacheRecordSchema = z.object({
  /** `host@backend`. */
  backend: z.string(),
  hits: Count,
  misses: Count,
  /** hits / (hits + misses), null without lookups. */
  hitRatio: z.number().min(0).max(1).nullable(),
  created: Count,
  notCreated: Count,
  evictions: ByReason,
  /** Misses of an image an earlier request had evicted from this backend, by that eviction's reason. */
  churn: ByReason,
  churnImages: z.array(z.string()),
  limits: z.object({ maxCount: Count, maxGb: Count }).nullable(),
  peak: z.object({ count: Count, gb: Count }).nullable(),
  needed: z.object({ maxCount: Count, maxGb: Count }).nullable(),
});
export type ImageCacheRecord = z.infer<typeof ImageCacheRecordSchema>;
