/**
 * The rules' own test data, discovered by glob: every `tests/rules/<rule>.cases.ts` exports `cases`
 * by parser. The editor, CLI and fix harnesses read their examples from here, so a rule that lands
 * with a cases file is covered by them without anyone keeping a list.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InvalidTestCase, RunTests, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import type { RuleCases } from '../rule-tester.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULE_CASES_DIR = path.join(REPO_ROOT, 'tests', 'rules');

/** How a case's code is parsed, as in `tests/rule-tester.ts`. */
export type ParserKind = 'typescript' | 'javascript' | 'commonjs';
export const PARSER_KINDS: readonly ParserKind[] = ['typescript', 'javascript', 'commonjs'];

type AnyInvalid = InvalidTestCase<string, readonly unknown[]>;
type AnyValid = ValidTestCase<readonly unknown[]>;

/** One invalid case of one rule, with where it came from. */
export interface RuleCase {
  readonly rule: string;
  readonly parser: ParserKind;
  readonly case: AnyInvalid;
  /** `<rule> (<parser>): <case name>` — unique, for test titles. */
  readonly title: string;
}

/** One valid case of one rule. */
export interface ValidRuleCase {
  readonly rule: string;
  readonly parser: ParserKind;
  readonly case: AnyValid;
  readonly title: string;
}

export interface DiscoveredRule {
  readonly rule: string;
  readonly invalid: readonly RuleCase[];
  readonly valid: readonly ValidRuleCase[];
}

/** Every `tests/rules/*.cases.ts`, imported; the rule id is the file name. */
export async function discoverRuleCases(): Promise<DiscoveredRule[]> {
  const files = readdirSync(RULE_CASES_DIR)
    .filter((file) => file.endsWith('.cases.ts'))
    .sort();
  const discovered: DiscoveredRule[] = [];
  for (const file of files) {
    const rule = file.slice(0, -'.cases.ts'.length);
    const module = (await import(pathToFileURL(path.join(RULE_CASES_DIR, file)).href)) as {
      cases?: RuleCases<string, readonly unknown[]>;
    };
    if (!module.cases) throw new Error(`${file} does not export \`cases\``);
    const invalid: RuleCase[] = [];
    const valid: ValidRuleCase[] = [];
    for (const parser of PARSER_KINDS) {
      const tests = module.cases[parser] as RunTests<string, readonly unknown[]> | undefined;
      if (!tests) continue;
      for (const item of tests.invalid) {
        invalid.push({ rule, parser, case: item, title: `${rule} (${parser}): ${item.name ?? item.code}` });
      }
      for (const item of tests.valid) {
        const validCase = typeof item === 'string' ? { code: item } : item;
        valid.push({ rule, parser, case: validCase, title: `${rule} (${parser}): ${validCase.name ?? validCase.code}` });
      }
    }
    discovered.push({ rule, invalid, valid });
  }
  return discovered;
}

/** The case's autofix output after one pass, or null when the case declares no autofix. */
export function fixOutput(item: AnyInvalid): string | null {
  const { output } = item;
  if (output === undefined || output === null) return null;
  const first = Array.isArray(output) ? output[0] : output;
  return first === undefined || first === item.code ? null : first;
}

/** The case's output after every declared fix pass (what `eslint --fix` ends with), or null. */
export function finalFixOutput(item: AnyInvalid): string | null {
  const { output } = item;
  if (fixOutput(item) === null) return null;
  return Array.isArray(output) ? (output.at(-1) ?? null) : (output as string);
}

/** Every suggestion output the case declares, in report order. */
export function suggestionOutputs(item: AnyInvalid): string[] {
  const outputs: string[] = [];
  for (const error of item.errors) {
    for (const suggestion of error.suggestions ?? []) outputs.push(suggestion.output);
  }
  return outputs;
}

/** The file extension a case of this parser kind is linted as. */
export function extensionFor(parser: ParserKind): string {
  switch (parser) {
    case 'typescript':
      return '.ts';
    case 'javascript':
      return '.mjs';
    case 'commonjs':
      return '.cjs';
  }
}

/** The language options the rule tester uses for this parser kind (see `tests/rule-tester.ts`). */
export function languageOptionsFor(parser: ParserKind): TSESLint.FlatConfig.LanguageOptions {
  switch (parser) {
    case 'typescript':
      return { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } };
    case 'javascript':
      return { parser: espree, ecmaVersion: 'latest', sourceType: 'module' };
    case 'commonjs':
      return { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' };
  }
}
