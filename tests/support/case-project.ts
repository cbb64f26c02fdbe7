/**
 * Writes rule cases into a fixture project as files, with an `eslint.config.mjs` that lints each
 * case file with its own rule and options (as the rule tester does), using the built plugin.
 */
import { slug } from './fixes.js';
import { extensionFor, type ParserKind } from './rule-cases.js';

/** What a case needs to be linted from a config file. */
export interface CaseLike {
  readonly rule: string;
  readonly parser: ParserKind;
  readonly case: {
    readonly name?: string;
    readonly code: string;
    readonly options?: readonly unknown[];
    readonly settings?: unknown;
    readonly languageOptions?: unknown;
    readonly filename?: string;
  };
}

export type CaseFile<T extends CaseLike> = T & { readonly file: string };

/**
 * A case whose setup can be written into a config file: JSON-serialisable options and settings,
 * language options that only add `parserOptions`, and the default file name.
 */
export function isPortable(item: CaseLike): boolean {
  const { options, settings, languageOptions, filename } = item.case;
  if (filename !== undefined) return false;
  if (languageOptions && Object.keys(languageOptions).some((key) => key !== 'parserOptions')) return false;
  const portable = { options, settings, languageOptions };
  return JSON.stringify(JSON.parse(JSON.stringify(portable) ?? 'null')) === JSON.stringify(portable);
}

/** Gives each case a file under `cases/<rule>/`. */
export function assignFiles<T extends CaseLike>(items: readonly T[], prefix = ''): Array<CaseFile<T>> {
  return items.map((item, index) => ({
    ...item,
    file: `cases/${item.rule}/${prefix}${index}-${slug(item.case.name ?? 'case')}${extensionFor(item.parser)}`,
  }));
}

/** The project's flat config: parsers by extension, and each case file with its own rule and options. */
export function caseConfig(files: ReadonlyArray<CaseFile<CaseLike>>): string {
  const blocks = files.map((item) =>
    JSON.stringify({
      files: [item.file],
      ...(item.case.languageOptions ? { languageOptions: item.case.languageOptions } : {}),
      ...(item.case.settings ? { settings: item.case.settings } : {}),
      rules: { [`memo-leak/${item.rule}`]: ['error', ...(item.case.options ?? [])] },
    }),
  );
  return `import tsParser from '@typescript-eslint/parser';
import memoLeak from 'eslint-plugin-memo-leak';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } },
  { files: ['**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
  { plugins: { 'memo-leak': memoLeak } },
${blocks.map((block) => `  ${block},`).join('\n')}
];
`;
}

/** The project files for the cases: config and one file per case. */
export function caseProjectFiles(files: ReadonlyArray<CaseFile<CaseLike>>): Record<string, string> {
  return { 'eslint.config.mjs': caseConfig(files), ...Object.fromEntries(files.map((item) => [item.file, item.case.code])) };
}
