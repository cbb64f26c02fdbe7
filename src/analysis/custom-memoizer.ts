import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, isFunctionNode, outermostWrapper, unwrapExpression } from './ast.js';
import { getStrongContainer, isWeakContainer, type StrongContainerKind } from './containers.js';
import { isModuleLevelScope, type FileContext } from './file-context.js';
import { getSlotInstance } from './instance.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** A function that can be a decorator, a decorator factory, a wrapper or a replacement method. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * How a hand-written memoizer installs its replacement:
 * - `legacy-decorator`: `(target, key, descriptor)` that assigns `descriptor.value` / `descriptor.get`
 *   (TypeScript `experimentalDecorators`, Babel legacy);
 * - `standard-decorator`: TC39 `(value, context)` that returns the replacement;
 * - `wrapper`: `memoize(fn)` that returns a function forwarding its `this` to `fn`.
 */
export type MemoizerForm = 'legacy-decorator' | 'standard-decorator' | 'wrapper';

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

/** What the shared cache does to the program. */
export type MemoizerConsequence =
  /** A strong container holds the instance in its key: every instance ever called stays in memory. */
  | 'pins-instances'
  /** The key ignores `this` while the original is called with it: instance B receives instance A's result. */
  | 'cross-instance-results';

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
  readonly variable: Variable;
  /** `const cache = new Map()` (the declarator). */
  readonly declarator: TSESTree.VariableDeclarator;
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
  readonly scope: CacheScope;
  /** The operations inside the replacement, in source order. */
  readonly operations: readonly CacheOperation[];
  /** The shape common to every operation's key. */
  readonly key: KeyShape;
  /** References to the container outside the replacement (other than its declaration). */
  readonly usesOutsideReplacement: readonly Node[];
  /** The binding is assigned again after its declaration. */
  readonly reassigned: boolean;
}

/** The facts about one hand-written memoizer. */
export interface CustomMemoizer {
  /** The function analysed: the decorator, the decorator factory, or the wrapper. */
  readonly definition: FunctionNode;
  /** Its name (declaration, variable or property), for messages; `null` if anonymous. */
  readonly name: string | null;
  readonly form: MemoizerForm;
  /** `definition` is a factory (`Memo(options)`) that returns the decorator. */
  readonly factory: boolean;
  /** The decorator (the factory's returned function, or `definition` itself). */
  readonly decorator: FunctionNode;
  /** The function that replaces the method (installed on the prototype). */
  readonly replacement: FunctionNode | null;
  /** Legacy decorators: which descriptor slot is replaced; `null` otherwise. */
  readonly slot: 'value' | 'get' | null;
  /**
   * `shared`: one cache serves every instance (a decorator's cache is created once per class);
   * `per-instance`: each instance has its own (WeakMap keyed by `this`, state on `this`, `addInitializer`);
   * `per-wrapped-function`: a wrapper's cache lives as long as what it wraps: shared exactly when
   * the wrapped method is (see `sharedUse`).
   */
  readonly storage: 'shared' | 'per-instance' | 'per-wrapped-function';
  /** The replacement calls the original with its own `this` (`original.apply(this, args)`). */
  readonly forwardsThis: boolean;
  /** The shared cache; `null` for per-instance designs. */
  readonly cache: MemoizerCache | null;
  /** What sharing the cache does; `null` when nothing goes wrong. */
  readonly consequence: MemoizerConsequence | null;
  /**
   * Wrappers: the first use in this file that installs the wrapper's result where every instance
   * shares it (`@wrap` on a method, `descriptor.value = wrap(original)`, `X.prototype.m = wrap(…)`);
   * `null` when no such use is visible. Always `null` for decorators.
   */
  readonly sharedUse: Node | null;
  /**
   * Wrappers: references in this file that are not such shared uses (per-instance calls, plain
   * calls, exports, passing the wrapper on). Empty for decorators.
   */
  readonly otherUses: readonly Node[];
}

/** A use site of a hand-written memoizer, resolved to its definition in the same file. */
export interface CustomMemoizerUse {
  readonly memoizer: CustomMemoizer;
  /** `@cached` / `@wrap`; `@Memo()`; `wrap(fn)`. */
  readonly use: 'decorator' | 'decorator-factory' | 'wrapper-call';
}

