import test from 'ava';
import type { LogRecord } from '../../src/model/log-record.ts';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { createReducer } from '../../src/reduce/create-reducer.ts';
import type { Timeline } from '../../src/reduce/timeline.ts';
import { feedReducer } from '../helpers/feed-reducer.ts';
import { CACHEVOL, IMG, L, VOL, rec, spec } from '../helpers/records.ts';

const recognise = createRecogniser(RECOGNISERS);

function run(records: LogRecord[], options = { idleTimeoutMs: 30 * 60_000, maxOpen: 100 }): Timeline[] {
  const reducer = createReducer(options);
  const out = records.flatMap((r) => reducer.step(r, recognise(r)));
  out.push(...reducer.finish());
  return out.flatMap((o) => (o.kind === 'timeline' ? [o.timeline] : []));
}

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const s = (sec: number) => T0 + sec * 1000;

test('a copy that logs "at location (None, None)" is a copy with conversion, not a clone', (t) => {
  const [v, ...rest] = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('qcow2')}`),
    rec(s(0.1), L.flow, `Cloning ${VOL} from image ${IMG}  at location (None, None).`, { level: 'DEBUG' }),
    rec(s(0.2), L.utils, `Attempting download of ${IMG} ((None, None)) to volume ${VOL}.`, { level: 'DEBUG' }),
    rec(s(6.2), L.image, `Image fetch details: dest /opt/stack/data/cinder/conversion/image_fetch_${IMG}_abcd1234cvol-a@lvmdriver-1, size 600.00 MB, duration 6.00 sec`),
    rec(s(6.2), L.image, 'Image download 600.00 MB at 100.00 MB/s'),
    rec(s(6.3), L.image, `Temporary image ${IMG} is fetched for user u1.`),
    rec(s(6.4), L.image, `${IMG} was qcow2, converting to raw`),
    rec(s(26.4), L.image, 'Converted 2252.00 MB image at 112.60 MB/s'),
    rec(s(26.5), L.image, `Temporary image ${IMG} for user u1 is deleted.`),
    rec(s(27), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
    rec(s(27.02), L.manager, 'Created volume successfully.'),
  ]);
  t.is(rest.length, 0);
  t.truthy(v);
  if (!v) return;
  t.is(v.volumeId, VOL);
  t.is(v.status, 'succeeded');
  t.is(v.provisioning, 'copy');
  t.is(v.cloneMethod, null);
  t.deepEqual(v.conversion, { from: 'qcow2', to: 'raw' });
  t.deepEqual(v.reasons.map((r) => r.code), ['no-image-location', 'image-not-raw']);
  t.is(v.backend, 'lvmdriver-1');
  t.deepEqual(v.phases.map((p) => p.name), ['download', 'temporary-image', 'convert']);
  const download = v.phases.find((p) => p.name === 'download');
  t.is(download?.start, s(0.2));
  t.is(download?.mbps, 100);
  const temp = v.phases.find((p) => p.name === 'temporary-image');
  t.is(temp?.start, s(0.2), 'the temporary file exists from the start of the download');
  t.is(temp?.end, s(26.5));
  t.is(v.start, s(0));
  t.is(v.end, s(27.02));
});

test('raw→raw "Converted" is no conversion', (t) => {
  const [v] = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`),
    rec(s(5), L.image, 'Image download 100.00 MB at 20.00 MB/s'),
    rec(s(5.1), L.image, `${IMG} was raw, converting to raw`, { level: 'DEBUG' }),
    rec(s(7), L.image, 'Converted 100.00 MB image at 50.00 MB/s'),
    rec(s(7.1), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
  ]);
  t.is(v?.provisioning, 'copy');
  t.is(v?.conversion, null);
  t.true(v?.notes.some((n) => n.includes('no format conversion')));
});

test('a cache-seeding source_vol create is an internal volume of the user volume, not a user volume', (t) => {
  const out = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`),
    rec(s(0.1), L.flow, `Preparing cache entry for image = ${IMG} on host cvol-a@lvm#lvm.`, { level: 'DEBUG' }),
    rec(s(5), L.image, 'Image download 100.00 MB at 20.00 MB/s'),
    rec(s(7), L.image, 'Converted 100.00 MB image at 50.00 MB/s'),
    rec(s(7.1), L.flow, `Volume ${CACHEVOL}: being created as source_vol with specification: {'status': 'creating', 'volume_name': 'volume-${CACHEVOL}', 'volume_size': 1, 'source_volid': '${VOL}', 'source_volstatus': 'creating'}`),
    rec(s(7.2), L.lvm, `Creating clone of volume: ${VOL}`),
    rec(s(17.2), L.utils, 'Volume copy 1024.00 MB at 102.40 MB/s'),
    rec(s(17.3), L.flow, `Volume volume-${CACHEVOL} (${CACHEVOL}): created successfully`),
    rec(s(17.31), L.manager, 'Created volume successfully.'),
    rec(s(17.4), L.cache, `New image-volume cache entry created: {'id': 4, 'image_id': '${IMG}', 'volume_id': '${CACHEVOL}'}.`, { level: 'DEBUG' }),
    rec(s(17.5), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
    rec(s(17.52), L.manager, 'Created volume successfully.'),
  ]);
  t.is(out.length, 1);
  const v = out[0];
  t.is(v?.volumeId, VOL);
  t.is(v?.provisioning, 'copy');
  t.true(v?.cacheSeeded);
  t.deepEqual(v?.reasons.map((r) => r.code), ['cache-miss', 'no-image-location']);
  t.is(v?.internalVolumes.length, 1);
  t.is(v?.internalVolumes[0]?.volumeId, CACHEVOL);
  t.is(v?.internalVolumes[0]?.status, 'succeeded');
  t.deepEqual(v?.internalVolumes[0]?.phases.map((p) => p.name), ['clone', 'volume-copy']);
  t.false(v?.phases.some((p) => p.name === 'volume-copy'), "the seeding dd is not the user volume's data path");
});

