// One bounded load case with autocannon against a loopback URL: a warm-up, then a timed run; prints one JSON line.
// Usage: node load.mjs --url http://127.0.0.1:5310/graphql --operation product-list --query '{ products(first: 20) { nodes { name } } }'
//        [--server ours] [--connections 16] [--duration 10] [--warmup 3]   (--operation names the case in the report)
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

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
const query = values.query;
if (query === undefined) throw new Error('Give the operation to load with --query.');

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
