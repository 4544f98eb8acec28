// 21. image_conversion_dir fills up on an RBD host: Ceph RBD copies of a qcow2 image download it into
// the conversion directory (598.75 MiB) and convert it there into a raw temporary file at its virtual
// size (2.2 GiB) before `rbd import` (RBD's copy_image_to_volume, reference §7.1): each copy needs the
// space twice. Two copies overlap; a third create, started while both hold their files, fails its
// download with ENOSPC (`No space left in image_conversion_dir path (…) while fetching image …`,
// ImageTooBig in the taskflow failure, reference §5.1), so its failure is tied to the host's peak.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, glanceHook, rbdLoc, rbdUrl, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { rbdImport, rbdNeedsRaw } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, destPath, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { fetchNoSpace } from '../lib/steps-fail.ts';
import { copyT } from '../lib/truth.ts';

const N = 'conversion-space';
const POOL = 'cvol-c@ceph#ceph';

export default {
  name: N,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-25T11:02:00');
    const a = aio(w, 'cvol-c', T - 40000e6, 611204);
    const img = withStores(IMAGES.ubuntu, 'ceph');
    const copy = (name: string, startS: number, dl: number, conv: number, imp: number) => {
      const v = vol(N, name, 20, POOL, `${name}-boot`);
      const f = new Flow(w, a.cvol, T + startS * 1e6, userCtx(N, name, true), v, { img, loc: rbdLoc(img) });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      rbdNeedsRaw(f, rbdUrl(img));
      download(f, dl, glanceHook(w, a.gapi, f));
      copyToVolume(f, { secs: conv, dest: 'rbd' });
      rbdImport(f, destPath(f, 'rbd'), imp);
      downloaded(f);
      tempDeleted(f);
      bootable(f);
      f.success();
      return v;
    };
    const v1 = copy('rbd-a', 12.4, 14.21, 26.83, 33.512);
    const v2 = copy('rbd-b', 19.7, 15.02, 29.41, 35.077);
    const v3 = vol(N, 'rbd-c', 20, POOL, 'rbd-c-boot');
    const f3 = new Flow(w, a.cvol, T + 58.2e6, userCtx(N, 'rbd-c', true), v3, { img, loc: rbdLoc(img) });
    userCreate(w, a, f3);
    f3.start('image');
    f3.cloningAt();
    rbdNeedsRaw(f3, rbdUrl(img));
    fetchNoSpace(f3, '/opt/stack/data/cinder/conversion', 6.35);
    cinderPeriodic(w, a.cvol, T, T + 150e6, N, null);
    keystoneChecks(w, a.ks, T, T + 150e6, N);
    hostNoise(w, a.cvol, T + 4e6, N);
    return [
      copyT(v1, 'cvol-c', img, ['image-not-raw']),
      copyT(v2, 'cvol-c', img, ['image-not-raw']),
      copyT(v3, 'cvol-c', img, ['image-not-raw'], { status: 'failed', phases: [], conversion: null }),
    ];
  },
} satisfies Scenario;
