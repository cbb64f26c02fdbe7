import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getPrototypeOwner, getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { enclosingFunction, walk } from '../core/traverse.js';
import { getSingleInit } from '../core/bindings.js';
import { PRIMITIVE_MEMBERS } from './object-params.js';
import { isModuleLevelScope, type FileContext } from '../core/file-context.js';
import { getInstanceOf, getPrototypeObjectOwner, type CarriedInstance } from './instance.js';
import { isSingletonClass } from './singletons.js';
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
  /** Not an instance: a value stored under a key that never repeats (`callbacks[++id] = callback`): one entry per call. */
  readonly perCall?: { readonly key: Node; readonly value: Node };
}

const APPENDERS = new Set(['push', 'unshift']);

/** The container an insert fills: `x` of `x.push(v)`, `x.set(k, v)`, `x[k] = v`. */
export function insertTarget(node: TSESTree.CallExpression | TSESTree.AssignmentExpression): Node {
  return node.type === AST_NODE_TYPES.CallExpression ? (node.callee as TSESTree.MemberExpression).object : (node.left as TSESTree.MemberExpression).object;
}

/** The instance `node` is (`getInstanceOf`), unless it is the one instance of a singleton, which lives as long as the module anyway. */
function mortalInstance(file: FileContext, node: Node): CarriedInstance | null {
  const instance = getInstanceOf(file, node);
  return instance && !isSingletonClass(file, instance.className) ? instance : null;
}

/** `x.push(this)` / `x.unshift(self)` / `x.set(k, this)`, or `x[k] = this`; `null` for anything else. */
export function getCollectedInstance(file: FileContext, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): CollectedInstance | null {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    const left = unwrapExpression(node.left);
    if (node.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || !left.computed) return null;
    const own = mortalInstance(file, node.right);
    const instance = own ?? getHandedOutObject(file, node.right);
    if (instance) return { node, container: left.object, how: '`[…] =`', instance, handedOut: own === null };
    return perCallEntry(file, node, left.object, '`[…] =`', left.property, node.right);
  }
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticMemberName(callee);
  if (method === null) return null;
  const stored = APPENDERS.has(method) ? node.arguments : method === 'set' ? node.arguments.slice(1, 2) : [];
  for (const argument of stored) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const own = mortalInstance(file, argument);
    const instance = own ?? getHandedOutObject(file, argument);
    if (instance) return { node, container: callee.object, how: `\`${method}()\``, instance, handedOut: own === null };
    // `registry.set(tag, [myMap])` where `myMap = this[slot]` holds `this`
    const state = getInstanceState(file, argument);
    if (state) return { node, container: callee.object, how: `\`${method}()\``, instance: state.instance, state, handedOut: false };
  }
  const [key, value] = node.arguments;
  if (method === 'set' && key && value && key.type !== AST_NODE_TYPES.SpreadElement && value.type !== AST_NODE_TYPES.SpreadElement) {
    return perCallEntry(file, node, callee.object, '`set()`', key, value);
  }
  return null;
}

