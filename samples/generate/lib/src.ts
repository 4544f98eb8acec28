// Code locations for the DEBUG suffix {{(pid=N) func path:line}} (line numbers from the
// reference where it gives them, else plausible master values; fixed so output is stable).
import type { Src } from './format.ts';

export const CINDER = '/opt/stack/cinder/cinder/';
export const VENV = '/opt/stack/data/venv/lib/python3.12/site-packages/';
const CV = `${CINDER}volume/flows/manager/create_volume.py`;
const IU = `${CINDER}image/image_utils.py`;
const VU = `${CINDER}volume/volume_utils.py`;
const s = (func: string, path: string, line: number): Src => ({ func, path, line });

export const SRC = {
  tfFlow: s('_flow_receiver', `${VENV}taskflow/listeners/logging.py`, 141),
  tfTask: s('_task_receiver', `${VENV}taskflow/listeners/logging.py`, 190),
  reschedParams: s('get_flow', CV, 1436),
  reschedule: s('_reschedule', CV, 131),
  cloning: s('_create_from_image', CV, 1091),
  glanceOpt: s('_create_from_image', CV, 1123),
  noAccess: s('_clone_image_volume', CV, 773),
  failClone: s('_clone_image_volume', CV, 784),
  malformed: s('_extract_cinder_ids', CV, 712),
  cacheFound: s('_prepare_image_cache_entry', CV, 899),
  cachePrep: s('_prepare_image_cache_entry', CV, 904),
  cacheAttempt: s('_create_from_image_cache', CV, 836),
  cacheFrom: s('_create_from_image_cache', CV, 851),
  copyMeta: s('_handle_bootable_volume_glance_meta', CV, 588),
  captureMeta: s('_capture_volume_image_metadata', CV, 653),
  fetchDetails: s('fetch', IU, 735),
  tmpFetched: s('fetch', IU, 1434),
  tmpDeleted: s('fetch', IU, 1438),
  converting: s('fetch_to_volume_format', IU, 1123),
  convDetails: s('_convert_image', IU, 536),
  attempting: s('copy_image_to_volume', VU, 1188),
  downloaded: s('copy_image_to_volume', VU, 1233),
  bootable: s('enable_bootable_flag', VU, 1312),
  volCopyDetails: s('_copy_volume_with_path', VU, 510),
  cacheEntry: s('get_entry', `${CINDER}image/cache.py`, 57),
  cacheShouldUpdate: s('_should_update_entry', `${CINDER}image/cache.py`, 263),
  cacheCreate: s('create_cache_entry', `${CINDER}image/cache.py`, 81),
  cacheCreated: s('create_cache_entry', `${CINDER}image/cache.py`, 101),
  cacheOutdated: s('get_entry', `${CINDER}image/cache.py`, 64),
  cacheSpace: s('ensure_space', `${CINDER}image/cache.py`, 149),
  cacheReclaim: s('ensure_space', `${CINDER}image/cache.py`, 164),
  cacheSpaceAfter: s('ensure_space', `${CINDER}image/cache.py`, 169),
  cacheEvict: s('evict', `${CINDER}image/cache.py`, 44),
  imgVolEntry: s('_clone_image_volume', `${CINDER}volume/manager.py`, 1688),
  procRun: s('execute', `${VENV}oslo_concurrency/processutils.py`, 349),
  procRet: s('execute', `${VENV}oslo_concurrency/processutils.py`, 372),
  procFail: s('execute', `${VENV}oslo_concurrency/processutils.py`, 476),
  periodic: s('run_periodic_tasks', `${VENV}oslo_service/periodic_task.py`, 210),
  notifySched: s('_publish_service_capabilities', `${CINDER}manager.py`, 197),
  lvmResize: s('create_cloned_volume', `${CINDER}volume/drivers/lvm.py`, 578),
  rbdClone: s('_clone', `${CINDER}volume/drivers/rbd.py`, 1150),
  rbdCloneable: s('_is_cloneable', `${CINDER}volume/drivers/rbd.py`, 1493),
  nfsShare: s('_direct_nfs_clone', `${CINDER}volume/drivers/netapp/dataontap/nfs_base.py`, 771),
  nfsMatches: s('_check_share_in_use', `${CINDER}volume/drivers/netapp/dataontap/nfs_base.py`, 826),
  nfsResize: s('_resize_image_file', `${CINDER}volume/drivers/netapp/dataontap/nfs_base.py`, 879),
  ontapCloneFile: s('clone_file', `${CINDER}volume/drivers/netapp/dataontap/client/client_cmode_rest.py`, 1733),
  ontapCloneLun: s('clone_lun', `${CINDER}volume/drivers/netapp/dataontap/client/client_cmode_rest.py`, 1112),
  lunCloned: s('_clone_lun', `${CINDER}volume/drivers/netapp/dataontap/block_cmode.py`, 232),
  glanceMethod: s('get_image_locations', `${CINDER}image/glance.py`, 298),
};
