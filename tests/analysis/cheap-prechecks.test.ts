// The cheap pre-checks that run before a summary follows a call into another module (issue 13): each may
// only say "no need to look" when the full analysis could not report anything, and must say "look" for
// decorators (also imported from other modules or workspace packages), factories, wrappers used in a
// shared slot, and helpers that take a cache parameter.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { getFileContext } from '../../src/analysis/core/file-context.js';
import { analyzeCustomMemoizer, mayShareCacheHere, type FunctionNode } from '../../src/analysis/memoizers/custom-memoizer.js';
import { mayExportName } from '../../src/analysis/resolve/project-exports.js';
import { crossFileStats } from '../../src/analysis/resolve/project-modules.js';
import { workspaceFixtures } from '../rule-tester.js';

const root = mkdtempSync(path.join(tmpdir(), 'memo-leak-prechecks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (relative: string, text: string): string => {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

interface Seen {
  readonly name: string;
  readonly look: boolean;
  /** The full summary's verdict for no-shared-memoizer-cache: would it report this definition? */
  readonly reportable: boolean;
}

/** `mayShareCacheHere` and the full summary for every module-level function declaration of `code`. */
function check(file: string, code: string, { summarise = true } = {}): Seen[] {
  const seen: Seen[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      const fileContext = getFileContext(context as never);
      return {
        'Program > FunctionDeclaration, Program > ExportNamedDeclaration > FunctionDeclaration'(node: unknown) {
          const fn = node as FunctionNode & TSESTree.FunctionDeclaration;
          const look = mayShareCacheHere(fileContext, fn);
          const memoizer = summarise ? analyzeCustomMemoizer(fileContext, fn) : null;
          const reportable =
            memoizer !== null &&
            memoizer.consequence !== null &&
            (memoizer.cache !== null || memoizer.composed !== null) &&
            memoizer.storage !== 'per-instance' &&
            (memoizer.storage !== 'per-wrapped-function' || memoizer.sharedUse !== null);
          seen.push({ name: fn.id!.name, look, reportable });
        },
      };
    },
  };
  const linter = new Linter({ cwd: '/' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }],
    { filename: file },
  );
  expect(messages).toEqual([]);
  return seen;
}

describe('mayShareCacheHere: a candidate’s shape before its composition', () => {
  it('says "no need" for a function that only returns a call of an imported helper, and parses nothing for it', () => {
    write('plain/util.ts', 'export function clone(x: object, def: object): object { return Reflect.apply(Object.assign, null, [{}, x, def]); }\n');
    const file = write('plain/in-out.ts', '');
    const before = crossFileStats.parsed;
    const seen = check(
      file,
      `import { clone } from './util.js';
       export function withChecks(side: object, checks: object[]) { return clone(side, { checks }); }`,
      { summarise: false },
    );
    expect(seen).toEqual([{ name: 'withChecks', look: false, reportable: false }]);
    expect(crossFileStats.parsed).toBe(before);
  });

  it('agrees with the full summary on that function (it is no memoizer here)', () => {
    const file = write('plain/in-out2.ts', '');
    expect(check(file, `import { clone } from './util.js';\nexport function withChecks(side: object) { return clone(side, {}); }`)).toEqual([
      { name: 'withChecks', look: false, reportable: false },
    ]);
  });

  it('says "look" for a legacy decorator that applies a wrapper from another module (cross-file decorator)', () => {
    write(
      'cross/memoize.ts',
      `export function memoize(fn: (...a: unknown[]) => unknown) {
         const cache = new Map<unknown, unknown>();
         return function (this: unknown, key: unknown) {
           if (!cache.has(key)) cache.set(key, fn.call(this, key));
           return cache.get(key);
         };
       }\n`,
    );
    const file = write('cross/decorator.ts', '');
    const seen = check(
      file,
      `import { memoize } from './memoize.js';
       export function Memo(target: object, key: string, descriptor: PropertyDescriptor) {
         descriptor.value = memoize(descriptor.value);
       }`,
    );
    expect(seen).toEqual([{ name: 'Memo', look: true, reportable: true }]);
  });

  it('says "look" for a decorator imported from a workspace package, through its barrel', () => {
    const file = path.join(workspaceFixtures, 'packages/app/src/file.ts');
    const seen = check(
      file,
      `import { memo } from '@acme/decorators';
       export function Cached(target: object, key: string, descriptor: PropertyDescriptor) {
         descriptor.value = memo(descriptor.value);
       }`,
    );
    expect(seen).toEqual([{ name: 'Cached', look: true, reportable: false }]);
  });

  it('says "look" for a TC39 decorator `(value, context)` and for a factory that returns a decorator', () => {
    const file = write('shapes/decorators.ts', '');
    const seen = check(
      file,
      `import { memoize } from './memoize.js';
       export function memo(value: Function, context: ClassMethodDecoratorContext) { return memoize(value); }
       export function Memo(options: object) { return (target: object, key: string, descriptor: PropertyDescriptor) => { descriptor.value = memoize(descriptor.value); }; }`,
      { summarise: false },
    );
    expect(seen.map(({ name, look }) => ({ name, look }))).toEqual([
      { name: 'memo', look: true },
      { name: 'Memo', look: true },
    ]);
  });

  it('says "look" for a wrapper that composes an imported memoizer when this file installs it on a prototype', () => {
    const file = write('cross/shared-use.ts', '');
    const seen = check(
      file,
      `import { memoize } from './memoize.js';
       export function wrap(fn: (key: unknown) => unknown) { return memoize(fn); }
       class A { area(key: unknown) { return key; } }
       A.prototype.area = wrap(A.prototype.area);`,
    );
    expect(seen).toEqual([{ name: 'wrap', look: true, reportable: true }]);
  });

  it('says "no need" for the same wrapper when this file only exports it (its uses elsewhere are judged there)', () => {
    const file = write('cross/exported.ts', '');
    expect(check(file, `import { memoize } from './memoize.js';\nexport function wrap(fn: (key: unknown) => unknown) { return memoize(fn); }`)).toEqual([
      { name: 'wrap', look: false, reportable: false },
    ]);
  });

  it('says "look" for a helper that takes its cache as a parameter, and for one with its own replacement', () => {
    const file = write('shapes/helpers.ts', '');
    const seen = check(
      file,
      `export function memoize(fn: Function, resolver: (a: unknown) => unknown, cache: Map<unknown, unknown>) {
         return function (this: unknown, a: unknown) {
           const key = resolver(a);
           if (!cache.has(key)) cache.set(key, fn.call(this, a));
           return cache.get(key);
         };
       }
       const shared = new Map<unknown, unknown>();
       export function once(fn: Function) {
         return function (this: unknown, a: unknown) {
           if (!shared.has(a)) shared.set(a, fn.call(this, a));
           return shared.get(a);
         };
       }`,
    );
    expect(seen.map(({ name, look }) => ({ name, look }))).toEqual([
      { name: 'memoize', look: true },
      { name: 'once', look: true },
    ]);
    expect(seen.find((s) => s.name === 'once')!.reportable).toBe(true);
  });

  it('reads a third parameter as a descriptor only when the function uses it as one', () => {
    const file = write('shapes/mix.ts', '');
    const seen = check(
      file,
      `import { mix } from './tsl.js';
       export function mixClamped(a: number, b: number, uv: number[], p: number) { return mix(a, b, uv[p]); }
       export function Slot(target: object, key: string, descriptor: PropertyDescriptor) { const { get } = descriptor; return mix(target, key, get); }`,
      { summarise: false },
    );
    expect(seen).toEqual([
      { name: 'mixClamped', look: false, reportable: false },
      { name: 'Slot', look: true, reportable: false },
    ]);
  });
});

