// The cache of a hand-written memoizer: which container its replacement stores results in, where
// that container is created, and how its key relates to `this`. Used by custom-memoizer.ts.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, isFunctionNode, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { getStrongContainer, isWeakContainer, type StrongContainerKind } from '../lifetimes/containers.js';
import { isModuleLevelScope, type FileContext } from '../core/file-context.js';
import { returnsOwnThis, usesOwnThis } from '../lifetimes/this-usage.js';
import { enclosingFunction, isInside, thisOwner, walk, type FunctionNode } from '../core/traverse.js';
import { ABSENT, evaluateDefault, mayRunByDefault, type Bindings } from '../core/default-values.js';
import { getBoundForward, getBoundStore } from './helper-effects.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * Where the cache container is created, which decides how many instances share it:
 * `module` (every method the memoizer ever decorates), `factory` (once per `@Memo()` call),
 * `decorator` (once per decorated method, at class definition), `wrapper` (once per wrapped
 * function), `class-metadata` (TC39 `context.metadata`: one object per class).
 */
export type CacheScope = 'module' | 'factory' | 'decorator' | 'wrapper' | 'class-metadata';

/**
 * What the cache key is, seen from the replacement function:
 * - `this`: the instance itself (`cache.get(this)`, through an alias `self` too);
 * - `contains-this`: a literal that holds the instance (`[this, ...args]`, `{ self: this }`);
 * - `ignores-this`: built only from the arguments or constants (`args[0]`, `JSON.stringify(args)`, `'value'`).
 * A key derived from the instance in another way (`this.id`, `` `${this.name}:${x}` ``) is not
 * decidable without knowing the class, and the analysis gives up on it.
 */
export type KeyShape = 'this' | 'contains-this' | 'ignores-this';

/** One use of the cache container inside the replacement function. */
export interface CacheOperation {
  /** `get`, `set`, `has`, `delete`, `add`, `peek`, or `[]` / `in` for a plain object. */
  readonly method: string;
  /** The whole operation (`cache.get(k)`, `cache[k]`, `k in cache`). */
  readonly node: Node;
  /** The key expression. */
  readonly key: Node;
  /** How the key relates to `this`. */
  readonly shape: KeyShape;
}

/** The container a memoizer's replacement reads and writes, declared outside the replacement. */
export interface MemoizerCache {
  /** The binding that holds the container; `null` when it is reached through an option (`config.cache`). */
  readonly variable: Variable | null;
  /** `const cache = new Map()` (the declarator); `null` for a parameter's default. */
  readonly declarator: TSESTree.VariableDeclarator | null;
  /**
   * The creation is the default of an option (`opts.cache || new Map()`, `{ cache = new Map() } = {}`):
   * judged by its default, which is what every caller that passes no cache shares.
   */
  readonly defaulted: boolean;
  readonly name: string;
  /** The creation expression: `new Map<K, V>()`, `{}`, `Object.create(null)`, `new WeakMap()`. */
  readonly creation: TSESTree.Expression;
  /** How messages name it: `Map`, `Set`, `LRUCache (lru-cache)`, `WeakMap`, `plain object`. */
  readonly display: string;
  /** Strong containers keep their keys alive; `WeakMap` / `WeakSet` do not. */
  readonly strong: boolean;
  /** Keyed containers with a weak counterpart (Map, Set, LRU); `null` for objects and weak containers. */
  readonly kind: StrongContainerKind | null;
  /** A plain object: keys are coerced to strings. */
  readonly stringKeys: boolean;
  /** One variable holds the one result for every caller (`let memo`): there is no key at all. */
  readonly singleSlot: boolean;
  readonly scope: CacheScope;
  /** The operations inside the replacement, in source order. */
  readonly operations: readonly CacheOperation[];
  /** The shape common to every operation's key. */
  readonly key: KeyShape;
  /** References to the container outside the replacement (other than its declaration). */
  readonly usesOutsideReplacement: readonly Node[];
  /** The binding is assigned again after its declaration. */
  readonly reassigned: boolean;
  /**
   * A nested lookup (`outer.get(target)` → `inner.get(this)`): the shared container this one is a value
   * of. The cache is then described by its innermost key and container, living as long as `outer`.
   */
  readonly within: string | null;
}

/** What the cache search needs to know of the memoizer. */
export interface CacheSearch {
  /** The decorator or wrapper whose body runs once per decorated or wrapped method. */
  readonly decorator: FunctionNode;
  readonly form: 'legacy-decorator' | 'standard-decorator' | 'wrapper';
  /** Bindings that denote the original method inside the replacement. */
  readonly originals: ReadonlySet<Variable>;
  /** TC39: the `context` parameter. */
  readonly context: Variable | null;
  /** A helper analysed at one call of it: its parameters bound to that call's arguments. */
  readonly bindings?: Bindings | null;
  /** The memoizer whose call is analysed (`descriptor.value = memoize(original, resolver, cache)`). */
  readonly caller?: { readonly definition: FunctionNode; readonly search: CacheSearch } | null;
}

