import test from 'ava';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// bin/clonewatch runs a cached esbuild bundle of src/ (built on the first run after a change), or
// the sources through tsx. Both must give the same answers, and first runs racing must not clash.

const BIN = 'bin/clonewatch';
const ARGS = ['--json', '--tz', 'UTC', 'samples/multi-host/journal.json', 'samples/failure/journal.json'];

const runAsync = (env: NodeJS.ProcessEnv) =>
  new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(BIN, ARGS, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('close', (status) => resolve({ status, stdout }));
  });

test('four first runs at once build one bundle, and it answers like the sources run through tsx', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'clonewatch-bundle-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const viaTsx = spawnSync(BIN, ARGS, { encoding: 'utf8', input: '', env: { ...process.env, CLONEWATCH_NO_BUNDLE: '1' } });
  t.is(viaTsx.status, 0);
  t.true(viaTsx.stdout.includes('"kind":"volume"'), 'the sources found volumes');
  const runs = await Promise.all([1, 2, 3, 4].map(() => runAsync({ CLONEWATCH_CACHE_DIR: dir })));
  for (const r of runs) {
    t.is(r.status, 0);
    t.is(r.stdout, viaTsx.stdout);
  }
  const files = readdirSync(dir);
  t.is(files.filter((f) => f.startsWith('main-') && f.endsWith('.mjs')).length, 1, files.join(', '));
  t.deepEqual(files.filter((f) => f.endsWith('.tmp')), []);
});

test('an unwritable cache falls back to the sources through tsx, with the same answer', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'clonewatch-bundle-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const notADir = join(dir, 'file');
  writeFileSync(notADir, '');
  const r = spawnSync(BIN, ARGS, { encoding: 'utf8', input: '', env: { ...process.env, CLONEWATCH_CACHE_DIR: join(notADir, 'cache') } });
  const viaTsx = spawnSync(BIN, ARGS, { encoding: 'utf8', input: '', env: { ...process.env, CLONEWATCH_NO_BUNDLE: '1' } });
  t.is(r.status, 0);
  t.is(r.stdout, viaTsx.stdout);
});
