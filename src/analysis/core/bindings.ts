// The one value a binding is given: `const x = …` (or `let`/`var` never assigned again).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './ast.js';
import { isModuleLevelScope, type FileContext } from './file-context.js';
import { walk } from './traverse.js';

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

/**
 * The variable a script hands to the global object under `name`, where the script runs once:
 * `window.OverText = OverText`, `var OverText = this.OverText = new Class(…)` (in a sloppy-mode script,
 * `this` at the top or in a plain IIFE is the global object). Other scripts, and this one outside the
 * IIFE, then read it as the global `OverText`. `null` when nothing is handed out so.
 */
export function getGlobalExport(file: FileContext, name: string): Variable | null {
  const exports = file.cached('globalExports', file.program, () => collectGlobalExports(file));
  return exports.get(name) ?? null;
}

const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'global']);

function collectGlobalExports(file: FileContext): Map<string, Variable> {
  const found = new Map<string, Variable>();
  // (`this.X = …` in a top-level IIFE only works in a script, whatever the parser was told: no `sourceType` test)
  if (!/\b(?:window|self|globalThis|global|this)\s*\.\s*[A-Za-z_$][\w$]*\s*=[^=]/.test(file.sourceCode.text)) return found;
  const visit = (node: TSESTree.Node): void => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
    const left = node.left;
    const name = !left.computed && left.property.type === AST_NODE_TYPES.Identifier ? left.property.name : null;
    if (name === null) return;
    const object = unwrapExpression(left.object);
    const global =
      (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && file.isGlobalReference(object, object.name)) ||
      (object.type === AST_NODE_TYPES.ThisExpression && thisIsGlobal(object));
    if (!global || !isModuleLevelScope(file.sourceCode.getScope(node), node)) return;
    const right = unwrapExpression(node.right);
    let variable: Variable | null = null;
    if (right.type === AST_NODE_TYPES.Identifier) variable = file.findVariable(right);
    else if (node.parent.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node && node.parent.id.type === AST_NODE_TYPES.Identifier) {
      variable = file.findVariable(node.parent.id);
    }
    if (variable && variable.name === name && !found.has(name)) found.set(name, variable);
  };
  walk(file, file.program, (node) => {
    // Only code that runs once: the top level and functions called where they are written.
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (node.type === AST_NODE_TYPES.FunctionExpression && !isCalledHere(node)) return false;
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return false;
    visit(node);
    return true;
  });
  return found;
}

/** `(function () {…})(…)`, `(function () {…}).call(…)`. */
function isCalledHere(fn: TSESTree.FunctionExpression): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression) return parent.callee === fn || parent.arguments.includes(fn); // an IIFE, or a UMD factory
  return parent.type === AST_NODE_TYPES.MemberExpression && parent.object === fn && parent.parent.type === AST_NODE_TYPES.CallExpression;
}

/** `this` at the top of a script, or in a function called once where it is written, without `.call(other)`. */
function thisIsGlobal(node: TSESTree.ThisExpression): boolean {
  let current: TSESTree.Node = node;
  while (current.parent) {
    const next: TSESTree.Node = current.parent;
    if (next.type === AST_NODE_TYPES.Program) return true;
    if (next.type === AST_NODE_TYPES.FunctionDeclaration || next.type === AST_NODE_TYPES.ClassBody) return false;
    if (next.type === AST_NODE_TYPES.FunctionExpression) {
      // `(function () { … })()` or `(function () { … }).call(this)`, whose own `this` is then the outer one
      const call: TSESTree.Node = next.parent;
      const plain = call.type === AST_NODE_TYPES.CallExpression && call.callee === next;
      const withThis =
        call.type === AST_NODE_TYPES.MemberExpression &&
        call.object === next &&
        !call.computed &&
        call.property.type === AST_NODE_TYPES.Identifier &&
        call.property.name === 'call' &&
        call.parent.type === AST_NODE_TYPES.CallExpression &&
        call.parent.arguments[0]?.type === AST_NODE_TYPES.ThisExpression;
      if (!plain && !withThis) return false;
    }
    current = next;
  }
  return false;
}
