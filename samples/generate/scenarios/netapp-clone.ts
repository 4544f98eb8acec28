// 9. NetApp ONTAP NFS: a raw image on the Glance NFS share is file-cloned (`Checking image
// clone …`, `Performing post clone …`); with no image location the driver gives up
// (`Image cloning unsuccessful … Image location not present.`) and copies.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { NO_LOCATION } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, fileLoc, glanceHook, userCreate, userCtx, vol } from '../lib/setup.ts';
import { nfsCopied, nfsDirectClone, nfsUnsuccessful } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, download, downloaded, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT } from '../lib/truth.ts';

const N = 'netapp-clone';
const POOL = 'cvol-a@ontap-nfs#192.168.0.50:/cinder_nfs';

export default {
  name: N,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-18T15:05:00');
    const a = aio(w, 'cvol-a', T - 50000e6, 611540);
    const raw = IMAGES.debianRaw;
    const v1 = vol(N, 'clone', 25, POOL, 'nfs-clone');
    const f1 = new Flow(w, a.cvol, T + 18.4e6, userCtx(N, 'clone', true), v1, { img: raw, loc: fileLoc(raw, true) });
    userCreate(w, a, f1);
    f1.start('image');
    f1.cloningAt();
    nfsDirectClone(f1, '192.168.0.50:/glance', '192.168.0.50:/cinder_nfs');
    bootable(f1);
    f1.success();
    const img = IMAGES.ubuntu;
    const v2 = vol(N, 'copy', 25, POOL, 'nfs-copy');
    const f2 = new Flow(w, a.cvol, T + 52.6e6, userCtx(N, 'copy', true), v2, { img, loc: NO_LOCATION });
    userCreate(w, a, f2);
    f2.start('image');
    f2.cloningAt();
    nfsUnsuccessful(f2, 'Image location not present.');
    download(f2, 11.62, glanceHook(w, a.gapi, f2));
    copyToVolume(f2, { secs: 35.06, dest: 'nfs' });
    nfsCopied(f2);
    downloaded(f2);
    tempDeleted(f2);
    bootable(f2);
    f2.success();
    cinderPeriodic(w, a.cvol, T, T + 120e6, N, null);
    keystoneChecks(w, a.ks, T, T + 120e6, N);
    hostNoise(w, a.cvol, T + 3e6, N);
    return [cloneT(v1, 'cvol-a', raw, 'netapp'), copyT(v2, 'cvol-a', img, ['netapp-clone-unsuccessful', 'no-image-location'])];
  },
} satisfies Scenario;
