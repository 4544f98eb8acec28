import test from 'ava';
import { decodeBuffer } from '../helpers/decode-buffer.ts';

const decode = (entries: object[]) =>
  decodeBuffer(Buffer.from(entries.map((e) => JSON.stringify(e)).join('\n')), { input: 'j', format: 'json', year: 2024, zone: 'UTC' });

const base = {
  __REALTIME_TIMESTAMP: '1735689600123456',
  _HOSTNAME: 'ctl1',
  SYSLOG_IDENTIFIER: 'cinder-volume',
  _PID: '4242',
  _SYSTEMD_UNIT: 'openstack-cinder-volume.service',
  _BOOT_ID: 'c'.repeat(32),
};

test('use_journal=True: bare MESSAGE with LOGGER_NAME, LOGGER_LEVEL and request fields', (t) => {
  const { records } = decode([
    {
      ...base,
      MESSAGE: 'Volume 9e96: being created as image with specification: {}',
      LOGGER_NAME: 'cinder.volume.flows.manager.create_volume',
      LOGGER_LEVEL: 'INFO',
      PRIORITY: '6',
      REQUEST_ID: 'req-abc',
      USER_NAME: 'admin',
      PROJECT_NAME: 'demo',
      CODE_FUNC: 'execute',
    },
  ]);
  const r = records[0];
  t.is(r?.level, 'INFO');
  t.is(r?.logger, 'cinder.volume.flows.manager.create_volume');
  t.is(r?.requestId, 'req-abc');
  t.is(r?.user, 'admin');
  t.is(r?.project, 'demo');
  t.is(r?.func, 'execute');
  t.is(r?.text, 'Volume 9e96: being created as image with specification: {}');
  t.is(r?.unit, 'openstack-cinder-volume.service');
  t.is(r?.time, 1735689600123.456);
});

test('use_journal=True: level from PRIORITY, ids from *_ID, multi-line MESSAGE → extra', (t) => {
  const prio = (p: string) =>
    decode([{ ...base, MESSAGE: 'm\nTraceback (most recent call last):\n  File "x.py"', LOGGER_NAME: 'a.b', PRIORITY: p, USER_ID: 'u1', PROJECT_ID: 'p1' }])
      .records[0];
  t.deepEqual(
    ['7', '6', '5', '4', '3', '2', '1', '0'].map((p) => prio(p)?.level),
    ['DEBUG', 'INFO', 'WARNING', 'WARNING', 'ERROR', 'CRITICAL', 'CRITICAL', 'CRITICAL'],
  );
  const r = prio('3');
  t.is(r?.user, 'u1');
  t.is(r?.project, 'p1');
  t.deepEqual(r?.extra, ['Traceback (most recent call last):', '  File "x.py"']);
});

test('use_journal=True with a formatted MESSAGE: the text anatomy wins, fields fill gaps', (t) => {
  const { records } = decode([
    {
      ...base,
      MESSAGE: 'DEBUG cinder.volume.manager [None req-1 demo admin] Created volume {{_create /opt/stack/cinder/x.py:12}}',
      LOGGER_NAME: 'cinder.volume.manager',
      LOGGER_LEVEL: 'DEBUG',
      REQUEST_ID: 'req-1',
    },
  ]);
  const r = records[0];
  t.is(r?.text, 'Created volume');
  t.is(r?.func, '_create');
  t.is(r?.project, 'demo');
  t.is(r?.user, 'admin');
  t.is(r?.requestId, 'req-1');
});

test('use_journal=True entries are records of their own, never continuations', (t) => {
  const { records } = decode([
    { ...base, MESSAGE: 'ERROR c.v [req-1 u p] failed', LOGGER_NAME: 'c.v', LOGGER_LEVEL: 'ERROR' },
    { ...base, MESSAGE: 'plain next message', LOGGER_NAME: 'c.v', LOGGER_LEVEL: 'INFO' },
  ]);
  t.is(records.length, 2);
  t.is(records[1]?.level, 'INFO');
});

test('_SOURCE_REALTIME_TIMESTAMP wins over __REALTIME_TIMESTAMP', (t) => {
  const { records } = decode([{ ...base, MESSAGE: 'x', _SOURCE_REALTIME_TIMESTAMP: '1735689600000001' }]);
  t.is(records[0]?.time, 1735689600000.001);
});

test('an entry without MESSAGE counts as blank', (t) => {
  const r = decode([{ ...base, FOO: 'bar' }]);
  t.is(r.records.length, 0);
  t.is(r.stats.blank, 1);
});

test('colourised journalctl JSON (SYSTEMD_COLORS=1) is stripped before parsing', (t) => {
  const line =
    '{"\x1b[0;32m__REALTIME_TIMESTAMP\x1b[0m":"\x1b[0;32m1735689600123456\x1b[0m","\x1b[0;32m_PID\x1b[0m":"\x1b[0;32m5\x1b[0m",' +
    '"\x1b[0;32mMESSAGE\x1b[0m":"\x1b[0;32mINFO cinder.volume.manager [-] hello\x1b[0m"}';
  const r = decodeBuffer(Buffer.from(line), { input: 'c', format: 'json', year: 2024, zone: 'UTC' });
  t.is(r.stats.malformed, 0);
  t.is(r.records[0]?.text, 'hello');
  t.is(r.records[0]?.level, 'INFO');
  t.is(r.records[0]?.pid, 5);
  t.is(r.records[0]?.time, 1735689600123.456);
});
