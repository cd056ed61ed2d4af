// One bounded load case with autocannon against a loopback URL: a warm-up, then a timed run; prints one JSON line.
// Usage: node load.mjs --url http://127.0.0.1:5301/graphql --operation productList [--server ours] [--connections 16] [--duration 10] [--warmup 3]
//        node load.mjs --url ... --operation name --query '{ products(first: 20) { nodes { name } } }'   (a query of your own, named by --operation)
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { operationTexts } from './catalog.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    server: { type: 'string', default: '' },
    operation: { type: 'string' },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    query: { type: 'string' },
  },
});

const url = new URL(values.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  throw new Error(`Load tests target loopback only, not ${url.hostname}.`);
}
const query = values.query ?? operationTexts[values.operation];
if (query === undefined) throw new Error(`Unknown operation ${values.operation}; one of ${Object.keys(operationTexts).join(', ')}.`);

const request = {
  url: url.href,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
  body: JSON.stringify({ query }),
  connections: Number(values.connections),
};

if (Number(values.warmup) > 0) await autocannon({ ...request, duration: Number(values.warmup) });
const result = await autocannon({ ...request, duration: Number(values.duration) });
console.log(JSON.stringify({
  server: values.server,
  url: url.href,
  operation: values.operation,
  connections: request.connections,
  duration: result.duration,
  requestsPerSecond: Math.round(result.requests.total / result.duration),
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
}));
