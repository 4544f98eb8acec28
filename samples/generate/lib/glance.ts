// glance-api writing images into cinder stores (reference §8.2–§8.4): an upload (PUT …/file) and
// an interoperable import (glance-direct or copy-image) into a named store, each creating the
// store's image-volume through cinder (whose cinder-volume lines are written by the caller).
import type { Ctx, Rec } from './format.ts';
import { type Svc, say } from './devstack.ts';
import { uuid } from './ids.ts';
import type { World } from './journal.ts';
import type { Image } from './model.ts';
import { uwsgi } from './services.ts';

const STORE = 'glance_store._drivers.cinder.store';
const EXEC = 'glance.async_.taskflow_executor';
const FLOWS = 'glance.async_.flows.api_image_import';
const G = '/opt/stack/glance/glance/';
const GS = '/opt/stack/data/venv/lib/python3.12/site-packages/glance_store/_drivers/cinder/store.py';
const src = (func: string, path: string, line: number) => ({ src: { func, path, line } });

/** eventlet.wsgi.server request records, for the oslo.log form (glance-api standalone, no uwsgi). */
export const EVENTLET: Rec[] = [];
const DAY = (t: number) => new Date(t / 1000).toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3 $4');
export function eventlet(g: Svc, ctx: Ctx, start: number, end: number, method: string, path: string, status: number, bytes: number): void {
  EVENTLET.push({ t: end, level: 'INFO', logger: 'eventlet.wsgi.server', ctx, pid: g.workers[0] ?? g.pid,
    msg: `10.0.0.21,10.0.0.31 - - [${DAY(end)}] "${method} ${path} HTTP/1.1" ${status} ${bytes} ${((end - start) / 1e6).toFixed(6)}` });
}

/** Both request-line forms of one request: uwsgi in the journal, eventlet in the oslo.log file. */
function requestLine(w: World, g: Svc, ctx: Ctx, start: number, end: number, method: string, path: string, status: number, bytes: number): void {
  uwsgi(w, g, start, end, method, `/image${path}`, bytes, status);
  eventlet(g, ctx, start, end, method, path, status, bytes);
}

function negotiate(w: World, g: Svc, ctx: Ctx, t: number, method: string, path: string): void {
  say(w, g, t, 'DEBUG', 'glance.api.middleware.version_negotiation', ctx, `Determining version of request: ${method} ${path} Accept: */*`, src('process_request', `${G}api/middleware/version_negotiation.py`, 44));
}

export interface StoreWrite {
  store: string | null;
  volumeType: string;
  imageVolume: string;
  secs: number;
  /** Called when the store asks cinder for the image-volume: (time µs) => cinder-volume lines of the raw create. */
  cinder: (t: number) => void;
}

/** glance_store cinder driver `add`: create the image-volume, attach, write, `Wrote … bytes`. */
function cinderAdd(w: World, g: Svc, ctx: Ctx, t: number, img: Image, s: StoreWrite): number {
  const gb = Math.max(1, Math.ceil(img.size / 1073741824));
  say(w, g, t, 'DEBUG', STORE, ctx, `Creating a new volume: image_size=${img.size} size_gb=${gb} type=${s.volumeType}`, src('add', GS, 1012));
  s.cinder(t + 180000);
  const att = uuid(`attachment/${s.imageVolume}`);
  say(w, g, t + 2.1e6, 'DEBUG', STORE, ctx, `Attachment ${att} created successfully.`, src('_open_cinder_volume', GS, 781));
  say(w, g, t + 2.6e6, 'DEBUG', STORE, ctx, `Writing data to volume with write properties: bytes_written: 0, size_gb: ${gb}, need_extend: False, image_size: ${img.size}`, src('_write_data', GS, 943));
  const end = t + 2.6e6 + Math.round(s.secs * 1e6);
  say(w, g, end, 'DEBUG', STORE, ctx, `Wrote ${img.size} bytes to volume ${s.imageVolume} with checksum ${img.checksum}.`, src('add', GS, 1093));
  say(w, g, end + 90000, 'DEBUG', STORE, ctx, `Attachment ${att} deleted successfully.`, src('_open_cinder_volume', GS, 823));
  return end + 120000;
}

