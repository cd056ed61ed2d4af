// graphql-js's validate() as an oracle for OrleansShop.GraphQL.Validation.
// stdin: {"schema": "<SDL>", "documents": ["<query>", ...]}
// stdout: [{"parseError": null | "<message>", "errors": [{"message": "...", "locations": [{"line": 1, "column": 2}]}]}, ...]
import { buildSchema, parse, validate } from 'graphql';

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}

const { schema: sdl, documents } = JSON.parse(input);
const schema = buildSchema(sdl);
const results = documents.map((source) => {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    return { parseError: error.message, errors: [] };
  }

  const errors = validate(schema, document).map((error) => ({
    message: error.message,
    locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
  }));
  return { parseError: null, errors };
});

process.stdout.write(JSON.stringify(results));
