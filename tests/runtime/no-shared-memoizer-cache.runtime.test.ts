/**
 * Runtime proof for no-shared-memoizer-cache: a realistic program with a hand-written memoizer is
 * linted with ESLint's Linter, the rule's suggestion is applied, and the original and the fixed
 * program run in `node --expose-gc`. The original keeps dropped instances alive (counted with a
 * FinalizationRegistry after gc); the fixed one lets them go and prints the correct per-instance
 * results.
 */
import { describe, expect, it } from 'vitest';
import { applyFix, runProgram } from './gc-harness.js';

const INSTANCES = 20;

/**
 * Appended to every program: the `run(track)` export the shared GC harness calls. Each program
 * defines `create(i)` and `use(instance, i)`; the harness counts collected instances.
 */
const HARNESS = `
export function run(track) {
  const results = [];
  for (let i = 0; i < ${INSTANCES}; i++) {
    const instance = create(i);
    track(instance);
    results.push(use(instance, i));
  }
  return results;
}
`;

function applySuggestion(code: string, filename: string): string {
  return applyFix(code, filename, 'no-shared-memoizer-cache', 'suggestion');
}

/** Runs a program in `node --expose-gc`: TypeScript with legacy (`true`) or TC39 (`false`) decorators, or JavaScript (`null`). */
function run(name: string, code: string, experimentalDecorators: boolean | null): { collected: number; results: unknown } {
  if (experimentalDecorators === null) return runProgram(code, `${name}.js`);
  return runProgram(experimentalDecorators ? `// @fix-options experimentalDecorators\n${code}` : code, `${name}.ts`);
}

