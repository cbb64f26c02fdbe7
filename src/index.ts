import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';
import type { MemoLeakDocs } from './util/create-rule.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const NAMESPACE = 'memo-leak';

type RuleName = keyof typeof rules;
type Docs = MemoLeakDocs & TSESLint.RuleMetaDataDocs;

type RuleOptions = readonly unknown[] | undefined;

/** A flat config named `memo-leak/<name>` that turns on every rule `include` accepts, as errors, with `options`. */
function buildConfig(
  configName: string,
  include: (docs: Docs) => boolean,
  options: (docs: Docs) => RuleOptions = () => undefined,
): TSESLint.FlatConfig.Config {
  const enabled: TSESLint.FlatConfig.Rules = {};
  for (const rule of Object.values(rules) as Array<(typeof rules)[RuleName]>) {
    const docs = rule.meta.docs as Docs;
    if (!include(docs)) continue;
    const ruleOptions = options(docs);
    enabled[`${NAMESPACE}/${rule.name}`] = ruleOptions ? ['error', ...ruleOptions] : 'error';
  }
  return { name: `${NAMESPACE}/${configName}`, plugins: { [NAMESPACE]: plugin }, rules: enabled };
}

/** Merges two option lists of a rule whose single option is an object (`[{ a }]` + `[{ b }]` → `[{ a, b }]`). */
function mergeOptions(first: RuleOptions, second: RuleOptions): RuleOptions {
  if (!first || !second) return first ?? second;
  return [{ ...(first[0] as object), ...(second[0] as object) }];
}

const plugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

const isRecommended = (docs: Docs): boolean => docs.recommended === true;
const isStrict = (docs: Docs): boolean => docs.recommended === true || docs.strict === true;
const untyped = (test: (docs: Docs) => boolean) => (docs: Docs) => test(docs) && !docs.requiresTypeChecking;
const strictOptions = (docs: Docs): RuleOptions => docs.strictOptions;
const typeCheckedOptions = (docs: Docs): RuleOptions => docs.typeCheckedOptions;

const recommended = buildConfig('recommended', untyped(isRecommended));
const strict = buildConfig('strict', untyped(isStrict), strictOptions);
const all = buildConfig('all', () => true);
const recommendedTypeChecked = buildConfig('recommended-type-checked', isRecommended, typeCheckedOptions);
const strictTypeChecked = buildConfig('strict-type-checked', isStrict, (docs) =>
  mergeOptions(docs.strictOptions, docs.typeCheckedOptions),
);
const allTypeChecked = buildConfig('all-type-checked', () => true, typeCheckedOptions);

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
export type { Options as NoSharedMethodMemoizerOptions } from './rules/no-shared-method-memoizer.js';
