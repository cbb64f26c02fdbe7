/**
 * oxlint runs the plugin as a JS plugin (`"jsPlugins"` in `.oxlintrc.json`). The real `oxlint`
 * binary (devDependency, exact version) lints a copy of examples/ with every rule of the built
 * plugin, and its findings (rule, file, line, column, message) and its `--fix` output must equal
 * ESLint's on the same files with the same rules, untyped (oxlint gives rules no type information).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../support/project.js';
import { REPO_ROOT } from '../support/rule-cases.js';
import { runNode } from '../cli/run.js';

assertBuilt();
const PLUGIN = path.join(REPO_ROOT, 'dist', 'index.js');
const { default: plugin } = (await import(PLUGIN)) as { default: ESLint.Plugin & { rules: Record<string, unknown> } };
const OXLINT = path.join(path.dirname(createRequire(import.meta.url).resolve('oxlint/package.json')), 'bin', 'oxlint');
const RULES = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`memo-leak/${name}`, 'error']));

interface Finding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const sort = (findings: Finding[]): Finding[] =>
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh copy of examples/ in a temporary folder, with the `.oxlintrc.json` a user would write. */
function copyOfExamples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'memo-leak-oxlint-'));
  roots.push(root);
  cpSync(path.join(REPO_ROOT, 'examples'), path.join(root, 'examples'), { recursive: true });
  // Only this plugin's rules: oxlint's own default (correctness) rules would add findings and fixes.
  const config = { jsPlugins: [PLUGIN], categories: { correctness: 'off' }, rules: RULES };
  writeFileSync(path.join(root, '.oxlintrc.json'), JSON.stringify(config, null, 2));
  return root;
}

async function oxlint(root: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runNode(root, [OXLINT, '-c', '.oxlintrc.json', ...args, 'examples']);
}

function eslintFor(root: string, fix = false): ESLint {
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { plugins: { 'memo-leak': plugin }, rules: RULES as Linter.RulesRecord },
  ];
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, fix });
}

/** Every file under `dir`, relative, `/`-separated, with its text. */
function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
  }
  return files;
}

describe('oxlint', () => {
  it('finds what ESLint finds on examples/ (untyped)', async () => {
    const root = copyOfExamples();
    const run = await oxlint(root, ['-f', 'json']);
    const report = JSON.parse(run.stdout) as {
      diagnostics: Array<{ code: string; filename: string; message: string; labels: Array<{ span: { line: number; column: number } }> }>;
      number_of_rules: number;
    };
    expect(report.number_of_rules).toBe(Object.keys(RULES).length);
    const fromOxlint = sort(
      report.diagnostics.map((diagnostic) => ({
        rule: diagnostic.code.replace(/^memo-leak\((.*)\)$/, 'memo-leak/$1'),
        file: diagnostic.filename.split(path.sep).join('/'),
        line: diagnostic.labels[0]?.span.line ?? 0,
        column: diagnostic.labels[0]?.span.column ?? 0,
        message: diagnostic.message,
      })),
    );

    const results = await eslintFor(root).lintFiles(['examples']);
    const fromEslint = sort(
      results.flatMap((result) =>
        result.messages.map((message) => ({
          rule: message.ruleId ?? `fatal: ${message.message}`,
          file: path.relative(root, result.filePath).split(path.sep).join('/'),
          line: message.line,
          column: message.column,
          message: message.message,
        })),
      ),
    );
    expect(fromEslint.length).toBeGreaterThan(10);
    expect(new Set(fromEslint.map((finding) => finding.rule))).toEqual(new Set(Object.keys(RULES)));
    expect(fromOxlint).toEqual(fromEslint);
    expect(run.code).toBe(1); // errors found: the CI gate fails, as `eslint` does
  });

  it('`--fix` writes what `eslint --fix` writes', async () => {
    const original = readTree(path.join(REPO_ROOT, 'examples'));
    const byOxlint = copyOfExamples();
    await oxlint(byOxlint, ['--fix']);
    const byEslint = copyOfExamples();
    await ESLint.outputFixes(await eslintFor(byEslint, true).lintFiles(['examples']));

    const eslintFixed = readTree(path.join(byEslint, 'examples'));
    const changed = Object.keys(eslintFixed).filter((file) => eslintFixed[file] !== original[file]);
    expect(changed.length).toBeGreaterThan(0);
    expect(readTree(path.join(byOxlint, 'examples'))).toEqual(eslintFixed);
  });

  it("honours settings['memo-leak'] with a relative source resolved against its cwd, as ESLint does", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'memo-leak-oxlint-settings-'));
    roots.push(root);
    const settings = { 'memo-leak': { memoizers: [{ source: './lib/memo.js', export: 'memo', like: 'lodash.memoize' }] } };
    const code = (specifier: string): string => `import { memo } from '${specifier}';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });
`;
    mkdirSync(path.join(root, 'examples', 'deep'), { recursive: true });
    writeFileSync(path.join(root, 'examples', 'deep', 'widget.js'), code('../../lib/memo.js'));
    writeFileSync(path.join(root, 'examples', 'other.js'), code('./lib/memo.js')); // examples/lib/memo: another module
    writeFileSync(
      path.join(root, '.oxlintrc.json'),
      JSON.stringify({ jsPlugins: [PLUGIN], categories: { correctness: 'off' }, rules: RULES, settings }),
    );
    const run = await oxlint(root, ['-f', 'json']);
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number } }> }> };
    const fromOxlint = report.diagnostics.map((d) => `${d.code} ${d.filename.split(path.sep).join('/')}:${d.labels[0]?.span.line}`);

    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ plugins: { 'memo-leak': plugin }, rules: RULES as Linter.RulesRecord, settings }],
    });
    const fromEslint = (await eslint.lintFiles(['examples'])).flatMap((result) =>
      result.messages.map(
        (m) => `${(m.ruleId ?? '').replace(/^memo-leak\/(.*)$/, 'memo-leak($1)')} ${path.relative(root, result.filePath).split(path.sep).join('/')}:${m.line}`,
      ),
    );
    expect(fromEslint).toEqual(['memo-leak(no-shared-method-memoizer) examples/deep/widget.js:3']);
    expect(fromOxlint).toEqual(fromEslint);
  });

  it('a typed option stops with the type-information error, naming the rule and option', async () => {
    const root = copyOfExamples();
    const config = {
      jsPlugins: [PLUGIN],
      categories: { correctness: 'off' },
      rules: { 'memo-leak/no-instance-keyed-cache': ['error', { checkObjectKeys: true }] },
    };
    writeFileSync(path.join(root, '.oxlintrc.json'), JSON.stringify(config));
    const run = await oxlint(root, ['-f', 'json']);
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ message: string }> };
    expect(run.code).toBe(1);
    expect(report.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of report.diagnostics) {
      expect(diagnostic.message).toMatch(/memo-leak\/no-instance-keyed-cache has `checkObjectKeys: true`, which needs type information/);
    }
  });
});
