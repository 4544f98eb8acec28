import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { parseExposition, sampleValue } from './metrics/parse-exposition.ts';
import { promtoolTest, runTool } from './metrics/run-tool.ts';
import { shiftToNow } from './helpers/shift-to-now.ts';
import { startFollow } from './metrics/start-follow.ts';
import { browserTest, launchChromium, watchedPage } from './report/browser.ts';
import { runCli } from './report/run-cli.ts';

// Issue 15.3: "is the image-volume cache too small?" What a user reads: the summary's and the
// report's cache line per backend, the JSON, the HTML table, the advice, and the exporter's counters.

interface Cache {
  backend: string;
  hits: number;
  misses: number;
  hitRatio: number | null;
  created: number;
  notCreated: number;
  evictions: Record<string, number>;
  churn: Record<string, number>;
  churnImages: string[];
  limits: { maxCount: number; maxGb: number } | null;
  peak: { count: number; gb: number } | null;
  needed: { maxCount: number; maxGb: number } | null;
}
interface Advice { code: string; message: string; command: string | null; volumes: number }
const summaryOf = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; imageCache: Cache[]; advice: Advice[] }).find((r) => r.kind === 'summary');
const none = { count: 0, size: 0, space: 0, stale: 0, 'snapshot-limit': 0, other: 0 };

const CIRROS = '71b0b937-053e-44cd-b09b-981592f0e596';
const UBUNTU = '806f1cdf-7815-4df5-9cf2-bd03def9b8c6';
/** The cache-churn sample as its scenario was written: 3 entries / 6 GB, eleven boots from five images. */
const CHURN: Cache = {
  backend: 'cvol-c@lvmdriver-1',
  hits: 2,
  misses: 9,
  hitRatio: 0.182,
  created: 9,
  notCreated: 0,
  evictions: { ...none, count: 3, size: 2, stale: 1 },
  churn: { ...none, count: 1, size: 2 },
  churnImages: [CIRROS, UBUNTU],
  limits: { maxCount: 3, maxGb: 6 },
  peak: { count: 4, gb: 7 },
  // Replaying the lookups through cinder's LRU: 5 entries keep cirros (evicted at boot 4) and ubuntu (boot 5) until they come back; 9 GB likewise.
  needed: { maxCount: 5, maxGb: 9 },
};
const ADVICE =
  'the image-volume cache of cvol-c@lvmdriver-1 is too small: 3 misses were of images it had evicted to make room (1 by count, 2 by size); for them to be hits it had to hold 5 entries and 9 GB: ' +
  'set image_volume_cache_max_count = 5 (now 3) and image_volume_cache_max_size_gb = 9 (now 6) in the [lvmdriver-1] section of cinder.conf on cvol-c';
const LINE = 'cvol-c@lvmdriver-1: 2 hits · 9 misses (hit ratio 18 %) · 9 created · evicted 6 (count 3, size 2, stale 1) · missed again after eviction 3 (count 1, size 2) · limits 3 max entries / 6 max GB';
const CHURN_FORMATS = ['journal.json', 'journal.export', 'journal.short-precise.txt', 'journal.short-iso.txt', 'journal.cat.txt', 'cinder-volume.log'];

for (const file of CHURN_FORMATS) {
  test(`cache-churn/${file}: the same cache statistics and advice from every format`, async (t) => {
    const r = await runCli(['--json', '--year', '2026', `samples/cache-churn/${file}`]);
    t.is(r.status, 0, r.stderr);
    const s = summaryOf(r.stdout);
    // cat carries no host: the cache's own lines name the backend, so the answer is the same.
    t.deepEqual(s?.imageCache, [CHURN]);
    t.deepEqual(s?.advice.filter((a) => a.code === 'cache-too-small'), [{ code: 'cache-too-small', message: ADVICE, command: null, volumes: 3 }]);
  });
}

