import test from 'ava';
import { readFileSync } from 'node:fs';
import { runCli } from './report/run-cli.ts';

// Issue 15.2 (encrypted volume types): cinder never calls driver.clone_image for an encrypted volume
// (`volume_is_encrypted`), and logs no line saying so; os-brick's encryptor line in the copy is what
// shows it. The copy's reason is then that, not "the logs do not show why", with the advice that goes with it.

const FORMATS = ['cinder-volume.log', 'journal.export', 'journal.json', 'journal.short-precise.txt'];

interface Rec { kind: string; status: string; provisioning: string | null; reasonCodes: string[]; reasons: string[]; advice: { code: string; command: string | null }[] }

for (const file of FORMATS) {
  test(`encrypted-copy/${file}: the copy into an encrypted volume says why, and what to do`, async (t) => {
    const json = await runCli(['--json', `samples/encrypted-copy/${file}`]);
    t.is(json.status, 0, json.stderr);
    const volumes = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).filter((r) => r.kind === 'volume');
    t.is(volumes.length, 1);
    const [v] = volumes;
    t.like(v, { status: 'succeeded', provisioning: 'copy', reasonCodes: ['encrypted-volume'] });
    t.regex(v?.reasons[0] ?? '', /^the volume is encrypted \(os-brick attached a LuksEncryptor to write the image\): Cinder never clones an image into an encrypted volume/);
    t.deepEqual(v?.advice.map((a) => a.code), ['encrypted-always-copies']);

    const human = await runCli([`samples/encrypted-copy/${file}`]);
    t.true(human.stdout.includes('[encrypted-volume]'), human.stdout);
    t.false(human.stdout.includes('the logs do not show why'), human.stdout);
    t.true(human.stdout.includes('$ openstack volume type list --encryption-type'), human.stdout);
  });
}

test('the same copy without the encryptor line is the unexplained copy it was before', async (t) => {
  const input = readFileSync('samples/encrypted-copy/cinder-volume.log', 'utf8').split('\n').filter((l) => !l.includes('os_brick.encryptors')).join('\n');
  const r = await runCli(['--json', '-'], {}, input);
  const [v] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).filter((x) => x.kind === 'volume');
  t.like(v, { provisioning: 'copy', reasonCodes: ['no-reason-logged'] });
});

test('at INFO only, an image of an encrypted volume (cinder_encryption_key_id in the spec) is the same reason', async (t) => {
  const key = 'b6f0c3a1-2d4e-4f6a-8b9c-0d1e2f3a4b5c';
  const input = readFileSync('samples/encrypted-copy/cinder-volume.log', 'utf8')
    .split('\n')
    .filter((l) => !l.includes(' DEBUG '))
    .map((l) => l.replace("'properties': {}", `'properties': {'cinder_encryption_key_id': '${key}', 'cinder_encryption_key_deletion_policy': 'on_image_deletion'}`))
    .join('\n');
  const r = await runCli(['--json', '-'], {}, input);
  const [v] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).filter((x) => x.kind === 'volume');
  t.like(v, { provisioning: 'copy', reasonCodes: ['encrypted-volume'] });
  t.true(v?.reasons[0]?.includes(`cinder_encryption_key_id ${key}`), v?.reasons[0]);
  t.deepEqual(v?.advice.map((a) => a.code), ['encrypted-always-copies']);
});
