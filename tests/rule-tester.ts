import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
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

/** Where the typed suites' tsconfig.json and fixture modules live. */
export const typedFixtures = fileURLToPath(new URL('fixtures/typed', import.meta.url));

/** A project on disk whose modules the untyped cross-file cases import (`src/app/file.ts` imports `../lib/memo.js`). */
export const moduleFixtures = fileURLToPath(new URL('fixtures/modules', import.meta.url));
/** An npm workspace (monorepo) whose packages import each other by name. */
export const workspaceFixtures = fileURLToPath(new URL('fixtures/workspace', import.meta.url));

/** TypeScript with type information (typed linting through the fixture tsconfig.json). */
export const typedRuleTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtures } },
});

/** The major version of the ESLint that the rule tester actually runs. */
export function eslintMajor(): number {
  const require = createRequire(import.meta.url);
  const { Linter } = require('eslint') as { Linter: { version: string } };
  return Number(Linter.version.split('.')[0]);
}

/** A rule's test cases, by how the code is parsed. */
export interface RuleCases<MessageIds extends string, Options extends readonly unknown[]> {
  /** TypeScript (`file.ts`), parsed by @typescript-eslint/parser. */
  readonly typescript?: RunTests<MessageIds, Options>;
  /** ES modules parsed by espree. */
  readonly javascript?: RunTests<MessageIds, Options>;
  /** CommonJS scripts parsed by espree. */
  readonly commonjs?: RunTests<MessageIds, Options>;
  /** TypeScript with type information (`tests/fixtures/typed/file.ts` in its tsconfig project). */
  readonly typed?: RunTests<MessageIds, Options>;
}

/** Runs every case set of a rule with the matching rule tester. */
export function runCases<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: RuleModule<MessageIds, Options>,
  cases: RuleCases<MessageIds, Options>,
): void {
  if (cases.typescript) tsRuleTester.run(`${name} (TypeScript)`, rule, cases.typescript);
  if (cases.javascript) jsRuleTester.run(`${name} (JavaScript)`, rule, withFilename(cases.javascript, 'file.js'));
  if (cases.commonjs) cjsRuleTester.run(`${name} (CommonJS)`, rule, withFilename(cases.commonjs, 'file.cjs'));
  if (cases.typed) typedRuleTester.run(`${name} (typed)`, rule, cases.typed);
}

/** JavaScript cases run as `file.js` / `file.cjs` (the rule tester's default file name is `file.ts`). */
function withFilename<MessageIds extends string, Options extends readonly unknown[]>(
  tests: RunTests<MessageIds, Options>,
  filename: string,
): RunTests<MessageIds, Options> {
  const name = <T extends object>(test: T): T => ('filename' in test ? test : { ...test, filename });
  return {
    valid: tests.valid.map((test) => (typeof test === 'string' ? { code: test, filename } : name(test))),
    invalid: tests.invalid.map(name),
  };
}
