import test from 'ava';
import { runCli } from './report/run-cli.ts';

// Issue 15.5: an excerpt that holds a volume's failure line but not its flow's start (a real Kilo
// log's only relevant line) still gives the volume, as a failed copy, and says that its start is
// not in the input. What a user reads: the JSON record's fields and the human timeline's note.

const VOLUME = '2f4e1c8a-6b1d-4c1e-9a53-0d7e6f2b9c41';
const IMAGE = '9535cff0-1980-4ac8-a702-a3b6234c88dd';
const NOTE = "the start of this volume's flow is not in the input";
const FORMATS = ['cinder-volume.log', 'journal.export', 'journal.json', 'journal.short-precise.txt'];

interface Rec { kind: string; volumeId: string | null; imageId: string | null; source: string; status: string; provisioning: string | null; error: string | null; notes: string[]; requestId: string; host: string | null }
const volumesOf = (stdout: string): Rec[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).filter((r) => r.kind === 'volume');

for (const file of FORMATS) {
  test(`partial-kilo/${file}: the orphan copy failure is a failed copy whose start is not in the input`, async (t) => {
    const json = await runCli(['--json', '--year', '2016', `samples/partial-kilo/${file}`]);
    t.is(json.status, 0, json.stderr);
    const [v, ...rest] = volumesOf(json.stdout);
    t.is(rest.length, 0);
    t.like(v, { volumeId: VOLUME, imageId: IMAGE, source: 'image', status: 'failed', provisioning: 'copy', requestId: 'req-7c1f2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b' });
    t.is(v?.error, `Failed to copy image ${IMAGE} to volume: iscsiadm: No session found.`);
    t.true(v?.notes.some((n) => n.startsWith(NOTE)), JSON.stringify(v?.notes));

    const human = await runCli(['--year', '2016', `samples/partial-kilo/${file}`]);
    t.regex(human.stdout, new RegExp(`^FAILED ${VOLUME} {2}failed copy`, 'm'));
    t.true(human.stdout.includes(`note: ${NOTE}`), human.stdout);
  });
}

test('a create whose start is in the input is unchanged: its copy failure adds to it, with no such note', async (t) => {
  const r = await runCli(['--json', 'samples/failure/cinder-volume.log']);
  const [v] = volumesOf(r.stdout);
  t.like(v, { status: 'failed', provisioning: 'copy' });
  t.false(v?.notes.some((n) => n.startsWith(NOTE)));
  t.true(v?.error?.includes('No space left on device'), v?.error ?? '');
});

test('every wording of the copy failure, without its start, gives the volume; without a request id the volume keys it', async (t) => {
  const at = (s: string, ctx: string, msg: string) => `2016-02-25 21:52:0${s}.512 2714 ERROR cinder.volume.flows.manager.create_volume [${ctx}] ${msg}\n`;
  const input = [
    at('1', 'req-11111111-2222-4333-8444-555555555555 u p - - -', 'Failed to copy image to volume: 11111111-aaaa-4bbb-8ccc-000000000001, error: Image 9535cff0-1980-4ac8-a702-a3b6234c88dd is unacceptable: Size is 8GB and doesn\'t fit in a volume of size 1GB.'),
    at('2', 'req-21111111-2222-4333-8444-555555555555 u p - - -', 'Failed to copy image to volume 11111111-aaaa-4bbb-8ccc-000000000002 due to insufficient space'),
    at('3', 'req-31111111-2222-4333-8444-555555555555 u p - - -', 'Failed to copy image to volume: 11111111-aaaa-4bbb-8ccc-000000000003'),
    at('4', '-', `Failed to copy image ${IMAGE} to volume: 11111111-aaaa-4bbb-8ccc-000000000004, error: iscsiadm: No session found.`),
  ].join('');
  const r = await runCli(['--json', '-'], {}, input);
  t.is(r.status, 0, r.stderr);
  const got = volumesOf(r.stdout).map((v) => [v.volumeId, v.status, v.provisioning, v.notes.some((n) => n.startsWith(NOTE))]);
  t.deepEqual(got, [1, 2, 3, 4].map((n) => [`11111111-aaaa-4bbb-8ccc-00000000000${n}`, 'failed', 'copy', true]));
});
