// Lines of the other OpenStack services around a create: cinder-api, cinder-scheduler,
// nova-compute, keystone and glance-api (uwsgi request lines + oslo lines, reference §2.5, §8.1).
import type { Ctx } from './format.ts';
import { type Svc, say } from './devstack.ts';
import type { World } from './journal.ts';
import type { Image, Vol } from './model.ts';
import { CINDER, VENV } from './src.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function ctime(t: number): string {
  const d = new Date(Math.floor(t / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

const counters = new Map<Svc, number>();
/** uwsgi's default request log line, written when the request ends. */
export function uwsgi(w: World, s: Svc, start: number, end: number, method: string, path: string, bytes: number, status: number, from = '10.0.0.21'): void {
  const reqCounter = (counters.get(s) ?? 100) + 3;
  counters.set(s, reqCounter);
  const ms = Math.round((end - start) / 1000);
  w.stdout(s, end, `[pid: ${s.workers[0] ?? s.pid}|app: 0|req: ${reqCounter}/${reqCounter * 3 + 1}] ${from} () {58 vars in 1169 bytes} [${ctime(start)}] ${method} ${path} => generated ${bytes} bytes in ${ms} msecs (HTTP/1.1 ${status}) 8 headers in 327 bytes (1 switches on core 0)`);
}

const src = (func: string, path: string, line: number) => ({ src: { func, path, line } });

/** cinder-api accepting the create, and cinder-scheduler picking the backend. */
export function apiAndScheduler(w: World, api: Svc, sch: Svc, t: number, ctx: Ctx, vol: Vol): void {
  const c = { ...ctx, user: 'demo' };
  say(w, api, t, 'INFO', 'cinder.api.v3.volumes', c, `Create volume of ${vol.size} GB`);
  say(w, api, t + 61000, 'INFO', 'cinder.volume.api', c, 'Create volume request issued successfully.');
  uwsgi(w, api, t - 42000, t + 64000, 'POST', `/volume/v3/${vol.projectId}/volumes`, 1012, 202, '10.0.0.11');
  const f = (n: string) => src('get_filtered_objects', `${CINDER}scheduler/base_filter.py`, 123);
  let u = t + 83000;
  for (const n of ['AvailabilityZoneFilter', 'CapacityFilter', 'CapabilitiesFilter']) {
    say(w, sch, (u += 1200), 'DEBUG', 'cinder.scheduler.base_filter', ctx, `Filter ${n} returned 1 host(s)`, f(n));
  }
  say(w, sch, u + 2100, 'DEBUG', 'cinder.scheduler.filter_scheduler', ctx, `Choosing ${vol.host}`, src('_choose_top_backend', `${CINDER}scheduler/filter_scheduler.py`, 437));
}

/** nova-compute building a boot-from-volume instance (the volume's global request id). */
export function novaBoot(w: World, cpu: Svc, t: number, novaReq: string, instance: string, img: Image, node: string): void {
  const c: Ctx = { gid: null, rid: novaReq, project: 'demo', user: 'demo', userId: '-', projectId: '-' };
  say(w, cpu, t, 'INFO', 'nova.compute.claims', c, `Claim successful on node ${node}`, { instance });
  say(w, cpu, t + 40000, 'DEBUG', 'nova.compute.manager', c, 'Start building block device mappings for instance.', { instance, ...src('_build_resources', '/opt/stack/nova/nova/compute/manager.py', 2821) });
  say(w, cpu, t + 190000, 'INFO', 'nova.virt.block_device', c, `Booting with volume-backed-image ${img.id} at /dev/vda`, { instance });
}

/** glance-api serving cinder: image show(s) and, for a copy, GET …/file (ctx = [None <cinder global id> …]). */
export function glanceServe(w: World, g: Svc, ctx: Ctx, img: Image, show: number, file?: [number, number], cached = false): void {
  const c = { ...ctx, gid: null, user: 'demo' };
  const vn = (t: number, p: string) => {
    say(w, g, t, 'DEBUG', 'glance.api.middleware.version_negotiation', c, `Determining version of request: GET ${p} Accept: */*`, src('process_request', '/opt/stack/glance/glance/api/middleware/version_negotiation.py', 44));
    say(w, g, t + 310, 'DEBUG', 'glance.api.middleware.version_negotiation', c, 'Using url versioning', src('process_request', '/opt/stack/glance/glance/api/middleware/version_negotiation.py', 57));
  };
  vn(show, `/v2/images/${img.id}`);
  uwsgi(w, g, show - 2500, show + 29000, 'GET', `/image/v2/images/${img.id}`, 1532, 200);
  if (!file) return;
  vn(file[0], `/v2/images/${img.id}/file`);
  if (cached) {
    say(w, g, file[0] + 4100, 'DEBUG', 'glance.api.middleware.cache', c, `Cache hit for image '${img.id}'`, src('_process_v2_request', '/opt/stack/glance/glance/api/middleware/cache.py', 197));
  } else {
    say(w, g, file[0] + 5200, 'DEBUG', 'glance_store._drivers.filesystem', c, `Found image at /opt/stack/data/glance/images/${img.id}. Returning in ChunkedFile.`, src('get', `${VENV}glance_store/_drivers/filesystem.py`, 555));
    say(w, g, file[0] + 6900, 'DEBUG', 'glance.image_cache', c, `Tee'ing image '${img.id}' into cache`, src('cache_tee_iter', '/opt/stack/glance/glance/image_cache/__init__.py', 345));
  }
  uwsgi(w, g, file[0] - 1800, file[1], 'GET', `/image/v2/images/${img.id}/file`, img.size, 200);
}