const KEYED_METHODS = new Set(['get', 'set', 'has', 'delete', 'add', 'peek']);
const STORE_METHODS = new Set(['set', 'add']);

/**
 * The containers the replacement stores results of the original in, declared outside it. `null`
 * when one of them cannot be judged (unknown creation, a key derived from the instance, mixed key
 * shapes).
 */
export function findCaches(
  file: FileContext,
  definition: FunctionNode,
  search: CacheSearch,
  replacement: FunctionNode,
): MemoizerCache[] | null {
  const operations = new Map<Variable | Node, FoundOperation[]>();
  walk(file, replacement.body, (node) => {
    const found = readOperation(file, replacement, search, node);
    if (found) {
      const list = operations.get(found.holder) ?? [];
      list.push(found);
      operations.set(found.holder, list);
    }
    return true;
  });
  const isResult = (value: Node | null, depth: number): boolean =>
    value !== null && depth < 4 && holdsResult(file, replacement, search.originals, value, depth, operations, isResult);
  const caches: MemoizerCache[] = [];
  let undecided = false;
  for (const found of operations.values()) {
    if (found[0]!.local) continue;
    // A container that stores the original's results, or that stores the instance itself as a key
    // (`ids.set(this, id)`: whatever the value, a strong container shared this way pins instances).
    const isCache = found.some(
      (entry) =>
        entry.store &&
        (isResult(entry.value, 0) ||
          (entry.operation.method === 'add' && entry.operation.shape !== 'ignores-this') ||
          entry.operation.shape === 'this' ||
          entry.operation.shape === 'contains-this'),
    );
    if (!isCache) continue;
    const outer = found.some((entry) => entry.operation.shape === null)
      ? null
      : describeCache(file, definition, search, replacement, found[0]!, found.map((entry) => entry.operation as CacheOperation));
    const cache = outer && outer.key === 'ignores-this' ? followNestedLookup(file, outer, found, operations) : outer;
    if (cache) caches.push(cache);
    else undecided = true;
  }
  // One container the analysis cannot judge leaves the memoizer unknown, unless another one already
  // pins every instance (a strong container keyed by `this`), which decides by itself.
  if (undecided && !caches.some((cache) => cache.strong && !cache.stringKeys && cache.key !== 'ignores-this')) return null;
  if (caches.length === 0) {
    const slot = findSingleSlot(file, definition, search, replacement, isResult);
    if (slot === undefined) return null;
    if (slot) caches.push(slot);
  }
  return caches;
}

/**
 * A single variable slot declared outside the replacement that the replacement fills with the
 * original's result (`let memo; … return memo ??= original.apply(this, args)`, `_.once` written by
 * hand): one value for every caller, so its key is nothing at all, and it ignores `this`.
 * `undefined` when such a slot is written in a way the analysis cannot judge.
 */
function findSingleSlot(
  file: FileContext,
  definition: FunctionNode,
  search: CacheSearch,
  replacement: FunctionNode,
  isResult: (value: Node | null, depth: number) => boolean,
): MemoizerCache | null | undefined {
  const slots = new Map<Variable, TSESTree.AssignmentExpression>();
  walk(file, replacement.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier) return true;
    if (!['=', '??=', '||='].includes(node.operator) || !isResult(node.right, 0)) return true;
    const variable = file.findVariable(node.left);
    if (variable && variable.defs.length === 1 && !isInside(variable.defs[0]!.node, replacement)) slots.set(variable, node);
    return true;
  });
  for (const [variable, assignment] of slots) {
    const def = variable.defs[0]!;
    if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return undefined;
    const scope = getCacheScope(file, definition, search, def.node);
    if (!scope) return undefined;
    const usesOutsideReplacement = variable.references
      .filter((reference) => !reference.init && !isInside(reference.identifier, replacement))
      .map((reference) => reference.identifier);
    return {
      variable,
      declarator: def.node,
      defaulted: false,
      name: variable.name,
      creation: def.node.init ?? (def.node.id as TSESTree.Identifier),
      display: 'single variable',
      strong: true,
      kind: null,
      stringKeys: false,
      singleSlot: true,
      scope,
      operations: [{ method: '=', node: assignment, key: assignment.left, shape: 'ignores-this' }],
      key: 'ignores-this',
      usesOutsideReplacement,
      reassigned: false,
      within: null,
    };
  }
  return null;
}