test('RBD COW clone, and a glance-cinder clone', (t) => {
  const other = 'req-00000000-0000-0000-0000-000000000002';
  const vol2 = '0b7c3d0e-1a59-4d73-9a57-0f2b4c6a8e11';
  const out = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw', "('rbd://fsid/images/x/snap', [])")}`),
    rec(s(0.2), L.rbd, `cloning images/${IMG}@snap to volume-${VOL}`, { level: 'DEBUG' }),
    rec(s(0.9), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
    rec(s(0.92), L.manager, 'Created volume successfully.'),
    rec(s(1), L.flow, `Volume ${vol2}: being created as image with specification: ${spec('raw', "('cinder://5e1b', [])")}`, { requestId: other }),
    rec(s(1.1), L.flow, 'Will clone a volume from the image volume 5e1ba2dc-0af7-45fb-984b-0629f07eb74d.', { requestId: other }),
    rec(s(2.5), L.flow, `Volume volume-${vol2} (${vol2}): created successfully`, { requestId: other }),
    rec(s(2.52), L.manager, 'Created volume successfully.', { requestId: other }),
  ]);
  t.deepEqual(out.map((v) => [v.provisioning, v.cloneMethod, v.reasons.length]), [['clone', 'rbd', 0], ['clone', 'glance-cinder', 0]]);
  t.deepEqual(out[1]?.phases.map((p) => [p.name, p.start, p.end]), [['clone', s(1.1), s(2.5)]]);
});

test('glance-cinder clone that failed falls back to a copy, with the reason', (t) => {
  const [v] = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw', "('cinder://5e1b', [])")}`),
    rec(s(0.1), L.flow, 'Will clone a volume from the image volume 5e1ba2dc-0af7-45fb-984b-0629f07eb74d.'),
    rec(s(0.5), L.flow, 'Failed to clone image volume 5e1ba2dc-0af7-45fb-984b-0629f07eb74d.', { level: 'ERROR', extra: ['Traceback (most recent call last):'] }),
    rec(s(5), L.image, 'Image download 100.00 MB at 20.00 MB/s'),
    rec(s(6), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
  ]);
  t.is(v?.provisioning, 'copy');
  t.deepEqual(v?.reasons.map((r) => r.code), ['glance-cinder-clone-failed']);
});

test('INFO-only success with no data path line is clone/unknown; a flow that never ends is incomplete', (t) => {
  const other = 'req-00000000-0000-0000-0000-000000000002';
  const out = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`),
    rec(s(1), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
    rec(s(1.01), L.manager, 'Created volume successfully.'),
    rec(s(2), L.flow, `Volume ${CACHEVOL}: being created as image with specification: ${spec('qcow2')}`, { requestId: other }),
    rec(s(9), L.image, 'Image download 600.00 MB at 100.00 MB/s', { requestId: other }),
  ]);
  t.deepEqual(out.map((v) => [v.status, v.provisioning, v.cloneMethod]), [['succeeded', 'clone', 'unknown'], ['incomplete', 'copy', null]]);
});

test('a failed copy carries the exception summary and no negative durations', (t) => {
  const [v] = run([
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('qcow2')}`),
    rec(s(1), L.image, 'Image download 0.00 MB at 0.00 MB/s'),
    rec(s(3), 'cinder.volume.utils', `Failed to copy image ${IMG} to volume: ${VOL}: ProcessExecutionError: Unexpected error while running command.`, { level: 'ERROR', extra: ['Command: qemu-img convert', "Stderr: u\"qemu-img: Could not open 'x': Image is not in qcow2 format\\n\""] }),
    rec(s(3.1), L.manager, "Task 'cinder.volume.flows.manager.create_volume.CreateVolumeFromSpecTask;volume:create' (6742) transitioned into state 'FAILURE' from state 'RUNNING'", { level: 'WARNING', extra: ['5 predecessors (most recent first):', "  |__Flow 'volume_create_manager': ImageCopyFailure: Failed to copy image to volume: qemu-img: Could not open 'x': Image is not in qcow2 format"] }),
    rec(s(3.2), L.flow, `Volume ${VOL}: create failed`, { level: 'ERROR' }),
    rec(s(3.3), L.manager, "Flow 'volume_create_manager' (a6c1) transitioned into state 'REVERTED' from state 'RUNNING'", { level: 'WARNING' }),
  ]);
  t.is(v?.status, 'failed');
  t.is(v?.provisioning, 'copy');
  t.is(v?.error, "ImageCopyFailure: Failed to copy image to volume: qemu-img: Could not open 'x': Image is not in qcow2 format");
  t.true(v?.phases.every((p) => p.start === null || p.end === null || p.end >= p.start));
});

