import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression, unwrapIndirectCall } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getSlotInstance } from '../lifetimes/instance.js';
import { followProjectDefinition, isProjectSpecifier } from '../resolve/project-exports.js';
import type { TextTest } from '../resolve/project-modules.js';
import {
  callsOriginalWithThis,
  findCaches,
  storesOnThis,
  type CacheSearch,
  type MemoizerCache,
} from './memoizer-cache.js';
import { findComposedCache, type ComposedCache, type ComposedConsequence } from './composed-memoizer.js';
import { getMemoizerRootNames } from './memoizers.js';
import { enclosingFunction, functionReturns, walk, type FunctionNode } from '../core/traverse.js';
import { FORWARDS_THIS } from './text-checks.js';
import { ABSENT, CALL_VALUE, type Bindings } from '../core/default-values.js';
import { getRequireLiteral } from '../resolve/imports.js';
import { builtProperties, descriptorSlotBindings, getBindingPart, getInstallerEffect, isDescriptorSlots, resolveSameFileFunction, type BuiltProperty } from './helper-effects.js';
import { getRequiredModule, mayNameObjectMember, memberReferences, objectBindingNames, resolveMemberDefinition } from './member-definitions.js';

export type { CacheOperation, CacheScope, KeyShape, MemoizerCache } from './memoizer-cache.js';
export type { ComposedCache } from './composed-memoizer.js';
export { isThisOf } from './memoizer-cache.js';
export { isInside, type FunctionNode } from '../core/traverse.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;


/**
 * How a hand-written memoizer installs its replacement:
 * - `legacy-decorator`: `(target, key, descriptor)` that assigns `descriptor.value` / `descriptor.get`
 *   (TypeScript `experimentalDecorators`, Babel legacy);
 * - `standard-decorator`: TC39 `(value, context)` that returns the replacement;
 * - `wrapper`: `memoize(fn)` that returns a function forwarding its `this` to `fn`.
 */
export type MemoizerForm = 'legacy-decorator' | 'standard-decorator' | 'wrapper';

/** What the shared cache does to the program. */
export type MemoizerConsequence =
  /** A strong container holds the instance in its key: every instance ever called stays in memory. */
  | 'pins-instances'
  /** The key ignores `this` while the original is called with it: instance B receives instance A's result. */
  | 'cross-instance-results';

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
  /** The shared cache; `null` for per-instance designs, and when the cache is a called memoizer's (`composed`). */
  readonly cache: MemoizerCache | null;
  /**
   * The cache of a library memoizer this one applies to the method when it runs (once per decorated
   * method): `descriptor.value = memoizee(original)`. `null` when the memoizer keeps its own cache.
   */
  readonly composed: ComposedCache | null;
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

/**
 * A use site of a hand-written memoizer, resolved to its definition: in the same file, or (typed
 * mode) in another project file that the use imports it from.
 */
export interface CustomMemoizerUse {
  readonly memoizer: CustomMemoizer;
  /** `@cached` / `@wrap`; `@Memo()`; `wrap(fn)`. */
  readonly use: 'decorator' | 'decorator-factory' | 'wrapper-call';
  /** The file the memoizer is defined in (the linted file, or an imported project file). */
  readonly definitionFile: FileContext;
}

const CONTEXT_MEMBERS = new Set(['kind', 'name', 'addInitializer', 'metadata', 'static', 'private', 'access']);

/**
 * Analyses a function of the file as a hand-written memoizer: a legacy or TC39 method/getter
 * decorator, a decorator factory, or a `this`-forwarding wrapper. Returns `null` when the function
 * is none of these, or when the analysis cannot decide where its cache lives or what its key is
 * (callers must then stay silent). Results are memoized per file.
 */
export function analyzeCustomMemoizer(file: FileContext, fn: FunctionNode): CustomMemoizer | null {
  return file.cached('customMemoizer', fn, () => {
    // Summaries compose (a decorator that calls a wrapper that calls …): a function that reaches
    // itself again, directly or through others, is unknown on the inner visit.
    const inProgress = file.cached('customMemoizerInProgress', file.program, () => new Set<FunctionNode>());
    if (inProgress.has(fn)) return null;
    inProgress.add(fn);
    try {
      return computeMemoizer(file, fn);
    } finally {
      inProgress.delete(fn);
    }
  });
}

/**
 * What `no-shared-memoizer-cache` reports of a function of this file: a summary (`analyzeCustomMemoizer`)
 * with a cache shared by every instance: not per instance, and for a wrapper whose cache is one per
 * wrapped function, only with a use here that installs it in a shared slot.
 */
export function isReportedSharedCache(memoizer: CustomMemoizer | null): memoizer is CustomMemoizer {
  if (!memoizer?.consequence || (!memoizer.cache && !memoizer.composed)) return false;
  if (memoizer.storage === 'per-wrapped-function' && !memoizer.sharedUse) return false;
  return memoizer.storage !== 'per-instance';
}

/**
 * `analyzeCustomMemoizer(file, fn)` when `isReportedSharedCache` holds for it, else `null`, without
 * following a composition that cannot be reported: a function whose own shape is a wrapper that composes
 * another memoizer (`return clone(fn, …)`, resolved into the module the callee is imported from) and that
 * no use of this file installs in a shared slot summarises to that wrapper, which is not reported, or,
 * when the composition finds no memoizer, to what its factory levels give. So the factory levels are
 * read first, and the composition is followed (by the whole summary) only when they give a reported one.
 */
export function analyzeReportedSharedCache(file: FileContext, fn: FunctionNode): CustomMemoizer | null {
  const full = (): CustomMemoizer | null => {
    const memoizer = analyzeCustomMemoizer(file, fn);
    return isReportedSharedCache(memoizer) ? memoizer : null;
  };
  if (getWrapperUses(file, fn).sharedUse !== null) return full();
  const inProgress = file.cached('customMemoizerInProgress', file.program, () => new Set<FunctionNode>());
  if (inProgress.has(fn)) return full();
  inProgress.add(fn);
  let unfollowed = false;
  let fromFactory: CustomMemoizer | null = null;
  try {
    const direct = findShape(file, fn, false, fn, false);
    if (direct === UNFOLLOWED) {
      unfollowed = true;
      fromFactory = factoryMemoizer(file, fn);
    } else {
      // the shape the summary starts from (the same search, in the same state): not searched twice
      file.cached('directShape', fn, () => direct);
    }
  } finally {
    inProgress.delete(fn);
  }
  if (!unfollowed || isReportedSharedCache(fromFactory)) return full();
  return null;
}

/**
 * Resolves a use site to the memoizer it names: a `Decorator` node or its expression (`@cached`,
 * `@Memo()`), or a call (`wrap(fn)`). The definition is a function of this file, or, with type
 * information, a function exported by another project file (`import { cached } from '../memo'`).
 * `null` when the callee is not a function that `analyzeCustomMemoizer` understands.
 */
