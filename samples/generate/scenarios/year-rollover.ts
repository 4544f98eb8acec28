// 16. A short-precise journal across Dec 31 2025 → Jan 1 2026: a qcow2 copy whose download
// starts before midnight and whose conversion ends after it (LVM thin, cache disabled).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, startup, userCreate, userCtx, vol } from '../lib/setup.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'year-rollover';

export default {
  name: N,
  build(w: World) {
    const T = at('2025-12-31T23:58:10');
    const a = aio(w, 'cvol-a', T - 86400e6, 326410);
    startup(w, a.cvol, T, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', false);
    const img = IMAGES.ubuntu;
    const v = vol(N, 'v1', 10, 'cvol-a@lvmdriver-1#lvmdriver-1', 'new-year-boot');
    const f = new Flow(w, a.cvol, at('2025-12-31T23:59:41.204'), userCtx(N, 'v1', true), v, { img, loc: NO_LOCATION });
    userCreate(w, a, f);
    f.start('image');
    f.cloningAt();
    fullCopy(f, 14.66, 43.18, 'lvm', glanceHook(w, a.gapi, f));
    bootable(f);
    f.success();
    cinderPeriodic(w, a.cvol, T, T + 170e6, N);
    novaPeriodic(w, a.ncpu, T, T + 170e6, N);
    keystoneChecks(w, a.ks, T, T + 170e6, N);
    hostNoise(w, a.cvol, T + 40e6, N);
    return [copyT(v, 'cvol-a', img, ['cache-disabled'])];
  },
} satisfies Scenario;
