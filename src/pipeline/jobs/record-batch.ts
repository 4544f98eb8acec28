import { NO_EXTRA } from '../../input/mutable-record.ts';
import type { Level, LogRecord } from '../../model/log-record.ts';
import { createStringTable } from './string-table.ts';

/**
 * Whole records as they cross from a reader thread to the main thread. Structured-cloning record
 * objects costs more than decoding them (test/bench/HISTORY.md), so a batch travels as arrays:
 * numbers in a Float64Array, line, flags and the repeated strings (host, identifier, unit, level,
 * logger, request ids, …) as indices into a table of the batch's distinct strings in an
 * Int32Array, both transferred, not copied; the texts as one array of strings; the folded lines
 * only where there are some. readRecordBatch gives back records equal to the ones written, field
 * for field (test/pipeline/record-batch.test.ts), except that a prefiltered record comes without
 * its text and folded lines: nothing reads them (it is never recognised; only an event's record is
 * read for its text), and they are 40 % of the bench journal's text bytes.
 */
export interface RecordBatch {
  readonly count: number;
  /** Per record: time, pid, codePid (null when flagged in `ints`). */
  readonly nums: Float64Array;
  /** Per record: line, flags, then STRING_FIELDS as string indices (-1: null). */
  readonly ints: Int32Array;
  readonly strings: string[];
  readonly texts: string[];
  /** Folded lines of the records that have some, by position. */
  readonly extras: { readonly at: number; readonly lines: readonly string[] }[];
}

const STRING_FIELDS = ['bootId', 'host', 'ident', 'unit', 'level', 'logger', 'globalRequestId', 'requestId', 'user', 'project', 'func'] as const;
const NUMS = 3;
const INTS = 2 + STRING_FIELDS.length;
/** flags bits: the record is prefiltered (see LogRecord.prefiltered); its time, pid, codePid is null. */
const PREFILTERED = 1;
const NULL_TIME = 2;
const NULL_PID = 4;
const NULL_CODE_PID = 8;

/** A batch of `records` and the buffers to transfer with it. */
export function writeRecordBatch(records: readonly LogRecord[]): { batch: RecordBatch; transfer: ArrayBuffer[] } {
  const n = records.length;
  const nums = new Float64Array(n * NUMS);
  const ints = new Int32Array(n * INTS);
  const table = createStringTable();
  const texts: string[] = new Array<string>(n);
  const extras: RecordBatch['extras'] = [];
  for (let k = 0; k < n; k++) {
    const r = records[k] as LogRecord;
    let flags = r.prefiltered === true ? PREFILTERED : 0;
    if (r.time === null) flags |= NULL_TIME;
    else nums[k * NUMS] = r.time;
    if (r.pid === null) flags |= NULL_PID;
    else nums[k * NUMS + 1] = r.pid;
    if (r.codePid === null) flags |= NULL_CODE_PID;
    else nums[k * NUMS + 2] = r.codePid;
    const o = k * INTS;
    ints[o] = r.line;
    ints[o + 1] = flags;
    for (let f = 0; f < STRING_FIELDS.length; f++) ints[o + 2 + f] = table.indexOf(r[STRING_FIELDS[f] as (typeof STRING_FIELDS)[number]]);
    texts[k] = r.prefiltered === true ? '' : r.text;
    if (r.extra.length > 0 && r.prefiltered !== true) extras.push({ at: k, lines: r.extra });
  }
  return { batch: { count: n, nums, ints, strings: table.strings, texts, extras }, transfer: [nums.buffer as ArrayBuffer, ints.buffer as ArrayBuffer] };
}

/** The records of a batch (on the main thread), as they were written, with `input` as their input name. */
export function readRecordBatch(b: RecordBatch, input: string): LogRecord[] {
  const out: LogRecord[] = new Array<LogRecord>(b.count);
  const { nums, ints, strings } = b;
  const s = (i: number): string | null => (i < 0 ? null : (strings[i] as string));
  let e = 0;
  for (let k = 0; k < b.count; k++) {
    const o = k * INTS;
    const flags = ints[o + 1] as number;
    let extra: readonly string[] = NO_EXTRA;
    const ex = b.extras[e];
    if (ex !== undefined && ex.at === k) {
      extra = ex.lines;
      e++;
    }
    out[k] = {
      input,
      line: ints[o] as number,
      time: flags & NULL_TIME ? null : (nums[k * NUMS] as number),
      bootId: s(ints[o + 2] as number),
      host: s(ints[o + 3] as number),
      ident: s(ints[o + 4] as number),
      unit: s(ints[o + 5] as number),
      pid: flags & NULL_PID ? null : (nums[k * NUMS + 1] as number),
      codePid: flags & NULL_CODE_PID ? null : (nums[k * NUMS + 2] as number),
      level: s(ints[o + 6] as number) as Level | null,
      logger: s(ints[o + 7] as number),
      globalRequestId: s(ints[o + 8] as number),
      requestId: s(ints[o + 9] as number),
      user: s(ints[o + 10] as number),
      project: s(ints[o + 11] as number),
      func: s(ints[o + 12] as number),
      text: b.texts[k] as string,
      extra,
      prefiltered: (flags & PREFILTERED) !== 0,
    };
  }
  return out;
}