const CONTEXT_MEMBERS = new Set(['kind', 'name', 'addInitializer', 'metadata', 'static', 'private', 'access']);
const KEYED_METHODS = new Set(['get', 'set', 'has', 'delete', 'add', 'peek']);
const STORE_METHODS = new Set(['set', 'add']);

/**
 * Analyses a function of the file as a hand-written memoizer: a legacy or TC39 method/getter
 * decorator, a decorator factory, or a `this`-forwarding wrapper. Returns `null` when the function
 * is none of these, or when the analysis cannot decide where its cache lives or what its key is
 * (callers must then stay silent). Results are memoized per file.
 */
export function analyzeCustomMemoizer(file: FileContext, fn: FunctionNode): CustomMemoizer | null {
  return file.cached('customMemoizer', fn, () => computeMemoizer(file, fn));
}

/**
 * Resolves a use site to the memoizer defined in this file: a `Decorator` node or its expression
 * (`@cached`, `@Memo()`), or a call (`wrap(fn)`). `null` when the callee is not a function of this
 * file that `analyzeCustomMemoizer` understands.
 */
export function resolveCustomMemoizer(file: FileContext, node: Node): CustomMemoizerUse | null {
  const isDecorator = node.type === AST_NODE_TYPES.Decorator || node.parent?.type === AST_NODE_TYPES.Decorator;
  const expression = unwrapExpression(node.type === AST_NODE_TYPES.Decorator ? node.expression : node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const definition = resolveFunction(file, expression.callee);
    const memoizer = definition && analyzeCustomMemoizer(file, definition);
    if (!memoizer) return null;
    if (memoizer.factory) return isDecorator ? { memoizer, use: 'decorator-factory' } : null;
    return memoizer.form === 'wrapper' && !isDecorator ? { memoizer, use: 'wrapper-call' } : null;
  }
  if (!isDecorator) return null;
  const definition = resolveFunction(file, expression);
  const memoizer = definition && analyzeCustomMemoizer(file, definition);
  return memoizer && !memoizer.factory ? { memoizer, use: 'decorator' } : null;
}

/** The function a callee or decorator expression denotes, when it is declared in this file and never reassigned. */
export function resolveFunction(file: FileContext, node: Node): FunctionNode | null {
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return null;
    const init = unwrapExpression(def.node.init);
    return isFunctionNode(init) ? init : null;
  }
  return null;
}

