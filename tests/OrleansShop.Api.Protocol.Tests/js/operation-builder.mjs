// Builds random operations that are valid on a schema: fields with their arguments (literals or variables with values),
// aliases, inline and named fragments, @skip/@include. The server runs every valid one, so they stay small (depth, list
// sizes) and leave out the mutations that hash a password, which cost real CPU on purpose.
import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import * as ast from './syntax.mjs';

const MaxDepth = 4;
const Words = ['mug', 'lamp', 'blue', 'oak', 'tea', 'desk', 'wool', 'steel', 'x', 'café', 'A "quoted" word', 'line\nbreak'];
const ExpensiveMutations = new Set(['register', 'login', 'changePassword']);

export class OperationBuilder {
  #schema;
  #random;
  #productId;
  #counter = 0;
  #variableDefinitions = [];
  #variables = {};
  #fragments = [];

  // A subscription's ids (its one argument, and whatever a break writes later) all name the real product, so that a
  // valid one opens a stream instead of failing in its resolver.
  #subscription = false;

  /** @param productId a real product, so that some operations read real data and subscriptions have a stream. */
  constructor(schema, random, productId) {
    this.#schema = schema;
    this.#random = random;
    this.#productId = productId;
  }

  get schema() {
    return this.#schema;
  }

  /** A fresh name with the prefix, unique within the builder's lifetime. */
  fresh(prefix) {
    this.#counter += 1;
    return `${prefix}${this.#counter}`;
  }

