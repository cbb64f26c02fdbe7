import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getPrototypeOwner, getStaticMemberName, getStaticPropertyKey, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { enclosingFunction, walk } from '../core/traverse.js';
import { getSingleInit } from '../core/bindings.js';
import type { FileContext } from '../core/file-context.js';
import { getInstanceOf, getPrototypeObjectOwner, type CarriedInstance } from './instance.js';
import type { LongLivedBinding } from './long-lived.js';
import { getKeyedRemovals } from './removals.js';
import { getInstanceState, type InstanceState } from './instance-state.js';

type Node = TSESTree.Node;

/**
 * Instances kept as the *values* of a container: `all.push(this)`, `instances[id] = this`,
 * `registry.set(id, this)`. A long-lived container that collects every instance this way, and that
 * nothing ever empties, keeps each one for the life of the program, whatever the key is.
 */
export interface CollectedInstance {
  /** The call or assignment that stores the instance. */
  readonly node: Node;
  /** The container expression (`all`, `Foo.instances`). */
  readonly container: Node;
  /** How messages name the store: `push()`, `[…] =`, `set()`. */
  readonly how: string;
  readonly instance: CarriedInstance;
  /** The instance is a factory's product (`getHandedOutObject`), not `this`. */
  readonly handedOut: boolean;
  /** The instance is kept through state it owns that holds it (`map` of `registry.set(tag, [map])`); `undefined` when stored itself. */
  readonly state?: InstanceState;
}

const APPENDERS = new Set(['push', 'unshift']);

/** `x.push(this)` / `x.unshift(self)` / `x.set(k, this)`, or `x[k] = this`; `null` for anything else. */
export function getCollectedInstance(file: FileContext, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): CollectedInstance | null {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    const left = unwrapExpression(node.left);
    if (node.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || !left.computed) return null;
    const own = getInstanceOf(file, node.right);
    const instance = own ?? getHandedOutObject(file, node.right);
    return instance && { node, container: left.object, how: '`[…] =`', instance, handedOut: own === null };
  }
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticMemberName(callee);
  if (method === null) return null;
  const stored = APPENDERS.has(method) ? node.arguments : method === 'set' ? node.arguments.slice(1, 2) : [];
  for (const argument of stored) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const own = getInstanceOf(file, argument);
    const instance = own ?? getHandedOutObject(file, argument);
    if (instance) return { node, container: callee.object, how: `\`${method}()\``, instance, handedOut: own === null };
    // `registry.set(tag, [myMap])` where `myMap = this[slot]` holds `this`
    const state = getInstanceState(file, argument);
    if (state) return { node, container: callee.object, how: `\`${method}()\``, instance: state.instance, state, handedOut: false };
  }
  return null;
}

/**
 * A factory's product: an object the enclosing function creates (`new Chart(config)`, an object
 * literal with methods) into a local it never reassigns, and returns to its caller. Like `this` in a
 * constructor, it is an instance whose life the caller decides; a registry that keeps it decides
 * otherwise. `null` for anything else (a record the function keeps to itself, a value passed in).
 */
export function getHandedOutObject(file: FileContext, node: Node): CarriedInstance | null {
  const single = getSingleInit(file, node);
  if (!single) return null;
  const { variable, declarator, init } = single;
  let className: string | null = null;
  if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier) {
    if (file.isGlobalReference(init.callee, init.callee.name)) return null; // `new Map()`, `new Date()`: no instance of the program's
    className = init.callee.name;
  } else if (init.type === AST_NODE_TYPES.ObjectExpression) {
    const hasMethod = init.properties.some(
      (property) => property.type === AST_NODE_TYPES.Property && (property.method || isFunctionValue(property.value)),
    );
    if (!hasMethod) return null; // a plain record
  } else return null;
  const factory = enclosingFunction(declarator);
  if (!factory || enclosingFunction(node) !== factory || !returnsBinding(file, factory, variable)) return null;
  const factoryName = describeFunctionName(factory);
  return {
    className: className ?? (factoryName ? `object \`${factoryName}()\` returns` : 'object its factory returns'),
    memberName: factoryName,
    via: 'alias',
    text: variable.name,
  };
}

