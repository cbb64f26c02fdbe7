import { readFileSync } from 'node:fs';
import path from 'node:path';
import { moduleFixtures, type RuleCases } from '../rule-tester.js';
import type { MessageIds, Options } from '../../src/rules/no-shared-memoizer-cache.js';

const DECORATED = 'per decorated method';

/** A file of the fixture project the cross-file cases lint (its text as on disk). */
function statics(name: string): { code: string; filename: string } {
  const filename = path.join(moduleFixtures, 'src/statics', name);
  return { code: readFileSync(filename, 'utf8'), filename };
}

/** Every placeholder of both messages (and of the suggestions, which reuse them). */
function found(memoizer: string, cache: string, key: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    memoizer,
    cache,
    container: 'Map',
    created: DECORATED,
    key,
    keyProblem: 'ignoring `this`',
    weak: 'WeakMap',
    ...overrides,
  };
}

/**
 * The rule's cases, by parser; run by the .test.ts file and reused by the type-check test, which
 * compiles every TypeScript case and suggestion output.
 */
export const cases: RuleCases<MessageIds, Options> = {
  typescript: {
    valid: [
      {
        name: 'a decorator this file applies only to static methods: `this` is the class, no instance is kept',
        filename: path.join(moduleFixtures, 'src/statics/local.ts'),
        code: `
const results = new Map<string, unknown>();
function cacheStatic(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const id = key + ':' + args.join(',');
    if (!results.has(id)) results.set(id, original.apply(this, args));
    return results.get(id);
  };
}
export class Paths {
  @cacheStatic
  static parse(text: string): { text: string } {
    return { text };
  }
}`,
      },
      {
        name: 'a TC39 decorator whose addInitializer callback creates the cache and installs the memoized arrow: per instance',
        code: `
export function memoize<T, R>(target: (this: T, ...args: unknown[]) => R, context: ClassMethodDecoratorContext<T>) {
  context.addInitializer(function () {
    const cache = new Map<string, R>()
    ;(this as any)[context.name] = (...args: unknown[]) => {
      const key = JSON.stringify(args)
      if (cache.has(key)) return cache.get(key)!
      const result = target.call(this, ...args)
      cache.set(key, result)
      return result
    }
  })
}
`,
      },
      {
        name: 'a decorator whose key ignores `this`, applied only to a method that never reads `this`: every instance gets the same result anyway',
        filename: path.join(moduleFixtures, 'src/statics/local.ts'),
        code: `
const results = new Map<string, unknown>();
function cached(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const id = key + ':' + args.join(',');
    if (!results.has(id)) results.set(id, original.apply(this, args));
    return results.get(id);
  };
}
export class Prices {
  @cached
  total(price: number, count: number): number {
    return price * count;
  }
}
`,
      },
      {
        name: 'a decorator the package applies only to static methods, in other files (written `@`, and compiled `__decorate`)',
        ...statics('cache-static.ts'),
      },
      {
        name: 'a helper keyed by `this` in a WeakMap the decorator passes it',
        code: `
function memoizeWith(fn: (...args: any[]) => unknown, cache: WeakMap<object, unknown>) {
  return function (this: object, ...args: unknown[]) {
    if (!cache.has(this)) cache.set(this, fn.apply(this, args));
    return cache.get(this);
  };
}
export function Memo() {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    descriptor.value = memoizeWith(descriptor.value, new WeakMap());
  };
}`,
      },
      {
        name: 'an option cache with no default is the caller’s: nothing to judge',
        code: `
function memoize(func: any, options: { cache: Map<unknown, unknown> }) {
  return function (this: unknown, arg: unknown) {
    if (!options.cache.has(arg)) options.cache.set(arg, func.call(this, arg));
    return options.cache.get(arg);
  };
}
export function Memo(options: { cache: Map<unknown, unknown> }) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    descriptor.value = memoize(descriptor.value, options);
  };
}`,
      },
      {
        name: 'a Map created on first use in a slot of the instance',
        code: `
export function cached(_target: any, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  const slot = Symbol(key);
  descriptor.value = function (this: any, arg: unknown) {
    const cache: Map<unknown, unknown> = this[slot] || (this[slot] = new Map());
    if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
    return cache.get(arg);
  };
}`,
      },
      {
        name: 'a legacy decorator with a WeakMap from instance to its own Map',
        code: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const caches = new WeakMap<object, Map<string, unknown>>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const id = JSON.stringify(args);
    if (!cache.has(id)) cache.set(id, original.apply(this, args));
    return cache.get(id);
  };
}
`,
      },
      {
        name: 'a legacy decorator that stores its Map on the instance under a symbol',
        code: `
export function Memoize() {
  return (target: object, key: string, descriptor: PropertyDescriptor): void => {
    const original = descriptor.value;
    const slot = Symbol(key);
    descriptor.value = function (this: any, arg: unknown) {
      if (!Object.prototype.hasOwnProperty.call(this, slot)) {
        Object.defineProperty(this, slot, { value: new Map() });
      }
      const cache: Map<unknown, unknown> = this[slot];
      if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
      return cache.get(arg);
    };
  };
}
`,
      },
      {
        name: 'a legacy lazy getter that defines an own property',
        code: `
export function lazy(target: object, key: string, descriptor: PropertyDescriptor): void {
  const getter = descriptor.get!;
  descriptor.get = function (this: object) {
    const value = getter.call(this);
    Object.defineProperty(this, key, { value, enumerable: false });
    return value;
  };
}
`,
      },
      {
        name: 'a TC39 decorator that memoizes per instance in addInitializer',
        code: `
export function memoize<This extends object, Args extends unknown[], Return>(
  value: (this: This, ...args: Args) => Return,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Return>,
) {
  context.addInitializer(function () {
    const cache = new Map<string, Return>();
    const bound = value.bind(this);
    Object.defineProperty(this, context.name, {
      value: (...args: Args) => {
        const id = JSON.stringify(args);
        if (!cache.has(id)) cache.set(id, bound(...args));
        return cache.get(id)!;
      },
    });
  });
}
`,
      },
      {
        name: 'a TC39 decorator with a WeakMap keyed by this',
        code: `
export function cached<This extends object, Return>(value: (this: This) => Return, context: ClassGetterDecoratorContext<This, Return>) {
  const values = new WeakMap<This, Return>();
  return function (this: This): Return {
    if (!values.has(this)) values.set(this, value.call(this));
    return values.get(this)!;
  };
}
`,
      },
      {
        name: 'a key derived from the instance is not decided',
        code: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cache = new Map<string, unknown>();
  descriptor.value = function (this: { id: string }, arg: string) {
    const id = this.id + ':' + arg;
    if (!cache.has(id)) cache.set(id, original.call(this, arg));
    return cache.get(id);
  };
}
`,
      },
      {
        name: 'a replacement that drops this is a plain function cache',
        code: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cache = new Map<number, number>();
  descriptor.value = (n: number) => {
    if (!cache.has(n)) cache.set(n, original(n));
    return cache.get(n);
  };
}
`,
      },
      {
        name: 'a wrapper used only per instance',
        code: `
function memoize<T>(fn: (this: T, n: number) => number) {
  const cache = new Map<number, number>();
  return function (this: T, n: number): number {
    if (!cache.has(n)) cache.set(n, fn.call(this, n));
    return cache.get(n)!;
  };
}

class Squares {
  base = 2;
  square = memoize(function (this: Squares, n: number) { return n * n * this.base; });
  constructor() {
    this.cube = memoize(this.cube);
  }
  cube(n: number): number { return n * n * n; }
}
`,
      },
      {
        name: 'a wrapper that the file never installs on a shared slot',
        code: `
export function memoize(fn: (this: unknown, n: number) => number) {
  const cache = new Map<number, number>();
  return function (this: unknown, n: number): number {
    if (!cache.has(n)) cache.set(n, fn.call(this, n));
    return cache.get(n)!;
  };
}
`,
      },
      {
        name: 'a call counter is not a cache of results',
        code: `
const calls: Record<string, number> = {};

export function counted(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    calls[key] = (calls[key] ?? 0) + 1;
    return original.apply(this, args);
  };
}
`,
      },
      {
        name: 'a timing decorator without a cache',
        code: `
export function timed(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      console.log(key, performance.now() - start);
    }
  };
}
`,
      },
      {
        name: 'a cache from an unknown factory is not decided',
        code: `
import { createCache } from './cache';

export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cache = createCache();
  descriptor.value = function (this: unknown, arg: string) {
    if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
    return cache.get(arg);
  };
}
`,
      },
      {
        name: 'a Set of arguments is not a memoizer',
        code: `
export function logFirstUse(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const seen = new Set<string>();
  descriptor.value = function (this: unknown, name: string) {
    if (!seen.has(name)) {
      seen.add(name);
      console.log('first use of', name);
    }
    return original.call(this, name);
  };
}
`,
      },
      {
        name: 'a decorator that applies lodash memoize per instance, in a getter that defines the own property',
        code: `
import _ from 'lodash';
export function memoized(_target: object, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value as (...args: unknown[]) => unknown;
  return {
    configurable: true,
    get(this: object) {
      const m = _.memoize(original.bind(this));
      Object.defineProperty(this, key, { value: m });
      return m;
    },
  };
}`,
      },
      {
        name: 'a decorator whose lodash resolver derives a per-instance string key (this.id)',
        code: `
import _ from 'lodash';
export function memoById(_target: object, _key: string, descriptor: PropertyDescriptor) {
  descriptor.value = _.memoize(descriptor.value, function (this: { id: string }, x: number) { return this.id + ':' + x; });
}`,
      },
      {
        name: 'a library memoizer applied to something other than the method',
        code: `
import memoizee from 'memoizee';
export function logged(_target: object, _key: string, descriptor: PropertyDescriptor) {
  const format = memoizee((x: number) => String(x));
  const original = descriptor.value as (...args: unknown[]) => unknown;
  descriptor.value = function (this: object, ...args: unknown[]) { console.log(format(args.length)); return original.apply(this, args); };
}`,
      },
      {
        name: 'a key on the branch taken by default derived from the instance in a way that cannot be judged stays undecided',
        code: `
