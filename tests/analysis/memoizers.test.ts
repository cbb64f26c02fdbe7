import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getFileContext } from '../../src/analysis/core/file-context.js';
import { MEMOIZER_LIBRARIES } from '../../src/analysis/memoizers/memoizer-libraries.js';
import {
  canKeyHoldArgument,
  getMemoizerCall,
  getMemoizerDecorator,
  loadMemoizerTable,
  type MemoizerUse,
} from '../../src/analysis/memoizers/memoizers.js';

/** Every memoizer use the API finds in `code`, in source order. */
function usesIn(code: string, settings: Record<string, unknown> = {}): MemoizerUse[] {
  const uses: MemoizerUse[] = [];
  const linter = new Linter({ configType: 'flat' });
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: Parameters<typeof getFileContext>[0]) {
      const file = getFileContext(context);
      loadMemoizerTable(file, context.settings);
      return {
        CallExpression(node: TSESTree.CallExpression): void {
          const use = getMemoizerCall(file, context.settings, node);
          if (use) uses.push(use);
        },
        Decorator(node: TSESTree.Decorator): void {
          const use = getMemoizerDecorator(file, context.settings, node);
          if (use) uses.push(use);
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
        plugins: { probe: { rules: { probe } } } as unknown as Linter.Config['plugins'],
        rules: { 'probe/probe': 'error' },
        settings,
      },
    ],
    { filename: 'file.ts' },
  );
  const fatal = messages.find((message) => message.fatal || message.ruleId === 'probe/probe');
  if (fatal) throw new Error(fatal.message);
  return uses;
}

describe('memoizer library table', () => {
  it('has unique ids and unique origins', () => {
    const ids = MEMOIZER_LIBRARIES.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    const origins = MEMOIZER_LIBRARIES.flatMap((spec) => spec.origins.map((o) => [o.source, ...o.path].join(':')));
    expect(new Set(origins).size).toBe(origins.length);
  });
});

