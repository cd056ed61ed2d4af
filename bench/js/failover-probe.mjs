// kill -9 of one node of a running cluster, then how long until its grains answer again through another node.
// Creates --products products through --via (their stock grains are hash-placed, so about 1/N of them live on each of
// N nodes), reads every product's stock once through every node listed in --warm (activations and caches warm), then
// sends SIGKILL to --kill-pid and, from that instant, polls every product's stock (admin: onHand, a grain read)
// through --via until each one has answered once. A product whose first call after the kill does not answer within
// --slow-ms (or fails) is counted as one whose grains lived on the killed node (a product has two grains, its
// details and its stock, and a call may also need a directory entry the killed node held, so more than 1/N count;
// --slow-ms sits well above a loaded machine's ordinary latency, which reached 260 ms at load 18). Prints one JSON line:
//   firstRecoveredMs: the kill to the first successful call to a grain of the killed node (the earliest of those)
//   allRecoveredMs:   the kill to the moment every product answered again (the last of those)
// Usage: node failover-probe.mjs --via http://127.0.0.1:5451 --warm http://127.0.0.1:5452,... --kill-pid 1234
//        --admin-email a@b --admin-password p [--products 60] [--slow-ms 1500] [--deadline-s 120]
import { parseArgs } from 'node:util';
import http from 'node:http';

const { values } = parseArgs({
  options: {
    via: { type: 'string' },
    warm: { type: 'string', default: '' },
    'kill-pid': { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    products: { type: 'string', default: '60' },
    'slow-ms': { type: 'string', default: '1500' },
    'deadline-s': { type: 'string', default: '120' },
  },
});

for (const url of [values.via, ...values.warm.split(',').filter(Boolean)]) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) throw new Error(`Loopback only, not ${url}.`);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function post(base, payload, token, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(payload));
    const headers = { 'content-type': 'application/json', 'content-length': body.length };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = http.request(new URL('/graphql', base), { method: 'POST', agent, timeout: timeoutMs, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

async function graphql(base, query, variables, token) {
  const response = await post(base, { query, variables }, token);
  const body = JSON.parse(response.text);
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

const login = (await graphql(values.via, 'mutation($input: LoginInput!) { login(input: $input) { accessToken errors { code message } } }',
  { input: { email: values['admin-email'], password: values['admin-password'] } })).login;
if (!login.accessToken) throw new Error(`Admin sign-in failed: ${JSON.stringify(login.errors)}`);
const token = login.accessToken;

const ids = [];
const tag = Date.now().toString(36);
for (let i = 0; i < Number(values.products); i++) {
  const { createProduct } = await graphql(values.via,
    'mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }',
    { input: { sku: `FAILOVER-${tag}-${i}`, name: `Failover item ${i}`, description: 'Failover probe.', price: '1.00', initialStock: 10 } }, token);
  if (!createProduct.product) throw new Error(`createProduct: ${JSON.stringify(createProduct.errors)}`);
  ids.push(createProduct.product.id);
}

const stockQuery = 'query($id: ID!) { product(id: $id) { stock { onHand } } }';
for (const base of [values.via, ...values.warm.split(',').filter(Boolean)]) {
  await Promise.all(ids.map(async (id) => {
    const { product } = await graphql(base, stockQuery, { id }, token);
    if (product?.stock?.onHand !== 10) throw new Error(`Product ${id} through ${base}: ${JSON.stringify(product)}`);
  }));
}

const slowMs = Number(values['slow-ms']);
const deadline = performance.now() + Number(values['deadline-s']) * 1000;
const killedAt = performance.now();
process.kill(Number(values['kill-pid']), 'SIGKILL');

const results = await Promise.all(ids.map(async (id) => {
  let attempts = 0;
  let firstError = null;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    attempts++;
    try {
      const { product } = await graphql(values.via, stockQuery, { id }, token);
      if (product?.stock?.onHand === 10) {
        const now = performance.now();
        // Hit: the first call after the kill failed or was held up, so this product's grain was on the killed node.
        return { id, hit: attempts > 1 || now - t0 >= slowMs, recoveredMs: now - killedAt, attempts, firstError };
      }
      firstError ??= `unexpected answer ${JSON.stringify(product)}`;
    } catch (error) {
      firstError ??= String(error?.message ?? error).slice(0, 200);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { id, hit: true, recoveredMs: null, attempts, firstError };
}));

const hits = results.filter((r) => r.hit);
const recoveredHits = hits.filter((r) => r.recoveredMs !== null);
const never = results.filter((r) => r.recoveredMs === null);
console.log(JSON.stringify({
  products: ids.length,
  onKilledNode: hits.length,
  neverRecovered: never.length,
  firstRecoveredMs: recoveredHits.length ? Math.round(Math.min(...recoveredHits.map((r) => r.recoveredMs))) : null,
  allRecoveredMs: never.length ? null : Math.round(Math.max(...results.map((r) => r.recoveredMs))),
  othersMaxMs: Math.round(Math.max(0, ...results.filter((r) => !r.hit).map((r) => r.recoveredMs))),
  firstError: hits.find((r) => r.firstError)?.firstError ?? null,
}));
agent.destroy();
