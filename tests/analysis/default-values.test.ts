import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ABSENT, evaluateDefault } from '../../src/analysis/core/default-values.js';
import { getFileContext } from '../../src/analysis/core/file-context.js';

/** Evaluates the argument of every `probe(…)` call of `code`; returns the text each one denotes. */
function probe(code: string): string[] {
  const results: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      const file = getFileContext(context as never);
      return {
        'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
          const value = evaluateDefault(file, node.arguments[0]!);
          results.push(value === ABSENT ? 'absent' : value === null ? 'unknown' : context.sourceCode.getText(value as never));
        },
      } as never;
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { t: { rules: { probe: rule } } }, rules: { 't/probe': 'error' } },
  ], { filename: 'probe.ts' });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return results;
}

describe('evaluateDefault: what a caller that passes no options gets', () => {
  it('reads defaults of `||`, `??`, parameter and destructuring defaults', () => {
    expect(
      probe(`
function f(opts: any, { cache = new Set() } = {}) {
  probe(opts.cache || new Map());
  probe(opts.cache ?? {});
  probe(cache);
}`),
    ).toEqual(['new Map()', '{}', 'new Set()']);
  });

  it('decides TypeScript’s compiled `??` and `typeof` tests on absent options', () => {
    expect(
      probe(`
function f(config: any) {
  let _a;
  probe((_a = config.cache) !== null && _a !== void 0 ? _a : new WeakMap());
  probe(typeof config.key === 'string' ? config.key : 'fallback');
  probe(config.key === undefined ? 1 : 2);
}`),
    ).toEqual(['new WeakMap()', "'fallback'", '1']);
  });

  it('merges object literals, spreads and Object.assign, later sources first', () => {
    expect(
      probe(`
const defaults = { cache: new Map(), size: 10 };
function f(input: any) {
  const config = { ...defaults, ...input };
  probe(config.cache);
  const merged = Object.assign({}, defaults, { size: 20 }, input);
  probe(merged.size);
  probe(merged.missing);
}`),
    ).toEqual(['new Map()', '20', 'absent']);
  });

  it('follows a binding reassigned from itself, and property writes on a function', () => {
    expect(
      probe(`
function f(input: any, cache: any) {
  let config: any = Object.assign({}, { cache: new Map() });
  if (input) config = Object.assign(Object.assign({}, config), input);
  probe(config.cache);
  const memoized: any = function () { return memoized.cache; };
  memoized.cache = new Map();
  probe(memoized.cache);
}`),
    ).toEqual(['new Map()', 'new Map()']);
  });

  it('is unknown where the value depends on more than the options', () => {
    expect(
      probe(`
declare const flag: boolean;
function f(opts: any) {
  const a = flag ? new Map() : new Set();
  probe(a);
  const b: any = {};
  b[String(flag)] = 1;
  probe(b.cache);
  probe(opts);
  const c = { cache: new Map() };
  Object.assign(c, { cache: new WeakMap() });
  probe(c.cache);
  const d = flag ? { cache: new Map() } : null;
  probe(d.cache);
}`),
    ).toEqual(['unknown', 'unknown', 'opts', 'unknown', 'unknown']);
  });
});
