// 15. Plain oslo.log files (no journal): cinder-volume.log in the Zed+ default format,
// cinder-volume-yoga.log in the 5-field pre-Zed format (same events), glance-api.log.
// A copy that seeds the cache, a cache hit, and a failed conversion.
import { say, service } from '../lib/devstack.ts';
import { Flow } from '../lib/flow.ts';
import type { Ctx } from '../lib/format.ts';
import { host, type World } from '../lib/journal.ts';
import { NO_LOCATION, type Image } from '../lib/model.ts';
import { cinderPeriodic } from '../lib/noise.ts';
import { osloFile } from '../lib/render.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, at, cacheVolume, entry, userCtx, vol } from '../lib/setup.ts';
import { cacheHit, cacheMiss, seedCache } from '../lib/steps-cache.ts';
import { bootable, copyToVolume, download, downloaded, tempDeleted, type GlanceHook } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';

const N = 'oslo-files';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';
const KOLLA: Array<[string, string]> = [
  ['/opt/stack/cinder/cinder/', '/var/lib/kolla/venv/lib/python3.12/site-packages/cinder/'],
  ['/opt/stack/glance/glance/', '/var/lib/kolla/venv/lib/python3.12/site-packages/glance/'],
  ['/opt/stack/data/venv/', '/var/lib/kolla/venv/'], ['/opt/stack/data/cinder/', '/var/lib/cinder/'],
  ['stack-volumes-lvmdriver-1', 'cinder-volumes'], ['cvol-a@lvmdriver-1', 'storage01@lvm-1'], ['/opt/stack/data/venv/bin/', '/var/lib/kolla/venv/bin/'],
];
const kolla = (s: string) => KOLLA.reduce((acc, [a, b]) => acc.split(a).join(b), s);

export default {
  name: N,
  journal: false,
  build(w: World) {
    const T = at('2026-03-25T09:10:00');
    const h = host('storage01', T - 99999e6);
    const cvol = service(h, 'c-vol', 31, { workers: [58] });
    const gapi = service(host('control01', T - 99999e6), 'g-api', 24, { workers: [27] });
    const wsgi = (f: Flow, img: Image): GlanceHook => (s, e) => {
      const c: Ctx = { ...f.ctx, gid: null, rid: f.ctx.gid ?? f.ctx.rid, project: 'demo', user: 'demo' };
      const stamp = new Date(s / 1000).toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3 $4');
      say(w, gapi, e, 'INFO', 'eventlet.wsgi.server', c, `10.0.0.21,10.0.0.31 - - [${stamp}] "GET /v2/images/${img.id}/file HTTP/1.1" 200 ${img.size} ${((e - s) / 1e6).toFixed(6)}`);
    };
    const img = IMAGES.ubuntu;
    const cv = cacheVolume(N, 'ubuntu', 3, POOL);
    const v1 = vol(N, 'copy', 10, POOL);
    const f1 = new Flow(w, cvol, T + 5.2e6, userCtx(N, 'copy', true), v1, { img, loc: NO_LOCATION });
    f1.start('image');
    f1.cloningAt();
    cacheMiss(f1);
    download(f1, 17.9, wsgi(f1, img));
    copyToVolume(f1, { secs: 44.2, createSize: 3 });
    downloaded(f1);
    tempDeleted(f1);
    seedCache(f1, cv, entry(3, img, cv.id, POOL, 3, '2026-03-25T09:11:10.482213'), null);
    bootable(f1);
    f1.success();
    const v2 = vol(N, 'hit', 10, POOL);
    const f2 = new Flow(w, cvol, T + 88.4e6, userCtx(N, 'hit', true), v2, { img, loc: NO_LOCATION });
    f2.start('image');
    f2.cloningAt();
    cacheHit(f2, entry(3, img, cv.id, POOL, 3, '2026-03-25T09:11:28.400981'));
    bootable(f2);
    f2.success();
    const raw = IMAGES.debianRaw;
    const v3 = vol(N, 'fail', 2, POOL);
    const f3 = new Flow(w, cvol, T + 131.7e6, userCtx(N, 'fail', false), v3, { img: raw, loc: NO_LOCATION });
    f3.start('image');
    f3.cloningAt();
    cacheMiss(f3);
    download(f3, 26.3, wsgi(f3, raw));
    copyToVolume(f3, { secs: 12.02, fail: 'qemu-img: error while writing at byte 1610612736: No space left on device' });
    cinderPeriodic(w, cvol, T, T + 200e6, N);
    return [
      copyT(v1, null, img, ['cache-miss'], { cacheSeeded: true, internalVolumes: [cv.id] }),
      cloneT(v2, null, img, 'image-cache'),
      copyT(v3, null, raw, ['cache-miss'], { status: 'failed' }),
    ];
  },
  files(w: World) {
    return {
      'cinder-volume.log': kolla(osloFile(w, ['cinder-volume'], 'zed', undefined, kolla)),
      'cinder-volume-yoga.log': kolla(osloFile(w, ['cinder-volume'], 'yoga', undefined, kolla)),
      'glance-api.log': kolla(osloFile(w, ['devstack@g-api.service'], 'zed', undefined, kolla)),
    };
  },
} satisfies Scenario;