export function resolveCustomMemoizer(file: FileContext, node: Node, asDecorator = false): CustomMemoizerUse | null {
  // `asDecorator`: `node` is applied as a decorator by compiled code (`__decorate([node], Foo.prototype, 'm', null)`)
  const isDecorator = asDecorator || node.type === AST_NODE_TYPES.Decorator || node.parent?.type === AST_NODE_TYPES.Decorator;
  const expression = unwrapExpression(node.type === AST_NODE_TYPES.Decorator ? node.expression : node);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression && !isDecorator) return null;
  // Cheap first: only a name of a module-level function of this file (or, typed, an import from the project).
  if (!mayNameCustomMemoizer(file, callee)) return null;
  const definition = resolveDefinition(file, callee);
  const memoizer = definition && analyzeCustomMemoizer(definition.file, definition.fn);
  if (!definition || !memoizer) return null;
  const found = (use: CustomMemoizerUse['use']): CustomMemoizerUse => ({ memoizer, use, definitionFile: definition.file });
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    if (memoizer.factory) return isDecorator ? found('decorator-factory') : null;
    return memoizer.form === 'wrapper' && !isDecorator ? found('wrapper-call') : null;
  }
  return memoizer.factory ? null : found('decorator');
}


/**
 * Shape first, composition after: can `fn`, defined in this file, summarise to a memoizer whose cache
 * `no-shared-memoizer-cache` reports here? Asked before `analyzeCustomMemoizer`, because a summary
 * follows the calls a function returns into the modules they are imported from (and parses them).
 *
 * Decided from the function itself, without following any call: a function that cannot be a legacy
 * decorator (no third parameter), a TC39 decorator (its second parameter is no decorator context) or a
 * factory (it returns no function) and installs no replacement of its own can only summarise to a
 * wrapper that *composes* another memoizer (`return clone(fn, …)`), and such a wrapper's cache is one
 * per wrapped function: shared only where a use of this file installs its result in a slot every
 * instance shares. With no such use, `false`, and nothing is resolved or parsed for `fn`.
 * `true` means "look": every decorator, factory, wrapper with a replacement, and wrapper with a shared use.
 */
export function mayShareCacheHere(file: FileContext, fn: FunctionNode): boolean {
  const [, second, third] = fn.params;
  if (third?.type === AST_NODE_TYPES.Identifier && mayBeLegacyShape(file, third)) return true; // `(target, key, descriptor)`
  const fromRest = fn.params.length === 1 ? descriptorFromRest(file, fn) : null; // `(...args)` with `const [t, k, descriptor] = args`
  if (fromRest && mayBeLegacyShape(file, fromRest)) return true;
  const context = second?.type === AST_NODE_TYPES.Identifier ? file.findVariable(second) : null;
  if (context !== null && isDecoratorContext(second as TSESTree.Identifier, context)) return true; // `(value, context)`
  // A replacement of its own (a returned non-arrow function), or a factory's decorator at any level
  // `computeMemoizer` looks at: `findShape(returned, true)` needs `(target, key, descriptor)` or `(value, context)`.
  let level = returnedFunctions(file, fn);
  if (level.some((returned) => returned.type !== AST_NODE_TYPES.ArrowFunctionExpression)) return true;
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    for (const returned of level) {
      const [value, context, descriptor] = returned.params;
      if (descriptor?.type === AST_NODE_TYPES.Identifier ? mayBeLegacyShape(file, descriptor) : value?.type === AST_NODE_TYPES.Identifier && context?.type === AST_NODE_TYPES.Identifier) {
        return true;
      }
    }
    level = level.flatMap((returned) => returnedFunctions(file, returned));
  }
  // Only a composition is left, whose cache is one per wrapped function: shared where this file installs it.
  return getWrapperUses(file, fn).sharedUse !== null;
}

/**
 * Can `findLegacyShape` find a replacement through this third parameter? It needs `descriptor.value`,
 * `descriptor.get` (or a computed slot of those two) or `const { value } = descriptor`, also through a local
 * that names the descriptor.
 */
function mayBeLegacyShape(file: FileContext, descriptorParam: TSESTree.Identifier): boolean {
  const descriptor = file.findVariable(descriptorParam);
  return (descriptor?.references ?? []).some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
      const slot = descriptorSlot(file, parent);
      return slot === 'value' || slot === 'get';
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === reference.identifier) return true; // `const { value } = descriptor`
    // `const realDescriptor = descriptor || target.descriptor`
    if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.left === reference.identifier && parent.parent.type === AST_NODE_TYPES.VariableDeclarator) return true;
    if (parent?.type === AST_NODE_TYPES.SpreadElement || parent?.type === AST_NODE_TYPES.ReturnStatement) return true; // `{ ...descriptor, value }`
    // Handed to a helper that returns the method and slot (`const { fn, wrapKey } = meta(descriptor)`), merges it
    // into a returned descriptor (`return _extends({}, descriptor, …)`), or installs a callback's result
    // (`methodFactoryBind(makeReplacement, key, descriptor)`): the helpers findLegacyShape follows.
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === reference.identifier) return false;
    const use = outermostWrapper(parent).parent;
    if (
      (use?.type === AST_NODE_TYPES.VariableDeclarator && use.init === outermostWrapper(parent)) ||
      use?.type === AST_NODE_TYPES.ReturnStatement ||
      (use?.type === AST_NODE_TYPES.ArrowFunctionExpression && use.body === outermostWrapper(parent))
    ) {
      return true;
    }
    return parent.arguments.some((argument) => argument !== reference.identifier && resolveLocalFunction(file, argument) !== null);
  });
}

/**
 * Cheap test on a function's text before it is analysed as a memoizer (the rules call it for every
 * module-level function): a memoizer calls the original with the caller's `this`, or applies a
 * memoizer library, or calls a function of the file (or an import from the project) that does one
 * of these. Text that shows none of them cannot summarise to a memoizer.
 */
export function mayBeMemoizer(file: FileContext, fn: FunctionNode): boolean {
  // Where the file's text forwards `this`, and where it calls one of the callable names, is read off
  // once per file as ranges in order, and a function passes when one of those places lies inside its
  // range (a binary search). The callable names are only looked for in a file with a function that does
  // not forward `this` itself.
  if (forwardsThisInside(file, fn)) return true;
  const places = memoizerTextPlaces(file);
  const [start, end] = fn.range;
  places.callable ??= callablePlaces(file, places.forwardsThis);
  return containsRange(places.callable, start, end);
}

function memoizerTextPlaces(file: FileContext): { forwardsThis: readonly number[]; callable: readonly number[] | undefined } {
  return file.cached('memoizerTextPlaces', file.program, () => ({
    forwardsThis: matchRanges(file.sourceCode.text, FORWARDS_THIS_ALL),
    callable: undefined as readonly number[] | undefined,
  }));
}

/** Does the text of `fn` call something with the caller's `this` (`.apply(this`, `.call(this`, …)? Once per file. */
function forwardsThisInside(file: FileContext, fn: FunctionNode): boolean {
  return containsRange(memoizerTextPlaces(file).forwardsThis, fn.range[0], fn.range[1]);
}

/**
 * Where the file calls one of the callable names (`callableNames`), as ranges in order: the references
 * of their module-level variables that are called, constructed or read a member of (`name(`, `new name(`,
 * `name.x`, `name<T>(`), which scope analysis has already listed. A name without a module-level
 * variable (a script's global) is looked for in the text.
 */
