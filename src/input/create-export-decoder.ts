import type { LogRecord } from '../model/log-record.ts';
import type { BytesDecoder } from './bytes-decoder.ts';
import type { DecoderContext } from './decoder-context.ts';
import { journalEntryToRecord, type FieldGetter } from './journal-entry-to-record.ts';
import { JOURNAL_FIELD_NAMES } from './journal-field-names.ts';
import { MAX_EXPORT_FIELD } from './limits.ts';
import { newRecord } from './mutable-record.ts';

/** Reading a field line: `NAME=value\n`, `NAME\n` (binary follows) or `\n` (end of entry). */
const LINE = 0;
/** Reading the 8-byte little-endian length of a binary field. */
const LENGTH = 1;
/** Reading a binary payload that is kept. */
const DATA = 2;
/** Skipping a binary payload that is not needed. */
const SKIP = 3;
/** Expecting the `\n` after a binary payload. */
const TRAILER = 4;
/** After an error: skipping to the next empty line (entry boundary). */
const RESYNC = 5;

/** `[A-Za-z_][A-Za-z0-9_]*`, 1-255 bytes: a journal field name. */
function validName(buf: Buffer, a: number, b: number): boolean {
  if (b <= a || b - a > 255) return false;
  for (let i = a; i < b; i++) {
    const c = buf[i] ?? 0;
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (i > a && c >= 48 && c <= 57);
    if (!ok) return false;
  }
  return true;
}

/**
 * The journal export format (`journalctl -o export`), binary-safe and independent of chunking:
 * `NAME=value\n` text fields, `NAME\n` + u64le length + bytes + `\n` binary fields, an empty line
 * ends the entry. A bad field makes the entry malformed and decoding resumes at the next entry
 * boundary. Stats count entries; the origin line is the 1-based entry number.
 */
