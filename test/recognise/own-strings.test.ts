import test from 'ava';
import fc from 'fast-check';
import type { LogRecord } from '../../src/model/log-record.ts';
import { readRecordBatch, writeRecordBatch } from '../../src/pipeline/jobs/record-batch.ts';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import type { Event } from '../../src/recognise/event.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { rec } from '../helpers/records.ts';

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

// ownStrings skips the copies (that they are not needed: chunk-retention.test.ts): it must give
// the same event, field for field.
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