/** The name a function is known by in this file. */
export function getFunctionName(fn: FunctionNode): string | null {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = outermostWrapper(fn).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.Property && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Shapes

interface Candidate {
  readonly form: MemoizerForm;
  readonly decorator: FunctionNode;
  readonly replacement: FunctionNode | null;
  readonly slot: 'value' | 'get' | null;
  /** Bindings that denote the original method inside the replacement. */
  readonly originals: ReadonlySet<Variable>;
  /** TC39: the `context` parameter. */
  readonly context: Variable | null;
}

function computeMemoizer(file: FileContext, fn: FunctionNode): CustomMemoizer | null {
  const direct = findShape(file, fn, false);
  if (direct) return judge(file, fn, direct, false);
  // A factory: `Memo(options)` returns a decorator.
  for (const returned of returnedFunctions(file, fn)) {
    const inner = findShape(file, returned, true);
    if (inner && inner.form !== 'wrapper') return judge(file, fn, inner, true);
  }
  return null;
}

function findShape(file: FileContext, fn: FunctionNode, inFactory: boolean): Candidate | null {
  const [first, second, third] = fn.params;
  if (third?.type === AST_NODE_TYPES.Identifier) return findLegacyShape(file, fn, third);
  if (first?.type !== AST_NODE_TYPES.Identifier) return null;
  const value = file.findVariable(first);
  if (!value) return null;
  const context = second?.type === AST_NODE_TYPES.Identifier ? file.findVariable(second) : null;
  const isStandard = context !== null && (isDecoratorContext(second as TSESTree.Identifier, context) || inFactory);
  if (!isStandard && inFactory) return null;
  const form: MemoizerForm = isStandard ? 'standard-decorator' : 'wrapper';
  const replacements = returnedFunctions(file, fn).filter((returned) => returned.type !== AST_NODE_TYPES.ArrowFunctionExpression);
  if (replacements.length === 0) {
    // `context.addInitializer(function () { … this … })` and no replacement: per instance by construction.
    if (isStandard && usesAddInitializer(context)) {
      return { form, decorator: fn, replacement: null, slot: null, originals: new Set([value]), context };
    }
    return null;
  }
  if (replacements.length > 1) return null;
  return { form, decorator: fn, replacement: replacements[0]!, slot: null, originals: new Set([value]), context };
}

/** `(target, key, descriptor)` that assigns `descriptor.value` or `descriptor.get` a function. */
function findLegacyShape(file: FileContext, fn: FunctionNode, descriptorParam: TSESTree.Identifier): Candidate | null {
  const descriptor = file.findVariable(descriptorParam);
  if (!descriptor) return null;
  const originals = new Set<Variable>();
  let replacement: FunctionNode | null = null;
  let slot: 'value' | 'get' | null = null;
  let ambiguous = false;
  for (const reference of descriptor.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const name = getStaticMemberName(member);
    if (name !== 'value' && name !== 'get') continue;
    const use = outermostWrapper(member);
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === use && parent.operator === '=') {
      if (enclosingFunction(parent) !== fn) continue;
      const assigned = resolveLocalFunction(file, parent.right);
      if (!assigned || assigned.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        ambiguous = true;
        continue;
      }
      if (replacement && replacement !== assigned) ambiguous = true;
      replacement = assigned;
      slot = name;
    } else if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === use &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const original = file.findVariable(parent.id);
      if (original) originals.add(original);
    }
  }
  // `const { value: original } = descriptor` / `const { get } = descriptor`
  for (const reference of descriptor.references) {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== reference.identifier) continue;
    if (parent.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of parent.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
      if ((key === 'value' || key === 'get') && property.value.type === AST_NODE_TYPES.Identifier) {
        const original = file.findVariable(property.value);
        if (original) originals.add(original);
      }
    }
  }
  if (!replacement || ambiguous || originals.size === 0) return null;
  return { form: 'legacy-decorator', decorator: fn, replacement, slot, originals, context: null };
}

/** Is this parameter used as a TC39 decorator context (`context.kind`, `.addInitializer`, a `Class…DecoratorContext` type)? */
function isDecoratorContext(param: TSESTree.Identifier, variable: Variable): boolean {
  const type = param.typeAnnotation?.typeAnnotation;
  if (
    type?.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    /^Class(Method|Getter|Member|Accessor)DecoratorContext$|^DecoratorContext$/u.test(type.typeName.name)
  ) {
    return true;
  }
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier &&
      CONTEXT_MEMBERS.has(getStaticMemberName(parent) ?? '')
    );
  });
}

function usesAddInitializer(context: Variable | null): boolean {
  return (context?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(member) !== 'addInitializer') return false;
    const call = member.parent;
    const callback = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
    return callback?.type === AST_NODE_TYPES.FunctionExpression;
  });
}

/** Functions a function returns: `return function …`, `return name` (a local function), an arrow's body. */
function returnedFunctions(file: FileContext, fn: FunctionNode): FunctionNode[] {
  const results: FunctionNode[] = [];
  const add = (expression: Node | null | undefined): void => {
    const returned = expression ? resolveLocalFunction(file, expression) : null;
    if (returned && !results.includes(returned)) results.push(returned);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    add(fn.body);
    return results;
  }
  walk(file, fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) add(node.argument);
    return true;
  });
  return results;
}

