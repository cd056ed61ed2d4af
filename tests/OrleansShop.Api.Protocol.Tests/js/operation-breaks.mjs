// Changes that usually make a valid operation invalid (and a few that should not), each named after what it does.
// A break does not decide validity: graphql-js's verdict on the result does. Each takes the survey of the document
// (its fields, selection sets, arguments and input objects with their schema types), changes the document or the
// variables in place, and returns false when the document has no place for it.
import {
  Kind,
  TypeInfo,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  parseType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import * as ast from './syntax.mjs';

/** The places a break can act on, each with its schema type. */
export function survey(schema, document) {
  const typeInfo = new TypeInfo(schema);
  const found = { fields: [], selectionSets: [], values: [], objects: [] };
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const definition = typeInfo.getFieldDef();
      if (definition) found.fields.push({ node, definition, parentType: typeInfo.getParentType() });
    },
    SelectionSet(node) {
      const type = typeInfo.getParentType();
      if (type) found.selectionSets.push({ node, type });
    },
    Argument(node) {
      const type = typeInfo.getInputType();
      if (type) found.values.push({ holder: node, type });
    },
    ObjectField(node) {
      const type = typeInfo.getInputType();
      if (type) found.values.push({ holder: node, type });
    },
    ObjectValue(node) {
      const type = typeInfo.getInputType();
      if (type && isInputObjectType(getNullableType(type))) found.objects.push({ node, type: getNullableType(type) });
    },
  }));
  return found;
}

const pickWhere = (random, items, predicate) => {
  const matching = items.filter(predicate);
  return matching.length === 0 ? undefined : random.pick(matching);
};

const operationOf = (document) => document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);

const isLiteral = (value) => value.kind !== Kind.VARIABLE;

/** Named types a client may write a literal for and graphql-js can judge: custom scalars built from introspection accept anything. */
const judgeable = (type) => !isScalarType(getNamedType(type)) || isSpecifiedScalarType(getNamedType(type));

const literalPositions = (found) => found.values.filter((v) => isLiteral(v.holder.value) && judgeable(v.type));

/** A literal of a kind the position does not accept. */
function wrongLiteral(type) {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return ast.literal.list([wrongLiteral(nullable.ofType)]);
  if (isInputObjectType(nullable)) return ast.literal.int(3);
  if (isEnumType(nullable)) return ast.literal.int(1);
  switch (nullable.name) {
    case 'Int':
    case 'Float':
      return ast.literal.string('seven');
    case 'Boolean':
      return ast.literal.int(1);
    case 'ID':
      return ast.literal.boolean(true);
    default:
      return ast.literal.int(7);
  }
}

function addFragment(document, definition) {
  document.definitions.push(definition);
}

function addVariable(document, variableName, typeText, defaultValue) {
  const operation = operationOf(document);
  operation.variableDefinitions = [...(operation.variableDefinitions ?? []), ast.variableDefinition(variableName, typeText, defaultValue)];
}

const compositeSelectionSets = (found) => found.selectionSets.filter((s) => 'getFields' in s.type);

/** The two fields, distinct by name, of a type's fields that satisfy the predicate; undefined when there are fewer. */
function twoFields(random, type, predicate) {
  const fields = random.shuffle(Object.values(type.getFields()).filter(predicate));
  return fields.length < 2 ? undefined : [fields[0], fields[1]];
}

const leafSelection = (definition, alias) => ast.field(definition.name, {
  alias,
  args: definition.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => ast.argument(a.name, ast.literal.string('x'))),
});

