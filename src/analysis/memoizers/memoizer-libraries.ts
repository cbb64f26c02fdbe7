/**
 * What the plugin knows about memoizing libraries, as data: one entry per library export.
 *
 * Every fact here was read from the library's own source (see `shared/knowledge/memoizers.md` for
 * the files and commits). Rules never name a library: they ask `memoizers.ts`, which matches an
 * expression to an entry by where it is imported from (`getImportOrigin`) and exposes these facts.
 * Adding a library is adding one entry here; users add their in-house memoizers through
 * `settings['memo-leak'].memoizers` (validated in `memoizer-settings.ts`, same shape).
 */

/**
 * How an export is applied.
 * - `function`: `memoize(fn, options?)` returns the memoized function.
 * - `curried`: the export is called with configuration first, the result takes the function
 *   (`memoizerific(100)(fn)`, `moize.maxSize(5)(fn)`); the cache belongs to `curried.cacheOwner`.
 * - `decorator`: used bare, `@memoize` (legacy `(target, key, descriptor)`).
 * - `decorator-factory`: called, `@memoize(options)`.
 * - `method-map`: takes a map of method descriptors (`memoizeMethods({ m: d(fn, options) })`).
 */
export type MemoizerForm = 'function' | 'curried' | 'decorator' | 'decorator-factory' | 'method-map';

/**
 * Where the cache is created, which decides who shares it.
 * - `per-call`: one cache per call of the memoizer; shared by whoever shares the memoized function
 *   (a prototype, a static field, a module-level variable).
 * - `per-factory`: one cache per configured factory (`memoizerific(limit)`), shared by every function
 *   the factory wraps.
 * - `per-decoration`: created when the class is defined (a decorator); every instance shares it.
 * - `per-instance`: stored on the instance or in a WeakMap keyed by it; dies with the instance.
 */
export type CacheLocation = 'per-call' | 'per-factory' | 'per-decoration' | 'per-instance';

/**
 * Which arguments make the default key.
 * - `first-arg`: `args[0]` (lodash, memoize/mem, p-memoize, typescript-memoize, decko).
 * - `all-args`: every argument (moize, micro-memoize, nano-memoize, memoizerific, core-decorators).
 * - `leading-args`: the first `n` arguments, `n` from `key.lengthOption`, default the memoized
 *   function's declared length (`fn.length`, minus one for memoizee `async`); `false` means all.
 * - `serialized-args`: the whole argument list serialized (`JSON.stringify(args)`).
 * - `none`: one result, no key (memoize-one compares `this` and the arguments against the last call).
 */
export type KeyArguments = 'first-arg' | 'all-args' | 'leading-args' | 'serialized-args' | 'none';

/**
 * How the cache holds key values.
 * - `strong`: by identity in a Map or array; an object in a key position (an instance) stays
 *   reachable from the cache: it can be pinned.
 * - `string`: coerced to a string (object property names, `String(x)`, `JSON.stringify`): cannot pin,
 *   but different objects collide (`"[object Object]"`).
 * - `weak`: in a WeakMap: cannot pin.
 */
export type KeyHolding = 'strong' | 'string' | 'weak';

export interface KeySpec {
  readonly args: KeyArguments;
  readonly holds: KeyHolding;
  /** `leading-args`: the option that sets the count (memoizee `length`), defaulting to `fn.length`. */
  readonly lengthOption?: string;
  /** Options that, when truthy, make the key a string (memoizee `primitive`, moize `isSerialized`). */
  readonly stringOptions?: readonly string[];
  /** The library keeps the call's `this` itself (memoize-one compares `lastThis`): the last instance is pinned. */
  readonly includesThis: boolean;
}

