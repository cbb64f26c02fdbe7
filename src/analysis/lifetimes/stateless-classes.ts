// Whether the instances of a class carry any state of their own. A method of a class whose instances
// hold nothing (no fields, no `this.x = …`, no parameter properties, in the class and its superclasses)
// computes the same for every instance: a cache it shares across instances serves no wrong results.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { walk } from '../core/traverse.js';
import { followProjectDefinition } from '../resolve/project-exports.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The most superclasses followed (also across modules). */
const MAX_DEPTH = 4;

/**
 * Do instances of `classNode` hold no state: no instance field or accessor, no parameter property,
 * no write to `this.x` (or `this[x]`, `Object.assign(this, …)`, `this` handed to a call) in its
 * instance code, and a superclass (of this file or of a project module) of which the same holds?
 * `false` when anything is unknown (a superclass from a package, an expression).
 */
export function hasNoInstanceState(file: FileContext, classNode: ClassNode, depth = 0): boolean {
  return file.cached('noInstanceState', classNode, () => computeNoInstanceState(file, classNode, depth));
}

function computeNoInstanceState(file: FileContext, classNode: ClassNode, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const element of classNode.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.AccessorProperty) {
      if (!element.static) return false;
      continue;
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static) continue;
    if (element.value.params.some((param) => param.type === AST_NODE_TYPES.TSParameterProperty)) return false;
    if (writesThis(file, element.value)) return false;
  }
  const superClass = classNode.superClass && unwrapExpression(classNode.superClass);
  if (!superClass) return true;
  const parent = resolveClass(file, superClass);
  return parent !== null && hasNoInstanceState(parent.file, parent.node, depth + 1);
}

/** Does the method write to its own `this` (arrow functions inside included), or hand `this` to other code? */
function writesThis(file: FileContext, method: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression): boolean {
  if (!method.body) return false;
  let writes = false;
  walk(file, method.body, (node) => {
    if (writes) return false;
    if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false; // another `this`
    if (node.type !== AST_NODE_TYPES.ThisExpression) return true;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const outer = parent.parent;
      const written =
        (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) ||
        (outer?.type === AST_NODE_TYPES.UpdateExpression && outer.argument === parent) ||
        (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete');
      if (written) writes = true;
      return !writes;
    }
    // `this` passed on, stored or returned: what the receiver does is unknown
    writes = true;
    return false;
  });
  return writes;
}

/** The class a superclass expression names: a class of this file, or one a project module exports. */
function resolveClass(file: FileContext, expression: TSESTree.Node): { file: FileContext; node: ClassNode } | null {
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.node.type === AST_NODE_TYPES.ClassDeclaration) return { file, node: def.node };
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = unwrapExpression(def.node.init);
    return init.type === AST_NODE_TYPES.ClassExpression ? { file, node: init } : null;
  }
  if (def.type !== 'ImportBinding' || def.parent?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
  const specifier = def.node;
  const exportName =
    specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
      ? 'default'
      : specifier.type === AST_NODE_TYPES.ImportSpecifier
        ? specifier.imported.type === AST_NODE_TYPES.Identifier
          ? specifier.imported.name
          : String(specifier.imported.value)
        : null;
  if (exportName === null) return null;
  const found = followProjectDefinition(file, def.parent.source, exportName, 0, (text) => /\bclass\b/.test(text));
  if (!found) return null;
  const node = found.node;
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression ? { file: found.file, node } : null;
}