test('open flows are capped: the least recently active is evicted as incomplete', (t) => {
  const reducer = createReducer({ idleTimeoutMs: 3_600_000, maxOpen: 3 });
  let timelines = 0;
  let diagnostics = 0;
  for (let i = 0; i < 50; i++) {
    const r = rec(s(i), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`, { requestId: `req-${i}` });
    for (const o of reducer.step(r, recognise(r))) {
      if (o.kind === 'timeline') timelines++;
      else diagnostics++;
    }
    t.true(reducer.openFlows() <= 3);
  }
  t.is(timelines, 47);
  t.is(diagnostics, 1, 'one diagnostic, not one per eviction');
  t.is(reducer.counters.evicted, 47);
});

test('idle flows expire after --idle-timeout of log time', (t) => {
  const out = run(
    [
      rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`),
      rec(s(4000), 'cinder.volume.manager', 'Updating volume status', { requestId: 'req-other' }),
    ],
    { idleTimeoutMs: 60_000, maxOpen: 100 },
  );
  t.is(out[0]?.status, 'incomplete');
});

test('advance() closes a finished flow whose last line never comes, and expires idle flows, without any record', (t) => {
  const reducer = createReducer({ idleTimeoutMs: 60_000, maxOpen: 100 });
  const other = 'req-00000000-0000-0000-0000-000000000002';
  const records = [
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`),
    rec(s(1), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`),
    rec(s(2), L.flow, `Volume ${CACHEVOL}: being created as image with specification: ${spec('raw')}`, { requestId: other }),
  ];
  for (const r of records) t.deepEqual(reducer.step(r, recognise(r)), []);
  const closed = reducer.advance(s(3.5)).flatMap((o) => (o.kind === 'timeline' ? [o.timeline] : []));
  t.deepEqual(closed.map((v) => [v.volumeId, v.status]), [[VOL, 'succeeded']]);
  t.deepEqual(reducer.advance(s(30)), [], 'still within --idle-timeout');
  const expired = reducer.advance(s(70)).flatMap((o) => (o.kind === 'timeline' ? [o.timeline] : []));
  t.deepEqual(expired.map((v) => [v.volumeId, v.status]), [[CACHEVOL, 'incomplete']]);
  t.is(reducer.openFlows(), 0);
});

test('memory stays flat: 1,000,000 flows that never end never hold more than --max-open open', (t) => {
  const cap = 10_000;
  const reducer = createReducer({ idleTimeoutMs: 30 * 60_000, maxOpen: cap });
  function* neverEnding() {
    for (let i = 0; i < 1_000_000; i++) yield rec(T0 + i, L.image, 'Image download 600.00 MB at 100.00 MB/s', { requestId: `req-${i}` });
  }
  const fed = feedReducer(reducer, neverEnding(), recognise);
  t.is(fed.peakOpen, cap);
  t.is(reducer.counters.evicted, 1_000_000 - cap);
  t.is(fed.timelines, 1_000_000 - cap, 'every evicted flow is reported, none is lost');
});

test('advance() moves each host by the wall time that passed, from its own log time: a host whose clock runs behind keeps its close grace', (t) => {
  const reducer = createReducer({ idleTimeoutMs: 60_000, maxOpen: 100 });
  // cvol-b's clock runs 10 s behind cvol-a's (a merged journal of two hosts, followed live).
  const records = [
    rec(s(0), L.flow, `Volume ${VOL}: being created as image with specification: ${spec('raw')}`, { host: 'cvol-b' }),
    rec(s(0.5), L.flow, `Volume volume-${VOL} (${VOL}): created successfully`, { host: 'cvol-b' }),
    rec(s(10), 'cinder.volume.manager', 'Updating volume status', { host: 'cvol-a', requestId: 'req-other' }),
  ];
  for (const r of records) t.deepEqual(reducer.step(r, recognise(r)), []);
  // 150 ms of silence: cvol-b's flow has waited 150 ms of its 2 s grace, not the 10 s the clocks differ by.
  t.deepEqual(reducer.advance(s(10.15)), [], 'closed after 150 ms of silence');
  t.deepEqual(reducer.advance(s(11)), [], 'closed after 1 s of silence');
  const closed = reducer.advance(s(12.6)).flatMap((o) => (o.kind === 'timeline' ? [o.timeline] : []));
  t.deepEqual(closed.map((v) => [v.volumeId, v.status, v.host]), [[VOL, 'succeeded', 'cvol-b']]);
});
