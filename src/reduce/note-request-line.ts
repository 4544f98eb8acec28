import type { Event } from '../recognise/event.ts';
import type { GlanceRequests } from './create-glance-requests.ts';
import type { ImageCatalogue } from './create-image-catalogue.ts';
import type { ServeLog } from './create-serve-log.ts';
import type { GlanceServe } from './image.ts';
import { normaliseImagePath } from './normalise-image-path.ts';

/**
 * glance-api's request line (uwsgi or eventlet), paired with its request by request id or, without
 * one, by the worker that logged the request's first line: a GET of the image data is a serve
 * (counted on the image, logged for the flow that asked for it); a PUT of the data ends an upload.
 */
export function noteRequestLine(e: Event, parts: { readonly requests: GlanceRequests; readonly catalogue: ImageCatalogue; readonly serves: ServeLog }): void {
  const { requests, catalogue, serves } = parts;
  const r = e.record;
  const f = e.fields;
  const method = f['method'] ?? '';
  const path = normaliseImagePath(f['path'] ?? '');
  const imageId = f['imageId'] ?? '';
  const end = r.time;
  const ms = f['ms'] !== undefined ? Number(f['ms']) : f['secs'] !== undefined ? Number(f['secs']) * 1000 : null;
  const start = end !== null && ms !== null ? end - ms : null;
  let q = requests.of(r);
  if (q === null && f['workerPid'] !== undefined) q = requests.takeByWorker(r.host, f['workerPid'], method, path);
  const s = catalogue.image(imageId, end);
  const status = Number(f['status']);
  const data = f['sub'] === '/file' || (f['api'] === '1' && f['sub'] === undefined);
  if (method === 'GET' && data) {
    const bytes = Number(f['bytes']);
    const serve: GlanceServe = { host: r.host, requestId: q?.rid ?? null, imageId, method, path, status, bytes, start, end, cacheHit: q?.cacheHit ?? null };
    s.served.count++;
    s.served.bytes += bytes;
    if (serve.cacheHit === true) s.served.cacheHits++;
    serves.add(serve);
  } else if (method === 'PUT' && f['sub'] === '/file') {
    // The upload ends with the request line; a store that logged nothing (file store at INFO) still shows it here.
    const x = q?.transfer ?? s.transfers.findLast((y) => y.requestId !== null && y.requestId === q?.rid) ?? null;
    if (x !== null) {
      if (start !== null && (x.start === null || start < x.start)) x.start = start;
      if (status >= 400) {
        x.status = 'failed';
        catalogue.unplace(x);
      } else if (x.status === 'incomplete') {
        // A driver that logs no success line (rbd, swift): the request's end is the write's.
        x.status = 'succeeded';
        x.end = end;
      }
    } else {
      catalogue.addTransfer(s, { kind: 'upload', method: null, store: null, volumeType: null, volumeId: null, bytes: null, start, end, status: status >= 400 ? 'failed' : 'succeeded', host: r.host, requestId: q?.rid ?? null, imageId, driver: null, placedAtStart: false });
    }
    if (q !== null) q.transfer = null;
  }
}
