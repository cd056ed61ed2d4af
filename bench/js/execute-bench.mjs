// graphql-js `execute` on pre-parsed, pre-validated documents, for comparison with
// bench/OrleansShop.Benchmarks/GraphQL/ExecutionBenchmarks.cs. Warm-up, then timed rounds; prints one JSON line per case
// with the median operations per second. Usage: node execute-bench.mjs [--rounds 15] [--round-ms 200]
import { parseArgs } from 'node:util';
import { execute, parse, validate, version } from 'graphql';
import { operationTexts, rootValue, schema } from './catalog.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' }, 'round-ms': { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);
const roundMs = Number(values['round-ms']);

function prepare(text) {
  const document = parse(text);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  return document;
}

function run(document, serialize) {
  const result = execute({ schema, document, rootValue });
  if (result.errors || typeof result.then === 'function') throw new Error('unexpected result: ' + JSON.stringify(result));
  return serialize ? JSON.stringify(result) : result;
}

function measure(name, text, serialize) {
  const document = prepare(text);
  // Enough iterations per batch that the clock read is negligible; calibrated on the warm-up.
  let batch = 1;
  const warmupEnd = performance.now() + 1000;
  while (performance.now() < warmupEnd) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) run(document, serialize);
    if (performance.now() - start < 10) batch *= 2;
  }
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    let operations = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(roundMs * 1e6);
    let now = start;
    while (now < end) {
      for (let i = 0; i < batch; i++) run(document, serialize);
      operations += batch;
      now = process.hrtime.bigint();
    }
    samples.push(operations / (Number(now - start) / 1e9));
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(JSON.stringify({ name, opsPerSecond: Math.round(median), min: Math.round(samples[0]), max: Math.round(samples[samples.length - 1]), rounds }));
}

console.error(`graphql-js ${version} execute, node ${process.version}`);
measure('product-list', operationTexts.productList, false);
measure('category-chain', operationTexts.categoryChain, false);
measure('introspection', operationTexts.introspection, false);
measure('typename', operationTexts.typeName, false);
measure('product-list+json', operationTexts.productList, true);
measure('category-chain+json', operationTexts.categoryChain, true);
measure('introspection+json', operationTexts.introspection, true);