/** A user-supplied function that computes the key. */
export interface ResolverSpec {
  /** Index of the resolver among the memoizer's arguments (`_.memoize(fn, resolver)`: 1; `memoizeWith(keyGen, fn)`: 0). */
  readonly argument: number | null;
  /** Name of the resolver in the options object (`cacheKey`, `normalizer`, `hash`, `hashFunction`, `keyResolver`). */
  readonly option: string | null;
  /** The library calls it with the call-site `this` (`resolver.apply(this, args)`), so `this` in it is the instance. */
  readonly receivesThis: boolean;
  /** A method name (string) is accepted and called on the instance (utils-decorators, lodash-decorators). */
  readonly acceptsMethodName: boolean;
  /** How the resolver's result is held: as given (`strong`: returning `this` pins it) or coerced (`string`). */
  readonly holds: KeyHolding;
  /**
   * How it receives the call's arguments: one parameter each (`resolver.apply(this, args)`, the
   * default) or as one array (`cacheKey(arguments_)`, memoizee's `normalizer(args)`).
   */
  readonly argumentsAs?: 'spread' | 'array';
}

/** A size bound on the cache. */
export interface BoundSpec {
  /** The option that sets it (`maxSize`, `max`), or `null` if it cannot be set. */
  readonly option: string | null;
  /** The default number of entries; `null` when unbounded by default. */
  readonly default: number | null;
  /** Index of a positional bound argument (`memoizerific(limit)`), for `curried` forms. */
  readonly argument?: number;
}

/**
 * How the same export can hold its keys weakly (for fixes), when every key is an object:
 * - `cache-option`: pass a WeakMap as the option (`memoize(fn, { cache: new WeakMap() })`);
 * - `cache-property`: replace the memoized function's cache property, read on every call
 *   (lodash `memoized.cache`, which must implement get/set/has/delete: a WeakMap does);
 * - `variant`: switch to another export that keys its first argument weakly (`memoizee/weak`); only
 *   `options` keep their meaning there.
 */
export type WeakKeysSpec =
  | { readonly kind: 'cache-option'; readonly option: string }
  | { readonly kind: 'cache-property'; readonly property: string }
  | {
      readonly kind: 'variant';
      readonly source: string;
      readonly path: readonly string[];
      readonly localName: string;
      readonly options: readonly string[];
      /** The weak export ships no type declarations: importing it in TypeScript does not type-check. */
      readonly untyped?: boolean;
    };

/** Where to find the per-instance counterpart of a shared export, for fixes. */
export interface PerInstanceCounterpart {
  readonly source: string;
  /** The export (`[]` for the default export). */
  readonly path: readonly string[];
  /** The name to import it under when the file does not import it yet. */
  readonly localName: string;
}

export interface MemoizerSpec {
  /** Stable id of the entry (`lodash.memoize`, `memoizee`), for tests and settings. */
  readonly id: string;
  /** How messages name it: `lodash \`memoize\``, `memoizee`. */
  readonly display: string;
  /** Every `{ source, path }` the export is reachable as (see `ImportOrigin`). */
  readonly origins: ReadonlyArray<{ readonly source: string; readonly path: readonly string[] }>;
  readonly forms: readonly MemoizerForm[];
  readonly cache: CacheLocation;
  /** `function`/`curried`: index of the memoized function in the call that receives it. */
  readonly fnArgument: number;
  /** Index of the options object in the call that configures it (`null`: no options). */
  readonly optionsArgument: number | null;
  readonly key: KeySpec;
  readonly resolver: ResolverSpec | null;
  /**
   * The memoized function runs with the caller's `this` (`fn.apply(this, args)`). `false`: the
   * library drops it (`fn.apply(null, …)`, a hard-bound `strategy.bind(context, …)`): as a method,
   * the function runs without its instance.
   */
  readonly forwardsThis: boolean;
  readonly bound: BoundSpec;
  /** Options that expire entries by time (`maxAge`): entries die late, but they do die. */
  readonly expiryOptions: readonly string[];
  /**
   * The option that supplies the cache object (`cache`). Passed in a decorator's options, the
   * object is evaluated once, when the class is defined: every instance shares it, even with a
   * per-instance decorator.
   */
  readonly cacheOption: string | null;
  /** Options that make even a per-instance cache reachable from a module-level registry (typescript-memoize `tags`). */
  readonly registryOptions: readonly string[];
  /** The per-instance export of the same library that a fix can switch to (`MemoizeAll` → `Memoize`). */
  readonly perInstance: PerInstanceCounterpart | null;
  /** What to do instead, an imperative phrase (`use …`, `create …`), for messages and docs. */
  readonly replacement: string;
  /** How the same export can hold its keys weakly (for fixes); absent when it cannot. */
  readonly weakKeys?: WeakKeysSpec;
  /**
   * A property of the export that sets the cache class of every memoizer it creates afterwards
   * (lodash `memoize.Cache = WeakMap`): set in a module, keys may be held weakly.
   */
  readonly cacheClassProperty?: string;
}