test('cache-churn: the human summary has the backend line and the advice; the report a section with what the limits held and what was needed', async (t) => {
  const human = await runCli(['--year', '2026', 'samples/cache-churn/journal.short-precise.txt']);
  t.true(human.stdout.includes(`  image cache  ${LINE}\n`), human.stdout);
  t.true(human.stdout.includes(`  advice       ${ADVICE} (3 volumes)\n`));

  const report = await runCli(['report', 'samples/cache-churn/journal.json']);
  t.is(report.status, 0, report.stderr);
  t.true(report.stdout.includes(`Image-volume cache\n  ${LINE}\n    at most 4 entries / 7 GB with a new entry · the lookups needed 5 entries / 9 GB to hit · missed again: ${CIRROS}, ${UBUNTU}\n`), report.stdout);
  t.true(report.stdout.includes(`  - ${ADVICE} [cache-too-small, 3 volumes]`));

  const json = await runCli(['report', '--json', 'samples/cache-churn/journal.export']);
  const doc = JSON.parse(json.stdout) as { imageCache: Cache[]; advice: Advice[] };
  t.deepEqual(doc.imageCache, [CHURN]);
  t.true(doc.advice.some((a) => a.code === 'cache-too-small' && a.message === ADVICE && a.volumes === 3));
});