/** `callbacks[++id] = callback`, `pending.set(nextId++, { resolve })`: a value under a key that never repeats (`isFreshCounterKey`). */
function perCallEntry(file: FileContext, node: Node, container: Node, how: string, key: Node, value: Node): CollectedInstance | null {
  const stored = unwrapExpression(value);
  if (stored.type === AST_NODE_TYPES.Literal || stored.type === AST_NODE_TYPES.TemplateLiteral || stored.type === AST_NODE_TYPES.UnaryExpression) return null;
  if (unwrapExpression(container).type === AST_NODE_TYPES.ThisExpression) return null;
  if (!isFreshCounterKey(file, key)) return null;
  // the nearest named function (`exec` for the arrow it hands to `new Promise`)
  let memberName: string | null = null;
  for (let fn = enclosingFunction(node); fn && memberName === null; fn = enclosingFunction(fn)) memberName = describeFunctionName(fn);
  return {
    node,
    container,
    how,
    instance: { className: null, memberName, via: 'alias', text: file.sourceCode.getText(value) },
    handedOut: false,
    perCall: { key, value },
  };
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

/** `getCollectionKind`, and a Set of the global (kept as its entries are added, never as values). */
export function getGrowingKind(file: FileContext, binding: LongLivedBinding): 'array' | 'object' | 'map' | 'set' | null {
  const kind = getCollectionKind(file, binding);
  if (kind) return kind;
  const init = binding.init && unwrapExpression(binding.init);
  if (init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'Set' && file.isGlobalReference(init.callee, 'Set')) return 'set';
  return null;
}

const ARRAY_REMOVERS = new Set(['splice', 'pop', 'shift', 'filter', 'clear', 'delete']);
const MAP_REMOVERS = new Set(['delete', 'clear']);
/** Methods that read or add entries and never take one out. */
const ARRAY_READERS = ['push', 'unshift', 'indexOf', 'lastIndexOf', 'includes', 'forEach', 'map', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'slice', 'concat', 'join', 'keys', 'values', 'entries', 'at', 'flat', 'flatMap', 'toString', 'each'];
const KEEPING_METHODS: Readonly<Record<'array' | 'object' | 'map', ReadonlySet<string>>> = {
  array: new Set(ARRAY_READERS),
  object: new Set(['hasOwnProperty', 'propertyIsEnumerable', 'toString']),
  map: new Set(['get', 'set', 'has', 'forEach', 'keys', 'values', 'entries', 'add']), // (`add`: a Set's)
};

/**
 * Does the file ever take entries out of the collection? A reassignment, `splice`/`pop`/`shift`,
 * `length = 0`, `delete x[k]`, `delete()`/`clear()`, or a use this analysis cannot follow (passed to
 * a function, returned, exported): any of them means the entries may be managed, so no finding.
 * `inThisFileOnly` leaves out what other modules may do with an exported binding; `resetsOnly` leaves
 * out what empties the whole collection at once (`x = []`, `x.length = 0`, `x.clear()`: `getResets`).
 * A Map's `delete(k)` counts only when it can take out a stored entry (`removals.ts`).
 */
export function mayRemoveEntries(
  file: FileContext,
  binding: LongLivedBinding,
  kind: 'array' | 'object' | 'map',
  { inThisFileOnly = false, resetsOnly = false }: { readonly inThisFileOnly?: boolean; readonly resetsOnly?: boolean } = {},
): boolean {
  if (binding.reachableElsewhere || (binding.exported && !inThisFileOnly)) return true;
  if (binding.writes.length > 0 && !(resetsOnly && binding.writes.every((write) => isReset(write)))) return true;
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
      if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member && name === 'length') {
        if (resetsOnly && isEmptyLiteral(grand.right)) continue;
        return true;
      }
      if (resetsOnly && name === 'clear' && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member) continue;
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
 * What empties the whole collection at once: `x = []` (or `{}`, `new Map()`), `x.length = 0`,
 * `x.clear()`. Entries then leave all together, never one instance at a time.
 */
export function getResets(binding: LongLivedBinding): Node[] {
  const resets: Node[] = binding.writes.filter((write) => isReset(write));
  for (const use of binding.uses) {
    const node = outermostWrapper(use);
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) continue;
    const member = outermostWrapper(parent);
    const grand = member.parent;
    const name = getStaticMemberName(parent);
    if (name === 'length' && grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member && isEmptyLiteral(grand.right)) resets.push(grand);
    if (name === 'clear' && grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member) resets.push(grand);
  }
  return resets;
}

/** A write of the binding that gives it a new empty collection (`Foo.#all = []`). */
function isReset(write: Node): boolean {
  const outer = outermostWrapper(write);
  const assignment = outer.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== outer || assignment.operator !== '=') return false;
  const value = unwrapExpression(assignment.right);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.length === 0;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.length === 0;
  return value.type === AST_NODE_TYPES.NewExpression && value.arguments.length === 0;
}

