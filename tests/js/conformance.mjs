// graphql-js as the oracle for tests/OrleansShop.GraphQL.Tests/Conformance (one run answers every case).
// stdin:
//   {
//     "schemas": { "<name>": "<SDL>", ... },          // "shop" is the schema executions run against
//     "data": { "query": {...}, "mutation": {...}, "entities": {...} },
//     "executions": [{ "query", "variables"?, "operationName"? }, ...],
//     "validations": [{ "schema": "<name>", "document" }, ...],
//     "introspection": { "query": "<text we ran>", "result": <our JSON response> } | null
//   }
// stdout:
//   {
//     "executions": [{ "hasData", "data", "errors": [{ "message", "path", "locations" }] }, ...],
//     "validations": [{ "parseError", "errors": [{ "message", "locations" }] }, ...],
//     "introspection": { "expectedQuery", "sourcePrinted", "clientPrinted", "error" }
//   }
// The field resolver interprets the JSON data the same way Conformance/ConformanceData.cs does; keep them in step.
import {
  assertValidSchema,
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  graphql,
  lexicographicSortSchema,
  parse,
  printSchema,
  validate,
} from 'graphql';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const schemas = Object.fromEntries(Object.entries(input.schemas).map(([name, sdl]) => [name, buildSchema(sdl)]));
const { data } = input;

// The data conventions (see ConformanceData.cs):
//   { "$async": value }                  the value, after yielding to the event loop
//   { "$error": "message" }              the resolver throws
//   { "$ref": "id" } / { "$ref": [ids] } the entity (or entities) of data.entities
//   { "$args": true }                    the coerced arguments (for JSON fields)
//   { "$byArg": "name", "cases": {...} } the case named by the argument's value (null when none)
//   { "$counter": true }                 adds args.by to the request's counter and returns it
function interpret(raw, args, context) {
  if (raw === undefined || raw === null) return null;
  if (Array.isArray(raw)) return raw.map((item) => interpretItem(item));
  if (typeof raw === 'object') {
    if ('$async' in raw) return new Promise((resolve) => setImmediate(resolve)).then(() => interpret(raw.$async, args, context));
    if ('$error' in raw) throw new Error(raw.$error);
    if ('$ref' in raw) return Array.isArray(raw.$ref) ? raw.$ref.map(entity) : entity(raw.$ref);
    if ('$args' in raw) return args;
    if ('$byArg' in raw) {
      const key = args[raw.$byArg];
      const name = typeof key === 'object' && key !== null ? JSON.stringify(key) : String(key);
      return Object.hasOwn(raw.cases, name) ? interpret(raw.cases[name], args, context) : null;
    }
    if ('$counter' in raw) {
      context.counter += args.by ?? 1;
      return context.counter;
    }
  }
  return raw;
}

function interpretItem(item) {
  if (item !== null && typeof item === 'object' && !Array.isArray(item) && '$ref' in item) return entity(item.$ref);
  return item;
}

function entity(id) {
  return Object.hasOwn(data.entities, id) ? data.entities[id] : null;
}

const fieldResolver = (source, args, context, info) =>
  interpret(source === null || typeof source !== 'object' ? undefined : source[info.fieldName], args, context);

async function execute({ query, variables, operationName }) {
  const result = await graphql({
    schema: schemas.shop,
    source: query,
    rootValue: data,
    variableValues: variables ?? undefined,
    operationName: operationName ?? undefined,
    contextValue: { counter: 0 },
    fieldResolver: (source, args, context, info) =>
      info.path.prev === undefined
        ? interpret(data[info.operation.operation][info.fieldName], args, context)
        : fieldResolver(source, args, context, info),
  });
  return {
    hasData: 'data' in result,
    data: result.data ?? null,
    errors: (result.errors ?? []).map((error) => ({
      message: error.message,
      path: error.path ?? null,
      locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
    })),
  };
}

function validateOne({ schema, document }) {
  let ast;
  try {
    ast = parse(document);
  } catch (error) {
    return { parseError: error.message, errors: [] };
  }
  const errors = validate(schemas[schema], ast).map((error) => ({
    message: error.message,
    locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
  }));
  return { parseError: null, errors };
}

const introspectionOptions = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};

function introspect(ours) {
  const result = {
    expectedQuery: getIntrospectionQuery(introspectionOptions),
    sourcePrinted: printSchema(lexicographicSortSchema(schemas.shop)),
    clientPrinted: null,
    error: null,
  };
  if (!ours) return result;
  try {
    if (ours.result.errors?.length) throw new Error('introspection errors: ' + JSON.stringify(ours.result.errors));
    const client = buildClientSchema(ours.result.data);
    assertValidSchema(client);
    result.clientPrinted = printSchema(lexicographicSortSchema(client));
  } catch (error) {
    result.error = String(error?.stack ?? error);
  }
  return result;
}

const executions = [];
for (const operation of input.executions ?? []) executions.push(await execute(operation));

process.stdout.write(
  JSON.stringify({
    executions,
    validations: (input.validations ?? []).map(validateOne),
    introspection: introspect(input.introspection),
  }),
);