/**
 * A nested lookup: the outer container's values are containers of their own, fetched or created in
 * the replacement (`let inner = outer.get(target); if (!inner) outer.set(target, inner = new WeakMap())`,
 * then `inner.get(this)`). What a caller's entry is kept by is the innermost key: an outer key that
 * ignores `this` (the decorated function, a constant) over an inner container keyed by `this` is one
 * inner entry per instance, held weakly or strongly as the inner container holds its keys. The outer
 * description is kept when its values are not such containers, or the inner key ignores `this` too;
 * `null` when the inner container cannot be judged.
 */
function followNestedLookup(
  file: FileContext,
  outer: MemoizerCache,
  found: readonly FoundOperation[],
  operations: ReadonlyMap<Variable | Node, readonly FoundOperation[]>,
): MemoizerCache | null {
  const inners = new Set<Variable>();
  for (const entry of found) {
    if (!entry.store || !entry.value) continue;
    let value = unwrapExpression(entry.value);
    if (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') value = unwrapExpression(value.left);
    if (value.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = file.findVariable(value);
    if (variable && operations.get(variable)?.[0]?.local) inners.add(variable);
  }
  if (inners.size === 0) return outer;
  if (inners.size > 1) return null;
  const inner = [...inners][0]!;
  const innerOperations = operations.get(inner)!;
  const shapes = new Set(innerOperations.map((entry) => entry.operation.shape));
  if (shapes.size !== 1 || shapes.has(null)) return null;
  const key = [...shapes][0]!;
  if (key === 'ignores-this') return outer;
  // What the inner binding is assigned: reads of the outer container (`outer.get(k)`) or a creation.
  const outerReads = new Set<Node>(found.map((entry) => entry.operation.node));
  const creations: TSESTree.Expression[] = [];
  const collect = (write: Node): boolean => {
    const expression = unwrapExpression(write);
    if (outerReads.has(expression)) return true;
    if (expression.type === AST_NODE_TYPES.LogicalExpression && (expression.operator === '||' || expression.operator === '??')) {
      return collect(expression.left) && collect(expression.right);
    }
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && ['||=', '??='].includes(expression.operator)) return collect(expression.right);
    if (!describeContainer(file, expression as TSESTree.Expression)) return false;
    creations.push(expression as TSESTree.Expression);
    return true;
  };
  const def = inner.defs[0]!;
  const writes: Node[] = [];
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) writes.push(def.node.init);
  else if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return null;
  for (const reference of inner.references) {
    if (reference.isWrite() && reference.writeExpr && reference.identifier !== def.name) writes.push(reference.writeExpr);
  }
  if (!writes.every(collect) || creations.length === 0) return null;
  const containers = creations.map((creation) => describeContainer(file, creation)!);
  if (containers.some((container) => container.strong !== containers[0]!.strong || container.stringKeys !== containers[0]!.stringKeys)) return null;
  return {
    ...outer,
    ...containers[0]!,
    display: `${containers[0]!.display} inside ${outer.display} \`${outer.name}\``,
    variable: null,
    declarator: null,
    defaulted: false,
    name: inner.name,
    creation: creations[0]!,
    operations: innerOperations.map((entry) => entry.operation as CacheOperation),
    key,
    within: outer.name,
  };
}

/**
 * Does `value` hold what the original returned: a call of it with `this`, a local variable assigned
 * from one, or a local container that stores such results (`outer.set(this, inner)`)?
 */
function holdsResult(
  file: FileContext,
  replacement: FunctionNode,
  originals: ReadonlySet<Variable>,
  value: Node,
  depth: number,
  operations: ReadonlyMap<Variable | Node, readonly FoundOperation[]>,
  isResult: (value: Node | null, depth: number) => boolean,
): boolean {
  if (callsOriginalWithThis(file, replacement, originals, value)) return true;
  let expression = unwrapExpression(value);
  // `outer.set(k, (inner = new Map()))`: what is stored is the local `inner`
  if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') expression = unwrapExpression(expression.left);
  // A results record: `cache.set(key, { data: result, maxAge })`, `[result, time]`: one of its parts is
  // the original's result itself (not a container that holds results, such as a per-instance map).
  const parts =
    expression.type === AST_NODE_TYPES.ObjectExpression
      ? expression.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : []))
      : expression.type === AST_NODE_TYPES.ArrayExpression
        ? expression.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? [element] : []))
        : null;
  if (parts) return parts.some((part) => isDirectResult(file, replacement, originals, part, 0));
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || !isInside(def.node, replacement)) return false;
  const writes: Node[] = [];
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    writes.push(def.node.init);
  }
  for (const reference of variable.references) {
    if (reference.isWrite() && reference.writeExpr && reference.identifier !== def.name) writes.push(reference.writeExpr);
  }
  if (writes.some((write) => isResult(write, depth + 1))) return true;
  return (operations.get(variable) ?? []).some((entry) => entry.store && isResult(entry.value, depth + 1));
}

