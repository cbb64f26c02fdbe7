import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { analyzeCustomMemoizer, resolveCustomMemoizer, type CustomMemoizer } from '../../src/analysis/memoizers/custom-memoizer.js';
import { getFileContext } from '../../src/analysis/core/file-context.js';

interface Resolved {
  readonly site: string;
  readonly use: string;
  readonly name: string | null;
  readonly form: string;
  readonly storage: string;
  readonly consequence: string | null;
  readonly cache: string | null;
  readonly scope: string | null;
  readonly key: string | null;
}

function summary(memoizer: CustomMemoizer): Omit<Resolved, 'site' | 'use'> {
  return {
    name: memoizer.name,
    form: memoizer.form,
    storage: memoizer.storage,
    consequence: memoizer.consequence,
    cache: memoizer.cache?.name ?? null,
    scope: memoizer.cache?.scope ?? null,
    key: memoizer.cache?.key ?? null,
  };
}

/** Resolves every decorator and call of `code` through the analysis API, as another rule would. */
function resolveAll(code: string): Resolved[] {
  const resolved: Resolved[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      const file = getFileContext(context as never);
      const visit = (node: TSESTree.Node): void => {
        const use = resolveCustomMemoizer(file, node);
        if (use) resolved.push({ site: context.sourceCode.getText(node as never), use: use.use, ...summary(use.memoizer) });
      };
      return {
        Decorator: (node: unknown) => visit(node as TSESTree.Node),
        // A decorator's own expression (`Memo()` in `@Memo()`) resolves as well; visit it once, as the decorator.
        'CallExpression:not(Decorator > CallExpression)': (node: unknown) => visit(node as TSESTree.Node),
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }],
    'file.ts',
  );
  expect(messages).toEqual([]);
  return resolved;
}

const source = `
function cached(target: object, key: string, descriptor: PropertyDescriptor) {
  const get = descriptor.get!;
  const values = new Map<object, unknown>();
  descriptor.get = function (this: object) {
    if (!values.has(this)) values.set(this, get.call(this));
    return values.get(this);
  };
}

function Memo() {
  return function <This, R>(value: (this: This, n: number) => R, context: ClassMethodDecoratorContext<This>) {
    const caches = new WeakMap<object, Map<number, R>>();
    return function (this: This, n: number): R {
      let cache = caches.get(this as object);
      if (!cache) { cache = new Map(); caches.set(this as object, cache); }
      if (!cache.has(n)) cache.set(n, value.call(this, n));
      return cache.get(n)!;
    };
  };
}

function wrap(fn: (this: any, n: number) => number) {
  const memo = new Map<number, number>();
  return function (this: any, n: number): number {
    if (!memo.has(n)) memo.set(n, fn.call(this, n));
    return memo.get(n)!;
  };
}

function helper(n: number) { return n + 1; }

class Widget {
  @cached get size() { return 1; }
  @Memo() twice(n: number) { return n * 2; }
  thrice = wrap(function (this: Widget, n: number) { return n * 3; });
}
helper(1);
`;

describe('resolveCustomMemoizer', () => {
  it('resolves decorators, decorator factories and wrapper calls to their analysed definitions', () => {
    expect(resolveAll(source)).toEqual([
      {
        site: '@cached',
        use: 'decorator',
        name: 'cached',
        form: 'legacy-decorator',
        storage: 'shared',
        consequence: 'pins-instances',
        cache: 'values',
        scope: 'decorator',
        key: 'this',
      },
      {
        site: '@Memo()',
        use: 'decorator-factory',
        name: 'Memo',
        form: 'standard-decorator',
        storage: 'per-instance',
        consequence: null,
        cache: null,
        scope: null,
        key: null,
      },
      {
        site: 'wrap(function (this: Widget, n: number) { return n * 3; })',
        use: 'wrapper-call',
        name: 'wrap',
        form: 'wrapper',
        storage: 'per-wrapped-function',
        consequence: 'cross-instance-results',
        cache: 'memo',
        scope: 'wrapper',
        key: 'ignores-this',
      },
    ]);
  });

  it('leaves a wrapper used only in an instance field without a shared use', () => {
    const probe: Rule.RuleModule = {
      create(context) {
        const file = getFileContext(context as never);
        return {
          'FunctionDeclaration[id.name="wrap"]'(node: unknown) {
            const memoizer = analyzeCustomMemoizer(file, node as TSESTree.FunctionDeclaration);
            context.report({ node: node as never, message: `${memoizer?.sharedUse === null}` });
          },
        };
      },
    };
    const linter = new Linter();
    const messages = linter.verify(
      source,
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }],
      'file.ts',
    );
    expect(messages.map((message) => message.message)).toEqual(['true']);
  });
});
