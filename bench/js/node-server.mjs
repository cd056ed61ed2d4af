// The Node side of the HTTP benchmarks: graphql-js behind graphql-http's handler on node:http, serving the benchmark
// catalog from memory, on loopback only. Usage: node node-server.mjs [--port 5302]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createHandler } from 'graphql-http/lib/use/http';
import { rootValue, schema } from './catalog.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '5302' } } });
const handler = createHandler({ schema, rootValue });

const server = createServer((req, res) => {
  if (req.url.startsWith('/graphql')) {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`graphql-http on http://127.0.0.1:${values.port}/graphql`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
