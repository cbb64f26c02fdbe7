import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression, unwrapIndirectCall } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getImportOrigin, type ImportOrigin } from '../resolve/imports.js';
import { isProjectSpecifier } from '../resolve/project-exports.js';
import { analyzeKeyFunction } from './key-functions.js';
import {
  MEMOIZER_LIBRARIES,
  type KeyArguments,
  type KeyHolding,
  type MemoizerSpec,
  type WeakKeysSpec,
} from './memoizer-libraries.js';
import { MemoizerSettingsError, parseMemoizerSettings } from './memoizer-settings.js';

export { MEMOIZER_LIBRARIES, MemoizerSettingsError };
export type { MemoizerSpec, WeakKeysSpec };

type Node = TSESTree.Node;

/**
 * Recognising memoizers: which table entry (`memoizer-libraries.ts`, plus the user's
 * `settings['memo-leak'].memoizers`) an expression denotes, and what that means at this use.
 *
 * API
 * - `getMemoizerSpec(file, settings, node)`: the entry `node` names (`_.memoize`, `memoize`, `LD.MemoizeAll`),
 *   by import origin; `null` for anything not imported from a known library (unknown local helpers).
 * - `getMemoizerCall(file, settings, call)`: a call that returns a memoized function —
 *   `memoize(fn, opts)`, `_.memoize(fn, resolver)`, `memoizeWith(keyGen, fn)`, curried
 *   `memoizerific(10)(fn)` / `moize.maxSize(5)(fn)` (pass the outer call). Calls that are a
 *   decorator's expression are left to `getMemoizerDecorator`.
 * - `getMemoizerDecorator(file, settings, decorator)`: `@memoize`, `@MemoizeAll()`, `@Memoize({ tags })`.
 * - `canKeyHoldArgument(use, index)`: can argument `index` of a call of the memoized function be
 *   kept (strongly) by the cache as part of the key? `true`/`false`, or `'unknown'` when a resolver
 *   decides the key.
 * - `loadMemoizerTable(file, settings)`: parses and validates `settings['memo-leak'].memoizers` (throws
 *   `MemoizerSettingsError` naming the bad field); call it in `create()`.
 * - `resolveFunction(file, node)`: an identifier naming a function declaration / const function → that function.
 * - `getKeyReach(file, settings, use)`: which argument positions (and whether the call's `this`) a
 *   call of the memoized function leaves in the cache, following a user-written key function and a
 *   module-wide cache class (lodash `memoize.Cache`); `reachHoldsArgument(reach, index)` reads it.
 *
 * `settings` is `context.settings`; the parsed table is computed once per file and settings object.
 */
export interface MemoizerUse {
  readonly spec: MemoizerSpec;
  /** `compiled-decorator`: an element of compiled output's decorators array (`__decorate([memoize], …)`). */
  readonly kind: 'call' | 'decorator' | 'compiled-decorator';
  /** The call that returns the memoized function, the decorator, or the compiled decorator's expression. */
  readonly node: TSESTree.CallExpression | TSESTree.Decorator | TSESTree.Expression;
  /** The expression that names the library export (`_.memoize`, `MemoizeAll`, `memoizerific`). */
  readonly callee: Node;
  /** The memoized function as written: the call's function argument, or the decorated method's function. */
  readonly fn: Node | null;
  /** The options object literal, when one is given. */
  readonly options: TSESTree.ObjectExpression | null;
  /** The key resolver as written (a function, or a method-name string), when one is given. */
  readonly resolver: Node | null;
  readonly key: EffectiveKey;
  /** Entries the cache keeps: a number, `null` when unbounded, `'unknown'` when set by a non-literal. */
  readonly bound: number | null | 'unknown';
  /** The option that supplies a cache object (`{ cache: new Map() }`), when given. */
  readonly cacheOption: TSESTree.Property | null;
  /** An option that registers the cache in a module-level registry (`{ tags: […] }`), when given. */
  readonly registryOption: TSESTree.Property | null;
}