export function Remember(hashFn?: (...args: unknown[]) => string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const cache = new Map<unknown, unknown>();
    const original = descriptor.value;
    descriptor.value = function (this: { id: string }, ...args: unknown[]) {
      const key = hashFn ? hashFn.apply(this, args) : args[0] ? this.id : JSON.stringify(args);
      if (!cache.has(key)) cache.set(key, original.apply(this, args));
      return cache.get(key);
    };
  };
}`,
      },
      {
        name: 'a shared WeakMap keyed by the getter whose values are WeakMaps keyed by `this`: the innermost key is the instance',
        code: `
export function computed(getter: () => unknown, _context: ClassGetterDecoratorContext) {
  const byGetter = new WeakMap<object, WeakMap<object, { value: unknown }>>();
  return function (this: object) {
    let perInstance = byGetter.get(getter);
    if (!perInstance) {
      perInstance = new WeakMap();
      byGetter.set(getter, perInstance);
    }
    let entry = perInstance.get(this);
    if (!entry) {
      entry = { value: getter.call(this) };
      perInstance.set(this, entry);
    }
    return entry.value;
  };
}`,
      },
    ],
    invalid: [
      {
        name: 'a TC39 decorator whose addInitializer callback installs an arrow over a Map of the decorator body: one Map per decorated method (no suggestion: the arrow\'s `this` is typed by the initializer)',
        code: `
export function memoize<T, R>(target: (this: T, ...args: unknown[]) => R, context: ClassMethodDecoratorContext<T>) {
  const cache = new Map<string, R>()
  context.addInitializer(function () {
    (this as any)[context.name] = (...args: unknown[]) => {
      const key = JSON.stringify(args)
      if (cache.has(key)) return cache.get(key)!
      const result = target.call(this, ...args)
      cache.set(key, result)
      return result
    }
  })
}
`,
        errors: [{ messageId: 'sharedCacheCrossInstance', data: found('Decorator `memoize`', 'cache', 'key'), line: 2, suggestions: [] }],
      },
      {
        name: 'a decorator that reaches the descriptor through a local for the other calling convention (`descriptor || target.descriptor`)',
        code: `
export function Memo(memoKey: (args: unknown[]) => string = (args) => JSON.stringify(args)) {
  return (target: any, propertyKey: string, descriptor?: PropertyDescriptor) => {
    const realDescriptor = descriptor || target.descriptor;
    const fn = realDescriptor.value;
    const cache: Record<string, unknown> = {};
    realDescriptor.value = function (this: unknown, ...args: unknown[]) {
      const key = memoKey(args);
      if (!cache[key]) cache[key] = fn.apply(this, args);
      return cache[key];
    };
    return descriptor || target;
  };
}`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                output: `
export function Memo(memoKey: (args: unknown[]) => string = (args) => JSON.stringify(args)) {
  return (target: any, propertyKey: string, descriptor?: PropertyDescriptor) => {
    const realDescriptor = descriptor || target.descriptor;
    const fn = realDescriptor.value;
    const cacheByInstance = new WeakMap<object, Record<string, unknown>>();
    realDescriptor.value = function (this: unknown, ...args: unknown[]) {
      if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, {});
      const cache = cacheByInstance.get(this as object)!;
      const key = memoKey(args);
      if (!cache[key]) cache[key] = fn.apply(this, args);
      return cache[key];
    };
    return descriptor || target;
  };
}`,
              },
            ],
          },
        ],
      },
      {
        name: 'a wrapper with an optional hash function, handed to an adapter: keyed by its default (JSON) when none is given',
        code: `
function generate(decorator: (fn: (...args: any[]) => any, ...rest: any[]) => any, ...rest: any[]) {
  return (target: object, key: string, descriptor: PropertyDescriptor) => {
    descriptor.value = decorator(descriptor.value, ...rest);
  };
}
function memoizer(fn: (...args: any[]) => any, hashFn?: (...args: any[]) => string) {
  const cache: { [key: string]: { value: unknown } } = {};
  return function (this: unknown, ...args: any[]) {
    const key = hashFn ? hashFn.apply(this, args) : JSON.stringify(args);
    if (cache[key] === undefined) cache[key] = { value: fn.apply(this, args) };
    return cache[key].value;
  };
}
export function Memoize(hashFn?: (...args: any[]) => string) {
  return generate(memoizer, hashFn);
}`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            line: 7,
            suggestions: [{ messageId: 'usePerInstanceCache', output: `
function generate(decorator: (fn: (...args: any[]) => any, ...rest: any[]) => any, ...rest: any[]) {
  return (target: object, key: string, descriptor: PropertyDescriptor) => {
    descriptor.value = decorator(descriptor.value, ...rest);
  };
}
function memoizer(fn: (...args: any[]) => any, hashFn?: (...args: any[]) => string) {
  const cacheByInstance = new WeakMap<object, { [key: string]: { value: unknown } }>();
  return function (this: unknown, ...args: any[]) {
    if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, {});
    const cache = cacheByInstance.get(this as object)!;
    const key = hashFn ? hashFn.apply(this, args) : JSON.stringify(args);
    if (cache[key] === undefined) cache[key] = { value: fn.apply(this, args) };
    return cache[key].value;
  };
}
export function Memoize(hashFn?: (...args: any[]) => string) {
  return generate(memoizer, hashFn);
}` }],
          },
        ],
      },
      {
        name: 'the same with a function installed by the initializer',
        code: `
export function memoize<T, R>(target: (this: T, ...args: unknown[]) => R, context: ClassMethodDecoratorContext<T>) {
  const cache = new Map<string, R>()
  context.addInitializer(function () {
    (this as any)[context.name] = function (this: T, ...args: unknown[]) {
      const key = JSON.stringify(args)
      if (cache.has(key)) return cache.get(key)!
      const result = target.call(this, ...args)
      cache.set(key, result)
      return result
    }
  })
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator `memoize`', 'cache', 'key'),
            line: 2,
            suggestions: [{ messageId: 'usePerInstanceCache', data: found('Decorator `memoize`', 'cache', 'key'), output: `
export function memoize<T, R>(target: (this: T, ...args: unknown[]) => R, context: ClassMethodDecoratorContext<T>) {
  const cacheByInstance = new WeakMap<object, Map<string, R>>()
  context.addInitializer(function () {
    (this as any)[context.name] = function (this: T, ...args: unknown[]) {
      if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new Map<string, R>());
      const cache = cacheByInstance.get(this as object)!;
      const key = JSON.stringify(args)
      if (cache.has(key)) return cache.get(key)!
      const result = target.call(this, ...args)
      cache.set(key, result)
      return result
    }
  })
}
` }],
          },
        ],
      },
      {
        name: 'getters per instance in one branch, methods in one shared memo in the other: judged by the branch that shares',
        code: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const { value, get } = descriptor;
  if (get) {
    descriptor.get = function (this: object) {
      const result = get.call(this);
      Object.defineProperty(this, key, { value: result });
      return result;
    };
    return;
  }
  const memo: Record<string, unknown> = Object.create(null);
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const id = JSON.stringify(args);
    if (id in memo) return memo[id];
    return (memo[id] = value.apply(this, args));
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memoize`', 'memo', 'id', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
            line: 2,
            suggestions: [{ messageId: 'usePerInstanceCache', data: found('Method decorator `memoize`', 'memo', 'id', { container: 'plain object', keyProblem: 'as a string, not by `this`' }), output: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const { value, get } = descriptor;
  if (get) {
    descriptor.get = function (this: object) {
      const result = get.call(this);
      Object.defineProperty(this, key, { value: result });
      return result;
    };
    return;
  }
  const memoByInstance = new WeakMap<object, Record<string, unknown>>();
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    if (!memoByInstance.has(this as object)) memoByInstance.set(this as object, Object.create(null));
    const memo = memoByInstance.get(this as object)!;
    const id = JSON.stringify(args);
    if (id in memo) return memo[id];
    return (memo[id] = value.apply(this, args));
  };
}
` }],
          },
        ],
      },
      {
        name: 'the same decorator applied to a method that reads `this`: instances get each other\'s results',
        filename: path.join(moduleFixtures, 'src/statics/local.ts'),
        code: `
const results = new Map<string, unknown>();
function cached(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const id = key + ':' + args.join(',');
    if (!results.has(id)) results.set(id, original.apply(this, args));
    return results.get(id);
  };
}
export class Prices {
  rate = 1;
  @cached
  total(price: number, count: number): number {
    return price * count * this.rate;
  }
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `cached`', 'results', 'id', { created: 'per module, for every method' }),
            line: 3,
            suggestions: [{ messageId: 'usePerInstanceCache', data: found('Method decorator `cached`', 'results', 'id', { created: 'per module, for every method' }), output: `
const resultsByInstance = new WeakMap<object, Map<string, unknown>>();
function cached(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    if (!resultsByInstance.has(this as object)) resultsByInstance.set(this as object, new Map<string, unknown>());
    const results = resultsByInstance.get(this as object)!;
    const id = key + ':' + args.join(',');
    if (!results.has(id)) results.set(id, original.apply(this, args));
    return results.get(id);
  };
}
export class Prices {
  rate = 1;
  @cached
  total(price: number, count: number): number {
    return price * count * this.rate;
  }
}
` }],
          },
        ],
      },
      {
        name: 'a decorator applied only in the package\'s own tests (to a static method): tests do not count, it is reported',
        ...statics('cache-tested.ts'),
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator factory `cacheTested`', 'results', 'id', { created: 'per module, for every method' }),
            line: 4,
            suggestions: [{ messageId: 'usePerInstanceCache', data: found('Method decorator factory `cacheTested`', 'results', 'id', { created: 'per module, for every method' }), output: `/** The same design as \`cache-static.ts\`, applied only in its own tests (which do not count). */
const resultsByInstance = new WeakMap<object, Map<string, unknown>>();

