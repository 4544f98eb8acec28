// Truth for the real excerpts in samples/real/ that contain volume flows (read by hand; files
// without a create — 15, 19, 21, 22 — get none). host is null: these are plain files.
import type { VolumeTruth } from './lib/truth.ts';

const base = { host: null, cacheSeeded: false, internalVolumes: [] as string[] };
const qcowCopy = (volumeId: string, imageId: string, o: Partial<VolumeTruth> = {}): VolumeTruth => ({
  ...base, volumeId, source: 'image', imageId, status: 'succeeded', provisioning: 'copy', cloneMethod: null,
  // E1 shows disk_format qcow2 and 'image_location': (None, None): both block every location-based clone.
  conversion: { from: 'qcow2', to: 'raw' }, reasonCodes: ['no-image-location', 'image-not-raw'], phases: ['download', 'convert'], ...o,
});
const rawCreate = (volumeId: string, source: VolumeTruth['source'] = 'raw'): VolumeTruth => ({
  ...base, volumeId, source, imageId: null, status: 'succeeded', provisioning: null, cloneMethod: null,
  conversion: null, reasonCodes: [], phases: [],
});

export const REAL_TRUTH: Record<string, VolumeTruth[]> = {
  // INFO-only file logs: E1 (disk_format qcow2, LVM), Image download, Converted, E2, E3.
  '01-vn-lvm-volume-log-2020-08.log': [qcowCopy('7b8068fd-01dc-44c6-a393-a11c483b99ad', '010ffd94-4d26-4dc6-be5b-1a7a31a3686a')],
  '02-vn-lvm-volume-log-2020-09.log': [qcowCopy('d3de1c70-b099-47db-9493-f594a1409bb4', '1cb8813d-43dd-426a-a787-d96acd175092')],
  // One NetApp NFS line: the driver's copy-offload path inside clone_image (no Glance download
  // through cinder-volume); no start or end line.
  '07-netapp-ontap-nfs-copy-offload.log': [{
    ...base, volumeId: '06d081da-7220-4526-bfdf-5b9e8eb4aac3', source: 'image', imageId: '7080dac2-6272-4c05-a2ed-56888a34e589',
    status: 'incomplete', provisioning: 'clone', cloneMethod: 'netapp', conversion: null, reasonCodes: [], phases: [],
  }],
  // One `Downloaded image … ((None, None)) to volume … successfully.` line: a download happened.
  '08-netapp-ontap-iscsi-image-volume-cache-devstack.log': [{
    ...base, volumeId: '6944e5be-7c56-4a7d-a90b-5231e7e94a6e', source: 'image', imageId: '16d996d3-87aa-47da-8c82-71a21e8a06fb',
    status: 'incomplete', provisioning: 'copy', cloneMethod: null, conversion: null, reasonCodes: ['no-image-location'], phases: ['download'],
  }],
  // Stein LVM: download done, qemu-img convert -f qcow2 failed ("Image is not in qcow2 format").
  '14-packstack-stein-lvm-not-qcow2-full-failure.log': [
    qcowCopy('ff682d50-2f29-45bd-a9ae-41a933ca5bd7', '33b99f7a-55ad-4205-b275-afc4fe70bd76', { status: 'failed' }),
  ],
  '18-havana-lvmiscsi-raw-volume-create.log': [rawCreate('68ce19e8-f0c6-425e-bd21-a1c4714b790b')],
  '20-kilo-rdo-lvm-lio-create-from-image-x2.log': [
    qcowCopy('c7aefb56-5fab-4422-ae58-cb53cfeebb74', '9535cff0-1980-4ac8-a702-a3b6234c88dd'),
    qcowCopy('36a6729c-5fbc-43fc-9f52-a1ee88425f16', '9535cff0-1980-4ac8-a702-a3b6234c88dd'),
    rawCreate('4c67fd2e-c8e7-4af4-832e-085b77e6d3a6'),
  ],
  '25-rhoso-antelope-netapp-nfs-oc-logs-raw-create.log': [rawCreate('decc17b8-c803-4f45-9c99-c0d17062471e')],
  // The first volume's E1 is outside the excerpt (its type is unknown); the second is raw.
  '31-kolla-wallaby-ocfs2-remotefs-raw-create.log': [
    rawCreate('ce9ed6b9-2087-4aa2-bbb4-85dc182cf896', 'other'),
    rawCreate('238586dd-da78-431e-b685-66aaae2e9fa3'),
  ],
};
