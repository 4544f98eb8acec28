import test from 'ava';
import { decodeBuffer, decodeChunks } from '../helpers/decode-buffer.ts';
import type { InputFormat } from '../../src/model/log-record.ts';
import { pseudoRandomBytes, readShared, sharedTest, statsAddUp } from './fixtures.ts';
import { exportEntry } from '../helpers/export-entry.ts';

const opts = (format: InputFormat) => ({ input: 'bad', format, year: 2024, zone: 'UTC' });

const jsonLines = (): string[] => readShared('journalctl-output', 'out252', 'json.txt').toString('utf8').trimEnd().split('\n');

sharedTest('json: a line cut in half is malformed and the rest still decodes', (t) => {
  const lines = jsonLines();
  const cut = lines[2] ?? '';
  lines[2] = cut.slice(0, Math.floor(cut.length / 2));
  const r = decodeBuffer(Buffer.from(lines.join('\n')), opts('json'));
  t.true(statsAddUp(r.stats));
  t.is(r.stats.malformed, 2); // the cut line + the >4096-byte MESSAGE
  t.is(r.records.length, 20);
  const d = r.diagnostics.find((x) => x.code === 'malformed-json');
  t.deepEqual(d?.where, { input: 'bad', line: 3 });
  t.is(d?.severity, 'warning');
  t.regex(d?.message ?? '', /not valid JSON/);
  t.is(r.records[2]?.level, 'DEBUG'); // the entry after the cut one
});

test('json: MESSAGE that is a number or an object is malformed', (t) => {
  const text = [
    '{"MESSAGE":42,"__REALTIME_TIMESTAMP":"1000000"}',
    '{"MESSAGE":{"a":1},"__REALTIME_TIMESTAMP":"1000000"}',
    '{"MESSAGE":[1,2,300],"__REALTIME_TIMESTAMP":"1000000"}',
    '[1,2,3]',
    '"just a string"',
    '{"MESSAGE":"fine","__REALTIME_TIMESTAMP":"2000000","_PID":"7"}',
  ].join('\n');
  const r = decodeBuffer(Buffer.from(text), opts('json'));
  t.true(statsAddUp(r.stats));
  t.is(r.stats.malformed, 5);
  t.is(r.records.length, 1);
  t.is(r.records[0]?.text, 'fine');
  t.is(r.records[0]?.time, 2000);
  t.deepEqual(
    r.diagnostics.map((d) => [d.code, d.where?.line]),
    [
      ['bad-message-type', 1],
      ['bad-message-type', 2],
      ['bad-message-type', 3],
      ['malformed-json', 4],
      ['malformed-json', 5],
    ],
  );
});

test('json: repeated MESSAGE takes the first; byte arrays decode with U+FFFD', (t) => {
  const text = ['{"MESSAGE":["one","two"]}', '{"MESSAGE":[[104,105],"x"]}', '{"MESSAGE":[104,255,105]}'].join('\n');
  const r = decodeBuffer(Buffer.from(text), opts('json'));
  t.deepEqual(
    r.records.map((x) => x.text),
    ['one', 'hi', 'h\ufffdi'],
  );
});

const randomLine = (): string => pseudoRandomBytes(300, 99).toString('utf8').replace(/[\n\r]/g, ' ');

const survives = test.macro({
  exec(t, format: InputFormat, good: string[], bad: string, expectCode: string) {
    const text = [good[0], bad, ...good.slice(1)].join('\n');
    let r: ReturnType<typeof decodeBuffer> | undefined;
    t.notThrows(() => {
      r = decodeBuffer(Buffer.from(text), opts(format));
    });
    if (r === undefined) return;
    t.true(statsAddUp(r.stats), JSON.stringify(r.stats));
    t.is(r.stats.malformed, 1);
    t.is(r.records.length, good.length);
    t.is(r.diagnostics[0]?.code, expectCode);
    t.deepEqual(r.diagnostics[0]?.where, { input: 'bad', line: 2 });
  },
  title: (provided, format: InputFormat) => `${format}: ${provided ?? ''}`,
});

const shortGood = ['Jan 01 00:00:00.000001 h a[1]: first', 'Jan 01 00:00:01.000001 h a[1]: second'];
const jsonGood = ['{"MESSAGE":"first"}', '{"MESSAGE":"second"}'];
const osloGood = ['2020-01-01 00:00:00.000 1 INFO a.b [-] first', '2020-01-01 00:00:01.000 1 INFO a.b [-] second'];

test('a random-bytes line', survives, 'json', jsonGood, randomLine(), 'malformed-json');
test('a random-bytes line', survives, 'short-precise', shortGood, randomLine(), 'malformed-line');
test('a random-bytes line', survives, 'oslo', osloGood, randomLine(), 'binary-data');
test('a 5 MB line', survives, 'json', jsonGood, '{"MESSAGE":"' + 'x'.repeat(5_000_000) + '"}', 'line-too-long');
test('a 5 MB line', survives, 'short-precise', shortGood, 'Jan 01 00:00:00 h a[1]: ' + 'x'.repeat(5_000_000), 'line-too-long');
test('a 5 MB line', survives, 'oslo', osloGood, 'y'.repeat(5_000_000), 'line-too-long');
test('a truncated short line', survives, 'short-precise', shortGood, 'Jan 01 00:00', 'malformed-line');
test('a short line without IDENT: ', survives, 'short-precise', shortGood, 'Jan 01 00:00:00.000001 host-only', 'malformed-line');