/** The key at this use: the library's default adjusted by the options given. */
export interface EffectiveKey {
  readonly args: KeyArguments;
  /**
   * How many leading arguments make the key: 1 (`first-arg`), `n` (`leading-args`, from the
   * `length` option or the function's declared length), `'all'`, 0 (`none`), or `null` when
   * `leading-args` and the function's length is not visible.
   */
  readonly count: number | 'all' | null;
  /** How key values are held, after options (`primitive: true` → `string`, `cache: new WeakMap()` → `weak`). */
  readonly holds: KeyHolding;
  /** The library keeps `this` itself (memoize-one). */
  readonly includesThis: boolean;
  /** A resolver decides the key; `count` then describes the default only. */
  readonly resolved: boolean;
}

export interface MemoizerTable {
  readonly byOrigin: ReadonlyMap<string, MemoizerSpec>;
  /** Every module specifier an entry comes from (`lodash`, `lodash/memoize`, …): the cheap pre-filter. */
  readonly sources: ReadonlySet<string>;
}

const NO_SETTINGS = {};

function originKey(source: string, path: readonly string[]): string {
  return [source, ...path].join('\u0000');
}

function buildTable(specs: readonly MemoizerSpec[]): Map<string, MemoizerSpec> {
  const table = new Map<string, MemoizerSpec>();
  for (const spec of specs) for (const origin of spec.origins) table.set(originKey(origin.source, origin.path), spec);
  return table;
}

// Built once from the constant table; never mutated.
const LIBRARY_TABLE: ReadonlyMap<string, MemoizerSpec> = buildTable(MEMOIZER_LIBRARIES);
const LIBRARY_SOURCES: ReadonlySet<string> = sourcesOf(MEMOIZER_LIBRARIES);

function sourcesOf(specs: readonly MemoizerSpec[]): Set<string> {
  return new Set(specs.flatMap((spec) => spec.origins.map((origin) => origin.source)));
}

/** `lodash/memoize.js`, `lodash/memoize/index.js` → `lodash/memoize`. */
function normaliseSource(source: string): string {
  return source.replace(/(?:\/index)?\.[cm]?js$/, '');
}

/**
 * Parses (once per file and settings object) and validates the user's memoizers. Rules call it in
 * `create()`, so invalid settings fail on every file, not only on files that import a memoizer.
 */
export function loadMemoizerTable(file: FileContext, settings: unknown): MemoizerTable {
  const key = typeof settings === 'object' && settings !== null ? settings : NO_SETTINGS;
  return file.cached('memoizerTable', key, () => {
    const custom = parseMemoizerSettings(settings, file);
    if (custom.length === 0) return { byOrigin: LIBRARY_TABLE, sources: LIBRARY_SOURCES };
    const byOrigin = new Map(LIBRARY_TABLE);
    for (const [origin, spec] of buildTable(custom)) byOrigin.set(origin, spec);
    return { byOrigin, sources: new Set([...LIBRARY_SOURCES, ...sourcesOf(custom)]) };
  });
}

/** The table entry for an import origin; deep paths may carry a `.js`/`.mjs`/`.cjs` extension or `/index.js`. */
export function lookupMemoizerOrigin(file: FileContext, settings: unknown, origin: ImportOrigin): MemoizerSpec | null {
  const { byOrigin } = loadMemoizerTable(file, settings);
  const exact = byOrigin.get(originKey(origin.source, origin.path));
  if (exact) return exact;
  const stripped = normaliseSource(origin.source);
  return stripped === origin.source ? null : (byOrigin.get(originKey(stripped, origin.path)) ?? null);
}

export function getMemoizerSpec(file: FileContext, settings: unknown, node: Node): MemoizerSpec | null {
  const expression = unwrapExpression(node);
  // Cheap: only names and member chains can be imports, and only through a name bound to a known module.
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (!mayNameMemoizer(file, settings, expression)) return null;
  const origin = getImportOrigin(file, expression);
  return origin ? lookupMemoizerOrigin(file, settings, origin) : null;
}

