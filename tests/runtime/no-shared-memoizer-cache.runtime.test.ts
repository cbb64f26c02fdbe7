/**
 * Runtime proof for no-shared-memoizer-cache: a realistic program with a hand-written memoizer is
 * linted with ESLint's Linter, the rule's suggestion is applied, and the original and the fixed
 * program run in `node --expose-gc`. The original keeps dropped instances alive (counted with a
 * FinalizationRegistry after gc); the fixed one lets them go and prints the correct per-instance
 * results.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const INSTANCES = 20;

/** Appended to every program: create instances, call them, drop them, collect, report. */
const HARNESS = `
let collected = 0;
const registry = new FinalizationRegistry(() => { collected++; });
const results: unknown[] = [];
function exercise(i: number): void {
  const instance = create(i);
  registry.register(instance, i);
  results.push(use(instance, i));
}
for (let i = 0; i < ${INSTANCES}; i++) exercise(i);
await new Promise((resolve) => setTimeout(resolve, 0));
for (let round = 0; round < 20 && collected < ${INSTANCES}; round++) {
  (globalThis as any).gc();
  await new Promise((resolve) => setTimeout(resolve, 5));
}
console.log(JSON.stringify({ collected, results }));
`;

const dir = mkdtempSync(path.join(tmpdir(), 'memo-leak-runtime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function applySuggestion(code: string, filename: string): string {
  const linter = new Linter();
  const typescript = filename.endsWith('.ts');
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: typescript
          ? { parser: tsParser, parserOptions: { sourceType: 'module' } }
          : { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { 'memo-leak': plugin as never },
        rules: { 'memo-leak/no-shared-memoizer-cache': 'error' },
      },
    ],
    filename,
  );
  expect(messages.map((message) => message.ruleId)).toEqual(['memo-leak/no-shared-memoizer-cache']);
  const fix = messages[0]!.suggestions?.[0]?.fix;
  expect(fix).toBeDefined();
  return code.slice(0, fix!.range[0]) + fix!.text + code.slice(fix!.range[1]);
}

function run(name: string, code: string, experimentalDecorators: boolean | null): { collected: number; results: unknown[] } {
  const js =
    experimentalDecorators === null
      ? code
      : ts.transpileModule(code, {
          compilerOptions: {
            target: ts.ScriptTarget.ES2022,
            module: ts.ModuleKind.ESNext,
            experimentalDecorators,
          },
        }).outputText;
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, js);
  const stdout = execFileSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8' });
  return JSON.parse(stdout) as { collected: number; results: unknown[] };
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
${HARNESS.replace('(globalThis as any)', 'globalThis').replace('const results: unknown[]', 'const results').replace('(i: number): void', '(i)')}`;
    const fixed = applySuggestion(program, 'circle.js');
    const reference = run('wrapper-reference', program.replace('memoize(function', '(function'), null);
    const before = run('wrapper-original', program, null);
    const after = run('wrapper-fixed', fixed, null);
    expect(before.collected).toBe(0);
    expect(before.results).not.toEqual(reference.results);
    expect(after.collected).toBe(INSTANCES);
    expect(after.results).toEqual(reference.results);
  });
});