  /** A valid operation of the type ('query', 'mutation' or 'subscription') and the variables it needs. */
  build(operationType) {
    this.#subscription = operationType === 'subscription';
    this.#variableDefinitions = [];
    this.#variables = {};
    this.#fragments = [];
    const root = this.#schema.getRootType(operationType);
    const selections = operationType === 'subscription' ? [this.#subscriptionRoot(root)] : this.#rootSelections(root, operationType);
    const operationName = this.#random.chance(0.5) ? this.fresh('Op') : undefined;
    const definition = ast.operation(operationType, operationName, this.#variableDefinitions, selections);
    return { document: { kind: Kind.DOCUMENT, definitions: [definition, ...this.#fragments] }, variables: this.#variables };
  }

  /** A literal of the input type (never a variable), with the JSON value a variable of that type would carry. */
  value(type, hint = '', depth = 0) {
    if (isNonNullType(type)) {
      return this.#valueOf(type.ofType, hint, depth);
    }

    if (this.#random.chance(0.05)) {
      return { node: ast.literal.null(), json: null };
    }

    return this.#valueOf(type, hint, depth);
  }

  #rootSelections(root, operationType) {
    const fields = Object.values(root.getFields()).filter((f) => operationType !== 'mutation' || !ExpensiveMutations.has(f.name));
    const count = this.#random.int(1, operationType === 'mutation' ? 2 : 3);
    return Array.from({ length: count }, () => this.#field(this.#random.pick(fields), 1, false, true));
  }

  #subscriptionRoot(root) {
    const stockChanged = root.getFields().stockChanged;
    const productId = this.#argumentValue(stockChanged.args.find((a) => a.name === 'productId'), 'productId', true);
    const selection = ast.field('stockChanged', {
      args: [ast.argument('productId', productId)],
      selectionSet: ast.selectionSet(this.#selections(getNamedType(stockChanged.type), 2, false)),
    });
    const roll = this.#random.next();
    if (roll < 0.15) {
      return ast.inlineFragment(root.name, [selection]);
    }

    if (roll < 0.3) {
      const fragmentName = this.fresh('Root');
      this.#fragments.push(ast.fragmentDefinition(fragmentName, root.name, [selection]));
      return ast.fragmentSpread(fragmentName);
    }

    return selection;
  }

  /**
   * The selections of a composite type. Fields that take arguments, and every field in a branch of an abstract type, get
   * an alias of their own: two selections with one response name must be the same field with the same arguments, and
   * sibling branches may hold same-named fields of different types (Product.rating and Review.rating).
   */
  #selections(type, depth, inBranch, fragmentNesting = 0) {
    const selections = [];
    const count = this.#random.int(1, depth <= 2 ? 3 : 2);
    for (let i = 0; i < count; i++) {
      // Fragments nest at most twice at one depth: they do not deepen the selection, so nothing else bounds them.
      const roll = fragmentNesting < 2 ? this.#random.next() : 0.5 + this.#random.next() / 2;
      if (isAbstractType(type) && roll < 0.35) {
        const possible = this.#random.pick(this.#schema.getPossibleTypes(type));
        selections.push(ast.inlineFragment(possible.name, this.#selections(possible, depth, true, fragmentNesting + 1), this.#maybeCondition()));
      } else if (roll < 0.45 && this.#fragments.length < 4) {
        const fragmentName = this.fresh('F');
        const definition = ast.fragmentDefinition(fragmentName, type.name, []);
        this.#fragments.push(definition);
        definition.selectionSet.selections = this.#selections(type, depth, inBranch, fragmentNesting + 1);
        selections.push(ast.fragmentSpread(fragmentName, this.#maybeCondition()));
      } else if (roll < 0.5) {
        selections.push(ast.inlineFragment(this.#random.chance(0.5) ? undefined : type.name, this.#selections(type, depth, inBranch, fragmentNesting + 1), this.#maybeCondition()));
      } else if (roll < 0.58 || isAbstractType(type) && !('getFields' in type)) {
        selections.push(ast.field('__typename', { alias: inBranch ? this.fresh('t') : undefined }));
      } else {
        const fields = Object.values(type.getFields()).filter((f) => depth < MaxDepth || isLeafType(getNamedType(f.type)));
        selections.push(fields.length === 0 ? ast.field('__typename') : this.#field(this.#random.pick(fields), depth, inBranch, false));
      }
    }

    return selections;
  }

  #field(definition, depth, inBranch, atRoot) {
    const args = this.#arguments(definition);
    const named = getNamedType(definition.type);
    const alias = inBranch || args.length > 0 || this.#random.chance(0.15) ? this.fresh('a') : undefined;
    return ast.field(definition.name, {
      alias,
      args,
      directives: atRoot && this.#random.chance(0.7) ? [] : this.#maybeCondition(),
      selectionSet: isCompositeType(named) ? ast.selectionSet(this.#selections(named, depth + 1, false)) : undefined,
    });
  }

  #arguments(definition) {
    const args = [];
    const names = new Set(definition.args.map((a) => a.name));
    for (const arg of definition.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      const pagingDefault = arg.name === 'first' && !names.has('last');
      if (required || this.#random.chance(pagingDefault ? 0.7 : 0.3)) {
        args.push(ast.argument(arg.name, this.#argumentValue(arg, arg.name, false)));
      }
    }

    return args;
  }

  /** An argument's value: a literal, or now and then a variable declared with the argument's type and given a value. */
  #argumentValue(arg, hint, forceProduct) {
    if (this.#random.chance(0.25)) {
      const variableName = this.fresh('v');
      const typeText = String(arg.type);
      const generated = forceProduct ? this.#productIdValue() : this.value(arg.type, hint);
      if (this.#random.chance(0.2) && generated.node.kind !== Kind.NULL) {
        this.#variableDefinitions.push(ast.variableDefinition(variableName, typeText, generated.node));
      } else {
        this.#variableDefinitions.push(ast.variableDefinition(variableName, typeText));
        this.#variables[variableName] = generated.json;
      }

      return ast.variable(variableName);
    }

    return (forceProduct ? this.#productIdValue() : this.value(arg.type, hint)).node;
  }

  #productIdValue() {
    return { node: ast.literal.string(this.#productId), json: this.#productId };
  }

  #maybeCondition() {
    if (!this.#random.chance(0.1)) {
      return [];
    }

    const skip = this.#random.chance(0.5);
    let condition;
    if (this.#random.chance(0.3)) {
      const variableName = this.fresh('b');
      this.#variableDefinitions.push(ast.variableDefinition(variableName, 'Boolean!'));
      this.#variables[variableName] = this.#random.chance(0.5);
      condition = ast.variable(variableName);
    } else {
      condition = ast.literal.boolean(this.#random.chance(0.5));
    }

    return [ast.directive(skip ? 'skip' : 'include', [ast.argument('if', condition)])];
  }

  #valueOf(type, hint, depth) {
    const random = this.#random;
    if (isListType(type)) {
      const items = Array.from({ length: random.int(0, 2) }, () => this.value(type.ofType, hint, depth + 1));
      return { node: ast.literal.list(items.map((i) => i.node)), json: items.map((i) => i.json) };
    }

    if (isInputObjectType(type)) {
      const definitions = Object.values(type.getFields());
      let chosen;
      if (type.isOneOf) {
        chosen = [random.pick(definitions)];
      } else {
        chosen = definitions.filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined) || (depth < 3 && random.chance(0.3)));
      }

      const fields = chosen.map((f) => ({ name: f.name, value: type.isOneOf ? this.#valueOf(getNamedNonNull(f.type), f.name, depth + 1) : this.value(f.type, f.name, depth + 1) }));
      return {
        node: ast.literal.object(fields.map((f) => ast.objectField(f.name, f.value.node))),
        json: Object.fromEntries(fields.map((f) => [f.name, f.value.json])),
      };
    }

    if (isEnumType(type)) {
      const value = random.pick(type.getValues()).name;
      return { node: ast.literal.enum(value), json: value };
    }

    return this.#scalar(type.name, hint.toLowerCase());
  }

  #scalar(scalarName, hint) {
    const random = this.#random;
    switch (scalarName) {
      case 'Int': {
        const value = /first|last|quantity/.test(hint) ? random.int(1, 3) : /rating/.test(hint) ? random.int(1, 5) : random.int(-2, 9);
        return { node: ast.literal.int(value), json: value };
      }
      case 'Float': {
        const value = random.int(0, 50) / 10;
        return { node: ast.literal.float(value.toFixed(1)), json: value };
      }
      case 'Boolean': {
        const value = random.chance(0.5);
        return { node: ast.literal.boolean(value), json: value };
      }
      case 'ID': {
        if (this.#subscription || (/product|^id$/.test(hint) && random.chance(0.5))) {
          return this.#productIdValue();
        }

        if (random.chance(0.15)) {
          const value = random.int(1, 999);
          return { node: ast.literal.int(value), json: String(value) };
        }

        const value = `id-${random.int(1, 999)}`;
        return { node: ast.literal.string(value), json: value };
      }
      case 'DateTime':
        return { node: ast.literal.string('2026-01-02T03:04:05Z'), json: '2026-01-02T03:04:05Z' };
      case 'Decimal':
        return { node: ast.literal.string('12.50'), json: '12.50' };
      default: {
        const value = random.pick(Words);
        return { node: ast.literal.string(value, random.chance(0.1) && !value.includes('"')), json: value };
      }
    }
  }
}

function getNamedNonNull(type) {
  return isNonNullType(type) ? type.ofType : type;
}