function callablePlaces(file: FileContext, forwardsThis: readonly number[]): readonly number[] {
  const names = callableNames(file, forwardsThis);
  if (names.size === 0) return [];
  const global = file.sourceCode.scopeManager?.globalScope;
  // (a module's scope, or the function scope ESLint wraps a CommonJS file in: both belong to the Program)
  const moduleScope = global?.childScopes.find((scope) => scope.block === file.program) ?? global;
  const ranges: Array<readonly [number, number]> = [];
  const unresolved: string[] = [];
  for (const name of names) {
    const variable = moduleScope?.set.get(name);
    if (!variable) {
      unresolved.push(name);
      continue;
    }
    for (const reference of variable.references) {
      const identifier = reference.identifier as Node;
      if (isCalledOrEntered(identifier)) ranges.push(identifier.range);
    }
  }
  if (unresolved.length > 0) {
    const alternatives = unresolved.map((name) => name.replace(/\$/g, '\\$')).join('|');
    const found = matchRanges(file.sourceCode.text, new RegExp(`(?<![\\w$.])(?:${alternatives})\\s*[.(<]`, 'g'));
    for (let i = 0; i < found.length; i += 2) ranges.push([found[i]!, found[i + 1]!]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges.flat();
}

/** `name(…)`, `new name(…)`, `name.x`, `name<T>(…)`: a reference that calls the name or reads through it. */
function isCalledOrEntered(identifier: Node): boolean {
  let node = identifier;
  while (node.parent?.type === AST_NODE_TYPES.TSInstantiationExpression || node.parent?.type === AST_NODE_TYPES.TSNonNullExpression) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) return parent.callee === node;
  return parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node;
}

const FORWARDS_THIS_ALL = new RegExp(FORWARDS_THIS.source, 'g');

/** Start and end of every match of a global pattern in `text`, in order. */
function matchRanges(text: string, pattern: RegExp): number[] {
  const ranges: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    ranges.push(match.index, match.index + match[0].length);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return ranges;
}

/** Does one of `ranges` (start, end pairs in order) lie within `[start, end)`? */
function containsRange(ranges: readonly number[], start: number, end: number): boolean {
  // the first match starting at or after `start`
  let low = 0;
  let high = ranges.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle * 2]! < start) low = middle + 1;
    else high = middle;
  }
  // matches do not overlap, so their ends are in order too: the first one is the one to check
  return low * 2 < ranges.length && ranges[low * 2 + 1]! <= end;
}

/**
 * Names a memoizer's text may call: library memoizers, imports from project modules, and the file's
 * own functions that forward `this`, all bound at module level.
 * `forwardsThis`: where the file's text forwards `this` (`matchRanges`), so that a declaration's own
 * text is tested by its range, without copying it.
 */
function callableNames(file: FileContext, forwardsThis: readonly number[]): ReadonlySet<string> {
  const forwards = (node: Node): boolean => containsRange(forwardsThis, node.range[0], node.range[1]);
  const names = new Set<string>(getMemoizerRootNames(file, file.settings));
  for (const statement of file.program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      if (forwards(declaration)) names.add(declaration.id.name);
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        const init = declarator.init && unwrapExpression(declarator.init);
        if (declarator.id.type === AST_NODE_TYPES.Identifier && init && isFunctionNode(init) && forwards(init)) {
          names.add(declarator.id.name);
        }
        // `const memo_1 = require('./memo')`: a project module whose members may be memoizers
        const required = init && getRequiredModule(file, init);
        if (required && isProjectSpecifier(file, required.specifier.value)) addBindingNames(declarator.id, names);
      }
      // `const fns = { memoize(fn) { … fn.apply(this, a) … } }`
      if (forwards(declaration)) {
        for (const name of objectBindingNames(declaration)) names.add(name);
      }
    } else if (declaration?.type === AST_NODE_TYPES.ImportDeclaration && isProjectSpecifier(file, declaration.source.value)) {
      for (const specifier of declaration.specifiers) names.add(specifier.local.name);
    }
  }
  return names;
}

/**
 * The names a use site can call a hand-written memoizer by: module-level functions of this file
 * (declarations, and `const`/`let`/`var` initialised with a function), and, in typed mode, the
 * bindings of imports from project modules. Computed once per file from the top-level statements.
 */
export function mayNameCustomMemoizer(file: FileContext, callee: Node): boolean {
  const name = unwrapIndirectCall(callee);
  const names = getMemoizerCandidateNames(file);
  // `fns.memoize`, `memoize_1.memoize`: a member of an object literal or of a project module's exports
  return (name.type === AST_NODE_TYPES.Identifier && names.has(name.name)) || mayNameObjectMember(name, names);
}

function getMemoizerCandidateNames(file: FileContext): ReadonlySet<string> {
  return file.cached('memoizerCandidateNames', file.program, () => {
    const names = new Set<string>();
    const fromProject = (source: unknown): boolean => typeof source === 'string' && isProjectSpecifier(file, source);
    for (const statement of file.program.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
          ? statement.declaration
          : statement;
      if (!declaration) continue;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) names.add(declaration.id.name);
      if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (!declarator.init) continue;
          const init = unwrapExpression(declarator.init);
          if (declarator.id.type === AST_NODE_TYPES.Identifier && isFunctionNode(init)) names.add(declarator.id.name);
          // `const { memoize } = require('./memo')`, `const memoize = require('./memo')`, `__importDefault(require(…))`
          const required = getRequiredModule(file, init);
          if (required && fromProject(required.specifier.value)) addBindingNames(declarator.id, names);
        }
        // `const fns = { memoize(fn) {…} }`, used as `fns.memoize`
        for (const name of objectBindingNames(declaration)) names.add(name);
      }
      if (declaration.type === AST_NODE_TYPES.ImportDeclaration && fromProject(declaration.source.value)) {
        for (const specifier of declaration.specifiers) names.add(specifier.local.name);
      }
    }
    return names;
  });
}

/**
 * A function of this file, or one that an import (or `require`) of a project module names.
 * `worthParsing` is the cheap test of the module's text before it is parsed: by default, can it define
 * a memoizer at all.
 */
export function resolveDefinition(file: FileContext, node: Node, worthParsing?: TextTest): { file: FileContext; fn: FunctionNode } | null {
  const local = resolveFunction(file, node);
  if (local) return { file, fn: local };
  const expression = unwrapIndirectCall(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return resolveMemberDefinition(file, expression);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const def = file.findVariable(expression)?.defs[0];
  if (def?.node.type === AST_NODE_TYPES.VariableDeclarator) return resolveRequiredDefinition(file, def.node, expression, worthParsing);
  if (!def || (def.node.type !== AST_NODE_TYPES.ImportSpecifier && def.node.type !== AST_NODE_TYPES.ImportDefaultSpecifier)) {
    return null;
  }
  const source = def.node.parent.source;
  if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return null;
  const exportName =
    def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier
      ? 'default'
      : def.node.imported.type === AST_NODE_TYPES.Identifier
        ? def.node.imported.name
        : String(def.node.imported.value);
  const found = followProjectDefinition(file, source as TSESTree.StringLiteral, exportName, 0, worthParsing);
  const fn = found && unwrapExpression(found.node);
  return found && fn && isFunctionNode(fn) ? { file: found.file, fn } : null;
}

/** `const memoize = require('./memo')` (its default: `module.exports`), `const { memoize } = require('./memo')`. */
function resolveRequiredDefinition(
  file: FileContext,
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Identifier,
  worthParsing?: TextTest,
): { file: FileContext; fn: FunctionNode } | null {
  const required = declarator.init && getRequireLiteral(file, unwrapExpression(declarator.init));
  if (!required) return null;
  let exportName: string | null = null;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) exportName = 'default';
  else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type === AST_NODE_TYPES.Identifier && value.name === name.name && property.key.type === AST_NODE_TYPES.Identifier) {
        exportName = property.key.name;
      }
    }
  }
  if (!exportName) return null;
  const found = followProjectDefinition(file, required, exportName, 0, worthParsing);
  const fn = found && unwrapExpression(found.node);
  return found && fn && isFunctionNode(fn) ? { file: found.file, fn } : null;
}