function isFunctionValue(node: Node): boolean {
  return node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** Does `fn` return the binding (`return instance`), in its own body? */
function returnsBinding(file: FileContext, fn: Node, variable: ReturnType<FileContext['findVariable']>): boolean {
  let found = false;
  walk(file, (fn as TSESTree.FunctionDeclaration).body, (child) => {
    if (found) return false;
    if (child.type === AST_NODE_TYPES.FunctionDeclaration || child.type === AST_NODE_TYPES.FunctionExpression || child.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (child.type === AST_NODE_TYPES.ReturnStatement && child.argument) {
      const returned = unwrapExpression(child.argument);
      found = returned.type === AST_NODE_TYPES.Identifier && file.findVariable(returned) === variable;
    }
    return !found;
  });
  return found;
}

function describeFunctionName(fn: Node): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = outermostWrapper(fn).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) return getStaticPropertyKey(parent.key, parent.computed);
  return null;
}

/** What kind of collection a binding is created as: an array, a plain object, or a Map. */
export function getCollectionKind(file: FileContext, binding: LongLivedBinding): 'array' | 'object' | 'map' | null {
  const init = binding.init && unwrapExpression(binding.init);
  if (!init) return null;
  if (init.type === AST_NODE_TYPES.ArrayExpression) return 'array';
  if (init.type === AST_NODE_TYPES.ObjectExpression && init.properties.length === 0) return 'object';
  if (
    init.type === AST_NODE_TYPES.NewExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === 'Map' &&
    file.isGlobalReference(init.callee, 'Map')
  ) {
    return 'map';
  }
  return null;
}

const ARRAY_REMOVERS = new Set(['splice', 'pop', 'shift', 'filter', 'clear', 'delete']);
const MAP_REMOVERS = new Set(['delete', 'clear']);
/** Methods that read or add entries and never take one out. */
const ARRAY_READERS = ['push', 'unshift', 'indexOf', 'lastIndexOf', 'includes', 'forEach', 'map', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'slice', 'concat', 'join', 'keys', 'values', 'entries', 'at', 'flat', 'flatMap', 'toString', 'each'];
const KEEPING_METHODS: Readonly<Record<'array' | 'object' | 'map', ReadonlySet<string>>> = {
  array: new Set(ARRAY_READERS),
  object: new Set(['hasOwnProperty', 'propertyIsEnumerable', 'toString']),
  map: new Set(['get', 'set', 'has', 'forEach', 'keys', 'values', 'entries']),
};

/**
 * Does the file ever take entries out of the collection? A reassignment, `splice`/`pop`/`shift`,
 * `length = 0`, `delete x[k]`, `delete()`/`clear()`, or a use this analysis cannot follow (passed to
 * a function, returned, exported): any of them means the entries may be managed, so no finding.
 * `inThisFileOnly` leaves out what other modules may do with an exported binding.
 * A Map's `delete(k)` counts only when it can take out a stored entry (`removals.ts`).
 */
export function mayRemoveEntries(
  file: FileContext,
  binding: LongLivedBinding,
  kind: 'array' | 'object' | 'map',
  { inThisFileOnly = false }: { readonly inThisFileOnly?: boolean } = {},
): boolean {
  if (binding.writes.length > 0 || binding.reachableElsewhere || (binding.exported && !inThisFileOnly)) return true;
  const releasing = kind === 'map' ? new Set<Node>(getKeyedRemovals(file, binding, 'set').releasing) : null;
  for (const use of binding.uses) {
    const node = outermostWrapper(use);
    const parent = node.parent;
    if (!parent) return true;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const member = outermostWrapper(parent);
      const grand = member.parent;
      if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') return true;
      const name = getStaticMemberName(parent);
      if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member && name === 'length') return true;
      if (releasing && name === 'delete' && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member) {
        if (releasing.has(grand)) return true;
        continue; // a removal that cannot match a stored key, or that is always followed by an insert
      }
      if (name !== null && (kind === 'map' ? MAP_REMOVERS : ARRAY_REMOVERS).has(name)) return true;
      // A method this analysis does not know may remove entries (MooTools' `erase`, a library's `remove`).
      if (name !== null && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member && !KEEPING_METHODS[kind].has(name)) return true;
      continue; // a read, an index, a store, iteration helpers (`forEach`, `map`, `indexOf`)
    }
    if (parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) continue;
    if (parent.type === AST_NODE_TYPES.SpreadElement) continue;
    if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in') continue;
    return true; // passed on, returned, stored elsewhere: others may remove entries
  }
  return false;
}