function isEmptyLiteral(node: Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && value.value === 0;
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

/** Members that end an instance's life by their name (a socket's or connection's `close` / `disconnect` too). */
export const DISPOSE_NAMES: ReadonlySet<string> = new Set(['destroy', 'dispose', 'close', 'disconnect', 'teardown']);

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

/**
 * Does an instance of `className` hold an object its creator handed in? Its constructor (an ES5
 * constructor function or a class's `constructor`) stores a parameter, or a value computed from one,
 * on `this` (`this.img = img`), and code reads a member of it that no primitive has (`this.img.src`) or
 * calls it (`this.onReady(…)`).
 * An interning cache (one instance per key, looked up before one is made) of instances that hold
 * only their key (`this.src = src`) keeps no more than the keys; one that holds what its caller gave
 * keeps that too, for every key ever used.
 */
export function holdsCallerObject(file: FileContext, className: string | null): boolean {
  return className === null || getCreatorInput(file, className).holdsObject; // unknown: keep judging as before
}

/** What an instance keeps of its creator's input: the `this` members its constructor stores it in, and whether one is an object. */
interface CreatorInput {
  readonly stored: ReadonlySet<string>;
  readonly holdsObject: boolean;
}

function getCreatorInput(file: FileContext, className: string): CreatorInput {
  const byClass = file.cached('creatorInput', file.program, () => new Map<string, CreatorInput>());
  if (!byClass.has(className)) byClass.set(className, computeCreatorInput(file, className));
  return byClass.get(className)!;
}

/**
 * Is an interning cache's key made of the creator's input: a parameter of the function that stores
 * the instance, or a member its constructor stored a parameter in (`this.src`, `this.img.src`)? Then
 * one instance serves every creator with the same input. A key the code makes up (`++guid`, an id from
 * a counter) is new for every instance, so the cache only grows.
 */
export function isKeyedByCreatorInput(file: FileContext, key: Node, className: string | null): boolean {
  let expression = unwrapExpression(key);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    return file.findVariable(expression)?.defs[0]?.type === 'Parameter';
  }
  if (className === null) return false;
  while (expression.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(expression.object).type !== AST_NODE_TYPES.ThisExpression) {
    expression = unwrapExpression(expression.object);
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  const slot = getStaticMemberName(expression);
  return slot !== null && getCreatorInput(file, className).stored.has(slot);
}

function computeCreatorInput(file: FileContext, className: string): CreatorInput {
  const constructor = findConstructor(file, className);
  if (!constructor) return { stored: new Set(), holdsObject: true }; // not found: keep judging as before
  const params = new Set(constructor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [file.findVariable(param)] : [])));
  // Does `value` mention a parameter, directly or (one step) through a local of the constructor (`var el = query(element)`)?
  const fromParam = (value: Node, throughLocals = true): boolean => {
    let found = false;
    walk(file, value, (node) => {
      if (found || isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = file.findVariable(node);
        if (variable && params.has(variable)) found = true;
        else if (throughLocals && variable && variable.scope.block === constructor) {
          const init = getSingleInit(file, node);
          if (init && init.init !== value && fromParam(init.init, false)) found = true;
        }
      }
      return !found;
    });
    return found;
  };
  const stored = new Set<string>();
  walk(file, constructor.body!, (node) => {
    if (isFunctionNode(node)) return false;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      unwrapExpression(node.left.object).type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = getStaticMemberName(node.left);
      if (name !== null && fromParam(node.right)) stored.add(name);
    }
    return true;
  });
  if (stored.size === 0) return { stored, holdsObject: false };
  let used = false;
  walk(file, file.program, (node) => {
    if (used) return false;
    // `this.onReady(…)`: a function the creator handed in
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(node.callee.object).type === AST_NODE_TYPES.ThisExpression) {
      const slot = getStaticMemberName(node.callee);
      if (slot !== null && stored.has(slot)) used = true;
      return !used;
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.MemberExpression) return true;
    const holder = node.object;
    if (unwrapExpression(holder.object).type !== AST_NODE_TYPES.ThisExpression) return true;
    const slot = getStaticMemberName(holder);
    const member = getStaticMemberName(node);
    if (slot !== null && stored.has(slot) && member !== null && member !== 'length' && !PRIMITIVE_MEMBERS.has(member) && !/^\d/.test(member)) used = true;
    return !used;
  });
  return { stored, holdsObject: used };
}