/** The original's result, directly or through local variables assigned it (`const result = original.apply(this, a)`). */
function isDirectResult(file: FileContext, replacement: FunctionNode, originals: ReadonlySet<Variable>, value: Node, depth: number): boolean {
  if (callsOriginalWithThis(file, replacement, originals, value)) return true;
  const expression = unwrapExpression(value);
  if (expression.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || !isInside(def.node, replacement)) return false;
  const writes: Node[] = [];
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) writes.push(def.node.init);
  for (const reference of variable.references) {
    if (reference.isWrite() && reference.writeExpr && reference.identifier !== def.name) writes.push(reference.writeExpr);
  }
  return writes.some((write) => isDirectResult(file, replacement, originals, write, depth + 1));
}

interface FoundOperation {
  /** What groups operations on one container: its binding, or the creation an option leads to. */
  readonly holder: Variable | Node;
  /** The binding the operation names (`cache.get(k)`); `null` for `config.cache.get(k)`. */
  readonly variable: Variable | null;
  /** The creation found by following options and defaults (`config.cache` → `new Map()`), when read that way. */
  readonly creation: TSESTree.Expression | null;
  /** A binding declared inside the replacement (a per-call local): never the cache itself. */
  readonly local: boolean;
  /** Where the container lives when that is not where it is created: the object a lazy slot is on (`target`). */
  readonly anchor?: Node;
  readonly operation: Omit<CacheOperation, 'shape'> & { readonly shape: KeyShape | null };
  readonly store: boolean;
  /** The stored value (`set`'s second argument, the assigned expression). */
  readonly value: Node | null;
}

/** `cache.get(k)`, `cache.set(k, v)`, `cache[k]`, `cache[k] = v`, `k in cache`, also on `config.cache`. */
function readOperation(file: FileContext, replacement: FunctionNode, search: CacheSearch, node: Node): FoundOperation | null {
  const shapeOf = (key: Node): KeyShape | null => getKeyShape(file, replacement, key, 0, search.bindings ?? null);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(node.callee);
    // `applyAndCache(this, original, args, cache, key)`: a same-file helper stores a call's result in the container it is given
    const stored = callee.type === AST_NODE_TYPES.Identifier ? getBoundStore(file, node) : null;
    const storeHolder = stored && resolveHolder(file, replacement, search, stored.container);
    if (stored && storeHolder) {
      return { ...storeHolder, operation: { method: stored.method, node, key: stored.key, shape: shapeOf(stored.key) }, store: true, value: node };
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getStaticMemberName(callee);
    const key = node.arguments[0];
    if (method === null || !KEYED_METHODS.has(method) || !key) return null;
    const holder = resolveHolder(file, replacement, search, callee.object);
    if (!holder) return null;
    return {
      ...holder,
      operation: { method, node, key, shape: shapeOf(key) },
      store: STORE_METHODS.has(method),
      value: method === 'set' ? (node.arguments[1] ?? null) : null,
    };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) {
    const holder = resolveHolder(file, replacement, search, node.object);
    if (!holder) return null;
    const use = outermostWrapper(node);
    const store = use.parent?.type === AST_NODE_TYPES.AssignmentExpression && use.parent.left === use;
    return {
      ...holder,
      operation: { method: '[]', node, key: node.property, shape: shapeOf(node.property) },
      store,
      value: store ? (use.parent as TSESTree.AssignmentExpression).right : null,
    };
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in') {
    const holder = resolveHolder(file, replacement, search, node.right);
    if (!holder) return null;
    return {
      ...holder,
      operation: { method: 'in', node, key: node.left, shape: shapeOf(node.left) },
      store: false,
      value: null,
    };
  }
  return null;
}

/**
 * The container an operation's object denotes: a binding declared outside the replacement whose
 * creation `cacheSource` reads, or else the creation that following the options and defaults leads
 * to (`config.cache`, `memoized.cache`, a helper's `cache` parameter bound to the caller's
 * `opts.cache ?? new Map()`). A binding of the replacement itself is kept as a local.
 */
