import test from 'ava';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileByteSource } from '../../src/io/create-file-byte-source.ts';
import { readU64 } from '../../src/input/journal-file/read-u64.ts';

const BLOCK = 64 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'clonewatch-bytes-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

// 40 blocks and a bit: more than the 16 the cache keeps, so reads evict, re-read and hit the last block.
const data = randomBytes(40 * BLOCK + 1234);
const path = join(dir, 'f');
writeFileSync(path, data);

/** Positions near block boundaries and the end of the file (where the block arithmetic can go wrong) or anywhere. */
const position = fc.oneof(
  fc.integer({ min: 0, max: data.length + 16 }),
  fc.tuple(fc.integer({ min: 0, max: 41 }), fc.integer({ min: -9, max: 9 })).map(([b, d]) => Math.max(0, b * BLOCK + d)),
  fc.integer({ min: -20, max: 4 }).map((d) => Math.max(0, data.length + d)),
);
const op = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), pos: position, len: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 6 * BLOCK })) }),
  fc.record({ kind: fc.constant('u64' as const), pos: position }),
  fc.record({ kind: fc.constant('u8' as const), pos: position }),
);

test('every read, u64 and u8 answers what the file holds there, in any order of reads', (t) => {
  const fd = openSync(path, 'r');
  t.teardown(() => closeSync(fd));
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const src = createFileByteSource(fd, data.length);
      const kept: [Buffer, Buffer][] = [];
      for (const o of ops) {
        if (o.kind === 'read') {
          const got = src.read(o.pos, o.len);
          const want = data.subarray(Math.min(o.pos, data.length), Math.min(o.pos + o.len, data.length));
          if (!got.equals(want)) return false;
          kept.push([got, Buffer.from(want)]);
        } else if (o.kind === 'u64') {
          const want = o.pos + 8 <= data.length ? readU64(data, o.pos) : null;
          if (src.u64(o.pos) !== want) return false;
        } else if (src.u8(o.pos) !== (data[o.pos] ?? null)) return false;
      }
      // What a read returned stays valid after later reads (the entry reader relies on it).
      return kept.every(([got, want]) => got.equals(want));
    }),
    { numRuns: 300 },
  );
  t.pass();
});
