import test from 'ava';
import fc from 'fast-check';
import { parseVolumeSpec, type SpecMatcher } from '../../src/recognise/parse-volume-spec.ts';
import { readdirSync, readFileSync } from 'node:fs';

// parseVolumeSpec starts each key's regex near the key's first occurrence (found by indexOf), not
// at 0. That must give what the regex finds scanning the whole spec from 0: the same spec, every field.
const fromZero: SpecMatcher = (spec, _needle, re) => {
  re.lastIndex = 0;
  return re.exec(spec);
};

/** The spec of every flow start line in the samples' oslo log files (real specs of several releases). */
const SAMPLES = new URL('../../samples/', import.meta.url);
const specs = [
  ...new Set(
    readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.log'))
      .flatMap((f) => [...readFileSync(new URL(f, SAMPLES), 'utf8').matchAll(/with specification: (.*)$/gm)].map((m) => m[1] as string)),
  ),
];

const KEYS = ['volume_name', 'volume_size', 'image_id', 'name', 'disk_format', 'container_format', 'size', 'virtual_size', 'stores', 'cinder_encryption_key_id', 'source_volid', 'snapshot_id', 'backup_id', 'image_location'];
const piece = fc.oneof(
  fc.constantFrom('{', '}', ', ', ' ', ',', 'u', "'", '"', '\\', ': ', 'None', '(', ')', '[', ']', '12', '0', "'x'", '"y"', "u'z'", "'a\\'b'", 'é'),
  fc.constantFrom(...KEYS).map((k) => `'${k}': `),
  fc.constantFrom(...KEYS).map((k) => `u'${k}': `),
  fc.string({ maxLength: 6 }),
);
const spec = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.record({ s: fc.constantFrom(...specs), at: fc.nat(), insert: fc.array(piece, { maxLength: 4 }) }).map(({ s, at, insert }) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + insert.join('') + s.slice(i);
  }),
  fc.record({ a: fc.constantFrom(...specs), b: fc.constantFrom(...specs), at: fc.nat() }).map(({ a, b, at }) => a.slice(0, at % (a.length + 1)) + b.slice(at % (b.length + 1))),
);

test('every key read from a spec is what its regex finds scanning from the start', (t) => {
  t.true(specs.length >= 20);
  fc.assert(
    fc.property(spec, (s) => JSON.stringify(parseVolumeSpec(s)) === JSON.stringify(parseVolumeSpec(s, fromZero))),
    { numRuns: 20_000 },
  );
  t.pass();
});

test('a real spec gives its image, sizes and format; a later key of the same name after a non-string value is still found', (t) => {
  const fromImage = specs.find((x) => x.includes("'image_id': ")) as string;
  const s = parseVolumeSpec(fromImage);
  t.regex(s.imageId ?? '', /^[0-9a-f-]{36}$/);
  t.true((s.volumeSizeGiB ?? 0) > 0);
  t.not(s.diskFormat, null);
  // The first 'name' holds None: the string pattern goes on to the next 'name'.
  t.is(parseVolumeSpec("{'name': None, 'image_meta': {'name': 'cirros', 'size': 5}, 'volume_size': 1}").imageName, 'cirros');
  t.is(parseVolumeSpec("{'volume_size': 1, 'size': 5}").imageSizeBytes, 5);
});