function resolveHolder(
  file: FileContext,
  replacement: FunctionNode,
  search: CacheSearch,
  object: Node,
): Pick<FoundOperation, 'holder' | 'variable' | 'creation' | 'local' | 'anchor'> | null {
  const expression = unwrapExpression(object);
  let variable: Variable | null = null;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    variable = file.findVariable(expression);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    const local = isInside(def.node, replacement);
    if (!local && (!search.bindings?.has(variable) && cacheSource(variable) !== null)) {
      return { holder: variable, variable, creation: null, local: false };
    }
    const evaluated = followToCreation(file, replacement, search, expression);
    if (evaluated) return { holder: evaluated, variable: local ? null : variable, creation: evaluated, local: false };
    // `const cache = target[slot] || (target[slot] = new Map())`
    const init = local && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name ? def.node.init : null;
    const slot = init ? lazySlotOf(file, replacement, init) : null;
    if (slot) return { holder: slot.creation, variable: null, creation: slot.creation, local: false, anchor: slot.anchor };
    return { holder: variable, variable, creation: null, local };
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  const evaluated = followToCreation(file, replacement, search, expression);
  if (evaluated) return { holder: evaluated, variable: null, creation: evaluated, local: false };
  const slot = lazySlot(file, replacement, expression);
  return slot ? { holder: slot.creation, variable: null, creation: slot.creation, local: false, anchor: slot.anchor } : null;
}

/** `slot || (slot = new Map())`, `slot ??= new Map()`: the lazy slot a local reads its container from. */
function lazySlotOf(file: FileContext, replacement: FunctionNode, init: Node): { creation: TSESTree.Expression; anchor: Node } | null {
  const expression = unwrapExpression(init);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && (expression.operator === '||' || expression.operator === '??')) {
    const left = unwrapExpression(expression.left);
    return left.type === AST_NODE_TYPES.MemberExpression ? lazySlot(file, replacement, left) : null;
  }
  if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.MemberExpression) {
    return lazySlot(file, replacement, expression.left);
  }
  return null;
}

/**
 * A container the replacement creates on first use and keeps in a slot of an object declared outside
 * it (`target[slot] = new Map()` on the decorator's `target`, the prototype): one container for
 * every instance, living where that object lives. `null` for slots on `this` (per instance).
 */
function lazySlot(file: FileContext, replacement: FunctionNode, member: TSESTree.MemberExpression): { creation: TSESTree.Expression; anchor: Node } | null {
  let root: Node = member;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return null; // `this[slot]`: per instance
  const owner = file.findVariable(root);
  const def = owner?.defs.length === 1 ? owner.defs[0] : undefined;
  if (!owner || !def || isInside(def.node, replacement) || isThisOf(file, replacement, root)) return null;
  const text = file.sourceCode.getText(member);
  let creation: TSESTree.Expression | null = null;
  walk(file, replacement.body, (node) => {
    if (creation) return false;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      ['=', '??=', '||='].includes(node.operator) &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      file.sourceCode.getText(node.left) === text &&
      describeContainer(file, node.right)
    ) {
      creation = node.right;
    }
    return true;
  });
  return creation ? { creation, anchor: def.name } : null;
}

/** The container creation an expression leads to for a caller that passes no options, outside the replacement. */
function followToCreation(file: FileContext, replacement: FunctionNode, search: CacheSearch, node: Node): TSESTree.Expression | null {
  const value = evaluateDefault(file, node, search.bindings ?? null);
  if (value === null || value === ABSENT || isInside(value, replacement)) return null;
  const creation = value as TSESTree.Expression;
  return describeContainer(file, creation) ? creation : null;
}

function describeCache(
  file: FileContext,
  definition: FunctionNode,
  search: CacheSearch,
  replacement: FunctionNode,
  found: FoundOperation,
  operations: readonly CacheOperation[],
): MemoizerCache | null {
  const { variable } = found;
  // Reached through options (`config.cache`): judged by the default creation, which a caller may replace.
  const source = found.creation
    ? { creation: found.creation, anchor: found.anchor ?? (found.creation as Node), declarator: null, defaulted: true }
    : variable && cacheSource(variable);
  if (!source) return null;
  const { declarator, defaulted } = source;
  let creation = source.creation;
  let scope = getCacheScope(file, definition, search, source.anchor);
  const metadataCreation = declarator?.init ? getMetadataCreation(file, search, declarator.init) : null;
  if (metadataCreation) {
    creation = metadataCreation;
    scope = 'class-metadata';
  }
  if (!scope) return null;
  const container = describeContainer(file, creation);
  if (!container) return null;
  const shapes = new Set(operations.map((operation) => operation.shape));
  if (shapes.size !== 1) return null;
  const usesOutsideReplacement: Node[] = [];
  let reassigned = false;
  for (const reference of variable?.references ?? []) {
    if (reference.init) continue;
    if (reference.isWrite()) reassigned = true;
    if (!isInside(reference.identifier, replacement)) usesOutsideReplacement.push(reference.identifier);
  }
  const object = operations[0]!.node.type === AST_NODE_TYPES.BinaryExpression ? null : cacheObject(operations[0]!.node);
  return {
    variable,
    declarator,
    defaulted,
    singleSlot: false,
    name: variable?.name ?? (object ? file.sourceCode.getText(object) : 'cache'),
    creation,
    ...container,
    scope,
    operations,
    key: [...shapes][0]!,
    usesOutsideReplacement,
    reassigned,
    within: null,
  };
}

