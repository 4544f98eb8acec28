// 7. Ceph RBD backend, images in the glance rbd store: a raw image is COW-cloned
// (`cloning images/<id>@snap to volume-…`); a qcow2 image cannot be cloned
// (`RBD image clone requires … 'raw'`) and is downloaded, converted and `rbd import`ed.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, rbdLoc, rbdUrl, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { rbdClone, rbdImport, rbdNeedsRaw } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, destPath, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';

const N = 'rbd-clone';
const POOL = 'cvol-a@ceph#ceph';

export default {
  name: N,
  build(w: World) {
    const T = at('2026-03-16T13:40:00');
    const a = aio(w, 'cvol-a', T - 20000e6, 508810);
    const raw = withStores(IMAGES.debianRaw, 'ceph');
    const qcow = withStores(IMAGES.ubuntu, 'ceph');
    const v1 = vol(N, 'raw', 20, POOL, 'rbd-raw-boot');
    const f1 = new Flow(w, a.cvol, T + 14.8e6, userCtx(N, 'raw', true), v1, { img: raw, loc: rbdLoc(raw) });
    userCreate(w, a, f1);
    f1.start('image');
    f1.cloningAt();
    rbdClone(f1, 'images', raw.id);
    f1.wait(0.38);
    bootable(f1);
    f1.success();
    const v2 = vol(N, 'qcow2', 20, POOL, 'rbd-qcow2-boot');
    const f2 = new Flow(w, a.cvol, T + 41.3e6, userCtx(N, 'qcow2', true), v2, { img: qcow, loc: rbdLoc(qcow) });
    userCreate(w, a, f2);
    f2.start('image');
    f2.cloningAt();
    rbdNeedsRaw(f2, rbdUrl(qcow));
    download(f2, 9.87, glanceHook(w, a.gapi, f2));
    copyToVolume(f2, { secs: 27.45, dest: 'rbd' });
    rbdImport(f2, destPath(f2, 'rbd'), 31.906);
    downloaded(f2);
    tempDeleted(f2);
    bootable(f2);
    f2.success();
    cinderPeriodic(w, a.cvol, T, T + 130e6, N, null);
    keystoneChecks(w, a.ks, T, T + 130e6, N);
    hostNoise(w, a.cvol, T + 3e6, N);
    return [cloneT(v1, 'cvol-a', raw, 'rbd'), copyT(v2, 'cvol-a', qcow, ['image-not-raw'])];
  },
} satisfies Scenario;
