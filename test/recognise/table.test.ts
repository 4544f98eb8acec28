import test from 'ava';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { EVENT_TYPES } from '../../src/recognise/event-types.ts';

// The table tests itself, lnav-style: every row's samples match it, contain its anchor, and no other row claims them.

test('row ids are unique', (t) => {
  const ids = RECOGNISERS.map((r) => r.id);
  t.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});

test('every event type is produced by some row', (t) => {
  const produced = new Set(RECOGNISERS.map((r) => r.event));
  t.deepEqual(Object.keys(EVENT_TYPES).filter((e) => !produced.has(e as never)), []);
});

for (const row of RECOGNISERS) {
  test(`${row.id}: has samples, a logger and a release range`, (t) => {
    t.true(row.samples.length > 0);
    t.true(row.loggers.length > 0);
    t.not(row.releases, '');
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
