import test from 'ava';
import { newRecord } from '../../src/input/mutable-record.ts';
import { parseOsloMessage, type OsloKind } from '../../src/input/parse-oslo-message.ts';

interface Want {
  kind: OsloKind;
  level?: string | null;
  logger?: string | null;
  globalRequestId?: string | null;
  requestId?: string | null;
  user?: string | null;
  project?: string | null;
  text: string;
  codePid?: number | null;
  func?: string | null;
}

const parses = test.macro({
  exec(t, msg: string, want: Want, havana?: boolean) {
    const rec = newRecord('x', 1);
    const pair = havana === true;
    const kind = parseOsloMessage(msg, 0, rec, { pairIsUserProject: pair, looseLogger: pair });
    t.is(kind, want.kind);
    const got: Record<string, unknown> = { kind, text: rec.text };
    for (const k of Object.keys(want)) if (k !== 'kind' && k !== 'text') got[k] = rec[k as keyof typeof rec];
    t.deepEqual(got, want as unknown as Record<string, unknown>);
  },
  title: (provided, msg: string) => `parseOsloMessage: ${provided ?? msg}`,
});

const R = 'req-8d3b0a4e-1c2f-4b7a-9e21-3f4c5d6e7f80';
const G = 'req-11111111-2222-3333-4444-555555555555';

test('no context [-]', parses, 'INFO cinder.volume.manager [-] Starting', { kind: 'context', level: 'INFO', logger: 'cinder.volume.manager', requestId: null, text: 'Starting' });
test('Zed+: global + request + 6 identity fields', parses, `INFO c.v [${G} ${R} u1 p1 - - - -] m`, { kind: 'context', globalRequestId: G, requestId: R, user: 'u1', project: 'p1', text: 'm' });
test('Zed+: None global', parses, `INFO c.v [None ${R} - - - - - -] m`, { kind: 'context', globalRequestId: null, requestId: R, user: null, project: null, text: 'm' });
test('pre-Zed: request + 5 identity fields', parses, `INFO c.v [${R} u1 p1 - default default] m`, { kind: 'context', globalRequestId: null, requestId: R, user: 'u1', project: 'p1', text: 'm' });
test('devstack: project_name user_name', parses, `DEBUG c.v [None ${R} demo admin] m {{(pid=42) f /p.py:1}}`, { kind: 'context', requestId: R, project: 'demo', user: 'admin', text: 'm', codePid: 42, func: 'f' });
test('devstack: user_name None', parses, `INFO c.v [${G} ${R} admin None] m`, { kind: 'context', globalRequestId: G, project: 'admin', user: null, text: 'm' });
test('Havana in oslo files: user tenant', parses, `INFO c.v [${R} u1 t1] m`, { kind: 'context', requestId: R, user: 'u1', project: 't1', text: 'm' }, true);
test('redacted [req-...]', parses, 'INFO c.v [req-...] Copied', { kind: 'context', requestId: 'req-...', user: null, project: null, text: 'Copied' });
test('instance is removed from the text', parses, `INFO c.v [None ${R} a b] [instance: 0b6a1c33-0c7e-4b8e-9a4e-6bb0f7e6a1f2] with instance`, { kind: 'context', text: 'with instance' });
test('devstack suffix without pid (USE_JOURNAL)', parses, 'DEBUG c.v [-] m {{_flow /opt/stack/cinder/x.py:141}}', { kind: 'context', text: 'm', codePid: null, func: '_flow' });
test('old devstack suffix from (pid=N) func path', parses, `DEBUG c.v [${R} None None] Downloaded x from (pid=20926) _copy /opt/stack/x.py`, { kind: 'context', text: 'Downloaded x', codePid: 20926, func: '_copy' });
test('old devstack suffix with :line', parses, 'DEBUG c.v [-] y from (pid=7) f /opt/stack/x.py:12', { kind: 'context', text: 'y', codePid: 7, func: 'f' });
test('default oslo suffix', parses, 'DEBUG c.v [-] debug without context <module> /opt/demo/demo.py:26', { kind: 'context', text: 'debug without context', func: '<module>', codePid: null });
test('no suffix stripping outside DEBUG', parses, 'INFO c.v [-] see f /opt/demo/demo.py:26', { kind: 'context', text: 'see f /opt/demo/demo.py:26', func: null });
test('a dict ending in }} is not a suffix', parses, "DEBUG c.v [-] spec {'a': {'b': 1}}", { kind: 'context', text: "spec {'a': {'b': 1}}", func: null });
test('a message that mentions from (pid=...) mid-text keeps it', parses, 'DEBUG c.v [-] from (pid=1) a b c d', { kind: 'context', text: 'from (pid=1) a b c d', func: null });
test('traceback line: prefix without context', parses, 'ERROR cinder.volume.manager   File "/x.py", line 1', { kind: 'prefix', level: 'ERROR', logger: 'cinder.volume.manager', text: '  File "/x.py", line 1' });
test('last traceback line: prefix and a space', parses, 'ERROR cinder.volume.manager ', { kind: 'prefix', level: 'ERROR', text: '' });
test('traceback line with instance', parses, 'ERROR nova.compute.manager [instance: 0b6a1c33-0c7e-4b8e-9a4e-6bb0f7e6a1f2] Traceback', { kind: 'prefix', text: 'Traceback' });
test('kernel text is plain', parses, 'EXT4-fs (sda1): mounted filesystem', { kind: 'plain', level: null, logger: null, text: 'EXT4-fs (sda1): mounted filesystem' });
test('a level word with a non-logger after it is plain', parses, 'ERROR could not open file', { kind: 'plain', level: null, text: 'ERROR could not open file' });
test('ERROR: is not a level', parses, 'ERROR: bad', { kind: 'plain', level: null, text: 'ERROR: bad' });
test('uwsgi request line is plain', parses, '[pid: 1|app: 0|req: 8/12] 10.0.0.1 GET /', { kind: 'plain', text: '[pid: 1|app: 0|req: 8/12] 10.0.0.1 GET /' });
test('AUDIT and TRACE levels', parses, 'AUDIT nova.compute.manager [req-1 u p] Starting instance', { kind: 'context', level: 'AUDIT', requestId: 'req-1', text: 'Starting instance' });
test('empty message after the context', parses, 'INFO c.v [-]', { kind: 'context', text: '' });
test('oslo.log header embedded in a journal message', parses, `2024-04-08 09:51:28.237 737 INFO c.v [${G} ${R} u p - - - -] m`, { kind: 'context', requestId: R, codePid: 737, text: 'm' });

test('parseOsloMessage from an offset leaves the prefix out of plain text', (t) => {
  const rec = newRecord('x', 1);
  t.is(parseOsloMessage('PREFIX: hello', 8, rec, { pairIsUserProject: false, looseLogger: false }), 'plain');
  t.is(rec.text, 'hello');
});
