// Image-volume cache (reference §3.4, §4): hit → clone from the cached image-volume;
// miss → download, then a nested source_vol create seeds the cache under the same request id.
import { Flow, CV } from './flow.ts';
import { backendOf, cacheEntry, sourceVolSpec, volName, type CacheEntry, type Vol } from './model.ts';
import { SRC } from './src.ts';

const CACHE = 'cinder.image.cache';
const vg = (v: Vol) => `stack-volumes-${backendOf(v).split('@')[1] ?? ''}`;

function lookup(f: Flow, e: CacheEntry): void {
  f.debug(CACHE, `Found image-volume cache entry: ${cacheEntry(e)}.`, SRC.cacheEntry);
  const u = `${e.image.updated.replace('T', ' ')}+00:00`;
  f.debug(CACHE, `Image-volume cache entry image_update_at = ${u}, requested image updated_at = ${u}.`, SRC.cacheShouldUpdate);
}

/** LVM thin create_cloned_volume: LV snapshot (no INFO line), optional resize. */
export function lvmThinClone(f: Flow, srcId: string, srcSize: number): void {
  f.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvcreate --name ${volName(f.vol)} --snapshot ${vg(f.vol)}/volume-${srcId}`, 0.318);
  if (f.vol.size > srcSize) {
    f.debug('cinder.volume.drivers.lvm', `Resize the new volume to ${f.vol.size}.`, SRC.lvmResize);
    f.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvextend -L ${f.vol.size}g ${vg(f.vol)}/${volName(f.vol)}`, 0.207);
  }
  f.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvchange -a y -K ${vg(f.vol)}/${volName(f.vol)}`, 0.094);
}

/** Cache hit: both lookups, C1, backend clone. */
export function cacheHit(f: Flow, e: CacheEntry): void {
  lookup(f, e);
  f.debug(CV, `Found cache entry for image = ${e.image.id} on host ${f.vol.host}.`, SRC.cacheFound);
  f.debug(CV, `Attempting to retrieve cache entry for image = ${e.image.id} on host ${f.vol.host}.`, SRC.cacheAttempt);
  lookup(f, e);
  f.debug(CV, `Creating from source image-volume ${e.volumeId}`, SRC.cacheFrom);
  lvmThinClone(f, e.volumeId, e.size);
}

/** Cache miss: C2 then the retrieval attempt (which finds nothing). */
export function cacheMiss(f: Flow): void {
  f.debug(CV, `Preparing cache entry for image = ${f.img.id} on host ${f.vol.host}.`, SRC.cachePrep);
  f.debug(CV, `Attempting to retrieve cache entry for image = ${f.img.id} on host ${f.vol.host}.`, SRC.cacheAttempt);
}

/** After the download: clone the user volume into a new cache image-volume (LVM thick dd). */
export function seedCache(f: Flow, cacheVol: Vol, e: CacheEntry, ddSecs: number | null, beforeClone?: () => void): void {
  beforeClone?.(); // _create_image_cache_volume_entry: ensure_space runs before the image-volume clone
  const values = `{'availability_zone': 'nova', 'size': ${cacheVol.size}, 'host': '${cacheVol.host}', 'volume_type_id': '${'b1e1c4a2-5d3f-4a8e-9c6b-2f7d8e9a0b1c'}', ` +
    `'bootable': False, 'multiattach': False, 'encryption_key_id': None, 'cluster_name': None, 'shared_targets': False, ` +
    `'display_name': 'image-${e.image.id}', 'source_volid': '${f.vol.id}', 'status': 'creating', 'attach_status': 'detached', ` +
    `'project_id': '${cacheVol.projectId}', 'user_id': '${cacheVol.userId}'}`;
  f.debug('cinder.volume.manager', `Creating image volume entry: ${values}.`, SRC.imgVolEntry);
  const n = new Flow(f.w, f.svc, f.t, f.ctx, cacheVol, { release: f.release });
  n.start('source_vol', sourceVolSpec(cacheVol, f.vol.id, 'downloading'), undefined, false);
  if (ddSecs === null) {
    lvmThinClone(n, f.vol.id, cacheVol.size);
  } else {
    thickClone(n, f.vol, cacheVol, ddSecs);
  }
  n.success();
  f.t = n.t;
  f.debug(CACHE, `Creating new image-volume cache entry for image ${e.image.id} on ${backendOf(cacheVol)}`, SRC.cacheCreate);
  f.debug(CACHE, `New image-volume cache entry created: ${cacheEntry(e)}.`, SRC.cacheCreated);
  f.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvextend -L ${f.vol.size}g ${vg(f.vol)}/${volName(f.vol)}`, 0.244);
}

