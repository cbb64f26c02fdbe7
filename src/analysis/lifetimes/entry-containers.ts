import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, outermostWrapper, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import type { LongLivedBinding } from './long-lived.js';

type Node = TSESTree.Node;

/**
 * Containers kept as the entries of another: `listeners[type].push(fn)`, `byKey.get(k).add(v)`, or
 * through a local that a lazy initialisation gives (`const list = views[path] || (views[path] = [])`,
 * `?? (…)`, `||=`). Such an entry lives as long as the outer container keeps it, so what is added to
 * it stays as long as the outer one does, unless entries of the entry are taken out too.
 */

/** The outer container of an entry container expression (`listeners` of `listeners[type]`), or `null`. */
export function getOuterOfEntry(file: FileContext, target: Node): Node | null {
  const expression = unwrapExpression(target);
  const direct = entryAccessOuter(expression);
  if (direct) return direct;
  // `(listeners[type] || (listeners[type] = [])).push(fn)`
  if (expression.type === AST_NODE_TYPES.LogicalExpression) return entryAccessOuter(unwrapExpression(expression.left));
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
  const init = unwrapExpression(def.node.init);
  const outer = entryAccessOuter(init) ?? (init.type === AST_NODE_TYPES.LogicalExpression ? entryAccessOuter(unwrapExpression(init.left)) : null);
  // The initialiser is checked first: most locals that receive a `push` are not entries of anything,
  // and reading every reference of a local that is pushed to many times costs time quadratic in its uses.
  if (!outer || variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  return outer;
}

/** `outer[k]` or `outer.get(k)`: the outer expression. */
function entryAccessOuter(expression: Node): Node | null {
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.computed) return expression.object;
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 1) {
    const callee = unwrapExpression(expression.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(callee) === 'get') return callee.object;
  }
  return null;
}

/** Methods that read an entry container or add to it, and never take anything out. */
const KEEPING = new Set([
  'push', 'unshift', 'add', 'set', 'get', 'has', 'indexOf', 'lastIndexOf', 'includes', 'forEach', 'map', 'some', 'every',
  'find', 'findIndex', 'reduce', 'slice', 'concat', 'join', 'keys', 'values', 'entries', 'at', 'toString', 'hasOwnProperty',
]);

/**
 * Can the program take entries out of the outer container's entries? A method that may remove
 * (`listeners[type].splice(i, 1)`, an unknown one), `length = 0`, a reset of an entry outside its
 * lazy initialisation (`listeners[type] = []` on its own), or an entry handed elsewhere (returned,
 * passed to a call, stored): any of them means yes. Reads, iteration and inserts do not.
 */
export function mayRemoveFromEntries(file: FileContext, outer: LongLivedBinding): boolean {
  for (const use of outer.uses) {
    const node = outermostWrapper(use);
    const parent = node.parent;
    let access: Node | null = null;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.computed) access = parent;
    else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && getStaticMemberName(parent) === 'get' && parent.parent?.type === AST_NODE_TYPES.CallExpression) access = parent.parent;
    if (access && mayRemoveThrough(file, access, 0)) return true;
  }
  return false;
}

function mayRemoveThrough(file: FileContext, access: Node, depth: number): boolean {
  const node = outermostWrapper(access);
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return false; // `x[outer[k]]`: a key
      const name = getStaticMemberName(parent);
      const grand = outermostWrapper(parent).parent;
      if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === outermostWrapper(parent)) return name === null || !KEEPING.has(name);
      if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') return true;
      if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === outermostWrapper(parent)) return name === 'length';
      return false; // `outer[k].length`, `outer[k][i]`
    }
    case AST_NODE_TYPES.AssignmentExpression:
      // `outer[k] = []`: the entry's creation when it is a lazy initialisation, else a reset
      if (parent.left === node) return !isLazyInit(parent);
      return true; // stored elsewhere
    case AST_NODE_TYPES.LogicalExpression: {
      // `outer[k] || (outer[k] = [])`: the value is the entry
      if (parent.left !== node) return false;
      return depth > 1 || mayRemoveThrough(file, parent, depth + 1);
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node ? mayRemoveThroughLocal(file, node, depth) : true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.BinaryExpression:
      return false;
    default:
      return true; // returned, passed on, stored: others may take entries out
  }
}

/** The local a lazy initialisation's value goes into (`const list = outer[k] || (…)`): its uses are the entry's. */
function mayRemoveThroughLocal(file: FileContext, value: Node, depth: number): boolean {
  const declarator = outermostWrapper(value).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(declarator.id);
  if (!variable || depth > 1) return true;
  return variable.references.some((reference) => !reference.init && (reference.isWrite() || mayRemoveThrough(file, reference.identifier, depth + 1)));
}

/** `outer[k] || (outer[k] = [])`, `outer[k] ??= []`, `if (!outer[k]) outer[k] = []`: an assignment of an empty container that creates the entry. */
function isLazyInit(assignment: TSESTree.AssignmentExpression): boolean {
  if (assignment.operator === '||=' || assignment.operator === '??=') return true;
  const value = unwrapExpression(assignment.right);
  const empty =
    (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length === 0) ||
    (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 0) ||
    (value.type === AST_NODE_TYPES.NewExpression && value.arguments.length === 0);
  if (!empty) return false;
  const holder = outermostWrapper(assignment).parent;
  if (holder?.type === AST_NODE_TYPES.LogicalExpression && holder.right === outermostWrapper(assignment)) return true;
  // `if (!outer[k]) outer[k] = [];` (or in a block)
  let statement: Node | undefined = holder;
  if (statement?.type === AST_NODE_TYPES.ExpressionStatement) statement = statement.parent;
  if (statement?.type === AST_NODE_TYPES.BlockStatement) statement = statement.parent;
  return statement?.type === AST_NODE_TYPES.IfStatement;
}
