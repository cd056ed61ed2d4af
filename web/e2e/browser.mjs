// Launches Debian's Chromium through playwright-core (never a downloaded browser) and records what the tests check
// besides the page itself: console errors, Content-Security-Policy violations and every request with its body.
import { chromium } from 'playwright-core';

/** Fails the journey with `message` unless `ok`: for what a locator's wait cannot state. */
export function expect(ok, message) {
  if (!ok) throw new Error(message);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page in a new context (its own storage); `contextOptions` may set a phone's viewport, touch and so on. */
export async function openPage(browser, report, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    if (m.type() === 'error') report.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => report.consoleErrors.push(String(e)));
  page.on('request', (r) => report.requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  return { context, page };
}

export function newReport() {
  return { steps: [], error: null, consoleErrors: [], requests: [] };
}

/** Runs the journey, prints the report as JSON on stdout (the xunit test reads it) and exits non-zero on failure. */
export async function run(journey, screenshots) {
  const report = newReport();
  const browser = await launch();
  let current;
  try {
    await journey(browser, report, (page) => (current = page));
  } catch (e) {
    report.error = String(e?.stack ?? e);
    if (current && screenshots) await current.screenshot({ path: `${screenshots}/failure.png`, fullPage: true }).catch(() => {});
  } finally {
    await browser.close();
  }
  report.requests = report.requests.filter((r) => !r.url.includes('/assets/'));
  process.stdout.write(JSON.stringify(report));
}
