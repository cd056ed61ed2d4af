// Headless Debian Chromium through playwright-core, with a throwaway profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export async function launchChromium() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orleansshop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = context.pages()[0] ?? await context.newPage();
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** Records the page's requests to `endpoint`, its WebSocket frames and its console errors into `report`. */
export function record(page, endpoint, report) {
  page.on('console', (m) => { if (m.type() === 'error') report.console.push(m.text()); });
  page.on('request', (r) => {
    if (r.url().startsWith(endpoint)) report.requests.push({
      method: r.method(),
      accept: r.headers()['accept'] ?? null,
      // Whether a bearer token went along, never the token.
      bearer: /^Bearer \S/.test(r.headers()['authorization'] ?? ''),
      body: r.postData() ?? null,
    });
  });
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => report.frames.push({ dir: 'out', data: String(f.payload) }));
    ws.on('framereceived', (f) => report.frames.push({ dir: 'in', data: String(f.payload) }));
  });
}

/** Waits until some Monaco editor on the page shows `text` (whitespace-insensitive). */
export function editorShows(page, text, timeout = 15000) {
  return page.waitForFunction(
    (expected) => [...document.querySelectorAll('.monaco-editor .view-lines')].some((e) => e.innerText.replace(/\s+/g, ' ').includes(expected)),
    text,
    { timeout });
}

/**
 * Replaces the text of the Monaco editor whose lines are `lines` with `text`, by pasting it: typing would be mangled by the
 * editor's bracket auto-closing. A busy page can drop keystrokes, so the result is checked and the paste repeated.
 */
export async function setEditorText(page, lines, text) {
  const normalize = (value) => value.replace(/\s+/g, ' ').trim();
  for (let attempt = 1; normalize(await lines.innerText()) !== text; attempt++) {
    if (attempt > 5) throw new Error(`Could not put "${text}" into the editor, it shows "${await lines.innerText()}"`);
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await lines.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.waitForTimeout(300);
  }
}
