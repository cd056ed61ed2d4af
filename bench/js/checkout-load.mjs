// Checkout plus card payment against the real API, bounded: virtual shoppers each loop addCartItem -> checkout ->
// payOrder (CARD, a token obtained once per run) until the duration is up, after a warm-up; prints one JSON line with
// completed orders/s and the latency of a completed order (all three calls). Setup (admin sign-in, products with ample
// stock, the card token) happens before timing and can be shared across runs with --setup-file.
// Usage: node checkout-load.mjs --url http://127.0.0.1:5310 --admin-email a@b --admin-password p [--shoppers 32]
//        [--duration 10] [--warmup 3] [--products 20] [--stock 1000000] [--setup-file /tmp/setup.json]
//        [--orders-file /tmp/orders.txt]  (appends "orderKey productKey" for every order seen PAID, warm-up included,
//                                          so that a caller can check the store against what shoppers were told)
import { parseArgs } from 'node:util';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    shoppers: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    products: { type: 'string', default: '20' },
    stock: { type: 'string', default: '1000000' },
    'setup-file': { type: 'string', default: '' },
    'request-timeout': { type: 'string', default: '30' },
    'orders-file': { type: 'string', default: '' },
  },
});

const base = new URL(values.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  throw new Error(`Load tests target loopback only, not ${base.hostname}.`);
}
const graphqlUrl = new URL('/graphql', base).href;
const timeoutMs = Number(values['request-timeout']) * 1000;

// node:http with keep-alive rather than fetch: the load generator shares the machine with the server, and fetch costs
// it about twice the CPU per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url, payload, headers) {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(payload));
    const request = http.request(url, {
      method: 'POST',
      agent,
      timeout: timeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`Request timed out after ${timeoutMs} ms.`)));
    request.on('error', reject);
    request.end(body);
  });
}

async function graphql(query, variables, token) {
  const headers = { accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await post(graphqlUrl, { query, variables }, headers);
  const body = JSON.parse(response.text);
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function payloadOf(data, field) {
  const payload = data[field];
  if (payload.errors?.length) throw new Error(`${field}: ${JSON.stringify(payload.errors)}`);
  return payload;
}

async function setup() {
  const file = values['setup-file'];
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const login = payloadOf(await graphql(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken errors { code message } } }',
    { input: { email: values['admin-email'], password: values['admin-password'] } }), 'login');
  const productIds = [];
  for (let i = 0; i < Number(values.products); i++) {
    const sku = `BENCH-${Date.now().toString(36)}-${i}`;
    const created = payloadOf(await graphql(
      'mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }',
      { input: { sku, name: `Bench item ${i}`, description: 'Benchmark product.', price: '19.99', initialStock: Number(values.stock) } },
      login.accessToken), 'createProduct');
    productIds.push(created.product.id);
  }
  const tokenized = await post(new URL('/sandbox/payments/tokens', base).href,
    { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' }, {});
  if (tokenized.status !== 200) throw new Error(`Tokenization failed: ${tokenized.status} ${tokenized.text}`);
  const { token } = JSON.parse(tokenized.text);
  const result = { productIds, cardToken: token };
  if (file) writeFileSync(file, JSON.stringify(result));
  return result;
}

const addCartItem = 'mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code message } } }';
const checkout = 'mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status } errors { code message } } }';
const payOrder = 'mutation($input: PayOrderInput!) { payOrder(input: $input) { order { status } payment { status } errors { code message } } }';
const address = { name: 'Bench Shopper', line1: '1 Load Street', city: 'Testville', postalCode: '12345', country: 'US' };

async function shopOnce(shopper, n, { productIds, cardToken }) {
  const productId = productIds[(shopper * 7919 + n) % productIds.length];
  const cart = payloadOf(await graphql(addCartItem, { input: { productId, quantity: 1 } }), 'addCartItem').cart;
  const order = payloadOf(await graphql(checkout, {
    input: { cartId: cart.id, email: `bench-${shopper}@example.com`, shippingAddress: address, idempotencyKey: `${cart.id}-k` },
  }), 'checkout').order;
  const paid = payloadOf(await graphql(payOrder, {
    input: { orderId: order.id, method: 'CARD', cardToken, idempotencyKey: `${order.id}-p` },
  }), 'payOrder');
  if (paid.order.status !== 'PAID') throw new Error(`Order ${order.id} is ${paid.order.status} after payment.`);
  acknowledged.push(`${keyOf(order.id)} ${keyOf(productId)}`);
}

// A Relay global id is base64 of "Type:key"; the store knows the key.
function keyOf(globalId) {
  const text = Buffer.from(globalId, 'base64').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
}

const acknowledged = [];

async function phase(seconds, state, shoppers) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const errorKinds = new Map();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: shoppers }, async (_, shopper) => {
    for (let n = 0; performance.now() < deadline; n++) {
      const t0 = performance.now();
      try {
        await shopOnce(shopper, n, state);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        const message = String(error?.message ?? error);
        firstError ??= message.slice(0, 300);
        // Ids and numbers differ from one failure to the next; the kind of failure is what is left.
        const kind = message.replace(/[0-9a-f]{16,}|[A-Za-z0-9+/]{20,}={0,2}|\d+/g, '#').slice(0, 160);
        errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : null);
  return { orders: latencies.length, errors, firstError, seconds: elapsed, ordersPerSecond: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99),
    errorKinds: Object.fromEntries([...errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 5)) };
}

const state = await setup();
const shoppers = Number(values.shoppers);
const warmup = Number(values.warmup) > 0 ? await phase(Number(values.warmup), state, shoppers) : { orders: 0 };
const result = await phase(Number(values.duration), state, shoppers);
// warmupOrders lets the caller divide the server's CPU time over this whole invocation by every order it served.
console.log(JSON.stringify({ shoppers, products: state.productIds.length, ...result, warmupOrders: warmup.orders }));
if (values['orders-file'] && acknowledged.length) appendFileSync(values['orders-file'], `${acknowledged.join('\n')}\n`);
agent.destroy();