/** The object of an operation: `cache` of `cache.get(k)` / `cache[k]`. */
function cacheObject(node: Node): Node | null {
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) return node.callee.object;
  if (node.type === AST_NODE_TYPES.MemberExpression) return node.object;
  return null;
}

/**
 * Where a cache binding gets its container: `const cache = new Map()`; a default of an option
 * (`const cache = opts.cache || new Map()`, `opts.cache ?? {}`, `const { cache = new Map() } = opts`,
 * a parameter `{ cache = new Map() } = {}`). `anchor` is the node whose function runs the creation.
 */
function cacheSource(
  variable: Variable,
): { creation: TSESTree.Expression; anchor: Node; declarator: TSESTree.VariableDeclarator | null; defaulted: boolean } | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  const name = def.name as Node;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const declarator = def.node;
    if (declarator.id === name) {
      const init = unwrapExpression(declarator.init!);
      if (init.type === AST_NODE_TYPES.LogicalExpression && (init.operator === '||' || init.operator === '??')) {
        return { creation: init.right, anchor: declarator, declarator, defaulted: true };
      }
      return { creation: declarator.init!, anchor: declarator, declarator, defaulted: false };
    }
    const pattern = name.parent;
    if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name) {
      return { creation: pattern.right, anchor: declarator, declarator, defaulted: true };
    }
    return null;
  }
  if (def.type === 'Parameter') {
    const pattern = name.parent;
    if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name) {
      return { creation: pattern.right, anchor: pattern, declarator: null, defaulted: true };
    }
  }
  return null;
}

function describeContainer(
  file: FileContext,
  creation: TSESTree.Expression,
): Pick<MemoizerCache, 'display' | 'strong' | 'kind' | 'stringKeys'> | null {
  const strong = getStrongContainer(file, creation);
  if (strong) return { display: strong.kind.display, strong: true, kind: strong.kind, stringKeys: false };
  const expression = unwrapExpression(creation);
  if (isWeakContainer(file, expression) && expression.type === AST_NODE_TYPES.NewExpression) {
    const callee = expression.callee as TSESTree.Identifier;
    if (callee.name === 'WeakMap' || callee.name === 'WeakSet') {
      return { display: callee.name, strong: false, kind: null, stringKeys: false };
    }
    return null;
  }
  const isEmptyObject = expression.type === AST_NODE_TYPES.ObjectExpression && expression.properties.length === 0;
  const isNullPrototype =
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    expression.callee.object.type === AST_NODE_TYPES.Identifier &&
    expression.callee.object.name === 'Object' &&
    file.isGlobalReference(expression.callee.object, 'Object') &&
    getStaticMemberName(expression.callee) === 'create' &&
    expression.arguments.length === 1 &&
    expression.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    expression.arguments[0].value === null;
  if (isEmptyObject || isNullPrototype) return { display: 'plain object', strong: true, kind: null, stringKeys: true };
  return null;
}

/** Where a container declared outside the replacement is created, or `null` when that is not a place this analysis knows. */
function getCacheScope(
  file: FileContext,
  definition: FunctionNode,
  search: CacheSearch,
  anchor: Node,
): CacheScope | null {
  const owner = enclosingFunction(anchor);
  if (owner === search.decorator) return search.form === 'wrapper' ? 'wrapper' : 'decorator';
  if (owner === definition) return 'factory';
  if (owner === null && isModuleLevelScope(file.sourceCode.getScope(anchor), anchor)) return 'module';
  // A helper analysed at a call: the container comes from the caller (`memoize(original, resolver, cache)`).
  if (search.caller) return getCacheScope(file, search.caller.definition, search.caller.search, anchor);
  return null;
}

/** `context.metadata[k] ??= new Map()` and friends: the container creation, when the holder is the class metadata. */
function getMetadataCreation(file: FileContext, search: CacheSearch, init: TSESTree.Expression): TSESTree.Expression | null {
  if (!search.context) return null;
  const expression = unwrapExpression(init);
  let holder: Node | null = null;
  let created: Node | null = null;
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
    holder = expression.left;
    created = expression.right;
  } else if (expression.type === AST_NODE_TYPES.LogicalExpression) {
    const right = unwrapExpression(expression.right);
    holder = expression.left;
    created = right.type === AST_NODE_TYPES.AssignmentExpression ? right.right : right;
  }
  if (!holder || !created || !isMetadataMember(file, search.context, holder)) return null;
  return describeContainer(file, created as TSESTree.Expression) ? (created as TSESTree.Expression) : null;
}