function addBindingNames(pattern: Node, names: Set<string>): void {
  if (pattern.type === AST_NODE_TYPES.Identifier) names.add(pattern.name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier) names.add(value.name);
  }
}

/** The function a callee or decorator expression denotes, when it is declared in this file and never reassigned. */
export function resolveFunction(file: FileContext, node: Node): FunctionNode | null {
  const expression = unwrapExpression(node);
  return isFunctionNode(expression) ? expression : resolveSameFileFunction(file, expression);
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

interface Candidate extends CacheSearch {
  readonly replacement: FunctionNode | null;
  readonly slot: 'value' | 'get' | null;
  /** The replacement is a library memoizer's result over the original (no function of the decorator's own). */
  readonly composed?: { readonly cache: ComposedCache; readonly consequence: ComposedConsequence } | null;
  /**
   * Methods and getters in two branches of one decorator: the same decorator with the other slot's
   * replacement (`descriptor.get = …` first, `descriptor.value = …` in the other branch).
   */
  readonly otherSlot?: Candidate | null;
}

/**
 * A candidate's judgement, or its other slot's when the first has nothing to report: a decorator
 * that caches getters per instance and methods in one shared memo is judged by the methods' branch.
 */
function judgeSlots(file: FileContext, fn: FunctionNode, candidate: Candidate, inFactory: boolean): CustomMemoizer | null {
  const judged = judge(file, fn, candidate, inFactory);
  if (judged?.consequence || !candidate.otherSlot) return judged;
  const other = judge(file, fn, { ...candidate.otherSlot, ...('bindings' in candidate ? { bindings: candidate.bindings } : {}) }, inFactory);
  return other?.consequence ? other : judged;
}

function computeMemoizer(file: FileContext, fn: FunctionNode): CustomMemoizer | null {
  const direct = file.cached('directShape', fn, () => findShape(file, fn, false, fn));
  const judged = direct && judgeSlots(file, fn, direct, false);
  if (judged) return judged;
  return factoryMemoizer(file, fn);
}

/** A factory of any depth: `Memo(options)` (or `Memo()`, or `Memo(a)(b)`) returns a decorator. */
function factoryMemoizer(file: FileContext, fn: FunctionNode): CustomMemoizer | null {
  let level = returnedFunctions(file, fn);
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    for (const returned of level) {
      const inner = findShape(file, returned, true, fn);
      const judgedInner = inner && inner.form !== 'wrapper' ? judgeSlots(file, fn, { ...inner, bindings: factoryOptions(file, fn, inner.decorator) }, true) : null;
      if (judgedInner) return judgedInner;
    }
    level = level.flatMap((returned) => returnedFunctions(file, returned));
  }
  return null;
}

/** The bindings of a search plus the replacement's own parameters, which each call passes (`CALL_VALUE`). */
function withCallValues(file: FileContext, bindings: Bindings | null, replacement: FunctionNode): Bindings {
  const all = new Map(bindings ?? []);
  for (const variable of file.sourceCode.getDeclaredVariables(replacement)) {
    if (variable.defs.some((def) => def.type === 'Parameter')) all.set(variable, CALL_VALUE);
  }
  return all;
}

/**
 * The options of a wrapper, as a caller that passes only the function has them: its parameters other
 * than the original without a default are absent (`decorator(fn, hashFn?)` keys by its default when no
 * `hashFn` is given). `null` when there are none.
 */
function wrapperOptions(file: FileContext, candidate: Candidate): Map<Variable, typeof ABSENT> | null {
  const options = new Map<Variable, typeof ABSENT>();
  for (const param of candidate.decorator.params) {
    const variable = param.type === AST_NODE_TYPES.Identifier ? file.findVariable(param) : null;
    if (variable && !candidate.originals.has(variable)) options.set(variable, ABSENT);
  }
  return options.size > 0 ? options : null;
}

/**
 * The options of a decorator factory, as a caller that passes none has them: its parameters (and
 * those of the functions between it and the decorator, `Memo(a)(b)`) without a default are absent.
 * They are fixed when the decorator is applied, unlike the parameters of the replacement itself.
 * (A parameter with a default is read through it, and a property of a parameter is absent already.)
 */
function factoryOptions(file: FileContext, factory: FunctionNode, decorator: FunctionNode): Map<Variable, typeof ABSENT> {
  const options = new Map<Variable, typeof ABSENT>();
  for (let current: Node | undefined = decorator.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    for (const param of current.params) {
      const name = param.type === AST_NODE_TYPES.TSParameterProperty ? null : param;
      const variable = name?.type === AST_NODE_TYPES.Identifier ? file.findVariable(name) : null;
      if (variable) options.set(variable, ABSENT);
    }
    if (current === factory) return options;
  }
  return new Map(); // (the decorator is not declared inside the factory)
}

/**
 * `findShape` with `followWrapperComposition: false` stops where a wrapper's only shape left is a
 * composition (`return clone(fn, …)`), before the returned calls are resolved: `UNFOLLOWED`.
 */
const UNFOLLOWED = Symbol('unfollowed wrapper composition');

function findShape(file: FileContext, fn: FunctionNode, inFactory: boolean, definition: FunctionNode): Candidate | null;
function findShape(
  file: FileContext,
  fn: FunctionNode,
  inFactory: boolean,
  definition: FunctionNode,
  followWrapperComposition: false,
): Candidate | typeof UNFOLLOWED | null;
function findShape(
  file: FileContext,
  fn: FunctionNode,
  inFactory: boolean,
  definition: FunctionNode,
  followWrapperComposition = true,
): Candidate | typeof UNFOLLOWED | null {
  const [first, second, third] = fn.params;
  if (third?.type === AST_NODE_TYPES.Identifier) {
    // `(target, key, descriptor)`; a helper with three parameters (`memoize(fn, resolver, cache)`) is read as a wrapper.
    const legacy = findLegacyShape(file, fn, third, definition);
    if (legacy || inFactory) return legacy;
  }
  // `function cached(...args) { const [target, key, descriptor] = args; … }`
  const restDescriptor = fn.params.length === 1 ? descriptorFromRest(file, fn) : null;
  if (restDescriptor) return findLegacyShape(file, fn, restDescriptor, definition);
  if (first?.type !== AST_NODE_TYPES.Identifier) return null;
  const value = file.findVariable(first);
  if (!value) return null;
  const context = second?.type === AST_NODE_TYPES.Identifier ? file.findVariable(second) : null;
  const isStandard = context !== null && (isDecoratorContext(second as TSESTree.Identifier, context) || inFactory);
  if (!isStandard && inFactory) return null;
  const form: MemoizerForm = isStandard ? 'standard-decorator' : 'wrapper';
  const caller = { definition, search: { decorator: fn, form, originals: new Set([value]), context } };
  const replacements = returnedFunctions(file, fn).filter((returned) => returned.type !== AST_NODE_TYPES.ArrowFunctionExpression);
  if (replacements.length === 0) {
    // `context.addInitializer(function () { … this … })` and no replacement: per instance by construction.
    if (isStandard && usesAddInitializer(context)) {
      // The initializer runs per instance; what it installs on `this` is the replacement, and a cache
      // the decorator body created for it is still one per decorated method.
      const installed = installedByInitializer(file, context!);
      if (installed) return { form, decorator: fn, replacement: installed, slot: null, originals: new Set([value]), context };
      return { form, decorator: fn, replacement: null, slot: null, originals: new Set([value]), context };
    }
    // `return memoize(value)`: the replacement is a library memoizer over the original.
    if (!followWrapperComposition && form === 'wrapper') return returnedCalls(file, fn).length > 0 ? UNFOLLOWED : null;
    const isOriginal = (node: Node): boolean => node.type === AST_NODE_TYPES.Identifier && file.findVariable(node) === value;
    const composed = returnedCalls(file, fn)
      .map((call) => findComposition(file, call, isOriginal, caller))
      .find((found) => found !== null);
    if (composed) return { form, decorator: fn, replacement: null, slot: null, originals: new Set([value]), context, composed };
    return null;
  }
  if (replacements.length > 1) return null;
  // The original is whichever parameter the replacement calls with `this` (`memoize(options, fn)`
  // as well as `memoize(fn, options)`); a TC39 decorator's is its first.
  const replacement = replacements[0]!;
  const originals = new Set([value]);
  if (form === 'wrapper' && !callsOriginalWithThis(file, replacement, originals)) {
    for (const param of fn.params.slice(1)) {
      const variable = param.type === AST_NODE_TYPES.Identifier ? file.findVariable(param) : null;
      if (variable && callsOriginalWithThis(file, replacement, new Set([variable]))) return { form, decorator: fn, replacement, slot: null, originals: new Set([variable]), context };
    }
  }
  return { form, decorator: fn, replacement, slot: null, originals, context };
}

