// 5. Image-volume cache hit on LVM thin (devstack default, cache enabled): two boot volumes
// cloned from the cached image-volume (LV snapshot), no download.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { novaBoot } from '../lib/services.ts';
import { IMAGES, aio, at, cacheVolume, entry, startup, userCreate, userCtx, vol } from '../lib/setup.ts';
import { cacheHit } from '../lib/steps-cache.ts';
import { bootable } from '../lib/steps-copy.ts';
import { cloneT } from '../lib/truth.ts';
import { uuid } from '../lib/ids.ts';

const N = 'cache-hit';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

export default {
  name: N,
  build(w: World) {
    const T = at('2026-03-14T11:00:00');
    const a = aio(w, 'cvol-a', T - 4000e6, 326410);
    startup(w, a.cvol, T, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', true);
    const img = IMAGES.ubuntu;
    const cv = cacheVolume(N, 'ubuntu', 3, POOL);
    const out = [];
    for (const [key, t, last] of [['b1', T + 95.2e6, '2026-03-13T17:41:09.551204'], ['b2', T + 131.8e6, '2026-03-14T11:01:35.214871']] as const) {
      const v = vol(N, key, 10, POOL);
      const ctx = userCtx(N, key, true);
      novaBoot(w, a.ncpu, t - 2.1e6, ctx.gid ?? '', uuid(`${N}/instance/${key}`), img, 'cvol-a');
      const f = new Flow(w, a.cvol, t, ctx, v, { img, loc: NO_LOCATION });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      cacheHit(f, entry(4, img, cv.id, POOL, 3, last));
      bootable(f);
      f.success();
      out.push(cloneT(v, 'cvol-a', img, 'image-cache'));
    }
    cinderPeriodic(w, a.cvol, T + 8e6, T + 160e6, N);
    novaPeriodic(w, a.ncpu, T, T + 160e6, N);
    keystoneChecks(w, a.ks, T, T + 160e6, N);
    hostNoise(w, a.cvol, T + 30e6, N);
    return out;
  },
} satisfies Scenario;
