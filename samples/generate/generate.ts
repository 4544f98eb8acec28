// Regenerate samples/: `npx tsx samples/generate/generate.ts [scenario…]` (see README.md).
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { World } from './lib/journal.ts';
import { BASE_MODES, osloFile, renderJournal } from './lib/render.ts';
import type { Scenario } from './lib/scenario.ts';
import { REAL_TRUTH } from './real-truth.ts';
import { SCENARIOS } from './scenarios/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const samples = resolve(here, '..');
const only = process.argv.slice(2);

function run(s: Scenario): void {
  const dir = join(samples, s.name);
  mkdirSync(dir, { recursive: true });
  const w = new World();
  const volumes = s.build(w);
  if (s.journal !== false) renderJournal(w, dir, [...BASE_MODES, ...(s.modes ?? [])], s.merge ?? false);
  for (const [name, text] of Object.entries(s.files?.(w) ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'truth.json'), `${JSON.stringify({ scenario: s.name, volumes, ...s.truth?.() }, null, 2)}\n`);
  if (s.osloFile) {
    writeFileSync(join(dir, 'cinder-volume.log'), osloFile(w, ['cinder-volume'], 'zed'));
    const fileVolumes = volumes.map((v) => ({ ...v, host: null }));
    writeFileSync(join(dir, 'truth.oslo-file.json'), `${JSON.stringify({ scenario: s.name, volumes: fileVolumes }, null, 2)}\n`);
  }
  console.log(`${s.name}: ${volumes.length} volume(s)`);
}

for (const s of SCENARIOS) if (only.length === 0 || only.includes(s.name)) run(s);

if (only.length === 0 || only.includes('real')) {
  const src = process.env.CLONEWATCH_REAL_LOGS ?? resolve(samples, '../../shared/real-logs');
  const dst = join(samples, 'real');
  mkdirSync(dst, { recursive: true });
  if (existsSync(src)) for (const f of readdirSync(src)) copyFileSync(join(src, f), join(dst, f));
  for (const [file, volumes] of Object.entries(REAL_TRUTH)) {
    writeFileSync(join(dst, `${file}.truth.json`), `${JSON.stringify({ scenario: `real/${file}`, volumes }, null, 2)}\n`);
  }
  console.log(`real: ${Object.keys(REAL_TRUTH).length} truth file(s)`);
}