/** The third element of `const [target, key, descriptor] = args` for a function `(...args)`, read at the top of its body. */
function descriptorFromRest(file: FileContext, fn: FunctionNode): TSESTree.Identifier | null {
  const [rest] = fn.params;
  if (rest?.type !== AST_NODE_TYPES.RestElement || rest.argument.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return null;
  }
  const args = file.findVariable(rest.argument);
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (declarator.id.type !== AST_NODE_TYPES.ArrayPattern || init?.type !== AST_NODE_TYPES.Identifier || file.findVariable(init) !== args) continue;
      const third = declarator.id.elements[2];
      return third?.type === AST_NODE_TYPES.Identifier ? third : null;
    }
  }
  return null;
}

/** `(target, key, descriptor)` that assigns `descriptor.value` or `descriptor.get` a function. */
function findLegacyShape(
  file: FileContext,
  fn: FunctionNode,
  descriptorParam: TSESTree.Identifier,
  definition: FunctionNode,
): Candidate | null {
  const descriptor = file.findVariable(descriptorParam);
  if (!descriptor) return null;
  const originals = new Set<Variable>();
  let replacement: FunctionNode | null = null;
  let slot: 'value' | 'get' | null = null;
  let ambiguous = false;
  let otherSlot: { fn: FunctionNode; slot: 'value' | 'get' } | null = null;
  const calls: Array<{ call: TSESTree.CallExpression; slot: 'value' | 'get' }> = [];
  // (and through a local that names it: `const realDescriptor = descriptor || target.descriptor`)
  const references = [...descriptor.references, ...descriptorAliases(file, descriptor).flatMap((alias) => alias.references)];
  for (const reference of references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const name = descriptorSlot(file, member);
    if (name !== 'value' && name !== 'get') continue;
    const use = outermostWrapper(member);
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === use && parent.operator === '=') {
      if (enclosingFunction(parent) !== fn) continue;
      const assigned = resolveLocalFunction(file, parent.right);
      const right = unwrapExpression(parent.right);
      if (!assigned && right.type === AST_NODE_TYPES.CallExpression) {
        calls.push({ call: right, slot: name }); // `descriptor.value = memoizee(descriptor.value)`: judged below
        continue;
      }
      if (!assigned || assigned.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        ambiguous = true;
        continue;
      }
      // Methods and getters in two branches of one decorator (`descriptor.value = …` / `descriptor.get = …`):
      // the first replacement is judged; two different ones for the same slot are ambiguous.
      if (replacement && replacement !== assigned) {
        if (slot === name) ambiguous = true;
        else otherSlot ??= { fn: assigned, slot: name };
        continue;
      }
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
  for (const reference of references) {
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
  // `const { fn, wrapKey } = metaForDescriptor(descriptor)`: a helper hands back whichever slot holds the method
  for (const variable of descriptorSlotBindings(file, descriptor)) originals.add(variable);
  if (ambiguous) return null;
  if (!replacement && calls.length === 0) {
    // `return { ...descriptor, value: function () {…} }`, also with a computed `[slot]` key
    const returned = returnedDescriptor(file, fn);
    if (returned) {
      replacement = returned.replacement;
      slot = returned.slot;
    }
  }
  if (!replacement && calls.length === 0) {
    // `return methodFactory(function (original) { return function () { … } }, key, descriptor)`: a helper installs what the callback makes
    const installed = installedByHelper(file, fn, descriptor);
    if (installed) return { form: 'legacy-decorator', decorator: fn, ...installed, context: null };
  }
  if (calls.length > 0) {
    if (replacement || calls.length > 1) return null;
    // The original as the call sees it: a binding of `descriptor.value`, `descriptor.value` itself, or `target[key]`.
    const [target, key] = fn.params;
    const isOriginal = (node: Node, depth = 0): boolean => {
      // `getValueFunc('memoize', descriptor)`: a helper (of this file or a project module) that returns the slot
      if (node.type === AST_NODE_TYPES.CallExpression) return depth < 2 && returnsDescriptorSlot(file, node, descriptor, calls[0]!.slot);
      if (node.type === AST_NODE_TYPES.Identifier) {
        const variable = file.findVariable(node);
        if (variable !== null && originals.has(variable)) return true;
        // `const input = target[propertyKey]`
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        return (
          depth < 2 &&
          def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
          def.node.id === def.name &&
          def.node.init !== null &&
          isOriginal(unwrapExpression(def.node.init), depth + 1)
        );
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.Identifier) return false;
      const owner = file.findVariable(node.object);
      if (owner === descriptor) return getStaticMemberName(node) === calls[0]!.slot;
      return (
        node.computed &&
        target?.type === AST_NODE_TYPES.Identifier &&
        key?.type === AST_NODE_TYPES.Identifier &&
        owner === file.findVariable(target) &&
        node.property.type === AST_NODE_TYPES.Identifier &&
        file.findVariable(node.property) === file.findVariable(key)
      );
    };
    const caller = { definition, search: { decorator: fn, form: 'legacy-decorator' as const, originals, context: null } };
    const composed = findComposition(file, calls[0]!.call, isOriginal, caller);
    if (!composed) return null;
    return { form: 'legacy-decorator', decorator: fn, replacement: null, slot: calls[0]!.slot, originals, context: null, composed };
  }
  if (!replacement || originals.size === 0) return null;
  const other: Candidate | null = otherSlot
    ? { form: 'legacy-decorator', decorator: fn, replacement: otherSlot.fn, slot: otherSlot.slot, originals, context: null }
    : null;
  return { form: 'legacy-decorator', decorator: fn, replacement, slot, originals, context: null, otherSlot: other };
}

/** A module that can return a descriptor's slot mentions `.value` or `.get`. */
const RETURNS_SLOT_TEXT: TextTest = (text) => text.includes('.value') || text.includes('.get');

/**
 * Does `call` hand `descriptor` to a helper that returns its `slot` (`return descriptor.value`, or a local
 * `const func = descriptor.value` returned after checks)? The helper is read where it is defined.
 */
function returnsDescriptorSlot(file: FileContext, call: TSESTree.CallExpression, descriptor: Variable, slot: 'value' | 'get'): boolean {
  const index = call.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.Identifier && file.findVariable(argument) === descriptor);
  if (index < 0 || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const helper = resolveDefinition(file, call.callee, RETURNS_SLOT_TEXT);
  const param = helper?.fn.params[index];
  if (!helper || param?.type !== AST_NODE_TYPES.Identifier) return false;
  const parameter = helper.file.findVariable(param);
  const isSlot = (node: Node, depth: number): boolean => {
    const value = unwrapExpression(node);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      return value.object.type === AST_NODE_TYPES.Identifier && helper.file.findVariable(value.object) === parameter && getStaticMemberName(value) === slot;
    }
    if (value.type !== AST_NODE_TYPES.Identifier || depth > 0) return false;
    const variable = helper.file.findVariable(value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return false;
    if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return false;
    return isSlot(def.node.init, depth + 1);
  };
  const returns = functionReturns(helper.file, helper.fn);
  return parameter !== null && returns.length > 0 && returns.every((returned) => isSlot(returned, 0));
}

/**
 * The decorator hands the descriptor and a callback to a helper (of this file, or of a project module)
 * that installs the callback's result over the original (`helper-effects.ts` `getInstallerEffect`):
 * the callback's first parameter is the original, and the one function it returns is the replacement.
 */
function installedByHelper(
  file: FileContext,
  fn: FunctionNode,
  descriptor: Variable,
): { replacement: FunctionNode; slot: 'value'; originals: Set<Variable> } | null {
  for (const reference of descriptor.references) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || enclosingFunction(call) !== fn) continue;
    const index = call.arguments.indexOf(reference.identifier as TSESTree.Identifier);
    if (index < 0 || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) continue;
    if (!mayNameCustomMemoizer(file, call.callee)) continue;
    // Cheap first, before the helper is resolved (which may parse another module): some argument is a
    // callback of this file that returns a function of its own, the replacement it makes.
    const makesReplacement = call.arguments.some((argument, position) => {
      const local = position !== index ? resolveLocalFunction(file, argument) : null;
      return local !== null && returnedFunctions(file, local).some((returned) => returned.type !== AST_NODE_TYPES.ArrowFunctionExpression);
    });
    if (!makesReplacement) continue;
    const helper = resolveDefinition(file, call.callee);
    const effect = helper && getInstallerEffect(helper.file, helper.fn);
    if (!effect || effect.descriptor !== index) continue;
    const callbackArgument = call.arguments[effect.wrapper];
    const callback = callbackArgument && resolveLocalFunction(file, callbackArgument);
    const first = callback?.params[0];
    const original = first?.type === AST_NODE_TYPES.Identifier ? file.findVariable(first) : null;
    if (!callback || !original || original.references.some((use) => use.isWrite())) continue;
    const replacements = returnedFunctions(file, callback);
    if (replacements.length !== 1 || replacements[0]!.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    // (the helper fills `get` the same way for getters; messages name the method form)
    return { replacement: replacements[0]!, slot: 'value', originals: new Set([original]) };
  }
  return null;
}

/**
 * Locals that hold the descriptor itself: `const d = descriptor`, or a fallback for the other calling
 * convention (`const realDescriptor = descriptor || target.descriptor`, `?? …`), never reassigned.
 */
function descriptorAliases(file: FileContext, descriptor: Variable): Variable[] {
  const aliases: Variable[] = [];
  for (const reference of descriptor.references) {
    let node: Node = outermostWrapper(reference.identifier);
    const logical = node.parent;
    if (logical?.type === AST_NODE_TYPES.LogicalExpression && logical.left === node && logical.operator !== '&&') node = outermostWrapper(logical);
    const declarator = node.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const alias = file.findVariable(declarator.id);
    if (alias && alias.defs.length === 1 && !alias.references.some((each) => each.isWrite() && !each.init)) aliases.push(alias);
  }
  return aliases;
}

/** A descriptor object literal the decorator returns, with a function in its `value` / `get` slot. */
function returnedDescriptor(file: FileContext, fn: FunctionNode): { replacement: FunctionNode; slot: 'value' | 'get' } | null {
  // (also merged: `Object.assign({}, descriptor, { value })`, Babel's `_extends({}, d, _defineProperty({}, slot, fn))`)
  const objects = functionReturns(file, fn)
    .map((value) => builtProperties(file, value))
    .filter((value): value is BuiltProperty[] => value !== null);
  if (objects.length !== 1) return null;
  let found: { replacement: FunctionNode; slot: 'value' | 'get' } | null = null;
  for (const property of objects[0]!) {
    const key = property.computed ? constantSlot(file, property.key) : getStaticPropertyKey(property.key as TSESTree.Expression, false);
    if (key !== 'value' && key !== 'get') continue;
    const value = unwrapExpression(property.value);
    if (!isFunctionNode(value) || value.type === AST_NODE_TYPES.ArrowFunctionExpression || found) return null;
    found = { replacement: value, slot: key };
  }
  return found;
}

/**
 * Functions written as arguments of a call that makes a decorator from them, at module level: the
 * arguments of `node` itself when it is such a call (`decorate(function (fn) {…})`), or of the calls a
 * module-level function returns (`() => generate((fn) => …)`). Candidates for `analyzeCustomMemoizer`
 * as wrappers, whose use is that call (`classifyWrapperUses`).
 */
export function handedToAdapters(file: FileContext, node: Node): FunctionNode[] {
  const calls = node.type === AST_NODE_TYPES.CallExpression ? [node] : isFunctionNode(node) ? returnedCalls(file, node) : [];
  const found: FunctionNode[] = [];
  for (const call of calls) for (const argument of call.arguments) if (isFunctionNode(argument)) found.push(argument);
  return found;
}

/** Calls a function returns: `return memoize(value)`, an arrow's body. */
function returnedCalls(file: FileContext, fn: FunctionNode): TSESTree.CallExpression[] {
  return functionReturns(file, fn)
    .map((value) => unwrapExpression(value))
    .filter((value): value is TSESTree.CallExpression => value.type === AST_NODE_TYPES.CallExpression);
}

/**
 * The descriptor slot a member names: `descriptor.value`, `descriptor.get`, or a computed
 * `descriptor[slot]` where `slot` is a constant that can only be `'value'` or `'get'`
 * (`const slot = descriptor.value ? 'value' : 'get'`, handling methods and getters in one branch).
 */
function descriptorSlot(file: FileContext, member: TSESTree.MemberExpression): 'value' | 'get' | null {
  const name = getStaticMemberName(member);
  if (name === 'value' || name === 'get') return name;
  return member.computed ? constantSlot(file, member.property) : null;
}

/** A computed key that is a constant whose value can only be `'value'` or `'get'`. */
function constantSlot(file: FileContext, key: Node): 'value' | 'get' | null {
  if (key.type !== AST_NODE_TYPES.Identifier) return null;
  // `const { wrapKey } = metaForDescriptor(descriptor)`, where the helper sets it to `'value'`, `'get'` or `'set'`
  const variable = file.findVariable(key);
  const part = variable && getBindingPart(file, variable);
  if (part?.kind === 'literals') return isDescriptorSlots(part.values) ? (part.values.has('value') ? 'value' : 'get') : null;
  const def = variable?.defs[0];
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return null;
  const values = new Set<unknown>();
  const collect = (node: Node): boolean => {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.Literal) return values.add(expression.value) !== null;
    if (expression.type === AST_NODE_TYPES.ConditionalExpression) return collect(expression.consequent) && collect(expression.alternate);
    return false;
  };
  if (!collect(def.node.init) || ![...values].every((value) => value === 'value' || value === 'get')) return null;
  return values.has('value') ? 'value' : 'get';
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

/**
 * The one function an `addInitializer` callback installs on the instance (`this[context.name] = (…) => …`),
 * when it closes over state of the decorator body; `null` otherwise (per instance by construction).
 */
function installedByInitializer(file: FileContext, context: Variable): FunctionNode | null {
  const installed: FunctionNode[] = [];
  for (const reference of context.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(member) !== 'addInitializer') continue;
    const call = member.parent;
    const callback = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
    if (callback?.type !== AST_NODE_TYPES.FunctionExpression) continue;
    walk(file, callback.body, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
        const fn = unwrapExpression(node.right);
        if (unwrapExpression(node.left.object).type === AST_NODE_TYPES.ThisExpression && isFunctionNode(fn)) installed.push(fn);
      }
      return !isFunctionNode(node) || node === callback;
    });
  }
  return installed.length === 1 ? installed[0]! : null;
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
  const uses = (): { sharedUse: Node | null; otherUses: Node[] } =>
    candidate.form === 'wrapper' ? getWrapperUses(file, definition) : { sharedUse: null, otherUses: [] };
  if (candidate.composed) return composedMemoizer(base, candidate.form, candidate.composed, uses());
  if (!replacement) {
    return { ...base, storage: 'per-instance', forwardsThis: false, cache: null, composed: null, consequence: null, sharedUse: null, otherUses: [] };
  }
  const forwardsThis = callsOriginalWithThis(file, replacement, candidate.originals);
  if (!forwardsThis) {
    // `const m = _.memoize(original); descriptor.value = function (...a) { return m.apply(this, a); }`
    const viaMemoized = memoizedOriginals(file, definition, candidate).find((memoized) =>
      callsOriginalWithThis(file, replacement, new Set([memoized.variable])),
    );
    return viaMemoized ? composedMemoizer(base, candidate.form, viaMemoized.composed, uses()) : null;
  }
  const { sharedUse, otherUses } = uses();
  const bindings = candidate.bindings ?? (candidate.form === 'wrapper' ? wrapperOptions(file, candidate) : null);
  const caches = findCaches(file, definition, { ...candidate, bindings: withCallValues(file, bindings, replacement) }, replacement);
  if (caches === null) return null;
  if (caches.length === 0) {
    return storesOnThis(file, replacement)
      ? { ...base, storage: 'per-instance', forwardsThis, cache: null, composed: null, consequence: null, sharedUse, otherUses }
      : null;
  }
  for (const cache of caches) {
    const consequence = getConsequence(cache);
    if (consequence === undefined) return null;
    if (consequence === null) continue; // a WeakMap keyed by `this`: per instance
    const storage = candidate.form === 'wrapper' && cache.scope === 'wrapper' ? 'per-wrapped-function' : 'shared';
    return { ...base, storage, forwardsThis, cache, composed: null, consequence, sharedUse, otherUses };
  }
  return { ...base, storage: 'per-instance', forwardsThis, cache: null, composed: null, consequence: null, sharedUse, otherUses };
}

