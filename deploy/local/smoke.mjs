// A quick check of a running local cluster (deploy/local/cluster.sh start): that it behaves as one shop whichever node
// a request reaches. Prints one line per check and exits 1 if any fails; bounded (each request 15 s, all 120 s).
//   node --experimental-websocket deploy/local/smoke.mjs [--lb http://127.0.0.1:5100] [--nodes 3] [--node-port 5101]
//        [--admin-email admin@example.com --admin-password ...]
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    lb: { type: 'string', default: 'http://127.0.0.1:5100' },
    nodes: { type: 'string', default: '3' },
    'node-port': { type: 'string', default: '5101' },
    'admin-email': { type: 'string', default: '' },
    'admin-password': { type: 'string', default: '' },
  },
});

setTimeout(() => { console.error('smoke: gave up after 120 s'); process.exit(1); }, 120_000).unref();

const lb = new URL(values.lb);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(lb.hostname)) throw new Error(`loopback only, not ${lb.hostname}`);
const nodes = Array.from({ length: Number(values.nodes) }, (_, i) => `http://${lb.hostname}:${Number(values['node-port']) + i}`);
const at = (i) => nodes[i % nodes.length];

let failures = 0;
async function check(name, body) {
  try {
    const detail = await body();
    console.log(`ok    ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failures++;
    console.log(`FAIL  ${name}: ${error?.message ?? error}`);
  }
}

async function graphql(base, query, variables, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL('/graphql', base), {
    method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { throw new Error(`${response.status} from ${base}: ${text.slice(0, 300)}`); }
  if (body.errors?.length) throw new Error(`errors from ${base}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

function payload(data, field) {
  const p = data[field];
  if (p.errors?.length) throw new Error(`${field}: ${JSON.stringify(p.errors)}`);
  return p;
}

const productsQuery = '{ products(first: 3) { totalCount nodes { id name } } }';
let products = [];
await check(`products through the load balancer, ${nodes.length + 1} times (round-robin reaches every node)`, async () => {
  const seen = new Set();
  for (let i = 0; i <= nodes.length; i++) {
    const data = await graphql(values.lb, productsQuery);
    seen.add(JSON.stringify(data.products.nodes.map((n) => n.name)));
    products = data.products.nodes;
  }
  if (seen.size !== 1) throw new Error(`different answers: ${[...seen].join(' | ')}`);
  return `${products.map((p) => p.name).join(', ')}`;
});

await check('every node answers the same products directly', async () => {
  const answers = await Promise.all(nodes.map((n) => graphql(n, productsQuery)));
  const distinct = new Set(answers.map((a) => JSON.stringify(a.products.nodes.map((x) => x.id))));
  if (distinct.size !== 1) throw new Error(`different answers: ${[...distinct].join(' | ')}`);
});

const email = `smoke-${Date.now().toString(36)}@example.com`;
const password = 'a-long-smoke-test-password';
let registered;
let loggedIn;
await check(`register on ${at(0)}`, async () => {
  registered = payload(await graphql(at(0),
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken customer { id email } errors { code message } } }',
    { input: { email, password, displayName: 'Smoke Test' } }), 'register');
  return registered.customer.email;
});

await check(`login on ${at(1)}`, async () => {
  loggedIn = payload(await graphql(at(1),
    'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken customer { id } errors { code message } } }',
    { input: { email, password } }), 'login');
  if (loggedIn.customer.id !== registered.customer.id) throw new Error(`login gave ${loggedIn.customer.id}, register ${registered.customer.id}`);
});

for (const [name, token, base] of [['the login token', () => loggedIn.accessToken, at(2)], ['the register token', () => registered.accessToken, values.lb]]) {
  await check(`me with ${name} on ${base}`, async () => {
    const data = await graphql(base, '{ me { email roles } }', undefined, token());
    if (data.me?.email !== email) throw new Error(`me is ${JSON.stringify(data.me)}`);
    return `${data.me.email} ${data.me.roles.join(',')}`;
  });
}

let cartId;
await check(`a guest cart filled on ${at(1)} reads the same on ${at(2)} and ${at(0)}`, async () => {
  if (!products.length) throw new Error('no product to add');
  const added = payload(await graphql(at(1),
    'mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id itemCount } errors { code message } } }',
    { input: { productId: products[0].id, quantity: 2 } }), 'addCartItem');
  cartId = added.cart.id;
  for (const base of [at(2), at(0)]) {
    const data = await graphql(base, 'query($id: ID) { cart(id: $id) { id itemCount } }', { id: cartId });
    if (data.cart?.itemCount !== added.cart.itemCount) throw new Error(`${base} sees ${JSON.stringify(data.cart)}, expected ${added.cart.itemCount} items`);
  }
  return `${added.cart.itemCount} items`;
});

if (values['admin-email']) {
  await check('the administrator signs in through the load balancer and lists orders and customers', async () => {
    const login = payload(await graphql(values.lb,
      'mutation($input: LoginInput!) { login(input: $input) { accessToken errors { code message } } }',
      { input: { email: values['admin-email'], password: values['admin-password'] } }), 'login');
    const data = await graphql(values.lb, '{ orders(first: 1) { totalCount } customers(first: 1) { totalCount } }', undefined, login.accessToken);
    return `${data.orders.totalCount} orders, ${data.customers.totalCount} customers`;
  });
}

await check('a graphql-transport-ws connection through the load balancer (WebSocket upgrade)', async () => {
  if (typeof WebSocket === 'undefined') throw new Error('no WebSocket in this Node.js: run with --experimental-websocket');
  const url = new URL('/graphql', values.lb);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, 'graphql-transport-ws');
  try {
    const ack = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no connection_ack within 10 s')), 10_000);
      socket.onerror = (event) => { clearTimeout(timer); reject(new Error(`WebSocket error: ${event.message ?? 'connection failed'}`)); };
      socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      socket.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'connection_ack') { clearTimeout(timer); resolve(message); }
      };
    });
    return `${ack.type} (protocol ${socket.protocol})`;
  } finally {
    socket.close();
  }
});

