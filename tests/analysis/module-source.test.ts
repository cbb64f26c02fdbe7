import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getFileContext } from '../../src/analysis/file-context.js';
import { getMemoizerCall } from '../../src/analysis/memoizers.js';
import { rememberFileLocation } from '../../src/analysis/settings/file-location.js';
import { canonicalPackageSpecifier, importSpellings, stripModuleSuffix } from '../../src/analysis/settings/module-source.js';

const cwd = path.resolve('/project');
const at = (file: string) => ({ cwd, filename: path.join(cwd, file) });

describe('importSpellings', () => {
  it('spells a path source relative to the linted file, from any depth', () => {
    expect(importSpellings('./lib/memo.js', at('src/a.ts'))).toContain('../lib/memo');
    expect(importSpellings('./lib/memo.js', at('src/deep/b/c.ts'))).toContain('../../../lib/memo.js');
    expect(importSpellings('lib/memo', at('lib/x.ts'))).not.toContain('./memo'); // a bare name is a package
    expect(importSpellings('./lib/memo', at('lib/x.ts'))).toEqual(expect.arrayContaining(['./memo', './memo.ts', './memo/index.js']));
  });

  it('treats a file and its directory index as one module', () => {
    expect(importSpellings('./lib/memo/index.ts', at('src/a.ts'))).toEqual(
      expect.arrayContaining(['../lib/memo', '../lib/memo/index', '../lib/memo.js']),
    );
    expect(importSpellings('./lib/index.js', at('lib/a.ts'))).toEqual(expect.arrayContaining(['.', './', './index', './index.js']));
  });

  it('never spells another file', () => {
    expect(importSpellings('./lib/memo', at('src/a.ts'))).not.toContain('./lib/memo');
    expect(importSpellings('./lib/memo', at('src/a.ts'))).not.toContain('../lib/memoize');
  });

  it('keeps a path source as written when the file has no location', () => {
    expect(importSpellings('./decorators.js', null)).toEqual(expect.arrayContaining(['./decorators', './decorators/index']));
  });

  it('compares package sources by specifier with .js and /index normalised', () => {
    expect(importSpellings('@acme/utils/index.js', at('src/a.ts'))).toEqual(
      expect.arrayContaining(['@acme/utils', '@acme/utils/index']),
    );
    expect(canonicalPackageSpecifier('@acme/utils/memo.js')).toBe('@acme/utils/memo');
    expect(canonicalPackageSpecifier('acme/lib/index.mjs')).toBe('acme/lib');
    expect(canonicalPackageSpecifier('highlight.js')).toBe('highlight.js');
    expect(canonicalPackageSpecifier('@scope/chart.js')).toBe('@scope/chart.js');
  });

  it('strips module extensions and /index', () => {
    expect(['a/b.ts', 'a/b.d.ts', 'a/b.mjs', 'a/b/index.tsx', 'a/b/', 'a/b'].map(stripModuleSuffix)).toEqual(
      Array(6).fill('a/b'),
    );
  });
});

/** The memoizer calls found in `code` linted as `filename` under `cwd` with `settings`. */
function memoizedIn(code: string, filename: string, settings: Record<string, unknown>): string[] {
  const found: string[] = [];
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: Parameters<typeof getFileContext>[0]) {
      rememberFileLocation(context); // what createRule does for every rule of the plugin
      const file = getFileContext(context);
      return {
        CallExpression(node: TSESTree.CallExpression): void {
          const use = getMemoizerCall(file, context.settings, node);
          if (use) found.push(use.spec.id);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd });
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
    { filename: path.join(cwd, filename) },
  );
  const fatal = messages.find((message) => message.fatal || message.ruleId === 'probe/probe');
  if (fatal) throw new Error(fatal.message);
  return found;
}

describe("settings['memo-leak'].memoizers[].source", () => {
  const entry = (source: string) => ({ 'memo-leak': { memoizers: [{ source, export: 'memo', like: 'lodash.memoize' }] } });
  const call = (specifier: string) => `import { memo } from '${specifier}'; const f = memo((x: object) => 1);`;

  it('matches a NodeNext import (`.js`) of a relative source, at every depth', () => {
    for (const source of ['./lib/memo.js', './lib/memo', './lib/memo.ts', './lib/memo/index.js']) {
      expect(memoizedIn(call('../lib/memo.js'), 'src/a.ts', entry(source)), source).toHaveLength(1);
      expect(memoizedIn(call('../../../lib/memo'), 'src/x/y/b.ts', entry(source)), source).toHaveLength(1);
      expect(memoizedIn(call('./memo.js'), 'lib/c.ts', entry(source)), source).toHaveLength(1);
    }
  });

  it('does not match a module of the same name elsewhere', () => {
    expect(memoizedIn(call('./lib/memo.js'), 'src/a.ts', entry('./lib/memo.js'))).toEqual([]);
    expect(memoizedIn(call('../lib/memo.js'), 'src/x/b.ts', entry('./lib/memo.js'))).toEqual([]);
  });

  it('matches package sources written with `.js` or `/index`', () => {
    for (const specifier of ['@acme/utils', '@acme/utils/index.js', '@acme/utils/index']) {
      expect(memoizedIn(call(specifier), 'src/a.ts', entry('@acme/utils/index.js')), specifier).toHaveLength(1);
      expect(memoizedIn(call(specifier), 'src/a.ts', entry('@acme/utils')), specifier).toHaveLength(1);
    }
    expect(memoizedIn(call('@acme/utils/memo'), 'src/a.ts', entry('@acme/utils'))).toEqual([]);
  });
});
