// 3. Glance cinder store on the same NetApp ONTAP iSCSI backend, allowed_direct_url_schemes =
// cinder: the image-volume is cloned (LUN clone). First volume on 2025.1 wording, then the
// service is upgraded to 2026.1 (28.0.0) and a second volume shows the new wording.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { uuid } from '../lib/ids.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, cinderLoc, startup, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { bootable } from '../lib/steps-copy.ts';
import { glanceOptimisation, ontapLunClone, willClone } from '../lib/steps-clone.ts';
import { cloneT } from '../lib/truth.ts';

const N = 'glance-cinder-clone';
const POOL = 'cvol-a@ontap-iscsi#openstack_iscsi_vol_01';

export default {
  name: N,
  build(w: World) {
    const T = at('2026-03-12T10:00:00');
    const a = aio(w, 'cvol-a', T - 7200e6, 412200);
    const img = withStores(IMAGES.debianRaw, 'ontap-iscsi');
    const imgVol = uuid(`${N}/image-volume`);
    startup(w, a.cvol, T, 'cvol-a@ontap-iscsi', 'NetAppCmodeISCSIDriver', false, '26.1.0');
    const out = [];
    for (const [key, t, release] of [['v1', T + 40.5e6, '2025.1'], ['v2', T + 3700e6, '2026.1']] as const) {
      if (release === '2026.1') startup(w, a.cvol, T + 3600e6, 'cvol-a@ontap-iscsi', 'NetAppCmodeISCSIDriver', false, '28.0.0');
      const v = vol(N, key, 30, POOL, `app-${key}`);
      const f = new Flow(w, a.cvol, t, userCtx(N, key, true), v, { img, loc: cinderLoc(imgVol), release });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      glanceOptimisation(f);
      willClone(f, imgVol);
      ontapLunClone(f, imgVol);
      bootable(f);
      f.success();
      out.push(cloneT(v, 'cvol-a', img, 'glance-cinder'));
    }
    cinderPeriodic(w, a.cvol, T + 7e6, T + 3780e6, N, null);
    keystoneChecks(w, a.ks, T, T + 200e6, N);
    hostNoise(w, a.cvol, T + 3650e6, N);
    return out;
  },
} satisfies Scenario;
