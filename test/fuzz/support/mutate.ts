import fc from 'fast-check';
import { splitLines } from './entries.ts';

/** Bytes that break parsers and terminals: NUL, escape sequences, C1 CSI, bidi override, invalid UTF-8 … */
export const NASTY: readonly Buffer[] = [
  Buffer.from([0]),
  Buffer.from('\x1b[2J'),
  Buffer.from('\x1b]0;pwned\x07'),
  Buffer.from('\u009b31m'),
  Buffer.from('\u202e'),
  Buffer.from('\r'),
  Buffer.from('\t'),
  Buffer.from([0xc3, 0x28]), // invalid UTF-8
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate encoded as UTF-8 (invalid)
  Buffer.from('"'),
  Buffer.from('\\'),
  Buffer.from('{'),
  Buffer.from('\n'),
  Buffer.from([0x1e]), // json-seq record separator
];

export type Mutation =
  | { readonly kind: 'truncate'; readonly line: number; readonly at: number }
  | { readonly kind: 'flip'; readonly line: number; readonly at: number; readonly bit: number }
  | { readonly kind: 'insert'; readonly line: number; readonly at: number; readonly what: number }
  | { readonly kind: 'double'; readonly line: number }
  | { readonly kind: 'drop'; readonly line: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), line: fc.nat(), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), at: fc.nat(), what: fc.nat({ max: NASTY.length - 1 }) }),
  fc.record({ kind: fc.constant('double' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
);

/** Applies the mutations to the lines of `data` (each line keeps its `\n`, truncation may cut it). */
export function mutate(data: Buffer, mutations: readonly Mutation[]): Buffer {
  const lines = splitLines(data);
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.line % lines.length;
    const line = lines[i] as Buffer;
    switch (m.kind) {
      case 'truncate':
        lines[i] = line.subarray(0, m.at % (line.length + 1));
        break;
      case 'flip': {
        if (line.length === 0) break;
        const copy = Buffer.from(line);
        const at = m.at % copy.length;
        copy[at] = (copy[at] ?? 0) ^ (1 << m.bit);
        lines[i] = copy;
        break;
      }
      case 'insert': {
        const at = m.at % (line.length + 1);
        lines[i] = Buffer.concat([line.subarray(0, at), NASTY[m.what] as Buffer, line.subarray(at)]);
        break;
      }
      case 'double':
        lines.splice(i, 0, line);
        break;
      case 'drop':
        lines.splice(i, 1);
        break;
    }
  }
  return Buffer.concat(lines);
}

/** A line of garbage: random bytes or text, broken JSON, escape sequences; never a line break. */
export const garbageArb: fc.Arbitrary<Buffer> = fc
  .oneof(
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((s) => Buffer.from(s)),
    fc.constantFrom(
      '{"MESSAGE": "cut in half',
      '{"MESSAGE": 42, "__REALTIME_TIMESTAMP": "1"}',
      '{"MESSAGE": [27, 91, 50, 74, 300], "_HOSTNAME": "x"}',
      '[]',
      'null',
      '\x1b]0;pwned\x07\x1b[2J',
      '\u202eevil\u202c',
      '\x00\x00\x00\x00',
      // Cut before the end of the prefix: a line with a whole timestamp is a record, and one from
      // another year moves log time (test/adversarial/time-faults.test.ts covers clock jumps).
      'Mar 22 09:01',
      '2026-03-22 09:0',
    ).map((s) => Buffer.from(s)),
  )
  // A line break would make two lines; an indented line is by definition a continuation of the line before.
  .map((b) => Buffer.from(b.filter((c) => c !== 10 && c !== 13)))
  .filter((b) => b.length > 0 && b[0] !== 0x20 && b[0] !== 0x09);

/** A small seeded PRNG (for shuffles drawn from one fast-check integer, which then shrinks well). */
export function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}
