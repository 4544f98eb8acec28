import test from 'ava';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { createReducer, type Reducer } from '../../src/reduce/create-reducer.ts';
import { L, rec, spec } from '../helpers/records.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// What a decoder hands over: a record's strings (host, request id, text) are cut from the whole
// decoded read chunk. What the reducer keeps past the record (open flows, their keys, closed ids,
// the preflow's ids, host names) must be copies, or each open flow keeps a read chunk alive
// (measured: a flow key joined from the record's request id pinned one 64 KiB chunk per open flow
// of a boot storm, doubling the bytes promoted).
const CHUNK_CHARS = 4 * 1024 * 1024;
const volumeId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** 24 lines, each cut from a fresh 4 MiB chunk: 16 flow starts (every fourth ends at once), 8 periodic task lines. */
function feed(): { reducer: Reducer; opened: number; ended: number } {
  const recognise = createRecogniser(RECOGNISERS);
  const reducer = createReducer({ idleTimeoutMs: 3_600_000, maxOpen: 1000 });
  let opened = 0;
  let ended = 0;
  for (let i = 0; i < 24; i++) {
    const host = `cvol-${i}`;
    const rid = `req-${volumeId(i)}`;
    const text = i % 3 === 2 ? 'Running periodic task VolumeManager.publish_service_capabilities' : `Volume ${volumeId(i)}: being created as image with specification: ${spec('raw')}`;
    const line = `${host} ${rid} ${text}`;
    const chunk = `${'x'.repeat(CHUNK_CHARS / 2)}${i}\n${line}\n${'y'.repeat(CHUNK_CHARS / 2)}`;
    const at = chunk.indexOf(line);
    const cut = (s: string, from: number) => chunk.slice(at + from, at + from + s.length);
    const r = rec(1000 * i, i % 3 === 2 ? 'cinder.manager' : L.flow, cut(text, host.length + rid.length + 2), { host: cut(host, 0), requestId: cut(rid, host.length + 1) });
    const event = recognise(r);
    if (event !== null) opened++;
    reducer.step(r, event);
    if (i % 4 === 0 && event !== null) {
      // Its flow ends at once: the id is remembered as closed.
      const created = rec(1000 * i + 1, L.manager, 'Created volume successfully.', { host: cut(host, 0), requestId: cut(rid, host.length + 1) });
      ended += reducer.step(created, recognise(created)).length;
    }
  }
  return { reducer, opened, ended };
}

test('open flows, closed ids and request ids seen before their flow do not keep the read chunks they were cut from', (t) => {
  gc();
  const before = process.memoryUsage().heapUsed;
  const { reducer, opened, ended } = feed();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  t.is(opened, 16);
  t.is(ended, 4);
  t.is(reducer.openFlows(), 12);
  // 24 chunks of 4 MiB would be 96 MiB; what the reducer keeps of 24 lines is a few kilobytes.
  t.true(retained < 8 * 1024 * 1024, `${(retained / 1048576).toFixed(1)} MiB still live after 24 lines`);
});
