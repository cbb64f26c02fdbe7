// Packages of the same workspace: in a monorepo, `import { memoize } from '@org/utils'` names project
// code that lives beside the linted file (npm/Yarn `workspaces`, `pnpm-workspace.yaml`, `lerna.json`).
// The package is read from its sources: a checkout has no build output, so `main: "dist/index.js"`
// also tries `src/index.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BoundedCache } from './bounded-cache.js';
import { fileVersion, readJson } from './json-files.js';

interface Workspace {
  /** The versions of the manifests the package list was read from. */
  readonly version: string;
  /** Package name → its directory. */
  readonly packages: ReadonlyMap<string, string>;
}

/** Directory → the workspace root above it (or `null`); unversioned, like the nearest-file lookups. */
const roots = new BoundedCache<string, string | null>(500);
const workspaces = new BoundedCache<string, Workspace>(20);
/** Bare names that cannot be workspace packages skip the lookup: `node:fs`, relative, `#` imports. */
const PACKAGE_NAME = /^(?:@[\w.-]+\/)?[\w.-]+/u;
const BUILD_FOLDERS = /^(?:\.\/)?(?:dist|lib|build|esm|cjs|es|out)(?:\/(?:esm|cjs|es|src))?\//u;

/**
 * The files `specifier` may name when it is a package of the workspace `directory` belongs to
 * (most likely first, without extensions resolved); `null` when it names no such package.
 */
