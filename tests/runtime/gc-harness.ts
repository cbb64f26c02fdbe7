/**
 * Runtime proof for fixes: apply a rule's fix (or suggestion) to a program through ESLint, run the
 * program before and after under `node --expose-gc`, and count how many of the instances it
 * created and dropped were garbage-collected (FinalizationRegistry).
 *
 * A program is a module exporting `run(track)`: it creates instances, hands each to `track`, drops
 * them, and returns its printable results. The runner calls `run`, forces collection, and prints
 * `{ results, created, collected }` as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProgramRun {
  readonly results: unknown;
  readonly created: number;
  readonly collected: number;
}

/** How a program's header says it is fixed: `// @fix autofix` or `// @fix suggestion`. */
export type FixMode = 'autofix' | 'suggestion';

export function readFixMode(code: string): FixMode {
  const match = /^\/\/ @fix (autofix|suggestion)$/m.exec(code);
  if (!match) throw new Error('a runtime program must declare `// @fix autofix` or `// @fix suggestion`');
  return match[1] as FixMode;
}

function lintConfig(rule: string): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.js', '**/*.mjs'],
      languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
      plugins: { 'memo-leak': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: { [`memo-leak/${rule}`]: 'error' },
    },
  ];
}

/**
 * Applies the rule's autofixes (mode `autofix`), or the first suggestion of every finding
 * (mode `suggestion`). Throws when the rule finds nothing or the expected kind of fix is missing.
 */
export function applyFix(code: string, filename: string, rule: string, mode: FixMode): string {
  const linter = new Linter({ configType: 'flat' });
  const config = lintConfig(rule);
  const messages = linter.verify(code, config, { filename });
  const findings = messages.filter((message) => message.ruleId === `memo-leak/${rule}`);
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (findings.length === 0) throw new Error(`${rule} reports nothing in ${filename}`);
  if (mode === 'autofix') {
    if (findings.some((message) => !message.fix)) throw new Error('a finding has no autofix');
    return linter.verifyAndFix(code, config, { filename }).output;
  }
  const edits = findings.map((message) => {
    const suggestion = message.suggestions?.[0];
    if (!suggestion) throw new Error(`a finding has no suggestion: ${message.message}`);
    return suggestion.fix;
  });
  // Apply from the end so earlier ranges stay valid.
  edits.sort((a, b) => b.range[0] - a.range[0]);
  let output = code;
  for (const edit of edits) output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
  return output;
}

/** The rule still reports after the fix? (Used to assert that a fix removes the finding.) */
export function findingsAfter(code: string, filename: string, rule: string): number {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, lintConfig(rule), { filename }).filter((message) => message.ruleId === `memo-leak/${rule}`)
    .length;
}

const RUNNER = `
import { run } from './program.mjs';
const registry = new FinalizationRegistry(() => { collected += 1; });
let collected = 0;
let created = 0;
const results = await run((instance) => { created += 1; registry.register(instance, undefined); });
for (let round = 0; round < 20 && collected < created; round += 1) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 5));
}
process.stdout.write(JSON.stringify({ results, created, collected }));
`;

/** Transpiles (TypeScript) and runs a program in a child `node --expose-gc`, inside the repo so imports resolve. */
export function runProgram(code: string, filename: string): ProgramRun {
  const javascript = filename.endsWith('.ts')
    ? ts.transpileModule(code, {
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: /@fix-options experimentalDecorators/.test(code),
        },
      }).outputText
    : code;
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const directory = mkdtempSync(path.join(root, '.tmp', 'gc-'));
  writeFileSync(path.join(directory, 'program.mjs'), javascript);
  writeFileSync(path.join(directory, 'runner.mjs'), RUNNER);
  try {
    const stdout = execFileSync(process.execPath, ['--expose-gc', path.join(directory, 'runner.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return JSON.parse(stdout) as ProgramRun;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function readProgram(file: string): string {
  return readFileSync(file, 'utf8');
}
