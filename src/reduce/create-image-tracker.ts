import type { Event } from '../recognise/event.ts';
import { noteImportAtom } from './note-import-atom.ts';
import { noteRequestLine } from './note-request-line.ts';
import { parseHostSpec } from '../recognise/parse-host-spec.ts';
import { createGlanceRequests } from './create-glance-requests.ts';
import { createImageCatalogue } from './create-image-catalogue.ts';
import { createServeLog } from './create-serve-log.ts';
import { createStorePlacement } from './create-store-placement.ts';
import type { GlanceServe, ImageData, PlacementView } from './image.ts';
import { normaliseImagePath } from './normalise-image-path.ts';
import type { TrackedImage, Transfer } from './tracked-image.ts';
import { meaningOf } from '../recognise/event-types.ts';
import { balancedParens, parseImageLocation, type ImageLocation } from '../recognise/parse-image-location.ts';
import { noteStoreWrite } from './note-store-write.ts';
import { storeTypeOfScheme } from './store-type-of-scheme.ts';
import { volumeReprHost } from './volume-repr-host.ts';
import { volumeSpecOf } from './volume-spec-of.ts';

export interface ImageTracker {
  /** Feeds one recognised event (glance and cinder alike: cinder's spec and Volume reprs tell placement). */
  observe(event: Event): void;
  /** The glance-side serving of a flow's image, by the request ids glance logs for cinder (§2.4), else by image and time. */
  takeServe(requestIds: readonly (string | null)[], imageId: string | null, from: number | null, to: number | null, near: number | null): GlanceServe | null;
  placement(imageId: string | null, volumeId: string | null): PlacementView;
  countVolume(imageId: string | null, provisioning: 'clone' | 'copy' | null): void;
  images(): ImageData[];
}

const CINDER_LOCATION = /^cinder:\/\/(?:([^/]+)\/)?([0-9a-f-]{36})$/;
const VOLUME_ID = /\bid=([0-9a-f-]{36})/;

/**
 * Tracks images across glance-api, glance_store and cinder-volume lines. Pure state, no I/O, log
 * time only. Its jobs live in their own modules: glance-api's requests, the image catalogue, the
 * placement of stores on cinder backends, and the log of image downloads waiting for their flow;
 * this module follows the transfers (uploads and imports) between them.
 */
