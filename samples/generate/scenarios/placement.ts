// 20. Multi-store Glance whose images carry no `stores` property (cinder-volume only sees their
// locations): each location's metadata names the store, `{'url': 'file:///…', 'metadata': {'store':
// 'file'}}` (reference §3.1). Three raw images copied onto LVM (no clone path): one in store `file`,
// one in store `ceph` (rbd), one with two locations, swift store `swift1` and http store `web` (the
// read-only http store holds locations added with `glance location-add`). The metadata is written in
// glance's key order for the first two and metadata-first for the third.
import { Flow } from '../lib/flow.ts';
import type { World } from '../lib/journal.ts';
import { locations, type Image } from '../lib/model.ts';
import { cinderPeriodic, hostNoise, keystoneChecks, novaPeriodic } from '../lib/noise.ts';
import { dict, tuple, type Py } from '../lib/pyrepr.ts';
import type { Scenario } from '../lib/scenario.ts';
import { EXTRA_MODES } from '../lib/render.ts';
import { CEPH_FSID, IMAGES, aio, at, glanceHook, userCreate, userCtx, vol } from '../lib/setup.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { copyT } from '../lib/truth.ts';

const N = 'placement';
const POOL = 'cvol-a@lvmdriver-1#lvmdriver-1';

/** The image as glance's v2 API gives it to cinder without multi-store's `stores` property. */
export const bare = (i: Image): Image => {
  const { stores: _stores, ...rest } = i;
  return rest;
};

const IMG = { file: bare(IMAGES.debianRaw), ceph: bare(IMAGES.cirrosRaw), two: bare(IMAGES.bigRaw) };
const swiftUrl = (i: Image) => `swift+config://ref1/glance/${i.id}`;
const httpUrl = (i: Image) => `https://images.example.net/rhel/${i.id}.raw`;
const LOCS: Record<keyof typeof IMG, Py> = {
  file: locations(null, [[`file:///opt/stack/data/glance/images/${IMG.file.id}`, dict([['store', 'file']])]]),
  ceph: locations(`rbd://${CEPH_FSID}/images/${IMG.ceph.id}/snap`, [[`rbd://${CEPH_FSID}/images/${IMG.ceph.id}/snap`, dict([['store', 'ceph']])]]),
  two: tuple(null, [
    dict([['metadata', dict([['store', 'swift1']])], ['url', swiftUrl(IMG.two)]]),
    dict([['metadata', dict([['store', 'web']])], ['url', httpUrl(IMG.two)]]),
  ]),
};

export default {
  name: N,
  modes: [...EXTRA_MODES, 'verbose -a'],
  osloFile: true,
  build(w: World) {
    const T = at('2026-03-30T10:10:00');
    const a = aio(w, 'cvol-a', T - 86400e6, 61230);
    const out = [];
    let t = T + 12.2e6;
    for (const key of ['file', 'ceph', 'two'] as const) {
      const img = IMG[key];
      const v = vol(N, key, key === 'two' ? 12 : 20, POOL, `placement-${key}`);
      const f = new Flow(w, a.cvol, t, userCtx(N, key, false), v, { img, loc: LOCS[key] });
      userCreate(w, a, f);
      f.start('image');
      f.cloningAt();
      fullCopy(f, key === 'ceph' ? 2.31 : 21.7, key === 'ceph' ? 0.84 : 9.1, 'lvm', glanceHook(w, a.gapi, f));
      bootable(f);
      f.success();
      out.push(copyT(v, 'cvol-a', img, ['no-reason-logged']));
      t = f.t + 7.4e6;
    }
    cinderPeriodic(w, a.cvol, T, t, N);
    novaPeriodic(w, a.ncpu, T, t, N);
    keystoneChecks(w, a.ks, T, t, N);
    hostNoise(w, a.cvol, T + 4e6, N);
    return out;
  },
  truth: () => ({
    images: [
      { imageId: IMG.file.id, stores: ['file'] },
      { imageId: IMG.ceph.id, stores: ['ceph'] },
      { imageId: IMG.two.id, stores: ['swift1', 'web'] },
    ],
  }),
} satisfies Scenario;
