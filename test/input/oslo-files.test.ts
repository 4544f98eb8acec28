import test from 'ava';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { detectFormat } from '../../src/input/detect-format.ts';
import type { InputStats, LogRecord } from '../../src/model/log-record.ts';
import { readShared, sharedFiles, sharedTest, statsAddUp } from './fixtures.ts';

function decodeOslo(...parts: string[]): { records: LogRecord[]; stats: InputStats } {
  const buf = readShared(...parts);
  return decodeBuffer(buf, { input: parts.join('/'), format: 'oslo', year: 2000, zone: 'UTC' });
}

sharedTest('every real log is oslo, decodes without malformed lines, and stats add up', (t) => {
  const files = sharedFiles('real-logs', '.log');
  t.true(files.length >= 13);
  for (const f of files) {
    const buf = readShared('real-logs', f);
    t.is(detectFormat(buf), 'oslo', f);
    const { records, stats } = decodeOslo('real-logs', f);
    t.true(statsAddUp(stats), f);
    t.is(stats.malformed, 0, f);
    t.true(records.length > 0, f);
    t.true(records.every((r) => r.level !== null && r.logger !== null && r.pid !== undefined && r.time !== null), f);
  }
});

sharedTest('oslo-file-default.log: contexts, DEBUG suffix, multi-line and traceback', (t) => {
  const { records, stats } = decodeOslo('journalctl-output', 'oslo-file-default.log');
  t.deepEqual(stats, { read: 12, records: 6, continuation: 6, markers: 0, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });
  t.deepEqual(
    records.map((r) => [r.level, r.text, r.func, r.requestId, r.globalRequestId, r.user, r.project, r.extra.length]),
    [
      ['INFO', 'Starting volume driver LVMVolumeDriver (3.0.0)', null, null, null, null, null, 0],
      ['DEBUG', 'debug without context', '<module>', null, null, null, null, 0],
      ['DEBUG', 'Created volume vol-1', '<module>', 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80', 'req-11111111-2222-3333-4444-555555555555', '8b1f', '3c2a', 0],
      ['WARNING', 'multi-line', null, 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80', 'req-11111111-2222-3333-4444-555555555555', '8b1f', '3c2a', 1],
      ['INFO', 'with instance', null, 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80', 'req-11111111-2222-3333-4444-555555555555', '8b1f', '3c2a', 0],
      ['ERROR', 'Failed to create volume vol-1: ValueError: oops', null, 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80', 'req-11111111-2222-3333-4444-555555555555', '8b1f', '3c2a', 5],
    ],
  );
  t.true(records.every((r) => r.pid === 20377 && r.logger === 'cinder.volume.manager'));
  t.is(records[0]?.time, Date.UTC(2026, 10, 24, 16, 31, 5, 403));
  t.deepEqual(records[5]?.extra, [
    'Traceback (most recent call last):',
    '  File "/opt/demo/demo.py", line 32, in <module>',
    "    raise ValueError('oops')",
    'ValueError: oops',
    '',
  ]);
});

sharedTest('01: pre-Zed 5-field identity', (t) => {
  const { records } = decodeOslo('real-logs', '01-vn-lvm-volume-log-2020-08.log');
  t.is(records.length, 5);
  const r = records[0];
  t.is(r?.requestId, 'req-6f6a2905-7ee0-43dd-9102-f9f9a9049f40');
  t.is(r?.globalRequestId, null);
  t.is(r?.user, '294c5c6181d442c68a13d5b615c4f031');
  t.is(r?.project, '5b4c1d2155004acf849cd3aac03b8f36');
  t.is(r?.logger, 'cinder.volume.flows.manager.create_volume');
  t.is(r?.pid, 4520);
  t.is(r?.time, Date.UTC(2020, 7, 1, 13, 47, 29, 9));
  t.is(records[4]?.text, 'Created volume successfully.');
});

sharedTest('02: blank lines between records are counted, not folded', (t) => {
  const { records, stats } = decodeOslo('real-logs', '02-vn-lvm-volume-log-2020-09.log');
  t.is(records.length, 5);
  t.is(stats.blank, 4);
  t.true(records.every((r) => r.extra.length === 0));
});

sharedTest('07: doc-indented excerpt with the redacted context [req-...]', (t) => {
  const { records, stats } = decodeOslo('real-logs', '07-netapp-ontap-nfs-copy-offload.log');
  t.is(records.length, 1);
  t.is(stats.continuation, 2); // the two `    ...` framing lines
  t.is(records[0]?.requestId, 'req-...');
  t.is(records[0]?.user, null);
  t.is(records[0]?.pid, 6626);
  t.is(records[0]?.logger, 'cinder.volume.drivers.netapp.dataontap.nfs_cmode');
  t.deepEqual(records[0]?.extra, []);
  t.regex(records[0]?.text ?? '', /^Copied image 7080dac2-.* using copy offload workflow\.$/);
});

sharedTest('08: old devstack line without PID and with a `from (pid=N) func path` suffix', (t) => {
  const { records } = decodeOslo('real-logs', '08-netapp-ontap-iscsi-image-volume-cache-devstack.log');
  t.is(records.length, 1);
  const r = records[0];
  t.is(r?.pid, null);
  t.is(r?.level, 'DEBUG');
  t.is(r?.codePid, 20926);
  t.is(r?.func, '_copy_image_to_volume');
  t.is(r?.requestId, 'req-9ea8022f-1dd4-4203-b1f3-019f3c1b377a');
  t.is(r?.user, null);
  t.is(r?.project, null);
  t.is(r?.text, 'Downloaded image 16d996d3-87aa-47da-8c82-71a21e8a06fb ((None, None)) to volume 6944e5be-7c56-4a7d-a90b-5231e7e94a6e successfully.');
});

sharedTest('14: Command:/Stderr: lines, taskflow dumps and tracebacks fold into their records', (t) => {
  const { records, stats } = decodeOslo('real-logs', '14-packstack-stein-lvm-not-qcow2-full-failure.log');
  t.deepEqual(stats, { read: 120, records: 18, continuation: 102, markers: 0, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });
  const failed = records.find((r) => r.logger === 'cinder.volume.utils');
  t.is(failed?.level, 'ERROR');
  t.regex(failed?.text ?? '', /^Failed to copy image 33b99f7a-/);
  t.regex(failed?.extra[0] ?? '', /^Command: sudo cinder-rootwrap /);
  t.is(failed?.extra[1], 'Exit code: 1');
  t.regex(failed?.extra[3] ?? '', /^Stderr: u"qemu-img: Could not open/);
  t.is(failed?.extra[4], 'Traceback (most recent call last):');
  t.is(failed?.extra.at(-1), '');
  t.is(failed?.extra.length, 27);
  const task = records.find((r) => r.line === 37);
  t.is(task?.level, 'WARNING');
  t.is(task?.extra[0], '5 predecessors (most recent first):');
  t.is(task?.extra[6], 'Traceback (most recent call last):');
  t.is(task?.extra.length, 30);
  const rpc = records.find((r) => r.logger === 'oslo_messaging.rpc.server');
  t.is(rpc?.extra.length, 45);
  t.is(rpc?.requestId, 'req-53a0e621-5faa-440e-9d4d-55560a68c432');
});

sharedTest('18: Havana context [req user tenant]', (t) => {
  const { records } = decodeOslo('real-logs', '18-havana-lvmiscsi-raw-volume-create.log');
  t.is(records.length, 4);
  const r = records[0];
  t.is(r?.requestId, 'req-08d5e2e8-0ca6-454c-bb99-32f05db9cf11');
  t.is(r?.globalRequestId, null);
  t.is(r?.user, 'e75374ede9834b41919d07e6a311401c');
  t.is(r?.project, 'e7dcfe9fe2f143d29e518e41a20553cf');
  t.is(r?.logger, 'cinder.volume.flows.create_volume');
});

sharedTest('19: Havana glance multi-line records', (t) => {
  const { records } = decodeOslo('real-logs', '19-havana-glance-api-cinder-store-disabled.log');
  t.deepEqual(
    records.map((r) => [r.level, r.logger, r.extra.length]),
    [
      ['ERROR', 'glance.store.sheepdog', 4],
      ['WARNING', 'glance.store.base', 4],
      ['WARNING', 'glance.store.base', 0],
      ['WARNING', 'glance.api.v2.images', 0],
    ],
  );
});

sharedTest('22: oslo default DEBUG suffix `func /path.py:N` is removed', (t) => {
  const { records } = decodeOslo('real-logs', '22-osp10-newton-glance-api-cinder-store-write-failed.log');
  t.is(records[0]?.func, 'trace_logging_wrapper');
  t.false(records[0]?.text.includes('/usr/lib/python2.7'));
  t.is(records[3]?.func, '_send');
  t.regex(records[3]?.text ?? '', /topic 'notifications.error'$/);
  t.is(records[2]?.func, null);
});

sharedTest('25: Zed+ context with None global id and runs of blank lines', (t) => {
  const { records, stats } = decodeOslo('real-logs', '25-rhoso-antelope-netapp-nfs-oc-logs-raw-create.log');
  t.is(stats.blank, 5);
  t.is(records[1]?.globalRequestId, null);
  t.is(records[1]?.requestId, 'req-47a304b5-834d-493e-bec2-15e1fb14eec6');
  t.is(records[1]?.user, null);
  const create = records.find((r) => r.requestId === 'req-8be1dd73-1a94-4c9c-a06f-078fbed86a7f');
  t.is(create?.user, '73b83a18ad0344cfa5df2dddb4a1a24b');
  t.is(create?.project, '988f47e9fd424e39b22b6a1ea20335f8');
  t.is(records[0]?.requestId, null);
});

test('oslo files are read in the zone option', (t) => {
  const line = Buffer.from('2020-08-01 13:47:29.009 4520 INFO a.b [-] x\n');
  const r = decodeBuffer(line, { input: 'x', format: 'oslo', year: 2000, zone: 'Asia/Kolkata' });
  t.is(r.records[0]?.time, Date.UTC(2020, 7, 1, 8, 17, 29, 9));
});

test('oslo: an orphan continuation at the start is counted, not lost', (t) => {
  const r = decodeBuffer(Buffer.from('  File "x.py", line 1\n2020-08-01 13:47:29.009 1 INFO a.b [-] x\n'), {
    input: 'x',
    format: 'oslo',
    year: 2000,
    zone: 'UTC',
  });
  t.is(r.stats.continuation, 1);
  t.is(r.records.length, 1);
  t.is(r.diagnostics[0]?.code, 'orphan-continuation');
  t.deepEqual(r.diagnostics[0]?.where, { input: 'x', line: 1 });
});

test('oslo: TRACE traceback lines (old releases) fold into the ERROR record', (t) => {
  const text = [
    '2014-04-16 20:40:48.613 26841 ERROR oslo.messaging.rpc.dispatcher [-] Exception during message handling: boom',
    '2014-04-16 20:40:48.613 26841 TRACE oslo.messaging.rpc.dispatcher Traceback (most recent call last):',
    '2014-04-16 20:40:48.613 26841 TRACE oslo.messaging.rpc.dispatcher   File "x.py", line 1, in y',
    '2014-04-16 20:40:48.613 26841 TRACE oslo.messaging.rpc.dispatcher ',
    '2014-04-16 20:40:48.614 26842 TRACE oslo.messaging.rpc.dispatcher other pid: a record of its own',
  ].join('\n');
  const r = decodeBuffer(Buffer.from(text), { input: 'x', format: 'oslo', year: 2000, zone: 'UTC' });
  t.is(r.records.length, 2);
  t.deepEqual(r.records[0]?.extra, ['Traceback (most recent call last):', '  File "x.py", line 1, in y', '']);
  t.is(r.records[1]?.level, 'TRACE');
  t.is(r.records[1]?.pid, 26842);
});