export function createExportDecoder(ctx: DecoderContext): BytesDecoder {
  const { input, stats, sink, assembler } = ctx;
  let state: number = LINE;
  let lineParts: Buffer[] = [];
  let lineLen = 0;
  const lenBuf = Buffer.alloc(8);
  let lenHave = 0;
  let fieldName = '';
  let data: Buffer = Buffer.alloc(0);
  let dataHave = 0;
  let skipLeft = 0;
  let keeping = false;
  let prevNl = false;
  const fields = new Map<string, string>();
  let inEntry = false;
  let entryNo = 0;
  const get: FieldGetter = (name) => fields.get(name);

  const beginEntry = (): void => {
    if (!inEntry) {
      inEntry = true;
      entryNo += 1;
    }
  };

  const fail = (code: string, message: string, afterNewline: boolean): void => {
    beginEntry();
    stats.read += 1;
    stats.malformed += 1;
    sink.report('warning', code, message, entryNo);
    fields.clear();
    inEntry = false;
    lineParts = [];
    lineLen = 0;
    state = RESYNC;
    prevNl = afterNewline;
  };

  const endEntry = (out: LogRecord[]): void => {
    if (!inEntry) {
      // An empty line with no fields before it: an empty entry.
      entryNo += 1;
      stats.read += 1;
      stats.blank += 1;
      return;
    }
    inEntry = false;
    stats.read += 1;
    const message = fields.get('MESSAGE');
    if (message === undefined) {
      stats.blank += 1;
      fields.clear();
      return;
    }
    const rec = newRecord(input, entryNo);
    const kind = journalEntryToRecord(get, message, rec, ctx.mayMatch);
    fields.clear();
    assembler.entry(rec, kind, out);
  };

  /** A complete field line `buf[a..b)` (without its `\n`). */
  const fieldLine = (buf: Buffer, a: number, b: number, out: LogRecord[]): void => {
    if (a === b) {
      endEntry(out);
      return;
    }
    beginEntry();
    // Look for '=' only where a field name can be, not through the rest of the chunk.
    let eq = -1;
    const limit = Math.min(b, a + 257);
    for (let i = a; i < limit; i++) {
      if (buf[i] === 61) {
        eq = i;
        break;
      }
    }
    if (eq >= 0) {
      if (!validName(buf, a, eq)) {
        fail('malformed-export', 'Skipped an export entry with an invalid field name: check that the input is "journalctl -o export" output', true);
        return;
      }
      const name = buf.toString('latin1', a, eq);
      if (JOURNAL_FIELD_NAMES.has(name) && !fields.has(name)) fields.set(name, buf.toString('utf8', eq + 1, b));
      return;
    }
    if (!validName(buf, a, b)) {
      fail('malformed-export', 'Skipped an export entry with a line that is not a field: check that the input is "journalctl -o export" output', true);
      return;
    }
    fieldName = buf.toString('latin1', a, b);
    lenHave = 0;
    state = LENGTH;
  };

  return {
    bytes(chunk: Buffer, out: LogRecord[]): void {
      let i = 0;
      const n = chunk.length;
      while (i < n) {
        switch (state) {
          case LINE: {
            const nl = chunk.indexOf(10, i);
            if (nl < 0) {
              lineParts.push(chunk.subarray(i));
              lineLen += n - i;
              i = n;
              if (lineLen > MAX_EXPORT_FIELD) {
                fail('export-field-too-large', `Skipped an export entry with a line longer than ${MAX_EXPORT_FIELD} bytes`, false);
              }
              break;
            }
            if (lineParts.length === 0) {
              fieldLine(chunk, i, nl, out);
            } else {
              lineParts.push(chunk.subarray(i, nl));
              const whole = Buffer.concat(lineParts);
              lineParts = [];
              lineLen = 0;
              fieldLine(whole, 0, whole.length, out);
            }
            i = nl + 1;
            break;
          }
          case LENGTH: {
            const take = Math.min(8 - lenHave, n - i);
            chunk.copy(lenBuf, lenHave, i, i + take);
            lenHave += take;
            i += take;
            if (lenHave < 8) break;
            const len = lenBuf.readBigUInt64LE(0);
            if (len > BigInt(MAX_EXPORT_FIELD)) {
              fail(
                'export-field-too-large',
                `Skipped an export entry whose field "${fieldName}" declares ${len} bytes (more than ${MAX_EXPORT_FIELD}): the stream is corrupt or not an export stream`,
                false,
              );
              break;
            }
            const size = Number(len);
            keeping = JOURNAL_FIELD_NAMES.has(fieldName) && !fields.has(fieldName);
            if (keeping) {
              data = Buffer.allocUnsafe(size);
              dataHave = 0;
              state = size === 0 ? TRAILER : DATA;
            } else {
              skipLeft = size;
              state = size === 0 ? TRAILER : SKIP;
            }
            break;
          }
          case DATA: {
            const take = Math.min(data.length - dataHave, n - i);
            chunk.copy(data, dataHave, i, i + take);
            dataHave += take;
            i += take;
            if (dataHave === data.length) state = TRAILER;
            break;
          }
          case SKIP: {
            const take = Math.min(skipLeft, n - i);
            skipLeft -= take;
            i += take;
            if (skipLeft === 0) state = TRAILER;
            break;
          }
          case TRAILER: {
            if (chunk[i] !== 10) {
              fail('malformed-export', `Skipped an export entry whose binary field "${fieldName}" is not followed by a newline: its length is wrong`, false);
              break;
            }
            i += 1;
            if (keeping) fields.set(fieldName, data.toString('utf8'));
            keeping = false;
            data = Buffer.alloc(0);
            dataHave = 0;
            state = LINE;
            break;
          }
          case RESYNC: {
            while (i < n) {
              const b = chunk[i];
              i += 1;
              if (b === 10) {
                if (prevNl) {
                  state = LINE;
                  prevNl = false;
                  break;
                }
                prevNl = true;
              } else {
                prevNl = false;
              }
            }
            break;
          }
        }
      }
    },
    end(out: LogRecord[]): void {
      if (state === LINE && lineLen === 0) {
        if (inEntry) endEntry(out);
      } else if (state !== RESYNC) {
        fail('truncated-export-entry', 'Skipped the last export entry: the input ends in the middle of it', false);
      }
      assembler.flush(out);
    },
    flushHeld(out: LogRecord[]): void {
      assembler.flush(out);
    },
  };
}