export function workspacePackageTargets(directory: string, specifier: string): string[] | null {
  const match = PACKAGE_NAME.exec(specifier);
  if (!match || specifier.startsWith('node:')) return null;
  const root = findWorkspaceRoot(directory);
  const workspace = root ? readWorkspace(root) : null;
  const name = match[0];
  const packageDirectory = workspace?.packages.get(name);
  if (!packageDirectory) return null;
  const subpath = specifier.slice(name.length).replace(/^\//u, '');
  const manifest = readJson(path.join(packageDirectory, 'package.json')) ?? {};
  const targets: string[] = [];
  const add = (value: unknown): void => {
    const picked = pickSourceCondition(value);
    if (typeof picked !== 'string') return;
    const target = picked.replace(/\.d\.[cm]?ts$/u, ''); // declarations: the module beside them
    targets.push(path.resolve(packageDirectory, target));
    // Build output that a checkout does not have: its sources, by the usual layout.
    if (BUILD_FOLDERS.test(target)) targets.push(path.resolve(packageDirectory, target.replace(BUILD_FOLDERS, 'src/')));
  };
  const exportsField = manifest['exports'];
  if (subpath === '') {
    add(manifest['source']);
    const isMap = exportsField !== null && typeof exportsField === 'object' && !Array.isArray(exportsField);
    add(isMap && '.' in exportsField ? (exportsField as Record<string, unknown>)['.'] : exportsField);
    add(manifest['module']);
    add(manifest['main']);
    add('src/index');
    add('index');
  } else {
    if (exportsField && typeof exportsField === 'object' && !Array.isArray(exportsField)) {
      add((exportsField as Record<string, unknown>)[`./${subpath}`]);
    }
    add(subpath);
    add(`src/${subpath}`);
  }
  return targets;
}

/** The package name a bare specifier starts with (`@org/utils` of `@org/utils/memo`), or `null` for none that can be a workspace package. */
export function workspacePackageName(specifier: string): string | null {
  const match = PACKAGE_NAME.exec(specifier);
  return !match || specifier.startsWith('node:') ? null : match[0];
}

/** The names of the packages of the workspace `directory` belongs to; `null` outside a workspace. */
export function workspacePackageNames(directory: string): ReadonlySet<string> | null {
  const root = findWorkspaceRoot(directory);
  const workspace = root ? readWorkspace(root) : null;
  return workspace ? new Set(workspace.packages.keys()) : null;
}

/** An `exports` target, preferring conditions that name sources over build output and declarations. */
function pickSourceCondition(value: unknown): unknown {
  if (typeof value === 'string' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return pickSourceCondition(value[0]);
  const conditions = value as Record<string, unknown>;
  for (const condition of ['source', 'development', 'import', 'module', 'default', 'require', 'node', 'types']) {
    if (condition in conditions) return pickSourceCondition(conditions[condition]);
  }
  return null;
}

function findWorkspaceRoot(directory: string): string | null {
  const cached = roots.get(directory);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  // Every directory passed on the way up has the same root: remember them all, so that a sibling
  // directory stops at the first one already known instead of reading the manifests up to `/` again.
  const passed: string[] = [];
  for (let current = directory; ; current = path.dirname(current)) {
    if (path.basename(current) === 'node_modules') break;
    const known = current === directory ? undefined : roots.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    passed.push(current);
    if (workspacePatterns(current) !== null) {
      found = current;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  for (const passedDirectory of passed) roots.set(passedDirectory, found);
  return found;
}

/** The package globs a directory declares as a workspace root, or `null` when it is none. */
function workspacePatterns(directory: string): string[] | null {
  const manifest = readJson(path.join(directory, 'package.json'));
  const field = manifest?.['workspaces'];
  const fromManifest = Array.isArray(field) ? field : (field as { packages?: unknown } | undefined)?.packages;
  if (Array.isArray(fromManifest)) return fromManifest.filter((entry): entry is string => typeof entry === 'string');
  const pnpm = path.join(directory, 'pnpm-workspace.yaml');
  if (fileVersion(pnpm) !== null) return readPnpmPackages(pnpm);
  const lerna = readJson(path.join(directory, 'lerna.json'))?.['packages'];
  if (Array.isArray(lerna)) return lerna.filter((entry): entry is string => typeof entry === 'string');
  return null;
}

/** The `packages:` list of a pnpm-workspace.yaml (`- 'packages/*'` lines). */
function readPnpmPackages(file: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
    if (/^packages\s*:/u.test(line)) inPackages = true;
    else if (/^\S/u.test(line)) inPackages = false;
    else if (inPackages) {
      const entry = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/u.exec(line);
      if (entry) patterns.push(entry[1]!);
    }
  }
  return patterns;
}

function readWorkspace(root: string): Workspace | null {
  const version = ['package.json', 'pnpm-workspace.yaml', 'lerna.json'].map((name) => fileVersion(path.join(root, name)) ?? '-').join('|');
  const cached = workspaces.get(root);
  if (cached?.version === version) return cached;
  const packages = new Map<string, string>();
  for (const pattern of workspacePatterns(root) ?? []) {
    if (pattern.startsWith('!')) continue;
    for (const candidate of expandPattern(root, pattern.replace(/\/+$/u, ''))) {
      const name = readJson(path.join(candidate, 'package.json'))?.['name'];
      if (typeof name === 'string' && !packages.has(name)) packages.set(name, candidate);
    }
  }
  const workspace = { version, packages };
  workspaces.set(root, workspace);
  return workspace;
}

/** Directories a workspace glob names: literal segments, `*`, and `**` (up to three levels). */
function expandPattern(root: string, pattern: string): string[] {
  let current = [root];
  for (const segment of pattern.split('/')) {
    if (segment === '' || segment === '.') continue;
    const next: string[] = [];
    for (const directory of current) {
      if (segment === '**') {
        next.push(...descendants(directory, 3));
      } else if (segment.includes('*')) {
        const regex = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/gu, '\\$&').replace(/\*/gu, '.*')}$`, 'u');
        next.push(...subdirectories(directory).filter((child) => regex.test(path.basename(child))));
      } else next.push(path.join(directory, segment));
    }
    current = next;
    if (current.length > 2000) break; // a pathological glob: the first ones found are enough
  }
  return current;
}

function subdirectories(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => path.join(directory, entry.name));
  } catch {
    return [];
  }
}

function descendants(directory: string, depth: number): string[] {
  const found = [directory];
  if (depth === 0) return found;
  for (const child of subdirectories(directory)) found.push(...descendants(child, depth - 1));
  return found;
}