const BURST_A = { backend: 'cvol-a@lvmdriver-1', hits: 8, misses: 1, hitRatio: 0.889, created: 1, evictions: none, churn: none, limits: null, needed: null };
for (const file of ['journal.json', 'journal.export', 'journal.short-precise.txt']) {
  test(`burst/${file}: the report shows cvol-a's cache (1 miss that seeds, 8 hits) and nothing for cvol-b, whose cache is off`, async (t) => {
    const json = await runCli(['report', '--json', '--year', '2026', `samples/burst/${file}`]);
    t.is(json.status, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as { imageCache: Cache[]; advice: Advice[] };
    t.is(doc.imageCache.length, 1);
    t.like(doc.imageCache[0], BURST_A);
    t.false(doc.advice.some((a) => a.code === 'cache-too-small'), 'no eviction, no advice');
    const human = await runCli(['report', '--year', '2026', `samples/burst/${file}`]);
    t.true(human.stdout.includes('Image-volume cache\n  cvol-a@lvmdriver-1: 8 hits · 1 miss (hit ratio 89 %) · 1 created · evicted 0\n'), human.stdout);
  });
}

/** oslo.log lines (Zed+ context) for the cases the samples do not hold. */
const line = (ms: number, level: string, logger: string, rid: string | null, msg: string) =>
  `2026-04-01 10:00:${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')} 4242 ${level} ${logger} [${rid === null ? '-' : `None ${rid} demo demo - - default default`}] ${msg}\n`;
const CV = 'cinder.volume.flows.manager.create_volume';
const CACHE = 'cinder.image.cache';
const IMG = '3e83cca4-356a-40e8-9561-d98282218c61';
const entry = (id: number, vol: string, size: number) => `{'id': ${id}, 'image_id': '${IMG}', 'volume_id': '${vol}', 'host': 'h1@rbd-1#rbd-1', 'size': ${size}, 'image_updated_at': datetime.datetime(2026, 3, 1, 8, 0), 'last_used': datetime.datetime(2026, 4, 1, 9, 0)}`;
const V1 = '1f4b2d7e-8c3a-4e0f-9b61-2a7d5c8e9f10';
const V2 = '2f4b2d7e-8c3a-4e0f-9b61-2a7d5c8e9f10';
const R1 = 'req-11111111-2222-4333-8444-555555555555';
const R2 = 'req-21111111-2222-4333-8444-555555555555';
const R3 = 'req-31111111-2222-4333-8444-555555555555';

test('2025.2 wordings, the ≤ 2025.1 snapshot-limit eviction, and eviction lines without a request id', async (t) => {
  const input = [
    // ≤ 2025.1: a hit whose clone hits the snapshot limit: the entry is evicted (only the Evicting line), the retry misses.
    line(0, 'DEBUG', CV, R1, `Found cache entry for image = ${IMG} on host h1@rbd-1#rbd-1.`),
    line(10, 'DEBUG', CV, R1, `Creating from source image-volume ${V1}`),
    line(20, 'DEBUG', CACHE, R1, `Evicting image cache entry: ${entry(1, V1, 2)}.`),
    line(30, 'DEBUG', CV, R1, 'Snapshot limit reached. Creating new image-volume.'),
    line(40, 'DEBUG', CV, R1, `Preparing cache entry for image = ${IMG} on host h1@rbd-1#rbd-1.`),
    line(50, 'DEBUG', CACHE, R1, `New image-volume cache entry created: ${entry(2, V2, 2)}.`),
    // 2025.2+: a space eviction whose ensure_space lines carry no request id, then the same image missed again.
    line(2000, 'DEBUG', CACHE, null, 'Image-volume cache for h1@rbd-1 current_size (GB) = 4 (max = 3), current count = 2 (max = 5).'),
    line(2010, 'DEBUG', CACHE, null, `Deleting image-volume cache entry to reclaim space: entry ${entry(2, V2, 2)}.`),
    line(2020, 'DEBUG', CACHE, null, `Evicting image cache entry: ${entry(2, V2, 2)}.`),
    line(2030, 'DEBUG', CACHE, null, 'Image-volume cache for h1@rbd-1 new size (GB) = 2, new count = 1.'),
    line(3000, 'DEBUG', CV, R2, `Preparing cache entry for image = ${IMG} on host h1@rbd-1#rbd-1.`),
    line(4000, 'DEBUG', CACHE, R3, `Deleting image-volume cache entry that reached its cloning snapshot limit: entry ${entry(3, '3f4b2d7e-8c3a-4e0f-9b61-2a7d5c8e9f10', 2)}.`),
    line(5000, 'WARNING', 'cinder.volume.manager', R3, `Unable to ensure space for image-volume in cache. Will skip creating entry for image ${IMG} on h1@rbd-1.`),
  ].join('');
  const r = await runCli(['--json', '-'], {}, input);
  t.is(r.status, 0, r.stderr);
  const [c, ...rest] = summaryOf(r.stdout)?.imageCache ?? [];
  t.is(rest.length, 0);
  t.like(c, {
    backend: 'h1@rbd-1',
    hits: 1,
    misses: 2,
    created: 1,
    notCreated: 1,
    evictions: { ...none, size: 1, 'snapshot-limit': 2 },
    churn: { ...none, size: 1 },
    limits: { maxCount: 5, maxGb: 3 },
  });
  // One image, evicted for space and missed again: 2 GB would have kept it; the count limit (5) was never short.
  // The replay knows only the entries the input shows: this one image needed 2 GB, less than the 3 GB
  // limit (entries created before the input filled the rest), so no limit is advised to go down.
  t.deepEqual(c?.needed, { maxCount: 1, maxGb: 2 });
  t.is(summaryOf(r.stdout)?.advice.find((a) => a.code === 'cache-too-small'), undefined);
});

test('a cache without evictions, or only stale ones, gives no sizing advice', async (t) => {
  const input = [
    line(0, 'DEBUG', CV, R1, `Preparing cache entry for image = ${IMG} on host h1@rbd-1#rbd-1.`),
    line(10, 'DEBUG', CACHE, R1, `New image-volume cache entry created: ${entry(1, V1, 2)}.`),
    line(1000, 'DEBUG', CACHE, R2, `Image-volume cache entry is out-dated, evicting: ${entry(1, V1, 2)}.`),
    line(1010, 'DEBUG', CACHE, R2, `Evicting image cache entry: ${entry(1, V1, 2)}.`),
    line(1020, 'DEBUG', CV, R2, `Preparing cache entry for image = ${IMG} on host h1@rbd-1#rbd-1.`),
  ].join('');
  const s = summaryOf((await runCli(['--json', '-'], {}, input)).stdout);
  t.like(s?.imageCache[0], { misses: 2, evictions: { ...none, stale: 1 }, churn: none, needed: null });
  t.false(s?.advice.some((a) => a.code === 'cache-too-small'));
});

/** `follow --metrics-port 0` fed the cache-churn journal, scraped once its eleven volumes are out and the counters refreshed. */
async function scrapeChurn(t: { teardown(fn: () => void): void }): Promise<string> {
  const follow = startFollow();
  t.teardown(() => follow.kill());
  const url = await follow.url;
  follow.write(shiftToNow(readFileSync('samples/cache-churn/journal.json', 'utf8'), 'json')); // logged now: wall time counts only for current input
  for (let i = 0; i < 150 && follow.records().filter((r) => r.kind === 'volume').length < 11; i++) await new Promise((ok) => setTimeout(ok, 200));
  await new Promise((ok) => setTimeout(ok, 1200)); // one more refresh of the counters (once a second) after the last timeline
  const text = await (await fetch(url)).text();
  await follow.end();
  return text;
}

test('the exporter counts the cache per backend: scraped from `follow --metrics-port` fed the cache-churn journal', async (t) => {
  const text = await scrapeChurn(t);
  const e = parseExposition(text);
  const labels = { backend: 'lvmdriver-1' };
  t.is(sampleValue(e, 'clonewatch_image_cache_hits_total', labels), 2, text);
  t.is(sampleValue(e, 'clonewatch_image_cache_misses_total', labels), 9);
  t.is(sampleValue(e, 'clonewatch_image_cache_entries_created_total', labels), 9);
  t.is(sampleValue(e, 'clonewatch_image_cache_evictions_total', { ...labels, reason: 'count' }), 3);
  t.is(sampleValue(e, 'clonewatch_image_cache_evictions_total', { ...labels, reason: 'size' }), 2);
  t.is(sampleValue(e, 'clonewatch_image_cache_evictions_total', { ...labels, reason: 'stale' }), 1);
  t.is(sampleValue(e, 'clonewatch_image_cache_evictions_total', { ...labels, reason: 'snapshot-limit' }), 0, 'every reason is a series from the start');
  t.is(sampleValue(e, 'clonewatch_image_cache_misses_after_eviction_total', { ...labels, reason: 'size' }), 2);
  t.is(sampleValue(e, 'clonewatch_image_cache_misses_after_eviction_total', { ...labels, reason: 'count' }), 1);
});

promtoolTest('promtool check metrics accepts the cache counters', async (t) => {
  const text = await scrapeChurn(t);
  t.true(text.includes('clonewatch_image_cache_evictions_total{backend="lvmdriver-1",reason="count"} 3'), text);
  const r = await runTool('promtool', ['check', 'metrics'], text);
  t.is(r.code, 0, r.stdout + r.stderr);
  t.is(r.stdout + r.stderr, '');
});

const OUT = 'test-output/report';
mkdirSync(OUT, { recursive: true });
/** A backend name no cinder would log, but a log line may hold: it must read as text. */
const EVIL_HOST = `x"><script>alert(1)<script>&amp;@lvm`;

browserTest('HTML report: a table per backend with what the summary says, and a hostile backend name stays text', async (t) => {
  const file = resolve(OUT, 'cache-churn.html');
  const evil = [line(0, 'DEBUG', CV, R1, `Preparing cache entry for image = ${IMG} on host ${EVIL_HOST}#p.`)].join('');
  const r = await runCli(['report', '--html', file, '-'], {}, readFileSync('samples/cache-churn/cinder-volume.log', 'utf8') + evil);
  t.is(r.status, 0, r.stderr);
  t.false(readFileSync(file, 'utf8').includes('<script>alert(1)'), 'escaped in the file');
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    const names = await w.page.locator('.cache-backend h3').allTextContents();
    t.deepEqual(names, ['cvol-c@lvmdriver-1', EVIL_HOST]);
    const rows = await w.page.locator('.cache-backend').first().locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    t.deepEqual(rows, [
      ['hits', '2'],
      ['misses', '9'],
      ['hit ratio', '18 %'],
      ['entries created', '9'],
      ['evicted: count', '3'],
      ['evicted: size', '2'],
      ['evicted: stale', '1'],
      ['missed again after eviction', '3 (count 1, size 2)'],
      ['limits (max entries / GB)', '3 / 6'],
      ['held at most, with a new entry', '4 / 7 GB'],
      ['needed for those misses to hit', '5 / 9 GB'],
    ]);
    t.true((await w.page.locator('ul.advice').textContent())?.includes(ADVICE));
    t.deepEqual(w.dialogs, [], 'no script ran');
    t.deepEqual(w.errors, []);
  } finally {
    await browser.close();
  }
});
