import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, isFunctionNode, outermostWrapper, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { thisOwner, walk } from '../core/traverse.js';
import { getFunctionInstance, getInstanceOf } from './instance.js';
import type { LongLivedBinding } from './long-lived.js';

type Node = TSESTree.Node;

/**
 * The keyed removals of a container binding (`x.delete(k)`), split by whether they can take an
 * inserted entry out. A removal is ignored when
 * - its key cannot denote any inserted key: both are paths from the same class's instance that
 *   differ only by a member (`delete(this)` where entries are stored as `set(this.target, …)`); or
 * - it only replaces an entry: in the same function an insert into the container always follows it
 *   (`delete(this.target); this.target = next; set(this.target, this)`), so the count never drops.
 * Keys this analysis cannot read (parameters, locals, computed members) may match: they release.
 */
export interface Removals {
  readonly releasing: readonly TSESTree.CallExpression[];
  readonly ignored: readonly TSESTree.CallExpression[];
}

export function getKeyedRemovals(file: FileContext, binding: LongLivedBinding, insert: 'set' | 'add'): Removals {
  const removals: TSESTree.CallExpression[] = [];
  const inserts: TSESTree.CallExpression[] = [];
  for (const use of binding.uses) {
    const call = methodCall(use);
    if (call?.method === 'delete') removals.push(call.call);
    else if (call?.method === insert) inserts.push(call.call);
  }
  const releasing: TSESTree.CallExpression[] = [];
  const ignored: TSESTree.CallExpression[] = [];
  for (const removal of removals) {
    const releases = !isReplacement(file, removal, inserts) && inserts.some((insertCall) => mayDenoteSameKey(file, removal, insertCall));
    (releases || inserts.length === 0 ? releasing : ignored).push(removal);
  }
  return { releasing, ignored };
}

/** `x.m(…)` around a use of the binding: the method and the call. */
function methodCall(use: Node): { method: string; call: TSESTree.CallExpression } | null {
  const node = outermostWrapper(use);
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return null;
  const method = getStaticMemberName(member);
  const outer = outermostWrapper(member);
  const call = outer.parent;
  return method !== null && call?.type === AST_NODE_TYPES.CallExpression && call.callee === outer ? { method, call } : null;
}

/** A key written as a member path from an instance: `this` → [], `this.target` → ['target'], `self.a.b`. */
interface InstancePath {
  readonly className: string;
  readonly members: readonly string[];
}

function mayDenoteSameKey(file: FileContext, removal: TSESTree.CallExpression, insert: TSESTree.CallExpression): boolean {
  const removed = removal.arguments[0];
  const inserted = insert.arguments[0];
  if (!removed || !inserted || removed.type === AST_NODE_TYPES.SpreadElement || inserted.type === AST_NODE_TYPES.SpreadElement) return true;
  const a = instancePath(file, removed);
  const b = instancePath(file, inserted);
  if (!a || !b || a.className !== b.className) return true;
  // Only `this` against `this.x` (one path extends the other) is judged; `this.a` and `this.b` may alias.
  const [shorter, longer] = a.members.length <= b.members.length ? [a, b] : [b, a];
  if (shorter.members.length === longer.members.length) return true;
  if (!shorter.members.every((name, i) => name === longer.members[i])) return true;
  // `this.x` can still be an instance of the class (a link to a parent, a self reference).
  return longer.members.some((name) => mayHoldInstance(file, name, a.className));
}

function instancePath(file: FileContext, key: Node): InstancePath | null {
  const members: string[] = [];
  let node = unwrapExpression(key);
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = node.computed ? null : getStaticMemberName(node);
    if (name === null) return null;
    members.unshift(name);
    node = unwrapExpression(node.object);
  }
  const className = node.type === AST_NODE_TYPES.ThisExpression ? thisClassName(file, node) : node.type === AST_NODE_TYPES.Identifier ? (getInstanceOf(file, node)?.className ?? null) : null;
  return className === null ? null : { className, members };
}

