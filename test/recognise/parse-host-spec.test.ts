import test from 'ava';
import { parseHostSpec } from '../../src/recognise/parse-host-spec.ts';

const cases: readonly [string, ReturnType<typeof parseHostSpec>][] = [
  ['cvol-a@lvmdriver-1#lvmdriver-1', { host: 'cvol-a', backend: 'lvmdriver-1', pool: 'lvmdriver-1' }],
  ['cvol-a@ceph', { host: 'cvol-a', backend: 'ceph', pool: null }],
  ['cvol-a', { host: 'cvol-a', backend: null, pool: null }],
  ['/var/lib/cinder/conversion/image_fetch_1_abcdcvol-a@nfs', { host: 'image_fetch_1_abcdcvol-a', backend: 'nfs', pool: null }],
  ['cvol-a@#pool', { host: 'cvol-a', backend: null, pool: 'pool' }],
  ['cluster@x@ontap#aggr1', { host: 'cluster@x', backend: 'ontap', pool: 'aggr1' }],
  ['', { host: '', backend: null, pool: null }],
];

for (const [text, want] of cases) {
  test(`parseHostSpec("${text}")`, (t) => {
    t.deepEqual(parseHostSpec(text), want);
  });
}
