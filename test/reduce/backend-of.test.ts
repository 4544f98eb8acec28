import test from 'ava';
import { readFileSync } from 'node:fs';
import { decodeBuffer } from '../helpers/decode-buffer.ts';
import { createRecogniser } from '../../src/recognise/create-recogniser.ts';
import type { Event } from '../../src/recognise/event.ts';
import { RECOGNISERS } from '../../src/recognise/table.ts';
import { backendOf } from '../../src/reduce/backend-of.ts';

// The backend of a flow: from its data path when it logs one, else from the volume's own `host`
// in the Volume object taskflow prints (a glance-cinder or LVM clone logs no temp file or cache line).

function eventsOf(file: string, requestId: string): Event[] {
  const recognise = createRecogniser(RECOGNISERS);
  const { records } = decodeBuffer(readFileSync(file), { input: file, format: 'short-precise', year: 2026, zone: 'UTC' });
  return records.filter((r) => r.requestId === requestId).flatMap((r) => recognise(r) ?? []);
}

test('a glance-cinder clone gets its backend from the Volume object of a taskflow line', (t) => {
  const events = eventsOf('samples/glance-merged/journal.short-precise.txt', 'req-bde6b626-3c8c-4e8f-883a-f1223eba71f6');
  t.false(events.some((e) => (['cacheHost', 'dest', 'src', 'tmp'] as const).some((k) => e.fields[k] !== undefined)), 'no data-path line names a backend');
  t.true(events.some((e) => e.type === 'taskState'));
  t.is(backendOf(events), 'lvmdriver-1');
});

test('the data path wins over the Volume object, and no line at all is null', (t) => {
  const fake = (type: Event['type'], fields: Record<string, string>): Event => ({ type, rowId: 'x', fields, record: {} as Event['record'] });
  const repr = fake('taskState', { rest: " result: Volume(host='cvol-a@from-repr#pool',id=1)" });
  t.is(backendOf([repr, fake('tempImageFetched', { tmp: '/var/lib/cinder/conversion/image_fetch_1_abcdcvol-a@from-path' })]), 'from-path');
  t.is(backendOf([repr]), 'from-repr');
  t.is(backendOf([fake('taskState', { rest: " result: {'host': 'cvol-a@not-a-volume'}" })]), null);
  t.is(backendOf([]), null);
});
