import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rememberFileLocation } from '../analysis/memoizers/settings/file-location.js';
import { assertTypeInformation } from './type-information.js';

/** Extra `meta.docs` fields this plugin's rules declare; the configs are built from them. */
export interface MemoLeakDocs {
  description: string;
  /** In the `recommended` config (and therefore `strict` and `all`). */
  recommended?: boolean;
  /** In the `strict` config only (noisier findings, opt-in). */
  strict?: boolean;
  /** Options the `strict` config passes (stricter than the defaults used by `recommended`). */
  strictOptions?: readonly unknown[];
  /**
   * Options the type-checked configs pass: checks that need type information. An option set to its
   * value here on a file without type information makes the rule throw (`type-information.ts`).
   */
  typeCheckedOptions?: readonly unknown[];
  /** The rule does nothing useful without typed linting; it throws on a file without type information. */
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-memo-leak/eslint-plugin-memo-leak';

// src/util/ and dist/util/ are both two levels below the package root.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

type Meta<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  TSESLint.RuleMetaData<MessageIds, MemoLeakDocs, Options>,
  'docs'
> & { docs: MemoLeakDocs; defaultOptions?: Options };

export interface MemoLeakRule<MessageIds extends string, Options extends readonly unknown[]>
  extends TSESLint.RuleModule<MessageIds, Options, MemoLeakDocs> {
  readonly name: string;
}

/**
 * A rule module with its docs URL and its options merged over `meta.defaultOptions`.
 *
 * ESLint ≥ 9.15 merges `meta.defaultOptions` itself; the merge here keeps the same result on hosts
 * that do not (oxlint's JS plugins, older testers), so a rule never sees a missing option. Each
 * option of this plugin is one flat object, so a shallow merge per position is the whole story.
 * Written here rather than taken from `@typescript-eslint/utils` so that the plugin has no runtime
 * dependency that requires TypeScript.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(rule: {
  name: string;
  meta: Meta<MessageIds, Options>;
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options) => TSESLint.RuleListener;
}): MemoLeakRule<MessageIds, Options> {
  const defaults = (rule.meta.defaultOptions ?? []) as readonly unknown[];
  return {
    name: rule.name,
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: ruleDocsUrl(rule.name) } },
    defaultOptions: defaults as unknown as Options,
    create(context) {
      // Only in-house memoizers named by path (`settings['memo-leak'].memoizers`) need the file's location.
      const settings = context.settings as Record<string, unknown> | undefined;
      if (typeof settings === 'object' && settings !== null && settings['memo-leak'] !== undefined) rememberFileLocation(context);
      const given = context.options as readonly unknown[];
      // ESLint ≥ 9.15 hands over options already merged with the defaults: then they are used as given
      // (no copy per file and rule); a host that does not merge gets the merge here.
      const options = isMerged(defaults, given) ? given : mergeOptions(defaults, given);
      assertTypeInformation(context, rule.name, rule.meta.docs, options, `${REPOSITORY_URL}#type-information`);
      return rule.create(context, options as unknown as Options);
    },
  };
}

/** The page of a rule's documentation, at the tag of the installed version (what that version does, not `main`). */
export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/v${version}/docs/rules/${name}.md`;
}

/** Does every default position have a value in `given`, with every key of an object default? */
function isMerged(defaults: readonly unknown[], given: readonly unknown[]): boolean {
  if (given.length < defaults.length) return false;
  for (let index = 0; index < defaults.length; index++) {
    const fallback = defaults[index];
    const value = given[index];
    if (value === undefined) return false;
    if (!isPlainObject(fallback)) continue;
    if (!isPlainObject(value)) return false;
    for (const key in fallback) if (!(key in value)) return false;
  }
  return true;
}

function mergeOptions(defaults: readonly unknown[], given: readonly unknown[]): unknown[] {
  const length = Math.max(defaults.length, given.length);
  return Array.from({ length }, (_, index) => mergeOption(defaults[index], given[index]));
}

function mergeOption(fallback: unknown, given: unknown): unknown {
  if (isPlainObject(fallback) && isPlainObject(given)) return { ...fallback, ...given };
  return given === undefined ? fallback : given;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
