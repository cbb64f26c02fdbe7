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

/** The non-arrow function whose `this` a `this` expression denotes (`null` outside functions, or in class bodies). */
export function thisOwner(node: TSESTree.ThisExpression): FunctionNode | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
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
