import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression, unwrapIndirectCall } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import type { FunctionNode } from '../core/traverse.js';
import { getRequireLiteral } from '../resolve/imports.js';
import { followProjectDefinition, isProjectSpecifier } from '../resolve/project-exports.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * Memoizers defined as members of an object rather than as a named function:
 * - an object literal of the file: `const fns = { memoize(fn) {…} }`, used as `fns.memoize`;
 * - an exported object: `module.exports = { memoize(…) {…} }`, `export default { memoize }`;
 * - a member of another project module's exports, through the binding a module object is held in:
 *   `const memoize_1 = require('./memoize')` (what TypeScript emits for CommonJS) used as
 *   `memoize_1.memoize` or `(0, memoize_1.memoize)(…)`, `import * as m from './memoize'`,
 *   `import helpers from './helpers'` used as `helpers.memoize`, and the interop wrappers of
 *   compilers (`__importDefault(require(…))`, `_interopRequireDefault(require(…))`).
 *
 * The object must be what the binding always holds: a binding that is reassigned, or a member that
 * is written after the literal, denotes something else and resolves to nothing.
 */

/** The functions an object literal holds as members (`{ memoize(fn) {…}, cached: function … }`). */
export function objectMemberFunctions(object: TSESTree.ObjectExpression): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init') continue;
    const value = unwrapExpression(property.value);
    if (isFunctionNode(value)) functions.push(value);
  }
  return functions;
}

/** Can `node` (`fns.memoize`, `memoize_1.memoize`) name a member holding a memoizer? Syntax only: the object is one of `names`. */
export function mayNameObjectMember(node: Node, names: ReadonlySet<string>): boolean {
  const expression = unwrapIndirectCall(node);
  return (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    expression.object.type === AST_NODE_TYPES.Identifier &&
    names.has(expression.object.name) &&
    getStaticMemberName(expression) !== null
  );
}

/**
 * Names of module-level bindings that hold an object literal with function members
 * (`const fns = { memoize(fn) {…} }`), for the cheap candidate test.
 */
export function objectBindingNames(declaration: TSESTree.VariableDeclaration): string[] {
  const names: string[] = [];
  for (const declarator of declaration.declarations) {
    const init = declarator.init && unwrapExpression(declarator.init);
    if (declarator.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.ObjectExpression && objectMemberFunctions(init).length > 0) {
      names.push(declarator.id.name);
    }
  }
  return names;
}

/**
 * The project module a binding's initializer requires, through a compiler's interop wrapper:
 * `require('./m')`, `__importDefault(require('./m'))`, `_interopRequireWildcard(require('./m'))`.
 */
export function getRequiredModule(file: FileContext, init: Node): { specifier: TSESTree.StringLiteral; interopDefault: boolean } | null {
  const expression = unwrapExpression(init);
  const direct = getRequireLiteral(file, expression);
  if (direct) return { specifier: direct, interopDefault: false };
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.arguments.length === 1 &&
    INTEROP.test(calleeName(expression.callee) ?? '')
  ) {
    const inner = getRequireLiteral(file, unwrapExpression(expression.arguments[0]!));
    return inner ? { specifier: inner, interopDefault: /default/i.test(calleeName(expression.callee)!) } : null;
  }
  return null;
}

/** TypeScript's and Babel's wrappers around `require` for `import x from` / `import * as x from`. */
const INTEROP = /^(?:__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard)$/u;

function calleeName(callee: Node): string | null {
  const expression = unwrapIndirectCall(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  return expression.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(expression) : null;
}

/**
 * The function `object.name` denotes, in this file or in a project module: a member of a module-level
 * object literal (`fns.memoize`), or a member of a module object (`memoize_1.memoize`). `null` when the
 * member cannot be resolved to a function for certain.
 */
export function resolveMemberDefinition(file: FileContext, node: Node): { file: FileContext; fn: FunctionNode } | null {
  const member = unwrapIndirectCall(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.object.type !== AST_NODE_TYPES.Identifier) return null;
  const name = getStaticMemberName(member);
  if (name === null) return null;
  const variable = file.findVariable(member.object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || !neverReassigned(variable, def.name)) return null;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    const init = unwrapExpression(def.node.init);
    if (init.type === AST_NODE_TYPES.ObjectExpression) {
      return memberWrittenLater(variable, name) ? null : memberOf(file, init, name);
    }
    const required = getRequiredModule(file, init);
    if (!required || !isProjectSpecifier(file, required.specifier.value)) return null;
    // `x_1.default` of an interop default, or of a plain `require` (`exports.default = …`)
    if (name === 'default') return definitionOf(followProjectDefinition(file, required.specifier, 'default'), null);
    if (required.interopDefault) return definitionOf(followProjectDefinition(file, required.specifier, 'default'), name);
    return (
      definitionOf(followProjectDefinition(file, required.specifier, name), null) ??
      definitionOf(followProjectDefinition(file, required.specifier, 'default'), name)
    );
  }
  const source = def.node.parent && 'source' in def.node.parent ? def.node.parent.source : null;
  if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string' || !isProjectSpecifier(file, source.value)) {
    return null;
  }
  const specifier = source as TSESTree.StringLiteral;
  switch (def.node.type) {
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return definitionOf(followProjectDefinition(file, specifier, name), null);
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return definitionOf(followProjectDefinition(file, specifier, 'default'), name);
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported = def.node.imported.type === AST_NODE_TYPES.Identifier ? def.node.imported.name : String(def.node.imported.value);
      return definitionOf(followProjectDefinition(file, specifier, imported), name);
    }
    default:
      return null;
  }
}

