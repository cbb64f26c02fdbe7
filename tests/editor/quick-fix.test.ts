/**
 * The editor, end to end: the ESLint language server that VS Code's ESLint extension, Neovim, Zed
 * and Helix run, on a fixture project whose `eslint.config.mjs` uses the built plugin. The cases are
 * the rules' own test data: for every rule, a few invalid cases with an autofix, a few with
 * suggestions and a couple with neither. For each one: the diagnostics, the quick-fix titles, every quick fix applied through
 * `workspace/executeCommand` (compared with ESLint's own API), and fix-on-save
 * (`source.fixAll.eslint`), which must apply autofixes only, never a suggestion.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignFiles, caseProjectFiles, isPortable } from '../support/case-project.js';
import { applyFix } from '../support/fixes.js';
import { assertBuilt, createProject, removeProject } from '../support/project.js';
import {
  discoverRuleCases,
  finalFixOutput,
  fixOutput,
  suggestionOutputs,
  type ParserKind,
  type RuleCase,
} from '../support/rule-cases.js';
import { applyTextEdits, editsFor, EslintServer, type Diagnostic } from './eslint-server.js';

/** How many cases of each kind (autofix, suggestion) the editor suite takes from each rule. */
const PER_KIND = 3;

assertBuilt();
const { default: plugin } = (await import('eslint-plugin-memo-leak' as string)) as {
  default: { rules: Record<string, { meta: { docs: { url: string } } }> };
};

/** A few cases per rule and kind, spread over the parsers (round robin). */
function pick(cases: readonly RuleCase[], wanted: (item: RuleCase) => boolean): RuleCase[] {
  const byParser = new Map<ParserKind, RuleCase[]>();
  for (const item of cases) {
    if (!wanted(item) || !isPortable(item)) continue;
    byParser.set(item.parser, [...(byParser.get(item.parser) ?? []), item]);
  }
  const picked: RuleCase[] = [];
  for (let round = 0; picked.length < PER_KIND && [...byParser.values()].some((list) => list.length > round); round++) {
    for (const list of byParser.values()) if (list[round] && picked.length < PER_KIND) picked.push(list[round]);
  }
  return picked;
}

const hasSuggestions = (item: RuleCase): boolean => suggestionOutputs(item.case).length > 0;
const hasAutofix = (item: RuleCase): boolean => fixOutput(item.case) !== null;

const discovered = await discoverRuleCases();
const chosen = discovered.map(({ rule, invalid }) => ({
  rule,
  cases: assignFiles([
    ...pick(invalid, hasAutofix),
    ...pick(invalid, (item) => hasSuggestions(item) && !hasAutofix(item)),
    // Findings with neither: the message alone, and nothing for fix-on-save to do.
    ...pick(invalid, (item) => !hasSuggestions(item) && !hasAutofix(item)).slice(0, 2),
  ]),
}));

const LANGUAGE_IDS: Record<ParserKind, string> = { typescript: 'typescript', javascript: 'javascript', commonjs: 'javascript' };

/** ESLint's 1-based line/column range as the LSP's 0-based range. */
function lspRange(message: Linter.LintMessage): Diagnostic['range'] {
  return {
    start: { line: message.line - 1, character: message.column - 1 },
    end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
  };
}

const allFiles = chosen.flatMap(({ cases }) => cases);
let root: string;
let server: EslintServer;
let eslint: ESLint;
let eslintFix: ESLint;

beforeAll(async () => {
  root = createProject('editor', { files: caseProjectFiles(allFiles) });
  eslint = new ESLint({ cwd: root });
  eslintFix = new ESLint({ cwd: root, fix: true });
  server = await EslintServer.start(root);
});

afterAll(async () => {
  await server?.stop();
  if (root) removeProject(root);
});

it('the rules have cases for the editor suite', () => {
  expect(chosen.length).toBeGreaterThan(0);
  for (const { rule, cases } of chosen) expect(cases.length, `${rule}: no invalid case to open in the editor`).toBeGreaterThan(0);
});

