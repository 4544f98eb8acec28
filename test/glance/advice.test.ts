import test from 'ava';
import { adviseFor } from '../../src/reduce/advice.ts';
import type { PlacementView } from '../../src/reduce/image.ts';
import type { Timeline } from '../../src/reduce/timeline.ts';

const IMG = '159391f9-590c-48dd-87ea-8f3271b2fe78';
const base: Timeline = {
  volumeId: 'v1', source: 'image', imageId: IMG, imageName: 'cirros', diskFormat: 'raw', imageSizeMB: 112, volumeSizeGiB: 5,
  status: 'succeeded', provisioning: 'copy', cloneMethod: null, conversion: null, cacheSeeded: false,
  reasons: [{ code: 'no-image-volume', message: 'x' }], advice: [], notes: [], requestId: 'req-1', globalRequestId: null,
  host: 'cvol-b', backend: 'lvmdriver-3', start: 0, end: 1, phases: [], internalVolumes: [], error: null, rescheduled: false, origin: { input: 't', line: 1 },
};
const lvm1 = { name: 'cinder-lvm1', volumeType: 'lvmdriver-1', backends: ['lvmdriver-1'] };
const lvm3 = { name: 'cinder-lvm3', volumeType: 'lvmdriver-3', backends: ['lvmdriver-3'] };
const view = (o: Partial<PlacementView>): PlacementView => ({ stores: [lvm1], allStores: [lvm1], volumeBackend: null, ...o });

test('a store on the volume\'s backend is known: copy-image to that store', (t) => {
  const [a] = adviseFor(base, view({ allStores: [lvm1, lvm3] }));
  t.is(a?.code, 'image-not-on-backend');
  t.is(a?.command, `glance image-import ${IMG} --stores cinder-lvm3 --import-method copy-image`);
});

test('no store on the volume\'s backend in the input: copy to every store', (t) => {
  const [a] = adviseFor(base, view({}));
  t.is(a?.command, `glance image-import ${IMG} --all-stores true --import-method copy-image`);
  t.regex(a?.message ?? '', /no store on backend lvmdriver-3 shows in the input/);
});

test('the image is on this backend and nothing shows why: the glance-cinder path is off', (t) => {
  const [a] = adviseFor({ ...base, backend: 'lvmdriver-1', reasons: [{ code: 'cache-disabled', message: 'x' }] }, view({}));
  t.is(a?.code, 'glance-cinder-off');
  t.is(a?.command, null);
});

test('qcow2 and hidden locations: upload raw, expose locations; clones and unknown placement get nothing else', (t) => {
  const q: Timeline = { ...base, diskFormat: 'qcow2', conversion: { from: 'qcow2', to: 'raw' }, reasons: [{ code: 'image-not-raw', message: 'x' }, { code: 'no-image-location', message: 'y' }] };
  t.deepEqual(adviseFor(q, view({ stores: [] })).map((a) => a.code), ['upload-raw', 'expose-locations']);
  t.deepEqual(adviseFor({ ...base, provisioning: 'clone' }, view({})), []);
});

test('a tenant-controlled image name never reaches the command unquoted', (t) => {
  const q: Timeline = { ...base, imageName: 'x; rm -rf /', conversion: { from: 'qcow2', to: 'raw' }, reasons: [] };
  const a = adviseFor(q, view({ stores: [] })).find((x) => x.code === 'upload-raw');
  t.true(a?.command?.endsWith('<name>-raw'));
});