/**
 * The cache a call creates over the original method: a library memoizer of the table, or a
 * hand-written wrapper (this file or an imported module) whose own summary says it keeps one cache
 * per wrapped function. Summaries compose: the caller inherits the callee's cache, key and holder.
 */
function findComposition(
  file: FileContext,
  call: TSESTree.CallExpression,
  isOriginal: (node: Node) => boolean,
  caller: NonNullable<CacheSearch['caller']>,
): { cache: ComposedCache; consequence: ComposedConsequence } | null {
  const library = findComposedCache(file, call, isOriginal);
  // (a chain of wrappers that reaches itself is cut by analyzeCustomMemoizer's in-progress guard)
  if (library) return library;
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || !isOriginal(unwrapExpression(first))) return null;
  if (!mayNameCustomMemoizer(file, call.callee)) return null;
  const definition = resolveDefinition(file, call.callee);
  let wrapper = definition && analyzeCustomMemoizer(definition.file, definition.fn);
  if (definition && definition.file === file && (!wrapper || wrapper.storage !== 'per-wrapped-function')) {
    // A helper whose cache or key function is a parameter (`memoize(original, resolver, cache)`):
    // its summary at this call, with the parameters bound to the arguments given here.
    wrapper = analyzeWrapperAt(file, definition.fn, call, caller);
  }
  if (!definition || !wrapper || wrapper.form !== 'wrapper' || wrapper.storage === 'per-instance' || !wrapper.consequence) return null;
  const name = wrapper.name ?? 'wrapper';
  const where = definition.file === file ? `line ${wrapper.definition.loc.start.line}` : 'another module';
  if (wrapper.composed) {
    return {
      cache: { ...wrapper.composed, call, display: `\`${name}\` (${where}, over ${wrapper.composed.display})`, wrapper: definition },
      consequence: wrapper.consequence,
    };
  }
  const cache = wrapper.cache!;
  return {
    cache: {
      call,
      display: `\`${name}\` (${where})`,
      key: cache.key === 'ignores-this' || cache.stringKeys ? 'ignores-this' : 'this',
      keyText: cache.singleSlot ? 'nothing (one value)' : `\`${definition.file.sourceCode.getText(cache.operations[0]!.key)}\``,
      wrapper: definition,
    },
    consequence: wrapper.consequence,
  };
}

