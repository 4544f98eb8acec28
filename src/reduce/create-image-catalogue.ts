import type { ImageData } from './image.ts';
import type { StorePlacements } from './create-store-placement.ts';
import type { TrackedImage, Transfer } from './tracked-image.ts';
import { compareText } from '../model/compare-text.ts';

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Every image the input named, with its stores, transfers, serving and the volumes made from it. */
export interface ImageCatalogue {
  /** The image, added when new; its first and last log times widen to `t`. */
  image(id: string, t: number | null): TrackedImage;
  get(id: string): TrackedImage | undefined;
  addStore(s: TrackedImage, store: string): void;
  /** The image is in the store of driver `driver` (`file`, `rbd`, `cinder` …) whose name the input does not show. */
  addUnnamedStore(s: TrackedImage, driver: string): void;
  /** A failed transfer whose start line had put the image in its store (rbd, swift) takes it out again. */
  unplace(x: Transfer): void;
  /** The image's stores, sorted: the named ones, and those known by driver while the input names no store (single-store Glance). */
  storesOf(s: TrackedImage): string[];
  addTransfer(s: TrackedImage, x: Transfer): void;
  /** A volume made from the image (a succeeded flow's outcome). */
  countVolume(imageId: string | null, provisioning: 'clone' | 'copy' | null): void;
  /** The images whose id is a UUID, by first log time, with the stores' placement as of now. */
  images(): ImageData[];
}

/** The catalogue of images; stores and typed transfers are also told to `placement`. */
export function createImageCatalogue(placement: StorePlacements): ImageCatalogue {
  const images = new Map<string, TrackedImage>();

  function image(id: string, t: number | null): TrackedImage {
    let s = images.get(id);
    if (s === undefined) {
      s = { imageId: id, name: null, diskFormat: null, sizeBytes: null, stores: new Set(), unnamed: new Set(), transfers: [], served: { count: 0, bytes: 0, cacheHits: 0 }, volumes: { clone: 0, copy: 0 }, first: t, last: t };
      images.set(id, s);
    }
    if (t !== null) {
      if (s.first === null || t < s.first) s.first = t;
      if (s.last === null || t > s.last) s.last = t;
    }
    return s;
  }

  const storesOf = (s: TrackedImage): string[] => [...new Set([...s.stores, ...(placement.singleStore() ? s.unnamed : [])])].sort();

  function result(): ImageData[] {
    const all = placement.stores();
    return [...images.values()]
      .filter((s) => UUID_RE.test(s.imageId))
      .sort((a, b) => (a.first ?? Infinity) - (b.first ?? Infinity) || compareText(a.imageId, b.imageId))
      .map((s) => {
        const stores = storesOf(s);
        return {
          imageId: s.imageId, name: s.name, diskFormat: s.diskFormat, sizeBytes: s.sizeBytes, stores,
          storeDetails: stores.map((n) => all.get(n) ?? { name: n, volumeType: null, backends: [] }),
          transfers: s.transfers.map(({ imageId: _image, driver, placedAtStart: _placed, ...x }) => ({ ...x, store: placement.storeOf({ ...x, imageId: null, driver, placedAtStart: false }) })),
          served: { ...s.served }, volumes: { ...s.volumes }, first: s.first, last: s.last,
        };
      });
  }

  return {
    image,
    get: (id) => images.get(id),
    addStore(s, store) {
      s.stores.add(store);
      placement.noteStore(store);
    },
    addUnnamedStore(s, driver) {
      s.unnamed.add(driver);
      placement.noteUnnamedStore(driver);
    },
    storesOf,
    unplace(x) {
      const s = x.imageId === null || !x.placedAtStart ? undefined : images.get(x.imageId);
      if (s === undefined) return;
      if (x.store !== null) s.stores.delete(x.store);
      else if (x.driver !== null) s.unnamed.delete(x.driver);
      x.placedAtStart = false;
    },
    addTransfer(s, x) {
      s.transfers.push(x);
      if (x.volumeType !== null) placement.noteTypedTransfer(x);
    },
    countVolume(imageId, provisioning) {
      if (imageId === null || provisioning === null) return;
      const s = images.get(imageId);
      if (s) s.volumes[provisioning]++;
    },
    images: result,
  };
}
