import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { functionReturns } from '../core/traverse.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * What a user-written key function (a resolver, `cacheKey`, `hash`, `transformArgs`) hands to the
 * cache by identity: which of the memoized call's arguments, and whether the call's `this`.
 * Derived values (`a.id`, `` `${a.id}` ``, `a + 1`) carry nothing; literals wrapping a value
 * (`[a, b]`, `{ owner: a }`) carry what they wrap.
 */
export interface KeyFunctionFlow {
  /** Argument indices the key holds. */
  readonly indices: ReadonlySet<number>;
  /** Every argument from this index on is held (the argument list itself, a rest parameter); `null`: none. */
  readonly from: number | null;
  /** The key holds the `this` the function is called with. */
  readonly callThis: boolean;
  /**
   * Each `return`, when every one returns a single value unchanged: an argument index, or `'this'`.
   * `null` when some return builds or derives its value (the key's objectness is then unknown).
   */
  readonly passthrough: ReadonlyArray<number | 'this'> | null;
}

/** A value inside the key function: one argument, the argument list from an index on, the call's `this`. */
type Source = { readonly kind: 'argument'; readonly index: number } | { readonly kind: 'list'; readonly from: number };

interface Flow {
  indices: Set<number>;
  from: number | null;
  callThis: boolean;
  opaque: boolean;
}

/**
 * Follows a key function's parameters to its return values. `argumentsAs` says how the library
 * passes the call's arguments (one parameter each, or one array); `receivesThis` whether it calls
 * the function with the call's `this`. Returns `null` when `fn` is not a function written in this
 * file, or when no return value can be read (a call, a variable computed in the body).
 */
export function analyzeKeyFunction(
  file: FileContext,
  fn: Node,
  argumentsAs: 'spread' | 'array',
  receivesThis: boolean,
): KeyFunctionFlow | null {
  if (
    fn.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    fn.type !== AST_NODE_TYPES.FunctionExpression &&
    fn.type !== AST_NODE_TYPES.FunctionDeclaration
  ) {
    return null;
  }
  const sources = new Map<TSESLint.Scope.Variable, Source>();
  const bind = (pattern: Node, source: Source): void => {
    const target = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
    if (target.type !== AST_NODE_TYPES.Identifier) return;
    const variable = file.findVariable(target);
    if (variable) sources.set(variable, source);
  };
  const params = fn.params.filter((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === 'this'));
  if (argumentsAs === 'spread') {
    params.forEach((param, index) => {
      if (param.type === AST_NODE_TYPES.RestElement) bind(param.argument, { kind: 'list', from: index });
      else bind(param, { kind: 'argument', index });
    });
  } else {
    const [list] = params;
    if (list?.type === AST_NODE_TYPES.ArrayPattern) {
      list.elements.forEach((element, index) => {
        if (!element) return;
        if (element.type === AST_NODE_TYPES.RestElement) bind(element.argument, { kind: 'list', from: index });
        else bind(element, { kind: 'argument', index });
      });
    } else if (list) {
      bind(list, { kind: 'list', from: 0 });
    }
  }
  const ownThis = receivesThis && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression;
  const returns = functionReturns(file, fn);
  const total: Flow = { indices: new Set(), from: null, callThis: false, opaque: false };
  const passthrough: Array<number | 'this'> = [];
  let allPassthrough = returns.length > 0;
  for (const value of returns) {
    const flow = evaluate(file, value, sources, fn, ownThis, argumentsAs, 0);
    merge(total, flow);
    const single = singleSource(file, value, sources, fn, ownThis, argumentsAs);
    if (single === null) allPassthrough = false;
    else passthrough.push(single);
  }
  const carries = total.indices.size > 0 || total.from !== null || total.callThis;
  if (!carries && total.opaque) return null;
  return {
    indices: total.indices,
    from: total.from,
    callThis: total.callThis,
    passthrough: allPassthrough ? passthrough : null,
  };
}