describe('getMemoizerCall', () => {
  it.each([
    [`import memoize from 'lodash/memoize'; memoize(f);`, 'lodash.memoize'],
    [`import _ from 'lodash'; _.memoize(f);`, 'lodash.memoize'],
    [`import * as _ from 'lodash-es'; _['memoize'](f);`, 'lodash.memoize'],
    [`import { memoize as m } from 'lodash'; m(f);`, 'lodash.memoize'],
    [`const m = require('lodash.memoize'); m(f);`, 'lodash.memoize'],
    [`const { memoize } = require('lodash'); memoize(f);`, 'lodash.memoize'],
    [`require('lodash').memoize(f);`, 'lodash.memoize'],
    [`import m from 'lodash/memoize.js'; m(f);`, 'lodash.memoize'],
    [`import fp from 'lodash/fp'; fp.memoize(f);`, 'lodash.fp.memoize'],
    [`import _ from 'underscore'; _.memoize(f);`, 'underscore.memoize'],
    [`import { memoizeWith } from 'ramda'; memoizeWith(String, f);`, 'ramda.memoizeWith'],
    [`import memoizee from 'memoizee'; memoizee(f);`, 'memoizee'],
    [`import weak from 'memoizee/weak'; weak(f);`, 'memoizee.weak'],
    [`import moize from 'moize'; moize.deep(f);`, 'moize'],
    [`import moize from 'moize'; moize.infinite(f);`, 'moize.infinite'],
    [`import moize from 'moize'; moize.maxSize(5)(f);`, 'moize.maxSize'],
    [`import memoizerific from 'memoizerific'; memoizerific(10)(f);`, 'memoizerific'],
    [`import { memoize } from '@formatjs/fast-memoize'; memoize(f);`, 'fast-memoize'],
    [`import pMemoize from 'p-memoize'; pMemoize(f);`, 'p-memoize'],
    [`import memoizeOne from 'memoize-one'; memoizeOne(f);`, 'memoize-one'],
  ])('%s → %s', (code, id) => {
    expect(usesIn(code).map((use) => use.spec.id)).toEqual([id]);
  });

  it('ignores local helpers and shadowed names', () => {
    expect(usesIn(`import memoize from './memoize'; memoize(f);`)).toEqual([]);
    expect(usesIn(`import { memoize } from 'lodash'; function g(memoize: any) { memoize(f); }`)).toEqual([]);
  });

  it('reports the key positions a cache can hold', () => {
    const [lodash] = usesIn(`import memoize from 'lodash/memoize'; memoize((a: object, b: object) => 1);`);
    expect([0, 1].map((index) => canKeyHoldArgument(lodash!, index))).toEqual([true, false]);
    const [fixed] = usesIn(`import m from 'memoizee'; m(function (a: object, b: object, c = 1) { return 1; });`);
    expect(fixed!.key.count).toBe(2);
    expect([0, 1, 2].map((index) => canKeyHoldArgument(fixed!, index))).toEqual([true, true, false]);
    const [lengthOne] = usesIn(`import m from 'memoizee'; m((a: object, b: object) => 1, { length: 1 });`);
    expect(canKeyHoldArgument(lengthOne!, 1)).toBe(false);
    const [primitive] = usesIn(`import m from 'memoizee'; m((a: object) => 1, { primitive: true });`);
    expect(canKeyHoldArgument(primitive!, 0)).toBe(false);
    const [moize] = usesIn(`import moize from 'moize'; moize((a: object, b: object) => 1);`);
    expect(moize!.bound).toBe(1);
    expect(canKeyHoldArgument(moize!, 1)).toBe(true);
    const [big] = usesIn(`import moize from 'moize'; moize((a: object) => 1, { maxSize: Infinity });`);
    expect(big!.bound).toBeNull();
    const [weakCache] = usesIn(`import memoize from 'memoize'; memoize((a: object) => 1, { cache: new WeakMap() });`);
    expect(canKeyHoldArgument(weakCache!, 0)).toBe(false);
    const [resolved] = usesIn(`import memoize from 'memoize'; memoize((a: object) => 1, { cacheKey: (args) => args[0] });`);
    expect(canKeyHoldArgument(resolved!, 0)).toBe('unknown');
    const [underscore] = usesIn(`import _ from 'underscore'; _.memoize((a: object) => 1);`);
    expect(canKeyHoldArgument(underscore!, 0)).toBe(false);
  });
});

describe('getMemoizerDecorator', () => {
  it('finds decorators, their options and registries', () => {
    const uses = usesIn(`
      import { Memoize } from 'typescript-memoize';
      import { MemoizeAll } from 'lodash-decorators';
      class A {
        @Memoize({ tags: ['a'] }) a(x: number) { return x; }
        @MemoizeAll() b(x: number) { return x; }
      }`);
    expect(uses.map((use) => [use.spec.id, use.spec.cache, use.registryOption !== null])).toEqual([
      ['typescript-memoize', 'per-instance', true],
      ['lodash-decorators.MemoizeAll', 'per-decoration', false],
    ]);
  });
});

describe('settings memoizers', () => {
  it('adds in-house memoizers, optionally like a table entry', () => {
    const settings = { 'memo-leak': { memoizers: [{ source: '@acme/memo', export: 'memo', like: 'lodash.memoize' }] } };
    const [use] = usesIn(`import { memo } from '@acme/memo'; memo(f, function () { return this; });`, settings);
    expect(use?.spec.resolver?.receivesThis).toBe(true);
    expect(use?.resolver).not.toBeNull();
  });

  it('rejects invalid settings with a message naming the field', () => {
    expect(() => usesIn(`f();`, { 'memo-leak': { memoizers: [{ source: 'x', key: 'nope' }] } })).toThrow(
      `invalid value at settings['memo-leak'].memoizers[0].key: expected one of "first-arg", "all-args", "leading-args", "serialized-args", "none", got "nope"`,
    );
    expect(() => usesIn(`f();`, { 'memo-leak': { memoizers: [{ source: 'x', like: 'lodahs' }] } })).toThrow(/\.like: expected one of "lodash.memoize"/);
    expect(() => usesIn(`f();`, { 'memo-leak': { memoizers: {} } })).toThrow(/memoizers: expected an array/);
  });
});