type Origin = { readonly source: string; readonly path: readonly string[] };

const NO_EXPIRY: readonly string[] = [];
const UNBOUNDED: BoundSpec = { option: null, default: null };

/** `lodash`-style member and deep-path spellings: `lodash` `.memoize`, `lodash/memoize`, `lodash/memoize.js`. */
function packageExport(packages: readonly string[], name: string, deepPaths: readonly string[] = []): Origin[] {
  return [
    ...packages.map((source) => ({ source, path: [name] })),
    ...deepPaths.flatMap((source) => [
      { source, path: [] },
      { source: `${source}.js`, path: [] },
    ]),
  ];
}

const LODASH_RESOLVER: ResolverSpec = {
  argument: 1,
  option: null,
  receivesThis: true,
  acceptsMethodName: false,
  holds: 'strong',
};

const PER_INSTANCE_WRAPPER =
  'create the memoized function per instance (a class field or constructor assignment), or key a WeakMap by the instance';

/** The table. Order does not matter: origins are unique across entries. */
export const MEMOIZER_LIBRARIES: readonly MemoizerSpec[] = [
  {
    id: 'lodash.memoize',
    display: 'lodash `memoize`',
    origins: [
      ...packageExport(['lodash', 'lodash-es', 'lodash/lodash', 'lodash/lodash.js'], 'memoize', [
        'lodash/memoize',
        'lodash-es/memoize',
        'lodash/function/memoize', // lodash 3
      ]),
      { source: 'lodash.memoize', path: [] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: null,
    // MapCache: primitives in hash objects, objects in a Map (strong identity).
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: LODASH_RESOLVER, // `resolver.apply(this, args)`
    forwardsThis: true,
    bound: UNBOUNDED, // only by swapping the global `_.memoize.Cache`
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
    // Each call reads `memoized.cache`, and stores `cache.set(key, result) || cache`.
    weakKeys: { kind: 'cache-property', property: 'cache' },
    // `memoized.cache = new (memoize.Cache || MapCache)` when the memoized function is created.
    cacheClassProperty: 'Cache',
  },
  {
    // lodash/fp caps `memoize` to one argument: no resolver.
    id: 'lodash.fp.memoize',
    display: 'lodash/fp `memoize`',
    origins: packageExport(['lodash/fp'], 'memoize', ['lodash/fp/memoize']),
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: null,
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    // `before(2, func)`: `result = func.apply(this, arguments)` on the first call, then `func = undefined`
    // and `result` returned to every later caller. One slot, no key: on a prototype (or applied by a
    // decorator when the class is defined) the first instance's result serves every instance, and stays.
    // lodash 4.18.1 `once.js`/`before.js`, lodash-es 4.18.1 (same code), lodash.once 4.1.1 `index.js`;
    // lodash/fp `once` is `convert('once', require('../once'))` with the same `this`.
    id: 'lodash.once',
    display: 'lodash `once`',
    origins: [
      ...packageExport(['lodash', 'lodash-es', 'lodash/lodash', 'lodash/lodash.js', 'lodash/fp'], 'once', [
        'lodash/once',
        'lodash-es/once',
        'lodash/fp/once',
        'lodash/function/once', // lodash 3
      ]),
      { source: 'lodash.once', path: [] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'none', holds: 'strong', includesThis: false },
    resolver: null,
    forwardsThis: true,
    bound: { option: null, default: 1 },
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: 'create the once-function per instance (a class field or constructor assignment)',
  },
  {
    id: 'underscore.memoize',
    display: 'underscore `memoize`',
    origins: packageExport(['underscore', 'underscore/modules/index-all.js'], 'memoize', [
      'underscore/modules/memoize',
      'underscore/cjs/memoize',
    ]),
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: null,
    // `'' + (hasher ? hasher.apply(this, arguments) : key)`: always a string.
    key: { args: 'first-arg', holds: 'string', includesThis: false },
    resolver: { argument: 1, option: null, receivesThis: true, acceptsMethodName: false, holds: 'string' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    id: 'ramda.memoizeWith',
    display: 'ramda `memoizeWith`',
    origins: packageExport(['ramda'], 'memoizeWith', ['ramda/src/memoizeWith', 'ramda/es/memoizeWith']),
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 1,
    optionsArgument: null,
    // `keyGen.apply(this, arguments)` used as an object property name.
    key: { args: 'all-args', holds: 'string', includesThis: false },
    resolver: { argument: 0, option: null, receivesThis: true, acceptsMethodName: false, holds: 'string' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    id: 'memoizee',
    display: 'memoizee',
    origins: [
      { source: 'memoizee', path: [] },
      { source: 'memoizee/plain', path: [] },
      { source: 'memoizee/index.js', path: [] },
      { source: 'memoizee/plain.js', path: [] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    // Normalizers keep the first `length` args in strong arrays; `normalizer`/`resolvers` never see `this`.
    // A custom `normalizer(args)`'s result is a property name (`cache[id]`, configure-map.js): a string.
    key: { args: 'leading-args', holds: 'strong', lengthOption: 'length', stringOptions: ['primitive'], includesThis: false },
    resolver: { argument: null, option: 'normalizer', receivesThis: false, acceptsMethodName: false, holds: 'string', argumentsAs: 'array' },
    forwardsThis: true,
    bound: { option: 'max', default: null },
    expiryOptions: ['maxAge'],
    cacheOption: null,
    registryOptions: [],
    perInstance: { source: 'memoizee/methods', path: [], localName: 'memoizeMethods' },
    replacement:
      'use `memoizee/methods` (one memoized function per instance), `memoizee/weak` when the instance is the first argument, or a per-instance wrapper',
    // lib/weak.js: a WeakMap keyed by the first argument (a nested memoizer per object when `length` > 1).
    weakKeys: { kind: 'variant', source: 'memoizee/weak', path: [], localName: 'memoizeWeak', options: ['length'], untyped: true }, // @types/memoizee types the main entry only
  },
  {
    // A WeakMap keyed by the first argument, with a nested memoizer per first-arg object.
    id: 'memoizee.weak',
    display: 'memoizee/weak',
    origins: [
      { source: 'memoizee/weak', path: [] },
      { source: 'memoizee/weak-plain', path: [] },
      { source: 'memoizee/weak.js', path: [] },
      { source: 'memoizee/weak-plain.js', path: [] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'first-arg', holds: 'weak', includesThis: false },
    resolver: null,
    forwardsThis: true,
    bound: { option: 'max', default: null },
    expiryOptions: ['maxAge'],
    cacheOption: null,
    registryOptions: [],
    perInstance: { source: 'memoizee/methods', path: [], localName: 'memoizeMethods' },
    replacement: 'use `memoizee/methods` for methods',
  },
  {
    // `lazy` getters: the first read on an instance defines an own property with `memoize(fn.bind(this))`.
    id: 'memoizee.methods',
    display: 'memoizee/methods',
    origins: [
      { source: 'memoizee/methods', path: [] },
      { source: 'memoizee/methods-plain', path: [] },
      { source: 'memoizee/methods.js', path: [] },
      { source: 'memoizee/methods-plain.js', path: [] },
    ],
    forms: ['method-map'],
    cache: 'per-instance',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'leading-args', holds: 'strong', lengthOption: 'length', stringOptions: ['primitive'], includesThis: false },
    resolver: { argument: null, option: 'normalizer', receivesThis: false, acceptsMethodName: false, holds: 'string', argumentsAs: 'array' },
    forwardsThis: true,
    bound: { option: 'max', default: null },
    expiryOptions: ['maxAge'],
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: 'already per instance',
  },
  ...moizeEntries(),
  {
    id: 'micro-memoize',
    display: 'micro-memoize',
    origins: [{ source: 'micro-memoize', path: [] }],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    // `transformKey(args)` never sees `this`; `Object.is` per argument.
    key: { args: 'all-args', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'transformKey', receivesThis: false, acceptsMethodName: false, holds: 'strong', argumentsAs: 'array' },
    forwardsThis: true,
    bound: { option: 'maxSize', default: 1 },
    expiryOptions: ['expires'],
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    // `strategy.bind(context, fn, cache, serializer)`: hard-bound, the caller's `this` never arrives.
    id: 'fast-memoize',
    display: 'fast-memoize',
    origins: [
      { source: 'fast-memoize', path: [] },
      { source: 'fast-memoize', path: ['strategies', 'variadic'] },
      { source: 'fast-memoize', path: ['strategies', 'monadic'] },
      { source: '@formatjs/fast-memoize', path: [] },
      { source: '@formatjs/fast-memoize', path: ['memoize'] },
      { source: '@formatjs/fast-memoize', path: ['strategies', 'variadic'] },
      { source: '@formatjs/fast-memoize', path: ['strategies', 'monadic'] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'serialized-args', holds: 'string', includesThis: false },
    resolver: { argument: null, option: 'serializer', receivesThis: false, acceptsMethodName: false, holds: 'string' },
    forwardsThis: false,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: 'create a per-instance wrapper of `fn.bind(this)` (fast-memoize cannot memoize methods)',
  },
  {
    id: 'nano-memoize',
    display: 'nano-memoize',
    origins: [
      { source: 'nano-memoize', path: [] },
      { source: 'nano-memoize', path: ['nanomemoize'] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    // Unary: a Map keyed by the argument; multi-arg: arrays of `arguments` objects. Both strong.
    key: { args: 'all-args', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'serializer', receivesThis: false, acceptsMethodName: false, holds: 'strong' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: ['maxAge'],
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    // `{ lastThis, lastArgs, lastResult }`: one slot, `this` compared.
    id: 'memoize-one',
    display: 'memoize-one',
    origins: [{ source: 'memoize-one', path: [] }],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'all-args', holds: 'strong', includesThis: true },
    resolver: null, // the second argument is an equality function, not a key
    forwardsThis: true,
    bound: { option: null, default: 1 },
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: 'create it in a class field `m = memoizeOne(…)`, one slot per instance',
  },
  {
    // sindresorhus `memoize` (10.x) and `mem` (≤ 9): `cacheKey(arguments_)` without `this`, default `arguments_[0]`.
    id: 'memoize',
    display: '`memoize`',
    origins: [
      { source: 'memoize', path: [] },
      { source: 'mem', path: [] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'cacheKey', receivesThis: false, acceptsMethodName: false, holds: 'strong', argumentsAs: 'array' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: ['maxAge'],
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: { source: 'memoize', path: ['memoizeDecorator'], localName: 'memoizeDecorator' },
    replacement: 'use `memoizeDecorator()` (one memoized function per instance, in a WeakMap), or `cache: new WeakMap()` when the key is an object',
    weakKeys: { kind: 'cache-option', option: 'cache' }, // has/get/set/delete; `clear` only for memoizeClear
  },
  {
    // `instanceMap = new WeakMap()` per decoration, a getter creating `memoize(input, options)` per instance.
    id: 'memoize.decorator',
    display: '`memoizeDecorator`',
    origins: [
      { source: 'memoize', path: ['memoizeDecorator'] },
      { source: 'mem', path: ['memDecorator'] },
      { source: 'mem', path: ['decorator'] }, // mem 8.1.1+: per instance (8.1.0 was shared)
    ],
    forms: ['decorator-factory'],
    cache: 'per-instance',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'cacheKey', receivesThis: false, acceptsMethodName: false, holds: 'strong', argumentsAs: 'array' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: ['maxAge'],
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: 'use `memoizeDecorator()` without a shared `cache` option',
  },
  {
    // `cacheKey = ([first]) => first`, `cache = new Map()`, plus an in-flight promise cache.
    id: 'p-memoize',
    display: 'p-memoize',
    origins: [{ source: 'p-memoize', path: [] }],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'cacheKey', receivesThis: false, acceptsMethodName: false, holds: 'strong', argumentsAs: 'array' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: { source: 'p-memoize', path: ['pMemoizeDecorator'], localName: 'pMemoizeDecorator' },
    replacement: 'use `pMemoizeDecorator()` (one memoized function per instance)',
    weakKeys: { kind: 'cache-option', option: 'cache' }, // has/get/set/delete; `clear` only for pMemoizeClear
  },
  {
    // v8: TC39 decorator, `context.addInitializer` defines `pMemoize(value, options)` on each instance.
    id: 'p-memoize.decorator',
    display: '`pMemoizeDecorator`',
    origins: [{ source: 'p-memoize', path: ['pMemoizeDecorator'] }],
    forms: ['decorator-factory'],
    cache: 'per-instance',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'cacheKey', receivesThis: false, acceptsMethodName: false, holds: 'strong', argumentsAs: 'array' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: 'use `pMemoizeDecorator()` without a shared `cache` option',
  },
  {
    // A per-instance Map under a per-method Symbol; `tags` push each instance's map into a module-level registry.
    id: 'typescript-memoize',
    display: 'typescript-memoize',
    origins: [
      { source: 'typescript-memoize', path: ['Memoize'] },
      { source: 'typescript-memoize', path: ['MemoizeExpiring'] },
    ],
    forms: ['decorator-factory'],
    cache: 'per-instance',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { argument: 0, option: 'hashFunction', receivesThis: true, acceptsMethodName: false, holds: 'strong' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: ['expiring'],
    cacheOption: null,
    registryOptions: ['tags'],
    perInstance: null,
    replacement: 'drop `tags` from `@Memoize()` (clear caches per instance instead of by tag)',
  },
  {
    // `createInstanceDecorator`: a prototype getter that defines the memoized function on each instance.
    id: 'lodash-decorators.Memoize',
    display: 'lodash-decorators `@Memoize`',
    origins: [
      ...packageExport(['lodash-decorators'], 'Memoize', ['lodash-decorators/memoize']),
      { source: 'lodash-decorators', path: ['memoize'] },
      { source: 'lodash-decorators/memoize', path: ['Memoize'] },
      { source: 'lodash-decorators/memoize', path: ['memoize'] },
    ],
    forms: ['decorator', 'decorator-factory'],
    cache: 'per-instance',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    // The resolver (function or method name) is bound to the instance.
    resolver: { argument: 0, option: 'resolver', receivesThis: true, acceptsMethodName: true, holds: 'strong' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: 'use `@Memoize()` without a shared `cache` option (`type: WeakMap` creates one per instance)',
  },
  {
    // `createDecorator`: `descriptor.value = memoize(fn)` once, on the prototype.
    id: 'lodash-decorators.MemoizeAll',
    display: 'lodash-decorators `@MemoizeAll`',
    origins: [
      ...packageExport(['lodash-decorators'], 'MemoizeAll', ['lodash-decorators/memoizeAll']),
      { source: 'lodash-decorators', path: ['memoizeAll'] },
      { source: 'lodash-decorators/memoizeAll', path: ['MemoizeAll'] },
      { source: 'lodash-decorators/memoizeAll', path: ['memoizeAll'] },
    ],
    forms: ['decorator', 'decorator-factory'],
    cache: 'per-decoration',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { ...LODASH_RESOLVER, argument: 0, option: 'resolver' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: { source: 'lodash-decorators', path: ['Memoize'], localName: 'Memoize' },
    replacement: 'use lodash-decorators `@Memoize()`, which memoizes per instance',
  },
  {
    // `cache = opt.cache || {}` created at decoration; key `String(a[0])`.
    id: 'decko.memoize',
    display: 'decko `@memoize`',
    origins: packageExport(['decko'], 'memoize'),
    forms: ['decorator', 'decorator-factory', 'function'],
    cache: 'per-decoration',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'first-arg', holds: 'string', includesThis: false },
    resolver: null,
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: 'use a per-instance memoizer (lodash-decorators `@Memoize()`, typescript-memoize `@Memoize()`)',
  },
  {
    // `argumentCache` (WeakMap ids), `signatureCache` (strong results) created in `handleDescriptor`.
    id: 'core-decorators.memoize',
    display: 'core-decorators `@memoize`',
    origins: packageExport(['core-decorators'], 'memoize', ['core-decorators/memoize', 'core-decorators/lib/memoize']),
    forms: ['decorator'],
    cache: 'per-decoration',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'all-args', holds: 'weak', includesThis: false },
    resolver: null,
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: 'use lodash-decorators `@Memoize()` (as core-decorators itself advises), or `@decorate(memoize)`',
  },
  {
    // A getter that defines `decorator.call(this, fn)` on each instance (≥ 0.12.1).
    id: 'core-decorators.decorate',
    display: 'core-decorators `@decorate`',
    origins: packageExport(['core-decorators'], 'decorate', ['core-decorators/decorate', 'core-decorators/lib/decorate']),
    forms: ['decorator-factory'],
    cache: 'per-instance',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: null,
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: 'already per instance',
  },
  ...utilsDecoratorsEntries(),
  {
    // `hash.apply(this, args)`, default a JSON-ish string; `cache = new Map()` per call.
    id: 'github.memoize',
    display: '@github/memoize',
    origins: [{ source: '@github/memoize', path: [] }],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'serialized-args', holds: 'string', includesThis: false },
    resolver: { argument: null, option: 'hash', receivesThis: true, acceptsMethodName: false, holds: 'strong' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    // `descriptor.value = memo(descriptor.value, memoizeOptions)`: one cache per decoration.
    id: 'github.memoize.decorator',
    display: '@github/memoize decorator',
    origins: [
      { source: '@github/memoize/decorator', path: [] },
      { source: '@github/memoize/decorator.js', path: [] },
    ],
    forms: ['decorator-factory'],
    cache: 'per-decoration',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'serialized-args', holds: 'string', includesThis: false },
    resolver: { argument: null, option: 'hash', receivesThis: true, acceptsMethodName: false, holds: 'strong' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    // 1.x: `descriptor.value = lodash.memoize(fn, resolver)`, `@memo(resolver)`; 2.x: `@memo({ resolver, cache })`,
    // the cache defaulting to `new Map()` (its own memoize: `resolver.apply(this, args)`, `func.apply(this, args)`).
    // Shared by every instance either way, keyed by the first argument.
    id: 'memo-decorator',
    display: 'memo-decorator `@memo`',
    origins: [
      { source: 'memo-decorator', path: [] },
      { source: 'memo-decorator', path: ['memo'] },
    ],
    forms: ['decorator-factory'],
    cache: 'per-decoration',
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'first-arg', holds: 'strong', includesThis: false },
    resolver: { ...LODASH_RESOLVER, argument: 0, option: 'resolver' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: NO_EXPIRY,
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: 'use a per-instance memoizer (lodash-decorators `@Memoize()`)',
  },
  {
    // `memoizerific(limit)` creates the Map tree; `fn.apply(null, arguments)`.
    id: 'memoizerific',
    display: 'memoizerific',
    origins: [{ source: 'memoizerific', path: [] }],
    forms: ['curried'],
    cache: 'per-factory',
    fnArgument: 0,
    optionsArgument: null,
    key: { args: 'all-args', holds: 'strong', includesThis: false },
    resolver: null,
    forwardsThis: false,
    bound: { option: null, default: null, argument: 0 }, // `limit`; 0 means unlimited
    expiryOptions: NO_EXPIRY,
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
  {
    // `memoizer({ load, hash, max })`: an LRUCache keyed by `hash(...args)`; `load(...args, cb)` without `this`.
    id: 'lru-memoizer',
    display: 'lru-memoizer',
    origins: [
      { source: 'lru-memoizer', path: [] },
      { source: 'lru-memoizer', path: ['sync'] },
    ],
    forms: ['function'],
    cache: 'per-call',
    fnArgument: -1, // the function is the `load` option
    optionsArgument: 0,
    key: { args: 'all-args', holds: 'strong', includesThis: false },
    resolver: { argument: null, option: 'hash', receivesThis: false, acceptsMethodName: false, holds: 'strong' },
    forwardsThis: false,
    bound: { option: 'max', default: null },
    expiryOptions: ['ttl', 'maxAge'],
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  },
];

function moizeEntries(): MemoizerSpec[] {
  // moize 6 (micro-memoize 4): all args by SameValueZero, `maxSize` default 1; `transformArgs(args)` gets no `this`.
  const base: Omit<MemoizerSpec, 'id' | 'display' | 'origins' | 'forms' | 'bound'> = {
    cache: 'per-call',
    fnArgument: 0,
    optionsArgument: 1,
    key: { args: 'all-args', holds: 'strong', stringOptions: ['isSerialized'], includesThis: false },
    resolver: { argument: null, option: 'transformArgs', receivesThis: false, acceptsMethodName: false, holds: 'strong', argumentsAs: 'array' },
    forwardsThis: true,
    expiryOptions: ['maxAge'],
    cacheOption: null,
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  };
  const sameDefaults = ['deep', 'shallow', 'promise', 'react', 'serialize'];
  return [
    {
      ...base,
      id: 'moize',
      display: 'moize',
      origins: [{ source: 'moize', path: [] }, ...sameDefaults.map((name) => ({ source: 'moize', path: [name] }))],
      forms: ['function'],
      bound: { option: 'maxSize', default: 1 },
    },
    {
      ...base,
      id: 'moize.infinite',
      display: '`moize.infinite`',
      origins: [{ source: 'moize', path: ['infinite'] }],
      forms: ['function'],
      bound: { option: 'maxSize', default: null },
    },
    {
      ...base,
      id: 'moize.maxSize',
      display: '`moize.maxSize`',
      origins: [{ source: 'moize', path: ['maxSize'] }],
      forms: ['curried'],
      optionsArgument: null,
      bound: { option: null, default: 1, argument: 0 },
    },
  ];
}

function utilsDecoratorsEntries(): MemoizerSpec[] {
  // `memoizify`: `cache: new Map()` per decorated method; key `JSON.stringify(args)`, or `keyResolver`
  // (a function called without `this`, or a method name called on the instance).
  const base: Omit<MemoizerSpec, 'id' | 'display' | 'origins' | 'forms' | 'cache'> = {
    fnArgument: 0,
    optionsArgument: 0,
    key: { args: 'serialized-args', holds: 'string', includesThis: false },
    resolver: { argument: null, option: 'keyResolver', receivesThis: false, acceptsMethodName: true, holds: 'strong' },
    forwardsThis: true,
    bound: UNBOUNDED,
    expiryOptions: ['expirationTimeMs'],
    cacheOption: 'cache',
    registryOptions: [],
    perInstance: null,
    replacement: PER_INSTANCE_WRAPPER,
  };
  return [
    {
      ...base,
      id: 'utils-decorators.memoize',
      display: 'utils-decorators `@memoize`',
      origins: [
        { source: 'utils-decorators', path: ['memoize'] },
        { source: 'utils-decorators', path: ['memoizeAsync'] },
      ],
      forms: ['decorator-factory'],
      cache: 'per-decoration',
    },
    {
      ...base,
      id: 'utils-decorators.memoizify',
      display: 'utils-decorators `memoizify`',
      origins: [
        { source: 'utils-decorators', path: ['memoizify'] },
        { source: 'utils-decorators', path: ['memoizeAsyncify'] },
      ],
      forms: ['function'],
      cache: 'per-call',
      optionsArgument: 1,
    },
  ];
}
