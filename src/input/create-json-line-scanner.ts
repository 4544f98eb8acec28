import type { FieldGetter } from './journal-entry-to-record.ts';

/**
 * The `-o json` fast path: reads the fields of one journal entry from its raw line without
 * `JSON.parse`, when the line has the shape journalctl writes, and says whether it did; any other
 * line is left to `JSON.parse` (createJsonEntryHandler), so nothing changes but the cost.
 *
 * Why. `JSON.parse` of every line was half the decoder's time on the bench journal (0.6 of 1.1
 * CPU s; 7 µs a 1.5 KB line): it builds an object of some thirty fields and, for a coloured line
 * (every devstack line is a byte-array `MESSAGE`), an array of hundreds of numbers that was then
 * checked and copied twice, only for the prefilter (createPrefilter) to rule out 99 % of the
 * records. What the rest of the pipeline needs of every record (see createPrefilter and
 * test/bench/HISTORY.md) is a dozen fields: time, host, identifier, PID, unit and boot id (the
 * reducer's clock, the record assembler's streams) and the level, logger, request ids and text of
 * its `MESSAGE` (folding, the preflow, the prefilter's test, the recognisers). This scan validates
 * the line and notes where each value is; journalEntryToRecord then asks for those dozen fields
 * and only they are cut out or decoded. Whether a record can matter is then decided exactly as for
 * a parsed line, by the prefilter on its logger and text: a raw-line test of the table's literals
 * was measured at 4 µs a line (HISTORY.md, 2026-12-06), and a byte-array `MESSAGE` must be read
 * digit by digit anyway to know the line is valid, which decodes it at no extra cost.
 *
 * The shape claimed, checked byte by byte on the line written out as UTF-8 (natively, at several
 * GB/s; a typed array reads 3-4× faster than `charCodeAt` on a line cut from a read chunk):
 * - `{"key":value,"key":value…}`, nothing before or after, no whitespace, at least one field;
 * - keys without a backslash or control character (an escaped key could spell a field's name);
 * - values: strings without a control character and with JSON's escapes only (`\"` `\\` `\/`
 *   `\b` `\f` `\n` `\r` `\t`, `\u` and four hex digits), or non-empty arrays of decimal bytes
 *   0-255 without leading zeros, signs, fractions or spaces (what journalctl writes for a
 *   byte-array field). Numbers, `null`, `true`, objects, nested arrays and arrays of strings (a
 *   repeated field) are not claimed; nor is a line with a raw control character (invalid JSON; a
 *   colourised journalctl's ANSI escapes, which createJsonEntryHandler strips before parsing).
 * Such a line is valid JSON, so `JSON.parse` would not have counted it malformed, and
 * `JSON.parse(line)[name]` is exactly that string (its raw text, or for a string with escapes
 * `JSON.parse` of that string alone) or those bytes: `get` returns what decodeFieldValue makes of
 * it (the string; the bytes decoded as UTF-8 by the same decoder as `Buffer.from(array)`), and the
 * last of duplicated keys as `JSON.parse` does. So the record built from `get` is the record built
 * from `JSON.parse`, field for field, and every count, fold and diagnostic that follows is the
 * same. test/input/json-line-scanner.test.ts checks `get` against `JSON.parse` on random and
 * mutated lines, test/pipeline/prefilter.test.ts the whole pipeline against `--diagnostics`
 * (which parses every line: the scanner is used only with the prefilter on).
 */
