import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getFileContext } from '../../src/analysis/core/file-context.js';
import { getPrescan, occursInCode, type Prescan } from '../../src/analysis/core/prescan.js';
import { rules } from '../../src/rules/index.js';
import { moduleFixtures } from '../rule-tester.js';

type Answers = Omit<Prescan, 'memoizerRootNames'> & { memoizerRootNames: string[] };

interface Linted {
  readonly scan: Answers;
  /** The selectors each plugin rule registered on the file (empty: the rule skipped it). */
  readonly listeners: Record<string, string[]>;
}

const APP_TS = path.join(moduleFixtures, 'src/app/file.ts');
const APP_JS = path.join(moduleFixtures, 'src/app/file.js');

/**
 * Lints `code` as `filename` with a probe rule that reads the pre-scan and, for every plugin rule,
 * the listeners its `create()` returns on that file.
 */
function lint(code: string, { filename = APP_TS, settings = {} }: { filename?: string; settings?: Record<string, unknown> } = {}): Linted {
  let scan: Answers | null = null;
  const listeners: Record<string, string[]> = {};
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const found = getPrescan(getFileContext(context as never));
      scan = {
        hasThis: found.hasThis,
        hasNew: found.hasNew,
        hasDecorator: found.hasDecorator,
        hasPrototype: found.hasPrototype,
        forwardsThis: found.forwardsThis,
        namesBuiltinContainer: found.namesBuiltinContainer,
        namesContainerLibrary: found.namesContainerLibrary,
        memoizerRootNames: [...found.memoizerRootNames].sort(),
        importsProjectNames: found.importsProjectNames,
        namesMemoizerModule: found.namesMemoizerModule,
        typed: found.typed,
      };
      for (const [name, rule] of Object.entries(rules)) {
        listeners[name] = Object.keys((rule as unknown as Rule.RuleModule).create(context)).sort();
      }
      return {};
    },
  };
  const linter = new Linter({ cwd: moduleFixtures });
  const messages = linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      { files: ['**/*.js', '**/*.ts'], plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' }, settings },
    ],
    filename,
  );
  expect(messages).toEqual([]);
  return { scan: scan!, listeners };
}

describe('occursInCode', () => {
  const comments = (text: string): Array<{ range: [number, number] }> => {
    const out: Array<{ range: [number, number] }> = [];
    for (const match of text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)) out.push({ range: [match.index, match.index + match[0].length] });
    return out;
  };
  const inCode = (text: string, word: string, boundaries: 'word' | 'decorator' = 'word'): boolean =>
    occursInCode(text, comments(text), word, boundaries);

  it('skips comments, keeps strings and templates (a false "look" is harmless)', () => {
    expect(inCode('// this\n/* this */ x', 'this')).toBe(false);
    expect(inCode('/* this */ this.x', 'this')).toBe(true);
    expect(inCode('f("this")', 'this')).toBe(true);
    expect(inCode('`${this.x}`', 'this')).toBe(true);
  });

  it('matches whole words only', () => {
    expect(inCode('thisArg + renew + newer', 'this')).toBe(false);
    expect(inCode('thisArg + renew + newer', 'new')).toBe(false);
    expect(inCode('WeakMap; mySet', 'Map')).toBe(false);
    expect(inCode('x = new Map()', 'Map')).toBe(true);
    expect(inCode('(this)', 'this')).toBe(true);
  });

  it('decorators: not after a quote or inside a word, but after `export`', () => {
    expect(inCode(`import x from '@scope/pkg'; const mail = "a@b.c";`, '@', 'decorator')).toBe(false);
    expect(inCode('/** @param x */ function f(x) {}', '@', 'decorator')).toBe(false);
    expect(inCode('class A { @memo m() {} }', '@', 'decorator')).toBe(true);
    expect(inCode('export@dec class A {}', '@', 'decorator')).toBe(true);
    expect(inCode('constructor(@Inject() x) {}', '@', 'decorator')).toBe(true);
  });
});

