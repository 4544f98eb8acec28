import type { Event } from '../recognise/event.ts';
import { parseHostSpec } from '../recognise/parse-host-spec.ts';
import { parseCacheEntry } from './parse-cache-entry.ts';
import { remember } from './remember.ts';
import { neededLimit, type CacheOp } from './replay-cache.ts';

/**
 * Why an entry left the cache: `count` / `size` (ensure_space made room for a new entry and the
 * count / the GB were over `image_volume_cache_max_count` / `_max_size_gb`; `space` when the log
 * does not show which), `stale` (the image changed in Glance), `snapshot-limit` (the cached
 * image-volume cannot be cloned again), `other` (the image-volume was deleted for another reason).
 */
export const EVICTION_REASONS = ['count', 'size', 'space', 'stale', 'snapshot-limit', 'other'] as const;
export type EvictionReason = (typeof EVICTION_REASONS)[number];
/** The evictions the cache's limits cause: the ones raising a limit avoids. */
export const CAPACITY_REASONS: ReadonlySet<EvictionReason> = new Set(['count', 'size', 'space']);

/** The running counts of one backend (cheap: what the exporter reads every second). */
export interface CacheCounts {
  /** `host@backend` (cinder's cache is per backend, or per cluster). */
  readonly backend: string;
  readonly hits: number;
  readonly misses: number;
  readonly created: number;
  readonly evictions: Readonly<Record<EvictionReason, number>>;
  /** Misses of an image whose entry on this backend an earlier request evicted. */
  readonly churn: Readonly<Record<EvictionReason, number>>;
}

export interface BackendCacheStats extends CacheCounts {
  /** hits / (hits + misses); null without lookups. */
  readonly hitRatio: number | null;
  /** Entries that could not be created: `Unable to ensure space …` (the image is larger than the size limit). */
  readonly notCreated: number;
  /** The limits ensure_space logged (0: unlimited); null when it logged none. */
  readonly limits: { readonly maxCount: number; readonly maxGb: number } | null;
  /** The most entries / GB ensure_space counted with the entry it was about to create. */
  readonly peak: { readonly count: number; readonly gb: number } | null;
  /** Images missed again after a capacity eviction (ids, first 20). */
  readonly churnImages: readonly string[];
  /**
   * What the lookups needed for the capacity-caused misses to be hits, each limit on its own (the
   * other unlimited), replayed through cinder's LRU; null when no miss was caused by the limits.
   */
  readonly needed: { readonly maxCount: number; readonly maxGb: number } | null;
}

export interface ImageCacheStats {
  /** Observes every recognised event (cinder's cache lines; the others are ignored). */
  observe(event: Event): void;
  counts(): CacheCounts[];
  /** Backends with cache activity, by name. */
  result(): BackendCacheStats[];
}

const BOUNDED = 4096;
const MAX_OPS = 100_000;
const zero = (): Record<EvictionReason, number> => ({ count: 0, size: 0, space: 0, stale: 0, 'snapshot-limit': 0, other: 0 });

interface Backend {
  readonly backend: string;
  hits: number;
  misses: number;
  created: number;
  notCreated: number;
  readonly evictions: Record<EvictionReason, number>;
  readonly churn: Record<EvictionReason, number>;
  limits: { maxCount: number; maxGb: number } | null;
  peak: { count: number; gb: number } | null;
  /** The latest ensure_space state: which limit is over (count, GB), per request. */
  readonly over: Map<string, { count: number; gb: number }>;
  /** Image → the eviction that removed its entry (reason, request), until an entry is created again. */
  readonly evicted: Map<string, { reason: EvictionReason; request: string }>;
  /** Image → its entry's GB as last seen. */
  readonly sizes: Map<string, number>;
  readonly churnImages: string[];
  ops: CacheOp[] | null;
}

/** `host@backend` of `host@backend#pool` (or of a service `host@backend`); the text itself without a backend. */
function backendKey(hostSpec: string): string {
  const { host, backend } = parseHostSpec(hostSpec);
  return backend === null ? host : `${host}@${backend}`;
}

/**
 * Per backend: image-volume cache hits, misses, entries created, evictions by reason and churn,
 * from cinder's lines (reference §3.4, §4). cinder logs no "hit" or "miss" line: a lookup is a hit
 * at `Found cache entry for image = …` (or `Creating from source image-volume …` when that is
 * missing) and a miss at `Preparing cache entry for image = …`. An eviction is its reason line
 * (`Reclaiming image-volume cache space …`, `… out-dated …`, `Deleting image-volume cache entry
 * <why>: entry …`) or, without one, `Evicting image cache entry: …` (after `Creating from source
 * image-volume` of the same entry in that request: the ≤ 2025.1 snapshot-limit eviction). Lines
 * with and without a request id are both counted. Pure: events in, numbers out.
 */