function isMetadataMember(file: FileContext, context: Variable, node: Node): boolean {
  for (let current = unwrapExpression(node); current.type === AST_NODE_TYPES.MemberExpression; ) {
    const object = unwrapExpression(current.object);
    if (
      getStaticMemberName(current) === 'metadata' &&
      object.type === AST_NODE_TYPES.Identifier &&
      file.findVariable(object) === context
    ) {
      return true;
    }
    current = object;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// `this` and keys

/** Is `node` the `this` of `fn` (through arrows), or a never-reassigned alias of it declared in `fn`? */
export function isThisOf(file: FileContext, fn: FunctionNode, node: Node): boolean {
  const expression = unwrapExpression(node);
  fn = thisFunctionOf(fn);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return thisOwner(expression) === fn;
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) {
    return false;
  }
  const init = unwrapExpression(def.node.init);
  return (
    init.type === AST_NODE_TYPES.ThisExpression &&
    thisOwner(init) === fn &&
    !variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)
  );
}

/**
 * The function whose `this` `fn` sees: `fn` itself, or for an arrow (installed on the instance by an
 * `addInitializer` callback: `this[name] = (…) => …`) the function around it that owns its `this`.
 */
function thisFunctionOf(fn: FunctionNode): FunctionNode {
  return fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? (thisOwner(fn) ?? fn) : fn;
}

/** The key's relation to `this`; `null` when it is derived from the instance in a way the analysis cannot judge. */
function getKeyShape(file: FileContext, fn: FunctionNode, key: Node, depth = 0, bindings: Bindings | null = null): KeyShape | null {
  const expression = unwrapExpression(key);
  if (isThisOf(file, fn, expression)) return 'this';
  if ((expression.type === AST_NODE_TYPES.ConditionalExpression || expression.type === AST_NODE_TYPES.LogicalExpression) && depth < 3) {
    // `keyResolver ? keyResolver(...args) : JSON.stringify(args)`: the key of a caller that passes no options.
    const value = evaluateDefault(file, expression, bindings);
    if (value !== null && value !== ABSENT && value !== expression) return getKeyShape(file, fn, value, depth + 1, bindings);
  }
  if (expression.type === AST_NODE_TYPES.ArrayExpression || expression.type === AST_NODE_TYPES.ObjectExpression) {
    const parts =
      expression.type === AST_NODE_TYPES.ArrayExpression
        ? expression.elements
        : expression.properties.map((property) =>
            property.type === AST_NODE_TYPES.Property ? property.value : property,
          );
    if (parts.some((part) => part && isThisOf(file, fn, part))) return 'contains-this';
  }
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const variable = file.findVariable(expression);
    if (variable && variable.defs.length === 1 && isInside(variable.defs[0]!.node, fn)) {
      const def = variable.defs[0]!;
      if (def.type === 'Parameter') return 'ignores-this';
      const writes: Node[] = [];
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
        writes.push(def.node.init);
      } else if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id !== def.name) {
        return mentionsThis(file, fn, def.node.init ?? def.node) ? null : 'ignores-this';
      }
      for (const reference of variable.references) {
        // (a write in a branch that a caller passing no options never takes does not count: `if (keyResolver) key = …`)
        if (reference.isWrite() && reference.writeExpr && reference.identifier !== def.name && mayRunByDefault(file, reference.identifier, fn, bindings)) {
          writes.push(reference.writeExpr);
        }
      }
      const shapes = new Set(writes.map((write) => getKeyShape(file, fn, write, depth + 1, bindings)));
      return shapes.size === 1 ? [...shapes][0]! : shapes.size === 0 ? 'ignores-this' : null;
    }
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const keyFunction = getKeyFunction(file, expression, bindings);
    if (keyFunction) {
      // `hash.apply(this, args)` with `hash` defaulting to `JSON.stringify`-like code: judged by the default.
      if (returnsOwnThis(file, keyFunction)) return 'this';
      if (usesOwnThis(file, keyFunction)) return null; // a key derived from the instance
      return expression.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isThisOf(file, fn, argument) && !isCallReceiver(expression, argument))
        ? null
        : 'ignores-this';
    }
  }
  return mentionsThis(file, fn, expression) ? null : 'ignores-this';
}

/**
 * The function a key call runs: `hash(...args)`, `hash.apply(this, args)`, `hash.call(this, a)`, where
 * `hash` is a function of the file, or a binding whose default is one (`{ hash = defaultHash } = opts`,
 * `opts.hash || defaultHash`): a caller that passes no key function gets the default.
 */
