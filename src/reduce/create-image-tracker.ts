import type { LogRecord } from '../model/log-record.ts';
import type { Event } from '../recognise/event.ts';
import { parseVolumeSpec } from '../recognise/parse-volume-spec.ts';
import type { GlanceServe, ImageData, ImageTransfer, PlacementView, StorePlacement } from './image.ts';

const BOUNDED = 4096;
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Transfer = Mutable<ImageTransfer> & { imageId: string | null };

/** One glance-api request context (host + request id): an image GET, an upload, or an import task. */
interface Req {
  readonly host: string | null;
  readonly rid: string;
  imageId: string | null;
  start: number | null;
  cacheHit: boolean | null;
  /** Store of the ImportToStore atom running now (imports), else null. */
  store: string | null;
  method: string | null;
  importing: boolean;
  transfer: Transfer | null;
}

interface ImageState {
  readonly imageId: string;
  name: string | null;
  diskFormat: string | null;
  sizeBytes: number | null;
  readonly stores: Set<string>;
  readonly transfers: Transfer[];
  served: { count: number; bytes: number; cacheHits: number };
  volumes: { clone: number; copy: number };
  first: number | null;
  last: number | null;
}

export interface ImageTracker {
  /** Feeds one recognised event (glance and cinder alike: cinder's spec and Volume reprs tell placement). */
  observe(event: Event): void;
  /** The glance-side serving of a flow's image, by the request ids glance logs for cinder (§2.4), else by image and time. */
  takeServe(requestIds: readonly (string | null)[], imageId: string | null, from: number | null, to: number | null, near: number | null): GlanceServe | null;
  placement(imageId: string | null, volumeId: string | null): PlacementView;
  countVolume(imageId: string | null, provisioning: 'clone' | 'copy' | null): void;
  images(): ImageData[];
}

