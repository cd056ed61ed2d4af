// Oracle for the schema coordinate differential tests of OrleansShop.GraphQL.Language.
// Reads a JSON array of schema coordinates on stdin and writes, for each, either
// { "ok": true, "kind": node.kind, "printed": print(parseSchemaCoordinate(source)) }
// or { "ok": false, "message", "line", "column" }.
import { parseSchemaCoordinate, print } from 'graphql';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const coordinates = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = coordinates.map((source) => {
  try {
    const node = parseSchemaCoordinate(source);
    return { ok: true, kind: node.kind, printed: print(node) };
  } catch (error) {
    const location = error.locations?.[0] ?? { line: 0, column: 0 };
    return { ok: false, message: error.message, line: location.line, column: location.column };
  }
});
process.stdout.write(JSON.stringify(results));
