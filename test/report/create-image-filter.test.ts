import test from 'ava';
import type { ImageData, ImageTransfer } from '../../src/reduce/image.ts';
import { createImageFilter } from '../../src/report/create-image-filter.ts';
import { parseWhen } from '../../src/report/parse-when.ts';
import type { TimelineFilterOptions } from '../../src/report/timeline-filter.ts';

// The filters applied to the Glance images every command sees (images, the image records of --json,
// the store writes of report and throughput). The volume counts come in already filtered (the
// pipeline counts only the volumes its filter keeps).

const at = (hhmm: string) => Date.parse(`2026-03-27T${hhmm}:00Z`);
const write = (host: string, from: string, to: string): ImageTransfer => ({
  kind: 'upload', method: null, store: 'file', volumeType: null, volumeId: null, bytes: 1 << 20,
  start: at(from), end: at(to), status: 'succeeded', host, requestId: null,
});
const image = (imageId: string, name: string, transfers: ImageTransfer[], volumes: { clone: number; copy: number }): ImageData => ({
  imageId, name, diskFormat: 'raw', sizeBytes: 1 << 20, stores: ['file'], storeDetails: [], transfers,
  served: { count: 0, bytes: 0, cacheHits: 0 }, volumes, first: null, last: null,
});
const CIRROS = image('159391f9-0000-4000-8000-000000000001', 'cirros', [write('ctrl-1', '14:02', '14:03')], { clone: 2, copy: 1 });
const UBUNTU = image('806f1cdf-0000-4000-8000-000000000002', 'ubuntu', [write('ctrl-2', '14:10', '14:12')], { clone: 0, copy: 0 });
const when = (s: string) => parseWhen(s) ?? undefined;
/** As the pipeline hands the images over when the filter keeps none of the volumes. */
const noVolumesKept = (i: ImageData): ImageData => ({ ...i, volumes: { clone: 0, copy: 0 } });
const BOTH = [CIRROS, UBUNTU];

const keeps = test.macro({
  exec(t, o: TimelineFilterOptions, images: readonly ImageData[], expected: readonly [string, number][] | null) {
    const filter = createImageFilter(o, 'UTC');
    if (expected === null) {
      t.is(filter, null, 'no filter option: every image as it is');
      return;
    }
    t.not(filter, null);
    t.deepEqual(filter?.(images).map((i) => [i.name ?? '', i.transfers.length]), expected);
  },
  title: (title) => title ?? '',
});

test('no filter option', keeps, {}, BOTH, null);
test('--image by name keeps that image whole', keeps, { image: ['ubuntu'] }, BOTH, [['ubuntu', 1]]);
test('--image by id prefix (8+ characters)', keeps, { image: ['159391f9'] }, BOTH, [['cirros', 1]]);
test('--host of a glance host keeps its writes, and the images written there', keeps, { host: ['ctrl-2'] }, BOTH.map(noVolumesKept), [['ubuntu', 1]]);
test('--host of a cinder host keeps no write: an image is listed for the volumes counted', keeps, { host: ['cvol-b'] }, BOTH, [['cirros', 0]]);
test('--since keeps the writes still running then, and the images of the volumes kept', keeps, { since: when('2026-03-27 14:11') }, BOTH, [['cirros', 0], ['ubuntu', 1]]);
test('--until keeps the writes started by then', keeps, { until: when('2026-03-27 14:05') }, BOTH, [['cirros', 1]]);
test('--volume keeps no write (a write belongs to an image)', keeps, { volume: ['fb84f56f'] }, BOTH, [['cirros', 0]]);
test('nothing kept: no image', keeps, { host: ['nosuchhost'] }, BOTH.map(noVolumesKept), []);
test('--image and --host together', keeps, { image: ['ubuntu'], host: ['ctrl-1'] }, BOTH, []);
