// Constructors of graphql-js AST nodes, so that the builder and the breaks read as the documents they make.
import { Kind, parseType } from 'graphql';

export const name = (value) => ({ kind: Kind.NAME, value });

export const field = (fieldName, { alias, args = [], directives = [], selectionSet } = {}) => ({
  kind: Kind.FIELD,
  alias: alias === undefined ? undefined : name(alias),
  name: name(fieldName),
  arguments: args,
  directives,
  selectionSet,
});

export const selectionSet = (selections) => ({ kind: Kind.SELECTION_SET, selections });

export const argument = (argumentName, value) => ({ kind: Kind.ARGUMENT, name: name(argumentName), value });

export const objectField = (fieldName, value) => ({ kind: Kind.OBJECT_FIELD, name: name(fieldName), value });

export const directive = (directiveName, args = []) => ({ kind: Kind.DIRECTIVE, name: name(directiveName), arguments: args });

export const namedType = (typeName) => ({ kind: Kind.NAMED_TYPE, name: name(typeName) });

export const inlineFragment = (typeName, selections, directives = []) => ({
  kind: Kind.INLINE_FRAGMENT,
  typeCondition: typeName === undefined ? undefined : namedType(typeName),
  directives,
  selectionSet: selectionSet(selections),
});

export const fragmentSpread = (fragmentName, directives = []) => ({ kind: Kind.FRAGMENT_SPREAD, name: name(fragmentName), directives });

export const fragmentDefinition = (fragmentName, typeName, selections) => ({
  kind: Kind.FRAGMENT_DEFINITION,
  name: name(fragmentName),
  typeCondition: namedType(typeName),
  directives: [],
  selectionSet: selectionSet(selections),
});

export const variable = (variableName) => ({ kind: Kind.VARIABLE, name: name(variableName) });

/** A variable definition; `type` is a type's text as written in a document, e.g. "[ID!]!". */
export const variableDefinition = (variableName, type, defaultValue) => ({
  kind: Kind.VARIABLE_DEFINITION,
  variable: variable(variableName),
  type: parseType(type),
  defaultValue,
  directives: [],
});

export const operation = (operationType, operationName, variableDefinitions, selections) => ({
  kind: Kind.OPERATION_DEFINITION,
  operation: operationType,
  name: operationName === undefined ? undefined : name(operationName),
  variableDefinitions,
  directives: [],
  selectionSet: selectionSet(selections),
});

export const literal = {
  int: (value) => ({ kind: Kind.INT, value: String(value) }),
  float: (value) => ({ kind: Kind.FLOAT, value }),
  string: (value, block = false) => ({ kind: Kind.STRING, value, block }),
  boolean: (value) => ({ kind: Kind.BOOLEAN, value }),
  null: () => ({ kind: Kind.NULL }),
  enum: (value) => ({ kind: Kind.ENUM, value }),
  list: (values) => ({ kind: Kind.LIST, values }),
  object: (fields) => ({ kind: Kind.OBJECT, fields }),
};