test('a 5 MB line read in 64 KiB chunks is dropped without being kept', (t) => {
  const big = Buffer.from('{"MESSAGE":"first"}\n' + 'z'.repeat(5_000_000) + '\n{"MESSAGE":"second"}\n');
  const chunks: Buffer[] = [];
  for (let i = 0; i < big.length; i += 65536) chunks.push(big.subarray(i, i + 65536));
  const r = decodeChunks(chunks, opts('json'));
  t.deepEqual(
    r.records.map((x) => x.text),
    ['first', 'second'],
  );
  t.deepEqual(r.stats, { read: 3, records: 2, continuation: 0, markers: 0, blank: 0, malformed: 1, blob: 0, prefiltered: 0 });
  t.deepEqual(r.diagnostics[0]?.code, 'line-too-long');
  t.deepEqual(r.diagnostics[0]?.where, { input: 'bad', line: 2 });
});

test('export: a length prefix of 2^40 is malformed and decoding resumes at the next entry', (t) => {
  const bogusLen = Buffer.alloc(8);
  bogusLen.writeBigUInt64LE(1n << 40n);
  const bogus = Buffer.concat([Buffer.from('__REALTIME_TIMESTAMP=1000000\nMESSAGE\n'), bogusLen, Buffer.from('garbage\x00\x01 more\n\n')]);
  const buf = Buffer.concat([
    exportEntry([['MESSAGE', 'before'], ['_PID', '1']]),
    bogus,
    exportEntry([['MESSAGE', Buffer.from('after\nsecond line')], ['_PID', '2']]),
  ]);
  for (const size of [1, 3, 8, 4096]) {
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
    let r: ReturnType<typeof decodeChunks> | undefined;
    t.notThrows(() => {
      r = decodeChunks(chunks, opts('export'));
    });
    if (r === undefined) return;
    t.deepEqual(
      r.records.map((x) => [x.text, x.extra, x.pid]),
      [
        ['before', [], 1],
        ['after', ['second line'], 2],
      ],
      `chunk ${size}`,
    );
    t.deepEqual(r.stats, { read: 3, records: 2, continuation: 0, markers: 0, blank: 0, malformed: 1, blob: 0, prefiltered: 0 });
    const diag = r.diagnostics;
    t.is(diag[0]?.code, 'export-field-too-large');
    t.deepEqual(diag[0]?.where, { input: 'bad', line: 2 });
  }
});

test('export: a wrong (too short) binary length and junk field names are malformed, not thrown', (t) => {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(2n);
  const buf = Buffer.concat([
    Buffer.from('MESSAGE\n'),
    len,
    Buffer.from('abcdef\n\n'),
    Buffer.from('not a field line\n\n'),
    exportEntry([['MESSAGE', 'ok']]),
  ]);
  const r = decodeBuffer(buf, opts('export'));
  t.true(statsAddUp(r.stats));
  t.is(r.stats.malformed, 2);
  t.deepEqual(
    r.records.map((x) => x.text),
    ['ok'],
  );
});

test('export: input ending inside an entry is reported as truncated', (t) => {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(100n);
  const buf = Buffer.concat([exportEntry([['MESSAGE', 'ok']]), Buffer.from('MESSAGE\n'), len, Buffer.from('only a bit')]);
  const r = decodeBuffer(buf, opts('export'));
  t.is(r.records.length, 1);
  t.is(r.stats.malformed, 1);
  t.is(r.diagnostics[0]?.code, 'truncated-export-entry');
});

test('export: random bytes never throw and stats add up', (t) => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const buf = Buffer.concat([pseudoRandomBytes(20_000, seed), Buffer.from('\n\n'), exportEntry([['MESSAGE', 'survivor']])]);
    const r = decodeBuffer(buf, opts('export'));
    t.true(statsAddUp(r.stats), `seed ${seed}`);
    t.is(r.records.at(-1)?.text, 'survivor', `seed ${seed}`);
  }
});

test('random bytes in every line format never throw and stats add up', (t) => {
  const junk = pseudoRandomBytes(50_000, 7);
  for (const format of ['short', 'short-precise', 'short-iso', 'short-full', 'short-unix', 'short-monotonic', 'verbose', 'cat', 'json', 'json-pretty', 'json-sse', 'json-seq', 'oslo'] as const) {
    const r = decodeBuffer(junk, opts(format));
    t.true(statsAddUp(r.stats), format);
  }
});

test('repeated diagnostics are capped: the first 5 individually, then one count at the end', (t) => {
  const text = Array.from({ length: 12 }, (_, i) => `{broken ${i}`).join('\n');
  const r = decodeBuffer(Buffer.from(text), opts('json'));
  t.is(r.stats.malformed, 12);
  const bad = r.diagnostics.filter((d) => d.code === 'malformed-json');
  t.is(bad.length, 6);
  t.deepEqual(
    bad.slice(0, 5).map((d) => d.where?.line),
    [1, 2, 3, 4, 5],
  );
  t.regex(bad[5]?.message ?? '', /7 more/);
  t.deepEqual(bad[5]?.where, { input: 'bad', line: 6 });
});

test('json-pretty: a cut object and lines outside objects are malformed', (t) => {
  const text = ['{', '\t"MESSAGE" : "one"', '}', 'stray', '{', '\t"MESSAGE" : "two",', '{', '\t"MESSAGE" : "three"', '}', '{', '\t"MESSAGE" : '].join('\n');
  const r = decodeBuffer(Buffer.from(text), opts('json-pretty'));
  t.true(statsAddUp(r.stats));
  t.deepEqual(
    r.records.map((x) => x.text),
    ['one', 'three'],
  );
  t.is(r.stats.malformed, 3);
  t.deepEqual(
    r.records.map((x) => x.line),
    [1, 7],
  );
});