/**
 * The local names through which this file can reach a memoizer: the bindings of its module-level
 * imports and `require`s of a module the table knows (and, in typed mode, of project modules, which
 * may re-export one). Computed once per file from the top-level statements, without a walk; a
 * callee whose root name is not among them is not a known memoizer, with no scope lookup.
 */
export function getMemoizerRootNames(file: FileContext, settings: unknown): ReadonlySet<string> {
  const { sources } = loadMemoizerTable(file, settings);
  return file.cached('memoizerRootNames', sources, () => {
    const wanted = (source: string): boolean => sources.has(normaliseSource(source)) || isProjectSpecifier(file, source);
    const names = new Set<string>();
    for (const statement of file.program.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (!declaration) continue;
      if (declaration.type === AST_NODE_TYPES.ImportDeclaration && wanted(declaration.source.value)) {
        for (const specifier of declaration.specifiers) names.add(specifier.local.name);
      } else if (
        declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        declaration.moduleReference.expression.type === AST_NODE_TYPES.Literal &&
        wanted(String(declaration.moduleReference.expression.value))
      ) {
        names.add(declaration.id.name);
      } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          const source = declarator.init && requiredSource(declarator.init);
          if (source !== null && source !== undefined && wanted(source)) addPatternNames(declarator.id, names);
        }
      }
    }
    return names;
  });
}

/** `require('m')`, `require('m').a.b` → `'m'`; anything else → `null`. */
function requiredSource(node: Node): string | null {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof current.arguments[0].value === 'string'
  ) {
    return current.arguments[0].value;
  }
  return null;
}

function addPatternNames(pattern: Node, names: Set<string>): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      names.add(pattern.name);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        addPatternNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, names);
      }
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      addPatternNames(pattern.left, names);
      break;
    default:
      break;
  }
}

/**
 * Can this name or member chain denote a memoizer at all? Its root is a name bound to a known module
 * (`memoize`, `_` in `_.memoize`), or an inline `require('lodash')`. No scope lookup.
 */
function mayNameMemoizer(file: FileContext, settings: unknown, node: Node): boolean {
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.Identifier) return getMemoizerRootNames(file, settings).has(root.name);
  const source = requiredSource(root);
  return source !== null && loadMemoizerTable(file, settings).sources.has(normaliseSource(source));
}

export function getMemoizerCall(file: FileContext, settings: unknown, call: TSESTree.CallExpression): MemoizerUse | null {
  const outer = outermostWrapper(call);
  if (outer.parent?.type === AST_NODE_TYPES.Decorator) return null;
  const callee = unwrapExpression(call.callee);
  const direct = getMemoizerSpec(file, settings, callee);
  if (direct && (direct.forms.includes('function') || direct.forms.includes('method-map'))) {
    return describeCall(file, direct, call, callee, call);
  }
  // Curried: `memoizerific(10)(fn)`, `moize.maxSize(5)(fn)`.
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    const factoryCallee = unwrapExpression(callee.callee);
    const spec = getMemoizerSpec(file, settings, factoryCallee);
    if (spec?.forms.includes('curried')) return describeCall(file, spec, call, factoryCallee, callee);
  }
  return null;
}

export function getMemoizerDecorator(
  file: FileContext,
  settings: unknown,
  decorator: TSESTree.Decorator,
): MemoizerUse | null {
  return decoratorUse(file, settings, decorator.expression, decorator, decoratedFunction(decorator));
}

/**
 * A library decorator applied by compiled code (`__decorate([memoize], Foo.prototype, 'm', null)`,
 * see `core/compiled-decorators.ts`): `element` is the array element, `fn` the decorated method.
 */
export function getCompiledMemoizerDecorator(
  file: FileContext,
  settings: unknown,
  element: TSESTree.Expression,
  fn: Node | null,
): MemoizerUse | null {
  return decoratorUse(file, settings, element, element, fn);
}

