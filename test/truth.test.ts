import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VolumeRecord } from '../src/schema/volume-record.ts';
import { analyseFiles } from './helpers/analyse-files.ts';
import { scenarios } from './helpers/sample-files.ts';

// Every scenario's truth.json was written from the reference's rules, independently of this code:
// each rendering of the scenario (every journalctl mode, the oslo.log file) must give those answers.

interface Truth {
  volumes: {
    volumeId: string;
    host: string | null;
    source: string;
    imageId: string | null;
    status: string;
    provisioning: string | null;
    cloneMethod: string | null;
    conversion: { from: string; to: string } | null;
    cacheSeeded: boolean;
    reasonCodes: string[];
    phases: string[];
    internalVolumes: string[];
  }[];
}

const facts = (v: VolumeRecord) => ({
  source: v.source,
  imageId: v.imageId,
  status: v.status,
  provisioning: v.provisioning,
  cloneMethod: v.cloneMethod,
  conversion: v.conversion,
  cacheSeeded: v.cacheSeeded,
  reasonCodes: [...v.reasonCodes].sort(),
  internalVolumes: v.internalVolumes.map((i) => i.volumeId),
});

const expected = (w: Truth['volumes'][number]) => ({
  source: w.source,
  imageId: w.imageId,
  status: w.status,
  provisioning: w.provisioning,
  cloneMethod: w.cloneMethod,
  conversion: w.conversion,
  cacheSeeded: w.cacheSeeded,
  reasonCodes: [...w.reasonCodes].sort(),
  internalVolumes: w.internalVolumes,
});

for (const name of scenarios()) {
  const dir = join('samples', name);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
  const files = readdirSync(dir).filter((f) => /^journal\.|\.log$/.test(f) && !f.startsWith('glance'));
  for (const file of files) {
    test(`truth: ${name}/${file}`, async (t) => {
      const r = await analyseFiles([join(dir, file)], { year: 2026, zone: 'UTC' });
      const got = new Map(r.volumes.filter((v) => v.volumeId !== null).map((v) => [v.volumeId as string, v]));
      for (const want of truth.volumes) {
        const v = got.get(want.volumeId);
        if (v === undefined) {
          t.fail(`volume ${want.volumeId} missing`);
          continue;
        }
        t.deepEqual(facts(v), expected(want), `volume ${want.volumeId}`);
        // oslo.log files and `-o cat` carry no hostname.
        t.is(v.host, file.endsWith('.log') || file.includes('.cat.') ? null : want.host, `host of ${want.volumeId}`);
        const names = v.phases.map((p) => p.name);
        t.deepEqual(names.filter((n) => want.phases.includes(n)), want.phases, `phases of ${want.volumeId}: ${names.join(',')}`);
      }
      t.is(r.volumes.length, truth.volumes.length, 'no volume reported that the truth does not list (cache image-volumes are internal)');
    });
  }
}

// The real excerpts (samples/real, copied from ../shared/real-logs) with a careful reader's conclusions.
for (const f of readdirSync(join('samples', 'real')).filter((x) => x.endsWith('.truth.json')).sort()) {
  const log = join('samples', 'real', f.replace(/\.truth\.json$/, ''));
  const truth = JSON.parse(readFileSync(join('samples', 'real', f), 'utf8')) as Truth;
  test(`truth: ${log}`, async (t) => {
    const r = await analyseFiles([log], { year: 2026, zone: 'UTC' });
    for (const want of truth.volumes) {
      const v = r.volumes.find((x) => x.volumeId === want.volumeId);
      if (v === undefined) {
        t.fail(`volume ${want.volumeId} missing`);
        continue;
      }
      t.deepEqual(facts(v), expected(want), `volume ${want.volumeId}`);
    }
    t.is(r.volumes.length, truth.volumes.length);
  });
}
