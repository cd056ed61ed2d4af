// Drives Banana Cake Pop (npm @chillicream/bananacakepop-graphql-ide) in headless Chromium against the server under test.
// The IDE's files are served by a tiny static server on another origin (so CORS is exercised), with a bcp-config.json that
// points it at the GraphQL endpoint. Arguments: http endpoint, ws endpoint, a folder for screenshots.
// Prints a JSON report of what the IDE sent and showed.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium, record, editorShows, setEditorText } from './browser.mjs';

const [endpoint, wsEndpoint, outDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('@chillicream/bananacakepop-graphql-ide/package.json'));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm' };

const config = { endpoint, subscriptionEndpoint: wsEndpoint, subscriptionProtocol: 'GRAPHQL_TRANSPORT_WS', useBrowserUrlAsEndpoint: false, title: 'OrleansShop test' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.endsWith('/bcp-config.json')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(config));
    return;
  }
  let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const idePort = server.address().port;

const { page, close } = await launchChromium();
const report = { requests: [], frames: [], console: [], steps: [], error: null };
record(page, endpoint, report);
// Screenshots are for reading a failure afterwards; one that cannot be taken (a very busy machine) must not be the failure.
const shot = async (name) => {
  if (outDir) await page.screenshot({ path: path.join(outDir, name + '.png'), timeout: 10000 }).catch((error) => report.steps.push(`screenshot ${name} skipped: ${error?.message ?? error}`.slice(0, 200)));
};

try {
  await page.goto(`http://127.0.0.1:${idePort}/`);
  await page.getByRole('button', { name: /^Create Document/ }).first().click();
  await page.getByText('Loading Schema').first().waitFor({ state: 'hidden', timeout: 60000 });
  report.steps.push('schema loaded');
  await shot('1-schema-loaded');

  // The request editor is the leftmost editor in the page's upper half (the response editor sits right of it, the
  // variables editor below it). Not simply the first in the DOM: once, that was the variables editor.
  const requestEditor = async () => {
    const editors = page.locator('.monaco-editor .view-lines');
    for (let attempt = 1; ; attempt++) {
      const boxes = await editors.evaluateAll((nodes) => nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return { left: box.left, upper: box.width > 0 && box.height > 0 && box.top < window.innerHeight / 2 };
      }));
      let best = -1;
      boxes.forEach((box, i) => {
        if (box.upper && (best < 0 || box.left < boxes[best].left)) best = i;
      });
      if (best >= 0) return editors.nth(best);
      // The editors may still be laying out on a busy machine.
      if (attempt === 30) throw new Error('No editor is visible in the upper half of the page.');
      await page.waitForTimeout(500);
    }
  };

  // Types an operation into the request editor, runs it and returns the text of the editors once one shows `expected`.
  const run = async (name, operation, expected) => {
    const editor = await requestEditor();
    await setEditorText(page, editor, operation);
    // The IDE analyses the document before Run takes effect; on a busy machine a click can land too early, so retry.
    // A retry first edits the document again (a space typed and removed), so the IDE surely sees the current text.
    const shown = () => editorShows(page, expected);
    try {
      for (let attempt = 1; ; attempt++) {
        if (attempt > 1) {
          await editor.click();
          await page.keyboard.press('Control+End');
          await page.keyboard.type(' ');
          await page.keyboard.press('Backspace');
          report.steps.push(`${name}: retry ${attempt} after editing the document again`);
        }

        await page.waitForTimeout(attempt === 1 ? 500 : 1500);
        await page.getByRole('button', { name: /^Run Operation/ }).first().click();
        try {
          await shown();
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      report.steps.push(name + ' shown');
    } finally {
      await shot(name);
    }
  };

  await run('query', '{ hello items }', '"hello": "world"');
  await run('mutation', 'mutation { addItem(name: "banana") }', '"banana"');
  await run('subscription', 'subscription { counter(to: 3) }', '"counter": 3');
  report.editors = await page.evaluate(() => [...document.querySelectorAll('.monaco-editor .view-lines')].map((e) => e.innerText));
} catch (error) {
  report.error = String(error?.message ?? error);
} finally {
  await close();
  server.close();
}
process.stdout.write(JSON.stringify(report));
