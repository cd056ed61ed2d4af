// After a checkout load (bench/run-cluster-checkout.sh): does the store agree with what the shoppers were told?
// On Orleans the grain state is in OrleansStorage in Orleans' binary format, so the shop itself is asked, as an admin,
// through GraphQL: every order and stock level it answers is read from its grain (the admin order list picks its rows
// from a read model, which may lag, but each row's order is then read from the grain).
// Usage: node verify-store.mjs --url http://127.0.0.1:5400 --admin-email a@b --admin-password p
//        --setup-file setup.json --stock 1000000 orders-0.txt orders-1.txt ...
// The orders files hold "orderKey productKey" per order the load generator saw PAID (checkout-load.mjs --orders-file);
// the setup file holds the products the load bought, each created with --stock units. Prints one line of name=count
// pairs (the names bench/run-cluster-checkout.sh looks for) and exits 1 if a check fails.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    'setup-file': { type: 'string' },
    stock: { type: 'string', default: '1000000' },
    concurrency: { type: 'string', default: '8' },
  },
});

const base = new URL(values.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  throw new Error(`The store check targets loopback only, not ${base.hostname}.`);
}
const graphqlUrl = new URL('/graphql', base).href;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(payload, headers) {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(payload));
    const request = http.request(graphqlUrl, {
      method: 'POST', agent, timeout: 30000,
      headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('The request timed out after 30 s.')));
    request.on('error', reject);
    request.end(body);
  });
}

let token = null;
async function graphql(query, variables) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const body = JSON.parse(await post({ query, variables }, headers));
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

const globalId = (type, key) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64');
const keyOf = (id) => { const t = Buffer.from(id, 'base64').toString('utf8'); return t.slice(t.indexOf(':') + 1); };

// Runs fn over items with a bounded number in flight: the check must not become a load test of its own.
async function eachBounded(items, fn) {
  let next = 0;
  const limit = Number(values.concurrency);
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

const login = (await graphql('mutation($input: LoginInput!) { login(input: $input) { accessToken errors { code message } } }',
  { input: { email: values['admin-email'], password: values['admin-password'] } })).login;
if (!login.accessToken) throw new Error(`Admin sign-in failed: ${JSON.stringify(login.errors)}`);
token = login.accessToken;

const stock = Number(values.stock);
const productIds = JSON.parse(readFileSync(values['setup-file'], 'utf8')).productIds;
const ack = positionals.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [orderKey, productKey] = line.split(' ');
  return { orderKey, productKey };
}));

// The products, as admin: their SKUs (order lines name products by SKU) and stock levels, straight from the grains.
const products = new Map(); // product key -> { sku, onHand, reserved, available }
await eachBounded(productIds, async (id) => {
  const { product } = await graphql('query($id: ID!) { product(id: $id) { sku stock { available onHand reserved } } }', { id });
  if (product) products.set(keyOf(id), { sku: product.sku, ...product.stock });
});
const productKeyOfSku = new Map([...products].map(([key, p]) => [p.sku, key]));

// Every order the store lists, page by page; quantities per product by status, numbers, duplicates.
const listed = new Map(); // order key -> { status, number, lines: [{ productKey, quantity }] }
let listedRows = 0;
const paidQuantity = new Map();
const pendingQuantity = new Map();
const add = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);
for (let after = null; ;) {
  const { orders } = await graphql(`query($after: String) { orders(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { id number status lines { sku quantity } } } }`, { after });
  for (const order of orders.nodes) {
    listedRows++;
    const key = keyOf(order.id);
    if (listed.has(key)) continue;
    const lines = order.lines.map((l) => ({ productKey: productKeyOfSku.get(l.sku) ?? `sku:${l.sku}`, quantity: l.quantity }));
    listed.set(key, { status: order.status, number: order.number, lines });
    for (const line of lines) {
      if (order.status === 'PAID') add(paidQuantity, line.productKey, line.quantity);
      if (order.status === 'PAYMENT_PENDING') add(pendingQuantity, line.productKey, line.quantity);
    }
  }
  if (!orders.pageInfo.hasNextPage) break;
  after = orders.pageInfo.endCursor;
}

// An acknowledged order must be stored PAID with a line for the product its shopper bought. One the list does not show
// (the read model lagging) is read from its grain by id.
const missing = [];
await eachBounded(ack, async (a) => {
  let order = listed.get(a.orderKey);
  if (!order) {
    const data = await graphql('query($id: ID!) { order(id: $id) { status lines { sku quantity } } }', { id: globalId('Order', a.orderKey) });
    order = data.order && { status: data.order.status, lines: data.order.lines.map((l) => ({ productKey: productKeyOfSku.get(l.sku) })) };
  }
  if (!order || order.status !== 'PAID' || !order.lines.some((l) => l.productKey === a.productKey)) missing.push(a.orderKey);
});

const numbers = [...listed.values()].map((o) => o.number);
const bench = [...products.entries()];
const counts = {
  acknowledged: ack.length,
  // the same order acknowledged twice would mean two shoppers were told the same order is theirs
  ack_duplicates: ack.length - new Set(ack.map((a) => a.orderKey)).size,
  // an acknowledged order that is not stored as paid, for the product the shopper bought: a lost order
  ack_missing: missing.length,
  // the list showing one order twice
  order_rows_duplicated: listedRows - listed.size,
  // two orders with one number: the order-number grain ran twice at once somewhere
  duplicate_numbers: numbers.length - new Set(numbers).size,
  paid_in_store: [...listed.values()].filter((o) => o.status === 'PAID').length,
  pending_in_store: [...listed.values()].filter((o) => o.status === 'PAYMENT_PENDING').length,
  not_listed_yet: ack.filter((a) => !listed.has(a.orderKey)).length,
  products_missing: productIds.length - products.size,
  // sold is not in the API: on hand + the paid orders' quantities must be the initial stock (nothing else moved it)
  ledger_broken: bench.filter(([key, p]) => p.onHand + (paidQuantity.get(key) ?? 0) !== stock).length,
  oversold: bench.filter(([, p]) => p.onHand < p.reserved || p.onHand < 0 || p.available < 0).length,
  // reserved must be exactly the placed, unpaid orders' quantities (0 when every shopper paid)
  reserved_mismatch: bench.filter(([key, p]) => p.reserved !== (pendingQuantity.get(key) ?? 0)).length,
  sold: bench.reduce((n, [key]) => n + (paidQuantity.get(key) ?? 0), 0),
  on_hand: bench.reduce((n, [, p]) => n + p.onHand, 0),
};
console.log(Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' '));
agent.destroy();
const failing = ['ack_duplicates', 'ack_missing', 'order_rows_duplicated', 'duplicate_numbers', 'products_missing', 'ledger_broken', 'oversold', 'reserved_mismatch'];
process.exitCode = failing.some((k) => counts[k] > 0) ? 1 : 0;
