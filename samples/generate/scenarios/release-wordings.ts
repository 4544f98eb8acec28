// 17. One volume per release-specific wording, each on a host running that release (hosts in
// sequence, so short output shows `-- Boot … --` between them). See README.md for the list.
import { service, say } from '../lib/devstack.ts';
import { Flow } from '../lib/flow.ts';
import { uuid } from '../lib/ids.ts';
import { host, type World } from '../lib/journal.ts';
import { NO_LOCATION, locations, type Release } from '../lib/model.ts';
import type { Scenario } from '../lib/scenario.ts';
import { IMAGES, at, cinderLoc, rbdLoc, rbdUrl, userCtx, vol, withStores } from '../lib/setup.ts';
import { failedClone, ontapLunClone, rbdClone, rbdImport, rbdNeedsRaw, willClone } from '../lib/steps-clone.ts';
import { bootable, copyToVolume, destPath, download, downloaded, fullCopy, tempDeleted } from '../lib/steps-copy.ts';
import { cloneT, copyT, type VolumeTruth } from '../lib/truth.ts';

const N = 'release-wordings';
type Kind = 'lvm-copy' | 'rbd-raw-needed' | 'rbd-clone' | 'rbd-nolocation' | 'size-new' | 'size-old' | 'gc-fail';
const CASES: Array<[string, Release, Kind]> = [
  ['cvol-stein', 'stein', 'lvm-copy'], ['cvol-train', 'train', 'lvm-copy'],
  ['cvol-antelope', '2023.1', 'rbd-raw-needed'], ['cvol-caracal', '2024.1', 'rbd-raw-needed'],
  ['cvol-caracal-lvm', '2024.1', 'size-old'], ['cvol-flamingo', '2025.2', 'rbd-clone'],
  ['cvol-flamingo-b', '2025.2', 'rbd-nolocation'], ['cvol-flamingo-lvm', '2025.2', 'size-new'], ['cvol-master', 'master', 'gc-fail'],
];
const WARN = 'Glance method get_image_locations is available but a dedicated [glance] section is required in the cinder configuration file to allow service-to-service communication.';

export default {
  name: N,
  build(w: World) {
    const out: VolumeTruth[] = [];
    CASES.forEach(([name, release, kind], i) => {
      const T = at('2026-04-02T08:00:00') + i * 600e6;
      const cvol = service(host(name, T - 7200e6), 'c-vol', 40110 + i * 1013, { workers: [40127 + i * 1013] });
      const backend = kind.startsWith('rbd') ? 'ceph#ceph' : kind === 'gc-fail' ? 'ontap-iscsi#openstack_iscsi_vol_01' : 'lvmdriver-1#lvmdriver-1';
      const pool = `${name}@${backend}`;
      const rbd = kind.startsWith('rbd');
      const img = rbd ? withStores(kind === 'rbd-clone' ? IMAGES.debianRaw : IMAGES.ubuntu, 'ceph') : kind === 'gc-fail' ? IMAGES.debianRaw : IMAGES.cirros;
      const imgVol = uuid(`${N}/image-volume`);
      const loc = kind === 'rbd-raw-needed' ? rbdLoc(img) : kind === 'rbd-clone' ? locations(null, [[rbdUrl(img), { dict: [['store', 'ceph']] }]])
        : kind === 'rbd-nolocation' ? locations(null, []) : kind === 'gc-fail' ? cinderLoc(imgVol) : NO_LOCATION;
      const v = vol(N, name, 5, pool);
      const warn = release === '2025.2' && rbd;
      const f = new Flow(w, cvol, T + 3.3e6, userCtx(N, name, i % 2 === 0), v, { img, loc, release, ...(warn ? { onSpec: (x: Flow) => x.log('WARNING', 'cinder.image.glance', WARN) } : {}) });
      f.start('image');
      f.cloningAt();
      if (kind === 'rbd-clone') {
        rbdClone(f, 'images', img.id);
        out.push(cloneT(v, name, img, 'rbd'));
      } else if (rbd) {
        if (kind === 'rbd-raw-needed') rbdNeedsRaw(f, rbdUrl(img));
        download(f, 9.4 + i / 10);
        copyToVolume(f, { secs: 26.1 + i / 10, dest: 'rbd' });
        rbdImport(f, destPath(f, 'rbd'), 29.87);
        downloaded(f);
        tempDeleted(f);
        out.push(copyT(v, name, img, kind === 'rbd-nolocation' ? ['glance-locations-api-forbidden', 'no-image-location'] : ['image-not-raw']));
      } else if (kind === 'gc-fail') {
        f.debug('cinder.volume.flows.manager.create_volume', `Using glance cinder optimization to clone the requested volume ${v.id} from image ${img.id}`, { func: '_create_from_image', path: '/opt/stack/cinder/cinder/volume/flows/manager/create_volume.py', line: 1123 });
        willClone(f, imgVol);
        ontapLunClone(f, imgVol, false);
        failedClone(f, imgVol, '', []);
        fullCopy(f, 28.1, 15.3, 'iscsi');
        out.push(copyT(v, name, img, ['glance-cinder-clone-failed']));
      } else if (kind === 'size-new' || kind === 'size-old') {
        download(f, 0.91);
        copyToVolume(f, { secs: 0.66, sizeUnavailable: kind === 'size-new' ? 'new' : 'old' });
        downloaded(f);
        tempDeleted(f);
        out.push(copyT(v, name, img, ['no-reason-logged']));
      } else {
        fullCopy(f, 0.88, 0.71);
        out.push(copyT(v, name, img, ['no-reason-logged']));
      }
      bootable(f);
      f.success();
      say(w, cvol, f.t + 41e6, 'DEBUG', 'oslo_service.periodic_task', { gid: null, rid: `req-${uuid(`${N}/p/${i}`)}`, project: 'None', user: null, userId: '-', projectId: '-' },
        'Running periodic task VolumeManager.publish_service_capabilities', { src: { func: 'run_periodic_tasks', path: '/opt/stack/data/venv/lib/python3.12/site-packages/oslo_service/periodic_task.py', line: 210 } });
    });
    return out;
  },
} satisfies Scenario;
