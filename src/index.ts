import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';
import type { MemoLeakDocs } from './util/create-rule.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const NAMESPACE = 'memo-leak';

type RuleName = keyof typeof rules;
type Docs = MemoLeakDocs & TSESLint.RuleMetaDataDocs;

/** A flat config named `memo-leak/<name>` that turns on every rule `include` accepts, as errors. */
function buildConfig(
  configName: string,
  include: (docs: Docs) => boolean,
  options: (docs: Docs) => readonly unknown[] | undefined = () => undefined,
): TSESLint.FlatConfig.Config {
  const enabled: TSESLint.FlatConfig.Rules = {};
  for (const [ruleName, rule] of Object.entries(rules) as Array<[RuleName, (typeof rules)[RuleName]]>) {
    const docs = rule.meta.docs as Docs;
    if (!include(docs)) continue;
    const ruleOptions = options(docs);
    enabled[`${NAMESPACE}/${ruleName}`] = ruleOptions ? ['error', ...ruleOptions] : 'error';
  }
  return { name: `${NAMESPACE}/${configName}`, plugins: { [NAMESPACE]: plugin }, rules: enabled };
}

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

const recommended = buildConfig('recommended', (docs) => docs.recommended === true && !docs.requiresTypeChecking);
const strict = buildConfig(
  'strict',
  (docs) => (docs.recommended === true || docs.strict === true) && !docs.requiresTypeChecking,
  (docs) => docs.strictOptions,
);
const all = buildConfig('all', () => true);

Object.assign(plugin.configs, {
  recommended,
  strict,
  all,
  // Aliases for setups that spell flat configs with a `flat/` prefix.
  'flat/recommended': recommended,
  'flat/strict': strict,
  'flat/all': all,
});

export { plugin as default, plugin as 'module.exports' };
export type { Options as NoInstanceKeyedCacheOptions } from './rules/no-instance-keyed-cache.js';
export type { Options as NoSharedMethodMemoizerOptions } from './rules/no-shared-method-memoizer.js';
