import test from 'ava';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { detectFormat } from '../../src/input/detect-format.ts';
import type { LogRecord } from '../../src/model/log-record.ts';
import { readShared, sharedTest, statsAddUp } from './fixtures.ts';

const GRI = 'req-11111111-2222-3333-4444-555555555555';
const RID = 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80';

/** The records of the devstack sample (oslo-devstack-stdout.txt as journal entries), in order. */
const EXPECTED = [
  { level: 'INFO', logger: 'cinder.volume.manager', requestId: null, globalRequestId: null, user: null, project: null, text: 'Starting volume driver LVMVolumeDriver (3.0.0)', codePid: null, func: null },
  { level: 'DEBUG', logger: 'cinder.volume.manager', requestId: null, globalRequestId: null, user: null, project: null, text: 'debug without context', codePid: 20498, func: '<module>' },
  { level: 'DEBUG', logger: 'cinder.volume.manager', requestId: RID, globalRequestId: GRI, user: 'admin', project: 'admin', text: 'Created volume vol-1', codePid: 20498, func: '<module>' },
  { level: 'WARNING', logger: 'cinder.volume.manager', requestId: RID, globalRequestId: GRI, user: 'admin', project: 'admin', text: 'multi-line', codePid: null, func: null },
  { level: 'INFO', logger: 'cinder.volume.manager', requestId: RID, globalRequestId: GRI, user: 'admin', project: 'admin', text: 'with instance', codePid: null, func: null },
  { level: 'ERROR', logger: 'cinder.volume.manager', requestId: RID, globalRequestId: GRI, user: 'admin', project: 'admin', text: 'Failed to create volume vol-1: ValueError: oops', codePid: null, func: null },
];

const pick = (r: LogRecord) => ({
  level: r.level,
  logger: r.logger,
  requestId: r.requestId,
  globalRequestId: r.globalRequestId,
  user: r.user,
  project: r.project,
  text: r.text,
  codePid: r.codePid,
  func: r.func,
});

const sameDevstack = test.macro({
  exec(t, file: string, stream: boolean) {
    const buf = readShared('journalctl-output', 'outdev', file);
    const format = detectFormat(buf);
    t.not(format, null);
    if (format === null) return;
    const { records, stats } = decodeBuffer(buf, { input: file, format, year: 2025, zone: 'UTC' });
    t.true(statsAddUp(stats));
    t.deepEqual(stats, { read: 12, records: 6, continuation: 6, markers: 0, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });
    t.deepEqual(records.map(pick), EXPECTED);
    t.deepEqual(records[3]?.extra, ['message second line']);
    const tb = records[5]?.extra ?? [];
    t.is(tb.length, 5);
    t.is(tb[0], 'Traceback (most recent call last):');
    t.is(tb[2], "    raise ValueError('oops')");
    t.is(tb[4], '');
    if (stream) {
      t.true(records.every((r) => r.host === 'devstack1' && r.ident === 'cinder-volume' && r.pid === 326427));
      t.is(records[0]?.time, Date.UTC(2025, 7, 25, 11, 29, 21, 123) + 0.456);
    }
  },
  title: (_p, file: string) => `outdev/${file}: same oslo fields, traceback and second line folded`,
});

sharedTest(sameDevstack, 'short-precise.252.txt', true);
sharedTest(sameDevstack, 'short-precise-a.252.txt', true);
sharedTest(sameDevstack, 'json.252.txt', true);
sharedTest(sameDevstack, 'cat.252.txt', false);

test('devstack lines of another stream are not folded', (t) => {
  const lines = [
    'Aug 25 11:29:21.124278 h cinder-volume[1]: ERROR cinder.volume.manager [None req-1 admin None] Failed',
    'Aug 25 11:29:21.124279 h cinder-volume[2]: ERROR cinder.volume.manager Traceback (most recent call last):',
    'Aug 25 11:29:21.124280 h cinder-volume[1]: ERROR cinder.volume.other Traceback (most recent call last):',
    'Aug 25 11:29:21.124281 h cinder-volume[1]: ERROR cinder.volume.other next line of that one',
    'Aug 25 11:29:21.124282 h sshd[9]: not oslo',
    'Aug 25 11:29:21.124283 h devstack@g-api.service[7]: INFO glance.api [None req-2 p u] x',
    'Aug 25 11:29:21.124284 h devstack@g-api.service[7]: [pid: 19300|app: 0|req: 8/12] 10.0.0.1 () {40 vars in 760 bytes} GET /image/v2/images/x/file',
    'Aug 25 11:29:21.124285 h devstack@g-api.service[7]: plain second line',
  ].join('\n');
  const { records, stats } = decodeBuffer(Buffer.from(lines), { input: 'x', format: 'short-precise', year: 2025, zone: 'UTC' });
  t.true(statsAddUp(stats));
  t.deepEqual(
    records.map((r) => [r.pid, r.level, r.logger, r.text, r.extra.length]),
    [
      [1, 'ERROR', 'cinder.volume.manager', 'Failed', 0],
      [2, 'ERROR', 'cinder.volume.manager', 'Traceback (most recent call last):', 0],
      [1, 'ERROR', 'cinder.volume.other', 'Traceback (most recent call last):', 1],
      [9, null, null, 'not oslo', 0],
      [7, 'INFO', 'glance.api', 'x', 0],
      [7, null, null, '[pid: 19300|app: 0|req: 8/12] 10.0.0.1 () {40 vars in 760 bytes} GET /image/v2/images/x/file', 0],
      [7, null, null, 'plain second line', 0],
    ],
  );
  t.is(records[4]?.project, 'p');
  t.is(records[4]?.user, 'u');
});
