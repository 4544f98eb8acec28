// 1. qcow2 image on LVM (thin), glance-cinder off, image-volume cache disabled: two
// overlapping creates from the same image, each downloading its own temporary image.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, startup, userCreate, userCtx, vol } from '../lib/setup.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'copy-with-conversion';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

export default {
  name: N,
  modes: EXTRA_MODES,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-10T14:00:00');
    const a = aio(w, 'cvol-a', T - 5400e6, 326410);
    startup(w, a.cvol, T, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', false);
    const img = IMAGES.ubuntu;
    const v1 = vol(N, 'v1', 10, POOL, 'web-boot-1');
    const v2 = vol(N, 'v2', 20, POOL, 'db-boot-1');
    const f1 = new Flow(w, a.cvol, T + 63.412e6, userCtx(N, 'v1', false), v1, { img, loc: NO_LOCATION });
    const f2 = new Flow(w, a.cvol, T + 66.905e6, userCtx(N, 'v2', false), v2, { img, loc: NO_LOCATION });
    for (const [f, dl, conv] of [[f1, 16.84, 41.27], [f2, 19.02, 47.65]] as const) {
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      fullCopy(f, dl, conv, 'lvm', glanceHook(w, a.gapi, f));
      bootable(f);
      f.success();
    }
    cinderPeriodic(w, a.cvol, T + 8e6, T + 150e6, N);
    novaPeriodic(w, a.ncpu, T + 3e6, T + 150e6, N);
    keystoneChecks(w, a.ks, T + 1e6, T + 150e6, N);
    hostNoise(w, a.cvol, T + 20e6, N);
    const r = ['cache-disabled'];
    return [copyT(v1, 'cvol-a', img, r), copyT(v2, 'cvol-a', img, r)];
  },
} satisfies Scenario;
