// 2. raw image on LVM, no clone possible (no driver clone, glance-cinder off, cache off):
// download + `was raw, converting to raw` + Converted (raw→raw is not a conversion).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, fileLoc, glanceHook, userCreate, userCtx, vol } from '../lib/setup.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'raw-copy';

export default {
  name: N,
  build(w: World) {
    const T = at('2026-03-11T09:20:00');
    const a = aio(w, 'cvol-a', T - 86400e6, 326410);
    const img = IMAGES.debianRaw;
    const v = vol(N, 'v1', 20, 'cvol-a@lvmdriver-1#lvmdriver-1', 'debian-data');
    const f = new Flow(w, a.cvol, T + 21.377e6, userCtx(N, 'v1', false), v, { img, loc: fileLoc(img) });
    userCreate(w, a, f);
    f.start('image');
    f.cloningAt();
    fullCopy(f, 23.61, 9.84, 'lvm', glanceHook(w, a.gapi, f));
    bootable(f);
    f.success();
    cinderPeriodic(w, a.cvol, T, T + 75e6, N);
    novaPeriodic(w, a.ncpu, T, T + 75e6, N);
    keystoneChecks(w, a.ks, T, T + 75e6, N);
    hostNoise(w, a.cvol, T + 4e6, N);
    return [copyT(v, 'cvol-a', img, ['no-reason-logged'])];
  },
} satisfies Scenario;
