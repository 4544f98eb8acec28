import test from 'ava';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { createImageTracker } from '../../src/reduce/create-image-tracker.ts';
import { rec } from '../helpers/records.ts';

// The image tracker fed recognised glance and cinder lines, as the reducer feeds it.

const IMG = '806f1cdf-7815-4df5-9cf2-bd03def9b8c6';
const PARALLEL = 'glance.async_.flows.parallel_api_image_import';
const recognise = createRecogniser(RECOGNISERS);

function track(lines: readonly [number, string, string, string?][]) {
  const tracker = createImageTracker();
  for (const [time, logger, text, requestId] of lines) {
    const event = recognise(rec(time, logger, text, { host: 'g-api', ident: 'glance-api', requestId: requestId ?? 'req-import' }));
    if (event === null) throw new Error(`not recognised: ${text}`);
    tracker.observe(event);
  }
  return tracker;
}

test('a parallel import: the finished store is an import transfer with its size; copying and failed stores add none', (t) => {
  const tracker = track([
    [1000, PARALLEL, `Parallel import copying staged data to store cinder-b for image ${IMG}`],
    [1500, PARALLEL, `Parallel import store cinder-c failed for image ${IMG}: Volume creation failed`],
    [2000, PARALLEL, `Parallel import finished store cinder-b for image ${IMG} size=627834880`],
  ]);
  const [image, ...others] = tracker.images();
  t.is(others.length, 0);
  t.deepEqual(image?.stores, ['cinder-b']);
  t.deepEqual(image?.transfers.map((x) => [x.kind, x.store, x.bytes, x.end, x.status]), [['import', 'cinder-b', 627834880, 2000, 'succeeded']]);
});

test("cinder's view: the flow start's spec names the image's stores and its cinder:// image-volume; a taskflow Volume object gives that volume's backend", (t) => {
  const vol = '05731acd-67d2-4ec0-9595-8aa7e1afc39f';
  const spec = `{'status': 'creating', 'volume_name': 'volume-x', 'volume_size': 1, 'image_id': '${IMG}', 'image_location': ('cinder://cinder-a/${vol}', [{'url': 'cinder://cinder-a/${vol}', 'metadata': {'store': 'cinder-a'}}]), 'image_meta': {'name': 'cirros', 'disk_format': 'raw', 'size': 21430272, 'stores': 'cinder-a,file1'}, 'image_service': <?>}`;
  const tracker = createImageTracker();
  const start = recognise(rec(1000, 'cinder.volume.flows.manager.create_volume', `Volume ${vol}: being created as image with specification: ${spec}`));
  const task = recognise(rec(2000, 'cinder.volume.manager', `Task 'cinder.volume.flows.manager.create_volume.CreateVolumeFromSpecTask;volume:create' (aaaaaaaa-0000-4000-8000-000000000000) transitioned into state 'SUCCESS' from state 'RUNNING' with result 'Volume(_name_id=None,host='cvol-a@lvmdriver-1#lvmdriver-1',id=${vol},size=1)'`));
  t.truthy(start, 'flow start recognised');
  t.truthy(task, 'task state recognised');
  if (start) tracker.observe(start);
  if (task) tracker.observe(task);
  const [image] = tracker.images();
  t.is(image?.name, 'cirros');
  t.deepEqual(image?.stores, ['cinder-a', 'file1']);
  t.deepEqual(tracker.placement(IMG, null).stores.map((s) => [s.name, s.backends]), [['cinder-a', ['lvmdriver-1']], ['file1', []]]);
});