/** A function expression, or an identifier bound to a function declared in the same function. */
function resolveLocalFunction(file: FileContext, node: Node): FunctionNode | null {
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const fn = resolveFunction(file, expression);
    return fn && enclosingFunction(fn) === enclosingFunction(expression) ? fn : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Judgement

function judge(file: FileContext, definition: FunctionNode, candidate: Candidate, factory: boolean): CustomMemoizer | null {
  const base = {
    definition,
    name: getFunctionName(definition),
    form: candidate.form,
    factory,
    decorator: candidate.decorator,
    replacement: candidate.replacement,
    slot: candidate.slot,
  };
  const replacement = candidate.replacement;
  if (!replacement) {
    return { ...base, storage: 'per-instance', forwardsThis: false, cache: null, consequence: null, sharedUse: null, otherUses: [] };
  }
  const forwardsThis = callsOriginalWithThis(file, replacement, candidate.originals);
  if (!forwardsThis) return null; // a function that is not a method memoizer, or `this` is lost anyway
  const { sharedUse, otherUses } =
    candidate.form === 'wrapper' ? classifyWrapperUses(file, definition) : { sharedUse: null, otherUses: [] };
  const caches = findCaches(file, definition, candidate, replacement);
  if (caches === null) return null;
  if (caches.length === 0) {
    return storesOnThis(file, replacement)
      ? { ...base, storage: 'per-instance', forwardsThis, cache: null, consequence: null, sharedUse, otherUses }
      : null;
  }
  for (const cache of caches) {
    const consequence = getConsequence(cache);
    if (consequence === undefined) return null;
    if (consequence === null) continue; // a WeakMap keyed by `this`: per instance
    const storage = candidate.form === 'wrapper' && cache.scope === 'wrapper' ? 'per-wrapped-function' : 'shared';
    return { ...base, storage, forwardsThis, cache, consequence, sharedUse, otherUses };
  }
  return { ...base, storage: 'per-instance', forwardsThis, cache: null, consequence: null, sharedUse, otherUses };
}

/** `undefined`: cannot decide; `null`: per instance; otherwise what goes wrong. */
function getConsequence(cache: MemoizerCache): MemoizerConsequence | null | undefined {
  if (cache.stringKeys) return 'cross-instance-results'; // `[object Object]` or the arguments: the same for every instance
  if (cache.key === 'ignores-this') return 'cross-instance-results';
  if (!cache.strong) return cache.key === 'this' ? null : undefined;
  return 'pins-instances';
}

/**
 * The containers the replacement stores results of the original in, declared outside it. `null`
 * when one of them cannot be judged (unknown creation, a key derived from the instance, mixed key
 * shapes).
 */
function findCaches(
  file: FileContext,
  definition: FunctionNode,
  candidate: Candidate,
  replacement: FunctionNode,
): MemoizerCache[] | null {
  const operations = new Map<Variable, FoundOperation[]>();
  walk(file, replacement.body, (node) => {
    const found = readOperation(file, replacement, node);
    if (found && found.variable.defs.length === 1) {
      const list = operations.get(found.variable) ?? [];
      list.push(found);
      operations.set(found.variable, list);
    }
    return true;
  });
  const isResult = (value: Node | null, depth: number): boolean =>
    value !== null && depth < 4 && holdsResult(file, replacement, candidate.originals, value, depth, operations, isResult);
  const caches: MemoizerCache[] = [];
  for (const [variable, found] of operations) {
    if (isInside(variable.defs[0]!.node, replacement)) continue;
    const isCache = found.some(
      (entry) =>
        entry.store &&
        (isResult(entry.value, 0) || (entry.operation.method === 'add' && entry.operation.shape !== 'ignores-this')),
    );
    if (!isCache) continue;
    if (found.some((entry) => entry.operation.shape === null)) return null;
    const cache = describeCache(
      file,
      definition,
      candidate,
      replacement,
      variable,
      found.map((entry) => entry.operation as CacheOperation),
    );
    if (!cache) return null;
    caches.push(cache);
  }
  return caches;
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
  operations: ReadonlyMap<Variable, readonly FoundOperation[]>,
  isResult: (value: Node | null, depth: number) => boolean,
): boolean {
  if (callsOriginalWithThis(file, replacement, originals, value)) return true;
  const expression = unwrapExpression(value);
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

interface FoundOperation {
  readonly variable: Variable;
  readonly operation: Omit<CacheOperation, 'shape'> & { readonly shape: KeyShape | null };
  readonly store: boolean;
  /** The stored value (`set`'s second argument, the assigned expression). */
  readonly value: Node | null;
}

/** `cache.get(k)`, `cache.set(k, v)`, `cache[k]`, `cache[k] = v`, `k in cache` on an identifier. */
function readOperation(file: FileContext, replacement: FunctionNode, node: Node): FoundOperation | null {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const object = unwrapExpression(callee.object);
    const method = getStaticMemberName(callee);
    const key = node.arguments[0];
    if (object.type !== AST_NODE_TYPES.Identifier || method === null || !KEYED_METHODS.has(method) || !key) return null;
    const variable = file.findVariable(object);
    if (!variable) return null;
    return {
      variable,
      operation: { method, node, key, shape: getKeyShape(file, replacement, key) },
      store: STORE_METHODS.has(method),
      value: method === 'set' ? (node.arguments[1] ?? null) : null,
    };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) {
    const object = unwrapExpression(node.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = file.findVariable(object);
    if (!variable) return null;
    const use = outermostWrapper(node);
    const store = use.parent?.type === AST_NODE_TYPES.AssignmentExpression && use.parent.left === use;
    return {
      variable,
      operation: { method: '[]', node, key: node.property, shape: getKeyShape(file, replacement, node.property) },
      store,
      value: store ? (use.parent as TSESTree.AssignmentExpression).right : null,
    };
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in') {
    const object = unwrapExpression(node.right);
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = file.findVariable(object);
    if (!variable) return null;
    return {
      variable,
      operation: { method: 'in', node, key: node.left, shape: getKeyShape(file, replacement, node.left) },
      store: false,
      value: null,
    };
  }
  return null;
}

function describeCache(
  file: FileContext,
  definition: FunctionNode,
  candidate: Candidate,
  replacement: FunctionNode,
  variable: Variable,
  operations: readonly CacheOperation[],
): MemoizerCache | null {
  const def = variable.defs[0]!;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== def.name || !declarator.init) return null;
  let creation: TSESTree.Expression = declarator.init;
  let scope = getCacheScope(file, definition, candidate, declarator);
  const metadataCreation = getMetadataCreation(file, candidate, declarator.init);
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
  for (const reference of variable.references) {
    if (reference.identifier === declarator.id) continue;
    if (reference.isWrite()) reassigned = true;
    if (!isInside(reference.identifier, replacement)) usesOutsideReplacement.push(reference.identifier);
  }
  return {
    variable,
    declarator,
    name: variable.name,
    creation,
    ...container,
    scope,
    operations,
    key: [...shapes][0]!,
    usesOutsideReplacement,
    reassigned,
  };
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
  candidate: Candidate,
  declarator: TSESTree.VariableDeclarator,
): CacheScope | null {
  const owner = enclosingFunction(declarator);
  if (owner === candidate.decorator) return candidate.form === 'wrapper' ? 'wrapper' : 'decorator';
  if (owner === definition) return 'factory';
  if (owner === null && isModuleLevelScope(file.sourceCode.getScope(declarator))) return 'module';
  return null;
}

/** `context.metadata[k] ??= new Map()` and friends: the container creation, when the holder is the class metadata. */
function getMetadataCreation(file: FileContext, candidate: Candidate, init: TSESTree.Expression): TSESTree.Expression | null {
  if (!candidate.context) return null;
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
  if (!holder || !created || !isMetadataMember(file, candidate.context, holder)) return null;
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

/** The key's relation to `this`; `null` when it is derived from the instance in a way the analysis cannot judge. */
function getKeyShape(file: FileContext, fn: FunctionNode, key: Node, depth = 0): KeyShape | null {
  const expression = unwrapExpression(key);
  if (isThisOf(file, fn, expression)) return 'this';
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
        if (reference.isWrite() && reference.writeExpr && reference.identifier !== def.name) writes.push(reference.writeExpr);
      }
      const shapes = new Set(writes.map((write) => getKeyShape(file, fn, write, depth + 1)));
      return shapes.size === 1 ? [...shapes][0]! : shapes.size === 0 ? 'ignores-this' : null;
    }
  }
  return mentionsThis(file, fn, expression) ? null : 'ignores-this';
}

