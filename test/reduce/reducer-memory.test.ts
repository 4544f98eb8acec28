import test from 'ava';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { createReducer } from '../../src/reduce/create-reducer.ts';
import { feedReducer } from '../helpers/feed-reducer.ts';
import { L, rec, spec } from '../helpers/records.ts';

const recognise = createRecogniser(RECOGNISERS);
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const FLOWS = 200_000;
/** Flows in flight at once: flow i starts while flow i - OVERLAP finishes. */
const OVERLAP = 50;

const volumeId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** 200,000 creates that all end (start, success, manager line), OVERLAP of them in flight at any time. */
function* endingFlows() {
  for (let i = 0; i < FLOWS + OVERLAP; i++) {
    const t = T0 + i * 100;
    if (i < FLOWS) {
      const v = volumeId(i);
      yield rec(t, L.flow, `Volume ${v}: being created as image with specification: ${spec('raw')}`, { requestId: `req-${i}` });
    }
    const j = i - OVERLAP;
    if (j >= 0) {
      const v = volumeId(j);
      yield rec(t + 50, L.flow, `Volume volume-${v} (${v}): created successfully`, { requestId: `req-${j}` });
      yield rec(t + 51, L.manager, 'Created volume successfully.', { requestId: `req-${j}` });
    }
  }
}

test('memory stays flat: 200,000 flows that end are released as they end, open state stays bounded', (t) => {
  const reducer = createReducer({ idleTimeoutMs: 30 * 60_000, maxOpen: 10_000 });
  let succeeded = 0;
  const fed = feedReducer(reducer, endingFlows(), recognise, (tl) => {
    if (tl.status === 'succeeded' && tl.provisioning === 'clone') succeeded++;
  });
  t.true(fed.peakOpen <= OVERLAP + 1, `at most ${OVERLAP + 1} flows open at once, saw ${fed.peakOpen}`);
  t.is(reducer.openFlows(), 0, 'every finished flow was released before finish()');
  t.deepEqual(reducer.finish(), []);
  t.is(reducer.counters.flowsOpened, FLOWS);
  t.is(reducer.counters.timelines, FLOWS);
  t.is(fed.timelines, FLOWS);
  t.is(succeeded, FLOWS, 'each flow ends as a succeeded clone (INFO-only success)');
  t.is(reducer.counters.evicted, 0, 'nothing had to be evicted');
  t.is(reducer.counters.idleExpired, 0);
  t.is(reducer.counters.recognised, FLOWS * 3);
  t.is(fed.diagnostics, 0);
});
