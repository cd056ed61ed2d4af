// Opens the GraphiQL page the server serves at its endpoint in headless Chromium, then runs a query and a subscription
// through it. Arguments: the endpoint URL, a folder for screenshots. Prints a JSON report.
import path from 'node:path';
import { launchChromium, record, editorShows, setEditorText } from './browser.mjs';

const [endpoint, outDir] = process.argv.slice(2);
const { page, close } = await launchChromium();
const report = { requests: [], frames: [], console: [], steps: [], error: null };
record(page, endpoint, report);
report.failedResponses = [];
page.on('response', (r) => { if (r.status() >= 400) report.failedResponses.push(`${r.status()} ${r.url()}`); });
const shot = async (name) => { if (outDir) await page.screenshot({ path: path.join(outDir, name + '.png') }); };

try {
  await page.goto(endpoint, { waitUntil: 'load' });
  await page.locator('.graphiql-container').waitFor({ timeout: 60000 });
  report.steps.push('rendered');
  await shot('1-rendered');
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor .view-lines').first();
  await queryEditor.waitFor({ timeout: 60000 });

  const run = async (name, operation, expected) => {
    await setEditorText(page, queryEditor, operation);

    for (let attempt = 1; ; attempt++) {
      await page.getByRole('button', { name: /^Execute query/ }).first().click();
      try {
        await editorShows(page, expected);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }

    report.steps.push(name + ' shown');
    await shot(name);
  };

  await run('query', '{ hello items }', '"hello": "world"');
  await run('subscription', 'subscription { counter(to: 3) }', '"counter": 3');
} catch (error) {
  report.error = String(error?.message ?? error);
  await shot('error');
} finally {
  await close();
}
process.stdout.write(JSON.stringify(report));
