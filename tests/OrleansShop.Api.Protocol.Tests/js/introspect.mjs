// The served schema, read over HTTP the way a client's tooling reads it: the full introspection query, then
// graphql-js's buildClientSchema, which also checks that the answer describes a valid schema.
import { assertValidSchema, buildClientSchema, getIntrospectionQuery } from 'graphql';

export async function introspect(url) {
  const query = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`Introspection failed (${response.status}): ${JSON.stringify(body)}`);
  }

  const schema = buildClientSchema(body.data);
  assertValidSchema(schema);
  return schema;
}
