import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles } from '../helpers/analyse-files.ts';
import { exportEntry } from '../helpers/export-entry.ts';
import { needing } from '../helpers/needing.ts';
import { missingTools, tempDir, writeJournal } from '../input/journal-file/journal-tools.ts';

// Issue 15.4 (c), the cause: placement found in a short-iso-precise journal and missed in the `-o json`
// journal of the same events. A real image's properties (signatures, owner_specified.*, hw_*) make
// cinder's flow start line ('being created as image with specification: {…}') 4096 bytes or more, and
// journalctl -o json (without -a) prints such a MESSAGE as null, while the short modes print it whole:
// the spec's stores and locations were gone from the JSON. The clone attempt line that follows
// ('Cloning … at location (…)', 2026.1+ 'Trying to clone …') carries the same location tuple and stays
// short; clonewatch now reads placement from it too, so both renderings give the image's store.

const IMG = 'fdffa623-c34d-49a7-b46a-0cc3c5427f41';
const VOL = '5fe9839b-6d33-4f01-a179-6d90482d7863';
const CTX = '[None req-bbcc681e-1166-485a-8b65-4ca90163a3b6 demo None]';
const URL = `rbd://05884cc5-7575-4a57-8b78-6eb4a3d4504e/images/${IMG}/snap`;
const LOCATION = `('${URL}', [{'url': '${URL}', 'metadata': {'store': 'ceph'}}])`;
const SPEC = `{'status': 'creating', 'volume_name': 'volume-${VOL}', 'volume_size': 20, 'image_id': '${IMG}', 'image_location': ${LOCATION}, 'image_meta': {'name': 'debian-12', 'disk_format': 'raw', 'container_format': 'bare', 'size': 2147483648, 'properties': {'img_signature': '${'A'.repeat(4096)}', 'img_signature_hash_method': 'SHA-256', 'stores': 'ceph'}}, 'image_service': <cinder.image.glance.GlanceImageService object at 0x7f2c1d0>}`;

const entry = (usec: number, message: string) =>
  exportEntry([['__REALTIME_TIMESTAMP', String(usec)], ['__MONOTONIC_TIMESTAMP', String(usec - 1773600000000000)], ['_BOOT_ID', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'], ['_HOSTNAME', 'cvol-a'], ['_TRANSPORT', 'stdout'], ['PRIORITY', '6'], ['SYSLOG_IDENTIFIER', 'cinder-volume'], ['_PID', '508810'], ['MESSAGE', message]]);

const test = needing(missingTools);

for (const wording of ['Cloning %s from image %s  at location %s.', 'Trying to clone %s from image %s at location %s.']) {
  test(`a flow start of 4 KiB or more, null in -o json: the clone attempt line ('${wording.slice(0, 16)}…') gives the same store in json as in short-iso-precise`, async (t) => {
    const dir = tempDir();
    const attempt = wording.replace('%s', VOL).replace('%s', IMG).replace('%s', LOCATION);
    const stream = Buffer.concat([
      entry(1773647411701734, `INFO cinder.volume.flows.manager.create_volume ${CTX} Volume ${VOL}: being created as image with specification: ${SPEC}`),
      entry(1773647411705492, `DEBUG cinder.volume.flows.manager.create_volume ${CTX} ${attempt} {{(pid=508827) _create_from_image /opt/stack/cinder/cinder/volume/flows/manager/create_volume.py:1091}}`),
    ]);
    const journal = join(dir, 'x.journal');
    writeJournal(stream, journal);
    const render = (mode: string) => {
      const out = join(dir, `x.${mode}`);
      writeFileSync(out, execFileSync('journalctl', ['--file', journal, '--no-pager', '-o', mode], { env: { ...process.env, TZ: 'UTC' } }));
      return out;
    };
    const json = render('json');
    t.regex(execFileSync('grep', ['-c', '"MESSAGE":null', json]).toString(), /^1\n$/, 'journalctl printed the flow start as null');
    for (const file of [json, render('short-iso-precise')]) {
      const r = await analyseFiles([file], { year: 2026, zone: 'UTC' });
      t.deepEqual(r.images.map((i) => [i.imageId, i.stores]), [[IMG, ['ceph']]], file);
    }
  });
}