/** Tracks images across glance-api, glance_store and cinder-volume lines. Pure state, no I/O, log time only. */
export function createImageTracker(): ImageTracker {
  const reqs = new Map<string, Req>();
  /** Requests whose first line named the worker (DEBUG suffix pid), waiting for uwsgi's request line. */
  const openByWorker = new Map<string, { req: Req; method: string; path: string }[]>();
  const serves = new Map<string, GlanceServe[]>();
  const unpaired: GlanceServe[] = [];
  const images = new Map<string, ImageState>();
  const volumeStore = new Map<string, string>();
  const volumeBackend = new Map<string, string>();
  const storeVolumeType = new Map<string, string>();
  /**
   * Kept as they come, so that placement() costs the number of stores, not of images: every store
   * an image is in, the volume type of a store as a transfer named it, and the typed transfers whose
   * store is not known yet (it may be learned later from the volume's cinder:// location).
   */
  const storeNames = new Set<string>();
  const transferVolumeType = new Map<string, string>();
  let pendingTyped: Transfer[] = [];
  /** The backends each store's image-volumes were created on (volumeStore joined with volumeBackend as they are learned). */
  const storeBackends = new Map<string, Set<string>>();
  const link = (volumeId: string): void => {
    const store = volumeStore.get(volumeId);
    const backend = volumeBackend.get(volumeId);
    if (store === undefined || backend === undefined) return;
    const set = storeBackends.get(store) ?? new Set<string>();
    set.add(backend);
    storeBackends.set(store, set);
  };

  const addStore = (s: ImageState, name: string): void => {
    s.stores.add(name);
    storeNames.add(name);
  };
  const addTransfer = (s: ImageState, x: Transfer): void => {
    s.transfers.push(x);
    if (x.volumeType !== null) pendingTyped.push(x);
  };

  const image = (id: string, t: number | null): ImageState => {
    let s = images.get(id);
    if (s === undefined) {
      s = { imageId: id, name: null, diskFormat: null, sizeBytes: null, stores: new Set(), transfers: [], served: { count: 0, bytes: 0, cacheHits: 0 }, volumes: { clone: 0, copy: 0 }, first: t, last: t };
      images.set(id, s);
    }
    if (t !== null) {
      if (s.first === null || t < s.first) s.first = t;
      if (s.last === null || t > s.last) s.last = t;
    }
    return s;
  };

  const reqOf = (r: LogRecord): Req | null => {
    if (r.requestId === null || r.requestId === '') return null;
    const key = `${r.host ?? ''}\u0000${r.requestId}`;
    let q = reqs.get(key);
    if (q === undefined) {
      q = { host: r.host, rid: r.requestId, imageId: null, start: r.time, cacheHit: null, store: null, method: null, importing: false, transfer: null };
      remember(reqs, key, q);
    }
    return q;
  };

  const begin = (q: Req, t: number | null, volumeType: string | null): Transfer => {
    const x: Transfer = {
      kind: q.importing ? 'import' : 'upload', method: q.method, store: q.store, volumeType, volumeId: null, bytes: null,
      start: t, end: null, status: 'incomplete', host: q.host, requestId: q.rid, imageId: q.imageId,
    };
    q.transfer = x;
    if (q.imageId !== null) addTransfer(image(q.imageId, t), x);
    return x;
  };

  const landed = (q: Req, x: Transfer, t: number | null) => {
    x.end = t;
    x.status = 'succeeded';
    if (x.imageId === null && q.imageId !== null) {
      x.imageId = q.imageId;
      addTransfer(image(q.imageId, t), x);
    }
    if (x.imageId !== null && x.bytes !== null) image(x.imageId, t).sizeBytes ??= x.bytes;
    if (x.store !== null && x.imageId !== null) addStore(image(x.imageId, t), x.store);
    if (x.store !== null && x.volumeId !== null) {
      remember(volumeStore, x.volumeId, x.store);
      link(x.volumeId);
    }
  };

  function observe(e: Event): void {
    const r = e.record;
    const f = e.fields;
    const t = r.time;
    switch (e.type) {
      case 'flowStart':
        return noteSpec(f['spec'] ?? '', t);
      case 'taskState':
        return noteVolumeRepr(f['rest'] ?? '');
      case 'glanceRequestStart': {
        const q = reqOf(r);
        if (q === null) return;
        q.imageId ??= f['imageId'] ?? null;
        if (q.imageId !== null) image(q.imageId, t);
        if (r.codePid !== null) {
          const key = `${r.host ?? ''}\u0000${r.codePid}`;
          const list = openByWorker.get(key) ?? [];
          list.push({ req: q, method: f['method'] ?? '', path: normalise(f['path'] ?? '') });
          if (list.length > 64) list.shift();
          remember(openByWorker, key, list);
        }
        return;
      }
      case 'glanceRequest':
        return noteRequest(r, f);
      case 'glanceCacheHit':
      case 'glanceCacheTee': {
        const q = reqOf(r);
        if (q !== null) {
          q.cacheHit = e.type === 'glanceCacheHit';
          q.imageId ??= f['imageId'] ?? null;
        }
        return;
      }
      case 'glanceSortedLocations': {
        const q = reqOf(r);
        if (q?.imageId) for (const m of (f['locations'] ?? '').matchAll(/'store_name': '([^']+)'/g)) if (m[1]) addStore(image(q.imageId, t), m[1]);
        return;
      }
      case 'glanceStoreCreating': {
        const q = reqOf(r);
        if (q === null) return;
        const type = f['volumeType'] === undefined || f['volumeType'] === 'None' ? null : f['volumeType'];
        begin(q, q.importing ? t : (q.start ?? t), type);
        if (q.store !== null && type !== null) remember(storeVolumeType, q.store, type);
        return;
      }
      case 'glanceStoreExtending':
      case 'glanceStoreWrote':
      case 'glanceFileWrote': {
        const q = reqOf(r);
        if (q === null) return;
        const x = q.transfer ?? begin(q, q.start ?? t, null);
        x.volumeId ??= f['volumeId'] ?? null;
        if (e.type !== 'glanceStoreExtending') {
          x.bytes = Number(f['bytes']);
          landed(q, x, t);
          q.transfer = null;
        }
        return;
      }
      case 'glanceStoreFailed':
      case 'glanceTaskFailed':
      case 'glanceImportStoreFailed':
      case 'glanceUploadFailed': {
        const q = reqOf(r);
        const x = q?.transfer;
        if (x) {
          x.status = 'failed';
          x.end = t;
          if (q) q.transfer = null;
        }
        return;
      }
      case 'glanceImportAtom':
        return noteAtom(r, f);
      case 'glanceImportLock':
      case 'glanceImportStores': {
        const q = reqOf(r);
        if (q !== null && f['imageId']) q.imageId ??= f['imageId'];
        if (q !== null) q.importing = true;
        return;
      }
      case 'glanceImportAlreadyInStore': {
        const q = reqOf(r);
        if (q?.imageId && f['store']) addStore(image(q.imageId, t), f['store']);
        return;
      }
      case 'glanceConversionUpdated': {
        const id = f['imageId'];
        if (id === undefined) return;
        const s = image(id, t);
        s.diskFormat = f['diskFormat'] ?? s.diskFormat;
        s.sizeBytes = Number(f['size']);
        return;
      }
      case 'glanceParallelStore': {
        const id = f['imageId'];
        const store = f['store'];
        if (f['outcome'] !== 'finished' || id === undefined || store === undefined) return;
        const q = reqOf(r);
        const x: Transfer = { kind: 'import', method: q?.method ?? null, store, volumeType: storeVolumeType.get(store) ?? null, volumeId: null, bytes: Number(f['size']) || null, start: q?.start ?? null, end: t, status: 'succeeded', host: r.host, requestId: r.requestId, imageId: id };
        const s = image(id, t);
        addTransfer(s, x);
        addStore(s, store);
        return;
      }
      default:
        return;
    }
  }

  function noteAtom(r: LogRecord, f: Event['fields']) {
    const q = reqOf(r);
    if (q === null) return;
    q.importing = true;
    const name = f['name'] ?? '';
    const state = f['state'];
    if (name === 'CopyImage') q.method = 'copy-image';
    else if (name === 'WebDownload') q.method = 'web-download';
    else if (name === 'GlanceDownload') q.method = 'glance-download';
    if (!name.endsWith('ImportToStore')) return;
    const store = name === 'ImportToStore' ? null : name.slice(0, -'-ImportToStore'.length);
    if (state === 'RUNNING') {
      q.store = store;
      q.method ??= 'glance-direct';
      q.transfer = null;
    } else if (state === 'SUCCESS') {
      if (store !== null && q.imageId !== null) addStore(image(q.imageId, r.time), store);
      q.store = null;
    } else if (state === 'FAILURE' || state === 'REVERTED') {
      const x = q.imageId === null ? undefined : images.get(q.imageId)?.transfers.findLast((y) => y.store === store && y.requestId === q.rid);
      if (x) {
        x.status = 'failed';
        x.end ??= r.time;
        if (store !== null && x.imageId !== null && x.end === r.time) images.get(x.imageId)?.stores.delete(store);
      }
      q.store = null;
    }
  }

  function noteRequest(r: LogRecord, f: Event['fields']) {
    const method = f['method'] ?? '';
    const path = normalise(f['path'] ?? '');
    const imageId = f['imageId'] ?? '';
    const end = r.time;
    const ms = f['ms'] !== undefined ? Number(f['ms']) : f['secs'] !== undefined ? Number(f['secs']) * 1000 : null;
    const start = end !== null && ms !== null ? end - ms : null;
    let q: Req | null = reqOf(r);
    if (q === null && f['workerPid'] !== undefined) {
      const list = openByWorker.get(`${r.host ?? ''}\u0000${f['workerPid']}`);
      const i = list?.findIndex((o) => o.method === method && o.path === path) ?? -1;
      if (list && i >= 0) q = list.splice(i, 1)[0]?.req ?? null;
    }
    const s = image(imageId, end);
    const status = Number(f['status']);
    const data = f['sub'] === '/file' || (f['api'] === '1' && f['sub'] === undefined);
    if (method === 'GET' && data) {
      const bytes = Number(f['bytes']);
      const serve: GlanceServe = { host: r.host, requestId: q?.rid ?? null, imageId, method, path, status, bytes, start, end, cacheHit: q?.cacheHit ?? null };
      s.served.count++;
      s.served.bytes += bytes;
      if (serve.cacheHit === true) s.served.cacheHits++;
      if (serve.requestId !== null) {
        const list = serves.get(serve.requestId) ?? [];
        list.push(serve);
        remember(serves, serve.requestId, list);
      } else {
        unpaired.push(serve);
        if (unpaired.length > BOUNDED) unpaired.shift();
      }
    } else if (method === 'PUT' && f['sub'] === '/file') {
      // The upload ends with the request line; a store that logged nothing (file store at INFO) still shows it here.
      const x = q?.transfer ?? s.transfers.findLast((y) => y.requestId !== null && y.requestId === q?.rid) ?? null;
      if (x !== null) {
        if (start !== null && (x.start === null || start < x.start)) x.start = start;
        if (status >= 400) x.status = 'failed';
      } else {
        addTransfer(s, { kind: 'upload', method: null, store: null, volumeType: null, volumeId: null, bytes: null, start, end, status: status >= 400 ? 'failed' : 'succeeded', host: r.host, requestId: q?.rid ?? null, imageId });
      }
      if (q !== null) q.transfer = null;
    }
  }

  function noteSpec(spec: string, t: number | null) {
    const s = parseVolumeSpec(spec);
    if (s.imageId === null) return;
    const img = image(s.imageId, t);
    img.name ??= s.imageName;
    img.diskFormat ??= s.diskFormat;
    img.sizeBytes ??= s.imageSizeBytes;
    const stores = /'stores': '([^']*)'/.exec(spec)?.[1];
    for (const name of stores?.split(',') ?? []) if (name.trim()) addStore(img, name.trim());
    for (const url of s.location?.urls ?? []) {
      const m = /^cinder:\/\/(?:([^/]+)\/)?([0-9a-f-]{36})$/.exec(url);
      if (m?.[2] === undefined) continue;
      if (m[1] !== undefined) {
        remember(volumeStore, m[2], m[1]);
        link(m[2]);
        addStore(img, m[1]);
      }
    }
  }

  function noteVolumeRepr(rest: string) {
    if (!rest.includes('Volume(')) return;
    const host = /\bhost='([^'@]+@[^'#]+)/.exec(rest)?.[1];
    const id = /\bid=([0-9a-f-]{36})/.exec(rest)?.[1];
    if (host !== undefined && id !== undefined) {
      remember(volumeBackend, id, host.split('@')[1] ?? host);
      link(id);
    }
  }

  function takeServe(requestIds: readonly (string | null)[], imageId: string | null, from: number | null, to: number | null, near: number | null): GlanceServe | null {
    const within = (x: GlanceServe) => (imageId === null || x.imageId === imageId) && (from === null || x.end === null || x.end >= from) && (to === null || x.start === null || x.start <= to);
    for (const rid of requestIds) {
      if (rid === null) continue;
      const list = serves.get(rid);
      const i = list?.findIndex(within) ?? -1;
      if (list && i >= 0) return list.splice(i, 1)[0] ?? null;
    }
    if (imageId === null || from === null || to === null) return null;
    // No request id (uwsgi line, no DEBUG): the one request for this image inside the flow, closest to its download's end.
    let best = -1;
    for (let i = 0; i < unpaired.length; i++) {
      const x = unpaired[i];
      if (x === undefined || !within(x) || x.start === null || x.start < from || x.end === null || x.end > to) continue;
      const b = unpaired[best];
      if (best < 0 || (near !== null && b?.end != null && Math.abs(x.end - near) < Math.abs(b.end - near))) best = i;
    }
    return best < 0 ? null : (unpaired.splice(best, 1)[0] ?? null);
  }

  /** A transfer whose glance lines did not name the store (an upload), named by cinder's `cinder://<store>/<volume>`. */
  const storeOf = (x: Transfer): string | null => x.store ?? (x.volumeId === null ? null : (volumeStore.get(x.volumeId) ?? null));

  function storesWithBackends(): Map<string, StorePlacement> {
    if (pendingTyped.length > 0) {
      pendingTyped = pendingTyped.filter((x) => {
        const store = storeOf(x);
        if (store === null) return true;
        if (x.volumeType !== null && !transferVolumeType.has(store)) transferVolumeType.set(store, x.volumeType);
        return false;
      });
    }
    const types = new Map(storeVolumeType);
    for (const [store, type] of transferVolumeType) if (!types.has(store)) types.set(store, type);
    const backends = storeBackends;
    const out = new Map<string, StorePlacement>();
    const names = new Set([...backends.keys(), ...types.keys(), ...storeNames]);
    for (const name of [...names].sort()) out.set(name, { name, volumeType: types.get(name) ?? null, backends: [...(backends.get(name) ?? [])].sort() });
    return out;
  }

  function placement(imageId: string | null, volumeId: string | null): PlacementView {
    const all = storesWithBackends();
    const s = imageId === null ? undefined : images.get(imageId);
    const stores = [...(s?.stores ?? [])].sort().map((n) => all.get(n) ?? { name: n, volumeType: null, backends: [] });
    return { stores, allStores: [...all.values()], volumeBackend: volumeId === null ? null : (volumeBackend.get(volumeId) ?? null) };
  }

  function countVolume(imageId: string | null, provisioning: 'clone' | 'copy' | null) {
    if (imageId === null || provisioning === null) return;
    const s = images.get(imageId);
    if (s) s.volumes[provisioning]++;
  }

  function result(): ImageData[] {
    const all = storesWithBackends();
    return [...images.values()]
      .filter((s) => UUID_RE.test(s.imageId))
      .sort((a, b) => (a.first ?? Infinity) - (b.first ?? Infinity) || a.imageId.localeCompare(b.imageId))
      .map((s) => {
        const stores = [...s.stores].sort();
        return {
          imageId: s.imageId, name: s.name, diskFormat: s.diskFormat, sizeBytes: s.sizeBytes, stores,
          storeDetails: stores.map((n) => all.get(n) ?? { name: n, volumeType: null, backends: [] }),
          transfers: s.transfers.map(({ imageId: _drop, ...x }) => ({ ...x, store: storeOf({ ...x, imageId: null }) })),
          served: { ...s.served }, volumes: { ...s.volumes }, first: s.first, last: s.last,
        };
      });
  }

  return { observe, takeServe, placement, countVolume, images: result };
}

/** `/image/v2/…` (devstack's uwsgi mount) and `/v2/…` are the same request. */
const normalise = (path: string) => path.replace(/^\/image(?=\/v[12]\/)/, '');

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  map.set(key, value);
  if (map.size > BOUNDED) {
    const first = map.keys().next().value;
    if (first !== undefined) map.delete(first);
  }
}
