// Generates operations on the schema a server serves (read by introspection) and labels each with graphql-js's verdict:
// parse, validate, and coerce the request's variables. About two in five stay as built (valid); the others get one break
// (operation-breaks.mjs), which usually makes them invalid; graphql-js decides, never the break's name.
// The hand-written edge cases of edge-cases.mjs follow the generated operations.
// Arguments: <graphql url> <seed> <count> <product id (a real product, for subscriptions and some reads)>
// stdout: JSON [{ id, transport: "http" | "ws", operationType, breaks, query, variables, operationName, parseError, errors }]
import { Kind, getOperationAST, getVariableValues, parse, print, validate } from 'graphql';
import { introspect } from './introspect.mjs';
import { OperationBuilder } from './operation-builder.mjs';
import { edgeCases } from './edge-cases.mjs';
import { documentBreaks, survey, textBreaks, variableBreaks } from './operation-breaks.mjs';
import { Random } from './random.mjs';

const [url, seedText, countText, productId] = process.argv.slice(2);
const schema = await introspect(url);
const random = new Random(Number(seedText));
const builder = new OperationBuilder(schema, random, productId);

const cases = [];
for (let id = 0; id < Number(countText); id++) {
  // Every fifth operation is a subscription, which the test sends over graphql-transport-ws.
  const operationType = id % 5 === 4 ? 'subscription' : random.chance(0.8) ? 'query' : 'mutation';
  const { document, variables } = builder.build(operationType);
  const breaks = [];
  let text;
  let operationName = null;
  const roll = random.next();
  if (roll < 0.4) {
    text = print(document);
  } else if (roll < 0.82) {
    breaks.push(applyOne(documentBreaks, { schema, random, document, variables, builder, found: survey(schema, document), operationType }));
    text = print(document);
  } else if (roll < 0.9) {
    breaks.push(applyOne(variableBreaks, { schema, random, document, variables }));
    text = print(document);
  } else if (roll < 0.97) {
    const name = random.pick(Object.keys(textBreaks));
    breaks.push(name);
    text = textBreaks[name](print(document), random);
  } else {
    breaks.push('operation name that names no operation');
    operationName = 'NoSuchOperation';
    text = print(document);
  }

  // The request names the first named operation, so that documents a break gave a second operation stay runnable.
  operationName ??= document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name)?.name.value ?? null;
  cases.push({
    id,
    transport: operationType === 'subscription' ? 'ws' : 'http',
    operationType,
    breaks,
    query: text,
    variables,
    operationName,
    ...judge(text, variables, operationName),
  });
}

for (const query of edgeCases) {
  const operationName = namedOperation(query);
  cases.push({
    id: cases.length,
    transport: isSubscription(query, operationName) ? 'ws' : 'http',
    operationType: 'edge case',
    breaks: ['edge case'],
    query,
    variables: {},
    operationName,
    ...judge(query, {}, operationName),
  });
}

process.stdout.write(JSON.stringify(cases));

function namedOperation(query) {
  try {
    return parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name)?.name.value ?? null;
  } catch {
    return null;
  }
}

function isSubscription(query, operationName) {
  try {
    return getOperationAST(parse(query), operationName)?.operation === 'subscription';
  } catch {
    return false;
  }
}

/** Applies one applicable break picked at random; returns its name. */
function applyOne(breaks, context) {
  for (const name of random.shuffle(Object.keys(breaks))) {
    if (breaks[name](context)) return name;
  }

  throw new Error('No break applies to ' + print(context.document));
}

/**
 * graphql-js's verdict: a parse error, validation errors, or errors coercing the variables of the selected operation.
 * graphql-js 17 accepts empty selection sets (`{}`) unless told not to; the specification's grammar (September 2025)
 * requires at least one selection, so it is told not to.
 */
function judge(text, variables, operationName) {
  const asTheSpecification = { allowEmptySelectionSets: false };
  let document;
  try {
    document = parse(text, asTheSpecification);
  } catch (error) {
    return { parseError: error.message, errors: [] };
  }

  const errors = validate(schema, document, undefined, asTheSpecification).map((e) => e.message);
  if (errors.length > 0) return { parseError: null, errors };

  const operation = getOperationAST(document, operationName);
  if (!operation) return { parseError: null, errors: ['No operation to run with this name.'] };

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return { parseError: null, errors: (coerced.errors ?? []).map((e) => e.message) };
}
