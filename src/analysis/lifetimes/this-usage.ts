import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { functionReturns, walk } from '../core/traverse.js';

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
    walk(file, fn, (node) => {
      if (node.type === AST_NODE_TYPES.ThisExpression) {
        found.push(node);
        return false;
      }
      return node === fn || (!hasOwnThis(node) && node.type !== AST_NODE_TYPES.ClassBody);
    });
    return found;
  });
}

/** Does `fn` use its own `this` or `super` (in arrows too, not in nested functions or classes)? */
export function usesOwnThisOrSuper(file: FileContext, fn: OwnThisFunction): boolean {
  if (getOwnThisExpressions(file, fn).length > 0) return true;
  let found = false;
  walk(file, fn, (node) => {
    if (node.type === AST_NODE_TYPES.Super) found = true;
    return !found && (node === fn || (!hasOwnThis(node) && node.type !== AST_NODE_TYPES.ClassBody));
  });
  return found;
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
  if (!hasOwnThis(fn)) return false;
  return functionReturns(file, fn).some((value) => holdsThis(value, 2));
}

/** `this`, or an array/object literal that holds it (through TS wrappers). */
function holdsThis(node: Node, depth: number): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.ThisExpression) return true;
  if (depth === 0) return false;
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    return value.elements.some((element) => element !== null && holdsThis(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth - 1));
  }
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.some((property) =>
      holdsThis(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth - 1),
    );
  }
  return false;
}
