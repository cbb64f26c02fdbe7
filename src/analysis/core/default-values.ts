// What an expression holds for a caller that passes no options: the value every such caller shares.
//
// Hand-written memoizers reach their cache and key function through options, defaults and helpers:
// `opts.cache || new Map()`, `{ ...defaults, ...input }.cache`, `Object.assign({}, defaultConfig, input)`,
// `config.resolver ?? defaultResolver` (also as TypeScript compiles it:
// `(_a = config.resolver) !== null && _a !== void 0 ? _a : defaultResolver`), `memoized.cache = cache`
// read back as `memoized.cache`, or a parameter of a helper bound to the argument of one call. This
// module follows such expressions to what they denote when every option is left out, a small
// evaluation over the syntax: bindings with one value, object literals, spreads and
// `Object.assign`, property writes, `||` / `??` / `?:` with the tests it can decide.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** An option nobody passed: `undefined`. */
export const ABSENT: unique symbol = Symbol('absent');

/**
 * The value found: a node (a creation, a function, a literal, or an expression that cannot be reduced
 * further, such as a parameter or a call), `ABSENT`, or `null` when it cannot be decided.
 */
export type DefaultValue = Node | typeof ABSENT | null;

/**
 * Parameters of a helper bound to the arguments of one call of it (`memoize(fn, resolver, cache)`), or
 * to `ABSENT`: an option of a decorator factory that a caller passing no options leaves out
 * (`RememberResult(hashFn?)` used as `@RememberResult()`).
 */
export type Bindings = ReadonlyMap<Variable, Node | typeof ABSENT | typeof CALL_VALUE>;

/**
 * A parameter of the replacement itself (`function (...args)`): what each call passes, not an option,
 * so neither it nor its properties (`args[0]`) have a default to judge by.
 */
export const CALL_VALUE: unique symbol = Symbol('call value');

const MAX_DEPTH = 12;
/** A reference back to the binding being evaluated (`x = Object.assign({}, x, input)`): the value it already has. */
const CYCLE: unique symbol = Symbol('cycle');
type Internal = DefaultValue | typeof CYCLE;

interface State {
  readonly file: FileContext;
  readonly bindings: Bindings | null;
  readonly active: Set<Variable>;
  depth: number;
}

/** The value `node` holds for a caller that passes no options (see the module comment). */
export function evaluateDefault(file: FileContext, node: Node, bindings: Bindings | null = null): DefaultValue {
  const found = evaluate({ file, bindings, active: new Set(), depth: 0 }, node);
  return found === CYCLE ? null : found;
}

/** `true` when the node is a creation the evaluation stops at (a container, an object, a function). */
function isValue(node: Node): boolean {
  return (
    isFunctionNode(node) ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.ObjectExpression ||
    node.type === AST_NODE_TYPES.ArrayExpression ||
    node.type === AST_NODE_TYPES.ClassExpression ||
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

function evaluate(state: State, node: Node): Internal {
  if (state.depth > MAX_DEPTH) return null;
  state.depth++;
  try {
    return evaluateNode(state, unwrapExpression(node));
  } finally {
    state.depth--;
  }
}

function evaluateNode(state: State, expression: Node): Internal {
  if (isValue(expression)) return expression;
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(state, expression);
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === 'void' ? ABSENT : expression;
    case AST_NODE_TYPES.AssignmentExpression:
      return expression.operator === '=' ? evaluate(state, expression.right) : null;
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticMemberName(expression);
      if (name === null) return null;
      // A binding's property: its values and every write to the property (`config.cache = …`) count.
      const object = unwrapExpression(expression.object);
      const variable = object.type === AST_NODE_TYPES.Identifier ? state.file.findVariable(object) : null;
      if (variable?.defs.length === 1 && variable.defs[0]!.node.type === AST_NODE_TYPES.VariableDeclarator) {
        return propertyOfBinding(state, variable, name);
      }
      return propertyOf(state, evaluate(state, expression.object), name);
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = evaluate(state, expression.left);
      if (expression.operator === '&&') return left === ABSENT ? ABSENT : null;
      // `a || b`, `a ?? b`: a value that is surely there wins; otherwise the default is what a caller
      // that passes nothing gets.
      if (left !== null && left !== ABSENT && left !== CYCLE && isValue(left) && truthiness(state, left) === true) return left;
      return evaluate(state, expression.right);
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = truthiness(state, expression.test);
      if (test === true) return evaluate(state, expression.consequent);
      if (test === false) return evaluate(state, expression.alternate);
      const consequent = evaluate(state, expression.consequent);
      const alternate = evaluate(state, expression.alternate);
      return consequent === alternate ? consequent : null;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `map.set(k, v)` returns the map (TypeScript's `??` output reads `_a = cache.set(k, v)` back).
      const callee = unwrapExpression(expression.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(callee) === 'set') {
        const target = evaluate(state, callee.object);
        // (a binding read back while it is evaluated keeps the value its other writes give it)
        if (target === CYCLE || (target !== null && target !== ABSENT && isContainerCreation(target))) return target;
      }
      return expression; // `Object.assign(…)`, a key call: read further by `propertyOf` and the callers
    }
    default:
      return expression;
  }
}

function isContainerCreation(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.NewExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    ['Map', 'WeakMap'].includes(node.callee.name)
  );
}

