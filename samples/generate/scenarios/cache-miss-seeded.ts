// 6. Image-volume cache miss on LVM thick: download + convert, then the nested source_vol
// create that seeds the cache (dd clone), all under the user's request id. The cache
// image-volume is internal, not a user volume.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, cacheVolume, entry, glanceHook, startup, userCreate, userCtx, vol } from '../lib/setup.ts';
import { cacheMiss, seedCache } from '../lib/steps-cache.ts';
import { bootable, copyToVolume, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'cache-miss-seeded';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

export default {
  name: N,
  modes: EXTRA_MODES,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-15T16:10:00');
    const a = aio(w, 'cvol-a', T - 3000e6, 326410);
    startup(w, a.cvol, T, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', true);
    const img = IMAGES.ubuntu;
    const v = vol(N, 'v1', 10, POOL, 'ci-runner-boot');
    const cv = cacheVolume(N, 'ubuntu', 3, POOL);
    const f = new Flow(w, a.cvol, T + 48.02e6, userCtx(N, 'v1', false), v, { img, loc: NO_LOCATION });
    userCreate(w, a, f);
    f.start('image');
    f.cloningAt();
    cacheMiss(f);
    download(f, 15.36, glanceHook(w, a.gapi, f));
    copyToVolume(f, { secs: 38.71, thick: true, createSize: 3 });
    downloaded(f);
    tempDeleted(f);
    seedCache(f, cv, entry(7, img, cv.id, POOL, 3, '2026-03-15T16:11:48.903112'), 21.08);
    bootable(f);
    f.success();
    cinderPeriodic(w, a.cvol, T + 10e6, T + 190e6, N);
    novaPeriodic(w, a.ncpu, T, T + 190e6, N);
    keystoneChecks(w, a.ks, T, T + 190e6, N);
    hostNoise(w, a.cvol, T + 20e6, N);
    return [copyT(v, 'cvol-a', img, ['cache-miss'], { cacheSeeded: true, internalVolumes: [cv.id] })];
  },
} satisfies Scenario;
