// Driver clones and the glance-cinder optimisation (reference §0.2, §3.3, §7).
import { Flow, CV } from './flow.ts';
import { atLeast, volName } from './model.ts';
import { SRC } from './src.ts';

const RBD = 'cinder.volume.drivers.rbd';
const NFS = 'cinder.volume.drivers.netapp.dataontap.nfs_base';

export const rbdClone = (f: Flow, pool: string, img: string, snap = 'snap'): void =>
  f.debug(RBD, `cloning ${pool}/${img}@${snap} to ${volName(f.vol)}`, SRC.rbdClone);
export const rbdNotCloneable = (f: Flow, url: string, why = 'Not stored in RBD'): void =>
  f.debug(RBD, `not cloneable: Image ${url} is unacceptable: ${why}.`, SRC.rbdCloneable);
export const rbdOtherCluster = (f: Flow, url: string): void => f.debug(RBD, `${url} is in a different ceph cluster.`, SRC.rbdCloneable);
export function rbdNeedsRaw(f: Flow, url: string): void {
  const word = atLeast(f.release, '2024.1') ? 'RBD' : 'rbd';
  f.debug(RBD, `${word} image clone requires image format to be 'raw' but image ${url} is '${f.img.diskFormat}'`, SRC.rbdCloneable);
}
/** RBD copy path: temp file written by qemu-img, then `rbd import`. */
export function rbdImport(f: Flow, tmp: string, secs: number): void {
  f.cmd(`rbd import --pool volumes --order 22 ${tmp} ${volName(f.vol)} --new-format --id cinder --cluster ceph --conf /etc/ceph/ceph.conf`, secs);
}

/** 2026.1+ announces the glance-cinder attempt before _clone_image_volume. */
export function glanceOptimisation(f: Flow): void {
  if (atLeast(f.release, '2026.1'))
    f.debug(CV, `Using glance cinder optimization to clone the requested volume ${f.vol.id} from image ${f.img.id}`, SRC.glanceOpt);
}
export const notRaw = (f: Flow): void => f.info(CV, `Requested image ${f.img.id} is not in raw format.`);
export const skipping = (f: Flow, imgVol: string): void =>
  f.info(CV, `Skipping image volume ${imgVol} because it is not accessible by current Tenant.`);
export const noAccessible = (f: Flow): void => f.debug(CV, `No accessible image volume for image ${f.img.id} found.`, SRC.noAccess);
export const willClone = (f: Flow, imgVol: string): void => f.info(CV, `Will clone a volume from the image volume ${imgVol}.`);

/** `Failed to clone image volume` — ERROR + traceback up to 2026.1, DEBUG on master. */
export function failedClone(f: Flow, imgVol: string, summaryExc: string, tb: string[]): void {
  if (f.release === 'master') {
    f.debug(CV, `Failed to clone image volume ${imgVol}.`, SRC.failClone);
    return;
  }
  f.log('ERROR', CV, `Failed to clone image volume ${imgVol}.`, { summary: summaryExc, exc: tb });
}

/** NetApp ONTAP block (iSCSI) create_cloned_volume: LUN clone. */
export function ontapLunClone(f: Flow, srcVol: string, ok = true, flexvol = 'openstack_iscsi_vol_01'): void {
  f.debug('cinder.volume.drivers.netapp.dataontap.client.client_cmode_rest',
    `Cloning lun - volume: ${flexvol}, name: volume-${srcVol}, new_name: ${volName(f.vol)}, space_reserved: false, qos_policy_group_name: None`, SRC.ontapCloneLun);
  f.wait(0.62);
  if (ok) f.debug('cinder.volume.drivers.netapp.dataontap.block_cmode', `Cloned LUN with new name ${volName(f.vol)}`, SRC.lunCloned);
}

/** NetApp NFS direct clone from the Glance NFS share (raw image). */
export function nfsDirectClone(f: Flow, glanceShare: string, cinderShare: string): void {
  f.info(NFS, `Checking image clone ${f.img.id} from glance share.`);
  f.debug(NFS, `Found possible share matches ['${cinderShare}']`, SRC.nfsMatches);
  f.debug(NFS, `Share is cloneable ${glanceShare}`, SRC.nfsShare);
  f.debug(NFS, `Image is raw ${f.img.id}`, SRC.nfsShare);
  f.debug('cinder.volume.drivers.netapp.dataontap.client.client_cmode_rest',
    `Cloning file - volume openstack_nfs_vol_01, src ${f.img.id}, dest ${volName(f.vol)}, vserver svm_openstack,source_snapshot None`, SRC.ontapCloneFile);
  f.wait(1.1);
  f.info(NFS, `Performing post clone for ${volName(f.vol)}`);
  f.debug(NFS, 'Checking file for resize', SRC.nfsResize);
  f.info(NFS, `Resizing file to ${f.vol.size}G`);
  f.wait(0.3);
}
export const nfsUnsuccessful = (f: Flow, msg: string): void =>
  f.info(NFS, `Image cloning unsuccessful for image ${f.img.id}. Message: ${msg}`);
export function nfsCopied(f: Flow): void {
  f.info(NFS, `Copied image to volume ${f.vol.id} using regular download.`);
  f.info(NFS, `Registering image in cache img-cache-${f.img.id}`);
  f.info(NFS, `Cloning from cache to destination img-cache-${f.img.id}`);
}