/** The constructor of `className`: a function declaration of that name, or the `constructor` of a class of that name. */
function findConstructor(file: FileContext, className: string): TSESTree.FunctionLike | null {
  let found: TSESTree.FunctionLike | null = null;
  walk(file, file.program, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id?.name === className) found = node;
    else if ((node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.id?.name === className) {
      const ctor = node.body.body.find((e) => e.type === AST_NODE_TYPES.MethodDefinition && e.kind === 'constructor');
      if (ctor && ctor.type === AST_NODE_TYPES.MethodDefinition) found = ctor.value;
    }
    return !found;
  });
  return found;
}

const WRITE_ONLY_INSERTS = new Set(['push', 'unshift']);

/**
 * A long-lived array or plain object that code only ever adds to: every use is an insert whose result
 * is thrown away (`all.push(x);`, `byId[id] = x;`), nothing reads, iterates, sizes, removes or
 * hands it on, and it is not exported. If an insert runs in a function (on every call, not once where
 * the module loads), the collection grows for the life of the program and nobody can ever use what it
 * holds. Returns the first insert in a function, or `null`.
 */
export function getWriteOnlyInsert(file: FileContext, binding: LongLivedBinding): Node | null {
  if (binding.writes.length > 0 || binding.exported || binding.reachableElsewhere || binding.uses.length === 0) return null;
  const kind = getCollectionKind(file, binding);
  if (kind !== 'array' && kind !== 'object') return null; // a Map or Set only written is judged as a keyed container
  let inFunction: Node | null = null;
  for (const use of binding.uses) {
    const node = outermostWrapper(use);
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return null;
    const member = outermostWrapper(parent);
    const grand = member.parent;
    let insert: Node | null = null;
    if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === member && WRITE_ONLY_INSERTS.has(getStaticMemberName(parent) ?? '')) insert = grand;
    else if (parent.computed && grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === member && grand.operator === '=') insert = grand;
    if (!insert || insert.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
    if (!inFunction && enclosingFunction(insert) && !isModuleLevelScope(file.sourceCode.getScope(insert), insert)) inFunction = insert;
  }
  return inFunction;
}

/**
 * A key that never repeats: made from a counter that outlives the call (`++nextId`, `id = count++`,
 * `` `req-${++n}` ``), directly, through a local, or returned by a same-file function that takes it
 * from such a counter (`const id = send(msg)` with `send` returning `nextMessageId++`). A container
 * keyed by it gets a new entry on every call, whatever it holds, and lookups by key cannot bound it.
 */
