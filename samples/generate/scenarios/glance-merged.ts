// 18. Glance multistore with three cinder stores, one merged journal (journalctl -m) of three hosts:
// glance-api on ctrl-1, cinder-volume on cvol-a (lvmdriver-1) and cvol-b (lvmdriver-2 and -3).
// A raw image is uploaded to store cinder-lvm1, then copied to cinder-lvm2 with copy-image; boot
// volumes from it on lvmdriver-1 and lvmdriver-2 are glance-cinder clones, the one on lvmdriver-3 is
// a copy (no image-volume there, cache disabled) that `glance image-import … --stores cinder-lvm3
// --import-method copy-image` would have made a clone (store cinder-lvm3 lives on lvmdriver-3: another
// image was imported there earlier). Also written as oslo.log files (oslo/), glance-api in eventlet form.
import { say, service, type Svc } from '../lib/devstack.ts';
import { Flow } from '../lib/flow.ts';
import type { Ctx } from '../lib/format.ts';
import { osloFileText } from '../lib/format.ts';
import { EVENTLET, eventlet, glanceImport, glanceUpload } from '../lib/glance.ts';
import { req, uuid } from '../lib/ids.ts';
import { host, type World } from '../lib/journal.ts';
import { locations, type Vol } from '../lib/model.ts';
import { cinderPeriodic, keystoneChecks } from '../lib/noise.ts';
import { dict } from '../lib/pyrepr.ts';
import type { Scenario } from '../lib/scenario.ts';
import { glanceServe, novaBoot } from '../lib/services.ts';
import { IMAGES, at, glanceCtx, startup, userCreate, userCtx, vol, withStores, DEMO, type Aio } from '../lib/setup.ts';
import { periodicCtx } from '../lib/devstack.ts';
import { lvmThinClone } from '../lib/steps-cache.ts';
import { noAccessible, willClone } from '../lib/steps-clone.ts';
import { bootable, fullCopy } from '../lib/steps-copy.ts';
import { cloneT, copyT, type VolumeTruth } from '../lib/truth.ts';
import { repr } from '../lib/pyrepr.ts';

const N = 'glance-merged';
const P1 = 'cvol-a@lvmdriver-1#lvmdriver-1';
const P2 = 'cvol-b@lvmdriver-2#lvmdriver-2';
const P3 = 'cvol-b@lvmdriver-3#lvmdriver-3';
const SERVICE = { projectId: uuid('project/service').replace(/-/g, ''), userId: uuid('user/glance').replace(/-/g, '') };

/** The raw create cinder-volume runs for a glance cinder store's image-volume (no image in its spec). */
function imageVolumeCreate(w: World, cvol: Svc, t: number, v: Vol): void {
  const ctx: Ctx = { gid: null, rid: req(`${N}/imagevol/${v.id}`), project: 'service', user: null, ...SERVICE };
  const f = new Flow(w, cvol, t, ctx, v);
  f.start('raw', repr(dict([['status', 'creating'], ['volume_name', `volume-${v.id}`], ['volume_size', v.size]])));
  f.wait(0.41);
  f.success();
}

const rawT = (v: Vol, h: string): VolumeTruth => ({
  volumeId: v.id, host: h, source: 'raw', imageId: null, status: 'succeeded', provisioning: null, cloneMethod: null,
  conversion: null, cacheSeeded: false, reasonCodes: [], phases: [], internalVolumes: [],
});

export const GLANCE_MERGED = {
  image: withStores(IMAGES.cirrosRaw, 'cinder-lvm1,cinder-lvm2'),
  seed: withStores(IMAGES.debianRaw, 'cinder-lvm3'),
  iv1: { id: uuid(`${N}/iv/cirros-lvm1`), size: 1, host: P1, ...SERVICE },
  iv2: { id: uuid(`${N}/iv/cirros-lvm2`), size: 1, host: P2, ...SERVICE },
  iv3: { id: uuid(`${N}/iv/debian-lvm3`), size: 2, host: P3, ...SERVICE },
};

