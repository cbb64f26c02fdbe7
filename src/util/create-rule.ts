import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields this plugin's rules declare; the configs are built from them. */
export interface MemoLeakDocs {
  description: string;
  /** In the `recommended` config (and therefore `strict` and `all`). */
  recommended?: boolean;
  /** In the `strict` config only (noisier findings, opt-in). */
  strict?: boolean;
  /** Options the `strict` config passes (stricter than the defaults used by `recommended`). */
  strictOptions?: readonly unknown[];
  /** Options the type-checked configs pass: checks that need type information. */
  typeCheckedOptions?: readonly unknown[];
  /** The rule does nothing useful without typed linting. */
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-memo-leak/eslint-plugin-memo-leak';

export const createRule = ESLintUtils.RuleCreator<MemoLeakDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
