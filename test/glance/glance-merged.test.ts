import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImageRecordSchema } from '../../src/schema/image-record.ts';
import { OutputRecordSchema } from '../../src/schema/volume-record.ts';
import { analyseFiles, type RunResult } from '../helpers/analyse-files.ts';

// The "Done when": one merged journal (cinder-volume on cvol-a and cvol-b, glance-api on
// ctrl-1) where an image is uploaded to one cinder store and copied to a second with copy-image, then
// volumes are created from it on both backends and on a third. Expectations come from truth.json,
// written by the scenario from what it logged, not from clonewatch's code.

const DIR = join('samples', 'glance-merged');
interface Truth {
  volumes: { volumeId: string; source: string; provisioning: 'clone' | 'copy' | null; cloneMethod: 'rbd' | 'netapp' | 'glance-cinder' | 'image-cache' | 'unknown' | null; reasonCodes: string[]; host: string }[];
  images: { imageId: string; diskFormat: string; stores: string[]; transfers: { kind: string; method: string | null; store: string; volumeId: string; bytes: number; status: string }[] }[];
  glance: { volumeId: string; serveRequestId: string; serveBytes: number; cacheHit: boolean; adviceCodes: string[]; command: string }[];
}
const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Truth;
const image = truth.images[1];
const want = truth.glance[0];

const forms: Record<string, string[]> = {
  'merged journal (json)': [join(DIR, 'journal.json')],
  'merged journal (short-precise)': [join(DIR, 'journal.short-precise.txt')],
  'merged journal (export)': [join(DIR, 'journal.export')],
  'oslo.log files given together': ['cinder-volume-cvol-a.log', 'cinder-volume-cvol-b.log', 'glance-api.log'].map((f) => join(DIR, 'oslo', f)),
};

for (const [form, files] of Object.entries(forms)) {
  test(`done when, ${form}: two stores, two clones, a copy with its reason, the copy-image command and the glance-side serving`, async (t) => {
    const r: RunResult = await analyseFiles(files, { year: 2026, zone: 'UTC' });
    if (image === undefined || want === undefined) return t.fail('truth.json lacks images/glance');
    // the image's two stores
    const img = r.images.find((i) => i.imageId === image.imageId);
    t.truthy(img, 'an image record for the image');
    t.deepEqual(img?.stores, image.stores);
    t.deepEqual(img?.transfers.map((x) => ({ kind: x.kind, method: x.method, store: x.store, volumeId: x.volumeId, bytes: x.bytes, status: x.status })), image.transfers);
    for (const x of img?.transfers ?? []) t.true((x.mbps ?? 0) > 0 && (x.durationMs ?? 0) > 0, 'each write has a duration and MB/s');
    // clones on the first two backends, a copy on the third
    const fromImage = truth.volumes.filter((v) => v.source === 'image');
    t.is(fromImage.length, 3);
    for (const w of fromImage) {
      const v = r.volumes.find((x) => x.volumeId === w.volumeId);
      t.is(v?.provisioning, w.provisioning, `provisioning of ${w.volumeId}`);
      t.is(v?.cloneMethod, w.cloneMethod);
      t.deepEqual([...(v?.reasonCodes ?? [])].sort(), [...w.reasonCodes].sort());
    }
    const copy = r.volumes.find((v) => v.volumeId === want.volumeId);
    if (copy === undefined) return t.fail('the copy is missing');
    t.is(copy.provisioning, 'copy');
    t.true(copy.reasons.length > 0, 'the copy says why');
    // the copy-image command that would fix it
    t.deepEqual(copy.advice.map((a) => a.code), want.adviceCodes);
    t.is(copy.advice[0]?.command, want.command);
    t.regex(copy.advice[0]?.message ?? '', /stored only in store cinder-lvm1 .* and store cinder-lvm2 .*; this volume is on backend lvmdriver-3/);
    t.deepEqual(r.summary.advice.map((a) => ({ command: a.command, volumes: a.volumes })), [{ command: want.command, volumes: 1 }]);
    // the glance-side serving time of that copy, inside its timeline
    t.is(copy.glanceServe?.requestId, want.serveRequestId);
    t.is(copy.glanceServe?.bytes, want.serveBytes);
    t.is(copy.glanceServe?.cacheHit, want.cacheHit, 'read from the store (teed into the cache), not a cache hit');
    const serve = copy.phases.find((p) => p.name === 'glance-serve');
    t.truthy(serve, 'a glance-serve phase');
    t.true((serve?.durationMs ?? 0) > 1000, `glance served for ${serve?.durationMs} ms`);
    t.true(serve !== undefined && copy.start !== null && copy.end !== null && serve.start !== null && serve.start >= copy.start && serve.end !== null && serve.end <= copy.end, 'inside the copy\'s timeline');
    // the clones were served nothing and advised nothing
    for (const v of r.volumes.filter((x) => x.provisioning === 'clone')) {
      t.is(v.glanceServe, null);
      t.deepEqual(v.advice, []);
    }
    for (const rec of [...r.volumes, ...r.images, r.summary]) t.true(OutputRecordSchema.safeParse(rec).success);
  });
}

const run = promisify(execFile);

test('clonewatch images --json prints one valid image record per image, with the stores and the last write', async (t) => {
  const { stdout } = await run('test/helpers/clonewatch', ['images', '--json', '--tz', 'UTC', join(DIR, 'journal.json')]);
  const records = stdout.trim().split('\n').map((l) => ImageRecordSchema.parse(JSON.parse(l)));
  t.deepEqual(records.map((r) => r.imageId), truth.images.map((i) => i.imageId));
  t.deepEqual(records.map((r) => r.stores), truth.images.map((i) => i.stores));
  t.is(records[1]?.lastTransfer?.method, 'copy-image');
  t.is(records[1]?.lastTransfer?.store, 'cinder-lvm2');
});

test('clonewatch images prints the placement table, terminal-safe', async (t) => {
  const { stdout } = await run('test/helpers/clonewatch', ['images', '--tz', 'UTC', join(DIR, 'journal.json')]);
  t.regex(stdout, /stores {7}cinder-lvm1 \(type lvmdriver-1, backend lvmdriver-1\), cinder-lvm2 \(type lvmdriver-2, backend lvmdriver-2\)/);
  t.regex(stdout, /last write {3}import copy-image · to cinder-lvm2 · 2026-03-27 14:04:10 · 112\.00 MiB · [\d.]+ s · [\d.]+ MB\/s/);
  t.regex(stdout, /volumes {6}clone 2 · copy 1/);
  t.false(/\u001b/.test(stdout));
});

test('the human timeline shows the glance-api serving and the fix command', async (t) => {
  const { stdout } = await run('test/helpers/clonewatch', ['--tz', 'UTC', join(DIR, 'journal.short-precise.txt'), '--year', '2026']);
  t.regex(stdout, /│ glance-serve +14:06:24\.\d{3} +1\.9 s +112\.00 MB/);
  t.true(stdout.includes(`$ ${want?.command ?? '?'}`));
});
