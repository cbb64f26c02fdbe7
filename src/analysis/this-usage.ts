import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from './file-context.js';

type Node = TSESTree.Node;
type OwnThisFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** A function with its own `this` (not an arrow): `function () {}`, a method's function. */
export function hasOwnThis(node: Node): node is OwnThisFunction {
  return node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}

/** Every `this` that belongs to `fn` (inside arrows too; not inside nested functions or classes). */
export function getOwnThisExpressions(file: FileContext, fn: OwnThisFunction): readonly TSESTree.ThisExpression[] {
  return file.cached('ownThis', fn, () => {
    const found: TSESTree.ThisExpression[] = [];
    const keys = file.sourceCode.visitorKeys;
    const stack: Node[] = [...fn.params, ...(fn.body ? [fn.body] : [])];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.ThisExpression) {
        found.push(node);
        continue;
      }
      if (hasOwnThis(node)) continue;
      if (node.type === AST_NODE_TYPES.ClassBody) continue;
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
        } else if (child && typeof child === 'object' && 'type' in child) {
          stack.push(child as Node);
        }
      }
    }
    return found;
  });
}

/** Does `fn` use its own `this` (so, as a method, it depends on the instance)? */
export function usesOwnThis(file: FileContext, fn: Node): boolean {
  return hasOwnThis(fn) && getOwnThisExpressions(file, fn).length > 0;
}

/**
 * Does `fn` return its own `this`, or a literal that holds it (`[this, x]`, `{ self: this }`)?
 * A key function that does makes the instance itself the key. Returns `false` for derived values
 * (`this.id`, `` `${this.id}` ``): those are keys computed from the instance, not the instance.
 */
export function returnsOwnThis(file: FileContext, fn: Node): boolean {
  if (!hasOwnThis(fn) || !fn.body) return false;
  return getOwnThisExpressions(file, fn).some((expression) => {
    let child: Node = expression;
    for (let current = expression.parent; current && current !== fn; child = current, current = current.parent) {
      if (current.type === AST_NODE_TYPES.ReturnStatement) return true;
      if (current.type === AST_NODE_TYPES.ArrayExpression) continue;
      if (current.type === AST_NODE_TYPES.Property && current.value === child) continue;
      if (current.type === AST_NODE_TYPES.ObjectExpression) continue;
      if (current.type === AST_NODE_TYPES.SpreadElement) continue;
      if (
        current.type === AST_NODE_TYPES.TSAsExpression ||
        current.type === AST_NODE_TYPES.TSNonNullExpression ||
        current.type === AST_NODE_TYPES.TSSatisfiesExpression
      ) {
        continue;
      }
      return false;
    }
    return false;
  });
}
