import { hasTypeInformation } from '../analysis/types.js';
import type { MemoLeakDocs } from './create-rule.js';

/**
 * A typed option must never silently be a no-op. When a rule that requires type information runs,
 * or an option that the type-checked configs turn on (`meta.docs.typeCheckedOptions`, e.g.
 * `checkObjectKeys: true`) is on, and the file was parsed without type information, the rule throws,
 * as typescript-eslint's `getParserServices` does for its typed rules: ESLint stops with the message
 * (prefixed "Error while loading rule …", followed by the file), exit code 2, so the CLI shows it once
 * per run and an editor shows it for the file. A report on the file instead would count as a finding,
 * could be disabled by a comment, and would need state shared across files to appear only once.
 */
export class TypeInformationRequiredError extends Error {
  override name = 'TypeInformationRequiredError';
}

/** The typed options that are on in `options`, as `name: value` (`checkObjectKeys: true`). */
export function typedOptionsOn(docs: MemoLeakDocs, options: readonly unknown[]): string[] {
  const on: string[] = [];
  (docs.typeCheckedOptions ?? []).forEach((typed, index) => {
    if (!isRecord(typed)) return;
    const given = options[index];
    for (const [name, value] of Object.entries(typed)) {
      if (isRecord(given) && given[name] === value) on.push(`${name}: ${JSON.stringify(value)}`);
    }
  });
  return on;
}

/** Throws `TypeInformationRequiredError` when the rule or one of its options needs types the file lacks. */
export function assertTypeInformation(
  context: { readonly sourceCode: { readonly parserServices?: unknown } },
  ruleName: string,
  docs: MemoLeakDocs,
  options: readonly unknown[],
  helpUrl: string,
): void {
  const needs = docs.requiresTypeChecking ? [] : typedOptionsOn(docs, options);
  if (!docs.requiresTypeChecking && needs.length === 0) return;
  if (hasTypeInformation(context.sourceCode.parserServices)) return;
  const what = docs.requiresTypeChecking
    ? 'needs type information'
    : `has \`${needs.join('`, `')}\`, which needs type information`;
  const off = docs.requiresTypeChecking
    ? 'turn the rule off for files without types (always under oxlint, which has no types)'
    : 'turn the option off for files without types (the `recommended`/`strict` configs; always under oxlint, which has no types)';
  throw new TypeInformationRequiredError(
    `memo-leak/${ruleName} ${what}, but this file was parsed without it. ` +
      "Enable typed linting (typescript-eslint's parser with `parserOptions.projectService: true`), " +
      `or ${off}. See ${helpUrl}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