/**
 * The summary of a same-file wrapper at one call of it: its parameters bound to the call's arguments,
 * so a cache or key function the caller supplies is judged where the caller creates it
 * (`descriptor.value = memoize(descriptor.value, resolver, opts.cache ?? new Map())` creates one cache
 * per decorated method).
 */
function analyzeWrapperAt(
  file: FileContext,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  caller: NonNullable<CacheSearch['caller']>,
): CustomMemoizer | null {
  return file.cached('customMemoizerAt', call, () => {
    const inProgress = file.cached('customMemoizerInProgress', file.program, () => new Set<FunctionNode>());
    if (inProgress.has(fn)) return null;
    const bindings = new Map<Variable, Node>();
    fn.params.forEach((param, index) => {
      const argument = call.arguments[index];
      const name = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || name.type !== AST_NODE_TYPES.Identifier) return;
      const variable = file.findVariable(name);
      if (variable) bindings.set(variable, argument);
    });
    inProgress.add(fn);
    try {
      const shape = findShape(file, fn, false, fn);
      if (!shape || shape.form !== 'wrapper' || !shape.replacement) return null;
      return judge(file, fn, { ...shape, bindings, caller }, false);
    } finally {
      inProgress.delete(fn);
    }
  });
}

type MemoizerBase = Pick<CustomMemoizer, 'definition' | 'name' | 'form' | 'factory' | 'decorator' | 'replacement' | 'slot'>;