for (const { rule, cases } of chosen) {
  describe(`memo-leak/${rule} in the ESLint language server`, () => {
    for (const item of cases) {
      it(item.title, async () => {
        const ruleId = `memo-leak/${rule}`;
        const filePath = path.join(root, item.file);
        const code = item.case.code;
        const [result] = await eslint.lintText(code, { filePath });
        const messages = result!.messages;
        expect(messages.filter((message) => message.fatal)).toEqual([]);

        // ESLint's API in the fixture project agrees with the rule's test data.
        const singleFixes = messages.flatMap((message) => (message.fix ? [applyFix(code, message.fix)] : []));
        const suggestions = messages.flatMap((message) => message.suggestions ?? []);
        expect(suggestions.map((suggestion) => applyFix(code, suggestion.fix))).toEqual(suggestionOutputs(item.case));
        const [fixed] = await eslintFix.lintText(code, { filePath });
        expect(fixed!.output ?? code).toBe(finalFixOutput(item.case) ?? code);

        const uri = await server.open(filePath, LANGUAGE_IDS[item.parser], code);
        try {
          // Diagnostics: rule id, message, range, link to the rule's docs.
          const diagnostics = await server.diagnostics(uri);
          const byPosition = (a: Diagnostic, b: Diagnostic): number =>
            a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
          expect(
            diagnostics
              .map(({ code: id, message, range, severity, codeDescription }) => ({ code: id, message, range, severity, codeDescription }))
              .sort(byPosition),
          ).toEqual(
            messages
              .map((message) => ({
                code: ruleId,
                message: message.message,
                range: lspRange(message),
                severity: 1,
                codeDescription: { href: plugin.rules[rule]!.meta.docs.url },
              }))
              .sort(byPosition),
          );

          // Quick fixes: one per autofix and per suggestion, each applied through executeCommand.
          const appliedFixes: string[] = [];
          const appliedSuggestions: string[] = [];
          for (const message of messages) {
            const diagnostic = diagnostics.find(
              (candidate) => candidate.message === message.message && byPosition(candidate, { range: lspRange(message) } as Diagnostic) === 0,
            )!;
            const actions = await server.codeActions(uri, diagnostic.range, [diagnostic]);
            const quickFixes = actions.filter(
              (action) => action.kind === 'quickfix' && action.diagnostics?.some((d) => d.message === message.message),
            );
            const fixTitle = `Fix this ${ruleId} problem`;
            const suggestionTitles = (message.suggestions ?? []).map((suggestion) => `${suggestion.desc} (${ruleId})`);
            expect(quickFixes.map((action) => action.title)).toEqual([...(message.fix ? [fixTitle] : []), ...suggestionTitles]);
            expect(actions.map((action) => action.title)).toContain(`Show documentation for ${ruleId}`);

            for (const action of quickFixes) {
              const edits = await server.execute(action.command!);
              expect(edits).toHaveLength(1);
              const text = applyTextEdits(code, editsFor(edits[0]!, uri));
              if (action.title === fixTitle) {
                expect(action.isPreferred).toBe(true);
                expect(text).toBe(applyFix(code, message.fix!));
                appliedFixes.push(text);
              } else {
                const suggestion = message.suggestions![suggestionTitles.indexOf(action.title)]!;
                expect(text).toBe(applyFix(code, suggestion.fix));
                appliedSuggestions.push(text);
              }
            }
          }
          expect(appliedFixes).toEqual(singleFixes);
          expect(appliedSuggestions).toEqual(suggestionOutputs(item.case));

          // Fix on save: every autofix, never a suggestion.
          const onSave = await server.codeActions(
            uri,
            { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            [],
            ['source.fixAll.eslint'],
          );
          const saveEdits = onSave.flatMap((action) => (action.edit ? editsFor(action.edit, uri) : []));
          const saved = applyTextEdits(code, saveEdits);
          expect(saved).toBe(finalFixOutput(item.case) ?? code);
          if (fixOutput(item.case) === null) expect(saveEdits).toEqual([]);
        } finally {
          await server.close(uri);
        }
      });
    }
  });
}
