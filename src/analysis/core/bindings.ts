// The one value a binding is given: `const x = …` (or `let`/`var` never assigned again).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';

/**
 * The initialiser of the binding an identifier names, when it is a plain declarator (`const x = init`,
 * not a destructuring) with one definition and no later write; `null` otherwise. `init` is unwrapped.
 */
export function getSingleInit(
  file: FileContext,
  node: TSESTree.Node,
): { readonly variable: TSESLint.Scope.Variable; readonly declarator: TSESTree.VariableDeclarator; readonly init: TSESTree.Node } | null {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  return { variable, declarator: def.node, init: unwrapExpression(def.node.init) };
}