/** Does the expression use `fn`'s `this`, directly or through a local variable of `fn`? */
function mentionsThis(file: FileContext, fn: FunctionNode, node: Node, depth = 0): boolean {
  let found = false;
  walk(file, node, (child) => {
    if (found) return false;
    if (child.type === AST_NODE_TYPES.ThisExpression && thisOwner(child) === fn) found = true;
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
function callsOriginalWithThis(
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
function storesOnThis(file: FileContext, replacement: FunctionNode): boolean {
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

// ---------------------------------------------------------------------------------------------
// Wrapper uses

/** The uses of a wrapper in this file: the first that installs its result where every instance shares it, and the others. */
function classifyWrapperUses(file: FileContext, wrapper: FunctionNode): { sharedUse: Node | null; otherUses: Node[] } {
  const variable = wrapperVariable(file, wrapper);
  let sharedUse: Node | null = null;
  const otherUses: Node[] = [];
  for (const reference of variable?.references ?? []) {
    const identifier = reference.identifier;
    if (reference.init) continue;
    const parent = identifier.parent;
    let shared = false;
    if (parent?.type === AST_NODE_TYPES.Decorator && parent.expression === identifier) {
      const member = parent.parent;
      shared = member?.type === AST_NODE_TYPES.MethodDefinition && !member.static;
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) {
      shared = isSharedSlot(file, parent);
    }
    if (shared) sharedUse ??= parent!;
    else otherUses.push(identifier);
  }
  const declaration = outermostWrapper(wrapper).parent;
  if (
    declaration?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    declaration?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    declaration?.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    otherUses.push(declaration);
  }
  return { sharedUse, otherUses };
}

function wrapperVariable(file: FileContext, wrapper: FunctionNode): Variable | null {
  if (wrapper.type === AST_NODE_TYPES.FunctionDeclaration && wrapper.id) return file.findVariable(wrapper.id);
  const parent = outermostWrapper(wrapper).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return file.findVariable(parent.id);
  }
  return null;
}

function isSharedSlot(file: FileContext, call: TSESTree.CallExpression): boolean {
  const node = outermostWrapper(call);
  const parent = node.parent;
  if (!parent || parent.type === AST_NODE_TYPES.PropertyDefinition) return false; // an instance field: per instance
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
    const left = parent.left;
    if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.Identifier) {
      const slot = getStaticMemberName(left);
      const owner = enclosingFunction(parent);
      const descriptor = owner?.params[2];
      if (
        (slot === 'value' || slot === 'get') &&
        descriptor?.type === AST_NODE_TYPES.Identifier &&
        file.findVariable(left.object) === file.findVariable(descriptor)
      ) {
        return true; // `descriptor.value = wrap(original)` in a legacy decorator
      }
    }
  }
  if (parent.type === AST_NODE_TYPES.ReturnStatement || (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node)) {
    // `return wrap(value)` in a TC39 decorator `(value, context)`
    const owner = enclosingFunction(node);
    const [value, context] = owner?.params ?? [];
    const argument = call.arguments[0];
    if (
      value?.type === AST_NODE_TYPES.Identifier &&
      context?.type === AST_NODE_TYPES.Identifier &&
      argument?.type === AST_NODE_TYPES.Identifier &&
      file.findVariable(argument) === file.findVariable(value)
    ) {
      const contextVariable = file.findVariable(context);
      return contextVariable !== null && isDecoratorContext(context, contextVariable);
    }
    return false;
  }
  return getSlotInstance(file, call, 0) !== null;
}

// ---------------------------------------------------------------------------------------------
// Traversal

/** The nearest function (of any kind) around `node`, or `null` at module level. */
function enclosingFunction(node: Node): FunctionNode | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/** The non-arrow function whose `this` a `this` expression denotes (`null` outside functions, or in class bodies). */
function thisOwner(node: TSESTree.ThisExpression): FunctionNode | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (isFunctionNode(current)) return current;
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      current.type === AST_NODE_TYPES.AccessorProperty
    ) {
      return null;
    }
  }
  return null;
}

export function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Pre-order walk over child nodes; `visit` returns `false` to skip a node's children. */
function walk(file: FileContext, root: Node, visit: (node: Node) => boolean): void {
  const keys = file.sourceCode.visitorKeys;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const childKeys = keys[node.type] ?? [];
    for (let index = childKeys.length - 1; index >= 0; index--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[index]!];
      if (Array.isArray(value)) {
        for (let item = value.length - 1; item >= 0; item--) {
          const child = value[item] as Node | null;
          if (child && typeof child.type === 'string') stack.push(child);
        }
      } else if (value && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
}
