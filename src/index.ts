import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import { rules } from './rules/index.js';
import type { MemoLeakDocs } from './util/create-rule.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const NAMESPACE = 'memo-leak';

/** The rules of the plugin, by id without the `memo-leak/` prefix. */
export type MemoLeakRuleName =
  | 'no-instance-in-shared-memoizer'
  | 'no-instance-keyed-cache'
  | 'no-shared-memoizer-cache'
  | 'no-shared-method-memoizer';

/** The configs the plugin ships; each is also exported under a `flat/` prefix. */
export type MemoLeakConfigName =
  | 'recommended'
  | 'strict'
  | 'all'
  | 'recommended-type-checked'
  | 'strict-type-checked'
  | 'all-type-checked';

/**
 * The plugin object, typed with ESLint's own types (from the `eslint` peer, types only) so that it
 * fits `defineConfig`, `Linter.Config` and `ESLint.Plugin`, and so that each config name is a known
 * key (`configs.recomended` is a type error). The published declarations name no
 * `@typescript-eslint/*` package.
 */
export interface MemoLeakPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<MemoLeakRuleName, Rule.RuleModule>;
  configs: { [Name in MemoLeakConfigName | `flat/${MemoLeakConfigName}`]: Linter.Config } & {
    /** The same rules in eslintrc's shape, for ESLint 9 run with `ESLINT_USE_FLAT_CONFIG=false`. */
    [Name in `legacy-${MemoLeakConfigName}`]: Linter.LegacyConfig;
  };
}

// The rule names above must be exactly the rules' ids (a compile-time check, not emitted).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ruleNamesMatch: Same<MemoLeakRuleName, keyof typeof rules> = true;
void ruleNamesMatch;

type RuleOptions = readonly unknown[] | undefined;

/** A flat config named `memo-leak/<name>` that turns on every rule `include` accepts, as errors, with `options`. */
function buildConfig(
  configName: MemoLeakConfigName,
  include: (docs: MemoLeakDocs) => boolean,
  options: (docs: MemoLeakDocs) => RuleOptions = () => undefined,
): Linter.Config {
  const enabled: Linter.RulesRecord = {};
  for (const rule of Object.values(rules)) {
    const docs = rule.meta.docs as MemoLeakDocs;
    if (!include(docs)) continue;
    const ruleOptions = options(docs);
    enabled[`${NAMESPACE}/${rule.name}`] = ruleOptions ? ['error', ...ruleOptions] : 'error';
  }
  return { name: `${NAMESPACE}/${configName}`, plugins: { [NAMESPACE]: plugin }, rules: enabled };
}

/** The config in eslintrc's shape (`extends: ['plugin:memo-leak/legacy-recommended']`): a plugin name, no `name`. */
function legacyConfig(config: Linter.Config): Linter.LegacyConfig {
  return { plugins: [NAMESPACE], rules: { ...config.rules } };
}

/** Merges two option lists of a rule whose single option is an object (`[{ a }]` + `[{ b }]` → `[{ a, b }]`). */
function mergeOptions(first: RuleOptions, second: RuleOptions): RuleOptions {
  if (!first || !second) return first ?? second;
  return [{ ...(first[0] as object), ...(second[0] as object) }];
}

const isRecommended = (docs: MemoLeakDocs): boolean => docs.recommended === true;
const isStrict = (docs: MemoLeakDocs): boolean => docs.recommended === true || docs.strict === true;
const untyped = (test: (docs: MemoLeakDocs) => boolean) => (docs: MemoLeakDocs) => test(docs) && !docs.requiresTypeChecking;
const strictOptions = (docs: MemoLeakDocs): RuleOptions => docs.strictOptions;
const typeCheckedOptions = (docs: MemoLeakDocs): RuleOptions => docs.typeCheckedOptions;
const strictTypeCheckedOptions = (docs: MemoLeakDocs): RuleOptions => mergeOptions(docs.strictOptions, docs.typeCheckedOptions);

const plugin: MemoLeakPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  // The rules are typed for their authors with typescript-eslint's (dev-only) types; users see ESLint's.
  rules: rules as unknown as MemoLeakPlugin['rules'],
  configs: {} as MemoLeakPlugin['configs'],
};

// Each config is a superset of the one before it, options included: `all` passes the strict
// options, `all-type-checked` the strict and the typed ones.
const recommended = buildConfig('recommended', untyped(isRecommended));
const strict = buildConfig('strict', untyped(isStrict), strictOptions);
const all = buildConfig('all', () => true, strictOptions);
const recommendedTypeChecked = buildConfig('recommended-type-checked', isRecommended, typeCheckedOptions);
const strictTypeChecked = buildConfig('strict-type-checked', isStrict, strictTypeCheckedOptions);
const allTypeChecked = buildConfig('all-type-checked', () => true, strictTypeCheckedOptions);

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
  // eslintrc (ESLint 9 only) rejects a flat config ("Unexpected top-level property name").
  'legacy-recommended': legacyConfig(recommended),
  'legacy-strict': legacyConfig(strict),
  'legacy-all': legacyConfig(all),
  'legacy-recommended-type-checked': legacyConfig(recommendedTypeChecked),
  'legacy-strict-type-checked': legacyConfig(strictTypeChecked),
  'legacy-all-type-checked': legacyConfig(allTypeChecked),
} satisfies MemoLeakPlugin['configs']);

export { plugin as default, plugin as 'module.exports' };
export type {
  NoInstanceInSharedMemoizerOptions,
  NoInstanceKeyedCacheOptions,
  NoSharedMethodMemoizerOptions,
} from './util/rule-options.js';
