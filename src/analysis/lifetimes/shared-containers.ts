// A container that lives on a prototype, so that every instance fills the same one through `this`:
// `Foo.prototype = { handlers: [], on(fn) { this.handlers.push(fn); } }`. Reading `this.handlers`
// finds the prototype's array until an instance assigns its own, so what each instance adds stays
// for as long as the prototype, the life of the program.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getPrototypeOwner, getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { walk } from '../core/traverse.js';
import { getPrototypeLiteralOwner } from './instance.js';
import { DISPOSE_NAMES } from './instance-collections.js';

type Node = TSESTree.Node;

/** A container created once on a prototype and filled through `this`. */
export interface SharedPrototypeContainer {
  /** `SwipeView.prototype.customEvents`, for messages. */
  readonly name: string;
  /** Whose instances share it (`SwipeView`). */
  readonly className: string;
  /** `array`, `object`, `Map`, `Set`. */
  readonly container: string;
  /** Where it is created: the property key or the assigned member. */
  readonly reportNode: Node;
}

const INSERTS = new Set(['push', 'unshift', 'add', 'set']);
const READS = new Set([
  'push', 'unshift', 'add', 'set', 'get', 'has', 'indexOf', 'lastIndexOf', 'includes', 'forEach', 'map', 'some', 'every',
  'find', 'findIndex', 'reduce', 'slice', 'concat', 'join', 'keys', 'values', 'entries', 'at',
]);

/**
 * The prototype container that `this.<name>` at `member` reads, when every instance shares it: the
 * member's method is in an object used as a prototype that creates `<name>` as an empty container
 * (`[]`, `{}`, `new Map()`, `new Set()`), or `Foo.prototype.<name> = []` is written for the class of
 * the method. `null` when an instance gets its own (`this.<name> = …` outside a dispose member), when
 * entries may be removed (`splice`, `shift`, `delete`, `length = 0`, `clear()`, a method this does not
 * know), or when the container is handed to other code.
 */
export function getSharedPrototypeContainer(file: FileContext, member: TSESTree.MemberExpression): SharedPrototypeContainer | null {
  if (unwrapExpression(member.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = getStaticMemberName(member);
  if (name === null || member.computed) return null;
  const fn = enclosingMethod(member);
  if (!fn) return null;
  const slot = findPrototypeSlot(file, fn, name);
  if (!slot) return null;
  return file.cached('sharedPrototypeContainers', slot.reportNode, () => (isOnlyFilled(file, name) ? slot : null));
}

/** The non-arrow function `this` belongs to. */
function enclosingMethod(node: Node): TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.Program) return null;
  }
  return null;
}

function findPrototypeSlot(file: FileContext, fn: TSESTree.FunctionExpression | TSESTree.FunctionDeclaration, name: string): SharedPrototypeContainer | null {
  const holder = outermostWrapper(fn).parent;
  // `X.prototype = { items: [], add(v) { this.items.push(v); } }`
  if (holder?.type === AST_NODE_TYPES.Property && holder.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const object = holder.parent;
    const owner = getPrototypeLiteralOwner(file, object);
    if (owner === undefined || owner === null) return null;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || getStaticPropertyKey(property.key, property.computed) !== name) continue;
      const container = emptyContainer(file, property.value);
      return container ? { name: `${owner}.prototype.${name}`, className: owner, container, reportNode: property.key } : null;
    }
    return null;
  }
  // `X.prototype.add = function (v) { this.items.push(v); }` with `X.prototype.items = []`
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    const owner = getPrototypeOwner(holder.left.object);
    if (!owner) return null;
    return file.cached('prototypeContainerSlots', file.program, () => collectPrototypeAssignments(file)).get(`${owner.name}.${name}`) ?? null;
  }
  return null;
}

/** Every `X.prototype.name = <empty container>` statement of the file, by `X.name`. */
function collectPrototypeAssignments(file: FileContext): Map<string, SharedPrototypeContainer> {
  const found = new Map<string, SharedPrototypeContainer>();
  walk(file, file.program, (node) => {
    if (isFunctionNode(node) && node.parent?.type !== AST_NODE_TYPES.CallExpression) return false; // only code that runs once: the module and IIFEs
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return true;
    const owner = getPrototypeOwner(node.left.object);
    const name = getStaticMemberName(node.left);
    const container = owner && name !== null ? emptyContainer(file, node.right) : null;
    if (owner && name !== null && container) {
      found.set(`${owner.name}.${name}`, { name: `${owner.name}.prototype.${name}`, className: owner.name, container, reportNode: node.left.property });
    }
    return true;
  });
  return found;
}

function emptyContainer(file: FileContext, value: Node): string | null {
  const node = unwrapExpression(value);
  if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 0) return 'array';
  if (node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0) return 'object';
  if (
    node.type === AST_NODE_TYPES.NewExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    (node.callee.name === 'Map' || node.callee.name === 'Set') &&
    file.isGlobalReference(node.callee, node.callee.name)
  ) {
    return node.callee.name;
  }
  return null;
}

/**
 * Is every `this.<name>` in the file a read, an index or an insert, with no instance of its own
 * assigned outside a dispose member, nothing removed and nothing handed on?
 */
function isOnlyFilled(file: FileContext, name: string): boolean {
  let filled = false;
  let ok = true;
  walk(file, file.program, (node) => {
    if (!ok) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(node.object).type !== AST_NODE_TYPES.ThisExpression || getStaticMemberName(node) !== name) return true;
    const outer = outermostWrapper(node);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) {
      if (!inDisposeMember(node)) ok = false; // the instance gets its own
      return true;
    }
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const member = outermostWrapper(parent);
      const grand = member.parent;
      const method = getStaticMemberName(parent);
      if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') ok = false;
      else if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member) {
        if (method === 'length') ok = false;
        else if (parent.computed) filled = true; // `this.byId[id] = v`
      } else if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member) {
        if (method === null || !READS.has(method)) ok = false;
        else if (INSERTS.has(method) && grand.arguments.length > 0) filled = true;
      }
      return true;
    }
    if (parent?.type === AST_NODE_TYPES.ForOfStatement || parent?.type === AST_NODE_TYPES.ForInStatement) return true;
    if (parent?.type === AST_NODE_TYPES.SpreadElement) return true;
    ok = false; // handed to other code, returned, compared: others may manage it
    return true;
  });
  return ok && filled;
}

/** Is `node` in a `destroy` / `dispose` member, where an instance's own assignment comes after the inserts? */
function inDisposeMember(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const holder = outermostWrapper(current).parent;
    let key: string | null = null;
    if (holder?.type === AST_NODE_TYPES.Property || holder?.type === AST_NODE_TYPES.MethodDefinition) key = getStaticPropertyKey(holder.key, holder.computed);
    else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) key = getStaticMemberName(holder.left);
    return key !== null && DISPOSE_NAMES.has(key);
  }
  return false;
}
