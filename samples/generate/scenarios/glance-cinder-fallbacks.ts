// 4. glance-cinder optimisation on (NetApp ONTAP iSCSI, cache disabled), four fallbacks to a
// copy: image not raw, image-volume of another tenant, no image-volume on this backend, and
// the backend clone failing (ERROR + traceback).
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { uuid } from '../lib/ids.ts';
import { volName } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks } from '../lib/noise.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, aio, at, cinderLoc, glanceHook, userCreate, userCtx, vol, withStores } from '../lib/setup.ts';
import { failedClone, noAccessible, notRaw, ontapLunClone, skipping, willClone } from '../lib/steps-clone.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'glance-cinder-fallbacks';
const POOL = 'cvol-a@ontap-iscsi#openstack_iscsi_vol_01';
const C = '/opt/stack/cinder/cinder/';
const BB = 'cinder.volume.drivers.netapp.dataontap.block_base';
const ERR = 'cinder.exception.VolumeBackendAPIException: Bad or unexpected response from the storage volume backend API: LUN clone of volume-%s failed: Insufficient space in volume openstack_iscsi_vol_01.';
const fr = (f: string, l: number, fn: string, code: string) => [`  File "${C}${f}", line ${l}, in ${fn}`, `    ${code}`];

export default {
  name: N,
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-13T08:30:00');
    const a = aio(w, 'cvol-a', T - 9000e6, 412200);
    const qcow = withStores(IMAGES.ubuntu, 'ontap-iscsi');
    const raw = withStores(IMAGES.debianRaw, 'ontap-iscsi');
    const small = withStores(IMAGES.cirrosRaw, 'ontap-iscsi');
    const cases = [
      { key: 'not-raw', img: qcow, imgVol: uuid(`${N}/iv/qcow`), reasons: ['image-not-raw'] },
      { key: 'other-tenant', img: raw, imgVol: uuid(`${N}/iv/raw`), reasons: ['image-volume-not-accessible'] },
      { key: 'other-backend', img: small, imgVol: uuid(`${N}/iv/small`), reasons: ['no-image-volume'] },
      { key: 'clone-failed', img: raw, imgVol: uuid(`${N}/iv/raw`), reasons: ['glance-cinder-clone-failed'] },
    ];
    const out = [];
    let t = T + 12.3e6;
    for (const c of cases) {
      const v = vol(N, c.key, 40, POOL);
      const f = new Flow(w, a.cvol, t, userCtx(N, c.key, c.key !== 'other-tenant'), v, { img: c.img, loc: cinderLoc(c.imgVol) });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      if (c.key === 'not-raw') notRaw(f);
      if (c.key === 'other-tenant') skipping(f, c.imgVol);
      if (c.key === 'other-tenant' || c.key === 'other-backend') noAccessible(f);
      if (c.key === 'clone-failed') {
        willClone(f, c.imgVol);
        ontapLunClone(f, c.imgVol, false);
        const err = ERR.replace('%s', c.imgVol);
        const tb = ['Traceback (most recent call last):', ...fr('volume/drivers/netapp/dataontap/block_base.py', 612, 'create_cloned_volume', 'self._clone_lun(src_lun.name, destination_name,'),
          ...fr('volume/drivers/netapp/dataontap/block_cmode.py', 241, '_clone_lun', 'self.zapi_client.clone_lun(volume, name, new_name, space_reserved,'),
          ...fr('volume/drivers/netapp/dataontap/client/client_cmode_rest.py', 1131, 'clone_lun', 'raise exception.VolumeBackendAPIException(data=msg)'), err, ''];
        f.log('ERROR', BB, `Exception cloning volume ${volName(f.vol)} from source volume volume-${c.imgVol}.`, { summary: err, exc: tb });
        failedClone(f, c.imgVol, err, ['Traceback (most recent call last):',
          ...fr('volume/flows/manager/create_volume.py', 779, '_clone_image_volume', 'ret = self._create_from_source_volume('),
          ...fr('volume/flows/manager/create_volume.py', 572, '_create_from_source_volume', 'model_update = self.driver.create_cloned_volume(volume, srcvol_ref)'),
          ...fr('volume/drivers/netapp/dataontap/block_base.py', 612, 'create_cloned_volume', 'self._clone_lun(src_lun.name, destination_name,'),
          ...fr('volume/drivers/netapp/dataontap/client/client_cmode_rest.py', 1131, 'clone_lun', 'raise exception.VolumeBackendAPIException(data=msg)'), err, '']);
      }
      fullCopy(f, c.img.size / 1048576 / 71.3, (c.img.virtualSize ?? c.img.size) / 1048576 / 133.9, 'iscsi', glanceHook(w, a.gapi, f));
      bootable(f);
      f.success();
      out.push(copyT(v, 'cvol-a', c.img, c.reasons));
      t = f.t + 9.4e6;
    }
    cinderPeriodic(w, a.cvol, T, t, N, null);
    keystoneChecks(w, a.ks, T, t, N);
    hostNoise(w, a.cvol, T + 2e6, N);
    return out;
  },
} satisfies Scenario;