/** Document breaks: (context) => applied. context = { schema, random, document, variables, builder, found, operationType }. */
export const documentBreaks = {
  'unknown field': ({ random, found }) => {
    random.pick(found.selectionSets).node.selections.push(ast.field('noSuchField'));
    return true;
  },
  'unknown argument': ({ random, found }) => {
    const target = pickWhere(random, found.fields, (f) => f.node.name.value !== '__typename');
    target?.node.arguments.push(ast.argument('noSuchArgument', ast.literal.int(1)));
    return target !== undefined;
  },
  'argument of the wrong kind': ({ random, found }) => {
    const target = pickWhere(random, literalPositions(found), (v) => v.holder.value.kind !== Kind.NULL);
    if (target) target.holder.value = wrongLiteral(target.type);
    return target !== undefined;
  },
  'int out of range': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => getNamedType(v.type).name === 'Int');
    if (target) target.holder.value = ast.literal.int('4294967296');
    return target !== undefined;
  },
  'float where an Int goes': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => getNamedType(v.type).name === 'Int' && !isListType(getNullableType(v.type)));
    if (target) target.holder.value = ast.literal.float('1.5');
    return target !== undefined;
  },
  'int where an ID or Float goes': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => ['ID', 'Float'].includes(getNullableType(v.type).name));
    if (target) target.holder.value = ast.literal.int(42);
    return target !== undefined;
  },
  'single value where a list goes': ({ random, found, builder }) => {
    const target = pickWhere(random, literalPositions(found), (v) => isListType(getNullableType(v.type)) && v.holder.value.kind === Kind.LIST);
    if (target) {
      const items = target.holder.value.values;
      target.holder.value = items.length > 0 ? items[0] : builder.value(getNullableType(target.type).ofType).node;
    }
    return target !== undefined;
  },
  'missing required argument': ({ random, found }) => {
    const target = pickWhere(random, found.fields, (f) => f.node.arguments.some((a) => isRequired(f.definition, a.name.value)));
    if (target) {
      const required = target.node.arguments.filter((a) => isRequired(target.definition, a.name.value));
      const removed = random.pick(required);
      target.node.arguments = target.node.arguments.filter((a) => a !== removed);
    }
    return target !== undefined;
  },
  'null for a non-null value': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => isNonNullType(v.type) && isLiteral(v.holder.value));
    if (target) target.holder.value = ast.literal.null();
    return target !== undefined;
  },
  'selection on a leaf': ({ random, found }) => {
    const target = pickWhere(random, found.fields, (f) => isLeafType(getNamedType(f.definition.type)));
    if (target) target.node.selectionSet = ast.selectionSet([ast.field('length')]);
    return target !== undefined;
  },
  'object without a selection': ({ random, found }) => {
    const target = pickWhere(random, found.fields, (f) => isCompositeType(getNamedType(f.definition.type)));
    if (target) target.node.selectionSet = undefined;
    return target !== undefined;
  },
  'unknown type condition': ({ random, found }) => {
    random.pick(found.selectionSets).node.selections.push(ast.inlineFragment('NoSuchType', [ast.field('__typename')]));
    return true;
  },
  'fragment on an impossible type': ({ schema, random, found }) => {
    const target = random.pick(found.selectionSets);
    const possible = new Set(isAbstractType(target.type) ? schema.getPossibleTypes(target.type) : [target.type]);
    const objects = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__') && !possible.has(t));
    target.node.selections.push(ast.inlineFragment(random.pick(objects).name, [ast.field('__typename')]));
    return true;
  },
  'fragment on an interface the type implements': ({ random, found }) => {
    const target = pickWhere(random, found.selectionSets, (s) => isObjectType(s.type) && s.type.getInterfaces().length > 0);
    if (target) {
      const implemented = random.pick(target.type.getInterfaces());
      target.node.selections.push(ast.inlineFragment(implemented.name, [ast.field('__typename', { alias: 'viaInterface' })]));
    }
    return target !== undefined;
  },
  'fragment on a scalar': ({ random, document, found }) => {
    addFragment(document, ast.fragmentDefinition('OnScalar', 'String', [ast.field('__typename')]));
    random.pick(found.selectionSets).node.selections.push(ast.fragmentSpread('OnScalar'));
    return true;
  },
  'undefined fragment': ({ random, found }) => {
    random.pick(found.selectionSets).node.selections.push(ast.fragmentSpread('NoSuchFragment'));
    return true;
  },
  'unused fragment': ({ schema, document }) => {
    addFragment(document, ast.fragmentDefinition('Unused', schema.getQueryType().name, [ast.field('__typename')]));
    return true;
  },
  'fragment cycle': ({ random, document, found }) => {
    const target = random.pick(found.selectionSets);
    addFragment(document, ast.fragmentDefinition('CycleA', target.type.name, [ast.field('__typename'), ast.fragmentSpread('CycleB')]));
    addFragment(document, ast.fragmentDefinition('CycleB', target.type.name, [ast.fragmentSpread('CycleA')]));
    target.node.selections.push(ast.fragmentSpread('CycleA'));
    return true;
  },
  'duplicate fragment name': ({ random, document, found }) => {
    const target = random.pick(found.selectionSets);
    addFragment(document, ast.fragmentDefinition('Twice', target.type.name, [ast.field('__typename')]));
    addFragment(document, ast.fragmentDefinition('Twice', target.type.name, [ast.field('__typename')]));
    target.node.selections.push(ast.fragmentSpread('Twice'));
    return true;
  },
  'undefined variable': ({ random, found }) => {
    const target = random.pick(found.values.length > 0 ? found.values : [undefined]);
    if (target) target.holder.value = ast.variable('undeclared');
    return target !== undefined;
  },
  'unused variable': ({ document }) => {
    addVariable(document, 'unused', 'Int');
    return true;
  },
  'variable in a fragment the operation does not declare': ({ random, document, found }) => {
    const target = random.pick(found.selectionSets);
    const condition = ast.directive('include', [ast.argument('if', ast.variable('notDeclared'))]);
    addFragment(document, ast.fragmentDefinition('UsesVariable', target.type.name, [ast.field('__typename', { directives: [condition] })]));
    target.node.selections.push(ast.fragmentSpread('UsesVariable'));
    return true;
  },
  'variable of another type': ({ schema, random, document, variables, builder, found }) => {
    const target = random.pick(found.values.length > 0 ? found.values : [undefined]);
    if (!target) return false;
    const typeText = random.pick(['Int', 'String!', 'Boolean', 'Float!', 'ID', '[String]', 'ProductSortField', 'SortDirection!', '[ID!]!', 'ProductFilter']);
    const type = typeFromAST(schema, parseType(typeText));
    if (!type) return false;
    addVariable(document, 'otherType', typeText);
    variables.otherType = builder.value(type).json;
    target.holder.value = ast.variable('otherType');
    return true;
  },
  'nullable variable where a non-null goes': ({ random, document, variables, builder, found }) => {
    const target = pickWhere(random, found.values, (v) => isNonNullType(v.type) && judgeable(v.type));
    if (!target) return false;
    addVariable(document, 'maybeNull', String(target.type.ofType));
    variables.maybeNull = builder.value(target.type).json;
    target.holder.value = ast.variable('maybeNull');
    return true;
  },
  'nullable variable with a default where a non-null goes': ({ random, document, builder, found }) => {
    const target = pickWhere(random, found.values, (v) => isNonNullType(v.type) && judgeable(v.type));
    if (!target) return false;
    addVariable(document, 'withDefault', String(target.type.ofType), builder.value(target.type).node);
    target.holder.value = ast.variable('withDefault');
    return true;
  },
  'item variable where a list goes': ({ random, document, variables, builder, found }) => {
    const target = pickWhere(random, found.values, (v) => isListType(getNullableType(v.type)) && judgeable(v.type));
    if (!target) return false;
    const item = getNullableType(target.type).ofType;
    addVariable(document, 'item', String(item));
    variables.item = builder.value(item).json;
    target.holder.value = ast.variable('item');
    return true;
  },
  'variable of an output type': ({ random, document, found }) => {
    const target = random.pick(found.values.length > 0 ? found.values : [undefined]);
    if (!target) return false;
    addVariable(document, 'outputType', 'Product');
    target.holder.value = ast.variable('outputType');
    return true;
  },
  'duplicate variable': ({ random, document, variables, found }) => {
    const target = pickWhere(random, found.values, (v) => getNullableType(v.type).name === 'Int');
    if (!target) return false;
    addVariable(document, 'twice', 'Int');
    addVariable(document, 'twice', 'Int');
    variables.twice = 2;
    target.holder.value = ast.variable('twice');
    return true;
  },
  'same field twice with different arguments': ({ random, builder, found }) => {
    const target = pickWhere(random, found.fields, (f) => f.definition.args.length > 0);
    if (!target) return false;
    const parent = found.selectionSets.find((s) => s.node.selections.includes(target.node));
    if (!parent) return false;
    const clone = structuredClone(target.node);
    const missing = target.definition.args.find((a) => !clone.arguments.some((c) => c.name.value === a.name));
    if (missing) {
      clone.arguments.push(ast.argument(missing.name, builder.value(missing.type, missing.name).node));
    } else {
      const changed = clone.arguments[0];
      changed.value = builder.value(target.definition.args.find((a) => a.name === changed.name.value).type, changed.name.value).node;
    }
    parent.node.selections.push(clone);
    return true;
  },
  'same field twice with the same arguments': ({ random, found }) => {
    const target = pickWhere(random, found.fields, (f) => f.node.arguments.length > 0);
    const parent = target && found.selectionSets.find((s) => s.node.selections.includes(target.node));
    parent?.node.selections.push(structuredClone(target.node));
    return parent !== undefined;
  },
  'two fields under one response name': ({ random, found }) => {
    const target = pickWhere(random, compositeSelectionSets(found), (s) => twoFields(random, s.type, (f) => isLeafType(getNamedType(f.type))) !== undefined);
    if (!target) return false;
    const [first, second] = twoFields(random, target.type, (f) => isLeafType(getNamedType(f.type)));
    target.node.selections.push(leafSelection(first, 'clash'), leafSelection(second, 'clash'));
    return true;
  },
  'a leaf and an object under one response name': ({ random, found }) => {
    const target = pickWhere(random, compositeSelectionSets(found), (s) => {
      const fields = Object.values(s.type.getFields());
      return fields.some((f) => isLeafType(getNamedType(f.type))) && fields.some((f) => isCompositeType(getNamedType(f.type)) && f.args.length === 0);
    });
    if (!target) return false;
    const fields = Object.values(target.type.getFields());
    const leaf = random.pick(fields.filter((f) => isLeafType(getNamedType(f.type))));
    const object = random.pick(fields.filter((f) => isCompositeType(getNamedType(f.type)) && f.args.length === 0));
    target.node.selections.push(leafSelection(leaf, 'shape'), ast.field(object.name, { alias: 'shape', selectionSet: ast.selectionSet([ast.field('__typename')]) }));
    return true;
  },
  'conflict through an inline fragment': ({ random, found }) => {
    const target = pickWhere(random, compositeSelectionSets(found), (s) => twoFields(random, s.type, (f) => isLeafType(getNamedType(f.type))) !== undefined);
    if (!target) return false;
    const [first, second] = twoFields(random, target.type, (f) => isLeafType(getNamedType(f.type)));
    target.node.selections.push(leafSelection(first, 'hidden'), ast.inlineFragment(undefined, [leafSelection(second, 'hidden')]));
    return true;
  },
  'conflict inside two same-named objects': ({ random, found }) => {
    const target = pickWhere(random, compositeSelectionSets(found), (s) => objectFieldsWithTwoLeaves(random, s.type).length > 0);
    if (!target) return false;
    const object = random.pick(objectFieldsWithTwoLeaves(random, target.type));
    const [first, second] = twoFields(random, getNamedType(object.type), (f) => isLeafType(getNamedType(f.type)));
    target.node.selections.push(
      ast.field(object.name, { alias: 'nested', selectionSet: ast.selectionSet([leafSelection(first, 'inner')]) }),
      ast.field(object.name, { alias: 'nested', selectionSet: ast.selectionSet([leafSelection(second, 'inner')]) }));
    return true;
  },
  'one response name across object branches': ({ schema, random, found }) => {
    const target = pickWhere(random, found.selectionSets, (s) => isAbstractType(s.type) && schema.getPossibleTypes(s.type).length > 1);
    if (!target) return false;
    const [left, right] = random.shuffle(schema.getPossibleTypes(target.type));
    const leaf = (type) => random.pick(Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0));
    target.node.selections.push(
      ast.inlineFragment(left.name, [leafSelection(leaf(left), 'branch')]),
      ast.inlineFragment(right.name, [leafSelection(leaf(right), 'branch')]));
    return true;
  },
  'nullable variable as an item of a non-null list': ({ random, document, variables, builder, found }) => {
    const target = pickWhere(random, found.values, (v) => isListType(getNullableType(v.type)) && isNonNullType(getNullableType(v.type).ofType) && judgeable(v.type));
    if (!target) return false;
    const item = getNullableType(target.type).ofType;
    const nullable = random.chance(0.5);
    addVariable(document, 'listItem', nullable ? String(item.ofType) : String(item));
    variables.listItem = builder.value(item).json;
    target.holder.value = ast.literal.list([ast.variable('listItem')]);
    return true;
  },
  'nullable Boolean variable in @include': ({ random, document, variables, found }) => {
    const target = random.pick(found.fields);
    const withDefault = random.chance(0.5);
    addVariable(document, 'maybeInclude', 'Boolean', withDefault ? ast.literal.boolean(true) : undefined);
    if (!withDefault) variables.maybeInclude = true;
    target.node.directives = [...target.node.directives, ast.directive('include', [ast.argument('if', ast.variable('maybeInclude'))])];
    return true;
  },
  'fragment on an interface': ({ schema, random, found }) => {
    const interfaces = Object.values(schema.getTypeMap()).filter((t) => isInterfaceType(t) && !t.name.startsWith('__'));
    const target = random.pick(found.selectionSets);
    target.node.selections.push(ast.inlineFragment(random.pick(interfaces).name, [ast.field('__typename', { alias: 'onInterface' })]));
    return true;
  },
  'introspection at the root': ({ schema, random, document }) => {
    const operation = operationOf(document);
    if (operation.operation !== 'query') return false;
    const typeName = random.pick(Object.keys(schema.getTypeMap()));
    const variants = [
      ast.field('__type', { alias: 'meta', args: [ast.argument('name', ast.literal.string(typeName))], selectionSet: ast.selectionSet([ast.field('name'), ast.field('kind')]) }),
      ast.field('__schema', { alias: 'meta', selectionSet: ast.selectionSet([ast.field('queryType', { selectionSet: ast.selectionSet([ast.field('name')]) })]) }),
      ast.field('__type', { alias: 'meta', selectionSet: ast.selectionSet([ast.field('name')]) }),
      ast.field('__type', { alias: 'meta', args: [ast.argument('name', ast.literal.int(1))], selectionSet: ast.selectionSet([ast.field('name')]) }),
      ast.field('__schema', { alias: 'meta' }),
    ];
    operation.selectionSet.selections.push(random.pick(variants));
    return true;
  },
  'directive on a variable definition': ({ document, variables }) => {
    addVariable(document, 'annotated', 'Int');
    const operation = operationOf(document);
    operation.variableDefinitions.at(-1).directives = [ast.directive('deprecated')];
    variables.annotated = 1;
    return true;
  },
  'one variable in positions of two types': ({ random, document, variables, found }) => {
    const ints = found.values.filter((v) => getNullableType(v.type).name === 'Int');
    const strings = found.values.filter((v) => getNullableType(v.type).name === 'String');
    if (ints.length === 0 || strings.length === 0) return false;
    addVariable(document, 'shared', 'Int');
    variables.shared = 1;
    random.pick(ints).holder.value = ast.variable('shared');
    random.pick(strings).holder.value = ast.variable('shared');
    return true;
  },
  'second root field in a subscription': ({ operationType, document }) => {
    if (operationType !== 'subscription') return false;
    operationOf(document).selectionSet.selections.push(ast.field('orderStatusChanged', {
      args: [ast.argument('orderId', ast.literal.string('T3JkZXI6MQ=='))],
      selectionSet: ast.selectionSet([ast.field('status')]),
    }));
    return true;
  },
  'introspection field at the subscription root': ({ operationType, document }) => {
    if (operationType !== 'subscription') return false;
    operationOf(document).selectionSet.selections = [ast.field('__typename')];
    return true;
  },
  '@skip on the subscription root': ({ operationType, schema, found }) => {
    if (operationType !== 'subscription') return false;
    const root = found.fields.find((f) => f.parentType === schema.getSubscriptionType());
    root.node.directives = [...root.node.directives, ast.directive('skip', [ast.argument('if', ast.literal.boolean(false))])];
    return true;
  },
  'unknown directive': ({ random, found }) => {
    const target = random.pick(found.fields);
    target.node.directives = [...target.node.directives, ast.directive('noSuchDirective')];
    return true;
  },
  'directive in the wrong place': ({ random, document, found }) => {
    if (random.chance(0.5)) {
      operationOf(document).directives = [ast.directive('include', [ast.argument('if', ast.literal.boolean(true))])];
    } else {
      const target = random.pick(found.fields);
      target.node.directives = [...target.node.directives, ast.directive('deprecated')];
    }
    return true;
  },
  'repeated directive': ({ random, found }) => {
    const target = random.pick(found.fields);
    const skip = () => ast.directive('skip', [ast.argument('if', ast.literal.boolean(false))]);
    target.node.directives = [...target.node.directives, skip(), skip()];
    return true;
  },
  '@skip and @include together': ({ random, found }) => {
    const target = random.pick(found.fields);
    target.node.directives = [
      ...target.node.directives,
      ast.directive('skip', [ast.argument('if', ast.literal.boolean(false))]),
      ast.directive('include', [ast.argument('if', ast.literal.boolean(true))]),
    ];
    return true;
  },
  'directive without its argument': ({ random, found }) => {
    const target = random.pick(found.fields);
    target.node.directives = [...target.node.directives, ast.directive('include')];
    return true;
  },
  'duplicate argument': ({ random, found }) => {
    const target = pickWhere(random, found.fields, (f) => f.node.arguments.length > 0);
    target?.node.arguments.push(structuredClone(target.node.arguments[0]));
    return target !== undefined;
  },
  'duplicate operation name': ({ document }) => {
    const operation = operationOf(document);
    operation.name ??= ast.name('Twice');
    document.definitions.push(ast.operation('query', operation.name.value, [], [ast.field('__typename')]));
    return true;
  },
  'anonymous operation beside another': ({ document }) => {
    document.definitions.push(ast.operation('query', undefined, [], [ast.field('__typename')]));
    return true;
  },
  'unknown enum value': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => isEnumType(getNullableType(v.type)));
    if (target) target.holder.value = ast.literal.enum('NO_SUCH_VALUE');
    return target !== undefined;
  },
  'enum value written as a string': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => isEnumType(getNullableType(v.type)));
    if (target) target.holder.value = ast.literal.string(getNullableType(target.type).getValues()[0].name);
    return target !== undefined;
  },
  'unknown input field': ({ random, found }) => {
    const target = random.pick(found.objects.length > 0 ? found.objects : [undefined]);
    target?.node.fields.push(ast.objectField('noSuchInputField', ast.literal.int(1)));
    return target !== undefined;
  },
  'missing required input field': ({ random, found }) => {
    const target = pickWhere(random, found.objects, (o) => o.node.fields.some((f) => isNonNullType(o.type.getFields()[f.name.value]?.type)));
    if (target) {
      const required = target.node.fields.filter((f) => isNonNullType(target.type.getFields()[f.name.value]?.type));
      const removed = random.pick(required);
      target.node.fields = target.node.fields.filter((f) => f !== removed);
    }
    return target !== undefined;
  },
  'duplicate input field': ({ random, found }) => {
    const target = pickWhere(random, found.objects, (o) => o.node.fields.length > 0);
    target?.node.fields.push(structuredClone(target.node.fields[0]));
    return target !== undefined;
  },
  'string with escapes and astral characters': ({ random, found }) => {
    const target = pickWhere(random, found.values, (v) => getNullableType(v.type).name === 'String' && isLiteral(v.holder.value));
    if (target) target.holder.value = ast.literal.string('tab\there \u00e9 \u{1F600} \\ "quoted" \u0007');
    return target !== undefined;
  },
};

