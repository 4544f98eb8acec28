// 14. devstack with LOG_COLOR=True: every oslo.log line carries ESC colour codes, so
// `journalctl -o json` prints every cinder MESSAGE as a byte array. A copy that seeds the
// image-volume cache (LVM thin), then a cache hit.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, cacheVolume, entry, glanceHook, startup, userCreate, userCtx, vol } from '../lib/setup.ts';
import { cacheHit, cacheMiss, seedCache } from '../lib/steps-cache.ts';
import { bootable, copyToVolume, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';

const N = 'coloured-json';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

export default {
  name: N,
  modes: ['short-precise -a', 'cat'],
  build(w: World) {
    const T = at('2026-03-23T12:00:00');
    const a = aio(w, 'cvol-a', T - 3000e6, 326410, { color: true });
    startup(w, a.cvol, T, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', true);
    const img = IMAGES.cirros;
    const cv = cacheVolume(N, 'cirros', 1, POOL);
    const e = (last: string) => entry(2, img, cv.id, POOL, 1, last);
    const v1 = vol(N, 'copy', 1, POOL, 'color-1');
    const f1 = new Flow(w, a.cvol, T + 31.6e6, userCtx(N, 'copy', false), v1, { img, loc: NO_LOCATION });
    userCreate(w, a, f1);
    f1.start('image');
    f1.cloningAt();
    cacheMiss(f1);
    download(f1, 0.83, glanceHook(w, a.gapi, f1));
    copyToVolume(f1, { secs: 0.77 });
    downloaded(f1);
    tempDeleted(f1);
    seedCache(f1, cv, e('2026-03-23T12:00:33.701944'), null);
    bootable(f1);
    f1.success();
    const v2 = vol(N, 'hit', 1, POOL, 'color-2');
    const f2 = new Flow(w, a.cvol, T + 58.2e6, userCtx(N, 'hit', false), v2, { img, loc: NO_LOCATION });
    userCreate(w, a, f2);
    f2.start('image');
    f2.cloningAt();
    cacheHit(f2, e('2026-03-23T12:00:58.230113'));
    bootable(f2);
    f2.success();
    cinderPeriodic(w, a.cvol, T + 4e6, T + 80e6, N);
    novaPeriodic(w, a.ncpu, T, T + 80e6, N);
    keystoneChecks(w, a.ks, T, T + 80e6, N);
    hostNoise(w, a.cvol, T + 8e6, N);
    return [
      copyT(v1, 'cvol-a', img, ['cache-miss'], { cacheSeeded: true, internalVolumes: [cv.id] }),
      cloneT(v2, 'cvol-a', img, 'image-cache'),
    ];
  },
} satisfies Scenario;
