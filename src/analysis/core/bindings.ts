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

type Variable = TSESLint.Scope.Variable;

/**
 * The one value a variable holds: its initialiser when nothing writes it again, or, for a declarator
 * without one (`var Foo; … Foo = …;`), its single plain assignment statement. `null` otherwise.
 */
export function getSingleValue(variable: Variable): TSESTree.Expression | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return null;
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  if (def.node.init) return writes.length === 0 ? def.node.init : null;
  const [write] = writes;
  if (writes.length !== 1 || !write) return null;
  const assignment = write.identifier.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== write.identifier) return null;
  return assignment.parent.type === AST_NODE_TYPES.ExpressionStatement ? assignment.right : null;
}

/**
 * The variable a function called where it is written returns: `(function (_super) { function Foo() {}
 * … return Foo; })(Base)` gives the inner `Foo`, the class pattern of TypeScript's ES5 output,
 * CoffeeScript and Babel. The function must return that one name and nothing else.
 */
export function getIifeReturnedVariable(file: FileContext, value: TSESTree.Node): Variable | null {
  const call = unwrapExpression(value);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  let callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && (callee.property.name === 'call' || callee.property.name === 'apply')) {
    callee = unwrapExpression(callee.object);
  }
  if (callee.type !== AST_NODE_TYPES.FunctionExpression || callee.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  let returned: Variable | null = null;
  for (const statement of callee.body.body) {
    if (statement.type !== AST_NODE_TYPES.ReturnStatement) continue;
    const argument = statement.argument && unwrapExpression(statement.argument);
    if (argument?.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = file.findVariable(argument);
    if (!variable || (returned && returned !== variable)) return null;
    returned = variable;
  }
  return returned && returned.scope.block === callee ? returned : null;
}

/**
 * Every variable that holds the same value as `variable`, itself first: the outer and inner names of a
 * class IIFE (`var Foo = (function () { function Foo() {} … return Foo; })()`), whichever is given.
 */
export function getValueAliases(file: FileContext, variable: Variable): readonly Variable[] {
  return file.cached('valueAliases', variable, () => {
    const aliases = [variable];
    // outer → inner
    const value = getSingleValue(variable);
    const inner = value && getIifeReturnedVariable(file, value);
    if (inner && inner !== variable) aliases.push(inner);
    // inner → outer: the variable is returned by the IIFE whose value a declarator or assignment stores
    const block = variable.scope.block;
    if (block.type === AST_NODE_TYPES.FunctionExpression) {
      let call: TSESTree.Node = block.parent;
      if (call.type === AST_NODE_TYPES.MemberExpression) call = call.parent;
      while (call.type === AST_NODE_TYPES.TSAsExpression || call.type === AST_NODE_TYPES.TSNonNullExpression) call = call.parent;
      const holder = call.type === AST_NODE_TYPES.CallExpression ? call.parent : null;
      const target =
        holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === call && holder.id.type === AST_NODE_TYPES.Identifier
          ? holder.id
          : holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === call && holder.left.type === AST_NODE_TYPES.Identifier
            ? holder.left
            : null;
      const outer = target && file.findVariable(target);
      if (outer && outer !== variable && getIifeReturnedVariable(file, call) === variable && getSingleValue(outer) === call) aliases.push(outer);
    }
    return aliases;
  });
}
