import test from 'ava';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { createImageTracker, type ImageTracker } from '../../src/reduce/create-image-tracker.ts';
import { rec } from '../helpers/records.ts';

// The image tracker fed recognised glance-api, glance_store and cinder-volume lines, as the reducer
// feeds it: where each glance_store driver's write and each location put an image, in a single-store
// Glance (stores go by their driver) and in a multi-store one (only named stores are shown).

const IMG = '806f1cdf-7815-4df5-9cf2-bd03def9b8c6';
const VOL = '05731acd-67d2-4ec0-9595-8aa7e1afc39f';
const FLOW = 'cinder.volume.flows.manager.create_volume';
const recognise = createRecogniser(RECOGNISERS);

type Line = readonly [time: number, logger: string, text: string, requestId?: string];

function feed(tracker: ImageTracker, lines: readonly Line[], host = 'g-api'): ImageTracker {
  for (const [time, logger, text, requestId] of lines) {
    const event = recognise(rec(time, logger, text, { host, ident: host === 'g-api' ? 'glance-api' : 'cinder-volume', requestId: requestId ?? 'req-upload' }));
    if (event === null) throw new Error(`not recognised: ${text}`);
    tracker.observe(event);
  }
  return tracker;
}

const spec = (location: string, extra = '') =>
  `Volume ${VOL}: being created as image with specification: {'status': 'creating', 'volume_name': 'volume-${VOL}', 'volume_size': 1, 'image_id': '${IMG}', 'image_location': ${location}, 'image_meta': {'name': 'cirros', 'disk_format': 'raw', 'size': 21430272${extra}}, 'image_service': <?>}`;

const put = (status: number) => `[pid: 73451|app: 0|req: 103/310] 10.0.0.21 () {58 vars in 1169 bytes} [Tue Mar 31 08:30:08 2026] PUT /image/v2/images/${IMG}/file => generated 0 bytes in 6421 msecs (HTTP/1.1 ${status}) 8 headers in 327 bytes (1 switches on core 0)`;

test('single-store Glance: each driver write puts the image in the store named by the driver (file path, rbd image, swift object, s3 key), with the size it shows', (t) => {
  const cases: [string, Line, number | null][] = [
    ['file', [1000, 'glance_store._drivers.filesystem', `Wrote 21430272 bytes to /opt/stack/data/glance/images/${IMG} with checksum c8fc807773e5354afe61636071771906 and multihash 1103b92c`], 21430272],
    ['rbd', [1000, 'glance_store._drivers.rbd', `creating image ${IMG} with order 23 and size 21430272`], 21430272],
    ['swift', [1000, 'glance_store._drivers.swift.store', `Adding image object '${IMG}' to Swift`], null],
    ['s3', [1000, 'glance_store._drivers.s3', `Multipart complete key=${IMG} UploadId=2~Xp5 Wrote 21430272 bytes to S3 key named ${IMG} with checksum c8fc807773e5354afe61636071771906`], 21430272],
  ];
  for (const [driver, line, size] of cases) {
    const [image] = feed(createImageTracker(), [line]).images();
    t.deepEqual([image?.imageId, image?.stores, image?.sizeBytes], [IMG, [driver], size], driver);
  }
});

test('an s3 write that only started does not place the image; the driver lines without a request id still place it', (t) => {
  const started = feed(createImageTracker(), [[1000, 'glance_store._drivers.s3', `Adding image object to S3 using (s3_host=http://10.0.0.40:8080, bucket=glance, key=${IMG})`]]);
  t.deepEqual(started.images().map((i) => i.stores), [[]]);
  const tracker = createImageTracker();
  const event = recognise(rec(1000, 'glance_store._drivers.rbd', `creating image ${IMG} with order 23 and size 21430272`, { host: 'g-api', requestId: null }));
  if (event) tracker.observe(event);
  t.deepEqual(tracker.images().map((i) => i.stores), [['rbd']]);
});

test('an rbd upload: placed by its start line, ended by the PUT request line; a failed store or a failed PUT takes the image out again', (t) => {
  const ok = feed(createImageTracker(), [
    [1000, 'glance.api.middleware.version_negotiation', `Determining version of request: PUT /v2/images/${IMG}/file Accept: */*`],
    [1010, 'glance_store._drivers.rbd', `creating image ${IMG} with order 23 and size 21430272`],
    [7420, 'uwsgi', put(204)],
  ]);
  t.deepEqual(ok.images()[0]?.transfers.map((x) => [x.kind, x.store, x.bytes, x.status, x.end]), [['upload', 'rbd', 21430272, 'succeeded', 7420]]);
  const storeFailed = feed(createImageTracker(), [
    [1010, 'glance_store._drivers.rbd', `creating image ${IMG} with order 23 and size 21430272`],
    [3000, 'glance_store._drivers.rbd', `Failed to store image ${IMG} insufficient space available`],
  ]);
  t.deepEqual(storeFailed.images().map((i) => [i.stores, i.transfers.map((x) => x.status)]), [[[], ['failed']]]);
  const putFailed = feed(createImageTracker(), [
    [1000, 'glance.api.middleware.version_negotiation', `Determining version of request: PUT /v2/images/${IMG}/file Accept: */*`],
    [1010, 'glance_store._drivers.rbd', `creating image ${IMG} with order 23 and size 21430272`],
    [7420, 'uwsgi', put(500)],
  ]);
  t.deepEqual(putFailed.images().map((i) => i.stores), [[]]);
});

