import type { LogRecord } from '../../model/log-record.ts';
import type { Event } from '../../recognise/event.ts';
import { createStringTable } from './string-table.ts';

/**
 * A job's records as they cross to the main thread. Structured-cloning every record costs more than
 * decoding it (test/bench/HISTORY.md), so a record no recogniser matched travels as what the
 * reducer reads of it: its time in a Float64Array, and its line, host, identifier, logger, request
 * id and global request id in an Int32Array, the strings as indices into a table of the batch's
 * distinct strings; both arrays are transferred, not copied. Recognised records (a few in a
 * thousand) travel whole, with their event.
 */
export interface CompactBatch {
  readonly count: number;
  readonly times: Float64Array;
  /** Per record FIELDS ints: line, then string indices (-1: null). */
  readonly ints: Int32Array;
  readonly strings: string[];
  /** Recognised records: position in the batch and the event (its record is the record). */
  readonly known: { readonly at: number; readonly event: Event }[];
  /** Text of the first unrecognised records (for --diagnostics), by position. */
  readonly texts: { readonly at: number; readonly text: string }[];
}

const FIELDS = 6;

/** Collects records into CompactBatch form (in a worker). */
export function createBatchWriter(capacity: number) {
  let times = new Float64Array(capacity);
  let ints = new Int32Array(capacity * FIELDS);
  let table = createStringTable();
  let known: CompactBatch['known'] = [];
  let texts: CompactBatch['texts'] = [];
  let n = 0;
  const str = (s: string | null): number => table.indexOf(s);
  return {
    get count() {
      return n;
    },
    /** Adds a record; `event` when recognised; `text` true to keep an unrecognised record's text. */
    add(r: LogRecord, event: Event | null, text: boolean) {
      if (event !== null) known.push({ at: n, event });
      else {
        if (text) texts.push({ at: n, text: r.text });
        times[n] = r.time ?? Number.NaN;
        const o = n * FIELDS;
        ints[o] = r.line;
        ints[o + 1] = str(r.host);
        ints[o + 2] = str(r.ident);
        ints[o + 3] = str(r.logger);
        ints[o + 4] = str(r.requestId);
        ints[o + 5] = str(r.globalRequestId);
      }
      n++;
    },
    /** The batch so far (its arrays to transfer), and a fresh one started. */
    take(): { batch: CompactBatch; transfer: ArrayBuffer[] } {
      const batch: CompactBatch = { count: n, times, ints, strings: table.strings, known, texts };
      times = new Float64Array(capacity);
      ints = new Int32Array(capacity * FIELDS);
      table = createStringTable();
      known = [];
      texts = [];
      n = 0;
      return { batch, transfer: [batch.times.buffer as ArrayBuffer, batch.ints.buffer as ArrayBuffer] };
    },
  };
}

/** Marks a record the recogniser already saw (in a worker): its event, or null for none. */
export const RECOGNISED = Symbol('recognised');
export type PreRecognised = LogRecord & { [RECOGNISED]?: Event | null };

const NO_EXTRA: readonly string[] = Object.freeze([]);

/**
 * The records of a batch (on the main thread), lines moved by `lineOffset`. An unrecognised record
 * carries only what the reducer reads of it (see CompactBatch); its other fields are null, its
 * text empty unless kept for --diagnostics.
 */
export function readBatch(b: CompactBatch, input: string, lineOffset: number): PreRecognised[] {
  const out: PreRecognised[] = new Array<PreRecognised>(b.count);
  const s = (i: number): string | null => (i < 0 ? null : (b.strings[i] as string));
  let k = 0;
  let t = 0;
  for (let i = 0; i < b.count; i++) {
    const known = b.known[k];
    if (known !== undefined && known.at === i) {
      k++;
      const r = known.event.record as PreRecognised & { line: number };
      r.line += lineOffset;
      r[RECOGNISED] = known.event;
      out[i] = r;
      continue;
    }
    const text = b.texts[t];
    let textOf = '';
    if (text !== undefined && text.at === i) {
      t++;
      textOf = text.text;
    }
    const o = i * FIELDS;
    const time = b.times[i] as number;
    out[i] = {
      input,
      line: (b.ints[o] as number) + lineOffset,
      time: Number.isNaN(time) ? null : time,
      bootId: null,
      host: s(b.ints[o + 1] as number),
      ident: s(b.ints[o + 2] as number),
      unit: null,
      pid: null,
      codePid: null,
      level: null,
      logger: s(b.ints[o + 3] as number),
      globalRequestId: s(b.ints[o + 5] as number),
      requestId: s(b.ints[o + 4] as number),
      user: null,
      project: null,
      func: null,
      text: textOf,
      extra: NO_EXTRA,
      [RECOGNISED]: null,
    };
  }
  return out;
}