export function cacheTested() {
  return function (target: object, key: string, descriptor: PropertyDescriptor) {
    const original = descriptor.value;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      if (!resultsByInstance.has(this as object)) resultsByInstance.set(this as object, new Map<string, unknown>());
      const results = resultsByInstance.get(this as object)!;
      const id = \`\${key}:\${args.join(',')}\`;
      if (!results.has(id)) results.set(id, original.apply(this, args));
      return results.get(id);
    };
    return descriptor;
  };
}
` }],
          },
        ],
      },
      {
        name: 'a decorator the package applies to a static method and, in another file, to an instance method',
        ...statics('cache-mixed.ts'),
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator factory `cacheMixed`', 'results', 'id', { created: 'per module, for every method' }),
            line: 4,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator factory `cacheMixed`', 'results', 'id', { created: 'per module, for every method' }),
                output: `/** The same design as \`cache-static.ts\`, applied to a static method and to an instance method. */
const resultsByInstance = new WeakMap<object, Map<string, unknown>>();

export function cacheMixed() {
  return function (target: object, key: string, descriptor: PropertyDescriptor) {
    const original = descriptor.value;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      if (!resultsByInstance.has(this as object)) resultsByInstance.set(this as object, new Map<string, unknown>());
      const results = resultsByInstance.get(this as object)!;
      const id = \`\${key}:\${args.join(',')}\`;
      if (!results.has(id)) results.set(id, original.apply(this, args));
      return results.get(id);
    };
    return descriptor;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a decorator that applies lodash `once` when the class is defined: one result for every instance',
        code: `
import _ from 'lodash';
export function runOnce(_target: object, _key: string, descriptor: PropertyDescriptor) {
  descriptor.value = _.once(descriptor.value);
  return descriptor;
}`,
        errors: [{ messageId: 'sharedLibraryCache', line: 3 }],
      },
      {
        name: 'a key function option of the factory that a caller does not pass: the key is the default branch',
        code: `
export function Remember(hashFn?: (...args: unknown[]) => string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const cache = new Map<string, unknown>();
    const original = descriptor.value;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      const key = hashFn ? hashFn.apply(this, args) : JSON.stringify(args);
      if (!cache.has(key)) cache.set(key, original.apply(this, args));
      return cache.get(key);
    };
  };
}`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                output: `
export function Remember(hashFn?: (...args: unknown[]) => string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const cacheByInstance = new WeakMap<object, Map<string, unknown>>();
    const original = descriptor.value;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new Map<string, unknown>());
      const cache = cacheByInstance.get(this as object)!;
      const key = hashFn ? hashFn.apply(this, args) : JSON.stringify(args);
      if (!cache.has(key)) cache.set(key, original.apply(this, args));
      return cache.get(key);
    };
  };
}`,
              },
            ],
          },
        ],
      },
      {
        name: 'a shared WeakMap keyed by the getter whose values are Maps keyed by `this`: the inner Map pins every instance',
        code: `
export function computed(getter: () => unknown, _context: ClassGetterDecoratorContext) {
  const byGetter = new WeakMap<object, Map<object, unknown>>();
  return function (this: object) {
    let perInstance = byGetter.get(getter);
    if (!perInstance) byGetter.set(getter, (perInstance = new Map()));
    if (!perInstance.has(this)) perInstance.set(this, getter.call(this));
    return perInstance.get(this);
  };
}`,
        errors: [{ messageId: 'sharedCachePinsInstances', line: 2 }],
      },
      {
        name: 'a decorator passes a Map it creates per decorated method to a same-file helper as a parameter',
        code: `
function memoizeWith(fn: (...args: any[]) => unknown, cache: Map<unknown, unknown>) {
  return function (this: unknown, ...args: unknown[]) {
    if (!cache.has(args[0])) cache.set(args[0], fn.apply(this, args));
    return cache.get(args[0]);
  };
}
export function Memo() {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    descriptor.value = memoizeWith(descriptor.value, new Map());
  };
}`,
        errors: [
          {
            messageId: 'sharedLibraryCache',
            line: 8,
            data: {
              memoizer: 'Method decorator factory `Memo`',
              library: '`memoizeWith` (line 2)',
              key: '`args[0]`',
              consequence: "instances get each other's results, which stay in memory",
            },
          },
        ],
      },
      {
        name: 'a helper reads its cache back from a property of the function it returns, and its key function from the caller’s options',
        code: `
function memoize(func: any, resolver: any, cache: any) {
  const memoized: any = function (this: unknown, ...args: unknown[]) {
    const key = resolver.apply(this, args);
    const store = memoized.cache;
    if (store.has(key)) return store.get(key);
    const result = func.apply(this, args);
    store.set(key, result);
    return result;
  };
  memoized.cache = cache;
  return memoized;
}
const firstArgument = (...args: unknown[]) => args[0];
export function Memo(config: { resolver?: (...args: unknown[]) => unknown; cache?: Map<unknown, unknown> } = {}) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const resolver = config.resolver ?? firstArgument;
    const cache = config.cache ?? new Map();
    descriptor.value = memoize(descriptor.value, resolver, cache);
  };
}`,
        errors: [{ messageId: 'sharedLibraryCache', line: 15 }],
      },
      {
        name: 'TypeScript’s compiled `??` picks the default cache and key function',
        code: `
function memoize(func: any, resolver: any, cache: any) {
  return function (this: unknown, ...args: unknown[]) {
    const key = resolver.apply(this, args);
    if (!cache.has(key)) cache.set(key, func.apply(this, args));
    return cache.get(key);
  };
}
const firstArgument = (...args: unknown[]) => args[0];
export function Memo(config: any) {
  if (config === void 0) { config = {}; }
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    let _a, _b;
    const resolver = (_a = config.resolver) !== null && _a !== void 0 ? _a : firstArgument;
    const cache = (_b = config.cache) !== null && _b !== void 0 ? _b : new Map();
    descriptor.value = memoize(descriptor.value, resolver, cache);
  };
}`,
        errors: [{ messageId: 'sharedLibraryCache', line: 10 }],
      },
      {
        name: 'a helper merges the caller’s options over defaults that hold the cache and key function',
        code: `
function memoizify(original: any, input?: { cache?: Map<string, unknown>; keyResolver?: (...args: unknown[]) => string }) {
  const defaults = { cache: new Map<string, unknown>() };
  let config: any = Object.assign({}, defaults);
  if (input) config = Object.assign(Object.assign({}, config), input);
  return function (this: unknown, ...args: unknown[]) {
    const keyResolver = config.keyResolver;
    const key = keyResolver ? keyResolver(...args) : JSON.stringify(args);
    if (!config.cache.has(key)) config.cache.set(key, original.apply(this, args));
    return config.cache.get(key);
  };
}
export function memoize(input?: { keyResolver?: (...args: unknown[]) => string }) {
  return (_target: object, _key: string, descriptor: PropertyDescriptor) => {
    descriptor.value = memoizify(descriptor.value, input);
    return descriptor;
  };
}`,
        errors: [{ messageId: 'sharedLibraryCache', line: 13 }],
      },
      {
        name: 'a decorator creates its Map on first use in a slot of the prototype',
        code: `
export function cached(target: any, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  const slot = '__cache_' + key;
  descriptor.value = function (this: unknown, arg: unknown) {
    const cache: Map<unknown, unknown> = target[slot] || (target[slot] = new Map());
    if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
    return cache.get(arg);
  };
}`,
        errors: [{ messageId: 'sharedCacheCrossInstance', line: 2 }],
      },
      {
        name: 'a module Map from each instance to an id, and a computed descriptor slot handling methods and getters in one branch',
        code: `