describe('getPrescan', () => {
  it('a file with nothing to look at: every rule registers no listener', () => {
    const { scan, listeners } = lint(`// this file has no class; new code only in comments: new Map(), @memo
import { join } from 'node:path';
export const f = (a: string) => join(a, '@x');`);
    expect(scan).toMatchObject({ hasThis: false, hasNew: false, hasDecorator: false, forwardsThis: false, memoizerRootNames: [] });
    expect(listeners).toEqual({
      'no-instance-in-shared-memoizer': [],
      'no-instance-keyed-cache': [],
      'no-shared-memoizer-cache': [],
      'no-shared-method-memoizer': [],
    });
  });

  it('an imported decorator (`@memo` from `../lib/memo`) must be looked at', () => {
    const { scan, listeners } = lint(`import { memo } from '../lib/memo.js';
export class Layout {
  @memo measure(width: number) { return width * 2; }
}`);
    expect(scan).toMatchObject({ hasDecorator: true, importsProjectNames: true, memoizerRootNames: ['memo'] });
    expect(listeners['no-shared-method-memoizer']).toContain('Decorator');
    // The definition's own rule looks at every module-level function that calls a project import.
    expect(listeners['no-shared-memoizer-cache']).toContain('Program:exit');
  });

  it('a decorator from a memoizer library', () => {
    const { scan, listeners } = lint(`import { Memoize } from 'typescript-memoize';
class A { @Memoize() get total() { return 1; } }`);
    expect(scan).toMatchObject({ hasDecorator: true, importsProjectNames: false, memoizerRootNames: ['Memoize'] });
    expect(listeners['no-shared-method-memoizer']).toEqual(['CallExpression', 'Decorator', 'Program:exit']);
  });

  it('a mixin imported from another module and copied onto a prototype must be looked at', () => {
    const { scan, listeners } = lint(
      `import commands from '../lib/commands/index.js';
export class Driver {}
Object.assign(Driver.prototype, commands);
for (const [name, fn] of Object.entries(commands)) Driver.prototype[name] = fn;`,
      { filename: APP_JS },
    );
    expect(scan).toMatchObject({ hasPrototype: true, importsProjectNames: true, hasThis: false });
    expect(listeners['no-shared-method-memoizer']).toEqual(['CallExpression', 'CallExpression[arguments.length>=4]', 'ForInStatement', 'ForOfStatement', 'Program:exit']);
  });

  it('a prototype without project imports registers no mixin listener', () => {
    const { listeners } = lint(
      `import memoize from 'lodash/memoize.js';
function Foo() {}
Foo.prototype.area = memoize(function () { return this.w * this.h; });`,
      { filename: APP_JS },
    );
    // (the compiled-decorator listener: `__decorate([d], Foo.prototype, 'm', null)` also names a prototype)
    expect(listeners['no-shared-method-memoizer']).toEqual(['CallExpression', 'CallExpression[arguments.length>=4]', 'Program:exit']);
  });

  it('an inline require of a memoizer library, outside the top-level statements', () => {
    const { scan, listeners } = lint(
      `function Foo() {}
(function () { Foo.prototype.area = require('lodash/memoize.js')(function () { return this.w; }); })();`,
      { filename: APP_JS },
    );
    expect(scan).toMatchObject({ memoizerRootNames: [], namesMemoizerModule: true });
    expect(listeners['no-shared-method-memoizer']).toContain('CallExpression');
  });

  it('a hand-written decorator of the file (forwards `this`) is a candidate without any import', () => {
    const { scan, listeners } = lint(`export function cached(target: object, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  const results = new Map();
  descriptor.value = function (arg: unknown) {
    if (!results.has(arg)) results.set(arg, original.call(this, arg));
    return results.get(arg);
  };
}`);
    expect(scan).toMatchObject({ forwardsThis: true, memoizerRootNames: [], hasNew: true, namesBuiltinContainer: true });
    expect(listeners['no-shared-memoizer-cache']).toContain('Program:exit');
    // No import: neither a library memoizer nor one from another module can be used here.
    expect(listeners['no-instance-in-shared-memoizer']).toEqual([]);
    expect(listeners['no-shared-method-memoizer']).toEqual([]);
  });

  it('containers: `new Map` without `this` still registers the keyed-cache listener (declared object keys)', () => {
    const { scan, listeners } = lint(`const styles = new Map<HTMLElement, string>();
export function track(el: HTMLElement) { styles.set(el, el.className); }`);
    expect(scan).toMatchObject({ hasThis: false, hasNew: true, namesBuiltinContainer: true });
    // (and the declared-weak check: a `WeakMap` annotation on a `new Map()` needs no `this`)
    expect(listeners['no-instance-keyed-cache']).toEqual(['AssignmentExpression', 'CallExpression', 'Program:exit', 'PropertyDefinition', 'VariableDeclarator']);
  });

  it('containers: `this` without any container still collects instances (`all.push(this)`)', () => {
    const { scan, listeners } = lint(`const all: Widget[] = [];
export class Widget { constructor() { all.push(this); } }`);
    expect(scan).toMatchObject({ hasThis: true, hasNew: false });
    expect(listeners['no-instance-keyed-cache']).toEqual(['AssignmentExpression', 'CallExpression', 'Program:exit']);
  });

  it('containers: only weak ones and no `this` → nothing to look at', () => {
    const { scan, listeners } = lint(`const seen = new WeakMap<object, number>();
export const count = (o: object) => seen.get(o);`);
    expect(scan).toMatchObject({ hasThis: false, hasNew: true, namesBuiltinContainer: false });
    expect(listeners['no-instance-keyed-cache']).toEqual([]);
  });

  it('containers: an LRU cache re-exported by a project module counts as a container', () => {
    const { scan, listeners } = lint(`import { Lru } from '../lib/index.js';
const sizes = new Lru();
export const size = (el: HTMLElement) => sizes.set(el, 1);`);
    expect(scan).toMatchObject({ hasNew: true, namesBuiltinContainer: false, namesContainerLibrary: false, importsProjectNames: true });
    // (`.set(` may also store a factory's product as a value: the assignment listener collects `x[k] = product`)
    expect(listeners['no-instance-keyed-cache']).toEqual(['AssignmentExpression', 'CallExpression', 'Program:exit']);
  });

  it('containers: the text names lru-cache or quick-lru (and not a word that merely contains lru)', () => {
    expect(lint(`import { LRUCache } from 'lru-cache';`).scan).toMatchObject({ namesContainerLibrary: true });
    expect(lint(`import QuickLRU from 'quick-lru';`).scan).toMatchObject({ namesContainerLibrary: true });
    expect(lint(`const clru = 1; const lru = 'lru'; export const quick = clru + lru;`).scan).toMatchObject({ namesContainerLibrary: false });
  });

  it('an identifier written with a unicode escape answers "look" to every identifier question', () => {
    const { scan } = lint(`const cache = new \\u004dap();`);
    expect(scan).toMatchObject({ namesBuiltinContainer: true, hasPrototype: true });
  });

  it('an object passed to a memoized function needs a memoizer import (an instance also needs `this`)', () => {
    const withThis = lint(`import memoize from 'lodash/memoize.js';
const layoutOf = memoize((widget: object) => ({ widget }));
export class Widget { layout() { return layoutOf(this); } }`);
    expect(withThis.listeners['no-instance-in-shared-memoizer']).toEqual(['CallExpression', 'Program:exit']);
    // Without `this`, other objects can still be keys (`measure(element)`): the listeners stay.
    const withoutThis = lint(`import memoize from 'lodash/memoize.js';
export const layoutOf = memoize((widget: object) => ({ widget }));`);
    expect(withoutThis.scan.hasThis).toBe(false);
    expect(withoutThis.listeners['no-instance-in-shared-memoizer']).toEqual(['CallExpression', 'Program:exit']);
    const noImport = lint(`export const layoutOf = (widget: object) => ({ widget });`);
    expect(noImport.listeners['no-instance-in-shared-memoizer']).toEqual([]);
  });

  it('settings: an in-house memoizer module is a memoizer import', () => {
    const settings = { 'memo-leak': { memoizers: [{ source: '@acme/memo', export: 'memo', like: 'lodash.memoize' }] } };
    const { scan } = lint(`import { memo } from '@acme/memo';
function inner() { return require('@acme/memo'); }`, { settings });
    expect(scan).toMatchObject({ memoizerRootNames: ['memo'], namesMemoizerModule: true, importsProjectNames: false });
  });

  it('code linted without a file name has no project modules', () => {
    const { scan } = lint(`import { memo } from '../lib/memo.js';`, { filename: 'file.ts' });
    expect(scan).toMatchObject({ importsProjectNames: false, memoizerRootNames: [] });
  });
});
