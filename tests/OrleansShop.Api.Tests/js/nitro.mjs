// Drives Nitro, served by the API at /graphql from HotChocolate's embedded assets, in headless Chromium: opens a document,
// waits for the schema to load, runs a query and reports what the IDE sent and showed, as JSON on standard output.
// Requests that leave the machine are refused, so the test proves the IDE works offline.
// Arguments: the GraphQL endpoint (http://127.0.0.1:PORT/graphql), the query, the text the result must show, a screenshot folder.
import path from 'node:path';
import { launchChromium, record, editorShows, setEditorText } from './browser.mjs';

const [endpoint, query, expected, outDir] = process.argv.slice(2);
const origin = new URL(endpoint).origin;
const { page, close } = await launchChromium();
const report = { requests: [], frames: [], console: [], external: [], steps: [], error: null };
record(page, endpoint, report);
await page.route((url) => url.origin !== origin, (route) => {
  report.external.push(route.request().url());
  return route.abort();
});
const shot = async (name) => {
  if (outDir) await page.screenshot({ path: path.join(outDir, name + '.png'), timeout: 10000 }).catch(() => {});
};

// The request editor is the leftmost editor in the upper half of the page (the response sits right of it, variables below).
const requestEditor = async () => {
  const editors = page.locator('.monaco-editor .view-lines');
  for (let attempt = 1; ; attempt++) {
    const boxes = await editors.evaluateAll((nodes) => nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { left: box.left, upper: box.width > 0 && box.height > 0 && box.top < window.innerHeight / 2 };
    }));
    let best = -1;
    boxes.forEach((box, i) => { if (box.upper && (best < 0 || box.left < boxes[best].left)) best = i; });
    if (best >= 0) return editors.nth(best);
    if (attempt === 30) throw new Error('No editor is visible in the upper half of the page.');
    await page.waitForTimeout(500);
  }
};

try {
  await page.goto(endpoint + '/');
  await page.getByRole('button', { name: /^Create Document/ }).first().click();
  await page.getByText('Loading Schema').first().waitFor({ state: 'hidden', timeout: 60000 });
  report.steps.push('schema loaded');
  await shot('1-schema-loaded');

  const editor = await requestEditor();
  await setEditorText(page, editor, query);
  // The IDE analyses the document before Run takes effect; on a busy machine the first click can land too early.
  for (let attempt = 1; ; attempt++) {
    await page.waitForTimeout(attempt === 1 ? 500 : 1500);
    await page.getByRole('button', { name: /^Run Operation/ }).first().click();
    try {
      await editorShows(page, expected);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      report.steps.push(`query: retry ${attempt + 1}`);
    }
  }
  report.steps.push('query shown');
  await shot('2-query-shown');
} catch (error) {
  report.error = String(error?.message ?? error);
  await shot('failed');
} finally {
  await close();
}
process.stdout.write(JSON.stringify(report));