export default {
  name: N,
  merge: true,
  build(w: World) {
    EVENTLET.length = 0;
    const T = at('2026-03-27T14:00:00');
    const ctrl = host('ctrl-1', T - 864000e6);
    const ha = host('cvol-a', T - 5000e6);
    const hb = host('cvol-b', T - 4800e6);
    const api = { capi: service(ctrl, 'c-api', 71120, { workers: [71141] }), csch: service(ctrl, 'c-sch', 71310),
      ks: service(ctrl, 'keystone', 70001, { workers: [70020] }), gapi: service(ctrl, 'g-api', 73430, { workers: [73451] }) };
    const A: Aio = { ...api, cvol: service(ha, 'c-vol', 41210, { workers: [41227] }), ncpu: service(ha, 'n-cpu', 43720) };
    const B: Aio = { ...api, cvol: service(hb, 'c-vol', 52530, { workers: [52547, 52548] }), ncpu: service(hb, 'n-cpu', 53011) };
    startup(w, A.cvol, T + 1.1e6, 'cvol-a@lvmdriver-1', 'LVMVolumeDriver', false);
    startup(w, B.cvol, T + 2.2e6, 'cvol-b@lvmdriver-2', 'LVMVolumeDriver', false);
    say(w, B.cvol, T + 4.45e6, 'INFO', 'cinder.volume.manager', periodicCtx(req('startup/cvol-b@lvmdriver-3')), 'Image-volume cache disabled for host cvol-b@lvmdriver-3.', { pid: 52548 });
    const { image: img, seed, iv1, iv2, iv3 } = GLANCE_MERGED;
    const admin = (k: string): Ctx => ({ gid: null, rid: req(`${N}/glance/${k}`), project: 'admin', user: 'admin', userId: DEMO.userId, projectId: DEMO.projectId });

    // An earlier image imported into store cinder-lvm3 (lvmdriver-3 on cvol-b): shows where that store lives.
    glanceImport(w, api.gapi, admin('seed'), T + 60e6, seed, 'glance-direct',
      { store: 'cinder-lvm3', volumeType: 'lvmdriver-3', imageVolume: iv3.id, secs: 31.4, cinder: (t) => imageVolumeCreate(w, B.cvol, t, iv3) });
    // The image: uploaded to the default store cinder-lvm1, then copied to cinder-lvm2 with copy-image.
    glanceUpload(w, api.gapi, admin('upload'), T + 180e6, img,
      { store: null, volumeType: 'lvmdriver-1', imageVolume: iv1.id, secs: 4.2, cinder: (t) => imageVolumeCreate(w, A.cvol, t, iv1) });
    glanceImport(w, api.gapi, admin('copy'), T + 240e6, img, 'copy-image',
      { store: 'cinder-lvm2', volumeType: 'lvmdriver-2', imageVolume: iv2.id, secs: 5.7, cinder: (t) => imageVolumeCreate(w, B.cvol, t, iv2) });

    const loc = locations(`cinder://cinder-lvm1/${iv1.id}`, [
      [`cinder://cinder-lvm1/${iv1.id}`, dict([['store', 'cinder-lvm1']])],
      [`cinder://cinder-lvm2/${iv2.id}`, dict([['store', 'cinder-lvm2']])],
    ]);
    const boots: { key: string; s: Aio; pool: string; h: string; t: number }[] = [
      { key: 'on-lvm1', s: A, pool: P1, h: 'cvol-a', t: T + 360e6 },
      { key: 'on-lvm2', s: B, pool: P2, h: 'cvol-b', t: T + 372e6 },
      { key: 'on-lvm3', s: B, pool: P3, h: 'cvol-b', t: T + 384e6 },
    ];
    const out: VolumeTruth[] = [rawT(iv3, 'cvol-b'), rawT(iv1, 'cvol-a'), rawT(iv2, 'cvol-b')];
    for (const b of boots) {
      const v = vol(N, b.key, 5, b.pool, b.key);
      const ctx = userCtx(N, b.key, true);
      novaBoot(w, b.s.ncpu, b.t - 2.3e6, ctx.gid ?? '', uuid(`${N}/instance/${b.key}`), img, b.h);
      const cvol = b.pool === P3 ? { ...b.s.cvol, workers: [52548] } : b.s.cvol;
      const f = new Flow(w, cvol, b.t, ctx, v, { img, loc });
      userCreate(w, b.s, f);
      f.start('image');
      f.cloningAt();
      if (b.pool === P3) {
        noAccessible(f);
        fullCopy(f, 1.9, 2.4, 'lvm', (s, e) => {
          const gctx = glanceCtx(f);
          glanceServe(w, api.gapi, gctx, img, s - 60000, [s, e], false);
          eventlet(api.gapi, { ...gctx, user: 'demo' }, s - 1800, e, 'GET', `/v2/images/${img.id}/file`, 200, img.size);
        });
        out.push(copyT(v, b.h, img, ['no-image-volume', 'cache-disabled']));
      } else {
        const iv = b.pool === P1 ? iv1 : iv2;
        willClone(f, iv.id);
        lvmThinClone(f, iv.id, iv.size);
        out.push(cloneT(v, b.h, img, 'glance-cinder'));
      }
      bootable(f);
      f.success();
    }
    cinderPeriodic(w, A.cvol, T + 5e6, T + 420e6, `${N}/a`);
    cinderPeriodic(w, B.cvol, T + 5e6, T + 420e6, `${N}/b`, 'stack-volumes-lvmdriver-2');
    keystoneChecks(w, api.ks, T, T + 420e6, N);
    return out;
  },
  files(w: World) {
    const of = (ident: string, h: string) => w.recs.filter((r) => r.svc.ident === ident && r.svc.host.name === h).map((r) => r.rec);
    const text = (recs: typeof EVENTLET) => [...recs].sort((a, b) => a.t - b.t).map((r) => `${osloFileText(r, 'zed')}\n`).join('');
    return {
      'oslo/cinder-volume-cvol-a.log': text(of('cinder-volume', 'cvol-a')),
      'oslo/cinder-volume-cvol-b.log': text(of('cinder-volume', 'cvol-b')),
      'oslo/glance-api.log': text([...of('devstack@g-api.service', 'ctrl-1'), ...EVENTLET]),
    };
  },
  truth() {
    const { image: img, seed, iv1, iv2, iv3 } = GLANCE_MERGED;
    const copyVolume = uuid(`${N}/vol/on-lvm3`);
    return {
      images: [
        { imageId: seed.id, diskFormat: 'raw', stores: ['cinder-lvm3'], transfers: [{ kind: 'import', method: 'glance-direct', store: 'cinder-lvm3', volumeId: iv3.id, bytes: seed.size, status: 'succeeded' }] },
        { imageId: img.id, diskFormat: 'raw', stores: ['cinder-lvm1', 'cinder-lvm2'], transfers: [
          { kind: 'upload', method: null, store: 'cinder-lvm1', volumeId: iv1.id, bytes: img.size, status: 'succeeded' },
          { kind: 'import', method: 'copy-image', store: 'cinder-lvm2', volumeId: iv2.id, bytes: img.size, status: 'succeeded' },
        ] },
      ],
      glance: [{
        volumeId: copyVolume,
        serveRequestId: userCtx(N, 'on-lvm3', true).gid,
        serveBytes: img.size,
        cacheHit: false,
        adviceCodes: ['image-not-on-backend'],
        command: `glance image-import ${img.id} --stores cinder-lvm3 --import-method copy-image`,
      }],
    };
  },
} satisfies Scenario;