/** A project definition that is a function, or (with `member`) an object literal holding one under that name. */
function definitionOf(
  found: { file: FileContext; node: Node } | null,
  member: string | null,
): { file: FileContext; fn: FunctionNode } | null {
  if (!found) return null;
  const node = unwrapExpression(found.node);
  if (member === null) return isFunctionNode(node) ? { file: found.file, fn: node } : null;
  return node.type === AST_NODE_TYPES.ObjectExpression ? memberOf(found.file, node, member) : null;
}

/** The function an object literal holds under `name`: written inline, or a local function it names (`{ memoize }`). */
function memberOf(file: FileContext, object: TSESTree.ObjectExpression, name: string): { file: FileContext; fn: FunctionNode } | null {
  let found: Node | null = null;
  for (const property of object.properties) {
    // A spread may supply (or override) any member: unknown.
    if (property.type === AST_NODE_TYPES.SpreadElement) return null;
    if (property.kind !== 'init') {
      if (getStaticPropertyKey(property.key, property.computed) === name) return null;
      continue;
    }
    const key = getStaticPropertyKey(property.key, property.computed);
    if (key === null && property.computed) return null;
    if (key === name) found = property.value;
  }
  if (!found) return null;
  const value = unwrapExpression(found);
  if (isFunctionNode(value)) return { file, fn: value };
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || !neverReassigned(variable, def.name)) return null;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return { file, fn: def.node };
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    const init = unwrapExpression(def.node.init);
    if (isFunctionNode(init)) return { file, fn: init };
  }
  return null;
}

function neverReassigned(variable: Variable, declared: Node): boolean {
  return !variable.references.some((reference) => reference.isWrite() && reference.identifier !== declared);
}

/** `fns.memoize = other`, `fns['memoize'] = …`, `delete fns.memoize`, or `Object.assign(fns, …)`: the literal is not what the member holds. */
function memberWrittenLater(variable: Variable, name: string): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
      const written = getStaticMemberName(parent);
      if (written !== null && written !== name) return false;
      const use = parent.parent;
      return (
        (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) ||
        (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'delete')
      );
    }
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === reference.identifier &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      getStaticMemberName(parent.callee) === 'assign'
    );
  });
}

/**
 * The references in this file to a function held by a module-level object literal: `fns.memoize`
 * for `const fns = { memoize(fn) {…} }` (`references`), and the uses of the object that let the
 * member escape or be called in ways not seen here (`otherUses`: `export default fns`, passing
 * `fns` on, `module.exports = {…}` itself). `null` when `fn` is no such member.
 */
export function memberReferences(file: FileContext, fn: FunctionNode): { references: Node[]; otherUses: Node[] } | null {
  const property = outermostWrapper(fn).parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.parent.type !== AST_NODE_TYPES.ObjectExpression) {
    return null;
  }
  const name = getStaticPropertyKey(property.key, property.computed);
  const object = property.parent;
  const holder = object.parent;
  if (name === null) return null;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === object && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = file.findVariable(holder.id);
    if (!variable) return null;
    const references: Node[] = [];
    const otherUses: Node[] = [];
    for (const reference of variable.references) {
      if (reference.init) continue;
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
        if (getStaticMemberName(parent) === name) references.push(parent);
        else if (parent.computed && getStaticMemberName(parent) === null) otherUses.push(reference.identifier);
      } else otherUses.push(reference.identifier);
    }
    return { references, otherUses };
  }
  // `module.exports = { memoize(fn) {…} }`, `export default { … }`: used elsewhere
  return { references: [], otherUses: [object] };
}
