import { chromium, type Browser, type Page } from 'playwright-core';
import { missingProgram } from '../helpers/missing-program.ts';
import { needing } from '../helpers/needing.ts';

/** `test` for tests that open the report in Chromium: a skip saying what to install where it is missing. */
export const browserTest = needing(missingProgram('/usr/bin/chromium', 'chromium fonts-dejavu-core'));

/** Debian's Chromium, headless, with its background connections off (the tests run without network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watched {
  readonly page: Page;
  /** Console errors, page errors, dialogs and requests that left the file. */
  readonly errors: string[];
  readonly dialogs: string[];
  readonly requests: string[];
}

/** A page that records everything a broken or unsafe report would show. */
export async function watchedPage(browser: Browser, viewport = { width: 1400, height: 1000 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const w: Watched = { page, errors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') w.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) w.requests.push(r.url());
  });
  return w;
}
