import test from 'ava';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { createReducer } from '../../src/reduce/create-reducer.ts';
import { feedReducer } from '../helpers/feed-reducer.ts';
import { L, rec, spec } from '../helpers/records.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const recognise = createRecogniser(RECOGNISERS);
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const LINES = 1_000_000;
/** A boot storm: a new create every START_EVERY lines, each lasting IN_FLIGHT × START_EVERY lines. */
const START_EVERY = 50;
const IN_FLIGHT = 200;
const HOSTS = IN_FLIGHT;
const volumeId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const periodicReq = (i: number) => `req-11111111-0000-4000-8000-${(i % 100_000).toString(16).padStart(12, '0')}`;

/**
 * Line i is at T0 + 10 ms × i on host i % HOSTS: a periodic task's line (a request id that never
 * opens a flow) or an uwsgi-like line without one. Every START_EVERY lines a create opens on its own
 * host; IN_FLIGHT × START_EVERY lines later it succeeds and waits out its close grace (no manager
 * line, so the grace decides), then another starts on that host.
 */
function* storm() {
  for (let i = 0; i < LINES; i++) {
    const t = T0 + i * 10;
    const k = i / START_EVERY;
    if (i % START_EVERY === 0) {
      const host = `cvol-${k % HOSTS}`;
      yield rec(t, L.flow, `Volume ${volumeId(k)}: being created as image with specification: ${spec('raw')}`, { requestId: `req-${k}`, host });
      const j = k - IN_FLIGHT + 1;
      if (j >= 0) yield rec(t, L.flow, `Volume volume-${volumeId(j)} (${volumeId(j)}): created successfully`, { requestId: `req-${j}`, host: `cvol-${j % HOSTS}` });
      continue;
    }
    const host = `cvol-${i % HOSTS}`;
    if (i % 2 === 0) yield rec(t, 'cinder.manager', 'Running periodic task VolumeManager.publish_service_capabilities', { requestId: periodicReq(i), host });
    else yield rec(t, L.utils, '[pid: 1|app: 0|req: 1/2] 10.0.0.1 () {34 vars} [GET /healthcheck] => generated 2 bytes', { requestId: null, host, logger: null });
  }
}

test('a boot storm of 200 creates in flight over a million lines keeps open state and heap bounded', (t) => {
  t.timeout(120_000);
  const reducer = createReducer({ idleTimeoutMs: 30 * 60_000, maxOpen: 10_000 });
  let heapAt100k = 0;
  let peakHeap = 0;
  let n = 0;
  const records = (function* () {
    for (const r of storm()) {
      n++;
      if (n % 100_000 === 0) {
        gc();
        const h = process.memoryUsage().heapUsed;
        if (n === 100_000) heapAt100k = h;
        peakHeap = Math.max(peakHeap, h);
      }
      yield r;
    }
  })();
  const fed = feedReducer(reducer, records, recognise);
  const starts = LINES / START_EVERY;
  // Open: the 200 in flight and those waiting out their 2 s grace, seen on their own host (a line
  // every 2 s there): up to 4 s, 400 lines, 8 more starts.
  t.true(fed.peakOpen <= IN_FLIGHT + 10, `at most ${IN_FLIGHT + 10} flows open at once, saw ${fed.peakOpen}`);
  t.true(fed.peakOpen >= IN_FLIGHT - 1, `the storm keeps ${IN_FLIGHT} flows in flight, saw ${fed.peakOpen}`);
  // Every flow that succeeded early enough closed on its grace, during the input.
  t.true(fed.timelines >= starts - IN_FLIGHT - 10, `${fed.timelines} timelines while reading`);
  t.is(reducer.counters.evicted, 0);
  t.is(reducer.counters.idleExpired, 0);
  t.is(fed.timelines + reducer.finish().length, starts);
  const growth = (peakHeap - heapAt100k) / 2 ** 20;
  t.log(`heap after 100k lines ${(heapAt100k / 2 ** 20).toFixed(1)} MiB, peak ${(peakHeap / 2 ** 20).toFixed(1)} MiB`);
  t.true(growth < 16, `live heap grew ${growth.toFixed(1)} MiB from 100k to 1M lines`);
});
