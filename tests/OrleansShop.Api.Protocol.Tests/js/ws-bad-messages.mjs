// Protocol violations on graphql-transport-ws, each on a fresh connection: what close code the server answers with.
// Arguments: <graphql ws url> <product id (a live subscription for the duplicate-id case)>
// stdout: JSON { "<case>": { "code": n, "reason": "..." } | { "code": null, "reason": "not closed" } }
import WebSocket from 'ws';

const [wsUrl, productId] = process.argv.slice(2);
const init = JSON.stringify({ type: 'connection_init', payload: {} });
const subscribe = (id) => JSON.stringify({
  id,
  type: 'subscribe',
  payload: { query: 'subscription($id: ID!) { stockChanged(productId: $id) { available } }', variables: { id: productId } },
});

/** Opens a connection, runs the steps (each gets the socket and the next-message reader), returns how it closed. */
function run(steps) {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const inbox = [];
    const waiting = [];
    const timer = setTimeout(() => { socket.terminate(); resolve({ code: null, reason: 'not closed within 5 s' }); }, 5_000);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (waiting.length > 0) waiting.shift()(message); else inbox.push(message);
    });
    socket.on('close', (code, reason) => { clearTimeout(timer); resolve({ code, reason: String(reason) }); });
    socket.on('error', () => {});
    const receive = () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((r) => waiting.push(r)));
    socket.on('open', () => steps(socket, receive));
  });
}

const acknowledged = async (socket, receive) => {
  socket.send(init);
  const ack = await receive();
  if (ack.type !== 'connection_ack') throw new Error('expected connection_ack, got ' + JSON.stringify(ack));
};

const results = {
  'invalid JSON': await run(async (socket, receive) => { await acknowledged(socket, receive); socket.send('{ not json'); }),
  'subscribe without an id': await run(async (socket, receive) => {
    await acknowledged(socket, receive);
    socket.send(JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } }));
  }),
  'unknown message type': await run(async (socket, receive) => { await acknowledged(socket, receive); socket.send(JSON.stringify({ type: 'shout' })); }),
  'subscribe before connection_init': await run((socket) => socket.send(subscribe('early'))),
  'second connection_init': await run(async (socket, receive) => { await acknowledged(socket, receive); socket.send(init); }),
  'duplicate subscription id': await run(async (socket, receive) => {
    await acknowledged(socket, receive);
    socket.send(subscribe('same'));
    socket.send(subscribe('same'));
  }),
};

process.stdout.write(JSON.stringify(results));
