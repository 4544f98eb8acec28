// 8. RBD backend, clones impossible: image in the glance file store (`not cloneable: … Not
// stored in RBD`), image in another Ceph cluster, and glance hiding locations ((None, None):
// RBD logs nothing). All three are copied.
import { Flow } from '../lib/flow.ts';
import { uuid } from '../lib/ids.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, fileLoc, glanceHook, rbdLoc, rbdUrl, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { rbdImport, rbdNotCloneable, rbdOtherCluster } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, destPath, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'rbd-fallback';
const POOL = 'cvol-a@ceph#ceph';
const OTHER = uuid('ceph/fsid/dr-site');

export default {
  name: N,
  build(w: World) {
    const T = at('2026-03-17T07:55:00');
    const a = aio(w, 'cvol-a', T - 20000e6, 508810);
    const big = IMAGES.bigRaw;
    const far = withStores(IMAGES.cirrosRaw, 'ceph-dr');
    const hidden = withStores(IMAGES.debianRaw, 'ceph');
    const cases = [
      { key: 'file-store', img: big, loc: fileLoc(big, true), dl: 96.12, conv: 31.77, imp: 88.204, reasons: ['rbd-not-in-rbd'] },
      { key: 'other-cluster', img: far, loc: rbdLoc(far, OTHER, 'ceph-dr'), dl: 2.41, conv: 0.62, imp: 1.337, reasons: ['rbd-different-cluster'] },
      { key: 'no-location', img: hidden, loc: NO_LOCATION, dl: 21.9, conv: 8.15, imp: 17.66, reasons: ['no-image-location'] },
    ];
    let t = T + 9.1e6;
    const out = [];
    for (const c of cases) {
      const v = vol(N, c.key, c.key === 'file-store' ? 12 : 20, POOL);
      const f = new Flow(w, a.cvol, t, userCtx(N, c.key, false), v, { img: c.img, loc: c.loc });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      if (c.key === 'file-store') rbdNotCloneable(f, `file:///opt/stack/data/glance/images/${big.id}`);
      if (c.key === 'other-cluster') rbdOtherCluster(f, rbdUrl(far, OTHER));
      download(f, c.dl, glanceHook(w, a.gapi, f));
      copyToVolume(f, { secs: c.conv, dest: 'rbd' });
      rbdImport(f, destPath(f, 'rbd'), c.imp);
      downloaded(f);
      tempDeleted(f);
      bootable(f);
      f.success();
      out.push(copyT(v, 'cvol-a', c.img, c.reasons));
      t = f.t + 6.2e6;
    }
    cinderPeriodic(w, a.cvol, T, t, N, null);
    keystoneChecks(w, a.ks, T, t, N);
    hostNoise(w, a.cvol, T + 3e6, N);
    return out;
  },
} satisfies Scenario;
