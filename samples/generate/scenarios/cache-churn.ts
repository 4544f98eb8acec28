// 21. An image-volume cache too small for its images (2025.1, cinder 26.1.0 wordings): cvol-c's
// lvmdriver-1 (LVM thin) keeps at most 3 entries and 6 GB (image_volume_cache_max_count = 3,
// image_volume_cache_max_size_gb = 6). Eleven boots from five images, one after the other: each
// miss downloads, converts and seeds an entry, ensure_space evicting the least recently used ones
// first (two by size, three by count); cirros and ubuntu are evicted and missed again (churn); a
// stale ubuntu entry (the image was re-uploaded) is evicted as out-dated and re-seeded. Two hits.
// Replaying the lookups through cinder's LRU: 5 entries (GB unlimited) or 9 GB (count unlimited)
// would have kept every image that was missed again.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION, type CacheEntry, type Image } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, cacheVolume, entry, glanceHook, startup, userCreate, userCtx, vol } from '../lib/setup.ts';
import { cacheHit, cacheMiss, ensureSpace, seedCache, staleMiss } from '../lib/steps-cache.ts';
import { bootable, copyToVolume, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT, type VolumeTruth } from '../lib/truth.ts';

const N = 'cache-churn';
const POOL = 'cvol-c@lvmdriver-1#lvmdriver-1';
const LIMITS = { maxCount: 3, maxGb: 6 };
/** The same image re-uploaded: a newer updated_at, so the cached entry is out-dated. */
const UBUNTU2: Image = { ...IMAGES.ubuntu, updated: '2026-03-28T08:30:05' };
const GB: Record<string, number> = { [IMAGES.cirros.id]: 1, [IMAGES.cirrosRaw.id]: 1, [IMAGES.alpine.id]: 1, [IMAGES.ubuntu.id]: 3, [IMAGES.fedora.id]: 3 };

type Boot = { img: Image; key: string } & ({ hit: string } | { evict: string[]; stale?: string });
/** The boots in order: a hit names the entry it clones; a miss, the entries ensure_space removes (least recently used first). */
const BOOTS: Boot[] = [
  { key: 'b01', img: IMAGES.cirros, evict: [] },
  { key: 'b02', img: IMAGES.ubuntu, evict: [] },
  { key: 'b03', img: IMAGES.ubuntu, hit: 'b02' },
  { key: 'b04', img: IMAGES.fedora, evict: ['b01'] }, // 7 GB > 6: by size
  { key: 'b05', img: IMAGES.cirros, evict: ['b02'] }, // cirros missed again; 7 GB > 6: by size
  { key: 'b06', img: IMAGES.cirrosRaw, evict: [] },
  { key: 'b07', img: IMAGES.alpine, evict: ['b04'] }, // 4 entries > 3: by count
  { key: 'b08', img: IMAGES.ubuntu, evict: ['b05'] }, // ubuntu missed again; by count
  { key: 'b09', img: UBUNTU2, stale: 'b08', evict: [] }, // out-dated entry, then a miss
  { key: 'b10', img: IMAGES.alpine, hit: 'b07' },
  { key: 'b11', img: IMAGES.cirros, evict: ['b06'] }, // cirros missed again; by count
];

export default {
  name: N,
  modes: EXTRA_MODES,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-28T08:00:00');
    const a = aio(w, 'cvol-c', T - 4000e6, 331200);
    startup(w, a.cvol, T, 'cvol-c@lvmdriver-1', 'LVMVolumeDriver', true);
    const entries = new Map<string, CacheEntry>(); // the entry each miss seeded, by boot
    const held: string[] = []; // boots whose entries the cache holds, least recently used first
    const touch = (k: string) => {
      held.splice(held.indexOf(k), 1);
      held.push(k);
    };
    const out: VolumeTruth[] = [];
    BOOTS.forEach((b, i) => {
      const t = T + 60e6 + i * 95e6;
      const v = vol(N, b.key, 10, POOL, `ci-${b.key}`);
      const f = new Flow(w, a.cvol, t, userCtx(N, b.key, true), v, { img: b.img, loc: NO_LOCATION });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      if ('hit' in b) {
        const e = entries.get(b.hit);
        if (e === undefined) throw new Error(`${b.key}: no entry ${b.hit}`);
        cacheHit(f, { ...e, lastUsed: new Date(f.t / 1e3).toISOString().replace('Z', '').replace(/\.(\d{3})$/, '.$1000') });
        touch(b.hit);
        out.push(cloneT(v, 'cvol-c', b.img, 'image-cache'));
      } else {
        if (b.stale !== undefined) {
          const old = entries.get(b.stale);
          if (old === undefined) throw new Error(`${b.key}: no entry ${b.stale}`);
          staleMiss(f, old);
          held.splice(held.indexOf(b.stale), 1);
        } else cacheMiss(f);
        const size = GB[b.img.id] ?? 1;
        download(f, 4 + size * 3.1, glanceHook(w, a.gapi, f));
        copyToVolume(f, { secs: 6 + size * 5.3, createSize: size });
        downloaded(f);
        tempDeleted(f);
        const cv = cacheVolume(N, b.key, size, POOL);
        const e = entry(20 + i, b.img, cv.id, POOL, size, new Date(f.t / 1e3 + 60e3).toISOString().replace('Z', '').replace(/\.(\d{3})$/, '.$1000'));
        seedCache(f, cv, e, null, () => {
          // cinder's ensure_space: remove the least recently used entries until the new one fits.
          const sizeOf = (k: string) => entries.get(k)?.size ?? 0;
          const before = [...held];
          const evicted: string[] = [];
          while (held.length > 0 && (held.length + 1 > LIMITS.maxCount || held.reduce((n, k) => n + sizeOf(k), 0) + size > LIMITS.maxGb)) evicted.push(held.shift() as string);
          if (evicted.join() !== b.evict.join()) throw new Error(`${b.key}: ensure_space evicts ${evicted.join()} (expected ${b.evict.join()})`);
          ensureSpace(f, before.map((k) => entries.get(k) as CacheEntry), size, LIMITS, evicted.map((k) => entries.get(k) as CacheEntry));
        });
        entries.set(b.key, e);
        held.push(b.key);
        out.push(copyT(v, 'cvol-c', b.img, ['cache-miss', ...(b.stale === undefined ? [] : ['cache-entry-outdated'])], { cacheSeeded: true, internalVolumes: [cv.id] }));
      }
      bootable(f);
      f.success();
    });
    const end = T + 60e6 + BOOTS.length * 95e6;
    cinderPeriodic(w, a.cvol, T + 10e6, end, N);
    novaPeriodic(w, a.ncpu, T, end, N);
    keystoneChecks(w, a.ks, T, end, N);
    hostNoise(w, a.cvol, T + 20e6, N);
    return out;
  },
} satisfies Scenario;
