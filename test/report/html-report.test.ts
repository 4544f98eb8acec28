import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { browserTest, launchChromium, watchedPage } from './browser.ts';
import { runCli } from './run-cli.ts';
import { manyVolumes } from './support/many-volumes.ts';

// The HTML report in real headless Chromium (Debian's, driven by playwright-core), opened from disk.

const OUT = 'test-output/report';
mkdirSync(OUT, { recursive: true });

async function writeReport(name: string, args: string[]): Promise<{ file: string; report: { volumes: { total: number; byProvisioning: Record<string, number> } } }> {
  const file = resolve(OUT, name);
  const r = await runCli(['report', '--json', '--tz', 'UTC', '--year', '2026', '--html', file, ...args]);
  if (r.status !== 0) throw new Error(`clonewatch failed: ${r.stderr}`);
  return { file, report: JSON.parse(r.stdout) as { volumes: { total: number; byProvisioning: Record<string, number> } } };
}

browserTest('burst: one bar per volume, clones and copies told apart, hover shows the reasons, no console errors', async (t) => {
  const { file, report } = await writeReport('burst.html', ['samples/burst/journal.json']);
  const html = readFileSync(file, 'utf8');
  t.notRegex(html, /<(?:link|img|iframe)\b|\bsrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg')/, 'self-contained: nothing to fetch (the SVG namespace is a name, not a fetch)');
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    t.is(await w.page.locator('#gantt').getAttribute('data-rows'), String(report.volumes.total));
    t.is(await w.page.locator('rect.bar').count(), report.volumes.total);
    t.is(await w.page.locator('rect.bar-clone').count(), report.volumes.byProvisioning['clone'] ?? -1);
    t.is(await w.page.locator('rect.bar-copy').count(), report.volumes.byProvisioning['copy'] ?? -1);
    t.is(await w.page.locator('text.clone-mark').count(), report.volumes.byProvisioning['clone'] ?? -1, 'each clone carries its duration');
    const fill = (sel: string) => w.page.locator(sel).first().getAttribute('fill');
    t.not(await fill('rect.bar-clone'), await fill('rect.bar-copy'));

    // Hover the slowest copy's bar: its reasons appear in the tooltip.
    const row = w.page.locator('g.row', { has: w.page.locator('rect.bar-copy') }).last();
    await row.locator('rect.bar').hover();
    const tip = w.page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    t.regex(text, /why not a clone:/);
    t.regex(text, /the image-volume cache is disabled for backend lvmdriver-2 \[cache-disabled\]/);
    t.regex(text, /download .* MB\/s/);
    await w.page.screenshot({ path: `${OUT}/burst.png`, fullPage: true });

    // Click pins the details; the slowest table row reveals its volume.
    await w.page.locator('#slowest tr[data-index]').first().click();
    await w.page.locator('#details').waitFor({ state: 'visible' });
    t.regex(await w.page.locator('#details').innerText(), /COPY 25e47228-4651-44a9-a2a6-40f6a1bd52ae/);
    t.deepEqual(w.errors, []);
    t.deepEqual(w.requests, []);
  } finally {
    await browser.close();
  }
});

const EVIL = `<script>alert(1)</script>"><img src=x onerror=alert(2)></style><a href="javascript:alert(3)">javascript:alert(4)</a>`;

browserTest('XSS: an image name with <script>, "><img onerror>, </style> and a javascript: URL stays inert text', async (t) => {
  const src = readFileSync('samples/copy-with-conversion/cinder-volume.log', 'utf8');
  t.true(src.includes("'name': 'ubuntu-22.04-server-cloudimg-amd64'"));
  const input = `${OUT}/evil.log`;
  writeFileSync(input, src.replaceAll("'name': 'ubuntu-22.04-server-cloudimg-amd64'", `'name': '${EVIL}'`));
  const { file } = await writeReport('evil.html', [input]);
  const html = readFileSync(file, 'utf8');
  t.false(html.includes('<img'), 'no raw <img in the file');
  t.false(html.includes('<script>alert'), 'no raw <script>alert in the file');
  t.false(html.includes('</style><a'), 'no raw </style> from the log');
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    await w.page.locator('rect.bar').first().hover();
    await w.page.locator('#tooltip').waitFor({ state: 'visible' });
    t.true((await w.page.locator('#tooltip').innerText()).includes(EVIL), 'the name appears as text in the tooltip');
    t.true((await w.page.locator('#slowest').innerText()).includes(EVIL), 'and in the slowest table');
    await w.page.locator('#slowest tr[data-index]').first().click();
    t.true((await w.page.locator('#details').innerText()).includes(EVIL));
    t.is(await w.page.locator('img').count(), 0, 'no element injected');
    t.is(await w.page.locator('a').count(), 0);
    t.is(await w.page.locator('script').count(), 2, 'only the data and the report script');
    t.is(await w.page.locator('style').count(), 1);
    t.deepEqual(w.dialogs, [], 'no dialog fired');
    t.deepEqual(w.errors, []);
  } finally {
    await browser.close();
  }
  // The terminal report prints it as it was logged (no control characters to strip here).
  const term = await runCli(['report', '--tz', 'UTC', input]);
  t.true(term.stdout.includes(EVIL));
});

browserTest('5,000 volumes: the report renders, keeps a few dozen rows in the DOM and scrolls to the last volume', async (t) => {
  const input = await manyVolumes(5000);
  const { file, report } = await writeReport('many.html', [input]);
  t.is(report.volumes.total, 5000);
  const browser = await launchChromium();
  try {
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(file).href);
    t.is(await w.page.locator('#gantt').getAttribute('data-rows'), '5000');
    const rows = await w.page.locator('g.row').count();
    t.true(rows > 10 && rows < 100, `${rows} rows in the DOM`);
    const spacer = await w.page.locator('#gantt-spacer').evaluate((e) => e.getBoundingClientRect().height);
    t.is(spacer, 5000 * 22, 'the scroll area is as tall as every row');
    // Slowest first, then to the bottom: the last rows are drawn and answer a hover.
    await w.page.locator('#gantt-sort').selectOption('duration');
    await w.page.locator('#gantt-scroll').evaluate((e) => (e.scrollTop = e.scrollHeight));
    await w.page.waitForFunction("document.querySelectorAll('g.row').length > 0 && document.getElementById('gantt-scroll').scrollTop > 100000");
    await w.page.waitForTimeout(100);
    t.true((await w.page.locator('g.row').count()) < 100);
    const last = w.page.locator('g.row').last();
    await last.locator('rect.bar').hover();
    await w.page.locator('#tooltip').waitFor({ state: 'visible' });
    t.regex(await w.page.locator('#tooltip').innerText(), /^CLONE /, 'the shortest are clones');
    // Find narrows the rows to one volume.
    await w.page.locator('#gantt-search').fill('00001387-0000-4000-8000');
    t.is(await w.page.locator('#gantt').getAttribute('data-rows'), '1');
    t.is(await w.page.locator('rect.bar').count(), 1);
    await w.page.screenshot({ path: `${OUT}/many.png` });
    t.deepEqual(w.errors, []);
  } finally {
    await browser.close();
  }
});
