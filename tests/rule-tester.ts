import { createRequire } from 'node:module';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/** TypeScript files, parsed by @typescript-eslint/parser (the rule tester's default). */
export const tsRuleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});

/** JavaScript files, parsed by ESLint's own parser as a plain ESLint user would. */
export const jsRuleTester = new RuleTester({
  languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
});

/** CommonJS scripts (`require`, `module.exports`), parsed by ESLint's own parser. */
export const cjsRuleTester = new RuleTester({
  languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' },
});

/** The major version of the ESLint that the rule tester actually runs. */
export function eslintMajor(): number {
  const require = createRequire(import.meta.url);
  const { Linter } = require('eslint') as { Linter: { version: string } };
  return Number(Linter.version.split('.')[0]);
}
