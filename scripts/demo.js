#!/usr/bin/env node
// `npm run demo`: lint examples/ with the built plugin (every rule), print the findings, then show
// what `eslint --fix` would change and which suggestions an editor would offer. Writes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../dist/index.js';
import { unifiedDiff } from './line-diff.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');

const config = [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.vue'], languageOptions: { parser: await vueParser(), parserOptions: { parser: tsParser } } },
  { files: ['**/*.js', '**/*.ts', '**/*.tsx', '**/*.vue'], ...plugin.configs.all },
];

async function vueParser() {
  return (await import('vue-eslint-parser')).default;
}

// examples/typed/ is linted a second time below, with type information.
const untypedConfig = [{ ignores: ['examples/typed/**'] }, ...config];
const typedConfig = [
  {
    files: ['examples/typed/**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: path.join(examples, 'typed') },
    },
  },
  { files: ['examples/typed/**/*.ts'], ...plugin.configs['recommended-type-checked'] },
];

const lint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: untypedConfig });
const fix = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: untypedConfig, fix: true });
const typedLint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: typedConfig });

const results = await lint.lintFiles([examples]);
const stylish = await lint.loadFormatter('stylish');
const findings = results.reduce((count, result) => count + result.messages.length, 0);
console.log(`# Findings in examples/ (${findings})\n`);
process.stdout.write((await stylish.format(results)) || 'No findings.\n');

const typedResults = await typedLint.lintFiles([path.join(examples, 'typed')]);
const typedFindings = typedResults.reduce((count, result) => count + result.messages.length, 0);
console.log(`\n# Findings in examples/typed/ with typed linting and the recommended-type-checked config (${typedFindings})\n`);
process.stdout.write((await stylish.format(typedResults)) || 'No findings.\n');

console.log('\n# What `eslint --fix` would change\n');
let changed = 0;
for (const result of await fix.lintFiles([examples])) {
  if (result.output === undefined) continue;
  changed += 1;
  const relative = path.relative(root, result.filePath);
  console.log(unifiedDiff(readFileSync(result.filePath, 'utf8'), result.output, relative));
}
if (changed === 0) console.log('Nothing: no finding has an autofix.');

console.log('# Suggestions an editor offers as quick fixes (never applied by --fix)\n');
for (const result of results) {
  for (const message of result.messages) {
    for (const suggestion of message.suggestions ?? []) {
      console.log(`${path.relative(root, result.filePath)}:${message.line}  ${suggestion.desc}`);
    }
  }
}
