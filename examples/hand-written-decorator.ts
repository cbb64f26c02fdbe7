// Demo for memo-leak/no-shared-memoizer-cache: a hand-written memoize decorator whose cache is
// created once per decorated method, when the class is defined, and so is shared by every instance.
// Compile with `experimentalDecorators` (legacy decorators).
//
// `@memoize` below keys its Map by the arguments only: `new Invoice(a).total('EUR')` caches a's
// total, and every later invoice gets a's total back. `@lazy` keys its Map by `this`: every Invoice
// ever asked for its `summary` stays in memory for the life of the program.
// The rule reports both definitions and suggests a WeakMap keyed by the instance.

export function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
  const original = descriptor.value;
  const cache = new Map<string, unknown>();
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    const cacheKey = JSON.stringify(args);
    if (!cache.has(cacheKey)) cache.set(cacheKey, original.apply(this, args));
    return cache.get(cacheKey);
  };
}

export function lazy(target: object, key: string, descriptor: PropertyDescriptor): void {
  const compute = descriptor.get!;
  const values = new Map<object, unknown>();
  descriptor.get = function (this: object) {
    if (!values.has(this)) values.set(this, compute.call(this));
    return values.get(this);
  };
}

export class Invoice {
  constructor(private readonly lines: ReadonlyArray<{ amount: number; currency: string }>) {}

  @memoize
  total(currency: string): number {
    return this.lines.filter((line) => line.currency === currency).reduce((sum, line) => sum + line.amount, 0);
  }

  @lazy
  get summary(): string {
    return `${this.lines.length} lines`;
  }
}
