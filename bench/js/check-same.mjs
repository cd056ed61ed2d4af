// Checks that two GraphQL servers answer the benchmark operations identically, so that the load numbers compare like
// with like: the same data for the product list, the category chain and { __typename }, and the same schema from
// introspection (compared as sorted SDL, since engines may list types in different orders).
// Usage: node check-same.mjs http://127.0.0.1:5301/graphql http://127.0.0.1:5302/graphql
import { isDeepStrictEqual } from 'node:util';
import { buildClientSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { operationTexts } from './catalog.mjs';

const [ours, theirs] = process.argv.slice(2);

async function post(url, query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.json() };
}

const sortedSdl = (result) => printSchema(lexicographicSortSchema(buildClientSchema(result.body.data)));

let failures = 0;
for (const [name, query] of Object.entries(operationTexts)) {
  const [a, b] = await Promise.all([post(ours, query), post(theirs, query)]);
  const same = a.status === 200 && b.status === 200 && !a.body.errors && !b.body.errors
    && (name === 'introspection' ? sortedSdl(a) === sortedSdl(b) : isDeepStrictEqual(a.body, b.body));
  console.log(`${same ? 'same' : 'DIFFERENT'} ${name}`);
  if (!same) {
    failures++;
    console.log(JSON.stringify(a).slice(0, 400));
    console.log(JSON.stringify(b).slice(0, 400));
  }
}
process.exit(failures === 0 ? 0 : 1);