const ids = new Map<object, number>();
let next = 1;
export function memoize() {
  return function (_target: object, _name: string, descriptor: PropertyDescriptor) {
    const slot = descriptor.value ? 'value' : 'get';
    const original = descriptor[slot] as (...args: unknown[]) => unknown;
    const results = new Map<string, unknown>();
    descriptor[slot] = function (this: object, ...args: unknown[]) {
      let id = ids.get(this);
      if (!id) ids.set(this, (id = next++));
      const key = \`\${id}:\${JSON.stringify(args)}\`;
      if (!results.has(key)) results.set(key, original.apply(this, args));
      return results.get(key);
    };
  };
}`,
        errors: [{ messageId: 'sharedCachePinsInstances', line: 4, suggestions: [{ messageId: 'useWeakContainer', output: `
const ids = new WeakMap<object, number>();
let next = 1;
export function memoize() {
  return function (_target: object, _name: string, descriptor: PropertyDescriptor) {
    const slot = descriptor.value ? 'value' : 'get';
    const original = descriptor[slot] as (...args: unknown[]) => unknown;
    const results = new Map<string, unknown>();
    descriptor[slot] = function (this: object, ...args: unknown[]) {
      let id = ids.get(this);
      if (!id) ids.set(this, (id = next++));
      const key = \`\${id}:\${JSON.stringify(args)}\`;
      if (!results.has(key)) results.set(key, original.apply(this, args));
      return results.get(key);
    };
  };
}` }] }],
      },
      {
        name: 'a decorator factory whose cache is an option with a shared default (opts.cache || new Map(), a destructuring default)',
        code: `
export function Cached(options: { cache?: Map<string, unknown> } = {}) {
  const cache = options.cache || new Map<string, unknown>();
  return function (_t: object, _k: string, descriptor: PropertyDescriptor) {
    const original = descriptor.value as (...args: unknown[]) => unknown;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      const key = JSON.stringify(args);
      if (!cache.has(key)) cache.set(key, original.apply(this, args));
      return cache.get(key);
    };
  };
}
export function CachedByThis({ cache = new Map<object, unknown>() } = {}) {
  return function (_t: object, _k: string, descriptor: PropertyDescriptor) {
    const original = descriptor.value as (this: object) => unknown;
    descriptor.value = function (this: object) {
      if (!cache.has(this)) cache.set(this, original.call(this));
      return cache.get(this);
    };
  };
}`,
        errors: [
          { messageId: 'sharedCacheCrossInstance', line: 2 },
          { messageId: 'sharedCachePinsInstances', line: 13 },
        ],
      },
      {
        name: 'library memoizers applied by hand-written decorators when the class is defined',
        code: `
import memoizee from 'memoizee';
import _ from 'lodash';
export function Memoize(options?: memoizee.Options<any>) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    descriptor.value = memoizee(descriptor.value, options);
  };
}
export function memoOnThis(_target: object, _key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value as (...args: unknown[]) => unknown;
  const memoized = _.memoize(original, function (this: object) { return this; });
  descriptor.value = function (this: object, ...args: unknown[]) { return memoized.apply(this, args); };
}
export const fromTarget = (target: any, key: string, _descriptor: PropertyDescriptor) => {
  _descriptor.value = _.memoize(target[key]);
};
export function standard(value: (...args: any[]) => unknown, _context: ClassMethodDecoratorContext) {
  return _.memoize(value);
}`,
        errors: [
          {
            messageId: 'sharedLibraryCache',
            line: 4,
            data: {
              memoizer: 'Method decorator factory `Memoize`',
              library: 'memoizee',
              key: 'the arguments',
              consequence: "instances get each other's results, which stay in memory",
            },
          },
          {
            messageId: 'sharedLibraryCache',
            line: 9,
            data: {
              memoizer: 'Method decorator `memoOnThis`',
              library: 'lodash `memoize`',
              key: 'the key function, which returns `this`',
              consequence: 'every instance called stays in memory',
            },
          },
          { messageId: 'sharedLibraryCache', line: 14 },
          { messageId: 'sharedLibraryCache', line: 17 },
        ],
      },
      {
        name: 'a legacy method decorator with a JSON key in a Map created per decoration',
        code: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cache = new Map<string, unknown>();
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const cacheKey = JSON.stringify(args);
    if (!cache.has(cacheKey)) cache.set(cacheKey, original.apply(this, args));
    return cache.get(cacheKey);
  };
}

export class PriceList {
  constructor(private readonly rates: Record<string, number>) {}

  @memoize
  price(currency: string): number {
    return this.rates[currency] ?? 0;
  }
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memoize`', 'cache', 'cacheKey'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memoize`', 'cache', 'cacheKey'),
                output: `
export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cacheByInstance = new WeakMap<object, Map<string, unknown>>();
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new Map<string, unknown>());
    const cache = cacheByInstance.get(this as object)!;
    const cacheKey = JSON.stringify(args);
    if (!cache.has(cacheKey)) cache.set(cacheKey, original.apply(this, args));
    return cache.get(cacheKey);
  };
}

export class PriceList {
  constructor(private readonly rates: Record<string, number>) {}

  @memoize
  price(currency: string): number {
    return this.rates[currency] ?? 0;
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy getter decorator whose Map is keyed by this',
        code: `
export function lazy(target: object, key: string, descriptor: PropertyDescriptor): void {
  const compute = descriptor.get!;
  const values = new Map<object, unknown>();
  descriptor.get = function (this: object) {
    if (!values.has(this)) values.set(this, compute.call(this));
    return values.get(this);
  };
}

export class Report {
  constructor(private readonly rows: number[]) {}

  @lazy
  get total(): number {
    return this.rows.reduce((sum, row) => sum + row, 0);
  }
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Getter decorator `lazy`', 'values', 'this'),
            line: 2,
            suggestions: [
              {
                messageId: 'useWeakContainer',
                data: found('Getter decorator `lazy`', 'values', 'this'),
                output: `
export function lazy(target: object, key: string, descriptor: PropertyDescriptor): void {
  const compute = descriptor.get!;
  const values = new WeakMap<object, unknown>();
  descriptor.get = function (this: object) {
    if (!values.has(this)) values.set(this, compute.call(this));
    return values.get(this);
  };
}

export class Report {
  constructor(private readonly rows: number[]) {}

  @lazy
  get total(): number {
    return this.rows.reduce((sum, row) => sum + row, 0);
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator factory whose cache is created in the factory body',
        code: `
interface MemoizeOptions { resolver?: (...args: any[]) => string }

export function Memoize(options: MemoizeOptions = {}) {
  const cache = new Map<string, unknown>();
  return function (target: object, key: string, descriptor: PropertyDescriptor): void {
    const original = descriptor.value;
    descriptor.value = function (this: unknown, ...args: any[]) {
      const id = options.resolver ? options.resolver(...args) : String(args[0]);
      if (cache.has(id)) return cache.get(id);
      const result = original.apply(this, args);
      cache.set(id, result);
      return result;
    };
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator factory `Memoize`', 'cache', 'id', { created: 'per decorator-factory call' }),
            line: 4,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator factory `Memoize`', 'cache', 'id', { created: 'per decorator-factory call' }),
                output: `
interface MemoizeOptions { resolver?: (...args: any[]) => string }

export function Memoize(options: MemoizeOptions = {}) {
  const cacheByInstance = new WeakMap<object, Map<string, unknown>>();
  return function (target: object, key: string, descriptor: PropertyDescriptor): void {
    const original = descriptor.value;
    descriptor.value = function (this: unknown, ...args: any[]) {
      if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new Map<string, unknown>());
      const cache = cacheByInstance.get(this as object)!;
      const id = options.resolver ? options.resolver(...args) : String(args[0]);
      if (cache.has(id)) return cache.get(id);
      const result = original.apply(this, args);
      cache.set(id, result);
      return result;
    };
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator for async methods that shares pending promises',
        code: `
export function dedupe(target: object, key: string, descriptor: PropertyDescriptor): void {
  const { value: load } = descriptor;
  const pending = new Map<string, Promise<unknown>>();
  descriptor.value = async function (this: unknown, id: string) {
    const known = pending.get(id);
    if (known) return known;
    const promise = load.call(this, id) as Promise<unknown>;
    pending.set(id, promise);
    promise.catch(() => pending.delete(id));
    return promise;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `dedupe`', 'pending', 'id'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `dedupe`', 'pending', 'id'),
                output: `
export function dedupe(target: object, key: string, descriptor: PropertyDescriptor): void {
  const { value: load } = descriptor;
  const pendingByInstance = new WeakMap<object, Map<string, Promise<unknown>>>();
  descriptor.value = async function (this: unknown, id: string) {
    if (!pendingByInstance.has(this as object)) pendingByInstance.set(this as object, new Map<string, Promise<unknown>>());
    const pending = pendingByInstance.get(this as object)!;
    const known = pending.get(id);
    if (known) return known;
    const promise = load.call(this, id) as Promise<unknown>;
    pending.set(id, promise);
    promise.catch(() => pending.delete(id));
    return promise;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator with a Map of per-instance Maps keyed by this',
        code: `
export function memoizeByArgs(target: object, key: string, descriptor: PropertyDescriptor): void {
  const method = descriptor.value;
  const byInstance = new Map<object, Map<string, unknown>>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    let results = byInstance.get(this);
    if (!results) {
      results = new Map();
      byInstance.set(this, results);
    }
    const argsKey = args.join('|');
    if (!results.has(argsKey)) results.set(argsKey, method.apply(this, args));
    return results.get(argsKey);
  };
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Method decorator `memoizeByArgs`', 'byInstance', 'this'),
            line: 2,
            suggestions: [
              {
                messageId: 'useWeakContainer',
                data: found('Method decorator `memoizeByArgs`', 'byInstance', 'this'),
                output: `
export function memoizeByArgs(target: object, key: string, descriptor: PropertyDescriptor): void {
  const method = descriptor.value;
  const byInstance = new WeakMap<object, Map<string, unknown>>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    let results = byInstance.get(this);
    if (!results) {
      results = new Map();
      byInstance.set(this, results);
    }
    const argsKey = args.join('|');
    if (!results.has(argsKey)) results.set(argsKey, method.apply(this, args));
    return results.get(argsKey);
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator whose cache lives at module scope and serves every decorated method',
        code: `
const memoCache = new Map<string, unknown>();

export function cached(target: object, key: string, descriptor: PropertyDescriptor): void {
  const fn = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const entry = key + ':' + JSON.stringify(args);
    if (!memoCache.has(entry)) memoCache.set(entry, fn.apply(this, args));
    return memoCache.get(entry);
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `cached`', 'memoCache', 'entry', { created: 'per module, for every method' }),
            line: 4,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `cached`', 'memoCache', 'entry', { created: 'per module, for every method' }),
                output: `
const memoCacheByInstance = new WeakMap<object, Map<string, unknown>>();

export function cached(target: object, key: string, descriptor: PropertyDescriptor): void {
  const fn = descriptor.value;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    if (!memoCacheByInstance.has(this as object)) memoCacheByInstance.set(this as object, new Map<string, unknown>());
    const memoCache = memoCacheByInstance.get(this as object)!;
    const entry = key + ':' + JSON.stringify(args);
    if (!memoCache.has(entry)) memoCache.set(entry, fn.apply(this, args));
    return memoCache.get(entry);
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator with a plain object cache',
        code: `
export function memo(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const results: Record<string, unknown> = {};
  descriptor.value = function (this: unknown, arg: string) {
    if (!(arg in results)) results[arg] = original.call(this, arg);
    return results[arg];
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memo`', 'results', 'arg', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memo`', 'results', 'arg', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
                output: `
export function memo(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const resultsByInstance = new WeakMap<object, Record<string, unknown>>();
  descriptor.value = function (this: unknown, arg: string) {
    if (!resultsByInstance.has(this as object)) resultsByInstance.set(this as object, {});
    const results = resultsByInstance.get(this as object)!;
    if (!(arg in results)) results[arg] = original.call(this, arg);
    return results[arg];
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator whose key is an array holding this',
        code: `
export function memoizeAll(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cache = new Map<unknown[], unknown>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    const cacheKey = [this, ...args];
    const hit = cache.get(cacheKey);
    if (hit !== undefined) return hit;
    const value = original.apply(this, args);
    cache.set(cacheKey, value);
    return value;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Method decorator `memoizeAll`', 'cache', 'cacheKey'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memoizeAll`', 'cache', 'cacheKey'),
                output: `
export function memoizeAll(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cacheByInstance = new WeakMap<object, Map<unknown[], unknown>>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map<unknown[], unknown>());
    const cache = cacheByInstance.get(this)!;
    const cacheKey = [this, ...args];
    const hit = cache.get(cacheKey);
    if (hit !== undefined) return hit;
    const value = original.apply(this, args);
    cache.set(cacheKey, value);
    return value;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a TC39 method decorator with a generic this and a key from the first argument',
        code: `
export function memoize<This, Args extends [unknown, ...unknown[]], Return>(
  value: (this: This, ...args: Args) => Return,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Return>,
) {
  if (context.kind !== 'method') throw new TypeError('@memoize decorates methods');
  const cache = new Map<unknown, Return>();
  return function (this: This, ...args: Args): Return {
    const [first] = args;
    if (!cache.has(first)) cache.set(first, value.apply(this, args));
    return cache.get(first)!;
  };
}

export class Geometry {
  constructor(private readonly scale: number) {}

  @memoize
  area(side: number): number {
    return side * side * this.scale;
  }
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator `memoize`', 'cache', 'first'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Decorator `memoize`', 'cache', 'first'),
                output: `
export function memoize<This, Args extends [unknown, ...unknown[]], Return>(
  value: (this: This, ...args: Args) => Return,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Return>,
) {
  if (context.kind !== 'method') throw new TypeError('@memoize decorates methods');
  const cacheByInstance = new WeakMap<object, Map<unknown, Return>>();
  return function (this: This, ...args: Args): Return {
    if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new Map<unknown, Return>());
    const cache = cacheByInstance.get(this as object)!;
    const [first] = args;
    if (!cache.has(first)) cache.set(first, value.apply(this, args));
    return cache.get(first)!;
  };
}

export class Geometry {
  constructor(private readonly scale: number) {}

  @memoize
  area(side: number): number {
    return side * side * this.scale;
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a TC39 getter decorator whose Map is keyed by this',
        code: `
export function once<This, Return>(value: (this: This) => Return, context: ClassGetterDecoratorContext<This, Return>) {
  const values = new Map<This, Return>();
  return function (this: This): Return {
    if (!values.has(this)) values.set(this, value.call(this));
    return values.get(this)!;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Decorator `once`', 'values', 'this'),
            line: 2,
            suggestions: [
              {
                messageId: 'useWeakContainer',
                data: found('Decorator `once`', 'values', 'this'),
                output: `
export function once<This, Return>(value: (this: This) => Return, context: ClassGetterDecoratorContext<This, Return>) {
  const values = new WeakMap<object, Return>();
  return function (this: This): Return {
    if (!values.has(this as object)) values.set(this as object, value.call(this));
    return values.get(this as object)!;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a TC39 decorator factory with an LRU cache per decorated method',
        code: `
import { LRUCache } from 'lru-cache';

export function cached(max = 100) {
  return function <This, Return extends {}>(
    value: (this: This, id: string) => Return,
    context: ClassMethodDecoratorContext<This, (this: This, id: string) => Return>,
  ) {
    const cache = new LRUCache<string, Return>({ max });
    return function (this: This, id: string): Return {
      let result = cache.get(id);
      if (result === undefined) {
        result = value.call(this, id);
        cache.set(id, result);
      }
      return result;
    };
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator factory `cached`', 'cache', 'id', { container: 'LRUCache (lru-cache)' }),
            line: 4,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Decorator factory `cached`', 'cache', 'id', { container: 'LRUCache (lru-cache)' }),
                output: `
import { LRUCache } from 'lru-cache';

export function cached(max = 100) {
  return function <This, Return extends {}>(
    value: (this: This, id: string) => Return,
    context: ClassMethodDecoratorContext<This, (this: This, id: string) => Return>,
  ) {
    const cacheByInstance = new WeakMap<object, LRUCache<string, Return>>();
    return function (this: This, id: string): Return {
      if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new LRUCache<string, Return>({ max }));
      const cache = cacheByInstance.get(this as object)!;
      let result = cache.get(id);
      if (result === undefined) {
        result = value.call(this, id);
        cache.set(id, result);
      }
      return result;
    };
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a TC39 decorator that keeps its cache in context.metadata',
        code: `
export function memoize<This, Return>(value: (this: This, id: number) => Return, context: ClassMethodDecoratorContext<This>) {
  const cache = ((context.metadata as Record<PropertyKey, unknown>)[context.name] ??= new Map<number, Return>()) as Map<number, Return>;
  return function (this: This, id: number): Return {
    if (!cache.has(id)) cache.set(id, value.call(this, id));
    return cache.get(id)!;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator `memoize`', 'cache', 'id', { created: 'per class, in `context.metadata`' }),
            line: 2,
          },
        ],
      },
      {
        name: 'a TC39 async method decorator that shares results across instances',
        code: `
export function memoizeAsync<This, Return>(
  value: (this: This, url: string) => Promise<Return>,
  context: ClassMethodDecoratorContext<This>,
) {
  const results = new Map<string, Promise<Return>>();
  context.addInitializer(function () {
    console.debug('memoizing', String(context.name));
  });
  return async function (this: This, url: string): Promise<Return> {
    const cached = results.get(url);
    if (cached) return cached;
    const promise = value.call(this, url);
    results.set(url, promise);
    return promise;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator `memoizeAsync`', 'results', 'url'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Decorator `memoizeAsync`', 'results', 'url'),
                output: `
export function memoizeAsync<This, Return>(
  value: (this: This, url: string) => Promise<Return>,
  context: ClassMethodDecoratorContext<This>,
) {
  const resultsByInstance = new WeakMap<object, Map<string, Promise<Return>>>();
  context.addInitializer(function () {
    console.debug('memoizing', String(context.name));
  });
  return async function (this: This, url: string): Promise<Return> {
    if (!resultsByInstance.has(this as object)) resultsByInstance.set(this as object, new Map<string, Promise<Return>>());
    const results = resultsByInstance.get(this as object)!;
    const cached = results.get(url);
    if (cached) return cached;
    const promise = value.call(this, url);
    results.set(url, promise);
    return promise;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a wrapper used as a TC39 decorator on a method',
        code: `
function memoize<This, Return>(fn: (this: This, n: number) => Return) {
  const cache = new Map<number, Return>();
  return function (this: This, n: number): Return {
    if (!cache.has(n)) cache.set(n, fn.call(this, n));
    return cache.get(n)!;
  };
}

class Fibonacci {
  offset = 1;

  @memoize
  at(n: number): number {
    return n < 2 ? n + this.offset : this.at(n - 1) + this.at(n - 2);
  }
}
new Fibonacci().at(10);
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Memoizing wrapper `memoize`', 'cache', 'n', { created: 'per wrapped method, shared at line 13' }),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Memoizing wrapper `memoize`', 'cache', 'n', { created: 'per wrapped method, shared at line 13' }),
                output: `
function memoize<This, Return>(fn: (this: This, n: number) => Return) {
  const cacheByInstance = new WeakMap<object, Map<number, Return>>();
  return function (this: This, n: number): Return {
    if (!cacheByInstance.has(this as object)) cacheByInstance.set(this as object, new Map<number, Return>());
    const cache = cacheByInstance.get(this as object)!;
    if (!cache.has(n)) cache.set(n, fn.call(this, n));
    return cache.get(n)!;
  };
}

class Fibonacci {
  offset = 1;

  @memoize
  at(n: number): number {
    return n < 2 ? n + this.offset : this.at(n - 1) + this.at(n - 2);
  }
}
new Fibonacci().at(10);
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a wrapper installed on a prototype',
        code: `
function memoizeMethod(fn: (this: Shape, key: string) => number) {
  const memo = new Map<string, number>();
  return function (this: Shape, key: string): number {
    if (!memo.has(key)) memo.set(key, fn.call(this, key));
    return memo.get(key)!;
  };
}

class Shape {
  constructor(public size: number) {}
  measure!: (key: string) => number;
}
Shape.prototype.measure = memoizeMethod(function (this: Shape, key: string) {
  return key.length * this.size;
});
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Memoizing wrapper `memoizeMethod`', 'memo', 'key', { created: 'per wrapped method, shared at line 14' }),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Memoizing wrapper `memoizeMethod`', 'memo', 'key', { created: 'per wrapped method, shared at line 14' }),
                output: `
function memoizeMethod(fn: (this: Shape, key: string) => number) {
  const memoByInstance = new WeakMap<object, Map<string, number>>();
  return function (this: Shape, key: string): number {
    if (!memoByInstance.has(this)) memoByInstance.set(this, new Map<string, number>());
    const memo = memoByInstance.get(this)!;
    if (!memo.has(key)) memo.set(key, fn.call(this, key));
    return memo.get(key)!;
  };
}

class Shape {
  constructor(public size: number) {}
  measure!: (key: string) => number;
}
Shape.prototype.measure = memoizeMethod(function (this: Shape, key: string) {
  return key.length * this.size;
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a wrapper called from a legacy decorator to replace descriptor.value',
        code: `
function memoizeFn(fn: (...args: any[]) => unknown) {
  const store = new Map<string, unknown>();
  return function (this: unknown, ...args: any[]) {
    const id = args.map(String).join(',');
    if (!store.has(id)) store.set(id, fn.apply(this, args));
    return store.get(id);
  };
}

export function memoized(target: object, key: string, descriptor: PropertyDescriptor): void {
  descriptor.value = memoizeFn(descriptor.value);
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Memoizing wrapper `memoizeFn`', 'store', 'id', { created: 'per wrapped method, shared at line 12' }),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Memoizing wrapper `memoizeFn`', 'store', 'id', { created: 'per wrapped method, shared at line 12' }),
                output: `
function memoizeFn(fn: (...args: any[]) => unknown) {
  const storeByInstance = new WeakMap<object, Map<string, unknown>>();
  return function (this: unknown, ...args: any[]) {
    if (!storeByInstance.has(this as object)) storeByInstance.set(this as object, new Map<string, unknown>());
    const store = storeByInstance.get(this as object)!;
    const id = args.map(String).join(',');
    if (!store.has(id)) store.set(id, fn.apply(this, args));
    return store.get(id);
  };
}

export function memoized(target: object, key: string, descriptor: PropertyDescriptor): void {
  descriptor.value = memoizeFn(descriptor.value);
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy once decorator that remembers instances in a Set',
        code: `
export function runOnce(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const done = new Set<object>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    if (done.has(this)) return;
    done.add(this);
    return original.apply(this, args);
  };
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Method decorator `runOnce`', 'done', 'this', { container: 'Set', weak: 'WeakSet' }),
            line: 2,
            suggestions: [
              {
                messageId: 'useWeakContainer',
                data: found('Method decorator `runOnce`', 'done', 'this', { container: 'Set', weak: 'WeakSet' }),
                output: `
export function runOnce(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const done = new WeakSet<object>();
  descriptor.value = function (this: object, ...args: unknown[]) {
    if (done.has(this)) return;
    done.add(this);
    return original.apply(this, args);
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a legacy decorator that aliases this as self',
        code: `
export function memoizeResult(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const results = new Map<object, unknown>();
  descriptor.value = function (this: object) {
    const self = this;
    if (results.has(self)) return results.get(self);
    const result = original.call(self);
    results.set(self, result);
    return result;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Method decorator `memoizeResult`', 'results', 'self'),
            line: 2,
            suggestions: [
              {
                messageId: 'useWeakContainer',
                data: found('Method decorator `memoizeResult`', 'results', 'self'),
                output: `
export function memoizeResult(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const results = new WeakMap<object, unknown>();
  descriptor.value = function (this: object) {
    const self = this;
    if (results.has(self)) return results.get(self);
    const result = original.call(self);
    results.set(self, result);
    return result;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a shared cache that is also cleared from outside the replacement: no suggestion',
        code: `
const registry = new Map<string, unknown>();

export function clearMemoized(): void {
  registry.clear();
}

export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  descriptor.value = function (this: unknown, arg: string) {
    if (!registry.has(arg)) registry.set(arg, original.call(this, arg));
    return registry.get(arg);
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memoize`', 'registry', 'arg', { created: 'per module, for every method' }),
            line: 8,
          },
        ],
      },
      {
        name: 'an exported wrapper used on a prototype and elsewhere: no suggestion',
        code: `
export function memoize(fn: (this: any, n: number) => number) {
  const cache = new Map<number, number>();
  return function (this: any, n: number): number {
    if (!cache.has(n)) cache.set(n, fn.call(this, n));
    return cache.get(n)!;
  };
}

function Counter(this: any) {}
Counter.prototype.double = memoize(function (this: any, n: number) { return n * 2; });
new (Counter as any)();
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Memoizing wrapper `memoize`', 'cache', 'n', { created: 'per wrapped method, shared at line 11' }),
            line: 2,
          },
        ],
      },
    ],
  },
  javascript: {
    valid: [
      {
        name: 'js: the same helper returning something else than the slot is not the original: silent',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import memoize from 'lodash/memoize';
function describe(descriptor) {
  return descriptor.writable ? descriptor.value : descriptor.get;
}
export default function memoized(target, name, descriptor) {
  descriptor.value = memoize(describe(descriptor));
  return descriptor;
}`,
      },
      {
        name: 'js: a getter decorator inside a module-wrapping IIFE that keeps its value on the instance',
        code: `
(() => {
  function cached(...args) {
    const [target, key, descriptor] = args;
    const getter = descriptor.get;
    descriptor.get = function () {
      const value = getter.call(this);
      Object.defineProperty(this, key, { value });
      return value;
    };
  }
  globalThis.cached = cached;
})();`,
      },
      {
        // Found on the bench corpus (svelte, webpack, eslint): summaries that reach themselves overflowed the stack.
        name: 'functions that return calls of each other (and of themselves) with a function argument',
        code: `
export function call(fn, ...args) { return apply(fn, args); }
export function apply(fn, args) { return args.length ? call(fn, ...args.slice(1)) : fn; }
export function again(fn) { return again(fn); }`,
      },
      {
        name: 'a once decorator that stores the result on the instance',
        code: `
export function once(target, key, descriptor) {
  const original = descriptor.value;
  descriptor.value = function (...args) {
    const value = original.apply(this, args);
    Object.defineProperty(this, key, { value: () => value });
    return value;
  };
}`,
      },
      {
        name: 'a JavaScript decorator with a WeakMap per instance, created lazily in a getter',
        code: `
export function memoize(target, key, descriptor) {
  const original = descriptor.value;
  const memoized = new WeakMap();
  return {
    configurable: true,
    get() {
      if (!memoized.has(this)) {
        const cache = new Map();
        const fn = (arg) => {
          if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
          return cache.get(arg);
        };
        memoized.set(this, fn);
      }
      return memoized.get(this);
    },
  };
}
`,
      },
      {
        name: 'a JavaScript TC39 decorator that keeps the cache on this',
        code: `
export function memo(value, context) {
  const slot = Symbol(String(context.name));
  return function (arg) {
    const cache = (this[slot] ??= new Map());
    if (!cache.has(arg)) cache.set(arg, value.call(this, arg));
    return cache.get(arg);
  };
}
`,
      },
      {
        name: 'a helper that stores the result in the container it is given, keyed by the instance in a WeakMap',
        code: `
function remember(owner, method, args, store, id) {
  const out = method.apply(owner, args);
  store.set(id, out);
  return out;
}
export function once(target, name, descriptor) {
  const method = descriptor.value;
  const results = new WeakMap();
  descriptor.value = function (...args) {
    return results.has(this) ? results.get(this) : remember(this, method, args, results, this);
  };
}
`,
      },
      {
        name: 'a slot helper that only ever hands back the setter',
        code: `
function setterOf(d) {
  return { run: d.set, slot: 'set' };
}
export function memo(target, name, d) {
  const { run, slot } = setterOf(d);
  const seen = {};
  return {
    ...d,
    [slot]: function (v) {
      if (!(v in seen)) seen[v] = run.call(this, v);
    },
  };
}
`,
      },
      {
        name: 'a callback installed per instance by a helper keeps its result in its own closure',
        code: `
function install(make, name, d) {
  const own = Symbol(name);
  const build = (method) =>
    function (...args) {
      this[own] = this[own] || make.call(this, method.bind(this));
      return this[own].apply(this, args);
    };
  d.value = build(d.value);
}
export function once(target, name, d) {
  install(function (method) {
    let kept;
    return function (...args) {
      return (kept = kept || method.apply(this, args));
    };
  }, name, d);
}
`,
      },
      {
        name: 'js: a decorator factory whose adapter gets a wrapper keeping its result per instance',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import decorate from '../lib/decorate.js';
export const Once = () =>
  decorate((fn) => {
    const results = new WeakMap();
    return function (...args) {
      if (!results.has(this)) results.set(this, fn.apply(this, args));
      return results.get(this);
    };
  });`,
      },
      {
        name: 'js: a wrapper handed to an adapter of another module that applies it to a value, not to a method',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import { applyTo } from '../lib/decorate.js';
export const boxed = applyTo(function (fn) {
  let memoizedValue;
  return function () {
    if (!memoizedValue) memoizedValue = fn.call(this);
    return memoizedValue;
  };
});`,
      },
      {
        name: 'a helper that never hands the callback the original',
        code: `
function install(make, name, d) {
  d.value = function (...args) {
    return make.call(this, name).apply(this, args);
  };
}
export function once(target, name, d) {
  let kept;
  install(function (method) {
    return function (...args) {
      return (kept = kept || method.apply(this, args));
    };
  }, name, d);
}
`,
      },
    ],
    invalid: [
      {
        name: 'js: a decorator made from a wrapper by an adapter of another module that returns `{ …, value: wrap(target[key]) }`',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import decorate from '../lib/decorate.js';
const memoize = decorate(function (fn) {
  let memoizedValue;
  return function () {
    if (!memoizedValue) memoizedValue = fn.call(this);
    return memoizedValue;
  };
});
export default memoize;`,
        errors: [{ messageId: 'sharedSingleSlot', line: 3 }],
      },
      {
        name: 'js: a decorator factory that returns what an adapter of another module makes from a wrapper',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import decorate from '../lib/decorate.js';
export const Once = () =>
  decorate((fn) => {
    let ready = false;
    let result;
    return function (...args) {
      if (!ready) {
        ready = true;
        result = fn.apply(this, args);
      }
      return result;
    };
  });`,
        errors: [{ messageId: 'sharedSingleSlot', line: 4 }],
      },
      {
        name: 'js: a decorator made from a wrapper by an adapter of the same file',
        code: `
function decorate(wrap) {
  return (target, key, descriptor) => ({ ...descriptor, value: wrap(descriptor.value) });
}
export const once = decorate(function (fn) {
  const results = new Map();
  return function (arg) {
    if (!results.has(arg)) results.set(arg, fn.call(this, arg));
    return results.get(arg);
  };
});`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            line: 5,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                output: `
function decorate(wrap) {
  return (target, key, descriptor) => ({ ...descriptor, value: wrap(descriptor.value) });
}
export const once = decorate(function (fn) {
  const resultsByInstance = new WeakMap();
  return function (arg) {
    if (!resultsByInstance.has(this)) resultsByInstance.set(this, new Map());
    const results = resultsByInstance.get(this);
    if (!results.has(arg)) results.set(arg, fn.call(this, arg));
    return results.get(arg);
  };
});`,
              },
            ],
          },
        ],
      },
      {
        name: 'js: the original taken through a helper of another module that returns `descriptor.value` after a check',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import memoize from 'lodash/memoize';
import getValueFunc from '../lib/descriptor-value.js';
export default function memoized(target, name, descriptor) {
  descriptor.value = memoize(getValueFunc('memoized', descriptor), (...args) => JSON.stringify(args));
  return descriptor;
}`,
        errors: [{ messageId: 'sharedLibraryCache', line: 4 }],
      },
      {
        name: 'js: a getter decorator taking `(...args)`, defined inside a module-wrapping IIFE, with a single slot',
        code: `
(() => {
  function cached(...args) {
    const [target, key, descriptor] = args;
    const getter = descriptor.get;
    let value;
    descriptor.get = function () {
      if (value === undefined) value = getter.call(this);
      return value;
    };
  }
  globalThis.cached = cached;
})();`,
        errors: [{ messageId: 'sharedSingleSlot', line: 3 }],
      },
      {
        name: 'js: a decorator for async methods as TypeScript compiles it (`__awaiter`), with a key chosen by an absent option',
        code: `
var __awaiter = function (thisArg, _arguments, P, generator) { return new Promise(function (resolve) { resolve(generator.apply(thisArg, _arguments || []).next().value); }); };
export function memoizeAsync(options) {
  return function (target, key, descriptor) {
    const original = descriptor.value;
    const results = new Map();
    descriptor.value = function (...args) {
      return __awaiter(this, void 0, void 0, function* () {
        let id;
        if (options && options.keyResolver) {
          id = options.keyResolver(...args);
        } else {
          id = JSON.stringify(args);
        }
        if (!results.has(id)) results.set(id, yield original.apply(this, args));
        return results.get(id);
      });
    };
  };
}`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            line: 3,
            suggestions: [{ messageId: 'usePerInstanceCache', output: `
var __awaiter = function (thisArg, _arguments, P, generator) { return new Promise(function (resolve) { resolve(generator.apply(thisArg, _arguments || []).next().value); }); };
export function memoizeAsync(options) {
  return function (target, key, descriptor) {
    const original = descriptor.value;
    const resultsByInstance = new WeakMap();
    descriptor.value = function (...args) {
      if (!resultsByInstance.has(this)) resultsByInstance.set(this, new Map());
      const results = resultsByInstance.get(this);
      return __awaiter(this, void 0, void 0, function* () {
        let id;
        if (options && options.keyResolver) {
          id = options.keyResolver(...args);
        } else {
          id = JSON.stringify(args);
        }
        if (!results.has(id)) results.set(id, yield original.apply(this, args));
        return results.get(id);
      });
    };
  };
}` }],
          },
        ],
      },
      {
        name: 'a decorator that handles getters and methods in two branches, and a wrapper that takes the function second',
        code: `
export function cached(target, key, descriptor) {
  const cache = new Map();
  if (descriptor.get) {
    const getter = descriptor.get;
    descriptor.get = function () {
      if (!cache.has('value')) cache.set('value', getter.call(this));
      return cache.get('value');
    };
  } else {
    const method = descriptor.value;
    descriptor.value = function (arg) {
      if (!cache.has(arg)) cache.set(arg, method.call(this, arg));
      return cache.get(arg);
    };
  }
}
function memoizeWith(options, fn) {
  const results = new Map();
  return function (arg) {
    if (!results.has(arg)) results.set(arg, fn.call(this, arg));
    return results.get(arg);
  };
}
function Point(x) { this.x = x; }
Point.prototype.scaled = memoizeWith({}, function (k) { return this.x * k; });`,
        errors: [
          { messageId: 'sharedCacheCrossInstance', line: 2 },
          { messageId: 'sharedCacheCrossInstance', line: 18, suggestions: [{ messageId: 'usePerInstanceCache', output: `
export function cached(target, key, descriptor) {
  const cache = new Map();
  if (descriptor.get) {
    const getter = descriptor.get;
    descriptor.get = function () {
      if (!cache.has('value')) cache.set('value', getter.call(this));
      return cache.get('value');
    };
  } else {
    const method = descriptor.value;
    descriptor.value = function (arg) {
      if (!cache.has(arg)) cache.set(arg, method.call(this, arg));
      return cache.get(arg);
    };
  }
}
function memoizeWith(options, fn) {
  const resultsByInstance = new WeakMap();
  return function (arg) {
    if (!resultsByInstance.has(this)) resultsByInstance.set(this, new Map());
    const results = resultsByInstance.get(this);
    if (!results.has(arg)) results.set(arg, fn.call(this, arg));
    return results.get(arg);
  };
}
function Point(x) { this.x = x; }
Point.prototype.scaled = memoizeWith({}, function (k) { return this.x * k; });` }] },
        ],
      },
      {
        name: 'a decorator that returns a descriptor literal with a computed slot (methods and getters in one branch)',
        code: `
export function memoize(target, propertyKey, descriptor) {
  const slot = descriptor.get ? 'get' : 'value';
  const original = descriptor[slot];
  const cache = new Map();
  return {
    ...descriptor,
    [slot]: function (...args) {
      const key = JSON.stringify(args);
      if (!cache.has(key)) cache.set(key, original.apply(this, args));
      return cache.get(key);
    },
  };
}`,
        errors: [{ messageId: 'sharedCacheCrossInstance', line: 2, suggestions: [{ messageId: 'usePerInstanceCache', output: `
export function memoize(target, propertyKey, descriptor) {
  const slot = descriptor.get ? 'get' : 'value';
  const original = descriptor[slot];
  const cacheByInstance = new WeakMap();
  return {
    ...descriptor,
    [slot]: function (...args) {
      if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map());
      const cache = cacheByInstance.get(this);
      const key = JSON.stringify(args);
      if (!cache.has(key)) cache.set(key, original.apply(this, args));
      return cache.get(key);
    },
  };
}` }] }],
      },
      {
        name: 'a zero-parameter factory and a two-level factory that apply memoizee when the class is defined',
        code: `
import memoizee from 'memoizee';
export function memoize() {
  return function (target, key, descriptor) {
    const oldFunction = descriptor.value;
    const newFunction = memoizee(oldFunction);
    descriptor.value = function () { return newFunction.apply(this, arguments); };
  };
}
export const cached = (options) => (scope) => (target, key, descriptor) => {
  descriptor.value = memoizee(descriptor.value, options);
};`,
        errors: [
          { messageId: 'sharedLibraryCache', line: 3 },
          { messageId: 'sharedLibraryCache', line: 10 },
        ],
      },
      {
        name: 'single-slot once and lazy decorators: one result for every instance',
        code: `
export function once(target, key, descriptor) {
  const original = descriptor.value;
  let done = false;
  let value;
  descriptor.value = function (...args) {
    if (!done) { value = original.apply(this, args); done = true; }
    return value;
  };
}
export function lazy(target, key, descriptor) {
  const getter = descriptor.get;
  let memo;
  descriptor.get = function () {
    return memo ??= getter.call(this);
  };
}`,
        errors: [
          {
            messageId: 'sharedSingleSlot',
            line: 2,
            data: { memoizer: 'Method decorator `once`', cache: 'value', created: 'per decorated method' },
          },
          { messageId: 'sharedSingleSlot', line: 11, data: { memoizer: 'Getter decorator `lazy`', cache: 'memo', created: 'per decorated method' } },
        ],
      },
      {
        name: 'a JavaScript legacy decorator with a JSON key',
        code: `
export function memoize(target, key, descriptor) {
  const original = descriptor.value;
  const cache = new Map();
  descriptor.value = function (...args) {
    const cacheKey = JSON.stringify(args);
    if (!cache.has(cacheKey)) cache.set(cacheKey, original.apply(this, args));
    return cache.get(cacheKey);
  };
  return descriptor;
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memoize`', 'cache', 'cacheKey'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memoize`', 'cache', 'cacheKey'),
                output: `
export function memoize(target, key, descriptor) {
  const original = descriptor.value;
  const cacheByInstance = new WeakMap();
  descriptor.value = function (...args) {
    if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map());
    const cache = cacheByInstance.get(this);
    const cacheKey = JSON.stringify(args);
    if (!cache.has(cacheKey)) cache.set(cacheKey, original.apply(this, args));
    return cache.get(cacheKey);
  };
  return descriptor;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a JavaScript legacy getter decorator keyed by this',
        code: `
export function cachedGetter(target, key, descriptor) {
  const getter = descriptor.get;
  const cache = new Map();
  descriptor.get = function () {
    if (cache.has(this)) return cache.get(this);
    const value = getter.call(this);
    cache.set(this, value);
    return value;
  };
}
`,
        errors: [
          {
            messageId: 'sharedCachePinsInstances',
            data: found('Getter decorator `cachedGetter`', 'cache', 'this'),
            line: 2,
            suggestions: [
              {
                messageId: 'useWeakContainer',
                data: found('Getter decorator `cachedGetter`', 'cache', 'this'),
                output: `
export function cachedGetter(target, key, descriptor) {
  const getter = descriptor.get;
  const cache = new WeakMap();
  descriptor.get = function () {
    if (cache.has(this)) return cache.get(this);
    const value = getter.call(this);
    cache.set(this, value);
    return value;
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a JavaScript TC39 decorator with a context.kind check',
        code: `
export function memo(value, context) {
  if (context.kind !== 'method' && context.kind !== 'getter') return value;
  const cache = new Map();
  return function (...args) {
    const id = args.length === 0 ? 'none' : String(args[0]);
    if (!cache.has(id)) cache.set(id, value.apply(this, args));
    return cache.get(id);
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator `memo`', 'cache', 'id'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Decorator `memo`', 'cache', 'id'),
                output: `
export function memo(value, context) {
  if (context.kind !== 'method' && context.kind !== 'getter') return value;
  const cacheByInstance = new WeakMap();
  return function (...args) {
    if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map());
    const cache = cacheByInstance.get(this);
    const id = args.length === 0 ? 'none' : String(args[0]);
    if (!cache.has(id)) cache.set(id, value.apply(this, args));
    return cache.get(id);
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a JavaScript decorator factory with a resolver',
        code: `
export function Memoize({ resolver = (first) => first } = {}) {
  return (target, key, descriptor) => {
    const fn = descriptor.value;
    const cache = new Map();
    descriptor.value = function (...args) {
      const id = resolver(...args);
      if (!cache.has(id)) cache.set(id, fn.apply(this, args));
      return cache.get(id);
    };
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator factory `Memoize`', 'cache', 'id'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator factory `Memoize`', 'cache', 'id'),
                output: `
export function Memoize({ resolver = (first) => first } = {}) {
  return (target, key, descriptor) => {
    const fn = descriptor.value;
    const cacheByInstance = new WeakMap();
    descriptor.value = function (...args) {
      if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map());
      const cache = cacheByInstance.get(this);
      const id = resolver(...args);
      if (!cache.has(id)) cache.set(id, fn.apply(this, args));
      return cache.get(id);
    };
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a JavaScript wrapper on a constructor prototype',
        code: `
function memoize(fn) {
  const cache = new Map();
  return function (arg) {
    if (!cache.has(arg)) cache.set(arg, fn.call(this, arg));
    return cache.get(arg);
  };
}

function Circle(radius) {
  this.radius = radius;
}
Circle.prototype.area = memoize(function (precision) {
  return (Math.PI * this.radius * this.radius).toFixed(precision);
});
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Memoizing wrapper `memoize`', 'cache', 'arg', { created: 'per wrapped method, shared at line 13' }),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Memoizing wrapper `memoize`', 'cache', 'arg', { created: 'per wrapped method, shared at line 13' }),
                output: `
function memoize(fn) {
  const cacheByInstance = new WeakMap();
  return function (arg) {
    if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map());
    const cache = cacheByInstance.get(this);
    if (!cache.has(arg)) cache.set(arg, fn.call(this, arg));
    return cache.get(arg);
  };
}

function Circle(radius) {
  this.radius = radius;
}
Circle.prototype.area = memoize(function (precision) {
  return (Math.PI * this.radius * this.radius).toFixed(precision);
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a JavaScript decorator with a null-prototype object cache',
        code: `
export function memoizeUnary(target, key, descriptor) {
  const original = descriptor.value;
  const memo = Object.create(null);
  descriptor.value = function (arg) {
    if (!(arg in memo)) memo[arg] = original.call(this, arg);
    return memo[arg];
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memoizeUnary`', 'memo', 'arg', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memoizeUnary`', 'memo', 'arg', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
                output: `
export function memoizeUnary(target, key, descriptor) {
  const original = descriptor.value;
  const memoByInstance = new WeakMap();
  descriptor.value = function (arg) {
    if (!memoByInstance.has(this)) memoByInstance.set(this, Object.create(null));
    const memo = memoByInstance.get(this);
    if (!(arg in memo)) memo[arg] = original.call(this, arg);
    return memo[arg];
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a JavaScript async decorator sharing promises with Reflect.apply',
        code: `
export function coalesce(value, context) {
  const inflight = new Map();
  context.addInitializer(function () {});
  return async function (id) {
    if (inflight.has(id)) return inflight.get(id);
    const promise = Reflect.apply(value, this, [id]);
    inflight.set(id, promise);
    try {
      return await promise;
    } finally {
      inflight.delete(id);
    }
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Decorator `coalesce`', 'inflight', 'id'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Decorator `coalesce`', 'inflight', 'id'),
                output: `
export function coalesce(value, context) {
  const inflightByInstance = new WeakMap();
  context.addInitializer(function () {});
  return async function (id) {
    if (!inflightByInstance.has(this)) inflightByInstance.set(this, new Map());
    const inflight = inflightByInstance.get(this);
    if (inflight.has(id)) return inflight.get(id);
    const promise = Reflect.apply(value, this, [id]);
    inflight.set(id, promise);
    try {
      return await promise;
    } finally {
      inflight.delete(id);
    }
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'the original and its slot from a helper, the result stored by a helper that receives the cache',
        code: `
function pick(d) {
  let run, slot;
  if (d.value) {
    run = d.value;
    slot = 'value';
  } else if (d.get) {
    run = d.get;
    slot = 'get';
  }
  return { run, slot };
}
function keep(self, run, args, table, id) {
  const out = run.apply(self, args);
  table[id] = out;
  return out;
}
export function memo(target, name, d) {
  const { run, slot } = pick(d);
  const table = Object.create(null);
  return {
    ...d,
    [slot]: function (...args) {
      const id = args.join('|');
      return table[id] || keep(this, run, args, table, id);
    },
  };
}
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memo`', 'table', 'id', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
            line: 18,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memo`', 'table', 'id', { container: 'plain object', keyProblem: 'as a string, not by `this`' }),
                output: `
function pick(d) {
  let run, slot;
  if (d.value) {
    run = d.value;
    slot = 'value';
  } else if (d.get) {
    run = d.get;
    slot = 'get';
  }
  return { run, slot };
}
function keep(self, run, args, table, id) {
  const out = run.apply(self, args);
  table[id] = out;
  return out;
}
export function memo(target, name, d) {
  const { run, slot } = pick(d);
  const tableByInstance = new WeakMap();
  return {
    ...d,
    [slot]: function (...args) {
      if (!tableByInstance.has(this)) tableByInstance.set(this, Object.create(null));
      const table = tableByInstance.get(this);
      const id = args.join('|');
      return table[id] || keep(this, run, args, table, id);
    },
  };
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a descriptor merged as compilers emit it, with the slot written by a same-file helper',
        code: `
var merge = Object.assign || function (target) { return target; };
function put(obj, key, value) {
  if (key in obj) Object.defineProperty(obj, key, { value: value, enumerable: true });
  else obj[key] = value;
  return obj;
}
function pick(d) {
  var run = void 0, slot = void 0;
  if (d.value) { run = d.value; slot = 'value'; } else if (d.get) { run = d.get; slot = 'get'; }
  return { run: run, slot: slot };
}
function memo(target, name, d) {
  var picked = pick(d), run = picked.run, slot = picked.slot;
  var results = new Map();
  return merge({}, d, put({}, slot, function (arg) {
    if (!results.has(arg)) results.set(arg, run.call(this, arg));
    return results.get(arg);
  }));
}
exports.memo = memo;
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memo`', 'results', 'arg'),
            line: 13,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memo`', 'results', 'arg'),
                output: `
var merge = Object.assign || function (target) { return target; };
function put(obj, key, value) {
  if (key in obj) Object.defineProperty(obj, key, { value: value, enumerable: true });
  else obj[key] = value;
  return obj;
}
function pick(d) {
  var run = void 0, slot = void 0;
  if (d.value) { run = d.value; slot = 'value'; } else if (d.get) { run = d.get; slot = 'get'; }
  return { run: run, slot: slot };
}
function memo(target, name, d) {
  var picked = pick(d), run = picked.run, slot = picked.slot;
  var resultsByInstance = new WeakMap();
  return merge({}, d, put({}, slot, function (arg) {
    if (!resultsByInstance.has(this)) resultsByInstance.set(this, new Map());
    const results = resultsByInstance.get(this);
    if (!results.has(arg)) results.set(arg, run.call(this, arg));
    return results.get(arg);
  }));
}
exports.memo = memo;
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a single slot of the decorator, read by the function a callback makes for a helper that installs it per instance',
        code: `
function install(make, name, d) {
  const own = Symbol(name);
  const build = (method) =>
    function (...args) {
      this[own] = this[own] || make.call(this, method.bind(this));
      return this[own].apply(this, args);
    };
  if (d.value) d.value = build(d.value);
  else d.get = build(d.get);
}
export function once(target, name, d) {
  let kept;
  install(function (method) {
    return function (...args) {
      return (kept = kept || method.apply(this, args));
    };
  }, name, d);
}
`,
        errors: [
          {
            messageId: 'sharedSingleSlot',
            data: found('Method decorator `once`', 'kept', '(kept = kept || method.apply(this, args))'),
            line: 12,
            suggestions: [],
          },
        ],
      },
    ],
  },
  commonjs: {
    valid: [
      {
        name: 'members of module.exports and of an object literal that keep their caches per instance, or are applied per instance',
        code: `
module.exports = {
  remember(target, key, descriptor) {
    const original = descriptor.value;
    const caches = new WeakMap();
    descriptor.value = function (arg) {
      if (!caches.has(this)) caches.set(this, new Map());
      const cache = caches.get(this);
      if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
      return cache.get(arg);
    };
  },
};
const helpers = {
  once(fn) {
    let done = false;
    let value;
    return function (...args) {
      if (!done) { done = true; value = fn.apply(this, args); }
      return value;
    };
  },
};
function Counter() { this.next = helpers.once(function () { return this.start + 1; }); }
module.exports.Counter = Counter;`,
      },
    ],
    invalid: [
      {
        name: 'a decorator that is a member of module.exports, and a wrapper in an object literal applied through an adapter to decorators',
        code: `
module.exports = {
  remember(target, key, descriptor) {
    const original = descriptor.value;
    const results = new Map();
    descriptor.value = function (arg) {
      if (!results.has(arg)) results.set(arg, original.call(this, arg));
      return results.get(arg);
    };
  },
};
const helpers = {
  memo(fn, options) {
    const table = options.table || {};
    return function (arg) {
      const id = String(arg);
      return id in table ? table[id] : (table[id] = fn.call(this, arg));
    };
  },
};
function asDecorator(wrap) {
  return (options) => (target, key, desc) => { desc.value = wrap(desc.value, options); };
}
module.exports.memo = asDecorator(helpers.memo);`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            line: 3,
            column: 3,
            data: found('Method decorator `remember`', 'results', 'arg'),
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `remember`', 'results', 'arg'),
                output: `
module.exports = {
  remember(target, key, descriptor) {
    const original = descriptor.value;
    const resultsByInstance = new WeakMap();
    descriptor.value = function (arg) {
      if (!resultsByInstance.has(this)) resultsByInstance.set(this, new Map());
      const results = resultsByInstance.get(this);
      if (!results.has(arg)) results.set(arg, original.call(this, arg));
      return results.get(arg);
    };
  },
};
const helpers = {
  memo(fn, options) {
    const table = options.table || {};
    return function (arg) {
      const id = String(arg);
      return id in table ? table[id] : (table[id] = fn.call(this, arg));
    };
  },
};
function asDecorator(wrap) {
  return (options) => (target, key, desc) => { desc.value = wrap(desc.value, options); };
}
module.exports.memo = asDecorator(helpers.memo);`,
              },
            ],
          },
          { messageId: 'sharedCacheCrossInstance', line: 13, column: 3, suggestions: [] },
        ],
      },
      {
        name: 'a CommonJS legacy decorator assigned to module.exports',
        code: `
module.exports = function memoize(target, key, descriptor) {
  const original = descriptor.value;
  const cache = new Map();
  descriptor.value = function (arg) {
    if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
    return cache.get(arg);
  };
};
`,
        errors: [
          {
            messageId: 'sharedCacheCrossInstance',
            data: found('Method decorator `memoize`', 'cache', 'arg'),
            line: 2,
            suggestions: [
              {
                messageId: 'usePerInstanceCache',
                data: found('Method decorator `memoize`', 'cache', 'arg'),
                output: `
module.exports = function memoize(target, key, descriptor) {
  const original = descriptor.value;
  const cacheByInstance = new WeakMap();
  descriptor.value = function (arg) {
    if (!cacheByInstance.has(this)) cacheByInstance.set(this, new Map());
    const cache = cacheByInstance.get(this);
    if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
    return cache.get(arg);
  };
};
`,
              },
            ],
          },
        ],
      },
    ],
  },
};
