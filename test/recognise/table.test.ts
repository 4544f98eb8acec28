import test from 'ava';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { EVENT_TYPES, meaningOf, type EventType, type FieldKind, type FlowPhase } from '../../src/recognise/event-types.ts';

// The table tests itself, lnav-style: every row's samples match it, contain its anchor, and no other row claims them;
// every row's event declares what it means, and the row supplies the fields declared, of the declared kind.

const KIND: Record<FieldKind, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  integer: /^\d+$/,
  decimal: /^\d+(?:\.\d+)?$/,
  text: /^/s,
};
const groupsOf = (pattern: RegExp): string[] => [...pattern.source.matchAll(/\(\?<([A-Za-z_]\w*)>/g)].map((m) => m[1] ?? '');
/** The loggers of each side: cinder-volume's own (and os-brick's in its process), or glance-api's, glance_store's and their web servers'. */
const SIDE_LOGGER = { cinder: /^(?:cinder|os_brick)\./, glance: /^(?:glance\.|glance_store\.|uwsgi$|eventlet\.)/ };

test('row ids are unique', (t) => {
  const ids = RECOGNISERS.map((r) => r.id);
  t.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});

test('every event type is produced by some row', (t) => {
  const produced = new Set(RECOGNISERS.map((r) => r.event));
  t.deepEqual(Object.keys(EVENT_TYPES).filter((e) => !produced.has(e as never)), []);
});

test('every event declares what it means: side, flow opening, nesting, evidence, create effect, outcome, phase, reasons, fields, store write', (t) => {
  const keys = ['create', 'dataPath', 'errorLine', 'fields', 'fromImage', 'namesVolume', 'nested', 'opensFlow', 'outcome', 'phase', 'reasons', 'side', 'storeWrite'];
  for (const [type, m] of Object.entries(EVENT_TYPES)) {
    t.deepEqual(Object.keys(m).sort(), keys, type);
    t.true(m.side === 'cinder' || m.side === 'glance', type);
    for (const kind of Object.values(m.fields)) t.true(kind in KIND, `${type}: field kind ${kind}`);
  }
});

test('a glance-side event is never part of a cinder flow: it opens none, nests in none, proves nothing about a volume', (t) => {
  for (const [type, m] of Object.entries(EVENT_TYPES)) {
    if (m.side !== 'glance') continue;
    t.deepEqual([m.opensFlow, m.nested, m.dataPath, m.fromImage, m.namesVolume, m.errorLine, m.create, m.outcome, m.phase, m.reasons.length], [false, false, false, false, false, false, null, null, null, 0], type);
  }
});

test('store writes are glance_store lines: every driver that writes (file, rbd, cinder, swift, s3) has one that places the image, and an end line carries the bytes', (t) => {
  const writes = Object.entries(EVENT_TYPES).flatMap(([type, m]) => (m.storeWrite === null ? [] : [{ type, m, w: m.storeWrite }]));
  for (const { type, m } of writes) t.is(m.side, 'glance', type);
  t.deepEqual([...new Set(writes.filter(({ w }) => w.places).map(({ w }) => w.driver))].sort(), ['cinder', 'file', 'rbd', 's3', 'swift']);
  for (const { type, m, w } of writes) if (w.edge === 'end') t.is((m.fields as Readonly<Record<string, string>>)['bytes'], 'integer', type);
  for (const { type, w } of writes) if (w.edge === 'start' && w.places) t.true(RECOGNISERS.filter((r) => r.event === type).every((r) => r.loggers.every((l) => l.startsWith('glance_store._drivers.'))), type);
});

test('one event starts a create: it opens a flow and names its volume', (t) => {
  const starts = Object.entries(EVENT_TYPES).filter(([, m]) => m.create === 'starts');
  t.deepEqual(starts.map(([type]) => type), ['flowStart']);
  t.true(EVENT_TYPES.flowStart.opensFlow && EVENT_TYPES.flowStart.namesVolume);
  t.true('spec' in EVENT_TYPES.flowStart.fields && 'volumeId' in EVENT_TYPES.flowStart.fields);
});

test('every phase cinder logs is bracketed (start and end) or measured (details or done lines), and a measured end carries its numbers', (t) => {
  const phases: FlowPhase[] = ['clone', 'download', 'temporary-image', 'convert', 'volume-copy'];
  for (const name of phases) {
    const edges = new Set(Object.values(EVENT_TYPES).flatMap((m) => (m.phase?.name === name ? [m.phase.edge] : [])));
    t.true((edges.has('start') && edges.has('end')) || edges.has('details') || edges.has('done'), `${name}: ${[...edges].join(', ')}`);
  }
  for (const [type, m] of Object.entries(EVENT_TYPES)) {
    if (m.phase?.edge === 'details') t.deepEqual(['sizeMB', 'durationSec'].filter((f) => !(f in m.fields)), [], type);
    if (m.phase?.edge === 'done') t.deepEqual(['sizeMB', 'mbps'].filter((f) => !(f in m.fields)), [], type);
  }
});

test('every reason an event gives can be given: a sample of the event reaches each rule, whose parameters are declared fields', (t) => {
  for (const [type, m] of Object.entries(EVENT_TYPES)) {
    const captures = RECOGNISERS.filter((r) => r.event === type).flatMap((r) => r.samples.map((s) => r.pattern.exec(s)?.groups ?? {}));
    m.reasons.forEach((rule, i) => {
      // The first rule that applies gives the reason: a later rule is reached only by captures the earlier ones pass over.
      const reaching = captures.filter((g) => m.reasons.findIndex((r) => r.when === undefined || ((r.when.equals === undefined || g[r.when.field] === r.when.equals) && (r.when.includes === undefined || (g[r.when.field] ?? '').includes(r.when.includes)))) === i);
      t.true(reaching.length > 0, `${type}: no sample reaches its reason rule ${i + 1} (${rule.code})`);
      for (const from of Object.values(rule.params ?? {})) if (from !== 'spec.diskFormat') t.true(from in m.fields, `${type}: ${rule.code} reads undeclared field ${from}`);
    });
  }
});

test('every declared field is captured by some row of its event (no stale declaration)', (t) => {
  for (const [type, m] of Object.entries(EVENT_TYPES)) {
    const captured = new Set(RECOGNISERS.filter((r) => r.event === type).flatMap((r) => groupsOf(r.pattern)));
    t.deepEqual(Object.keys(m.fields).filter((f) => !captured.has(f)), [], type);
  }
});

for (const row of RECOGNISERS) {
  test(`${row.id}: has samples, a logger and a release range`, (t) => {
    t.true(row.samples.length > 0);
    t.true(row.loggers.length > 0);
    t.is(new Set(row.loggers).size, row.loggers.length, 'each logger named once');
    t.not(row.releases, '');
  });
  test(`${row.id}: captures only fields its event declares, one name per field, from loggers of its side`, (t) => {
    const meaning = meaningOf(row.event as EventType);
    const groups = groupsOf(row.pattern);
    t.deepEqual(groups.filter((g) => !(g in meaning.fields)), [], 'undeclared fields');
    t.deepEqual(groups.filter((g) => /\d$/.test(g)), [], 'a numbered group is a second wording in the row: give it a row of its own');
    t.deepEqual(row.loggers.filter((l) => !SIDE_LOGGER[meaning.side].test(l)), [], `loggers not of the ${meaning.side} side`);
    for (const sample of row.samples) {
      for (const [name, value] of Object.entries(row.pattern.exec(sample)?.groups ?? {})) {
        const kind = meaning.fields[name];
        if (value !== undefined && kind !== undefined) t.regex(value, KIND[kind], `${name} of "${sample.slice(0, 60)}" is ${kind}`);
      }
    }
  });
  for (const sample of row.samples) {
    test(`${row.id} claims, alone, sample ${row.samples.indexOf(sample) + 1}: "${sample.slice(0, 50)}"`, (t) => {
      t.true(sample.includes(row.anchor), 'the anchor is in the sample');
      t.truthy(row.pattern.exec(sample), 'the pattern matches the sample');
      const claimants = RECOGNISERS.filter((r) => sample.includes(r.anchor) && r.pattern.test(sample) && r.loggers.some((l) => row.loggers.includes(l)));
      t.deepEqual(claimants.map((r) => r.id), [row.id]);
    });
  }
}

test('the two clone-attempt wordings both carry the volume, image and location', (t) => {
  const rows = RECOGNISERS.filter((r) => r.event === 'cloneAttempt');
  t.is(rows.length, 2);
  for (const r of rows) {
    const g = r.pattern.exec(r.samples[0] ?? '')?.groups;
    t.truthy(g?.['volumeId']);
    t.truthy(g?.['imageId']);
    t.truthy(g?.['location']);
  }
});

test("a reason rule's 'unless' names event types, none of them the rule's own event", (t) => {
  for (const [type, m] of Object.entries(EVENT_TYPES)) {
    for (const rule of m.reasons) {
      for (const other of rule.unless ?? []) {
        t.true(other in EVENT_TYPES, `${type}: ${rule.code} is ruled out by an unknown event ${other}`);
        t.not(other, type, `${type}: ${rule.code} would rule itself out`);
      }
    }
  }
});