describe('no-shared-memoizer-cache at run time', () => {
  it('legacy decorator keyed by this: the suggestion frees the instances and keeps every result', () => {
    const program = `
function memoize(target: object, key: string, descriptor: PropertyDescriptor): void {
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

class Thumbnail {
  pixels = new Uint8Array(64 * 1024);
  constructor(readonly name: string) {}

  @memoize
  describe(size: number): string {
    return this.name + '@' + size + ':' + this.pixels.length;
  }
}

const create = (i: number) => new Thumbnail('image-' + i);
const use = (thumbnail: Thumbnail, i: number) => [thumbnail.describe(i), thumbnail.describe(i), thumbnail.describe(1)];
${HARNESS}`;
    const fixed = applySuggestion(program, 'thumbnail.ts');
    expect(fixed).toContain('const byInstance = new WeakMap<object, Map<string, unknown>>();');
    const before = run('legacy-original', program, true);
    const after = run('legacy-fixed', fixed, true);
    expect(before.collected).toBe(0);
    expect(after.collected).toBe(INSTANCES);
    expect(after.results).toEqual(before.results);
  });

  it('TC39 decorator whose key ignores this: the suggestion frees the instances and gives each its own results', () => {
    const decorated = `
function memoize<This, Return>(value: (this: This, id: number) => Return, context: ClassMethodDecoratorContext<This>) {
  if (context.kind !== 'method') throw new TypeError('methods only');
  const cache = new Map<number, Return>();
  return function (this: This, id: number): Return {
    if (!cache.has(id)) cache.set(id, value.call(this, id));
    return cache.get(id)!;
  };
}

class Account {
  ledger = new Float64Array(8 * 1024);
  constructor(readonly owner: string) {}

  @memoize
  statement(month: number) {
    return { account: this, text: this.owner + ' month ' + month };
  }
}

const create = (i: number) => new Account('owner-' + i);
const use = (account: Account, i: number) => [account.statement(0).text, account.statement(i + 1).text];
${HARNESS}`;
    const fixed = applySuggestion(decorated, 'account.ts');
    expect(fixed).toContain('const cacheByInstance = new WeakMap<object, Map<number, Return>>();');
    // What each instance should print: the same class without the memoizer.
    const reference = run('standard-reference', decorated.replace('  @memoize\n', ''), false);
    const before = run('standard-original', decorated, false);
    const after = run('standard-fixed', fixed, false);
    expect(before.collected).toBe(0);
    expect(before.results).not.toEqual(reference.results); // instance B got instance A's statement
    expect(after.collected).toBe(INSTANCES);
    expect(after.results).toEqual(reference.results);
  });

  it('JavaScript wrapper on a prototype: the suggestion frees the instances and gives each its own results', () => {
    const program = `
function memoize(fn) {
  const cache = new Map();
  return function (precision) {
    if (!cache.has(precision)) cache.set(precision, fn.call(this, precision));
    return cache.get(precision);
  };
}

function Circle(radius) {
  this.radius = radius;
  this.samples = new Float64Array(8 * 1024);
}
Circle.prototype.area = memoize(function (precision) {
  return { circle: this, value: (Math.PI * this.radius * this.radius).toFixed(precision) };
});

const create = (i) => new Circle(i + 1);
const use = (circle, i) => [circle.area(2).value, circle.area(i + 3).value];
${HARNESS}`;
    const fixed = applySuggestion(program, 'circle.js');
    const reference = run('wrapper-reference', program.replace('memoize(function', '(function'), null);
    const before = run('wrapper-original', program, null);
    const after = run('wrapper-fixed', fixed, null);
    expect(before.collected).toBe(0);
    expect(before.results).not.toEqual(reference.results);
    expect(after.collected).toBe(INSTANCES);
    expect(after.results).toEqual(reference.results);
  });

  it('JavaScript decorator returning a descriptor literal with a computed slot: the suggestion frees the instances', () => {
    const program = `
function memoize(target, key, descriptor) {
  const slot = descriptor.get ? 'get' : 'value';
  const original = descriptor[slot];
  const cache = new Map();
  return {
    ...descriptor,
    [slot]: function (...args) {
      const argsKey = JSON.stringify(args);
      if (!cache.has(argsKey)) cache.set(argsKey, original.apply(this, args));
      return cache.get(argsKey);
    },
  };
}

class Layer {
  constructor(name) { this.name = name; this.tiles = new Float64Array(8 * 1024); }
  label(zoom) { return { layer: this, text: this.name + '@' + zoom }; }
}
Object.defineProperty(Layer.prototype, 'label', memoize(Layer.prototype, 'label', Object.getOwnPropertyDescriptor(Layer.prototype, 'label')));

const create = (i) => new Layer('layer-' + i);
const use = (layer, i) => [layer.label(1).text, layer.label(i + 2).text];
${HARNESS}`;
    const fixed = applySuggestion(program, 'layer.js');
    expect(fixed).toContain('const cacheByInstance = new WeakMap();');
    const reference = run('descriptor-reference', program.replace(/^Object\.defineProperty\(Layer.*$/m, ''), null);
    const before = run('descriptor-original', program, null);
    const after = run('descriptor-fixed', fixed, null);
    expect(before.collected).toBe(0);
    expect(before.results).not.toEqual(reference.results);
    expect(after.collected).toBe(INSTANCES);
    expect(after.results).toEqual(reference.results);
  });

  it('JavaScript decorator with a module map from each instance to an id: the WeakMap suggestion frees the instances', () => {
    const program = `
const ids = new Map();
let next = 1;
function memoize(target, key, descriptor) {
  const original = descriptor.value;
  descriptor.value = function (...args) {
    let id = ids.get(this);
    if (!id) ids.set(this, (id = next++));
    return original.apply(this, args) + '#' + id;
  };
}

class Node {
  constructor(name) { this.name = name; this.payload = new Float64Array(8 * 1024); }
  path(depth) { return this.name + '/' + depth; }
}
const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'path');
memoize(Node.prototype, 'path', descriptor);
Object.defineProperty(Node.prototype, 'path', descriptor);

const create = (i) => new Node('node-' + i);
const use = (node, i) => [node.path(1), node.path(i)];
${HARNESS}`;
    const fixed = applySuggestion(program, 'node.js');
    expect(fixed).toContain('const ids = new WeakMap();');
    const before = run('ids-original', program, null);
    const after = run('ids-fixed', fixed, null);
    expect(before.collected).toBe(0);
    expect(after.collected).toBe(INSTANCES);
    expect(after.results).toEqual(before.results);
  });
});