function getKeyFunction(file: FileContext, call: TSESTree.CallExpression, bindings: Bindings | null): FunctionNode | null {
  let callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && ['apply', 'call'].includes(getStaticMemberName(callee) ?? '')) {
    callee = unwrapExpression(callee.object);
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  // A helper's parameter bound at a call, or a default reached through options (`config.resolver ?? byFirst`).
  const evaluated = evaluateDefault(file, callee, bindings);
  if (evaluated !== null && evaluated !== ABSENT && isFunctionNode(evaluated)) return evaluated;
  const variable = file.findVariable(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  let value: Node | null = null;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const pattern = (def.name as Node).parent;
  if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def.name) value = pattern.right;
  else if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    const init = unwrapExpression(def.node.init);
    value = init.type === AST_NODE_TYPES.LogicalExpression && (init.operator === '||' || init.operator === '??') ? init.right : init;
  }
  if (!value) return null;
  const resolved = unwrapExpression(value);
  if (isFunctionNode(resolved)) return resolved;
  if (resolved.type !== AST_NODE_TYPES.Identifier) return null;
  const target = file.findVariable(resolved)?.defs[0];
  if (target?.node.type === AST_NODE_TYPES.FunctionDeclaration) return target.node;
  if (target?.node.type === AST_NODE_TYPES.VariableDeclarator && target.node.init) {
    const init = unwrapExpression(target.node.init);
    return isFunctionNode(init) ? init : null;
  }
  return null;
}

/** `this` as the receiver argument of `.apply(this, …)` / `.call(this, …)`: the key function's `this`, judged through it. */
function isCallReceiver(call: TSESTree.CallExpression, argument: Node): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    ['apply', 'call'].includes(getStaticMemberName(callee) ?? '') &&
    call.arguments[0] === argument
  );
}

/** Does the expression use `fn`'s `this`, directly or through a local variable of `fn`? */
function mentionsThis(file: FileContext, fn: FunctionNode, node: Node, depth = 0): boolean {
  let found = false;
  const owner = thisFunctionOf(fn);
  walk(file, node, (child) => {
    if (found) return false;
    if (child.type === AST_NODE_TYPES.ThisExpression && thisOwner(child) === owner) found = true;
    else if (child.type === AST_NODE_TYPES.Identifier && depth < 3) {
      const variable = file.findVariable(child);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (
        variable &&
        def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
        def.name !== child &&
        isInside(def.node, fn) &&
        def.node.init &&
        mentionsThis(file, fn, def.node.init, depth + 1)
      ) {
        found = true;
      }
    }
    return !found;
  });
  return found;
}

/** `original.apply(this, …)`, `original.call(this, …)`, `Reflect.apply(original, this, …)`, `original.bind(this)`. */
export function callsOriginalWithThis(
  file: FileContext,
  replacement: FunctionNode,
  originals: ReadonlySet<Variable>,
  root: Node = replacement.body,
): boolean {
  const isOriginal = (node: Node | undefined): boolean => {
    const expression = node && unwrapExpression(node);
    if (expression?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = file.findVariable(expression);
    return variable !== null && originals.has(variable);
  };
  let found = false;
  walk(file, root, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // a same-file helper that returns the result of calling its function parameter with its receiver parameter
      const forwarded = getBoundForward(file, node);
      found = forwarded !== null && isOriginal(forwarded.callee) && isThisOf(file, replacement, forwarded.receiver);
      return !found;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
    const method = getStaticMemberName(callee);
    const [first, second] = node.arguments;
    if ((method === 'apply' || method === 'call' || method === 'bind') && isOriginal(callee.object)) {
      found = first !== undefined && isThisOf(file, replacement, first);
    } else if (
      method === 'apply' &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Reflect' &&
      file.isGlobalReference(callee.object, 'Reflect') &&
      isOriginal(first)
    ) {
      found = second !== undefined && isThisOf(file, replacement, second);
    }
    return !found;
  });
  return found;
}

/** The replacement keeps its state on the instance: `this.x = …`, `this[sym] = …`, `Object.defineProperty(this, …)`. */
export function storesOnThis(file: FileContext, replacement: FunctionNode): boolean {
  let found = false;
  walk(file, replacement.body, (node) => {
    if (found) return false;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      isThisOf(file, replacement, node.left.object)
    ) {
      found = true;
    } else if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.object.type === AST_NODE_TYPES.Identifier &&
      (node.callee.object.name === 'Object' || node.callee.object.name === 'Reflect') &&
      getStaticMemberName(node.callee) === 'defineProperty' &&
      node.arguments[0] !== undefined &&
      isThisOf(file, replacement, node.arguments[0])
    ) {
      found = true;
    }
    return !found;
  });
  return found;
}
