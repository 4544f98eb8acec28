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

// Node's mkdirSync({ recursive: true }) never returns for a path under /proc (procfs answers ENOENT,
// which it retries forever): the loader must create the cache level by level and give up instead.
test('a cache directory under /proc falls back to tsx instead of hanging', (t) => {
  const r = spawnSync(BIN, ARGS, { encoding: 'utf8', input: '', timeout: 30_000, env: { ...process.env, CLONEWATCH_CACHE_DIR: '/proc/clonewatch-no-such-dir/cache' } });
  t.is(r.signal, null, 'it did not have to be killed');
  t.is(r.status, 0);
  t.true(r.stdout.includes('"kind":"volume"'));
});