function merge(into: Flow, flow: Flow): void {
  for (const index of flow.indices) into.indices.add(index);
  if (flow.from !== null) into.from = into.from === null ? flow.from : Math.min(into.from, flow.from);
  into.callThis ||= flow.callThis;
  into.opaque ||= flow.opaque;
}


function sourceOf(
  file: FileContext,
  node: Node,
  sources: ReadonlyMap<TSESLint.Scope.Variable, Source>,
  fn: FunctionNode,
  argumentsAs: 'spread' | 'array',
): Source | null {
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(node);
  if (variable) return sources.get(variable) ?? null;
  // `arguments` of a non-arrow function: the argument list (spread form), or the array itself.
  if (node.name === 'arguments' && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
    return argumentsAs === 'spread' ? { kind: 'list', from: 0 } : null;
  }
  return null;
}

/** `args[1]` on an argument list → that argument. */
function elementOf(
  file: FileContext,
  node: Node,
  sources: ReadonlyMap<TSESLint.Scope.Variable, Source>,
  fn: FunctionNode,
  argumentsAs: 'spread' | 'array',
): Source | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression || !node.computed) return null;
  const list = sourceOf(file, unwrapExpression(node.object), sources, fn, argumentsAs);
  const name = getStaticMemberName(node);
  if (list?.kind !== 'list' || name === null || !/^\d+$/.test(name)) return null;
  return { kind: 'argument', index: list.from + Number(name) };
}

function singleSource(
  file: FileContext,
  node: Node,
  sources: ReadonlyMap<TSESLint.Scope.Variable, Source>,
  fn: FunctionNode,
  ownThis: boolean,
  argumentsAs: 'spread' | 'array',
): number | 'this' | null {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return ownThis ? 'this' : null;
  const source = sourceOf(file, expression, sources, fn, argumentsAs) ?? elementOf(file, expression, sources, fn, argumentsAs);
  return source?.kind === 'argument' ? source.index : null;
}

function evaluate(
  file: FileContext,
  node: Node,
  sources: ReadonlyMap<TSESLint.Scope.Variable, Source>,
  fn: FunctionNode,
  ownThis: boolean,
  argumentsAs: 'spread' | 'array',
  depth: number,
): Flow {
  const flow: Flow = { indices: new Set(), from: null, callThis: false, opaque: false };
  const expression = unwrapExpression(node);
  const add = (source: Source): void => {
    if (source.kind === 'argument') flow.indices.add(source.index);
    else flow.from = flow.from === null ? source.from : Math.min(flow.from, source.from);
  };
  const visit = (child: Node): void => merge(flow, evaluate(file, child, sources, fn, ownThis, argumentsAs, depth + 1));
  if (depth > 4) {
    flow.opaque = true;
    return flow;
  }
  switch (expression.type) {
    case AST_NODE_TYPES.ThisExpression:
      flow.callThis = ownThis;
      return flow;
    case AST_NODE_TYPES.Identifier: {
      const source = sourceOf(file, expression, sources, fn, argumentsAs);
      if (source) add(source);
      else if (expression.name !== 'undefined') flow.opaque = true; // a local computed in the body, an outer value
      return flow;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const element = elementOf(file, expression, sources, fn, argumentsAs);
      if (element) add(element);
      // Anything else is a property of a value (`a.id`, `args.length`): derived, not the value.
      return flow;
    }
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of expression.elements) {
        if (!element) continue;
        visit(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element);
      }
      return flow;
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of expression.properties) {
        visit(property.type === AST_NODE_TYPES.Property ? property.value : property.argument);
      }
      return flow;
    case AST_NODE_TYPES.ConditionalExpression:
      visit(expression.consequent);
      visit(expression.alternate);
      return flow;
    case AST_NODE_TYPES.LogicalExpression:
      visit(expression.left);
      visit(expression.right);
      return flow;
    case AST_NODE_TYPES.SequenceExpression:
      visit(expression.expressions.at(-1)!);
      return flow;
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
      return flow; // primitives
    default:
      flow.opaque = true; // calls (`keyOf(a)`), `new`, …: the result cannot be read here
      return flow;
  }
}