/** Breaks of the request's variables (coercion, not validation): the same accept/reject question one step later. */
export const variableBreaks = {
  'variable value of the wrong type': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => isScalarType(getNamedType(t)) && isSpecifiedScalarType(getNamedType(t)) && !isListType(getNullableType(t)));
    if (!definition) return false;
    variables[definition.variable.name.value] = getNamedType(typeFromAST(schema, definition.type)).name === 'String' ? { not: 'a string' } : 'not-a-number';
    return true;
  },
  'missing value of a required variable': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t, d) => isNonNullType(t) && d.defaultValue === undefined);
    if (!definition) return false;
    delete variables[definition.variable.name.value];
    return true;
  },
  'null value of a required variable': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => isNonNullType(t));
    if (!definition) return false;
    variables[definition.variable.name.value] = null;
    return true;
  },
  'int variable out of range': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => getNullableType(t).name === 'Int');
    if (!definition) return false;
    variables[definition.variable.name.value] = 2147483648;
    return true;
  },
  'unknown field in a variable object': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => isInputObjectType(getNullableType(t)));
    const value = definition && variables[definition.variable.name.value];
    if (!value || typeof value !== 'object') return false;
    value.noSuchInputField = 1;
    return true;
  },
  'single value for a list variable': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => isListType(getNullableType(t)) && judgeable(t));
    const value = definition && variables[definition.variable.name.value];
    if (!Array.isArray(value) || value.length === 0) return false;
    variables[definition.variable.name.value] = value[0];
    return true;
  },
  'number for an ID or enum variable': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => getNamedType(t).name === 'ID' || isEnumType(getNamedType(t)));
    if (!definition) return false;
    const type = typeFromAST(schema, definition.type);
    variables[definition.variable.name.value] = isListType(getNullableType(type)) ? [7] : 7;
    return true;
  },
  'missing or null required field in a variable object': ({ schema, random, document, variables }) => {
    const definition = pickVariable(schema, random, document, (t) => isInputObjectType(getNullableType(t)));
    const value = definition && variables[definition.variable.name.value];
    if (!value || typeof value !== 'object') return false;
    const type = getNullableType(typeFromAST(schema, definition.type));
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined && f.name in value);
    if (required.length === 0) return false;
    const field = random.pick(required).name;
    if (random.chance(0.5)) delete value[field]; else value[field] = null;
    return true;
  },
  'value for an undeclared variable': ({ variables }) => {
    variables.notDeclaredAnywhere = 'ignored';
    return true;
  },
};

