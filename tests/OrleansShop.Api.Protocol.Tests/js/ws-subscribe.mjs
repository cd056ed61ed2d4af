// The reference graphql-transport-ws client (npm graphql-ws) against the shop: it connects (connection_init, then
// connection_ack), subscribes to stockChanged, receives the level a mutation over HTTP set, completes, and is sent
// nothing more. Then an invalid subscription and a query over the same socket, and a normal close.
// Arguments: <graphql http url> <graphql ws url> <product id> <admin access token>
// stdout: JSON, see the end of this file.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [httpUrl, wsUrl, productId, adminToken] = process.argv.slice(2);
// Timers never keep the process alive: it ends as soon as the work is done.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

const messages = [];
let markConnected;
let markClosed;
const connected = new Promise((resolve) => { markConnected = resolve; });
const closed = new Promise((resolve) => { markClosed = resolve; });
const client = createClient({
  url: wsUrl,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  lazy: false,
  on: {
    connected: () => markConnected(true),
    message: (message) => messages.push({ at: performance.now(), message }),
    closed: (event) => markClosed({ code: event.code, reason: event.reason }),
  },
});
const acknowledged = await Promise.race([connected, sleep(10_000).then(() => false)]);

/** Restocks one unit as the admin over HTTP; returns the available level the mutation reports. */
async function restock() {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      query: 'mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { stock { available } } errors { code } } }',
      variables: { input: { productId, delta: 1, reason: 'protocol test' } },
    }),
  });
  const body = await response.json();
  return body.data.adjustStock.product.stock.available;
}

// The protocol does not acknowledge a subscribe, so the stock changes until the first event arrives.
const subscription = client.iterate({ query: 'subscription($id: ID!) { stockChanged(productId: $id) { available } }', variables: { id: productId } });
const first = subscription.next();
const levels = [];
let received = null;
const deadline = performance.now() + 15_000;
while (received === null && performance.now() < deadline) {
  levels.push(await restock());
  received = await Promise.race([first, sleep(300).then(() => null)]);
}

await subscription.return();
// Events already on their way when the client completed may still arrive; anything after this pause may not.
await sleep(1_000);
const completedAt = performance.now();
levels.push(await restock());
await sleep(1_000);
const nextAfterComplete = messages.filter((m) => m.at > completedAt && m.message.type === 'next').map((m) => m.message);

let invalidError = null;
try {
  for await (const result of client.iterate({ query: 'subscription { stockChanged(productId: "x") { noSuchField } }' })) {
    invalidError = { unexpectedResult: result };
  }
} catch (error) {
  invalidError = Array.isArray(error) ? { errors: error } : { thrown: String(error?.message ?? error) };
}

const query = [];
for await (const result of client.iterate({ query: '{ __typename }' })) query.push(result);

await client.dispose();
process.stdout.write(JSON.stringify({
  acknowledged,
  levels,
  received: received?.value ?? null,
  nextAfterComplete,
  invalidError,
  query,
  closed: await Promise.race([closed, sleep(5_000).then(() => null)]),
}));
