import test, { type ExecutionContext } from 'ava';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LogRecord } from '../../src/model/log-record.ts';
import { readRecordBatch, writeRecordBatch } from '../../src/pipeline/jobs/record-batch.ts';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import type { Event } from '../../src/recognise/event.ts';
import { rec } from '../helpers/records.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Recognises a cinder row's sample 16 times, each time in a record whose text, request id and host
 * are cut from a fresh 4 MiB chunk (the sample in the middle) and then handed over by `handOver`;
 * checks the events and that the chunks are not kept alive by them (16 × 4 MiB would be 64 MiB).
 */
function recogniseCutFromChunks(t: ExecutionContext, recognise: (r: LogRecord) => Event | null, handOver: (r: LogRecord) => LogRecord) {
  const row = RECOGNISERS.find((r) => r.loggers[0]?.startsWith('cinder.') && r.samples.length > 0);
  if (row === undefined) return t.fail('no cinder row with a sample');
  const sample = row.samples[0] as string;
  const kept: Event[] = [];
  const CHUNK_CHARS = 4 * 1024 * 1024;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 16; i++) {
    // A fresh 4 MiB one-byte string per round, the sample in the middle (a new chunk each time).
    const chunk = `${'x'.repeat(CHUNK_CHARS / 2)}${i}\n${sample}\n${'y'.repeat(CHUNK_CHARS / 2)}`;
    const at = chunk.indexOf(sample);
    const text = chunk.slice(at, at + sample.length);
    const event = recognise(handOver(rec(i, row.loggers[0] as string, text, { requestId: chunk.slice(at, at + 20), host: chunk.slice(at - 30, at) })));
    if (event === null) return t.fail(`row ${row.id} did not recognise its own sample`);
    kept.push(event);
  }
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  t.is(kept.length, 16);
  t.is<string | undefined, string>(kept[0]?.record.text, sample, 'same content');
  // 16 chunks of 4 MiB would be 64 MiB; the copies are a few kilobytes.
  t.true(retained < 8 * 1024 * 1024, `${(retained / 1048576).toFixed(1)} MiB still live after 16 recognised records`);
}

// What a decoder hands over: the record's strings are cut from the whole decoded read chunk.
// A recognised record is kept (by its flow, the image tracker, the timeline): it must not keep
// that chunk alive, or memory grows with the input (measured: 17 → 45 MB of live heap, 110 MB → 1 GB).
test('recognised records and their fields do not keep the read chunk they were cut from', (t) => {
  recogniseCutFromChunks(t, createRecogniser(RECOGNISERS), (r) => r);
});

// What a reader thread hands over (a batch written there, structured-cloned by postMessage, read
// here): ownStrings keeps such records as they are, which is safe because the structured clone made
// their strings afresh. (Fails when the records do not cross a structured clone.)
test('recognised records from a reader thread, kept as they are, do not keep the read chunk they were cut from', (t) => {
  const acrossThreads = (r: LogRecord) => readRecordBatch(structuredClone(writeRecordBatch([r]).batch), 'test')[0] as LogRecord;
  recogniseCutFromChunks(t, createRecogniser(RECOGNISERS, undefined, { ownStrings: true }), acrossThreads);
});
