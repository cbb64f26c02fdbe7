/**
 * Every fix, proven. Fed by every rule's invalid cases that carry an autofix or suggestions
 * (`tests/rules/*.cases.ts`, found by glob, so a new rule is covered by adding its cases file):
 * each fix and each suggestion is applied through ESLint's Linter API, and its output must
 * - be what the case declares,
 * - parse with the same parser,
 * - for TypeScript, type-check with no error the input did not already have,
 * - be stable: a second `--fix` pass changes nothing; and a suggestion resolves the finding it was
 *   offered for.
 * (The runtime proofs that fixed code stops retaining instances live in `tests/runtime/`.)
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { applyFix, type FixLike } from '../support/fixes.js';
import {
  discoverRuleCases,
  extensionFor,
  finalFixOutput,
  fixOutput,
  languageOptionsFor,
  suggestionOutputs,
  type RuleCase,
} from '../support/rule-cases.js';
import { newErrors, SnippetChecker } from './type-check.js';

const linter = new Linter({ configType: 'flat' });

function filenameOf(item: RuleCase): string {
  return item.case.filename ?? `file${extensionFor(item.parser)}`;
}

/** The flat config the rule tester effectively uses for a case; without `rule`, no rules (a parse check). */
function configOf(item: RuleCase, withRule = true): Linter.Config[] {
  const base = languageOptionsFor(item.parser);
  const own = item.case.languageOptions ?? {};
  const languageOptions = {
    ...base,
    ...own,
    parserOptions: { ...(base.parserOptions ?? {}), ...(own.parserOptions ?? {}) },
  };
  return [
    {
      files: [`**/*${path.extname(filenameOf(item))}`],
      languageOptions,
      ...(item.case.settings ? { settings: item.case.settings } : {}),
      plugins: { 'memo-leak': plugin },
      rules: withRule ? { [`memo-leak/${item.rule}`]: ['error', ...(item.case.options ?? [])] } : {},
    } as unknown as Linter.Config,
  ];
}

function verify(item: RuleCase, code: string, withRule = true): Linter.LintMessage[] {
  return linter.verify(code, configOf(item, withRule), filenameOf(item));
}

