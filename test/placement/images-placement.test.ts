import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImageRecordSchema } from '../../src/schema/image-record.ts';
import { runCli } from '../report/run-cli.ts';

// Issue 15.4 as a user reads it: `clonewatch images` (table and --json) names each image's stores
// (a) from its locations' metadata alone, (b) for a single-store Glance by the store's driver, and
// (c) from glance_store's rbd write in every journal form. Expected stores come from truth.json,
// written by the scenarios from what they logged.

interface Truth {
  images: { imageId: string; stores: string[] }[];
}
const truthOf = (dir: string) => JSON.parse(readFileSync(join('samples', dir, 'truth.json'), 'utf8')) as Truth;

const imagesJson = async (file: string) => {
  const r = await runCli(['images', '--json', '--year', '2026', file]);
  return { status: r.status, records: r.stdout.trim().split('\n').map((l) => ImageRecordSchema.parse(JSON.parse(l))) };
};

for (const form of ['journal.json', 'journal.short-iso-precise.txt', 'cinder-volume.log']) {
  test(`(a) stores named only in the locations' metadata, ${form}: images --json lists them`, async (t) => {
    const { status, records } = await imagesJson(join('samples', 'placement', form));
    t.is(status, 0);
    t.deepEqual(records.map((r) => [r.imageId, r.stores]), truthOf('placement').images.map((i) => [i.imageId, i.stores]));
    t.deepEqual(records.map((r) => r.storeDetails.map((s) => s.name)), truthOf('placement').images.map((i) => i.stores));
  });
}

test('(a) the placement table names each store; no image is left with "not shown"', async (t) => {
  const { stdout } = await runCli(['images', '--year', '2026', join('samples', 'placement', 'journal.short-precise.txt')]);
  t.regex(stdout, /^fdffa623-c34d-49a7-b46a-0cc3c5427f41 "debian-12-genericcloud-amd64-raw" {2}raw {2}2\.00 GiB\n {2}stores {7}file$/m);
  t.regex(stdout, /^159391f9-590c-48dd-87ea-8f3271b2fe78 "cirros-0\.6\.3-x86_64-raw" {2}raw {2}112\.00 MiB\n {2}stores {7}ceph$/m);
  t.regex(stdout, /^d7579ea7-9d59-4779-b693-8e213ec47c85 "rhel-9\.4-x86_64-raw" {2}raw {2}10\.00 GiB\n {2}stores {7}swift1, web$/m);
  t.false(stdout.includes('not shown'));
});

for (const form of ['journal.json', 'journal.short-iso-precise.txt', 'journal.export', 'journal.cat.txt', 'journal.verbose-a.txt']) {
  test(`(b, c) single-store Glance, ${form}: every image is in store rbd, the uploaded one by glance_store's rbd write alone`, async (t) => {
    const { status, records } = await imagesJson(join('samples', 'placement-single', form));
    t.is(status, 0);
    const byId = new Map(records.map((r) => [r.imageId, r]));
    for (const want of truthOf('placement-single').images) t.deepEqual(byId.get(want.imageId)?.stores, want.stores, want.imageId);
    const uploaded = byId.get('159391f9-590c-48dd-87ea-8f3271b2fe78');
    t.is(uploaded?.sizeBytes, 117440512);
    t.deepEqual(uploaded?.storeDetails, [{ name: 'rbd', volumeType: null, backends: [] }]);
  });
}

test("(c) the rbd upload's write: an upload to rbd that ends with glance-api's request line (json, where every glance MESSAGE is a byte array)", async (t) => {
  const { records } = await imagesJson(join('samples', 'placement-single', 'journal.json'));
  const last = records.find((r) => r.imageId === '159391f9-590c-48dd-87ea-8f3271b2fe78')?.lastTransfer;
  t.like(last, { kind: 'upload', store: 'rbd', bytes: 117440512, status: 'succeeded', start: '2026-03-31T08:30:08.398+00:00', end: '2026-03-31T08:30:14.820+00:00' });
  const { stdout } = await runCli(['images', '--year', '2026', join('samples', 'placement-single', 'journal.short-iso-precise.txt')]);
  t.regex(stdout, /^159391f9-590c-48dd-87ea-8f3271b2fe78 {2}\? {2}112\.00 MiB\n {2}stores {7}rbd\n {2}last write {3}upload · to rbd · 2026-03-31 08:30:14 · 112\.00 MiB · 6\.4 s · 17\.4\d MB\/s$/m);
});

test("the report's Images section: each image's stores and what was made from it, on the terminal and in --json", async (t) => {
  const human = await runCli(['report', '--year', '2026', join('samples', 'placement-single', 'journal.short-iso-precise.txt')]);
  t.is(human.status, 0);
  const section = /\nImages\n((?: {2}.*\n)+)/.exec(human.stdout)?.[1] ?? '';
  t.deepEqual(section.trimEnd().split('\n'), [
    '  159391f9-590c-48dd-87ea-8f3271b2fe78  in rbd · clone 0 · copy 0',
    '  fdffa623-c34d-49a7-b46a-0cc3c5427f41 "debian-12-genericcloud-amd64-raw"  in rbd · clone 1 · copy 0',
    '  806f1cdf-7815-4df5-9cf2-bd03def9b8c6 "ubuntu-22.04-server-cloudimg-amd64"  in rbd · clone 0 · copy 1',
  ]);
  const json = await runCli(['report', '--json', '--year', '2026', join('samples', 'placement', 'journal.json')]);
  const report = JSON.parse(json.stdout) as { images: { imageId: string; stores: string[]; volumes: { clone: number; copy: number } }[] };
  t.deepEqual(report.images.map((i) => [i.imageId, i.stores, i.volumes]), truthOf('placement').images.map((i) => [i.imageId, i.stores, { clone: 0, copy: 1 }]));
});
