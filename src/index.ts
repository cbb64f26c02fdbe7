import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';
import type { MemoLeakDocs } from './util/create-rule.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const NAMESPACE = 'memo-leak';

type RuleName = keyof typeof rules;
type Docs = MemoLeakDocs & TSESLint.RuleMetaDataDocs;

/**
 * Options the type-checked configs give rules: checks that only make sense with type information
 * (the user enables typed linting with `parserOptions.projectService`, as for typescript-eslint).
 */
const TYPE_CHECKED_OPTIONS: Partial<Record<RuleName, readonly unknown[]>> = {
  'no-instance-keyed-cache': [{ checkObjectKeys: true }],
};

/** A flat config named `memo-leak/<name>` that turns on every rule `include` accepts, as errors. */
function buildConfig(
  configName: string,
  include: (docs: Docs) => boolean,
  options: Partial<Record<RuleName, readonly unknown[]>> = {},
): TSESLint.FlatConfig.Config {
  const enabled: TSESLint.FlatConfig.Rules = {};
  for (const [ruleName, rule] of Object.entries(rules) as Array<[RuleName, (typeof rules)[RuleName]]>) {
    if (!include(rule.meta.docs as Docs)) continue;
    const ruleOptions = options[ruleName];
    enabled[`${NAMESPACE}/${ruleName}`] = ruleOptions ? ['error', ...ruleOptions] : 'error';
  }
  return { name: `${NAMESPACE}/${configName}`, plugins: { [NAMESPACE]: plugin }, rules: enabled };
}

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

const isRecommended = (docs: Docs): boolean => docs.recommended === true;
const isStrict = (docs: Docs): boolean => docs.recommended === true || docs.strict === true;

const recommended = buildConfig('recommended', (docs) => isRecommended(docs) && !docs.requiresTypeChecking);
const strict = buildConfig('strict', (docs) => isStrict(docs) && !docs.requiresTypeChecking);
const all = buildConfig('all', () => true);
const recommendedTypeChecked = buildConfig('recommended-type-checked', isRecommended, TYPE_CHECKED_OPTIONS);
const strictTypeChecked = buildConfig('strict-type-checked', isStrict, TYPE_CHECKED_OPTIONS);
const allTypeChecked = buildConfig('all-type-checked', () => true, TYPE_CHECKED_OPTIONS);

Object.assign(plugin.configs, {
  recommended,
  strict,
  all,
  'recommended-type-checked': recommendedTypeChecked,
  'strict-type-checked': strictTypeChecked,
  'all-type-checked': allTypeChecked,
  // Aliases for setups that spell flat configs with a `flat/` prefix.
  'flat/recommended': recommended,
  'flat/strict': strict,
  'flat/all': all,
  'flat/recommended-type-checked': recommendedTypeChecked,
  'flat/strict-type-checked': strictTypeChecked,
  'flat/all-type-checked': allTypeChecked,
});

export { plugin as default, plugin as 'module.exports' };
export type { Options as NoInstanceInSharedMemoizerOptions } from './rules/no-instance-in-shared-memoizer.js';
export type { Options as NoInstanceKeyedCacheOptions } from './rules/no-instance-keyed-cache.js';
