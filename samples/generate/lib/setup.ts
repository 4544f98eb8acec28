// Shared scenario furniture: time helper, the demo project, the stock images, an all-in-one
// devstack host, cinder-volume start-up lines and the API/scheduler/glance lines of a create.
import type { Ctx } from './format.ts';
import { hex32, req, uuid } from './ids.ts';
import { host, type World } from './journal.ts';
import { type Svc, periodicCtx, say, service, systemd } from './devstack.ts';
import type { Flow } from './flow.ts';
import { locations, type CacheEntry, type Image, type Vol } from './model.ts';
import { dict, type Py } from './pyrepr.ts';
import { apiAndScheduler, glanceServe } from './services.ts';
import type { GlanceHook } from './steps-copy.ts';

export const at = (iso: string): number => Date.parse(`${iso}Z`) * 1000;
export const DEMO = { projectId: hex32('project/demo'), userId: hex32('user/demo') };
export const INTERNAL = { projectId: hex32('project/cinder-internal'), userId: hex32('user/cinder-internal') };

const img = (name: string, diskFormat: 'qcow2' | 'raw', size: number, virtualSize: number, created: string, stores?: string): Image => ({
  id: uuid(`image/${name}`), name, diskFormat, size, virtualSize, owner: hex32('project/admin'), created, updated: created.replace(/:(\d\d)$/, (_m, s: string) => `:${String((Number(s) + 3) % 60).padStart(2, '0')}`),
  checksum: hex32(`md5/${name}`), hash: hex32(`h1/${name}`) + hex32(`h2/${name}`) + hex32(`h3/${name}`) + hex32(`h4/${name}`), ...(stores ? { stores } : {}),
});
export const IMAGES = {
  cirros: img('cirros-0.6.3-x86_64-disk', 'qcow2', 21430272, 117440512, '2026-01-12T08:41:17', 'file'),
  ubuntu: img('ubuntu-22.04-server-cloudimg-amd64', 'qcow2', 627834880, 2361393152, '2026-02-03T10:05:44', 'file'),
  cirrosRaw: img('cirros-0.6.3-x86_64-raw', 'raw', 117440512, 117440512, '2026-01-12T08:52:09', 'file'),
  debianRaw: img('debian-12-genericcloud-amd64-raw', 'raw', 2147483648, 2147483648, '2026-02-11T16:20:31', 'file'),
  fedora: img('Fedora-Cloud-Base-Generic-41-1.4.x86_64', 'qcow2', 494321664, 3221225472, '2026-02-25T11:30:12', 'file'),
  alpine: img('alpine-virt-3.21.2-x86_64', 'qcow2', 62914560, 209715200, '2026-03-01T07:12:40', 'file'),
  bigRaw: img('rhel-9.4-x86_64-raw', 'raw', 10737418240, 10737418240, '2026-02-20T13:02:55', 'file'),
};
export const withStores = (i: Image, stores: string): Image => ({ ...i, stores });

export function vol(scn: string, key: string, size: number, hostStr: string, name?: string): Vol {
  return { id: uuid(`${scn}/vol/${key}`), size, host: hostStr, ...DEMO, ...(name ? { name } : {}) };
}

/** Request context of a user create as cinder-volume logs it ([gid rid project None]). */
export function userCtx(scn: string, key: string, nova: boolean, project = 'demo'): Ctx {
  return { gid: nova ? req(`${scn}/${key}/nova`) : null, rid: req(`${scn}/${key}/capi`), project, user: null, ...DEMO };
}

