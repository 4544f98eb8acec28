// 18. The report's "why were the boots at 09:14 slow?" case: `journalctl -m` of three hosts, a
// burst of 25 boot volumes from one qcow2 image within about four minutes. cvol-a (LVM thin, cache
// enabled) misses the image-volume cache on its first volume, which downloads, converts and seeds
// the cache; its later volumes are cache clones (LV snapshots, about a second each). cvol-b (LVM
// thin, cache disabled) copies every volume: download, qemu-img convert, and the copies slow each
// other down as they pile up (downloads and conversions stretch with the number in flight).
// glance-api on ctrl-1 serves the downloads.
import { Flow } from '../lib/flow.ts';
import { service } from '../lib/devstack.ts';
import { host, type World } from '../lib/journal.ts';
import { uuid } from '../lib/ids.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { novaBoot } from '../lib/services.ts';
import { IMAGES, at, cacheVolume, entry, glanceHook, startup, userCreate, userCtx, vol, type Aio } from '../lib/setup.ts';
import { cacheHit, cacheMiss, seedCache } from '../lib/steps-cache.ts';
import { bootable, copyToVolume, download, downloaded, fullCopy, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT, type VolumeTruth } from '../lib/truth.ts';

const N = 'burst';
const PA = 'cvol-a@lvmdriver-1#lvmdriver-1';
const PB = 'cvol-b@lvmdriver-2#lvmdriver-2';

/** Which host the scheduler picked for boot i: cvol-a takes the first, then every other one from the 10th on. */
const onA = (i: number) => i === 0 || (i >= 9 && i % 2 === 0);

export default {
  name: N,
  merge: true,
  build(w: World) {
    const T = at('2026-03-24T09:10:00');
    const ctrl = host('ctrl-1', T - 864000e6);
    const ha = host('cvol-a', T - 5000e6);
    const hb = host('cvol-b', T - 4900e6);
    const api = { capi: service(ctrl, 'c-api', 88120, { workers: [88141, 88142] }), csch: service(ctrl, 'c-sch', 88310),
      ks: service(ctrl, 'keystone', 87001, { workers: [87020] }), gapi: service(ctrl, 'g-api', 90430, { workers: [90451, 90452] }) };
    const A: Aio = { ...api, cvol: service(ha, 'c-vol', 326410, { workers: [326427] }), ncpu: service(ha, 'n-cpu', 329720) };
    const B: Aio = { ...api, cvol: service(hb, 'c-vol', 214530, { workers: [214547] }), ncpu: service(hb, 'n-cpu', 217011) };
    startup(w, A.cvol, T + 1.2e6, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', true);
    startup(w, B.cvol, T + 2.7e6, 'cvol-b@lvmdriver-2', 'LVMVolumeDriver', false);
    const img = IMAGES.ubuntu;
    const cv = cacheVolume(N, 'ubuntu', 3, PA);
    const out: VolumeTruth[] = [];
    let copiesOnB = 0;
    for (let i = 0; i < 25; i++) {
      const a = onA(i);
      const s = a ? A : B;
      const key = `boot-${String(i + 1).padStart(2, '0')}`;
      const v = vol(N, key, 10, a ? PA : PB, `batch-${String(i + 1).padStart(2, '0')}`);
      const ctx = userCtx(N, key, true);
      const t = T + 240e6 + i * 8.7e6 + (i % 3) * 0.61e6;
      novaBoot(w, s.ncpu, t - 2.3e6, ctx.gid ?? '', uuid(`${N}/instance/${key}`), img, a ? 'cvol-a' : 'cvol-b');
      const f = new Flow(w, s.cvol, t, ctx, v, { img, loc: NO_LOCATION });
      userCreate(w, s, f);
      f.start('image');
      f.cloningAt();
      if (i === 0) {
        // First boot on cvol-a: cache miss, copy, then the cache entry (LV snapshot of the new volume).
        cacheMiss(f);
        download(f, 17.32, glanceHook(w, api.gapi, f));
        copyToVolume(f, { secs: 39.84, createSize: 3 });
        downloaded(f);
        tempDeleted(f);
        seedCache(f, cv, entry(9, img, cv.id, PA, 3, '2026-03-24T09:15:00.418230'), null);
        out.push(copyT(v, 'cvol-a', img, ['cache-miss'], { cacheSeeded: true, internalVolumes: [cv.id] }));
      } else if (a) {
        cacheHit(f, entry(9, img, cv.id, PA, 3, `2026-03-24T09:1${5 + Math.floor(i / 12)}:${String(10 + i).padStart(2, '0')}.${String(200311 + i * 4099).padStart(6, '0')}`));
        out.push(cloneT(v, 'cvol-a', img, 'image-cache'));
      } else {
        // Copies on cvol-b pile up: each new one shares the link to glance and the disk with the others.
        const k = copiesOnB++;
        fullCopy(f, 18.6 + k * 2.45, 44.2 + k * 6.35, 'lvm', glanceHook(w, api.gapi, f, k > 0));
        out.push(copyT(v, 'cvol-b', img, ['cache-disabled']));
      }
      bootable(f);
      f.success();
    }
    cinderPeriodic(w, A.cvol, T + 5e6, T + 560e6, `${N}/a`);
    cinderPeriodic(w, B.cvol, T + 5e6, T + 560e6, `${N}/b`, 'stack-volumes-lvmdriver-2');
    novaPeriodic(w, A.ncpu, T, T + 560e6, `${N}/a`);
    novaPeriodic(w, B.ncpu, T, T + 560e6, `${N}/b`);
    keystoneChecks(w, api.ks, T, T + 560e6, N);
    hostNoise(w, A.cvol, T + 10e6, `${N}/a`);
    hostNoise(w, B.cvol, T + 20e6, `${N}/b`);
    return out;
  },
} satisfies Scenario;
