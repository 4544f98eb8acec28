// 10. qcow2 → raw conversion fails on LVM (thin pool full): ERROR `Failed to copy image …`
// with the ProcessExecutionError, taskflow FAILURE/REVERTED, `Volume …: create failed`, the
// RPC error; `Temporary image … is deleted.` is missing (the create failed inside the block).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, userCreate, userCtx, vol } from '../lib/setup.ts';
import { copyToVolume, download } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'failure';

export default {
  name: N,
  modes: EXTRA_MODES,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-19T20:12:00');
    const a = aio(w, 'cvol-a', T - 700000e6, 326410);
    const img = IMAGES.ubuntu;
    const v = vol(N, 'v1', 30, 'cvol-a@lvmdriver-1#lvmdriver-1', 'analytics-boot');
    const f = new Flow(w, a.cvol, T + 33.71e6, userCtx(N, 'v1', true), v, { img, loc: NO_LOCATION });
    userCreate(w, a, f);
    f.start('image');
    f.cloningAt();
    download(f, 13.05, glanceHook(w, a.gapi, f));
    copyToVolume(f, { secs: 17.342, dest: 'lvm-mapper', fail: 'qemu-img: error while writing at byte 1073217536: No space left on device' });
    cinderPeriodic(w, a.cvol, T, T + 110e6, N);
    novaPeriodic(w, a.ncpu, T, T + 110e6, N);
    keystoneChecks(w, a.ks, T, T + 110e6, N);
    hostNoise(w, a.cvol, T + 5e6, N);
    return [copyT(v, 'cvol-a', img, ['no-reason-logged'], { status: 'failed' })];
  },
} satisfies Scenario;