export function createImageCacheStats(): ImageCacheStats {
  const backends = new Map<string, Backend>();
  /** Per request (host and request id): the cache lookup it is in. */
  const requests = new Map<string, { backend: string; imageId: string; hit: boolean; cloneFrom: string | null }>();
  /** Cache image-volumes whose eviction is counted (a reason line, then the `Evicting` line of the same entry). */
  const counted = new Map<string, true>();

  const of = (key: string): Backend => {
    let b = backends.get(key);
    if (b === undefined) {
      b = { backend: key, hits: 0, misses: 0, created: 0, notCreated: 0, evictions: zero(), churn: zero(), limits: null, peak: null, over: new Map(), evicted: new Map(), sizes: new Map(), churnImages: [], ops: [] };
      backends.set(key, b);
    }
    return b;
  };
  const op = (b: Backend, o: CacheOp) => {
    if (b.ops === null) return;
    if (b.ops.length >= MAX_OPS) b.ops = null; // too long a history to replay: no sizing advice
    else b.ops.push(o);
  };

  function lookup(request: string, b: Backend, imageId: string, hit: boolean) {
    if (hit) b.hits++;
    else {
      b.misses++;
      const gone = b.evicted.get(imageId);
      if (gone !== undefined && gone.request !== request) {
        b.churn[gone.reason]++;
        if (CAPACITY_REASONS.has(gone.reason) && b.churnImages.length < 20 && !b.churnImages.includes(imageId)) b.churnImages.push(imageId);
      }
      b.evicted.delete(imageId);
    }
    op(b, { kind: 'lookup', imageId, sizeGb: b.sizes.get(imageId) ?? 0 });
  }

  function evict(request: string, entryText: string, reason: EvictionReason | null) {
    const entry = parseCacheEntry(entryText);
    if (entry.host === null || entry.imageId === null) return;
    if (entry.volumeId !== null && counted.has(entry.volumeId)) return;
    const b = of(backendKey(entry.host));
    const r = reason ?? evictionReason(request, entry.volumeId);
    if (entry.volumeId !== null) remember(counted, entry.volumeId, true, BOUNDED);
    b.evictions[r]++;
    remember(b.evicted, entry.imageId, { reason: r, request }, BOUNDED);
    // The replay decides the evictions the limits cause; the others happen whatever the limits.
    if (!CAPACITY_REASONS.has(r)) op(b, { kind: 'drop', imageId: entry.imageId });
  }

  /** An `Evicting` line with no reason line before it: after `Creating from source image-volume` of that entry in this request, the ≤ 2025.1 snapshot-limit eviction. */
  function evictionReason(request: string, volumeId: string | null): EvictionReason {
    const inLookup = requests.get(request);
    return volumeId !== null && inLookup?.cloneFrom === volumeId ? 'snapshot-limit' : 'other';
  }

  function observe(event: Event): void {
    const f = event.fields;
    const r = event.record;
    const request = `${r.host ?? ''}\u0000${r.requestId ?? ''}`;
    switch (event.type) {
      case 'cacheFound':
      case 'cachePreparing': {
        const b = of(backendKey(f.cacheHost ?? ''));
        const imageId = f.imageId ?? '';
        const hit = event.type === 'cacheFound';
        const seen = requests.get(request);
        // A hit is counted once per lookup (`Found cache entry` then `Creating from source`); a retry after the snapshot limit looks up again.
        if (!(hit && seen?.hit === true && seen.imageId === imageId)) lookup(request, b, imageId, hit);
        remember(requests, request, { backend: b.backend, imageId, hit, cloneFrom: null }, BOUNDED);
        break;
      }
      case 'cacheAttempt': {
        const seen = requests.get(request);
        if (seen === undefined || seen.imageId !== f.imageId) remember(requests, request, { backend: backendKey(f.cacheHost ?? ''), imageId: f.imageId ?? '', hit: false, cloneFrom: null }, BOUNDED);
        break;
      }
      case 'cacheCloneFrom': {
        const seen = requests.get(request);
        if (seen === undefined) break;
        if (!seen.hit) {
          lookup(request, of(seen.backend), seen.imageId, true);
          seen.hit = true;
        }
        seen.cloneFrom = f.cacheVolumeId ?? null;
        break;
      }
      case 'cacheSnapshotLimit': {
        const seen = requests.get(request);
        if (seen !== undefined) seen.hit = false;
        break;
      }
      case 'cacheEntryFound': {
        const e = parseCacheEntry(f.entry ?? '');
        if (e.host !== null && e.imageId !== null && e.sizeGb !== null) of(backendKey(e.host)).sizes.set(e.imageId, e.sizeGb);
        break;
      }
      case 'cacheEntryCreated': {
        const e = parseCacheEntry(f.entry ?? '');
        if (e.host === null) break;
        const b = of(backendKey(e.host));
        b.created++;
        if (e.imageId !== null) {
          b.evicted.delete(e.imageId);
          if (e.sizeGb !== null) {
            b.sizes.set(e.imageId, e.sizeGb);
            // The miss that seeded this entry was replayed before its size was known.
            const last = b.ops?.findLast((o) => o.imageId === e.imageId);
            if (last?.kind === 'lookup' && b.ops !== null) b.ops[b.ops.lastIndexOf(last)] = { ...last, sizeGb: e.sizeGb };
          }
        }
        break;
      }
      case 'cacheEntryNotCreated': {
        if (event.rowId !== 'cache.entry-not-created.space') break;
        of(backendKey(f.service ?? '')).notCreated++;
        break;
      }
      case 'cacheSpace': {
        const b = of(backendKey(f.service ?? ''));
        const [gb, maxGb, count, maxCount] = [Number(f.sizeGb), Number(f.maxGb), Number(f.count), Number(f.maxCount)];
        b.limits = { maxCount, maxGb };
        if (b.peak === null || count > b.peak.count || gb > b.peak.gb) b.peak = { count: Math.max(count, b.peak?.count ?? 0), gb: Math.max(gb, b.peak?.gb ?? 0) };
        remember(b.over, request, { count, gb }, BOUNDED);
        break;
      }
      case 'cacheSpaceAfter': {
        const b = of(backendKey(f.service ?? ''));
        remember(b.over, request, { count: Number(f.count), gb: Number(f.sizeGb) }, BOUNDED);
        break;
      }
      case 'cacheReclaiming':
      case 'cacheEntryDeleted':
      case 'cacheEntryOutdated':
      case 'cacheEvicting': {
        const why = event.type === 'cacheEntryDeleted' ? f.why : event.type === 'cacheReclaiming' ? 'to reclaim space' : event.type === 'cacheEntryOutdated' ? 'that is out-dated' : null;
        const entryText = f.entry ?? '';
        let reason: EvictionReason | null = null;
        if (why === 'that is out-dated') reason = 'stale';
        else if (why === 'that reached its cloning snapshot limit') reason = 'snapshot-limit';
        else if (why === 'to reclaim space') reason = spaceReason(entryText, request);
        evict(request, entryText, reason);
        break;
      }
      default:
        break;
    }
  }

  /** By size when ensure_space's GB were over the size limit, else by count when the count was over; `space` when no state was logged. */
  function spaceReason(entryText: string, request: string): EvictionReason {
    const host = parseCacheEntry(entryText).host;
    const b = host === null ? undefined : backends.get(backendKey(host));
    const state = b?.over.get(request);
    if (b === undefined || state === undefined || b.limits === null) return 'space';
    if (b.limits.maxGb > 0 && state.gb > b.limits.maxGb) return 'size';
    if (b.limits.maxCount > 0 && state.count > b.limits.maxCount) return 'count';
    return 'space';
  }

  const counts = (b: Backend): CacheCounts => ({ backend: b.backend, hits: b.hits, misses: b.misses, created: b.created, evictions: { ...b.evictions }, churn: { ...b.churn } });

  function result(): BackendCacheStats[] {
    return [...backends.values()]
      .filter((b) => b.hits + b.misses + b.created + Object.values(b.evictions).reduce((x, y) => x + y, 0) > 0)
      .sort((a, b) => a.backend.localeCompare(b.backend))
      .map((b) => {
        const capacityChurn = [...CAPACITY_REASONS].reduce((n, r) => n + b.churn[r], 0);
        const needed = capacityChurn === 0 || b.ops === null ? null : { maxCount: neededLimit(b.ops, 'count'), maxGb: neededLimit(b.ops, 'gb') };
        return { ...counts(b), hitRatio: b.hits + b.misses === 0 ? null : b.hits / (b.hits + b.misses), notCreated: b.notCreated, limits: b.limits, peak: b.peak, churnImages: [...b.churnImages], needed };
      });
  }

  return { observe, counts: () => [...backends.values()].map(counts), result };
}
