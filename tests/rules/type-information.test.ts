/**
 * A typed option never silently does nothing: with `checkObjectKeys: true` (what the type-checked
 * configs set) on a file parsed without type information, the rule throws a clear error, as
 * typescript-eslint's typed rules do; ESLint stops the run with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { typedFixtures } from '../rule-tester.js';

// `TreeNode` is imported: only type information shows that its values are objects (a class of the file would be evidence without types).
const CODE = `import type { TreeNode } from './shapes.js'; const seen = new Set<object>(); export function track(node: TreeNode) { seen.add(node); }`;
const EXPECTED =
  /memo-leak\/no-instance-keyed-cache has `checkObjectKeys: true`, which needs type information, but this file was parsed without it\. Enable typed linting .*projectService.*or turn the option off/;

function lint(config: Linter.Config[], filename: string, code = CODE): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(code, config, filename);
}

const ts: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } };
const rule = (options: object): Linter.Config => ({
  plugins: { 'memo-leak': plugin as unknown as ESLint.Plugin },
  rules: { 'memo-leak/no-instance-keyed-cache': ['error', options] },
});

describe('typed options without type information', () => {
  it('throw, naming the rule, the option and how to enable typed linting', () => {
    expect(() => lint([ts, rule({ checkObjectKeys: true })], 'file.ts')).toThrow(EXPECTED);
  });

  it('throw for a JavaScript file under a type-checked config', () => {
    const js: Linter.Config = { files: ['**/*.js'], languageOptions: { parser: espree as Linter.Parser } };
    const config = plugin.configs['recommended-type-checked'] as unknown as Linter.Config;
    expect(() => lint([js, config], 'file.js', 'const seen = new Set(); seen.add(1);')).toThrow(EXPECTED);
  });

  it('stay quiet when off, and under the untyped configs', () => {
    expect(lint([ts, rule({ checkObjectKeys: false })], 'file.ts')).toEqual([]);
    expect(lint([ts, plugin.configs.recommended as unknown as Linter.Config], 'file.ts')).toEqual([]);
    expect(lint([ts, plugin.configs.all as unknown as Linter.Config], 'file.ts')).toEqual([]);
  });

  it('run (and report) with type information', () => {
    const typed: Linter.Config = {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtures, disallowAutomaticSingleRunInference: true },
      },
    };
    const messages = lint([typed, rule({ checkObjectKeys: true })], path.join(typedFixtures, 'file.ts'));
    expect(messages.map((message) => message.messageId)).toEqual(['objectKeyedCache']);
  });

  it('stop an ESLint run with the error once, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'memo-leak-typed-'));
    for (const name of ['a.ts', 'b.ts']) writeFileSync(path.join(dir, name), CODE);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [ts, rule({ checkObjectKeys: true })] });
    await expect(eslint.lintFiles(['*.ts'])).rejects.toThrow(/Occurred while linting .*[ab]\.ts/);
    await expect(eslint.lintFiles(['*.ts'])).rejects.toThrow(EXPECTED);
    rmSync(dir, { recursive: true, force: true });
  });
});
