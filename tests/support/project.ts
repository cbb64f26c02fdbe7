/**
 * Fixture projects made at test time in a temporary folder: the files a user would have, and a
 * `node_modules` whose packages are symlinks into this repository (the plugin itself resolves to the
 * repository root, i.e. its built `dist/`). Nothing is installed or downloaded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './rule-cases.js';

export const REPO_NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

/** Fails early, with the command to run, when the suites that need the built plugin run before a build. */
export function assertBuilt(): void {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` first (`npm test` does).');
  }
}

export interface ProjectSpec {
  /** Relative path → file text. */
  readonly files: Readonly<Record<string, string>>;
  /** Package name in the project's node_modules → package folder in this repository's node_modules. */
  readonly packages?: Readonly<Record<string, string>>;
}

/** The packages every fixture links: the plugin (→ repo root), ESLint 10 and the parsers. */
export const DEFAULT_PACKAGES: Readonly<Record<string, string>> = {
  eslint: 'eslint',
  '@typescript-eslint/parser': '@typescript-eslint/parser',
  'vue-eslint-parser': 'vue-eslint-parser',
  '@microsoft/eslint-formatter-sarif': '@microsoft/eslint-formatter-sarif',
};

/** Creates the project in a new temporary folder and returns its path. */
export function createProject(name: string, spec: ProjectSpec): string {
  const root = mkdtempSync(path.join(tmpdir(), `memo-leak-${name}-`));
  writeProjectFiles(root, spec.files);
  const packages = spec.packages ?? DEFAULT_PACKAGES;
  link(root, 'eslint-plugin-memo-leak', REPO_ROOT);
  for (const [pkg, target] of Object.entries(packages)) link(root, pkg, path.join(REPO_NODE_MODULES, target));
  return root;
}

export function writeProjectFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function link(root: string, pkg: string, target: string): void {
  if (!existsSync(target)) throw new Error(`cannot link ${pkg}: ${target} does not exist`);
  const at = path.join(root, 'node_modules', pkg);
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