/** One fix pass, as `eslint --fix` (and the rule tester) applies it: non-overlapping fixes in order. */
function applyFixPass(code: string, messages: readonly Linter.LintMessage[]): string {
  const fixes = messages.flatMap((message) => (message.fix ? [message.fix as FixLike] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let position = 0;
  let lastEnd = -Infinity;
  for (const fix of fixes) {
    if (fix.range[0] <= lastEnd) continue;
    output += code.slice(position, fix.range[0]) + fix.text;
    position = fix.range[1];
    lastEnd = fix.range[1];
  }
  return output + code.slice(position);
}

function parseErrors(item: RuleCase, code: string): string[] {
  return verify(item, code, false)
    .filter((message) => message.fatal)
    .map((message) => `${message.line}:${message.column} ${message.message}`);
}

/** One transformed text to prove: the autofix pass or one suggestion. */
interface Transform {
  readonly kind: 'fix' | 'suggestion';
  readonly label: string;
  readonly output: string;
  readonly ruleMessagesBefore: number;
}

const discovered = await discoverRuleCases();
const checker = new SnippetChecker();
const proven: Array<{ item: RuleCase; transforms: Transform[] }> = [];

for (const { invalid } of discovered) {
  for (const item of invalid) {
    const declaredFix = fixOutput(item.case);
    const declaredSuggestions = suggestionOutputs(item.case);
    if (declaredFix === null && declaredSuggestions.length === 0) continue;
    const messages = verify(item, item.case.code);
    const ruleMessages = messages.filter((message) => message.ruleId === `memo-leak/${item.rule}`).length;
    if (ruleMessages === 0) throw new Error(`${item.title}: the rule reports nothing here (${JSON.stringify(messages)})`);
    const transforms: Transform[] = [];
    if (declaredFix !== null) {
      // As many passes as the case declares outputs (`output: [pass1, pass2]` for multi-pass fixes).
      const passes = Array.isArray(item.case.output) ? item.case.output.length : 1;
      let output = applyFixPass(item.case.code, messages);
      for (let pass = 1; pass < passes; pass++) output = applyFixPass(output, verify(item, output));
      transforms.push({ kind: 'fix', label: 'autofix', output, ruleMessagesBefore: ruleMessages });
    }
    messages.forEach((message, messageIndex) => {
      (message.suggestions ?? []).forEach((suggestion, suggestionIndex) => {
        transforms.push({
          kind: 'suggestion',
          label: `suggestion ${messageIndex + 1}.${suggestionIndex + 1} "${suggestion.desc}"`,
          output: applyFix(item.case.code, suggestion.fix),
          ruleMessagesBefore: ruleMessages,
        });
      });
    });
    proven.push({ item, transforms });
    if (item.parser === 'typescript') {
      const extension = path.extname(filenameOf(item)) || '.ts';
      checker.add(`${item.title}\0input`, item.case.code, extension);
      transforms.forEach((transform, index) => checker.add(`${item.title}\0${index}`, transform.output, extension));
    }
  }
}

// The harness checks itself: a rewrite that breaks the types must be caught.
const BROKEN_INPUT = `const names = new Map<string, number>(); names.set('a', 1);`;
const BROKEN_OUTPUT = `const names = new WeakMap<string, number>(); names.set('a', 1);`;
checker.add('self-check\0input', BROKEN_INPUT, '.ts');
checker.add('self-check\0output', BROKEN_OUTPUT, '.ts');

beforeAll(() => {
  checker.checkAll(
    [['self-check\0input', 'self-check\0output'], ...proven
      .filter(({ item }) => item.parser === 'typescript')
      .map(({ item, transforms }) => [`${item.title}\0input`, ...transforms.map((_, index) => `${item.title}\0${index}`)])],
  );
});

it('the harness catches a rewrite that breaks the types', () => {
  expect(checker.errors('self-check\0input')).toEqual([]);
  expect(newErrors(checker.errors('self-check\0input'), checker.errors('self-check\0output')).map((error) => error.code)).toEqual([2344]);
});

it('every rule with a fixable or suggestable case is covered', () => {
  const covered = new Set(proven.map(({ item }) => item.rule));
  for (const { rule, invalid } of discovered) {
    const offersAny = invalid.some((item) => fixOutput(item.case) !== null || suggestionOutputs(item.case).length > 0);
    expect(covered.has(rule)).toBe(offersAny);
  }
  expect(proven.length).toBeGreaterThan(0);
});

for (const { item, transforms } of proven) {
  describe(item.title, () => {
    it('the input parses, and the rule offers exactly the declared fix and suggestions', () => {
      expect(parseErrors(item, item.case.code)).toEqual([]);
      const fix = transforms.find((transform) => transform.kind === 'fix');
      expect(fix?.output ?? null).toBe(finalFixOutput(item.case));
      expect(transforms.filter((transform) => transform.kind === 'suggestion').map((transform) => transform.output)).toEqual(
        suggestionOutputs(item.case),
      );
    });

    transforms.forEach((transform, index) => {
      it(`${transform.label}: parses, type-checks, and is stable`, () => {
        expect(parseErrors(item, transform.output)).toEqual([]);

        if (item.parser === 'typescript') {
          const before = checker.errors(`${item.title}\0input`);
          const after = checker.errors(`${item.title}\0${index}`);
          expect(newErrors(before, after).map((error) => error.text), `errors before:\n${before.map((e) => e.text).join('\n')}`).toEqual([]);
        }

        const again = linter.verifyAndFix(transform.output, configOf(item), { filename: filenameOf(item) });
        if (transform.kind === 'fix') {
          // A second `--fix` pass finds nothing left to fix.
          expect(again.fixed).toBe(false);
          expect(again.output).toBe(transform.output);
        } else {
          // The finding the suggestion was offered for is gone.
          const remaining = verify(item, transform.output).filter((message) => message.ruleId === `memo-leak/${item.rule}`);
          expect(remaining.length).toBeLessThan(transform.ruleMessagesBefore);
        }
      });
    });
  });
}
