// 21. Single-store Glance (no enabled_backends) on Ceph: its only store has no name, so locations
// carry empty metadata (`{'url': 'rbd://…', 'metadata': {}}`) and images no `stores` property; the
// store goes by its driver, `rbd`. glance-api (coloured output, so every glance MESSAGE is a byte
// array in JSON) takes an upload (`PUT …/file`) that glance_store's rbd driver writes (`creating
// image <id> with order 23 and size <n>`: its only line, no success line) and that no volume uses
// yet; cinder-volume on the RBD backend then clones another raw image (the spec's location names no
// store) and copies a qcow2 one.
import { say } from '../lib/devstack.ts';
import { Flow } from '../lib/flow.ts';
import { req } from '../lib/ids.ts';
import type { World } from '../lib/journal.ts';
import { locations, type Image } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import { dict } from '../lib/pyrepr.ts';
import type { Scenario } from '../lib/scenario.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import { uwsgi } from '../lib/services.ts';
import { DEMO, IMAGES, aio, at, glanceHook, rbdUrl, userCreate, userCtx, vol } from '../lib/setup.ts';
import { rbdClone, rbdImport, rbdNeedsRaw } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, destPath, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';
import { bare } from './placement.ts';

const N = 'placement-single';
const POOL = 'cvol-a@ceph#ceph';
const G = '/opt/stack/glance/glance/';
const RBD_PY = '/opt/stack/data/venv/lib/python3.12/site-packages/glance_store/_drivers/rbd.py';
const src = (func: string, path: string, line: number) => ({ src: { func, path, line } });
const IMG = { uploaded: bare(IMAGES.cirrosRaw), raw: bare(IMAGES.debianRaw), qcow: bare(IMAGES.ubuntu) };
const unnamed = (i: Image) => locations(rbdUrl(i), [[rbdUrl(i), dict([])]]);

export default {
  name: N,
  modes: [...EXTRA_MODES, 'verbose -a'],
  build(w: World) {
    const T = at('2026-03-31T08:30:00');
    const a = aio(w, 'cvol-a', T - 20000e6, 44120, { color: true });
    const g = a.gapi;

    // The upload: version negotiation, in-flight inspection, rbd's write, uwsgi's request line.
    const up = IMG.uploaded;
    const ctx = { gid: null, rid: req(`${N}/upload`), project: 'admin', user: 'admin', userId: DEMO.userId, projectId: DEMO.projectId };
    const t0 = T + 8.4e6;
    say(w, g, t0, 'DEBUG', 'glance.api.middleware.version_negotiation', ctx, `Determining version of request: PUT /v2/images/${up.id}/file Accept: */*`, src('process_request', `${G}api/middleware/version_negotiation.py`, 44));
    say(w, g, t0 + 4200, 'DEBUG', 'glance.location', ctx, `Enabling in-flight format inspection for ${up.id}`, src('set_data', `${G}location.py`, 562));
    say(w, g, t0 + 9100, 'DEBUG', 'glance_store._drivers.rbd', ctx, `creating image ${up.id} with order 23 and size ${up.size}`, src('add', RBD_PY, 560));
    const end = t0 + 6.42e6;
    say(w, g, end - 30000, 'INFO', 'glance.location', ctx, `Image format matched and virtual size computed: ${up.virtualSize ?? up.size}`);
    uwsgi(w, g, t0 - 1500, end, 'PUT', `/image/v2/images/${up.id}/file`, 0, 204);

    // A raw image cloned by the RBD driver, a qcow2 one copied (rbd image clone requires raw).
    const v1 = vol(N, 'raw', 20, POOL, 'single-raw-boot');
    const f1 = new Flow(w, a.cvol, T + 31.7e6, userCtx(N, 'raw', true), v1, { img: IMG.raw, loc: unnamed(IMG.raw) });
    userCreate(w, a, f1);
    f1.start('image');
    f1.cloningAt();
    rbdClone(f1, 'images', IMG.raw.id);
    f1.wait(0.41);
    bootable(f1);
    f1.success();
    const v2 = vol(N, 'qcow2', 20, POOL, 'single-qcow2-boot');
    const f2 = new Flow(w, a.cvol, T + 52.9e6, userCtx(N, 'qcow2', true), v2, { img: IMG.qcow, loc: unnamed(IMG.qcow) });
    userCreate(w, a, f2);
    f2.start('image');
    f2.cloningAt();
    rbdNeedsRaw(f2, rbdUrl(IMG.qcow));
    download(f2, 9.42, glanceHook(w, a.gapi, f2));
    copyToVolume(f2, { secs: 26.9, dest: 'rbd' });
    rbdImport(f2, destPath(f2, 'rbd'), 30.77);
    downloaded(f2);
    tempDeleted(f2);
    bootable(f2);
    f2.success();
    cinderPeriodic(w, a.cvol, T, T + 140e6, N, null);
    keystoneChecks(w, a.ks, T, T + 140e6, N);
    hostNoise(w, a.cvol, T + 3e6, N);
    return [cloneT(v1, 'cvol-a', IMG.raw, 'rbd'), copyT(v2, 'cvol-a', IMG.qcow, ['image-not-raw'])];
  },
  truth: () => ({
    images: [
      { imageId: IMG.uploaded.id, stores: ['rbd'] },
      { imageId: IMG.raw.id, stores: ['rbd'] },
      { imageId: IMG.qcow.id, stores: ['rbd'] },
    ],
  }),
} satisfies Scenario;
