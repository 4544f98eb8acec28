import test from 'ava';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LogRecord } from '../../src/model/log-record.ts';
import { readRecordBatch, writeRecordBatch } from '../../src/pipeline/jobs/record-batch.ts';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import type { Event } from '../../src/recognise/event.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { rec } from '../helpers/records.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// What a reader thread hands over: a batch written there, structured-cloned by postMessage, read here.
const acrossThreads = (records: readonly LogRecord[]): LogRecord[] => readRecordBatch(structuredClone(writeRecordBatch(records).batch), 'test');

const RECORD_FIELDS = ['input', 'line', 'time', 'bootId', 'host', 'ident', 'unit', 'pid', 'codePid', 'level', 'logger', 'globalRequestId', 'requestId', 'user', 'project', 'func', 'text', 'extra'] as const;
const seen = (e: Event | null) => (e === null ? null : { type: e.type, rowId: e.rowId, fields: { ...e.fields }, record: Object.fromEntries(RECORD_FIELDS.map((k) => [k, e.record[k]])) });

const samples = RECOGNISERS.flatMap((r) => r.samples.map((s) => ({ text: s, logger: r.loggers[0] as string })));
const loggers = [...new Set(RECOGNISERS.flatMap((r) => r.loggers))];
const noise = fc.oneof(fc.constantFrom('', ' ', 'x', '(', 'volume ', ' completed', '\n', 'é'), fc.string({ maxLength: 8 }));
const text = fc.oneof(
  fc.record({ s: fc.constantFrom(...samples), pre: noise, post: noise }).map(({ s, pre, post }) => `${pre}${s.text}${post}`),
  fc.record({ a: fc.constantFrom(...samples), b: fc.constantFrom(...samples), at: fc.nat() }).map(({ a, b, at }) => a.text.slice(0, at % (a.text.length + 1)) + b.text.slice(at % (b.text.length + 1))),
  fc.array(noise, { maxLength: 6 }).map((parts) => parts.join('')),
);

// ownStrings skips the copy and the second regex run: it must give the same event, field for field.
test('records from a reader thread, kept as they are, give the same events as records detached from their chunk', (t) => {
  const detaching = createRecogniser(RECOGNISERS);
  const keeping = createRecogniser(RECOGNISERS, undefined, { ownStrings: true });
  fc.assert(
    fc.property(text, fc.option(fc.constantFrom(...loggers), { nil: null }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }), (s, logger, extra) => {
      const r = rec(0, logger as string, s, { logger, extra });
      const [crossed] = acrossThreads([r]);
      t.deepEqual(seen(keeping(crossed as LogRecord)), seen(detaching(r)));
    }),
    { numRuns: 5_000 },
  );
  for (const { text: s, logger } of samples) {
    const r = rec(0, logger, s);
    const got = keeping(acrossThreads([r])[0] as LogRecord);
    t.not(got, null, s);
    t.deepEqual(seen(got), seen(detaching(r)), s);
  }
});

// Why keeping them is safe: the structured clone made the strings afresh, so a kept record holds
// none of the chunk its strings were cut from on the reader thread.
test('recognised records from a reader thread do not keep the read chunk they were cut from', (t) => {
  const row = RECOGNISERS.find((r) => r.loggers[0]?.startsWith('cinder.') && r.samples.length > 0);
  if (row === undefined) return t.fail('no cinder row with a sample');
  const sample = row.samples[0] as string;
  const recognise = createRecogniser(RECOGNISERS, undefined, { ownStrings: true });
  const kept: Event[] = [];
  const CHUNK_CHARS = 4 * 1024 * 1024;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 16; i++) {
    const chunk = `${'x'.repeat(CHUNK_CHARS / 2)}${i}\n${sample}\n${'y'.repeat(CHUNK_CHARS / 2)}`;
    const at = chunk.indexOf(sample);
    const records = acrossThreads([rec(i, row.loggers[0] as string, chunk.slice(at, at + sample.length), { requestId: chunk.slice(at, at + 20), host: chunk.slice(at - 30, at) })]);
    const event = recognise(records[0] as LogRecord);
    if (event === null) return t.fail(`row ${row.id} did not recognise its own sample`);
    kept.push(event);
  }
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  t.is<string | undefined, string>(kept[0]?.record.text, sample);
  t.true(retained < 8 * 1024 * 1024, `${(retained / 1048576).toFixed(1)} MiB still live after 16 recognised records`);
});