export function createImageTracker(): ImageTracker {
  const requests = createGlanceRequests();
  const placement = createStorePlacement();
  const catalogue = createImageCatalogue(placement);
  const serves = createServeLog();

  function observe(e: Event): void {
    const r = e.record;
    const f = e.fields;
    const t = r.time;
    const write = meaningOf(e.type).storeWrite;
    if (write !== null) return noteStoreWrite(e, write, { requests, catalogue, placement });
    switch (e.type) {
      case 'flowStart':
        return noteSpec(e, t);
      case 'cloneAttempt': {
        const location = balancedParens(f['location'] ?? '', 0);
        if (f['imageId'] !== undefined && location !== null) noteLocation(catalogue.image(f['imageId'], t), parseImageLocation(location));
        return;
      }
      case 'taskState':
        return noteVolumeRepr(f['rest'] ?? '');
      case 'glanceRequestStart': {
        const q = requests.of(r);
        if (q === null) return;
        q.imageId ??= f['imageId'] ?? null;
        if (q.imageId !== null) catalogue.image(q.imageId, t);
        requests.awaitRequestLine(r, q, f['method'] ?? '', normaliseImagePath(f['path'] ?? ''));
        return;
      }
      case 'glanceRequest':
        return noteRequestLine(e, { requests, catalogue, serves });
      case 'glanceCacheHit':
      case 'glanceCacheTee': {
        const q = requests.of(r);
        if (q !== null) {
          q.cacheHit = e.type === 'glanceCacheHit';
          q.imageId ??= f['imageId'] ?? null;
        }
        return;
      }
      case 'glanceSortedLocations': {
        const q = requests.of(r);
        if (q?.imageId) for (const m of (f['locations'] ?? '').matchAll(/'store_name': '([^']+)'/g)) if (m[1]) catalogue.addStore(catalogue.image(q.imageId, t), m[1]);
        return;
      }
      case 'glanceStoreExtending': {
        const x = requests.of(r)?.transfer;
        if (x) x.volumeId ??= f['volumeId'] ?? null;
        return;
      }
      case 'glanceStoreFailed':
      case 'glanceTaskFailed':
      case 'glanceImportStoreFailed':
      case 'glanceUploadFailed': {
        const q = requests.of(r);
        const x = q?.transfer;
        if (x) {
          x.status = 'failed';
          x.end = t;
          catalogue.unplace(x);
          if (q) q.transfer = null;
        }
        return;
      }
      case 'glanceImportAtom':
        return noteImportAtom(e, requests.of(e.record), catalogue);
      case 'glanceImportLock':
      case 'glanceImportStores': {
        const q = requests.of(r);
        if (q !== null && f['imageId']) q.imageId ??= f['imageId'];
        if (q !== null) q.importing = true;
        return;
      }
      case 'glanceImportAlreadyInStore': {
        const q = requests.of(r);
        if (q?.imageId && f['store']) catalogue.addStore(catalogue.image(q.imageId, t), f['store']);
        return;
      }
      case 'glanceConversionUpdated': {
        const id = f['imageId'];
        if (id === undefined) return;
        const s = catalogue.image(id, t);
        s.diskFormat = f['diskFormat'] ?? s.diskFormat;
        s.sizeBytes = Number(f['size']);
        return;
      }
      case 'glanceParallelStore': {
        const id = f['imageId'];
        const store = f['store'];
        if (f['outcome'] !== 'finished' || id === undefined || store === undefined) return;
        const q = requests.of(r);
        const x: Transfer = { kind: 'import', method: q?.method ?? null, store, volumeType: placement.storeVolumeType(store), volumeId: null, bytes: Number(f['size']) || null, start: q?.start ?? null, end: t, status: 'succeeded', host: r.host, requestId: r.requestId, imageId: id, driver: null, placedAtStart: false };
        const s = catalogue.image(id, t);
        catalogue.addTransfer(s, x);
        catalogue.addStore(s, store);
        return;
      }
      default:
        return;
    }
  }

  /** A flow start's spec: the image's name, format, size and stores, and the image-volumes its cinder:// locations name. */
  function noteSpec(e: Event, t: number | null) {
    const s = volumeSpecOf(e);
    if (s.imageId === null) return;
    const img = catalogue.image(s.imageId, t);
    img.name ??= s.imageName;
    img.diskFormat ??= s.diskFormat;
    img.sizeBytes ??= s.imageSizeBytes;
    for (const name of s.stores) catalogue.addStore(img, name);
    if (s.location !== null) noteLocation(img, s.location);
  }

  /**
   * Where an image location tuple (the spec's, or the clone attempt's) says the image is: each URL in
   * the store its metadata names, or `cinder://<store>/<volume>`'s store, else (a single-store Glance)
   * in the store of the URL's driver; a cinder URL also names the store's image-volume.
   */
  function noteLocation(img: TrackedImage, location: ImageLocation) {
    for (const { url, store } of location.places) {
      const m = CINDER_LOCATION.exec(url);
      const name = store ?? m?.[1] ?? null;
      if (name !== null) {
        catalogue.addStore(img, name);
        if (m?.[2] !== undefined) placement.noteVolumeStore(m[2], name);
        continue;
      }
      const driver = storeTypeOfScheme(url.slice(0, url.indexOf(':')));
      if (driver === null) continue;
      catalogue.addUnnamedStore(img, driver);
      if (m?.[2] !== undefined) placement.noteUnnamedVolume(m[2]);
    }
  }

  /** A taskflow line's Volume object: the volume's cinder backend. */
  function noteVolumeRepr(rest: string) {
    if (!rest.includes('Volume(')) return;
    const host = volumeReprHost(rest);
    const backend = host === null ? null : parseHostSpec(host).backend;
    const id = VOLUME_ID.exec(rest)?.[1];
    if (backend !== null && id !== undefined) placement.noteVolumeBackend(id, backend);
  }

  function placementOf(imageId: string | null, volumeId: string | null): PlacementView {
    const all = placement.stores();
    const s = imageId === null ? undefined : catalogue.get(imageId);
    const stores = (s === undefined ? [] : catalogue.storesOf(s)).map((n) => all.get(n) ?? { name: n, volumeType: null, backends: [] });
    return { stores, allStores: [...all.values()], volumeBackend: volumeId === null ? null : placement.volumeBackend(volumeId) };
  }

  return { observe, takeServe: serves.take, placement: placementOf, countVolume: catalogue.countVolume, images: catalogue.images };
}
