// 11. A completed copy, then a second create that downloads and starts qemu-img convert —
// and the journal ends there (no end line, no failure).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, userCreate, userCtx, vol } from '../lib/setup.ts';
import { bootable, copyToVolume, download, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'incomplete';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

export default {
  name: N,
  build(w: World) {
    const T = at('2026-03-20T06:30:00');
    const a = aio(w, 'cvol-a', T - 90000e6, 326410);
    const cirros = IMAGES.cirros;
    const v1 = vol(N, 'done', 1, POOL, 'smoke-1');
    const f1 = new Flow(w, a.cvol, T + 7.25e6, userCtx(N, 'done', false), v1, { img: cirros, loc: NO_LOCATION });
    userCreate(w, a, f1);
    f1.start('image');
    f1.cloningAt();
    fullCopy(f1, 0.71, 0.58, 'lvm', glanceHook(w, a.gapi, f1));
    bootable(f1);
    f1.success();
    const img = IMAGES.ubuntu;
    const v2 = vol(N, 'cut', 10, POOL, 'smoke-2');
    const f2 = new Flow(w, a.cvol, T + 24.6e6, userCtx(N, 'cut', false), v2, { img, loc: NO_LOCATION });
    userCreate(w, a, f2);
    f2.start('image');
    f2.cloningAt();
    download(f2, 14.12, glanceHook(w, a.gapi, f2));
    copyToVolume(f2, { secs: 0, stopAfterStart: true });
    const end = f2.t - 1e6;
    cinderPeriodic(w, a.cvol, T, end, N);
    novaPeriodic(w, a.ncpu, T, end, N);
    keystoneChecks(w, a.ks, T, end, N);
    hostNoise(w, a.cvol, T + 2e6, N);
    return [
      copyT(v1, 'cvol-a', cirros, ['no-reason-logged']),
      copyT(v2, 'cvol-a', img, ['no-reason-logged'], { status: 'incomplete' }),
    ];
  },
} satisfies Scenario;
