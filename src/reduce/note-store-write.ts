import type { Event } from '../recognise/event.ts';
import type { StoreWrite } from '../recognise/event-types.ts';
import type { GlanceRequests } from './create-glance-requests.ts';
import type { ImageCatalogue } from './create-image-catalogue.ts';
import type { StorePlacements } from './create-store-placement.ts';
import type { Transfer } from './tracked-image.ts';

const IMAGE_IN_PATH = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * A glance_store driver's write line (file, rbd, cinder, swift, s3): the upload or import it belongs
 * to (by request id) starts or ends, and the image is put in the store the write went to: the store
 * the running ImportToStore atom names, else the store known only by its driver (a single-store
 * Glance's, shown while the input names no store). The image comes from the line (rbd's image,
 * swift's object, s3's key, the file store's path) or from the request. Lines without a request id
 * still place the image.
 */
export function noteStoreWrite(e: Event, w: StoreWrite, parts: { readonly requests: GlanceRequests; readonly catalogue: ImageCatalogue; readonly placement: StorePlacements }): void {
  const { requests, catalogue, placement } = parts;
  const r = e.record;
  const f = e.fields;
  const t = r.time;
  const q = requests.of(r);
  const named = f['imageId'] ?? IMAGE_IN_PATH.exec(f['path'] ?? '')?.[1] ?? null;
  if (q !== null && named !== null) q.imageId ??= named;
  const imageId = named ?? q?.imageId ?? null;
  const volumeType = f['volumeType'] === undefined || f['volumeType'] === 'None' ? null : f['volumeType'];
  let x: Transfer | null = null;
  if (q !== null) {
    // A start line is a new write (a copy-image into a second store follows the first on the same request).
    x = w.edge === 'start' ? null : q.transfer;
    if (x === null) {
      x = {
        kind: q.importing ? 'import' : 'upload', method: q.method, store: q.store, volumeType, volumeId: null, bytes: null,
        start: w.edge === 'start' && q.importing ? t : (q.start ?? t), end: null, status: 'incomplete', host: q.host, requestId: q.rid,
        imageId: q.imageId, driver: w.driver, placedAtStart: false,
      };
      q.transfer = x;
      if (q.imageId !== null) catalogue.addTransfer(catalogue.image(q.imageId, t), x);
    }
    x.driver ??= w.driver;
    if (x.imageId === null && imageId !== null) {
      x.imageId = imageId;
      catalogue.addTransfer(catalogue.image(imageId, t), x);
    }
    if (q.store !== null && volumeType !== null) placement.noteStoreVolumeType(q.store, volumeType);
    else if (volumeType !== null && w.driver === 'cinder') placement.noteStoreVolumeType(null, volumeType);
    x.volumeId ??= f['volumeId'] ?? null;
    if (w.edge === 'start' && f['size'] !== undefined && Number(f['size']) > 0) x.bytes = Number(f['size']);
    if (w.edge === 'end') {
      x.bytes = Number(f['bytes']);
      x.end = t;
      x.status = 'succeeded';
      q.transfer = null;
    }
  }
  if (!w.places || imageId === null) return;
  const image = catalogue.image(imageId, t);
  if (x !== null && w.edge === 'start') x.placedAtStart = true;
  // The bytes written (an end line), or the image size the driver was given (rbd's start line; 0: unknown).
  const bytes = Number(f['bytes'] ?? f['size'] ?? 0);
  if (bytes > 0) image.sizeBytes ??= bytes;
  const store = x?.store ?? null;
  const volumeId = x?.volumeId ?? null;
  if (store !== null) {
    catalogue.addStore(image, store);
    if (volumeId !== null) placement.noteVolumeStore(volumeId, store);
  } else {
    catalogue.addUnnamedStore(image, w.driver);
    if (volumeId !== null && w.driver === 'cinder') placement.noteUnnamedVolume(volumeId);
  }
}
