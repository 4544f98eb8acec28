// A RecordBatch (src/pipeline/jobs/record-batch.ts) carries records from the reader thread to the
// main thread: what comes out after a transfer must equal what went in, field for field.
import { readFileSync } from 'node:fs';
import test from 'ava';
import fc from 'fast-check';
import { createPrefilter } from '../../src/recognise/create-prefilter.ts';
import { createRowFinder } from '../../src/recognise/create-row-finder.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import type { Level, LogRecord } from '../../src/model/log-record.ts';
import { readRecordBatch, writeRecordBatch } from '../../src/pipeline/jobs/record-batch.ts';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { sampleFiles } from '../helpers/sample-files.ts';
import { detectFormat } from '../../src/input/detect-format.ts';

/** Through a real transfer, as postMessage does it (the typed arrays' buffers are moved, the rest cloned). */
function roundTrip(records: readonly LogRecord[], input: string): LogRecord[] {
  const { batch, transfer } = writeRecordBatch(records);
  const moved = structuredClone(batch, { transfer });
  assertMoved(transfer);
  return readRecordBatch(moved, input);
}
const assertMoved = (buffers: ArrayBuffer[]) => {
  for (const b of buffers) if (b.byteLength !== 0) throw new Error('a buffer was copied, not transferred');
};

const plain = (r: LogRecord) => ({ ...r, extra: [...r.extra] });
/** What a batch carries of a record: a prefiltered record without its text and folded lines (nothing reads them). */
const carried = (r: LogRecord) => (r.prefiltered === true ? { ...r, text: '', extra: [] } : plain(r));

const str = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const recordArb: fc.Arbitrary<LogRecord> = fc.record({
  input: fc.constant('in'),
  line: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  time: fc.option(fc.double(), { nil: null }),
  bootId: str,
  host: fc.option(fc.constantFrom('h1', 'h2', 'cvol'), { nil: null }),
  ident: str,
  unit: str,
  pid: fc.option(fc.oneof(fc.integer({ min: 0, max: 4_194_304 }), fc.double()), { nil: null }),
  codePid: fc.option(fc.integer({ min: 0, max: 4_194_304 }), { nil: null }),
  level: fc.option(fc.constantFrom<Level>('DEBUG', 'INFO', 'WARNING', 'ERROR'), { nil: null }),
  logger: str,
  globalRequestId: str,
  requestId: fc.option(fc.constantFrom('req-1', 'req-2', ''), { nil: null }),
  user: str,
  project: str,
  func: str,
  text: fc.string({ maxLength: 40, unit: 'binary' }),
  extra: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  prefiltered: fc.boolean(),
});

test('any records come out of a transferred batch as they went in (nulls, NaN, empty strings, repeated and non-integer values, folded lines), prefiltered ones without text', (t) => {
  fc.assert(
    fc.property(fc.array(recordArb, { maxLength: 40 }), (records) => {
      t.deepEqual(roundTrip(records, 'in').map(plain), records.map(carried));
    }),
    { numRuns: 300, seed: 20261206 },
  );
});

test('the records of every sample, decoded with the prefilter, come out of a batch as they went in, prefiltered ones without text', (t) => {
  const mayMatch = createPrefilter(createRowFinder(RECOGNISERS));
  let n = 0;
  for (const f of sampleFiles()) {
    const buf = readFileSync(f);
    const format = detectFormat(buf);
    if (format === null) continue;
    const { records } = decodeBuffer(buf, { input: f, format, year: 2026, zone: 'UTC', mayMatch });
    t.deepEqual(roundTrip(records, f).map(plain), records.map(carried), f);
    n += records.length;
  }
  t.true(n > 1000, `${n} records compared`);
});
