import test from 'ava';
import fc from 'fast-check';
import split2 from 'split2';
import { createBoundedLineSplitter } from '../../src/input/create-bounded-line-splitter.ts';

// The pipeline's line splitter replaced split2 for speed; it must give split2's lines, and split2's
// overflow flag after every chunk (the pipeline counts skipped over-long lines from it), for any
// input and any chunking: \r\n and multi-byte characters split across chunks, over-long lines
// ending inside a later chunk or at the end of input.

interface Trace {
  lines: string[];
  overflow: boolean[];
}

async function viaSplit2(chunks: Buffer[], maxLength: number): Promise<Trace> {
  const lines: string[] = [];
  const overflow: boolean[] = [];
  const s = split2(/\r?\n/, (line: string) => {
    lines.push(line);
    return undefined;
  }, { maxLength, skipOverflow: true } as never);
  for (const c of chunks) {
    s.write(c);
    overflow.push((s as unknown as { overflow: boolean }).overflow);
  }
  await new Promise<void>((resolve) => {
    s.on('finish', () => resolve());
    s.end();
    s.resume();
  });
  return { lines, overflow };
}

function viaSplitter(chunks: Buffer[], maxLength: number): Trace {
  const lines: string[] = [];
  const overflow: boolean[] = [];
  const s = createBoundedLineSplitter(maxLength, (line) => lines.push(line));
  for (const c of chunks) {
    s.write(c);
    overflow.push(s.overflow);
  }
  s.end();
  return { lines, overflow };
}

const piece = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', 'é', '€', '😀', '\xff', 'a', ' ', '-- Boot x --'),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[a-z]{10,40}$/),
);

test('same lines and overflow flags as split2 for any text and chunking', async (t) => {
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), async (pieces, sizes, maxLength, rawBytes) => {
      let data = Buffer.from(pieces.join(''), 'utf8');
      // Also invalid UTF-8: a multi-byte character cut short before a newline.
      if (rawBytes) data = Buffer.concat([data, Buffer.from([0xe2, 0x82, 0x0a, 0xc3])]);
      const chunks: Buffer[] = [];
      for (let at = 0, i = 0; at < data.length; i++) {
        const n = sizes[i % sizes.length] as number;
        chunks.push(data.subarray(at, at + n));
        at += n;
      }
      t.deepEqual(viaSplitter(chunks, maxLength), await viaSplit2(chunks, maxLength));
    }),
    { numRuns: 2000 },
  );
});

test('an over-long line is skipped and the next one kept', (t) => {
  const trace = viaSplitter([Buffer.from('ok\nxxxxxxxx'), Buffer.from('xxxx'), Buffer.from('xx\nnext\n')], 5);
  t.deepEqual(trace, { lines: ['ok', 'next'], overflow: [true, true, false] });
});
