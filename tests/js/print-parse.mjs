// Oracle for the differential tests of OrleansShop.GraphQL.Language.
// Reads a JSON array of GraphQL documents on stdin and writes, for each, either
// { "ok": true, "printed": print(parse(doc)) } or { "ok": false, "message", "line", "column" }.
// Empty selection sets are refused, as in the specification (graphql-js 17 allows them by default).
import { parse, print } from 'graphql';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const documents = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = documents.map((source) => {
  try {
    return { ok: true, printed: print(parse(source, { allowEmptySelectionSets: false })) };
  } catch (error) {
    const location = error.locations?.[0] ?? { line: 0, column: 0 };
    return { ok: false, message: error.message, line: location.line, column: location.column };
  }
});
process.stdout.write(JSON.stringify(results));
