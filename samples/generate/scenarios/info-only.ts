// 12. cinder-volume at INFO (debug=False) on Ceph RBD: a qcow2 copy shows only E1, Image
// download, Converted, E2, E3; an RBD clone shows only E1, E2, E3 (method unknown).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, rbdLoc, rbdUrl, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { rbdClone, rbdImport, rbdNeedsRaw } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, destPath, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';

const N = 'info-only';
const POOL = 'cvol-a@ceph#ceph';

export default {
  name: N,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-21T10:45:00');
    const a = aio(w, 'cvol-a', T - 30000e6, 508810, { info: true });
    const qcow = withStores(IMAGES.ubuntu, 'ceph');
    const raw = withStores(IMAGES.debianRaw, 'ceph');
    const v1 = vol(N, 'copy', 15, POOL);
    const f1 = new Flow(w, a.cvol, T + 12.9e6, userCtx(N, 'copy', true), v1, { img: qcow, loc: rbdLoc(qcow) });
    userCreate(w, a, f1);
    f1.start('image');
    f1.cloningAt();
    rbdNeedsRaw(f1, rbdUrl(qcow));
    download(f1, 10.44, glanceHook(w, a.gapi, f1));
    copyToVolume(f1, { secs: 26.93, dest: 'rbd' });
    rbdImport(f1, destPath(f1, 'rbd'), 30.118);
    downloaded(f1);
    tempDeleted(f1);
    bootable(f1);
    f1.success();
    const v2 = vol(N, 'clone', 15, POOL);
    const f2 = new Flow(w, a.cvol, T + 95.4e6, userCtx(N, 'clone', true), v2, { img: raw, loc: rbdLoc(raw) });
    userCreate(w, a, f2);
    f2.start('image');
    f2.cloningAt();
    rbdClone(f2, 'images', raw.id);
    f2.wait(0.41);
    bootable(f2);
    f2.success();
    cinderPeriodic(w, a.cvol, T, T + 120e6, N, null);
    keystoneChecks(w, a.ks, T, T + 120e6, N);
    hostNoise(w, a.cvol, T + 3e6, N);
    return [
      copyT(v1, 'cvol-a', qcow, ['no-reason-logged'], { phases: ['download', 'convert'] }),
      cloneT(v2, 'cvol-a', raw, 'unknown'),
    ];
  },
} satisfies Scenario;
