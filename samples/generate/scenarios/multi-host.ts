// 13. One merged journal (journalctl -m) of three hosts: a burst of six boot volumes from one
// image — three cache hits on cvol-a (LVM thin, cache enabled), three copies on cvol-b (LVM thin,
// cache disabled) — with glance-api on ctrl-1 serving the downloads.
import { Flow } from '../lib/flow.ts';
import { service } from '../lib/devstack.ts';
import { host, type World } from '../lib/journal.ts';
import { uuid } from '../lib/ids.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import type { Scenario } from '../lib/scenario.ts';
import { novaBoot } from '../lib/services.ts';
import { IMAGES, at, cacheVolume, entry, glanceHook, startup, userCreate, userCtx, vol, type Aio } from '../lib/setup.ts';
import { cacheHit } from '../lib/steps-cache.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';

const N = 'multi-host';

export default {
  name: N,
  modes: [...EXTRA_MODES, 'json-pretty', 'short-unix'],
  merge: true,
  build(w: World) {
    const T = at('2026-03-22T09:00:00');
    const ctrl = host('ctrl-1', T - 864000e6);
    const ha = host('cvol-a', T - 4000e6);
    const hb = host('cvol-b', T - 3900e6);
    const api = { capi: service(ctrl, 'c-api', 88120, { workers: [88141, 88142] }), csch: service(ctrl, 'c-sch', 88310),
      ks: service(ctrl, 'keystone', 87001, { workers: [87020] }), gapi: service(ctrl, 'g-api', 90430, { workers: [90451, 90452] }) };
    const A: Aio = { ...api, cvol: service(ha, 'c-vol', 326410, { workers: [326427] }), ncpu: service(ha, 'n-cpu', 329720) };
    const B: Aio = { ...api, cvol: service(hb, 'c-vol', 214530, { workers: [214547] }), ncpu: service(hb, 'n-cpu', 217011) };
    startup(w, A.cvol, T + 1.2e6, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', true);
    startup(w, B.cvol, T + 2.7e6, 'cvol-b@lvmdriver-2', 'LVMVolumeDriver', false);
    const img = IMAGES.ubuntu;
    const PA = 'cvol-a@lvmdriver-1#lvmdriver-1';
    const cv = cacheVolume(N, 'ubuntu', 3, PA);
    const out = [];
    for (let i = 0; i < 6; i++) {
      const onA = i % 2 === 0;
      const s = onA ? A : B;
      const key = `boot-${i + 1}`;
      const v = vol(N, key, 10, onA ? PA : 'cvol-b@lvmdriver-2#lvmdriver-2', `burst-${i + 1}`);
      const ctx = userCtx(N, key, true);
      const t = T + 60e6 + i * 1.37e6;
      novaBoot(w, s.ncpu, t - 2.3e6, ctx.gid ?? '', uuid(`${N}/instance/${key}`), img, onA ? 'cvol-a' : 'cvol-b');
      const f = new Flow(w, s.cvol, t, ctx, v, { img, loc: NO_LOCATION });
      userCreate(w, s, f);
      f.start('image');
      f.cloningAt();
      if (onA) {
        cacheHit(f, entry(11, img, cv.id, PA, 3, `2026-03-22T09:01:0${i}.${String(120381 + i * 7919).padStart(6, '0')}`));
        out.push(cloneT(v, 'cvol-a', img, 'image-cache'));
      } else {
        fullCopy(f, 21.4 + i * 2.3, 52.1 + i * 3.1, 'lvm', glanceHook(w, api.gapi, f, i > 1));
        out.push(copyT(v, 'cvol-b', img, ['cache-disabled']));
      }
      bootable(f);
      f.success();
    }
    cinderPeriodic(w, A.cvol, T + 5e6, T + 170e6, `${N}/a`);
    cinderPeriodic(w, B.cvol, T + 5e6, T + 170e6, `${N}/b`, 'stack-volumes-lvmdriver-2');
    novaPeriodic(w, A.ncpu, T, T + 170e6, `${N}/a`);
    novaPeriodic(w, B.ncpu, T, T + 170e6, `${N}/b`);
    keystoneChecks(w, api.ks, T, T + 170e6, N);
    hostNoise(w, A.cvol, T + 10e6, `${N}/a`);
    hostNoise(w, B.cvol, T + 20e6, `${N}/b`);
    return out;
  },
} satisfies Scenario;
