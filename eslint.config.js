// Lints the plugin's own sources with eslint-plugin-eslint-plugin (rule authoring conventions).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['dist/', 'node_modules/', 'bench/corpus/', 'bench/.cache/', 'examples/', 'tests/fixtures/', 'coverage/', '.tmp/'] },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
  },
  {
    // @typescript-eslint/utils is a development dependency: the built plugin may import only its types.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='@typescript-eslint/utils'][importKind='value'] > ImportSpecifier[importKind='value']",
          message: 'Import only types from @typescript-eslint/utils (a dev dependency); take values from @typescript-eslint/types.',
        },
      ],
    },
  },
  {
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/index.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-url': 'off', // RuleCreator adds the URL
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
    },
  },
  {
    files: ['tests/rules/*.test.ts', 'tests/rules/*.cases.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-test-case-name': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/no-only-tests': 'error',
    },
  },
];
