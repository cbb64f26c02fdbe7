import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/rule-cases.js';
import { assertBuilt, createProject, removeProject } from '../support/project.js';
import { bad, expectedErrors, good, goodTypescriptEslint } from './config-files.js';

/**
 * Real config files in a fresh project whose `node_modules` holds a copy of the built plugin
 * (`package.json` and `dist/`, as `npm pack` ships them), next to `eslint` (10, or 9 through the
 * `eslint-v9` alias) and `typescript-eslint`. The plugin is copied, not linked, so that its own
 * `import type … from 'eslint'` resolves to the project's ESLint, as it does for a user, and so that
 * no dev dependency of this repository is reachable from it.
 */
function createConfigProject(eslint: 'eslint' | 'eslint-v9', files: Readonly<Record<string, string>>): string {
  const packages: Record<string, string> = { eslint, 'typescript-eslint': 'typescript-eslint' };
  const root = createProject('types', { files: { 'package.json': '{ "type": "module" }\n', ...files }, packages });
  const plugin = path.join(root, 'node_modules', 'eslint-plugin-memo-leak');
  rmSync(plugin);
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(plugin, 'package.json'));
  cpSync(path.join(REPO_ROOT, 'dist'), path.join(plugin, 'dist'), { recursive: true });
  return root;
}

/** What a user's `tsc --noEmit` would run with: NodeNext, strict, JS files checked where they say `// @ts-check`. */
const options: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  allowJs: true,
  noEmit: true,
  types: [],
  // The plugin's declarations are checked too: an import they could not resolve would show here.
  skipLibCheck: false,
};

interface Checked {
  /** Per root file: its diagnostics as `file:line TScode message`, file relative to the project. */
  readonly diagnostics: ReadonlyMap<string, readonly string[]>;
  /** Diagnostics outside the root files (in declaration files). */
  readonly elsewhere: readonly string[];
  /** The plugin's declaration files the program read, relative to its package folder. */
  readonly pluginFiles: readonly string[];
}

function typeCheck(root: string, files: readonly string[], extra: ts.CompilerOptions = {}): Checked {
  const program = ts.createProgram(files.map((file) => path.join(root, file)), { ...options, ...extra });
  const diagnostics = new Map(files.map((file) => [file, [] as string[]]));
  const elsewhere: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file && path.relative(root, diagnostic.file.fileName).split(path.sep).join('/');
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    const text = `${file ?? ''}:${line} TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    (file !== undefined && diagnostics.get(file) || elsewhere).push(text);
  }
  const pluginFolder = 'node_modules/eslint-plugin-memo-leak/';
  const pluginFiles = program
    .getSourceFiles()
    .map((file) => file.fileName.split(path.sep).join('/'))
    .filter((file) => file.includes(pluginFolder))
    .map((file) => file.slice(file.indexOf(pluginFolder) + pluginFolder.length));
  return { diagnostics, elsewhere, pluginFiles };
}

describe.each(['eslint', 'eslint-v9'] as const)('config files type-check against the built plugin (%s types)', (eslint) => {
  let root: string;
  let checked: Checked;
  beforeAll(() => {
    assertBuilt();
    root = createConfigProject(eslint, { ...good, ...goodTypescriptEslint, ...bad });
    // One program for every file: a diagnostic names its file, so the files cannot hide each other's.
    checked = typeCheck(root, [...Object.keys(good), ...Object.keys(bad)]);
  });
  afterAll(() => removeProject(root));

  it('the project really uses that ESLint major', () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'node_modules/eslint/package.json'), 'utf8')) as { version: string }).version;
    expect(version.split('.')[0]).toBe(eslint === 'eslint' ? '10' : '9');
  });

  it.each(Object.keys(good))('%s: no diagnostic', (file) => {
    expect(checked.diagnostics.get(file)).toEqual([]);
    expect(checked.elsewhere).toEqual([]);
  });

  it.each(Object.keys(bad))('%s: a misspelt config name is a type error', (file) => {
    const diagnostics = checked.diagnostics.get(file) ?? [];
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(expectedErrors[file]!);
  });

  it('the declarations read are the entry point and the options types, with no @typescript-eslint import', () => {
    expect([...checked.pluginFiles].sort()).toEqual(['dist/index.d.ts', 'dist/util/rule-options.d.ts']);
    for (const file of checked.pluginFiles) {
      expect(readFileSync(path.join(root, 'node_modules/eslint-plugin-memo-leak', file), 'utf8')).not.toMatch(/['"]@typescript-eslint\//);
    }
  });

  // typescript-eslint's own declarations pull in all of TypeScript's; checking them is not this test's job.
  it.runIf(eslint === 'eslint').each(Object.keys(goodTypescriptEslint))('%s: no diagnostic', (file) => {
    const withTypescriptEslint = typeCheck(root, [file], { skipLibCheck: true });
    expect(withTypescriptEslint.diagnostics.get(file)).toEqual([]);
    expect(withTypescriptEslint.elsewhere).toEqual([]);
  });
});