/** A memoizer whose cache is a library memoizer's, created each time the decorator (or helper) runs. */
function composedMemoizer(
  base: MemoizerBase,
  form: MemoizerForm,
  composed: { readonly cache: ComposedCache; readonly consequence: ComposedConsequence },
  uses: { sharedUse: Node | null; otherUses: Node[] },
): CustomMemoizer {
  return {
    ...base,
    // a decorator runs once per decorated method; a helper's cache lives as long as what it wraps
    storage: form === 'wrapper' ? 'per-wrapped-function' : 'shared',
    forwardsThis: true,
    cache: null,
    composed: composed.cache,
    consequence: composed.consequence,
    ...uses,
  };
}

/**
 * Bindings of the decorator initialised with a library memoizer over the original method
 * (`const m = _.memoize(original, resolver)`), with the cache each one creates.
 */
function memoizedOriginals(
  file: FileContext,
  definition: FunctionNode,
  candidate: Candidate,
): Array<{ variable: Variable; composed: NonNullable<Candidate['composed']> }> {
  const found: Array<{ variable: Variable; composed: NonNullable<Candidate['composed']> }> = [];
  const body = candidate.decorator.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return found;
  const isOriginal = (node: Node): boolean => {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = file.findVariable(node);
      return variable !== null && candidate.originals.has(variable);
    }
    return false;
  };
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression) continue;
      const composed = findComposition(file, init, isOriginal, { definition, search: candidate });
      const variable = composed && file.findVariable(declarator.id);
      if (composed && variable) found.push({ variable, composed });
    }
  }
  return found;
}

/** `undefined`: cannot decide; `null`: per instance; otherwise what goes wrong. */
function getConsequence(cache: MemoizerCache): MemoizerConsequence | null | undefined {
  if (cache.stringKeys) return 'cross-instance-results'; // `[object Object]` or the arguments: the same for every instance
  if (cache.key === 'ignores-this') return 'cross-instance-results';
  if (!cache.strong) return cache.key === 'this' ? null : undefined;
  return 'pins-instances';
}

// ---------------------------------------------------------------------------------------------
// Wrapper uses

/** `classifyWrapperUses`, once per wrapper and file (the rule's pre-check and the summary ask alike). */
function getWrapperUses(file: FileContext, wrapper: FunctionNode): { sharedUse: Node | null; otherUses: Node[] } {
  const uses = file.cached('wrapperUses', wrapper, () => classifyWrapperUses(file, wrapper));
  return { sharedUse: uses.sharedUse, otherUses: [...uses.otherUses] };
}

/** The uses of a wrapper in this file: the first that installs its result where every instance shares it, and the others. */
function classifyWrapperUses(file: FileContext, wrapper: FunctionNode): { sharedUse: Node | null; otherUses: Node[] } {
  const variable = wrapperVariable(file, wrapper);
  let sharedUse: Node | null = null;
  const otherUses: Node[] = [];
  // `fns.memoize` for a member of an object literal (`const fns = { memoize(fn) {…} }`)
  const members = variable ? null : memberReferences(file, wrapper);
  // A function written as an argument is used once, by that call: `const memoize = decorate(function (fn) {…})`
  const argument = variable || members ? null : outermostWrapper(wrapper);
  const names: Node[] = members
    ? [...members.references, ...members.otherUses]
    : argument
      ? [argument]
      : (variable?.references ?? []).filter((reference) => !reference.init).map((reference) => reference.identifier);
  for (const identifier of names) {
    if (members?.otherUses.includes(identifier)) {
      otherUses.push(identifier);
      continue;
    }
    const parent = identifier.parent;
    let shared = false;
    if (parent?.type === AST_NODE_TYPES.Decorator && parent.expression === identifier) {
      const member = parent.parent;
      shared = member?.type === AST_NODE_TYPES.MethodDefinition && !member.static;
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) {
      shared = isSharedSlot(file, parent);
    } else if (parent?.type === AST_NODE_TYPES.CallExpression) {
      // handed to an adapter that applies it in a decorator: `multiMethod(fns.memoize)`
      // (into an adapter of another module only for a wrapper that forwards `this` and returns a function
      // of its own: the others, `dual(2, (self, f) => …)`, are no reason to parse the module the callee
      // comes from)
      shared = installedThroughParameter(file, parent, identifier, 0, forwardsThisInside(file, wrapper) && returnedFunctions(file, wrapper).length > 0);
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

/**
 * `argument` of `call` reaches a shared slot through the callee's parameter: the callee (a function of
 * this file) calls that parameter where every instance shares the result, or hands it on to another
 * such function. Adapters that turn a wrapper into a decorator:
 * `function decorator(fn) { return (target, key, desc) => { desc.value = fn(desc.value); }; }`.
 */
function installedThroughParameter(
  file: FileContext,
  call: TSESTree.CallExpression,
  argument: Node,
  depth: number,
  crossFile: boolean,
): boolean {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0 || depth >= 3 || call.arguments.slice(0, index).some((other) => other.type === AST_NODE_TYPES.SpreadElement)) return false;
  // The adapter is a function of this file or (`crossFile`) of a project module it imports (`import decorate from '../lib/decorate'`).
  const local = resolveFunction(file, call.callee);
  const definition = local ? { file, fn: local } : crossFile ? resolveDefinition(file, call.callee, MAY_INSTALL_TEXT) : null;
  if (!definition) return false;
  const { file: at, fn: callee } = definition;
  const param = callee.params[index];
  const variable = param?.type === AST_NODE_TYPES.Identifier ? at.findVariable(param) : null;
  // A parameter that is reassigned (`fn = opts`) may hold something else when it is called.
  if (!variable || variable.references.some((reference) => reference.isWrite())) return false;
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (parent.callee === reference.identifier) return isSharedSlot(at, parent);
    return installedThroughParameter(at, parent, reference.identifier, depth + 1, crossFile);
  });
}

/** The text of a module that can install a function in a descriptor slot or on a prototype (read before it is parsed). */
const MAY_INSTALL_TEXT: TextTest = (text) => /\b(?:value|get|prototype|return)\b/.test(text);

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
  if (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.kind === 'init' && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    // `return { ...descriptor, value: wrap(target[key]) }` in a legacy decorator `(target, key, descriptor)`
    const slot = parent.computed ? constantSlot(file, parent.key) : getStaticPropertyKey(parent.key as TSESTree.Expression, false);
    const owner = enclosingFunction(parent);
    const object = parent.parent;
    return (
      (slot === 'value' || slot === 'get') &&
      owner !== null &&
      isLegacyDecoratorParams(owner) &&
      functionReturns(file, owner).some((value) => unwrapExpression(value) === object)
    );
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

/** `(target, key, descriptor)`: three parameters, the first two plain names, the third a name or a destructuring of the descriptor. */
function isLegacyDecoratorParams(fn: FunctionNode): boolean {
  const [target, key, descriptor] = fn.params;
  return (
    fn.params.length === 3 &&
    target?.type === AST_NODE_TYPES.Identifier &&
    key?.type === AST_NODE_TYPES.Identifier &&
    (descriptor?.type === AST_NODE_TYPES.Identifier || descriptor?.type === AST_NODE_TYPES.ObjectPattern)
  );
}