describe('mayExportName: a module is parsed for one export only if its text can export that name', () => {
  it('finds declarations, export lists, CommonJS exports', () => {
    expect(mayExportName('export function clone(x) { return x; }', 'clone')).toBe(true);
    expect(mayExportName('export function clone(x) { return x; }', 'memoize')).toBe(false);
    expect(mayExportName('function m() {}\nexport { m as memoize };', 'memoize')).toBe(true);
    expect(mayExportName('exports.memoize = function () {};', 'memoize')).toBe(true);
    expect(mayExportName('module.exports = { memoize };', 'memoize')).toBe(true);
    // a word only: `memoizeOne` does not export `memoize`
    expect(mayExportName('export const memoizeOne = 1; export const $memoize = 2;', 'memoize')).toBe(false);
  });

  it('a module that only imports and uses the name (a barrel\'s other members) does not export it', () => {
    const user = 'import { createAction, die } from "../internal"\n\nexport function bound() {\n    return createAction("x", die)\n}\nconst local = createAction\n';
    expect(mayExportName(user, 'createAction')).toBe(false);
    expect(mayExportName(user, 'bound')).toBe(true);
    // the declaring module, in the same style (no semicolons), and other ways to export a name
    expect(mayExportName('import { die } from "../internal"\n\nexport function createAction(\n    name: string\n) {\n    return die\n}\n', 'createAction')).toBe(true);
    expect(mayExportName('export const a = 1,\n  createAction = 2\n', 'createAction')).toBe(true);
    expect(mayExportName('const createAction = 1\nexport {\n  a,\ncreateAction\n}\n', 'createAction')).toBe(true);
    expect(mayExportName('function createAction() {}\nexport default createAction;', 'createAction')).toBe(true);
    expect(mayExportName('@sealed\nexport class createAction {}', 'createAction')).toBe(true);
    expect(mayExportName('export\nconst createAction = 1', 'createAction')).toBe(true);
    // minified: one line, everything in one statement
    expect(mayExportName('import{a}from"./a";const createAction=a;export{createAction as b};', 'b')).toBe(true);
  });

  it('looks through `export *` (the re-exported module is tested in turn) and identifiers with escapes', () => {
    expect(mayExportName("export * from './memo';", 'memoize')).toBe(true);
    expect(mayExportName("export /* everything */ * from './memo';", 'memoize')).toBe(true);
    expect(mayExportName('export const \\u006demoize = 1;', 'memoize')).toBe(true);
  });

  it('finds default exports: ESM, re-exported as default, CommonJS', () => {
    expect(mayExportName('export default function () {}', 'default')).toBe(true);
    expect(mayExportName("export { memo as default } from '@acme/decorators';", 'default')).toBe(true);
    expect(mayExportName('module.exports = function memoize() {};', 'default')).toBe(true);
    expect(mayExportName('export const memo = 1;', 'default')).toBe(false);
  });

  it('says "look" for the workspace fixtures’ barrels and re-exports', () => {
    const barrel = readFileSync(path.join(workspaceFixtures, 'packages/decorators/src/index.ts'), 'utf8');
    expect(mayExportName(barrel, 'memo')).toBe(true);
    expect(mayExportName(barrel, 'memoPerInstance')).toBe(true);
    const plain = readFileSync(path.join(workspaceFixtures, 'packages/plain/src/memo.ts'), 'utf8');
    expect(mayExportName(plain, 'default')).toBe(true);
  });
});
