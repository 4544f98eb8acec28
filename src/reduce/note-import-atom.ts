import type { Event } from '../recognise/event.ts';
import type { GlanceRequest } from './create-glance-requests.ts';
import type { ImageCatalogue } from './create-image-catalogue.ts';

/**
 * A taskflow atom of an image import changed state: the import method it shows (CopyImage,
 * WebDownload, GlanceDownload, else glance-direct), the store its `<store>-ImportToStore` atom writes
 * to while RUNNING, the store the image gained on SUCCESS, and the transfer that FAILURE or REVERTED
 * failed (the store is taken back from the image when that transfer had just ended).
 */
export function noteImportAtom(e: Event, q: GlanceRequest | null, catalogue: ImageCatalogue): void {
  if (q === null) return;
  const time = e.record.time;
  q.importing = true;
  const name = e.fields['name'] ?? '';
  const state = e.fields['state'];
  if (name === 'CopyImage') q.method = 'copy-image';
  else if (name === 'WebDownload') q.method = 'web-download';
  else if (name === 'GlanceDownload') q.method = 'glance-download';
  if (!name.endsWith('ImportToStore')) return;
  // train: `ImportToStore`; a single-store Glance (ussuri+) names its atom `api_image_import--ImportToStore-<task>`: no store.
  const store = name === 'ImportToStore' || name === '-ImportToStore' ? null : name.slice(0, -'-ImportToStore'.length);
  if (state === 'RUNNING') {
    q.store = store;
    q.method ??= 'glance-direct';
    q.transfer = null;
  } else if (state === 'SUCCESS') {
    if (store !== null && q.imageId !== null) catalogue.addStore(catalogue.image(q.imageId, time), store);
    // A driver that logs no success line (rbd, swift): the atom's success ends its write.
    const x = q.transfer;
    if (x !== null && x.status === 'incomplete') {
      x.status = 'succeeded';
      x.end = time;
    }
    q.transfer = null;
    q.store = null;
  } else if (state === 'FAILURE' || state === 'REVERTED') {
    const x = q.imageId === null ? undefined : catalogue.get(q.imageId)?.transfers.findLast((y) => y.store === store && y.requestId === q.rid);
    if (x) {
      x.status = 'failed';
      x.end ??= time;
      if (store !== null && x.imageId !== null && x.end === time) catalogue.get(x.imageId)?.stores.delete(store);
      catalogue.unplace(x);
    }
    q.store = null;
  }
}
