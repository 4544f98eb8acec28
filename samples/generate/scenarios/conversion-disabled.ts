// 20. image_conversion_disable = True on an LVM backend (Zed+, Closes-Bug #1970115): every create from
// a qcow2 image is refused after the download (`Failed to copy image …` ERROR with the
// ImageConversionNotAllowed summary and traceback, taskflow FAILURE, `create failed`, not
// rescheduled); a raw image on the same backend copies as before (raw→raw needs no conversion).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, fileLoc, glanceHook, userCreate, userCtx, vol } from '../lib/setup.ts';
import { bootable, copyToVolume, download, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'conversion-disabled';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

export default {
  name: N,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-21T10:20:00');
    const a = aio(w, 'cvol-a', T - 86400e6, 330120);
    const cases = [
      { key: 'ubuntu-1', img: IMAGES.ubuntu, size: 20, at: 11.4 },
      { key: 'debian-raw', img: IMAGES.debianRaw, size: 20, at: 52.7 },
      { key: 'ubuntu-2', img: IMAGES.ubuntu, size: 40, at: 97.1 },
      { key: 'cirros', img: IMAGES.cirros, size: 1, at: 131.8 },
    ];
    const out = [];
    let end = T;
    for (const c of cases) {
      const v = vol(N, c.key, c.size, POOL, `${c.key}-boot`);
      const f = new Flow(w, a.cvol, T + c.at * 1e6, userCtx(N, c.key, true), v, { img: c.img, loc: fileLoc(c.img) });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      const glance = glanceHook(w, a.gapi, f);
      if (c.img.diskFormat === 'raw') {
        fullCopy(f, c.img.size / 1048576 / 88.2, c.img.size / 1048576 / 141.6, 'lvm', glance);
        bootable(f);
        f.success();
        out.push(copyT(v, 'cvol-a', c.img, ['no-reason-logged']));
      } else {
        download(f, c.img.size / 1048576 / 47.9, glance);
        copyToVolume(f, { secs: 0, refuse: 'raw' });
        out.push(copyT(v, 'cvol-a', c.img, ['image-conversion-disabled'], { status: 'failed', phases: ['download', 'temporary-image'] }));
      }
      end = f.t;
    }
    cinderPeriodic(w, a.cvol, T, end + 20e6, N);
    novaPeriodic(w, a.ncpu, T, end + 20e6, N);
    keystoneChecks(w, a.ks, T, end + 20e6, N);
    hostNoise(w, a.cvol, T + 4e6, N);
    return out;
  },
} satisfies Scenario;