function decoratorUse(
  file: FileContext,
  settings: unknown,
  written: TSESTree.Expression,
  decorator: TSESTree.Decorator | TSESTree.Expression,
  fn: Node | null,
): MemoizerUse | null {
  const expression = unwrapExpression(written);
  const factoryCall = expression.type === AST_NODE_TYPES.CallExpression ? expression : null;
  // `(0, lib_1.memoize)(…)`: compiled code calls an imported factory without `this`
  const callee = factoryCall ? unwrapIndirectCall(factoryCall.callee) : expression;
  const spec = getMemoizerSpec(file, settings, callee);
  if (!spec) return null;
  if (factoryCall ? !spec.forms.includes('decorator-factory') : !spec.forms.includes('decorator')) return null;
  const args = factoryCall?.arguments ?? [];
  const options = objectArgument(args, spec.optionsArgument ?? 0);
  const resolver = findResolver(spec, args, options);
  return {
    spec,
    kind: decorator.type === AST_NODE_TYPES.Decorator ? 'decorator' : 'compiled-decorator',
    node: decorator,
    callee,
    fn,
    options,
    resolver,
    key: effectiveKey(spec, options, fn, resolver),
    bound: effectiveBound(spec, options, null),
    cacheOption: spec.cacheOption && options ? findProperty(options, spec.cacheOption) : null,
    registryOption: findFirstProperty(options, spec.registryOptions),
  };
}

/**
 * Can argument `index` of a call of the memoized function end up held by the cache (so an
 * instance passed there is pinned)? `'unknown'` when a resolver computes the key.
 */
export function canKeyHoldArgument(use: MemoizerUse, index: number): boolean | 'unknown' {
  const { key } = use;
  if (key.holds !== 'strong') return false;
  if (key.resolved) return 'unknown';
  switch (key.args) {
    case 'first-arg':
      return index === 0;
    case 'leading-args':
      return key.count === null ? 'unknown' : key.count === 'all' || index < key.count;
    case 'all-args':
      return true;
    case 'serialized-args':
    case 'none':
      return false;
  }
}

/**
 * Which parts of a call of the memoized function the cache keeps strongly, at this use: argument
 * positions and the call's `this`. Combines the library's key (`canKeyHoldArgument`) with what a
 * user-written key function passes through (`analyzeKeyFunction`), and a weak cache class set for
 * the whole module (lodash `memoize.Cache = WeakMap`). `null` when a key function cannot be read.
 */
export interface KeyReach {
  /** Argument indices held by identity. */
  readonly indices: ReadonlySet<number>;
  /** Every argument from this index on is held; `null`: none. */
  readonly from: number | null;
  /** The call's `this` is held (a key function called with `this` returns it; memoize-one's last `this`). */
  readonly callThis: boolean;
  /** A user-written key function decides the key (else the library's default). */
  readonly viaKeyFunction: boolean;
  /** With a key function: each return passes one value through unchanged (an argument index or `'this'`); else `null`. */
  readonly passthrough: ReadonlyArray<number | 'this'> | null;
}

const NOTHING_HELD: KeyReach = { indices: new Set(), from: null, callThis: false, viaKeyFunction: false, passthrough: null };

export function getKeyReach(file: FileContext, settings: unknown, use: MemoizerUse): KeyReach | null {
  const { key, spec } = use;
  if (key.holds !== 'strong') return NOTHING_HELD;
  if (spec.cacheClassProperty && setsCacheClass(file, settings, spec)) return NOTHING_HELD;
  if (key.resolved && use.resolver && spec.resolver) {
    const fn = resolveFunction(file, use.resolver);
    const flow = analyzeKeyFunction(file, fn, spec.resolver.argumentsAs ?? 'spread', spec.resolver.receivesThis);
    if (!flow) return null;
    return { ...flow, callThis: flow.callThis || key.includesThis, viaKeyFunction: true };
  }
  if (key.resolved) return null;
  const first = canKeyHoldArgument(use, 0);
  if (first === 'unknown') return null;
  const base = { callThis: key.includesThis, viaKeyFunction: false, passthrough: null };
  switch (key.count) {
    case 'all':
      return { ...base, indices: new Set(), from: 0 };
    case null:
      return null;
    default:
      return { ...base, indices: new Set(Array.from({ length: key.count }, (_, index) => index)), from: null };
  }
}