function evaluateIdentifier(state: State, identifier: TSESTree.Identifier): Internal {
  const { file } = state;
  if (identifier.name === 'undefined' && file.isGlobalReference(identifier, 'undefined')) return ABSENT;
  const variable = file.findVariable(identifier);
  if (!variable || variable.defs.length !== 1) return null;
  if (state.active.has(variable)) return CYCLE;
  const bound = state.bindings?.get(variable);
  if (bound === ABSENT) return ABSENT;
  if (bound === CALL_VALUE) return null;
  if (bound) {
    // The argument is read in the caller, whose own parameters are not bound.
    const inner: State = { file, bindings: null, active: state.active, depth: state.depth };
    return evaluate(inner, bound);
  }
  const def = variable.defs[0]!;
  if (def.type === 'FunctionName') return def.node;
  if (def.type === 'Parameter') {
    const pattern = (def.name as Node).parent;
    if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def.name) return evaluate(state, pattern.right);
    return identifier; // a parameter: its value is the caller's (its options are read as absent)
  }
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) {
    // `const { cache = new Map() } = opts`
    const pattern = (def.name as Node).parent;
    if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def.name) return evaluate(state, pattern.right);
    return null;
  }
  const writes = writesOf(variable, def.node);
  if (writes.length === 0) return def.node.parent.declare ? null : ABSENT; // `let x;` never assigned (`declare const x` is set elsewhere)
  if (writes.length > 1) return identifier; // read per property by `propertyOf`
  state.active.add(variable);
  try {
    return evaluate(state, writes[0]!);
  } finally {
    state.active.delete(variable);
  }
}

/** The values a binding is given: its initialiser and every `x = …` (other assignment operators make it unknown). */
function writesOf(variable: Variable, declarator: TSESTree.VariableDeclarator): Node[] {
  const writes: Node[] = declarator.init ? [declarator.init] : [];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier && parent.operator === '=') {
      writes.push(parent.right);
    } else {
      return [declarator, declarator]; // `x ||= …`, `x++`, a destructuring target: more than one value, none readable
    }
  }
  return writes;
}

/** Property `name` of a value: object literals (spreads included), `Object.assign`, property writes on a binding. */
function propertyOf(state: State, value: Internal, name: string): Internal {
  if (value === null || value === CYCLE) return value;
  if (value === ABSENT) return ABSENT;
  const { file } = state;
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return propertyOfSources(state, [...value.properties], name);
    case AST_NODE_TYPES.CallExpression:
      return isObjectAssign(state, value) ? propertyOfSources(state, value.arguments, name) : null;
    case AST_NODE_TYPES.Identifier: {
      const variable = file.findVariable(value);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!variable || !def) return null;
      if (def.type === 'Parameter') return ABSENT; // an option of the caller's: judged by its default
      return propertyOfBinding(state, variable, name);
    }
    default:
      if (isFunctionNode(value)) {
        const variable = functionBinding(file, value);
        return variable ? propertyOfBinding(state, variable, name) : null;
      }
      return null;
  }
}

