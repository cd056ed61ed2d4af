// A graphql-ws client: subscribes to counter(to: 3), and to itemAdded while a mutation adds an item over HTTP.
// Prints what it received as JSON. Arguments: the http URL of the endpoint, then the ws URL.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [httpUrl, wsUrl] = process.argv.slice(2);
const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });

const counter = [];
for await (const result of client.iterate({ query: 'subscription { counter(to: 3) }' })) {
  counter.push(result);
}

const added = [];
const iterator = client.iterate({ query: 'subscription { itemAdded }' });
const first = iterator.next();
// Give the server a moment to register the subscription before the mutation publishes.
await new Promise((resolve) => setTimeout(resolve, 300));
const response = await fetch(httpUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query: 'mutation { addItem(name: "kiwi") }' }),
});
const mutation = await response.json();
added.push((await first).value);
await iterator.return();

const query = [];
for await (const result of client.iterate({ query: '{ hello }' })) {
  query.push(result);
}

let invalidError = null;
try {
  for await (const result of client.iterate({ query: 'subscription { nope }' })) {
    query.push(result);
  }
} catch (error) {
  invalidError = error;
}

await client.dispose();
process.stdout.write(JSON.stringify({ counter, added, mutation, query, invalidError }));