/** Does the key reach hold argument `index`? */
export function reachHoldsArgument(reach: KeyReach, index: number): boolean {
  return reach.indices.has(index) || (reach.from !== null && index >= reach.from);
}

/**
 * Is the export's cache class (`memoize.Cache`) set anywhere in this module to something other
 * than a Map? Then the keys may be held weakly (`= WeakMap`), or as an unknown class decides.
 */
function setsCacheClass(file: FileContext, settings: unknown, spec: MemoizerSpec): boolean {
  const property = spec.cacheClassProperty;
  if (!property) return false;
  // `memoize.Cache = WeakMap` is a module-level statement; only those are looked at (no extra walk).
  const assignments = file.cached('moduleMemberAssignments', file.program, () =>
    file.program.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      statement.expression.left.type === AST_NODE_TYPES.MemberExpression
        ? [statement.expression]
        : [],
    ),
  );
  return assignments.some((assignment) => {
    const left = assignment.left as TSESTree.MemberExpression;
    if (getStaticMemberName(left) !== property) return false;
    if (getMemoizerSpec(file, settings, left.object)?.id !== spec.id) return false;
    const value = unwrapExpression(assignment.right);
    return !(value.type === AST_NODE_TYPES.Identifier && value.name === 'Map' && file.isGlobalReference(value, 'Map'));
  });
}

function describeCall(
  file: FileContext,
  spec: MemoizerSpec,
  call: TSESTree.CallExpression,
  callee: Node,
  configCall: TSESTree.CallExpression,
): MemoizerUse {
  const fnCall = call;
  const options =
    spec.optionsArgument === null ? null : objectArgument(configCall.arguments, spec.optionsArgument);
  let fn: Node | null = null;
  if (spec.fnArgument >= 0) {
    const argument = fnCall.arguments[spec.fnArgument];
    fn = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : null;
  } else if (options) {
    fn = findProperty(options, 'load')?.value ?? null; // lru-memoizer: `{ load }`
  }
  const resolver = findResolver(spec, configCall.arguments, options);
  return {
    spec,
    kind: 'call',
    node: call,
    callee,
    fn,
    options,
    resolver,
    key: effectiveKey(spec, options, fn && resolveFunction(file, fn), resolver),
    bound: effectiveBound(spec, options, configCall === call ? null : configCall),
    cacheOption: spec.cacheOption && options ? findProperty(options, spec.cacheOption) : null,
    registryOption: findFirstProperty(options, spec.registryOptions),
  };
}

function effectiveKey(
  spec: MemoizerSpec,
  options: TSESTree.ObjectExpression | null,
  fn: Node | null,
  resolver: Node | null,
): EffectiveKey {
  const { key } = spec;
  // A resolver's result is the key: it is held as the library holds resolver results.
  let holds: KeyHolding = resolver && spec.resolver ? spec.resolver.holds : key.holds;
  if (key.stringOptions?.some((name) => isTruthyLiteral(findProperty(options, name)?.value))) holds = 'string';
  const cache = spec.cacheOption ? findProperty(options, spec.cacheOption)?.value : undefined;
  if (cache && isNewGlobal(cache, 'WeakMap')) holds = 'weak';
  let count: number | 'all' | null;
  switch (key.args) {
    case 'first-arg':
      count = 1;
      break;
    case 'all-args':
    case 'serialized-args':
      count = 'all';
      break;
    case 'none':
      count = 0;
      break;
    case 'leading-args':
      count = leadingCount(key.lengthOption, options, fn);
      break;
  }
  return { args: key.args, count, holds, includesThis: key.includesThis, resolved: resolver !== null };
}