test('a single-store import (atom api_image_import--ImportToStore-<task>) into the cinder store: store cinder, its volume type and backend; no store named ""', (t) => {
  const task = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
  const atom = (state: string, from: string) => `Task 'api_image_import--ImportToStore-${task}' (1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) transitioned into state '${state}' from state '${from}'`;
  const tracker = feed(createImageTracker(), [
    [1000, 'glance.async_.flows.api_image_import', `Image ${IMG} import task ${task} lock confirmed`, 'req-import'],
    [1100, 'glance.async_.taskflow_executor', atom('RUNNING', 'PENDING'), 'req-import'],
    [1200, 'glance_store._drivers.cinder', 'Creating a new volume: image_size=21430272 size_gb=1 type=lvmdriver-1', 'req-import'],
    [5200, 'glance_store._drivers.cinder', `Wrote 21430272 bytes to volume ${VOL} with checksum c8fc807773e5354afe61636071771906.`, 'req-import'],
    [5300, 'glance.async_.taskflow_executor', atom('SUCCESS', 'RUNNING'), 'req-import'],
  ]);
  feed(tracker, [[6000, 'cinder.volume.manager', `Task 'cinder.volume.flows.manager.create_volume.CreateVolumeFromSpecTask;volume:create' (aaaaaaaa-0000-4000-8000-000000000000) transitioned into state 'SUCCESS' from state 'RUNNING' with result 'Volume(_name_id=None,host='cvol-a@lvmdriver-1#lvmdriver-1',id=${VOL},size=1)'`, 'req-cinder']], 'cvol-a');
  const [image] = tracker.images();
  t.deepEqual(image?.stores, ['cinder']);
  t.deepEqual(image?.storeDetails, [{ name: 'cinder', volumeType: 'lvmdriver-1', backends: ['lvmdriver-1'] }]);
  t.deepEqual(image?.transfers.map((x) => [x.kind, x.method, x.store, x.volumeId, x.status]), [['import', 'glance-direct', 'cinder', VOL, 'succeeded']]);
});

test("locations: the metadata's store, cinder://<store>/<volume>, else (single store) the URL's driver: swift, http, cinder with its image-volume", (t) => {
  const named = feed(createImageTracker(), [[1000, FLOW, spec(`(None, [{'metadata': {'store': 'swift1'}, 'url': 'swift+config://ref1/glance/${IMG}'}, {'url': 'https://images.example.net/${IMG}.raw', 'metadata': {'store': 'web'}}])`)]], 'cvol-a');
  t.deepEqual(named.images()[0]?.stores, ['swift1', 'web']);
  const single = feed(createImageTracker(), [[1000, FLOW, spec(`('cinder://${VOL}', [{'url': 'cinder://${VOL}', 'metadata': {}}, {'url': 'https://images.example.net/${IMG}.raw', 'metadata': {}}])`)]], 'cvol-a');
  feed(single, [[2000, 'cinder.volume.manager', `Task 'cinder.volume.flows.manager.create_volume.CreateVolumeFromSpecTask;volume:create' (aaaaaaaa-0000-4000-8000-000000000000) transitioned into state 'SUCCESS' from state 'RUNNING' with result 'Volume(_name_id=None,host='cvol-b@lvmdriver-2#lvmdriver-2',id=${VOL},size=1)'`]], 'cvol-a');
  t.deepEqual(single.images()[0]?.storeDetails, [{ name: 'cinder', volumeType: null, backends: ['lvmdriver-2'] }, { name: 'http', volumeType: null, backends: [] }]);
});

test('a multi-store input shows only named stores: an unnamed location or write adds no store named after its driver', (t) => {
  const tracker = feed(createImageTracker(), [[1000, FLOW, spec(`('rbd://f/images/${IMG}/snap', [{'url': 'rbd://f/images/${IMG}/snap', 'metadata': {}}])`, ", 'stores': 'ceph'")]], 'cvol-a');
  feed(tracker, [[2000, 'glance_store._drivers.filesystem', `Wrote 21430272 bytes to /var/lib/glance/images/${IMG} with checksum c8fc807773e5354afe61636071771906`]]);
  t.deepEqual(tracker.images()[0]?.stores, ['ceph']);
  t.deepEqual(tracker.placement(IMG, null).allStores.map((s) => s.name), ['ceph']);
});