export function isFreshCounterKey(file: FileContext, key: Node, depth = 0): boolean {
  if (depth > 4) return false;
  const expression = unwrapExpression(key);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const single = getSingleInit(file, expression);
    if (single) return isFreshCounterKey(file, single.init, depth + 1);
    return isCounterBumpedHere(file, expression);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    // `request.id` with `request = { id: nextId++ }` or `request = makeRequest()` returning such a literal
    const name = getStaticMemberName(expression);
    const single = name !== null ? getSingleInit(file, expression.object) : null;
    if (!single) return false;
    return objectsMade(file, single.init).some((object) => {
      const property = object.properties.find((p) => p.type === AST_NODE_TYPES.Property && getStaticPropertyKey(p.key, p.computed) === name);
      return property?.type === AST_NODE_TYPES.Property && isFreshCounterKey(file, property.value, depth + 1);
    });
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // `send(msg)`: a function of this file that returns a counter's next value
    const callee = unwrapExpression(expression.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const def = file.findVariable(callee)?.defs[0];
    const fn = def?.type === 'FunctionName' ? def.node : def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrapExpression(def.node.init) : null;
    if (!fn || !isFunctionNode(fn) || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
    const returns: Node[] = [];
    walk(file, fn.body, (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returns.push(node.argument);
      return true;
    });
    return returns.length > 0 && returns.every((value) => isFreshCounterKey(file, value, depth + 1));
  }
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return false;
  // the counter itself, or a string or number made from it
  let counted = false;
  walk(file, expression, (node) => {
    if (counted || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.UpdateExpression && isOuterCounter(file, node.argument, expression)) counted = true;
    return !counted;
  });
  return counted;
}

/**
 * `counter++; … pending[counter] = callback`: the key is an outer counter (`isOuterCounter`) that the
 * function reading it has itself incremented before, so each call reads a value no call read before.
 */
function isCounterBumpedHere(file: FileContext, key: TSESTree.Identifier): boolean {
  const fn = enclosingFunction(key);
  const variable = file.findVariable(key);
  if (!fn || !variable || !isOuterCounter(file, key, key)) return false;
  return variable.references.some((reference) => {
    const update = reference.identifier.parent;
    return (
      update?.type === AST_NODE_TYPES.UpdateExpression &&
      update.range[1] <= key.range[0] &&
      enclosingFunction(update) === fn &&
      runsBefore(update, key)
    );
  });
}

/** `earlier` may run before `later` in one call: the two are not on the two sides of one `if` or `?:`. */
function runsBefore(earlier: Node, later: Node): boolean {
  const above = new Set<Node>();
  for (let node: Node | undefined = earlier; node; node = node.parent) above.add(node);
  let child: Node = later;
  for (let node = later.parent; node; child = node, node = node.parent) {
    if (!above.has(node)) continue;
    if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression) return true;
    const side = (n: Node): Node | null => (isAncestorOrSelf(node.consequent, n) ? node.consequent : node.alternate && isAncestorOrSelf(node.alternate, n) ? node.alternate : null);
    const a = side(earlier);
    const b = side(child);
    return a === null || b === null || a === b;
  }
  return false;
}

function isAncestorOrSelf(ancestor: Node, node: Node): boolean {
  return ancestor === node || isAncestor(ancestor, node);
}

/** The updated counter lives outside the function that makes the key (a module variable, `this.n`, `Foo.n`), and is only ever incremented. */
function isOuterCounter(file: FileContext, counter: Node, at: Node): boolean {
  const target = unwrapExpression(counter);
  if (target.type === AST_NODE_TYPES.MemberExpression) return true;
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(target);
  // only ever incremented
  const incrementOnly = (reference: TSESLint.Scope.Reference): boolean => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.UpdateExpression && parent.operator === '++';
  };
  // (a stack's `len--` or a ring buffer's `pos = 0` makes keys repeat)
  if (variable?.references.some((reference) => reference.isWrite() && !reference.init && !incrementOnly(reference))) return false;
  const fn = enclosingFunction(at);
  if (variable === null || fn === null) return variable !== null;
  const block = variable.scope.block;
  return block !== fn && !isAncestor(fn, block);
}

function isAncestor(ancestor: Node, node: Node): boolean {
  for (let current: Node | undefined = node.parent; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The object literals a value is: the literal itself, or what a same-file function it calls returns (directly or through a local). */
function objectsMade(file: FileContext, value: Node): TSESTree.ObjectExpression[] {
  const expression = unwrapExpression(value);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return [expression];
  if (expression.type !== AST_NODE_TYPES.CallExpression) return [];
  const callee = unwrapExpression(expression.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return [];
  const def = file.findVariable(callee)?.defs[0];
  const fn = def?.type === 'FunctionName' ? def.node : null;
  if (!fn || !isFunctionNode(fn) || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return [];
  const made: TSESTree.ObjectExpression[] = [];
  walk(file, fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) {
      const returned = unwrapExpression(node.argument);
      if (returned.type === AST_NODE_TYPES.ObjectExpression) made.push(returned);
      else {
        const single = getSingleInit(file, returned);
        if (single?.init.type === AST_NODE_TYPES.ObjectExpression) made.push(single.init);
      }
    }
    return true;
  });
  return made;
}
