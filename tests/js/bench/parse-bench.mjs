// Times graphql-js parse on the corpus kitchen sinks, for comparison with
// bench/OrleansShop.Benchmarks/GraphQL/ParsingBenchmarks.cs. Usage: node bench/parse-bench.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';

const corpus = fileURLToPath(new URL('../../OrleansShop.GraphQL.Tests/Language/Corpus/valid/', import.meta.url));

function measure(name, source, options) {
  const batch = 1000;
  for (let i = 0; i < 5 * batch; i++) parse(source, options); // warm up the JIT
  const samples = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) parse(source, options);
    samples.push(Number(process.hrtime.bigint() - start) / batch);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${name.padEnd(34)} median ${(median / 1000).toFixed(2)} us/op (min ${(samples[0] / 1000).toFixed(2)})`);
}

const kitchenSink = readFileSync(corpus + 'kitchen-sink.graphql', 'utf8');
const schemaKitchenSink = readFileSync(corpus + 'schema-kitchen-sink.graphql', 'utf8');
console.log(`graphql-js parse, node ${process.version}`);
measure('kitchen-sink', kitchenSink);
measure('kitchen-sink noLocation', kitchenSink, { noLocation: true });
measure('schema-kitchen-sink', schemaKitchenSink);
