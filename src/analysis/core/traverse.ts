// Small AST traversal helpers: walking a subtree, the function around a node, the owner of `this`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './ast.js';
import type { FileContext } from './file-context.js';

type Node = TSESTree.Node;

/** A function that can be a decorator, a decorator factory, a wrapper or a replacement method. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** The nearest function (of any kind) around `node`, or `null` at module level. */
export function enclosingFunction(node: Node): FunctionNode | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/**
 * The non-arrow function whose `this` a `this` expression denotes (`null` outside functions, or in class
 * bodies). Also asked for an arrow function: the function whose `this` the arrow sees.
 */
export function thisOwner(node: TSESTree.ThisExpression | TSESTree.ArrowFunctionExpression): FunctionNode | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (isAsyncBody(current)) continue; // compiled `async`: the generator runs with the outer `this`
    if (isFunctionNode(current)) return current;
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      current.type === AST_NODE_TYPES.AccessorProperty
    ) {
      return null;
    }
  }
  return null;
}

/**
 * The body of an `async` function as TypeScript compiles it for ES2015/ES2016:
 * `__awaiter(this, void 0, void 0, function* () { … })` (also `tslib.__awaiter`, `(0, tslib_1.__awaiter)`,
 * a bundler's `__awaiter$1`). The generator runs with the `this` passed first, the enclosing function's.
 */
export function isAsyncBody(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.FunctionExpression || !node.generator) return false;
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[3] !== node || call.arguments[0]?.type !== AST_NODE_TYPES.ThisExpression) {
    return false;
  }
  let callee: Node = call.callee;
  if (callee.type === AST_NODE_TYPES.SequenceExpression) callee = callee.expressions[callee.expressions.length - 1]!;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : '';
  return /^_*awaiter(?:\$\d+)?$/u.test(name);
}

export function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Pre-order walk over child nodes; `visit` returns `false` to skip a node's children. */
export function walk(file: FileContext, root: Node, visit: (node: Node) => boolean): void {
  const keys = file.sourceCode.visitorKeys;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const childKeys = keys[node.type] ?? [];
    for (let index = childKeys.length - 1; index >= 0; index--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[index]!];
      if (Array.isArray(value)) {
        for (let item = value.length - 1; item >= 0; item--) {
          const child = value[item] as Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
}

/** The values a function returns: an arrow's expression body, or every `return x` of its own body (not of nested functions). */
export function functionReturns(file: FileContext, fn: FunctionNode): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  walk(file, fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      return false;
    }
    return !isFunctionNode(node) && node.type !== AST_NODE_TYPES.ClassBody;
  });
  return found;
}