/** Breaks of the printed text: syntax the parser must refuse, and layout it must not care about. */
export const textBreaks = {
  'document cut short': (text, random) => text.slice(0, random.int(1, Math.max(1, text.length - 1))),
  'unterminated string': (text) => text.replace('{', '{ __typename(a: "no end) '),
  'extra closing brace': (text) => `${text} }`,
  'comments, commas and blank lines': (text) => `# leading comment\n,,${text.replace(/\{/g, '{ # note\n,')}\n\n`,
  'byte order mark': (text) => `\uFEFF${text}`,
  'leading zero in a number': (text) => text.replace(/: (\d)/, ': 0$1'),
  'name starting with a digit': (text) => text.replace('{', '{ 9lives '),
};

function objectFieldsWithTwoLeaves(random, type) {
  return Object.values(type.getFields()).filter((f) => f.args.length === 0 && isObjectType(getNamedType(f.type))
    && twoFields(random, getNamedType(f.type), (g) => isLeafType(getNamedType(g.type))) !== undefined);
}

function isRequired(definition, argumentName) {
  const arg = definition.args.find((a) => a.name === argumentName);
  return arg !== undefined && isNonNullType(arg.type) && arg.defaultValue === undefined;
}

function pickVariable(schema, random, document, predicate) {
  const definitions = (operationOf(document).variableDefinitions ?? []).filter((d) => {
    const type = typeFromAST(schema, d.type);
    return type !== undefined && predicate(type, d);
  });
  return definitions.length === 0 ? undefined : random.pick(definitions);
}