/** The class whose instance `this` is, also inside a function bound to it (`function () {…}.bind(this)`). */
function thisClassName(file: FileContext, node: TSESTree.ThisExpression): string | null {
  const instance = getInstanceOf(file, node);
  if (instance) return instance.className;
  const fn = thisOwner(node);
  if (fn?.type !== AST_NODE_TYPES.FunctionExpression) return null;
  const member = outermostWrapper(fn).parent;
  const call = member?.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(member) !== 'bind' || call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const bound = call.arguments[0];
  if (bound?.type !== AST_NODE_TYPES.ThisExpression) return null;
  const outer = thisOwner(bound);
  if (outer?.type === AST_NODE_TYPES.FunctionExpression || outer?.type === AST_NODE_TYPES.FunctionDeclaration) {
    return getFunctionInstance(file, outer)?.className ?? thisClassName(file, bound);
  }
  return null;
}

/**
 * Is a member named `name` ever given a value that may be an instance of `className`: `this` or an
 * alias of it, `new className(…)`, or a parameter of a constructor (how links to other instances
 * usually arrive: `this.parent = parent`)?
 */
function mayHoldInstance(file: FileContext, name: string, className: string): boolean {
  const values = file.cached('memberAssignments', file.program, () => {
    const byName = new Map<string, Node[]>();
    walk(file, file.program, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
        const member = getStaticMemberName(node.left);
        if (member !== null) byName.set(member, [...(byName.get(member) ?? []), node.right]);
      }
      return true;
    });
    return byName;
  }).get(name);
  return (values ?? []).some((value) => {
    const expression = unwrapExpression(value);
    if (getInstanceOf(file, expression)) return true;
    if (expression.type === AST_NODE_TYPES.NewExpression) {
      return expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name === className;
    }
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const def = file.findVariable(expression)?.defs[0];
    if (def?.type !== 'Parameter') return false;
    const fn = def.node;
    return isConstructor(file, fn);
  });
}

function isConstructor(file: FileContext, fn: Node): boolean {
  if (!isFunctionNode(fn) || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) return fn.parent.kind === 'constructor';
  return getFunctionInstance(file, fn)?.memberName === 'constructor';
}

/**
 * Does an insert into the same container always follow the removal in its function? The removal's
 * statement and an insert's statement are in the same block, the insert later, and nothing between
 * them (the removal's statement included) can leave the block.
 */
function isReplacement(file: FileContext, removal: TSESTree.CallExpression, inserts: readonly TSESTree.CallExpression[]): boolean {
  const statement = statementIn(removal);
  if (!statement) return false;
  const { block, index } = statement;
  return inserts.some((insert) => {
    const later = statementIn(insert);
    if (later?.block !== block || later.index <= index) return false;
    // The insert's statement must run whole: it is the insert itself (`x.set(k, v);`).
    const own = block.body[later.index]!;
    if (own.type !== AST_NODE_TYPES.ExpressionStatement || unwrapExpression(own.expression) !== insert) return false;
    return block.body.slice(index, later.index).every((between) => !mayLeave(file, between));
  });
}

/** The statement list (a function body or block) holding the node's statement, and its index there. */
function statementIn(node: Node): { block: TSESTree.BlockStatement; index: number } | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) return null;
    if (current.type === AST_NODE_TYPES.BlockStatement && current.parent && isFunctionNode(current.parent)) {
      return { block: current, index: current.body.indexOf(child as TSESTree.Statement) };
    }
  }
  return null;
}

/** Can running this statement leave the function early (`return`, `throw`, `break`, `continue`)? */
function mayLeave(file: FileContext, statement: Node): boolean {
  let leaves = false;
  walk(file, statement, (node) => {
    if (leaves || (node !== statement && isFunctionNode(node))) return false;
    leaves =
      node.type === AST_NODE_TYPES.ReturnStatement ||
      node.type === AST_NODE_TYPES.ThrowStatement ||
      node.type === AST_NODE_TYPES.BreakStatement ||
      node.type === AST_NODE_TYPES.ContinueStatement;
    return !leaves;
  });
  return leaves;
}
