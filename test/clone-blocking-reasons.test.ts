import test from 'ava';
import { readFileSync } from 'node:fs';
import { runCli } from './report/run-cli.ts';

// Issue 15.2: the clone-blocking conditions cinder's logs show that had no reason yet.
// - image_conversion_disable (Closes-Bug #1970115): a create from an image not in the volume format is
//   refused after the download (ImageConversionNotAllowed in the failure's summary and traceback).
// - allowed_direct_url_schemes without cinder: the image has a cinder:// location, the clone attempt
//   line (DEBUG) is there, and no glance-cinder line follows it (_clone_image_volume logs on every path
//   but its two silent returns).
// - an encrypted volume with the image-volume cache on: `Attempting to retrieve cache entry` with no
//   `Found cache entry` / `Preparing cache entry` before it (cinder skips _prepare_image_cache_entry
//   only for an encrypted volume).

const FORMATS = ['cinder-volume.log', 'journal.export', 'journal.json', 'journal.short-precise.txt'];

interface Advice { code: string; message: string; command: string | null }
interface Rec { kind: string; volumeId: string; imageId: string; status: string; provisioning: string | null; reasonCodes: string[]; reasons: string[]; advice: Advice[]; notes: string[]; error: string | null }
interface ReportAdvice extends Advice { volumes: number }

const UBUNTU = '806f1cdf-7815-4df5-9cf2-bd03def9b8c6';
const CIRROS = '71b0b937-053e-44cd-b09b-981592f0e596';

const volumesOf = (stdout: string): Rec[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).filter((r) => r.kind === 'volume');
const args = (file: string) => (file.startsWith('journal.short') ? ['--year', '2026'] : []);

for (const file of FORMATS) {
  test(`conversion-disabled/${file}: the refused creates say why, which images need a conversion, and where to change it`, async (t) => {
    const path = `samples/conversion-disabled/${file}`;
    const json = await runCli(['--json', ...args(file), path]);
    t.is(json.status, 0, json.stderr);
    const volumes = volumesOf(json.stdout);
    t.is(volumes.length, 4);
    const refused = volumes.filter((v) => v.reasonCodes.includes('image-conversion-disabled'));
    t.deepEqual(refused.map((v) => v.imageId), [UBUNTU, UBUNTU, CIRROS]);
    for (const v of refused) {
      t.like(v, { status: 'failed', provisioning: 'copy' });
      t.deepEqual([...v.reasonCodes].sort(), ['image-conversion-disabled', 'image-not-raw']);
      t.true(v.reasons.includes(`Cinder refused to convert the image ${v.imageId} from qcow2 to raw (ImageConversionNotAllowed: image_conversion_disable = True in cinder.conf): the create failed after the download, as will every create of this volume type from this image`), v.reasons.join('\n'));
      // The advice that goes with it, and not "Cinder must convert it for every new volume", which it refuses to do.
      t.deepEqual(v.advice.map((a) => a.code), ['conversion-disabled']);
      t.regex(v.advice[0]?.message ?? '', new RegExp(`^image ${v.imageId} is qcow2 and this volume type needs raw; cinder-volume${file === 'cinder-volume.log' ? '' : ' on cvol-a'} has image_conversion_disable = True`));
      t.regex(v.advice[0]?.command ?? '', /^qemu-img convert -f qcow2 -O raw /);
      t.true(v.notes.includes('the qcow2→raw conversion was refused (image_conversion_disable): no qemu-img convert ran'), v.notes.join('\n'));
      t.regex(v.error ?? '', /ImageConversionNotAllowed: Image Conversion disallowed for image /);
    }
    const raw = volumes.find((v) => !refused.includes(v));
    t.like(raw, { status: 'succeeded', reasonCodes: ['no-reason-logged'] });

    const human = await runCli([...args(file), path]);
    t.is(human.stdout.split('[image-conversion-disabled]').length - 1, 3, human.stdout);
    t.is(human.stdout.split('[conversion-disabled]').length - 1, 3, human.stdout);
    t.false(human.stdout.includes('[upload-raw]'), human.stdout);
    t.true(human.stdout.includes('why copies   image-conversion-disabled 3 · image-not-raw 3 · no-reason-logged 1'), human.stdout);

    // The report's advice list: one entry per image that would need a conversion, with its volume count.
    const report = await runCli(['report', '--json', ...args(file), path]);
    t.is(report.status, 0, report.stderr);
    const advice = (JSON.parse(report.stdout) as { advice: ReportAdvice[] }).advice.filter((a) => a.code === 'conversion-disabled');
    t.deepEqual(advice.map((a) => [a.message.slice(0, 51), a.volumes]), [[`image ${UBUNTU} is qcow2`, 2], [`image ${CIRROS} is qcow2`, 1]]);
  });

  test(`glance-cinder-not-tried/${file}: copies from images in a cinder store say glance-cinder was never tried; the encrypted one says it is encrypted`, async (t) => {
    const path = `samples/glance-cinder-not-tried/${file}`;
    const json = await runCli(['--json', ...args(file), path]);
    t.is(json.status, 0, json.stderr);
    const volumes = volumesOf(json.stdout);
    t.deepEqual(volumes.map((v) => v.reasonCodes), [['glance-cinder-not-tried'], ['glance-cinder-not-tried'], ['encrypted-volume']]);
    for (const v of volumes.slice(0, 2)) {
      t.deepEqual(v.advice.map((a) => [a.code, a.command]), [['allow-cinder-scheme', "grep -n '^allowed_direct_url_schemes' /etc/cinder/cinder.conf"]]);
      t.regex(v.advice[0]?.message ?? '', /add cinder to allowed_direct_url_schemes in the \[DEFAULT\] section of cinder\.conf/);
    }
    const encrypted = volumes[2];
    t.regex(encrypted?.reasons[0] ?? '', /^the volume is encrypted \(Cinder looked for a cached image-volume of 159391f9-590c-48dd-87ea-8f3271b2fe78 without first finding or preparing one, which it does only for an encrypted volume\)/);
    t.deepEqual(encrypted?.advice.map((a) => a.code), ['encrypted-always-copies']);

    const human = await runCli([...args(file), path]);
    t.is(human.stdout.split('[glance-cinder-not-tried]').length - 1, 2, human.stdout);
    t.true(human.stdout.includes('[encrypted-volume]'), human.stdout);
    t.false(human.stdout.includes('the logs do not show why'), human.stdout);

    const report = await runCli(['report', '--json', ...args(file), path]);
    const advice = (JSON.parse(report.stdout) as { advice: ReportAdvice[] }).advice;
    t.deepEqual(advice.map((a) => [a.code, a.volumes]), [['allow-cinder-scheme', 2], ['encrypted-always-copies', 1]]);
  });
}