/**
 * Is the collection looked up by key (`get(k)`, `has(k)`, a computed read `x[k]`, `k in x`)? Then it
 * is a memo cache of what it stores: a later caller receives the stored object by its key, so the
 * entries are bounded by the keys, and a factory's product kept there is shared, not handed out.
 */
export function isLookedUpByKey(binding: LongLivedBinding, kind: 'array' | 'object' | 'map'): boolean {
  if (kind === 'array') return false;
  for (const use of binding.uses) {
    const node = outermostWrapper(use);
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in' && parent.right === node) return true;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) continue;
    const member = outermostWrapper(parent);
    const grand = member.parent;
    if (kind === 'map') {
      const name = getStaticMemberName(parent);
      if ((name === 'get' || name === 'has') && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member) return true;
    } else if (parent.computed && !(grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member)) {
      return true;
    }
  }
  return false;
}

/** Members that end an instance's life by their name. */
const DISPOSE_NAMES = new Set(['destroy', 'dispose']);

/**
 * The member that disposes of an instance (`destroy`, `dispose`) of the class whose code stores the
 * instance at `site`: a method or field of the class, a `this.destroy = …` in its code, or for a
 * constructor function `Foo.prototype.destroy = …`. `null` when the class has none.
 */
export function findOwnDispose(file: FileContext, site: Node, className: string | null): { readonly name: string; readonly node: Node } | null {
  for (let current = site.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ClassBody) continue;
    for (const element of current.body) {
      if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && !element.static) {
        const name = getStaticPropertyKey(element.key, element.computed);
        if (name !== null && DISPOSE_NAMES.has(name)) return { name, node: element };
      }
    }
    let assigned: { name: string; node: Node } | null = null;
    walk(file, current, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
        const name = getStaticMemberName(node.left);
        if (unwrapExpression(node.left.object).type === AST_NODE_TYPES.ThisExpression && name !== null && DISPOSE_NAMES.has(name)) {
          if (!assigned || node.range[0] < assigned.node.range[0]) assigned = { name, node };
        }
      }
      return true;
    });
    return assigned;
  }
  if (className === null) return null;
  const byClass = file.cached('ownDisposeByClass', file.program, () => new Map<string, { readonly name: string; readonly node: Node } | null>());
  if (!byClass.has(className)) byClass.set(className, findPrototypeDispose(file, className));
  return byClass.get(className) ?? null;
}

/**
 * A dispose member that code anywhere in the file gives the instances of a constructor function or a
 * class factory's class: `Foo.prototype.destroy = …`, or a `destroy` in an object used as its prototype
 * or class definition (`Foo.prototype = {…}`, `new Class({ initialize, destroy })`).
 */
function findPrototypeDispose(file: FileContext, className: string): { readonly name: string; readonly node: Node } | null {
  let found: { name: string; node: Node } | null = null;
  walk(file, file.program, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticMemberName(node.left);
      if (name !== null && DISPOSE_NAMES.has(name) && getPrototypeOwner(node.left.object)?.name === className) found = { name, node };
    } else if (node.type === AST_NODE_TYPES.ObjectExpression && node.properties.some((p) => p.type === AST_NODE_TYPES.Property && DISPOSE_NAMES.has(getStaticPropertyKey(p.key, p.computed) ?? ''))) {
      if (getPrototypeObjectOwner(file, node) === className) {
        const property = node.properties.find((p) => p.type === AST_NODE_TYPES.Property && DISPOSE_NAMES.has(getStaticPropertyKey(p.key, p.computed) ?? '')) as TSESTree.Property;
        found = { name: getStaticPropertyKey(property.key, property.computed)!, node: property };
      }
    }
    return !found;
  });
  return found;
}
