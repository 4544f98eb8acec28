import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserTest, launchChromium, watchedPage } from './browser.ts';
import { runCli } from './run-cli.ts';

// Issue 4's "Done when": on a multi-host sample with a burst of 25 volumes from one image (some
// clones, some copies), the report names the slowest volumes and why, the peak concurrency and
// when, and the HTML file renders that burst in Chromium so that clones and copies can be told
// apart at a glance. Expectations come from truth.json and from the plain `--json` timelines,
// not from the report's own code.

const BURST = 'samples/burst/journal.json';

interface Truth { volumes: { volumeId: string; host: string; imageId: string; provisioning: string; reasonCodes: string[] }[] }
interface Vol { kind: string; volumeId: string; start: string; end: string; durationMs: number; reasons: string[] }

browserTest('done when: the burst report names the slowest volumes and why, the peak and when, and the HTML tells clones from copies', async (t) => {
  const truth = JSON.parse(readFileSync('samples/burst/truth.json', 'utf8')) as Truth;
  t.is(truth.volumes.length, 25);
  t.is(new Set(truth.volumes.map((v) => v.imageId)).size, 1, 'one image');
  t.deepEqual([...new Set(truth.volumes.map((v) => v.host))].sort(), ['cvol-a', 'cvol-b'], 'several hosts');
  const clones = truth.volumes.filter((v) => v.provisioning === 'clone').length;
  const copies = truth.volumes.filter((v) => v.provisioning === 'copy').length;
  t.true(clones > 0 && copies > 0);

  const timelines = (await runCli(['--json', '--tz', 'UTC', BURST])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Vol).filter((r) => r.kind === 'volume');
  const slowest = [...timelines].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  // Independent sweep for the peak: +1 at each start, −1 at each end (an end before a start at the same instant).
  const edges = timelines.flatMap((v) => [{ t: Date.parse(v.start), d: 1 }, { t: Date.parse(v.end), d: -1 }]).sort((a, b) => a.t - b.t || a.d - b.d);
  let n = 0;
  let peak = 0;
  let peakAt = 0;
  for (const e of edges) {
    n += e.d;
    if (n > peak) [peak, peakAt] = [n, e.t];
  }

  const r = await runCli(['report', '--tz', 'UTC', '--top', '3', BURST]);
  t.is(r.status, 0, r.stderr);
  const section = r.stdout.slice(r.stdout.indexOf('Slowest 3'), r.stdout.indexOf('Time in copies'));
  let at = 0;
  for (const v of slowest) {
    const i = section.indexOf(v.volumeId);
    t.true(i > at, `${v.volumeId} is named among the slowest, in order`);
    at = i;
    const codes = truth.volumes.find((x) => x.volumeId === v.volumeId)?.reasonCodes ?? [];
    t.true(codes.length > 0);
    const next = section.indexOf('\n   ', i + 1) < 0 ? section.length : section.indexOf(`${slowest.indexOf(v) + 2}. `, i);
    for (const code of codes) t.true(section.slice(i, next < 0 ? undefined : next).includes(`[${code}]`), `${v.volumeId}: why (${code})`);
  }
  const when = new Date(peakAt).toISOString().slice(0, 19).replace('T', ' ');
  t.regex(r.stdout, new RegExp(`peak +${peak} in flight at ${when}`));

  mkdirSync('test-output/report', { recursive: true });
  const file = resolve('test-output/report/acceptance-burst.html');
  t.is((await runCli(['report', '--tz', 'UTC', '--html', file, BURST])).status, 0);
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    t.is(await w.page.locator('rect.bar').count(), 25);
    t.is(await w.page.locator('rect.bar-clone').count(), clones);
    t.is(await w.page.locator('rect.bar-copy').count(), copies);
    // At a glance: a different row colour, a CLONE / COPY tag on every row, and clones an order of magnitude shorter.
    t.not(await w.page.locator('rect.bar-clone').first().getAttribute('fill'), await w.page.locator('rect.bar-copy').first().getAttribute('fill'));
    t.is(await w.page.locator('tspan.tag-clone').count(), clones);
    t.is(await w.page.locator('tspan.tag-copy').count(), copies);
    const width = async (sel: string) => Math.max(...(await w.page.locator(sel).evaluateAll((es) => es.map((e) => Number(e.getAttribute('width'))))));
    t.true((await width('rect.bar-clone')) * 10 < (await width('rect.bar-copy')));
    await w.page.screenshot({ path: 'test-output/report/acceptance-burst.png', fullPage: true });
    t.deepEqual(w.errors, []);
  } finally {
    await browser.close();
  }
});
