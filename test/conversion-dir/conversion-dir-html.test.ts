import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserTest, launchChromium, watchedPage } from '../report/browser.ts';
import { runCli } from '../report/run-cli.ts';

// The conversion directory's curves in the HTML report, in real headless Chromium.

const OUT = 'test-output/conversion-dir';
mkdirSync(OUT, { recursive: true });

interface Host {
  host: string | null;
  peakBytes: number;
  points: { t: string; bytes: number }[];
  noSpace: unknown[];
}

async function htmlReport(name: string, input: string): Promise<{ file: string; hosts: Host[] }> {
  const file = resolve(OUT, name);
  const r = await runCli(['report', '--json', '--tz', 'UTC', '--html', file, input]);
  if (r.status !== 0) throw new Error(r.stderr);
  return { file, hosts: (JSON.parse(r.stdout) as { conversionDir: Host[] }).conversionDir };
}

browserTest('burst: one curve per host, the peak labelled with its bytes, time and volumes, drawn to the top of the chart', async (t) => {
  const { file, hosts } = await htmlReport('burst.html', 'samples/burst/journal.json');
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    const charts = w.page.locator('svg.conversion-dir');
    t.is(await charts.count(), hosts.length);
    t.deepEqual(await charts.evaluateAll((els) => els.map((e) => [e.getAttribute('data-host'), Number(e.getAttribute('data-peak-bytes'))])), hosts.map((h) => [h.host, h.peakBytes]));
    const b = charts.filter({ has: w.page.locator('text.chart-title', { hasText: 'cvol-b' }) });
    t.is(await b.locator('text.peak-label').textContent(), 'peak 4.68 GiB at 09:15:10, 8 volumes');
    // The curve is drawn across the chart and its highest point is the peak marker (SVG geometry, no stroke).
    const box = await b.locator('path.curve').evaluate((e) => {
      const r = (e as unknown as { getBBox(): { y: number; width: number; height: number } }).getBBox();
      return { y: r.y, width: r.width, height: r.height };
    });
    const cy = Number(await b.locator('circle.peak').getAttribute('cy'));
    t.true(Math.abs(box.y - cy) < 0.11, `the curve's top ${box.y} is the peak marker's ${cy}`);
    t.true(box.width > 800 && box.height > 80, 'a curve across the chart, not a flat line');
    await b.screenshot({ path: `${OUT}/burst-cvol-b.png` });
    t.deepEqual(w.errors, []);
    t.deepEqual(w.requests, []);
  } finally {
    await browser.close();
  }
});

browserTest('conversion-space: the no-space failure is marked on the curve and its tooltip names the volume and the line', async (t) => {
  const { file, hosts } = await htmlReport('conversion-space.html', 'samples/conversion-space/journal.json');
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    const chart = w.page.locator('svg.conversion-dir');
    t.is(await chart.count(), 1);
    t.is(await chart.locator('text.peak-label').textContent(), 'peak 6.15 GiB at 11:03:04, 3 volumes');
    t.is(hosts[0]?.noSpace.length, 1);
    const title = await chart.locator('line > title').textContent();
    t.regex(title ?? '', /^no space: [0-9a-f-]{36} at 11:03:04: No space left in image_conversion_dir path \(\/opt\/stack\/data\/cinder\/conversion\) while fetching image /);
    t.deepEqual(w.errors, []);
  } finally {
    await browser.close();
  }
});
