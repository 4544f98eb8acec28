import test from 'ava';
import { decodeBuffer, decodeChunks } from '../helpers/decode-buffer.ts';
import type { LogRecord } from '../../src/model/log-record.ts';
import { comparable, readShared, sharedTest, statsAddUp } from './fixtures.ts';

const CHUNKS = [1, 2, 3, 7, 64, 4096];

function decodeChunked(buf: Buffer, size: number): { records: LogRecord[]; stats: object } {
  const slices: Buffer[] = [];
  // Copy each chunk so no decoder state can alias a later chunk's bytes.
  for (let i = 0; i < buf.length; i += size) slices.push(Buffer.from(buf.subarray(i, i + size)));
  const { records, stats } = decodeChunks(slices, { input: 'x', format: 'export', year: 2024, zone: 'UTC' });
  return { records, stats };
}

const invariant = test.macro({
  exec(t, parts: string[]) {
    const buf = readShared(...parts);
    const whole = decodeBuffer(buf, { input: 'x', format: 'export', year: 2024, zone: 'UTC' });
    t.true(statsAddUp(whole.stats));
    t.is(whole.stats.malformed, 0);
    t.true(whole.records.length > 0);
    for (const size of CHUNKS) {
      const chunked = decodeChunked(buf, size);
      t.deepEqual(chunked.records.map(comparable), whole.records.map(comparable), `chunk size ${size}`);
      t.deepEqual(chunked.stats, whole.stats, `stats, chunk size ${size}`);
    }
  },
  title: (_p, parts: string[]) => `${parts.slice(1).join('/')} decodes identically with chunk sizes ${CHUNKS.join(', ')}`,
});

for (const f of ['export1.bin', 'e3.bin', 'e4.bin', 'e5.bin', 'e6.bin']) sharedTest(invariant, ['journalctl-output', f]);
for (const v of ['out247', 'out252', 'out254', 'out257']) sharedTest(invariant, ['journalctl-output', v, 'export.txt']);

sharedTest('binary MESSAGEs with embedded newlines become text + extra', (t) => {
  const { records } = decodeBuffer(readShared('journalctl-output', 'export1.bin'), { input: 'x', format: 'export', year: 2024, zone: 'UTC' });
  const tb = records.find((r) => r.level === 'ERROR');
  t.is(tb?.text, 'Failed to create volume: oops');
  t.is(tb?.extra.length, 4);
  t.deepEqual(records.find((r) => r.ident === 'ml2')?.extra, ['line2', '', 'line4 after blank']);
  t.is(records.find((r) => r.ident === 'binapp')?.text, 'bin\x01ary\ufffd\ufffd data');
  t.is(records.find((r) => r.ident === 'trail')?.text, 'trailing newline');
  t.is(records.find((r) => r.ident === 'trail')?.extra.length, 0);
  const dbg = records.find((r) => r.level === 'DEBUG');
  t.is(dbg?.text, 'Created volume');
  t.is(dbg?.codePid, 326427);
  t.is(dbg?.func, 'create_volume');
});

sharedTest('export: ANSI in messages is stripped (CSI, colon SGR, OSC, lone ESC)', (t) => {
  const { records } = decodeBuffer(readShared('journalctl-output', 'e4.bin'), { input: 'x', format: 'export', year: 2024, zone: 'UTC' });
  t.deepEqual(
    records.slice(0, 3).map((r) => r.text),
    ['ared bc grey', 'link text end', 'lone B esc and  reset'],
  );
  t.is(records[3]?.text, '\0'.repeat(5000));
  t.is(records[4]?.ident, 'x'.repeat(310));
});

sharedTest('export: the devstack coloured lines (e6.bin) parse and fold like the text modes', (t) => {
  const { records, stats } = decodeBuffer(readShared('journalctl-output', 'e6.bin'), { input: 'x', format: 'export', year: 2024, zone: 'UTC' });
  t.deepEqual(stats, { read: 12, records: 6, continuation: 6, markers: 0, blank: 0, malformed: 0, blob: 0, prefiltered: 0 });
  t.deepEqual(records[3]?.extra, ['message second line']);
  t.is(records[5]?.extra.length, 5);
});

test('export: an entry without a final empty line is still decoded at end()', (t) => {
  const buf = Buffer.from('__REALTIME_TIMESTAMP=1000000\n_PID=5\nMESSAGE=last one\n');
  const r = decodeBuffer(buf, { input: 'x', format: 'export', year: 2024, zone: 'UTC' });
  t.is(r.records[0]?.text, 'last one');
  t.is(r.records[0]?.time, 1000);
  t.is(r.stats.records, 1);
});