/** The glance-cinder-not-tried oslo file with `edit` applied to its lines. */
const notTried = (edit: (lines: string[]) => string[]) => edit(readFileSync('samples/glance-cinder-not-tried/cinder-volume.log', 'utf8').split('\n')).join('\n');

test('a glance-cinder line after the clone attempt means it was tried: the reason is that line, not glance-cinder-not-tried', async (t) => {
  const input = notTried((lines) =>
    lines.flatMap((l) => {
      const m = / DEBUG cinder\.volume\.flows\.manager\.create_volume (\[[^\]]*\]) Cloning \S+ from image (\S+) {2}at location /.exec(l);
      return m ? [l, `${l.slice(0, 23)} 418717 DEBUG cinder.volume.flows.manager.create_volume ${m[1]} No accessible image volume for image ${m[2]} found.`] : [l];
    }),
  );
  const volumes = volumesOf((await runCli(['--json', '-'], {}, input)).stdout);
  t.deepEqual(volumes[0]?.reasonCodes, ['no-image-volume']);
  t.deepEqual(volumes[1]?.reasonCodes, ['glance-cinder-not-tried']);
});

test('at INFO only the absence of glance-cinder lines proves nothing: no glance-cinder-not-tried', async (t) => {
  const input = notTried((lines) => lines.filter((l) => !l.includes(' DEBUG ')));
  const volumes = volumesOf((await runCli(['--json', '-'], {}, input)).stdout);
  t.is(volumes.length, 3);
  for (const v of volumes) t.deepEqual(v.reasonCodes, ['no-reason-logged']);
});

test('a cache lookup after `Preparing cache entry` is a cache miss, not an encrypted volume', async (t) => {
  const input = notTried((lines) => lines.map((l) => l.replace(/Attempting to retrieve cache entry for image = (\S+) on host (\S+)\./, 'Preparing cache entry for image = $1 on host $2.')));
  const volumes = volumesOf((await runCli(['--json', '-'], {}, input)).stdout);
  // The volume is no longer known to be encrypted, so the cinder:// location without glance-cinder lines is what remains.
  t.deepEqual([...(volumes[2]?.reasonCodes ?? [])].sort(), ['cache-miss', 'glance-cinder-not-tried']);
});

test('a copy that failed for another reason (qemu-img ENOSPC) is not a refused conversion', async (t) => {
  const volumes = volumesOf((await runCli(['--json', 'samples/failure/cinder-volume.log'])).stdout);
  t.false(volumes[0]?.reasonCodes.includes('image-conversion-disabled'));
  t.true(volumes[0]?.advice.some((a) => a.code === 'upload-raw'));
});
