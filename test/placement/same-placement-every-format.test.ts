import test from 'ava';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageRecord } from '../../src/schema/image-record.ts';
import { analyseFiles } from '../helpers/analyse-files.ts';
import { scenarios } from '../helpers/sample-files.ts';

// Issue 15.4: the same events give the same placement, whatever form they come in. For every sample
// whose images clonewatch lists, every rendering of its journal (short*, json, json-seq, cat, verbose
// where present) and its oslo.log files give the `images` answer of the export stream (the events as
// written): each image's stores, with their volume type and cinder backends, and the clones and copies
// made from it. Times are left out (short modes have second or no precision, cat none at all).

/** What `clonewatch images` says about placement, in image id order. */
const placement = (images: readonly ImageRecord[]) =>
  [...images]
    .sort((a, b) => a.imageId.localeCompare(b.imageId))
    .map((i) => ({ imageId: i.imageId, stores: i.stores, storeDetails: i.storeDetails, volumes: i.volumes }));

const year = (dir: string) => (dir === 'year-rollover' ? 2025 : 2026);

/** The other forms of a sample's events: journal renderings, and oslo.log files (several given together when the sample splits them by service). */
function forms(dir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const root = join('samples', dir);
  for (const name of readdirSync(root).sort()) if (/^journal\./.test(name) && name !== 'journal.export') out[name] = [join(root, name)];
  // cinder-volume.log carries cinder-volume's lines only: a form of the same events when the sample's images are placed by cinder's lines alone.
  for (const name of readdirSync(root).sort()) if (name.endsWith('.log')) out[name] = [join(root, name)];
  if (existsSync(join(root, 'oslo'))) out['oslo/ (all files together)'] = readdirSync(join(root, 'oslo')).sort().map((f) => join(root, 'oslo', f));
  return out;
}

for (const dir of scenarios().filter((d) => existsSync(join('samples', d, 'journal.export')))) {
  test(`${dir}: every form gives the export's placement`, async (t) => {
    const reference = placement((await analyseFiles([join('samples', dir, 'journal.export')], { year: year(dir), zone: 'UTC' })).images);
    if (reference.length === 0) return t.pass('no images in this sample');
    t.true(reference.some((i) => i.stores.length > 0), 'some image has its stores');
    for (const [form, files] of Object.entries(forms(dir))) {
      const r = await analyseFiles(files, { year: year(dir), zone: 'UTC' });
      t.deepEqual(placement(r.images), reference, `${dir}/${form}`);
    }
  });
}