/** memoizee: `length` option (a number, or `false` for all), else `fn.length` (minus the callback with `async`). */
function leadingCount(
  lengthOption: string | undefined,
  options: TSESTree.ObjectExpression | null,
  fn: Node | null,
): number | 'all' | null {
  const length = lengthOption ? findProperty(options, lengthOption)?.value : undefined;
  if (length) {
    const value = unwrapExpression(length);
    if (value.type === AST_NODE_TYPES.Literal && value.value === false) return 'all';
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return Math.max(0, Math.floor(value.value));
    return null;
  }
  if (!fn || !isFunctionNode(fn)) return null;
  let declared = 0;
  for (const param of fn.params) {
    if (param.type === AST_NODE_TYPES.AssignmentPattern || param.type === AST_NODE_TYPES.RestElement) break;
    if (param.type === AST_NODE_TYPES.Identifier && param.name === 'this') continue; // TS `this` parameter
    declared += 1;
  }
  const isAsync = isTruthyLiteral(findProperty(options, 'async')?.value);
  return isAsync && declared > 0 ? declared - 1 : declared;
}

function effectiveBound(
  spec: MemoizerSpec,
  options: TSESTree.ObjectExpression | null,
  factoryCall: TSESTree.CallExpression | null,
): number | null | 'unknown' {
  const { bound } = spec;
  let value: Node | undefined;
  if (bound.argument !== undefined && factoryCall) {
    const argument = factoryCall.arguments[bound.argument];
    value = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
  } else if (bound.option) {
    value = findProperty(options, bound.option)?.value;
  }
  if (!value) return bound.default;
  const expression = unwrapExpression(value);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'number') {
    // memoizerific: a limit of 0 means unlimited.
    return expression.value > 0 && Number.isFinite(expression.value) ? expression.value : null;
  }
  if (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'Infinity') return null;
  return 'unknown';
}

function findResolver(
  spec: MemoizerSpec,
  args: readonly TSESTree.CallExpressionArgument[],
  options: TSESTree.ObjectExpression | null,
): Node | null {
  const resolver = spec.resolver;
  if (!resolver) return null;
  if (resolver.argument !== null) {
    const argument = args[resolver.argument];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement && argument.type !== AST_NODE_TYPES.ObjectExpression) {
      const value = unwrapExpression(argument);
      const isBooleanHash = value.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean';
      if (!isBooleanHash) return argument;
    }
  }
  if (resolver.option) {
    const value = findProperty(options, resolver.option)?.value;
    if (value) {
      const expression = unwrapExpression(value);
      // typescript-memoize `hashFunction: true` joins `toString()`s: a string key, not a resolver.
      if (!(expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'boolean')) return value;
    }
  }
  return null;
}

/** The function a method decorator wraps: the method's (or accessor's) function. */
function decoratedFunction(decorator: TSESTree.Decorator): Node | null {
  const member = decorator.parent;
  if (member.type === AST_NODE_TYPES.MethodDefinition) return member.value;
  return null;
}

/** An identifier naming a `function` declaration or a `const` initialised with a function → that function. */
export function resolveFunction(file: FileContext, node: Node): Node {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return expression;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.node.parent.kind === 'const' &&
    def.node.id === def.name &&
    def.node.init &&
    isFunctionNode(unwrapExpression(def.node.init))
  ) {
    return unwrapExpression(def.node.init);
  }
  return expression;
}

function objectArgument(
  args: readonly TSESTree.CallExpressionArgument[],
  index: number | null,
): TSESTree.ObjectExpression | null {
  if (index === null) return null;
  const argument = args[index];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const value = unwrapExpression(argument);
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

/** The last `name:` property of an object literal (later ones win), or `null`. */
export function findProperty(object: TSESTree.ObjectExpression | null, name: string): TSESTree.Property | null {
  if (!object) return null;
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    if (getStaticPropertyKey(property.key, property.computed) === name) found = property;
  }
  return found;
}

function findFirstProperty(object: TSESTree.ObjectExpression | null, names: readonly string[]): TSESTree.Property | null {
  for (const name of names) {
    const property = findProperty(object, name);
    if (property) return property;
  }
  return null;
}

function isTruthyLiteral(node: Node | undefined): boolean {
  if (!node) return false;
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && Boolean(value.value);
}

function isNewGlobal(node: Node, name: string): boolean {
  const value = unwrapExpression(node);
  return (
    value.type === AST_NODE_TYPES.NewExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === name
  );
}

export { parseMemoizerSettings };
