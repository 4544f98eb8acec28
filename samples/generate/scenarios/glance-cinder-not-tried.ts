// 21. Images in a glance cinder store (cinder:// locations) on LVM, but allowed_direct_url_schemes in
// cinder.conf does not list cinder: _clone_image_volume is never called, so the clone attempt line
// (`Cloning …  at location ('cinder://…')`, after the upgrade to 28.0.0 `Trying to clone …` without
// `Using glance cinder optimization …`) is followed by no glance-cinder line and a download. On
// lvmdriver-2 (image-volume cache on) an encrypted volume: cinder skips both glance-cinder and
// _prepare_image_cache_entry, logs only `Attempting to retrieve cache entry …`, and copies (os_brick
// logs at INFO here, so the encryptor line is absent).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { uuid } from '../lib/ids.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import type { Release } from '../lib/model.ts';
import { IMAGES, aio, at, cinderLoc, glanceHook, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { CV } from '../lib/flow.ts';
import { SRC } from '../lib/src.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'glance-cinder-not-tried';

export default {
  name: N,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-23T15:05:00');
    const a = aio(w, 'cvol-a', T - 40000e6, 418700);
    const raw = withStores(IMAGES.debianRaw, 'cinder-lvm1');
    const small = withStores(IMAGES.cirrosRaw, 'cinder-lvm1');
    const cases: { key: string; pool: string; img: typeof raw; release: Release; encrypted: boolean; at: number; reasons: string[] }[] = [
      { key: 'not-tried', pool: 'cvol-a@lvmdriver-1#lvmdriver-1', img: raw, release: '2025.1', encrypted: false, at: 8.2, reasons: ['glance-cinder-not-tried'] },
      { key: 'not-tried-2026', pool: 'cvol-a@lvmdriver-1#lvmdriver-1', img: small, release: '2026.1', encrypted: false, at: 71.5, reasons: ['glance-cinder-not-tried'] },
      { key: 'encrypted', pool: 'cvol-a@lvmdriver-2#lvmdriver-2', img: small, release: '2026.1', encrypted: true, at: 96.3, reasons: ['encrypted-volume'] },
    ];
    const out = [];
    let end = T;
    for (const c of cases) {
      const v = vol(N, c.key, 20, c.pool, `${c.key}-boot`);
      const f = new Flow(w, a.cvol, T + c.at * 1e6, userCtx(N, c.key, true), v, { img: c.img, loc: cinderLoc(uuid(`${N}/iv/${c.img.name}`)), release: c.release });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      if (c.encrypted) f.debug(CV, `Attempting to retrieve cache entry for image = ${c.img.id} on host ${v.host}.`, SRC.cacheAttempt);
      fullCopy(f, c.img.size / 1048576 / 91.4, c.img.size / 1048576 / 156.2, c.encrypted ? 'iscsi' : 'lvm', glanceHook(w, a.gapi, f));
      bootable(f);
      f.success();
      out.push(copyT(v, 'cvol-a', c.img, c.reasons));
      end = f.t;
    }
    cinderPeriodic(w, a.cvol, T, end + 15e6, N);
    keystoneChecks(w, a.ks, T, end + 15e6, N);
    hostNoise(w, a.cvol, T + 3e6, N);
    return out;
  },
} satisfies Scenario;