export interface Aio {
  cvol: Svc; capi: Svc; csch: Svc; ncpu: Svc; ks: Svc; gapi: Svc;
}
export function aio(w: World, name: string, bootT: number, base: number, o: { color?: boolean; info?: boolean; tag?: string } = {}): Aio {
  const h = host(name, bootT, o.tag);
  const opt = { color: o.color ?? false, ...(o.info ? { minLevel: 'INFO' as const } : {}) };
  void w;
  return {
    cvol: service(h, 'c-vol', base, { ...opt, workers: [base + 17] }),
    capi: service(h, 'c-api', base - 2210, { ...opt, workers: [base - 2190, base - 2189] }),
    csch: service(h, 'c-sch', base - 1120, opt),
    ncpu: service(h, 'n-cpu', base + 3310, opt),
    ks: service(h, 'keystone', base - 9050, { ...opt, workers: [base - 9031] }),
    gapi: service(h, 'g-api', base - 5400, { ...opt, workers: [base - 5377, base - 5376] }),
  };
}

/** cinder-volume service start (shows whether the image-volume cache is enabled). */
export function startup(w: World, s: Svc, t: number, backend: string, driver: string, cache: boolean, version = '26.1.0'): void {
  systemd(w, s.host, t, 'Started devstack@c-vol.service - Devstack devstack@c-vol.service.');
  const c = periodicCtx(req(`startup/${backend}`));
  say(w, s, t + 2.1e6, 'INFO', 'cinder.volume.manager', c, `Image-volume cache ${cache ? 'enabled' : 'disabled'} for host ${backend}.`);
  say(w, s, t + 2.3e6, 'INFO', 'cinder.service', null, `Starting cinder-volume node (version ${version})`);
  say(w, s, t + 2.34e6, 'INFO', 'cinder.volume.manager', c, `Starting volume driver ${driver} (3.0.0)`);
  say(w, s, t + 4.9e6, 'INFO', 'cinder.volume.manager', c, 'Driver initialization completed successfully.');
  say(w, s, t + 5.2e6, 'INFO', 'cinder.volume.manager', c, `Initializing RPC dependent components of volume driver ${driver} (3.0.0)`);
  say(w, s, t + 6.8e6, 'INFO', 'cinder.volume.manager', c, 'Driver post RPC initialization completed successfully.');
}

/** cinder-api + scheduler lines just before the flow starts, and glance's image show. */
export function userCreate(w: World, a: Aio, f: Flow): void {
  apiAndScheduler(w, a.capi, a.csch, f.t - 420000, f.ctx, f.vol);
  if (f.o.img) glanceServe(w, a.gapi, glanceCtx(f), f.o.img, f.t - 150000);
}

/** glance-api's context for a cinder call: request_id = cinder's context.global_id (§2.4). */
export const glanceCtx = (f: Flow): Ctx => ({ ...f.ctx, gid: null, rid: f.ctx.gid ?? f.ctx.rid });

/** GET …/file served by glance-api during the download. */
export function glanceHook(w: World, g: Svc, f: Flow, cached = false): GlanceHook {
  return (s, e) => glanceServe(w, g, glanceCtx(f), f.img, s - 60000, [s, e], cached);
}

export const CEPH_FSID = uuid('ceph/fsid/main');
export const fileLoc = (i: Image, direct = false): Py =>
  locations(direct ? `file:///opt/stack/data/glance/images/${i.id}` : null, [[`file:///opt/stack/data/glance/images/${i.id}`, dict([['store', 'file']])]]);
export const cinderLoc = (volId: string): Py => locations(`cinder://${volId}`, [[`cinder://${volId}`, dict([])]]);
export const rbdUrl = (i: Image, fsid = CEPH_FSID): string => `rbd://${fsid}/images/${i.id}/snap`;
export const rbdLoc = (i: Image, fsid = CEPH_FSID, store = 'ceph'): Py => locations(rbdUrl(i, fsid), [[rbdUrl(i, fsid), dict([['store', store]])]]);

/** Cache entry record for an image on a backend. */
export function entry(id: number, image: Image, volumeId: string, hostStr: string, size: number, lastUsed: string): CacheEntry {
  return { id, image, volumeId, host: hostStr, size, lastUsed };
}
/** The internal-tenant image-volume that seeds the cache. */
export function cacheVolume(scn: string, key: string, size: number, hostStr: string): Vol {
  return { id: uuid(`${scn}/cachevol/${key}`), size, host: hostStr, ...INTERNAL };
}