export interface JsonLineScanner {
  /** Scans one line (the JSON text of one entry); false when it is not in the simple shape. */
  scan(line: string): boolean;
  /**
   * A field of the line last scanned with success, as decodeFieldValue(JSON.parse(line)[name]).
   * `name` is a journal field name: ASCII (journald allows uppercase letters, digits and `_`).
   */
  readonly get: FieldGetter;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** String.prototype.isWellFormed (Node 20; not yet in this TypeScript lib): no lone surrogate. */
const isWellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

export function createJsonLineScanner(): JsonLineScanner {
  let line = '';
  /** The line as UTF-8 (written natively at several GB/s; a typed array reads 3-4× faster than charCodeAt). */
  let utf8 = Buffer.allocUnsafe(1 << 16);
  let ascii = true;
  let fields = 0;
  /** Per field: where its key starts in `utf8`, the key's length, its value (see `from`/`to`). */
  let keyAt: Int32Array = new Int32Array(64);
  let keyLength: Int32Array = new Int32Array(64);
  /** A string value is utf8[from, to); a byte array is bytes[-from - 1, to). */
  let from: Int32Array = new Int32Array(64);
  let to: Int32Array = new Int32Array(64);
  /** 0 for a string value with an escape, decoded by `JSON.parse` of that string alone when asked for. */
  let unescaped = new Uint8Array(64);
  let escaped = false;
  /** The values of the line's byte arrays, one after the other. */
  let bytes = Buffer.allocUnsafe(1 << 16);
  let byteCount = 0;

  const grow = (): void => {
    const n = keyAt.length * 2;
    const more = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    keyAt = more(keyAt);
    keyLength = more(keyLength);
    from = more(from);
    to = more(to);
    const u = new Uint8Array(n);
    u.set(unescaped);
    unescaped = u;
  };

  /**
   * The index of the `"` ending the string whose text starts at `p`, or -1: a control character,
   * no end, or (unless `escapes`) a backslash. With `escapes`, each escape must be one of JSON's
   * (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u` and four hex digits) and `escaped` is set.
   */
  const stringEnd = (b: Buffer, p: number, end: number, escapes: boolean): number => {
    for (; p < end; p++) {
      const c = b[p] as number;
      if (c === 34) return p;
      if (c < 32) return -1;
      if (c !== 92) continue;
      if (!escapes) return -1;
      escaped = true;
      const e = b[p + 1] as number;
      if (e === 117) {
        if (p + 5 >= end || !isHex(b[p + 2] as number) || !isHex(b[p + 3] as number) || !isHex(b[p + 4] as number) || !isHex(b[p + 5] as number)) return -1;
        p += 5;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) p++;
      else return -1;
    }
    return -1;
  };

  /**
   * Reads decimal bytes 0-255 without leading zeros, separated by commas, from `p` (after the `[`)
   * into `bytes`; the index of the `]` that ends them, or -1 for anything else.
   */
  const byteArray = (b: Buffer, p: number, end: number): number => {
    // Room for every byte the array could hold (at most one per two characters), so the loop
    // below runs on locals without a bound check of its own.
    if (bytes.length < byteCount + (end - p + 1) / 2) {
      const bigger = Buffer.allocUnsafe(Math.max(bytes.length * 2, byteCount + end - p));
      bytes.copy(bigger, 0, 0, byteCount);
      bytes = bigger;
    }
    const out = bytes;
    let n = byteCount;
    for (;;) {
      let c = b[p] as number;
      if (!isDigit(c)) return -1;
      let v = c - 48;
      p++;
      if (v !== 0) {
        c = b[p] as number;
        if (isDigit(c)) {
          v = v * 10 + c - 48;
          p++;
          c = b[p] as number;
          if (isDigit(c)) {
            v = v * 10 + c - 48;
            p++;
            if (v > 255) return -1;
          }
        }
      }
      out[n++] = v;
      if (p >= end) return -1;
      c = b[p] as number;
      if (c === 93) {
        byteCount = n;
        return p;
      }
      if (c !== 44) return -1; // a fourth digit, a leading zero, a sign, a fraction, a space …
      p++;
    }
  };

  const keyIs = (i: number, name: string): boolean => {
    const at = keyAt[i] as number;
    for (let k = 0; k < name.length; k++) if (utf8[at + k] !== name.charCodeAt(k)) return false;
    return true;
  };

  const get: FieldGetter = (name) => {
    for (let i = fields - 1; i >= 0; i--) {
      if (keyLength[i] !== name.length || !keyIs(i, name)) continue;
      const a = from[i] as number;
      const b = to[i] as number;
      if (a < 0) return bytes.toString('utf8', -a - 1, b);
      if (unescaped[i] === 1) return ascii ? line.slice(a, b) : utf8.toString('utf8', a, b);
      // The string with its quotes is valid JSON on its own (checked): the same value as in the line.
      return JSON.parse(ascii ? line.slice(a - 1, b + 1) : utf8.toString('utf8', a - 1, b + 1)) as string;
    }
    return undefined;
  };

  return {
    scan(s) {
      if (s.length < 2) return false;
      if (utf8.length < s.length * 3) utf8 = Buffer.allocUnsafe(s.length * 3);
      const b = utf8;
      const end = b.write(s, 0, 'utf8') - 1;
      if (b[0] !== 123 || b[end] !== 125) return false;
      ascii = end + 1 === s.length;
      // A lone surrogate would not survive the trip through UTF-8 (lines decoded from UTF-8 have none).
      if (!ascii && !isWellFormed(s)) return false;
      line = s;
      fields = 0;
      byteCount = 0;
      let p = 1;
      for (;;) {
        if (b[p] !== 34) return false;
        // A key with an escape might spell a field's name otherwise: not claimed (never seen).
        const keyEnd = stringEnd(b, p + 1, end, false);
        if (keyEnd < 0 || b[keyEnd + 1] !== 58) return false;
        if (fields === keyAt.length) grow();
        keyAt[fields] = p + 1;
        keyLength[fields] = keyEnd - p - 1;
        const v = keyEnd + 2;
        const c = b[v];
        let after: number;
        if (c === 34) {
          escaped = false;
          const valueEnd = stringEnd(b, v + 1, end, true);
          if (valueEnd < 0) return false;
          unescaped[fields] = escaped ? 0 : 1;
          from[fields] = v + 1;
          to[fields] = valueEnd;
          after = valueEnd + 1;
        } else if (c === 91) {
          const first = byteCount;
          const close = byteArray(b, v + 1, end);
          if (close < 0) return false;
          unescaped[fields] = 1;
          from[fields] = -first - 1;
          to[fields] = byteCount;
          after = close + 1;
        } else return false;
        fields++;
        const d = b[after];
        if (d === 44) p = after + 1;
        else return d === 125 && after === end;
      }
    },
    get,
  };
}
