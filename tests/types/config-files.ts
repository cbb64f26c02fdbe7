/**
 * ESLint config files as users write them (`eslint.config.ts`, and `eslint.config.js` with
 * `// @ts-check`), each to be type-checked against the built plugin. `good` must compile without a
 * diagnostic; each `bad` file must fail with the diagnostic given.
 */

const importPlugin = `import memoLeak from 'eslint-plugin-memo-leak';\n`;

/** Config files that must type-check, on ESLint 9's and 10's types. */
export const good: Readonly<Record<string, string>> = {
  'define-config/eslint.config.ts': `import { defineConfig } from 'eslint/config';
${importPlugin}
export default defineConfig(memoLeak.configs.recommended, memoLeak.configs['strict-type-checked']);
`,
  'extends/eslint.config.ts': `import { defineConfig } from 'eslint/config';
${importPlugin}
export default defineConfig(
  { files: ['**/*.ts'], extends: [memoLeak.configs.recommended] },
  { files: ['**/*.js'], plugins: { 'memo-leak': memoLeak }, extends: ['memo-leak/flat/strict'] },
);
`,
  'plugins/eslint.config.ts': `import { defineConfig } from 'eslint/config';
${importPlugin}
export default defineConfig({
  plugins: { 'memo-leak': memoLeak },
  rules: {
    'memo-leak/no-instance-keyed-cache': ['error', { checkRegistries: true }],
    'memo-leak/no-shared-method-memoizer': 'warn',
  },
});
`,
  'eslint-types/eslint.config.ts': `import type { ESLint, Linter } from 'eslint';
import memoLeak, { type NoInstanceKeyedCacheOptions } from 'eslint-plugin-memo-leak';

const plugin: ESLint.Plugin = memoLeak;
const options: NoInstanceKeyedCacheOptions = [{ checkObjectKeys: true }];
const config: Linter.Config[] = [
  memoLeak.configs.all,
  memoLeak.configs['flat/all-type-checked'],
  { plugins: { 'memo-leak': plugin }, rules: { 'memo-leak/no-instance-keyed-cache': ['error', ...options] } },
];
export default config;
`,
  'ts-check/eslint.config.js': `// @ts-check
import { defineConfig } from 'eslint/config';
${importPlugin}
export default defineConfig([
  memoLeak.configs.recommended,
  { files: ['src/**'], plugins: { 'memo-leak': memoLeak }, rules: { 'memo-leak/no-shared-memoizer-cache': 'off' } },
]);
`,
};

/** Needs the `typescript-eslint` package, whose types follow ESLint 10's here. */
export const goodTypescriptEslint: Readonly<Record<string, string>> = {
  'typescript-eslint/eslint.config.ts': `import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
${importPlugin}
export const legacy = tseslint.config(tseslint.configs.recommended, memoLeak.configs.recommended, {
  plugins: { 'memo-leak': memoLeak },
});
export default defineConfig(tseslint.configs.recommended, memoLeak.configs['recommended-type-checked']);
`,
};

/** A misspelt config name: a type error that names the right one. */
export const bad: Readonly<Record<string, string>> = {
  'typo/eslint.config.ts': `import { defineConfig } from 'eslint/config';
${importPlugin}
export default defineConfig(memoLeak.configs.recomended);
`,
  'typo-js/eslint.config.js': `// @ts-check
import { defineConfig } from 'eslint/config';
${importPlugin}
export default defineConfig([memoLeak.configs['strict-typechecked']]);
`,
};

/** What each `bad` file must report (file:line TScode message). */
export const expectedErrors: Readonly<Record<string, RegExp>> = {
  'typo/eslint.config.ts': /^typo\/eslint\.config\.ts:4 TS2551 Property 'recomended' does not exist .* Did you mean 'recommended'\?$/,
  'typo-js/eslint.config.js': /^typo-js\/eslint\.config\.js:5 TS2551 Property 'strict-typechecked' does not exist .* Did you mean 'strict-type-checked'\?$/,
};
