// The storefront's page-weight benchmark (run by bench/run-web-weight.sh; not a test): what headless Chromium downloads
// for each route on a first visit (JavaScript and CSS, compressed as sent, and the same files' gzip and raw sizes from
// dist/), and the time from navigation to the first product list on the home and search pages, beside a plain HTML page
// that sends the app's own GraphQL request and lists the names it answers (the floor). Cold: a new browser context per
// load (empty cache); warm: a second load in the same context (hashed assets from the cache, index.html revalidated).
// Usage: node e2e/page-weight.mjs http://127.0.0.1:PORT [runs]; prints one JSON object.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { launch } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const runs = Number(process.argv[3] ?? 7);
const dist = new URL('../dist/', import.meta.url).pathname;

const graphql = async (query, variables) => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

// A product and a guest order, so the product and order routes show real content.
const product = (await graphql('{ products(first: 1, where: { inStock: true }) { nodes { id slug } } }')).products.nodes[0];
const cart = (await graphql('mutation($p: ID!) { addCartItem(input: { productId: $p, quantity: 1 }) { cart { id } } }', { p: product.id })).addCartItem.cart;
const order = (
  await graphql(
    'mutation($c: ID!) { checkout(input: { cartId: $c, email: "weight@example.com", idempotencyKey: "page-weight", shippingAddress: { name: "Wei Ght", line1: "1 Byte Street", city: "Kilo", postalCode: "1024", country: "GB" } }) { order { id } errors { message } } }',
    { c: cart.id },
  )
).checkout.order;

const routes = [
  ['home', '/'],
  ['search', '/search?q=chair'],
  ['product', `/products/${encodeURIComponent(product.slug)}`],
  ['cart', '/cart'],
  ['checkout', '/checkout'],
  ['order', `/orders/${encodeURIComponent(order.id)}`],
  ['sign in', '/signin'],
  ['register', '/register'],
  ['profile', '/account'],
  ['order history', '/account/orders'],
  ['admin console', '/admin'],
];

const distSize = (path, suffix) => {
  const file = dist + path.replace(/^\//, '') + suffix;
  return existsSync(file) ? statSync(file).size : null;
};

const browser = await launch();
const result = { runs, routes: [], firstLoadFromIndex: null, timing: {} };
try {
  // What index.html names (scripts, module preloads, styles): the first load by construction.
  const index = readFileSync(dist + 'index.html', 'utf8');
  const named = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  result.firstLoadFromIndex = named.map((path) => ({ path, raw: distSize(path, ''), gz: distSize(path, '.gz'), br: distSize(path, '.br') }));

  for (const [name, path] of routes) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const files = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') files.push(response);
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const measured = [];
    for (const response of files) {
      const url = new URL(response.url());
      const sizes = await response.request().sizes();
      measured.push({
        path: url.pathname,
        kind: url.pathname.endsWith('.css') ? 'css' : 'js',
        encoding: (await response.allHeaders())['content-encoding'] ?? 'identity',
        sent: sizes.responseBodySize,
        raw: distSize(url.pathname, ''),
        gz: distSize(url.pathname, '.gz'),
      });
    }
    result.routes.push({ name, path, files: measured });
    await context.close();
  }

  // Time to the first product list: the moment the first product name is in the document, in ms since navigation start.
  const watchFor = (selector) => {
    const seen = () => {
      if (window.__firstList === undefined && document.querySelector(selector)) window.__firstList = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  };
  const measure = async (context, url, selector) => {
    const page = await context.newPage();
    await page.addInitScript(watchFor, selector);
    await page.goto(url);
    const ms = await page
      .waitForFunction(() => window.__firstList, undefined, { timeout: 20_000 })
      .then((h) => h.jsonValue())
      .catch(async (e) => {
        throw new Error(`${url}: no ${selector} within 20 s: ${(await page.content()).slice(0, 2000)}`, { cause: e });
      });
    await page.close();
    return ms;
  };
  // The app's own request for the list, captured once, so the floor asks the server exactly the same.
  const appRequest = async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const request = page.waitForRequest((r) => r.url().includes('/graphql') && (r.url() + (r.postData() ?? '')).includes('products'));
    await page.goto(base + path);
    const r = await request;
    const captured = { url: r.url(), method: r.method(), body: r.postData(), headers: await r.allHeaders() };
    await context.close();
    return captured;
  };
  const floorPage = (request) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>
<body><ul id="products"></ul>
<script>
fetch(${JSON.stringify(request.url)}, {
  method: ${JSON.stringify(request.method)},
  headers: { accept: ${JSON.stringify(request.headers.accept ?? 'application/json')}${request.body ? ", 'content-type': 'application/json'" : ''} },
  body: ${request.body ? JSON.stringify(request.body) : 'undefined'},
}).then((r) => r.json()).then((answer) => {
  const list = document.getElementById('products');
  for (const p of answer.data.products.nodes) {
    const item = document.createElement('li');
    item.textContent = p.name;
    list.append(item);
  }
}).catch((e) => { document.title = 'Failed: ' + e; });
</script></body></html>`;

  for (const [name, path, selector] of [
    ['home', '/', '.product-grid .product-name'],
    ['search', '/search?q=chair', '.product-grid .product-name'],
  ]) {
    const request = await appRequest(path);
    const floorUrl = `${base}/__floor-${name}`;
    const html = floorPage(request);
    const samples = { app: { cold: [], warm: [] }, floor: { cold: [], warm: [] } };
    for (let i = 0; i < runs; i++) {
      // Alternating, so drift on a shared machine falls on both alike.
      for (const which of i % 2 ? ['floor', 'app'] : ['app', 'floor']) {
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        // The floor page comes from the benchmark itself (no file on the server); its GraphQL request goes to the API.
        // Only there: routing turns the context's HTTP cache off, which the app's warm loads need.
        if (which === 'floor')
          await context.route(floorUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
        const url = which === 'app' ? base + path : floorUrl;
        const wanted = which === 'app' ? selector : '#products li';
        samples[which].cold.push(await measure(context, url, wanted));
        samples[which].warm.push(await measure(context, url, wanted));
        await context.close();
      }
    }
    result.timing[name] = { path, request: { method: request.method, url: request.url.slice(0, 120) + '…' }, floorHtmlBytes: Buffer.byteLength(html), ...samples };
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