function isObjectAssign(state: State, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    state.file.isGlobalReference(callee.object, 'Object') &&
    getStaticMemberName(callee) === 'assign'
  );
}

/** The binding a function expression is assigned to (`const memoized = function …`). */
function functionBinding(file: FileContext, fn: Node): Variable | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    return file.findVariable(parent.id);
  }
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return file.findVariable(fn.id);
  return null;
}

/**
 * Property `name` of a binding: read in each value it is given and in each `x.name = …` write. All
 * the values that are found must agree; a write that reads the binding back (`x = { ...x, ...input }`)
 * keeps what it had.
 */
function propertyOfBinding(state: State, variable: Variable, name: string): Internal {
  if (state.active.has(variable)) return CYCLE;
  const def = variable.defs[0]!;
  const results: Internal[] = [];
  state.active.add(variable);
  try {
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name) {
      const writes = writesOf(variable, def.node);
      if (writes.includes(def.node)) return null;
      for (const write of writes) {
        const value = evaluate(state, write);
        // (a function has no such property until one is written, below)
        const isFunction = value !== null && value !== ABSENT && value !== CYCLE && isFunctionNode(value);
        results.push(isFunction ? ABSENT : propertyOf(state, value, name));
      }
    }
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      // `Object.assign(config, overrides)` writes the properties of its sources.
      if (member?.type === AST_NODE_TYPES.CallExpression && member.arguments[0] === reference.identifier && isObjectAssign(state, member)) {
        const merged = propertyOfSources(state, member.arguments.slice(1), name);
        if (merged !== ABSENT) results.push(merged);
        continue;
      }
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
      const assignment = member.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
      const written = getStaticMemberName(member);
      if (written === null && member.computed) return null; // `x[k] = …`: any property
      if (written !== name) continue;
      if (assignment.operator !== '=') return null;
      results.push(evaluate(state, assignment.right));
    }
  } finally {
    state.active.delete(variable);
  }
  const known = results.filter((result) => result !== CYCLE && result !== ABSENT);
  if (known.length === 0) return results.length > 0 && results.every((result) => result === ABSENT || result === CYCLE) ? ABSENT : null;
  if (known.some((result) => result === null)) return null;
  return known.every((result) => result === known[0]) ? known[0]! : null;
}

/** A property of merged sources, read from the last one that can define it. */
function propertyOfSources(state: State, sources: readonly Node[], name: string): Internal {
  for (let index = sources.length - 1; index >= 0; index--) {
    const source = sources[index]!;
    if (source.type === AST_NODE_TYPES.Property) {
      const key = getStaticPropertyKey(source.key, source.computed);
      if (key === null) return null; // a computed key may be `name`
      if (key === name) return source.value.type === AST_NODE_TYPES.AssignmentPattern ? null : evaluate(state, source.value);
      continue;
    }
    const spread = source.type === AST_NODE_TYPES.SpreadElement ? source.argument : source;
    const found = propertyOf(state, evaluate(state, spread), name);
    if (found === ABSENT || found === CYCLE) continue;
    return found;
  }
  return ABSENT;
}

/** Whether a test (`if (keyResolver)`, `typeof opts.key === 'string'`) holds for a caller that passes no options; `null` when unknown. */
export function evaluateTest(file: FileContext, node: Node, bindings: Bindings | null = null): boolean | null {
  return truthiness({ file, bindings, active: new Set(), depth: 0 }, node);
}

/**
 * Can `node` run for a caller that passes no options, as far as the `if` / `?:` tests between it and
 * `within` decide? `false` when one of them surely takes the other branch.
 */
