import test from 'ava';
import fc from 'fast-check';
import { createJsonLineScanner } from '../../src/input/create-json-line-scanner.ts';
import { decodeFieldValue } from '../../src/input/decode-field-value.ts';
import { samples } from '../fuzz/support/corpus.ts';
import { splitLines } from '../fuzz/support/entries.ts';
import { mutate, mutationArb } from '../fuzz/support/mutate.ts';

// The -o json fast path (createJsonLineScanner) reads an entry's fields without JSON.parse. Whatever
// line it claims must be valid JSON, and every field it returns must be what JSON.parse and
// decodeFieldValue give; lines it does not claim go to JSON.parse, so only the claims are checked.

const NAMES = ['MESSAGE', '_HOSTNAME', '_PID', 'SYSLOG_IDENTIFIER', '__REALTIME_TIMESTAMP', '_SOURCE_REALTIME_TIMESTAMP', 'LOGGER_NAME', '_COMM', 'MESSAGE_ID', 'M', '_BOOT_ID'];

/** Fails the test unless the scanner's view of `line` (when it claims it) is JSON.parse's. */
function agrees(line: string): boolean {
  const scanner = createJsonLineScanner();
  if (!scanner.scan(line)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    throw new Error(`claimed a line JSON.parse rejects (${String(e)}): ${line}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`claimed a line that is not an object: ${line}`);
  const entry = parsed as Record<string, unknown>;
  // Journal field names are ASCII (uppercase letters, digits, underscores): the scanner's get is for those.
  for (const name of new Set([...Object.keys(entry).filter((k) => /^[\x20-\x7e]*$/.test(k)), ...NAMES])) {
    const want = Object.hasOwn(entry, name) ? decodeFieldValue(entry[name]) : undefined;
    const got = scanner.get(name);
    if (got !== want) throw new Error(`field ${name}: scanner ${JSON.stringify(got)}, JSON.parse ${JSON.stringify(want)} in ${line}`);
  }
  return true;
}

const jsonSampleLines = (): string[] =>
  samples()
    .filter((s) => s.format === 'json')
    .flatMap((s) => s.data.toString('utf8').split('\n'))
    .filter((l) => l.length > 0);

test('every line journalctl -o json wrote in the samples takes the fast path, with the fields JSON.parse gives', (t) => {
  const lines = jsonSampleLines();
  t.true(lines.length > 1000);
  const missed = lines.filter((l) => !agrees(l));
  t.deepEqual(missed, []);
  t.true(
    lines.some((l) => l.includes('"MESSAGE":[')),
    'byte-array messages are among them',
  );
});

/** A value as journalctl writes it, or as something else might: every JSON type and some non-JSON. */
const valueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }).map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.constantFrom('"a\\"b"', '"\\u0041\\u00e9\\ud800"', '"\\/\\b\\f\\n\\r\\t"', '"bad \\x escape"', '"\\u12"', '"tab\there"', '"esc\x1b[0m"', '"line\nbreak"') },
  { weight: 20, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 20 }).map((a) => `[${a.join(',')}]`) },
  { weight: 1, arbitrary: fc.constantFrom('[]', '[256]', '[-1]', '[1.5]', '[01]', '[1e2]', '[ 1,2]', '[1 ]', '[1,]', '[,1]', '[[1]]', '["a"]', '[1,"a"]', '[1000]', '[1', '[255,0,10,200]') },
  { weight: 1, arbitrary: fc.constantFrom('null', 'true', 'false', '42', '-0', '1.5e3', '{}', '{"a":"b"}', '{"MESSAGE":"inner"}', '"', '', 'undefined', "'single'") },
);

const lineArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ unit: 'grapheme', maxLength: 8 })), valueArb), { maxLength: 8 })
  .chain((fields) =>
    fc.record({
      fields: fc.constant(fields),
      ws: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\r', '\n') }),
      prefix: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '\x1e', '[') }),
      suffix: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', ',', '}', ']') }),
    }),
  )
  .map(({ fields, ws, prefix, suffix }) => `${prefix}{${fields.map(([k, v]) => `${JSON.stringify(k)}:${ws}${v}`).join(',')}}${suffix}`);

test('a line the fast path claims is valid JSON with the same fields, on random and broken lines', (t) => {
  let claimed = 0;
  fc.assert(
    fc.property(lineArb, (line) => {
      if (agrees(line)) claimed++;
    }),
    { numRuns: 3000 },
  );
  t.true(claimed > 300, `only ${claimed} of 3000 lines claimed: the property tested little`);
});

test('a claimed line mutated (cut, bits flipped, bytes inserted) is claimed only if still valid and the same to JSON.parse', (t) => {
  const lines = jsonSampleLines();
  let claimed = 0;
  let rejected = 0;
  fc.assert(
    fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, mutations) => {
      const line = lines[which % lines.length] as string;
      for (const bytes of splitLines(mutate(Buffer.from(line), mutations))) {
        const mutated = bytes.toString('utf8').replace(/\n$/, '');
        if (agrees(mutated)) claimed++;
        else rejected++;
      }
    }),
    { numRuns: 2000 },
  );
  t.true(claimed > 0 && rejected > 0, `claimed ${claimed}, rejected ${rejected}`);
});

test('duplicate keys: the last one counts, as in JSON.parse', (t) => {
  const scanner = createJsonLineScanner();
  t.true(scanner.scan('{"MESSAGE":"first","_HOSTNAME":"h","MESSAGE":[104,105]}'));
  t.is(scanner.get('MESSAGE'), 'hi');
  t.is(scanner.get('_HOSTNAME'), 'h');
  t.is(scanner.get('_PID'), undefined);
  t.true(scanner.scan('{"MESSAGE":"caf\\u00e9 \\"x\\""}'));
  t.is(scanner.get('MESSAGE'), 'café "x"');
});