// A subscriber may sit on any node, whichever silo holds the grain that publishes.
await check(`stockChanged reaches a subscriber on every node when ${at(1)} checks out a cart`, async () => {
  if (typeof WebSocket === 'undefined') throw new Error('no WebSocket in this Node.js: run with --experimental-websocket');
  if (!cartId) throw new Error('no cart from the earlier check');
  const sockets = [];
  try {
    const received = nodes.map(() => 0);
    const ready = nodes.map((base, i) => new Promise((resolve, reject) => {
      const url = new URL('/graphql', base);
      url.protocol = 'ws:';
      const socket = new WebSocket(url, 'graphql-transport-ws');
      sockets.push(socket);
      const timer = setTimeout(() => reject(new Error(`${base}: not subscribed within 10 s`)), 10_000);
      socket.onerror = () => { clearTimeout(timer); reject(new Error(`${base}: WebSocket error`)); };
      socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      socket.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({
            id: '1', type: 'subscribe',
            payload: { query: 'subscription($id: ID!) { stockChanged(productId: $id) { available } }', variables: { id: products[0].id } },
          }));
          // The server sends nothing to confirm a subscription: give it a moment to be registered.
          setTimeout(() => { clearTimeout(timer); resolve(); }, 1_000);
        } else if (message.type === 'next') {
          received[i]++;
        } else if (message.type === 'error') {
          reject(new Error(`${base}: ${JSON.stringify(message.payload)}`));
        }
      };
    }));
    await Promise.all(ready);
    payload(await graphql(at(1),
      'mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status } errors { code message } } }',
      { input: { cartId, email: 'smoke@example.com', idempotencyKey: `${cartId}-smoke`,
        shippingAddress: { name: 'Smoke Test', line1: '1 Test Street', city: 'Testville', postalCode: '12345', country: 'US' } } }), 'checkout');
    const deadline = Date.now() + 5_000;
    while (received.some((n) => n === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const missing = nodes.filter((_, i) => received[i] === 0);
    if (missing.length) throw new Error(`no event within 5 s on ${missing.join(', ')} (events per node: ${received.join(', ')})`);
    return `events per node: ${received.join(', ')}`;
  } finally {
    for (const socket of sockets) socket.close();
  }
});

console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