export function mayRunByDefault(file: FileContext, node: Node, within: Node, bindings: Bindings | null = null): boolean {
  let child: Node = node;
  for (let current = node.parent; current && current !== within; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement && current.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (child === current.test) continue;
    const outcome = evaluateTest(file, current.test, bindings);
    if (outcome === null) continue;
    if ((child === current.consequent && !outcome) || (child === current.alternate && outcome)) return false;
  }
  return true;
}

/** Whether a test is truthy for a caller that passes no options; `null` when that depends on more. */
function truthiness(state: State, node: Node): boolean | null {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.LogicalExpression) {
    const left = truthiness(state, expression.left);
    if (expression.operator === '&&') return left === false ? false : left === true ? truthiness(state, expression.right) : null;
    if (expression.operator === '||') return left === true ? true : left === false ? truthiness(state, expression.right) : null;
    return null;
  }
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    const inner = truthiness(state, expression.argument);
    return inner === null ? null : !inner;
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression) return compare(state, expression);
  const value = evaluate(state, expression);
  if (value === ABSENT) return false;
  if (value === null || value === CYCLE) return null;
  if (value.type === AST_NODE_TYPES.Literal) return Boolean(value.value);
  if (isValue(value)) return true; // objects, functions, containers
  return null;
}

/** `typeof x === 'string'`, `x !== null`, `x !== void 0`, `x === undefined`, when the value is known enough. */
function compare(state: State, expression: TSESTree.BinaryExpression): boolean | null {
  const { operator } = expression;
  if (!['===', '!==', '==', '!='].includes(operator)) return null;
  const negate = operator === '!==' || operator === '!=';
  const loose = operator === '==' || operator === '!=';
  const sides = [expression.left, expression.right].map((side) => describeSide(state, side as Node));
  const [left, right] = sides as [Side, Side];
  let equal: boolean | null = null;
  if (left.kind === 'typeof' && right.kind === 'string') equal = left.value === right.value;
  else if (right.kind === 'typeof' && left.kind === 'string') equal = left.value === right.value;
  else if (left.kind !== 'unknown' && right.kind !== 'unknown' && left.kind !== 'typeof' && right.kind !== 'typeof') {
    const nullish = (side: Side): boolean => side.kind === 'undefined' || side.kind === 'null';
    if (loose && nullish(left) && nullish(right)) equal = true;
    else if (left.kind === 'object' || right.kind === 'object') equal = left.kind === 'object' && right.kind === 'object' ? null : false;
    else if (left.kind === 'string' && right.kind === 'string') equal = left.value === right.value;
    else if (left.kind === right.kind) equal = true;
    else equal = false;
  }
  return equal === null ? null : negate ? !equal : equal;
}

type Side =
  | { kind: 'undefined' | 'null' | 'object' | 'unknown' }
  | { kind: 'string'; value: string }
  | { kind: 'typeof'; value: string };

function describeSide(state: State, node: Node): Side {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'typeof') {
    const value = evaluate(state, expression.argument);
    if (value === ABSENT) return { kind: 'typeof', value: 'undefined' };
    if (value !== null && value !== CYCLE) {
      if (isFunctionNode(value)) return { kind: 'typeof', value: 'function' };
      if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return { kind: 'typeof', value: 'string' };
      if (value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.NewExpression) return { kind: 'typeof', value: 'object' };
    }
    return { kind: 'unknown' };
  }
  if (expression.type === AST_NODE_TYPES.Literal) {
    if (expression.value === null && !('regex' in expression)) return { kind: 'null' };
    if (typeof expression.value === 'string') return { kind: 'string', value: expression.value };
    return { kind: 'unknown' };
  }
  const value = evaluate(state, expression);
  if (value === ABSENT) return { kind: 'undefined' };
  if (value === null || value === CYCLE) return { kind: 'unknown' };
  if (value.type === AST_NODE_TYPES.Literal) {
    if (value.value === null && !('regex' in value)) return { kind: 'null' };
    return typeof value.value === 'string' ? { kind: 'string', value: value.value } : { kind: 'unknown' };
  }
  if (isValue(value) && value.type !== AST_NODE_TYPES.TemplateLiteral) return { kind: 'object' };
  return { kind: 'unknown' };
}