/** `PUT /v2/images/<id>/file` into the default cinder store (the store is not named in the lines). */
export function glanceUpload(w: World, g: Svc, ctx: Ctx, t: number, img: Image, s: StoreWrite): number {
  negotiate(w, g, ctx, t, 'PUT', `/v2/images/${img.id}/file`);
  say(w, g, t + 4200, 'DEBUG', 'glance.location', ctx, `Enabling in-flight format inspection for ${img.id}`, src('set_data', `${G}location.py`, 562));
  const end = cinderAdd(w, g, ctx, t + 9000, img, s);
  say(w, g, end, 'INFO', 'glance.location', ctx, `Image format matched and virtual size computed: ${img.virtualSize ?? img.size}`);
  requestLine(w, g, ctx, t - 1500, end + 21000, 'PUT', `/v2/images/${img.id}/file`, 204, 0);
  return end + 21000;
}

/** `POST /v2/images/<id>/import` (glance-direct or copy-image) into one named store, and its task. */
export function glanceImport(w: World, g: Svc, ctx: Ctx, t: number, img: Image, method: 'glance-direct' | 'copy-image', s: StoreWrite & { store: string }): number {
  const task = uuid(`task/${img.id}/${s.store}`);
  const atomId = (n: string) => uuid(`atom/${task}/${n}`);
  negotiate(w, g, ctx, t, 'POST', `/v2/images/${img.id}/import`);
  requestLine(w, g, ctx, t - 1500, t + 61000, 'POST', `/v2/images/${img.id}/import`, 202, 0);
  let u = t + 70000;
  const line = (level: 'DEBUG' | 'INFO', logger: string, msg: string, gap = 2100) => {
    say(w, g, u, level, logger, ctx, msg, level === 'DEBUG' ? src('_log', `${G}async_/flows/api_image_import.py`, 150) : {});
    u += gap;
  };
  const atom = (name: string, to: string, from: string) =>
    line('DEBUG', EXEC, `Task 'api_image_import-${name}-${task}' (${atomId(name)}) transitioned into state '${to}' from state '${from}'${to === 'SUCCESS' ? " with result 'None'" : ''}`);
  line('INFO', 'glance.domain', `Task [${task}] status changing from pending to processing`);
  line('DEBUG', EXEC, `Taskflow executor picked up the execution of task ID ${task} of task type api_image_import`);
  if (method === 'copy-image') line('DEBUG', FLOWS, "Skipping plugins on 'copy-image' job.");
  atom('ImageLock', 'RUNNING', 'PENDING');
  line('DEBUG', FLOWS, `Image ${img.id} import task ${task} lock confirmed`);
  atom('ImageLock', 'SUCCESS', 'RUNNING');
  if (method === 'copy-image') {
    atom('CopyImage', 'RUNNING', 'PENDING');
    line('DEBUG', 'glance.async_.flows._internal_plugins.copy_image', 'Found image, copying it in staging area', Math.round(s.secs * 0.4e6));
    atom('CopyImage', 'SUCCESS', 'RUNNING');
  }
  line('DEBUG', FLOWS, `Image ${img.id} os_glance_importing_to_stores=${s.store}`);
  atom(`${s.store}-ImportToStore`, 'RUNNING', 'PENDING');
  line('INFO', 'glance.common.scripts.image_import.main', `Task ${task}: Got image data uri file:///opt/stack/data/glance/staging/${img.id} to be imported`);
  u = cinderAdd(w, g, ctx, u, img, s);
  line('DEBUG', FLOWS, `Image ${img.id} os_glance_importing_to_stores=`);
  atom(`${s.store}-ImportToStore`, 'SUCCESS', 'RUNNING');
  atom('DeleteFromFS', 'RUNNING', 'PENDING');
  line('DEBUG', FLOWS, `After upload to the backend, deleting staged image data from /opt/stack/data/glance/staging/${img.id}`);
  atom('DeleteFromFS', 'SUCCESS', 'RUNNING');
  atom('CompleteTask', 'RUNNING', 'PENDING');
  line('INFO', FLOWS, `${task} of api_image_import completed`);
  line('INFO', 'glance.domain', `Task [${task}] status changing from processing to success`);
  atom('CompleteTask', 'SUCCESS', 'RUNNING');
  return u;
}
