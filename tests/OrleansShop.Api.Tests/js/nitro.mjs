// Drives Nitro, served by the API at /graphql from HotChocolate's embedded assets, in headless Chromium, the way a person
// would: opens a document, waits for the schema, then for each step puts its operation in the request editor, sets its
// HTTP headers in the document's HTTP Headers tab, presses Run and waits until the response shows the expected text.
// A subscription step starts the subscription, then has another client change the data over HTTP (the `trigger`) and
// waits for the event to appear, triggering again if the first change came before the server had subscribed.
// Requests that leave the machine are refused, so the test proves the IDE works offline.
// Arguments: the GraphQL endpoint (http://127.0.0.1:PORT/graphql), a JSON file of steps, a screenshot folder.
// A step: { name, document, expect?, headers?: { Name: value }, subscription?: true, trigger?: { query, token, expectFrom } }
// Report on standard output (JSON): steps done, requests and frames seen (headers by name only, never their values).
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, record, editorShows, setEditorText } from './browser.mjs';

const [endpoint, stepsFile, outDir] = process.argv.slice(2);
const steps = JSON.parse(fs.readFileSync(stepsFile, 'utf8'));
const origin = new URL(endpoint).origin;
const { page, close } = await launchChromium();
const report = { requests: [], frames: [], console: [], external: [], steps: [], triggers: [], error: null };
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

const setHeaders = async (headers) => {
  await page.getByText('HTTP Headers', { exact: true }).first().click();
  for (const [name, value] of Object.entries(headers)) {
    await page.getByPlaceholder('Name', { exact: true }).last().fill(name);
    await page.getByPlaceholder('Value', { exact: true }).last().fill(value);
  }
};

const run = () => page.getByRole('button', { name: /^Run Operation/ }).first().click();

// The IDE analyses the document before Run takes effect; on a busy machine the first click can land too early.
const runUntilShown = async (step) => {
  for (let attempt = 1; ; attempt++) {
    await page.waitForTimeout(attempt === 1 ? 500 : 1500);
    await run();
    try {
      await editorShows(page, step.expect);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      report.steps.push(`${step.name}: retry ${attempt + 1}`);
    }
  }
};

const subscribeFrames = () => report.frames.filter((f) => f.dir === 'out' && f.data.includes('"subscribe"')).length;

const subscribeAndTrigger = async (step) => {
  const before = subscribeFrames();
  for (let attempt = 1; subscribeFrames() === before; attempt++) {
    if (attempt > 3) throw new Error('Nitro sent no subscribe message over its WebSocket.');
    await page.waitForTimeout(attempt === 1 ? 500 : 1500);
    await run();
    for (let waited = 0; waited < 5000 && subscribeFrames() === before; waited += 250) await page.waitForTimeout(250);
  }

  // The server subscribes to the Orleans stream after it has read the subscribe message, so the first change may come
  // too early to be seen; each trigger's own answer says what the event must show.
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + step.trigger.token },
      body: JSON.stringify({ query: step.trigger.query }),
    });
    const body = await response.json();
    const shown = step.trigger.expectFrom.split('.').reduce((node, key) => node?.[key], body);
    if (shown === undefined) throw new Error('The trigger answered ' + JSON.stringify(body));
    report.triggers.push(shown);
    try {
      await editorShows(page, `"${step.trigger.expectField}": ${JSON.stringify(shown)}`, 5000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      report.steps.push(`${step.name}: trigger ${attempt + 1}`);
    }
  }
};

try {
  await page.goto(endpoint + '/');
  await page.getByRole('button', { name: /^Create Document/ }).first().click();
  await page.getByText('Loading Schema').first().waitFor({ state: 'hidden', timeout: 60000 });
  report.steps.push('schema loaded');
  await shot('0-schema-loaded');

  for (const [index, step] of steps.entries()) {
    await setEditorText(page, await requestEditor(), step.document);
    if (step.headers) await setHeaders(step.headers);
    if (step.subscription) await subscribeAndTrigger(step);
    else await runUntilShown(step);
    report.steps.push(`${step.name} shown`);
    await shot(`${index + 1}-${step.name.replace(/\W+/g, '-')}`);
  }
} catch (error) {
  report.error = String(error?.message ?? error);
  await shot('failed');
} finally {
  await close();
}
process.stdout.write(JSON.stringify(report));