/** LVM thick create_cloned_volume: INFO `Creating clone of volume`, temp snapshot, dd (`Volume copy`). */
function thickClone(n: Flow, user: Vol, cacheVol: Vol, ddSecs: number): void {
  const f = { vol: user };
  const snap = `clone-snap-${cacheVol.id}`;
  n.info('cinder.volume.drivers.lvm', `Creating clone of volume: ${f.vol.id}`);
  n.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvcreate --name ${snap} --snapshot ${vg(f.vol)}/${volName(f.vol)} -L ${cacheVol.size}g`, 0.412);
  n.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvcreate -n ${volName(cacheVol)} ${vg(f.vol)} -L ${cacheVol.size}g`, 0.286);
  const src = `/dev/${vg(f.vol)}/${snap}`;
  const dst = `/dev/${vg(f.vol)}/${volName(cacheVol)}`;
  const bytes = cacheVol.size * 1073741824;
  n.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf dd if=${src} of=${dst} count=${bytes} bs=1M iflag=count_bytes,direct oflag=direct`, ddSecs);
  const mbs = (cacheVol.size * 1024).toFixed(2);
  n.debug('cinder.volume.volume_utils', `Volume copy details: src ${src}, dest ${dst}, size ${mbs} MB, duration ${ddSecs.toFixed(2)} sec`, SRC.volCopyDetails);
  n.info('cinder.volume.volume_utils', `Volume copy ${mbs} MB at ${(cacheVol.size * 1024 / Math.max(ddSecs, 1)).toFixed(2)} MB/s`);
  n.cmd(`sudo cinder-rootwrap /etc/cinder/rootwrap.conf lvremove --config activation { retry_deactivation = 1} devices { ignore_suspended_devices = 1} -f ${vg(f.vol)}/${snap}`, 0.377);
}

/** cinder's limits of one backend's cache (image_volume_cache_max_count / _max_size_gb). */
export interface CacheLimits { maxCount: number; maxGb: number }

/**
 * ImageVolumeCache.ensure_space (≤ 2025.1 wording): the size and count with the new entry, then
 * for each least recently used entry it removes: `Reclaiming …`, the volume API's `Evicting image
 * cache entry` (it deletes the cache image-volume, which evicts the entry) and the new totals.
 */
export function ensureSpace(f: Flow, held: readonly CacheEntry[], newSize: number, limits: CacheLimits, evict: readonly CacheEntry[]): void {
  const service = backendOf(f.vol);
  let gb = held.reduce((n, e) => n + e.size, 0) + newSize;
  let count = held.length + 1;
  f.debug(CACHE, `Image-volume cache for ${service} current_size (GB) = ${gb} (max = ${limits.maxGb}), current count = ${count} (max = ${limits.maxCount}).`, SRC.cacheSpace);
  for (const e of evict) {
    f.debug(CACHE, `Reclaiming image-volume cache space; removing cache entry ${cacheEntry(e)}.`, SRC.cacheReclaim);
    f.debug(CACHE, `Evicting image cache entry: ${cacheEntry(e)}.`, SRC.cacheEvict);
    gb -= e.size;
    count -= 1;
    f.debug(CACHE, `Image-volume cache for ${service} new size (GB) = ${gb}, new count = ${count}.`, SRC.cacheSpaceAfter);
  }
}

/** A lookup that finds an entry older than the image (≤ 2025.1): out-dated, evicted, then the miss. */
export function staleMiss(f: Flow, e: CacheEntry): void {
  f.debug(CACHE, `Found image-volume cache entry: ${cacheEntry(e)}.`, SRC.cacheEntry);
  f.debug(CACHE, `Image-volume cache entry image_update_at = ${e.image.updated.replace('T', ' ')}+00:00, requested image updated_at = ${f.img.updated.replace('T', ' ')}+00:00.`, SRC.cacheShouldUpdate);
  f.debug(CACHE, `Image-volume cache entry is out-dated, evicting: ${cacheEntry(e)}.`, SRC.cacheOutdated);
  f.debug(CACHE, `Evicting image cache entry: ${cacheEntry(e)}.`, SRC.cacheEvict);
  cacheMiss(f);
}
