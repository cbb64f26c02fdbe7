import path from 'node:path';
import { findUp, isFile, readJson } from './json-files.js';
import { workspacePackageName, workspacePackageNames, workspacePackageTargets } from './workspaces.js';

/**
 * Where a module specifier of a project file points, without type information: relative paths,
 * tsconfig `paths`/`baseUrl`, package.json `imports` (`#memo`), and packages of the same workspace
 * (`@org/utils` in an npm, Yarn, pnpm or Lerna monorepo, read from its sources). Other bare package
 * names are not project code and resolve to `null`, as does anything that is not a file on disk.
 *
 * The lookup follows what TypeScript and Node do for project sources: an ESM `.js` suffix may
 * name a `.ts` file (`'./memo.js'` → memo.ts), a directory means its `index`, and a specifier
 * without an extension tries the source extensions in TypeScript's order.
 */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

export function resolveModulePath(fromFile: string, specifier: string): string | null {
  if (!path.isAbsolute(fromFile)) return null;
  const directory = path.dirname(fromFile);
  if (isRelativeSpecifier(specifier)) return resolveAsFile(path.resolve(directory, specifier));
  if (specifier.startsWith('#')) {
    const target = packageImportTarget(directory, specifier);
    return target ? resolveAsFile(target) : null;
  }
  for (const target of tsconfigPathTargets(directory, specifier)) {
    const found = resolveAsFile(target);
    if (found) return found;
  }
  for (const target of workspacePackageTargets(directory, specifier) ?? []) {
    const found = resolveAsFile(target);
    if (found) return found;
  }
  return null;
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * Can `specifier` name a module of the project (rather than a package)? Relative paths and `#`
 * imports always can; a bare name only when a tsconfig `paths` pattern of the file's project maps it.
 */
export function mayNameProjectModule(fromFile: string, specifier: string): boolean {
  if (isRelativeSpecifier(specifier) || specifier.startsWith('#')) return true;
  if (!path.isAbsolute(fromFile)) return false;
  const directory = path.dirname(fromFile);
  return tsconfigPathTargets(directory, specifier).length > 0 || workspacePackageTargets(directory, specifier) !== null;
}

/**
 * `mayNameProjectModule` for every specifier of one file: the tsconfig `paths` and the workspace's
 * packages are read once (on the first bare name asked), and each specifier is then matched in memory.
 * The answers are those `mayNameProjectModule(fromFile, specifier)` gives at that moment; a file's
 * lint asks it many times (every rule, every helper), the next file reads the configuration again.
 */
export function projectModuleNamer(fromFile: string): (specifier: string) => boolean {
  const absolute = path.isAbsolute(fromFile);
  const directory = path.dirname(fromFile);
  let patterns: readonly string[] | undefined;
  let packages: ReadonlySet<string> | null | undefined;
  return (specifier) => {
    if (isRelativeSpecifier(specifier) || specifier.startsWith('#')) return true;
    if (!absolute) return false;
    patterns ??= tsconfigPathPatterns(directory);
    if (patterns.some((pattern) => matchPattern(pattern, specifier) !== null)) return true;
    packages ??= workspacePackageNames(directory);
    const name = packages && workspacePackageName(specifier);
    return name !== null && name !== undefined && packages!.has(name);
  };
}

/** The `paths` patterns of the file's tsconfig that map to at least one target (what `tsconfigPathTargets` can match). */
function tsconfigPathPatterns(directory: string): string[] {
  const tsconfig = findUp(directory, 'tsconfig.json');
  if (!tsconfig) return [];
  const options = compilerOptions(tsconfig.file, tsconfig.json, 0);
  if (!options.paths) return [];
  return Object.entries(options.paths)
    .filter(([, replacements]) => Array.isArray(replacements) && replacements.some((replacement) => typeof replacement === 'string'))
    .map(([pattern]) => pattern);
}

function resolveAsFile(base: string): string | null {
  const extension = path.extname(base);
  const candidates: string[] = [];
  for (const tsExtension of JS_TO_TS[extension] ?? []) candidates.push(base.slice(0, -extension.length) + tsExtension);
  candidates.push(base);
  for (const sourceExtension of SOURCE_EXTENSIONS) candidates.push(base + sourceExtension);
  for (const sourceExtension of SOURCE_EXTENSIONS) candidates.push(path.join(base, `index${sourceExtension}`));
  for (const candidate of candidates) {
    if (SOURCE_EXTENSIONS.includes(path.extname(candidate)) && isFile(candidate)) return candidate;
  }
  return null;
}

/** package.json `imports`: `"#memo": "./src/memo.js"`, `"#utils/*": "./src/utils/*.js"`, with conditions. */
function packageImportTarget(directory: string, specifier: string): string | null {
  const manifest = findUp(directory, 'package.json');
  const imports = manifest?.json['imports'];
  if (!manifest || !imports || typeof imports !== 'object') return null;
  for (const [pattern, value] of Object.entries(imports as Record<string, unknown>)) {
    const match = matchPattern(pattern, specifier);
    if (match === null) continue;
    const target = pickCondition(value);
    if (typeof target === 'string' && target.startsWith('./')) {
      return path.resolve(path.dirname(manifest.file), target.replace('*', match));
    }
  }
  return null;
}

function pickCondition(value: unknown): unknown {
  if (typeof value === 'string' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return pickCondition(value[0]);
  const conditions = value as Record<string, unknown>;
  for (const condition of ['types', 'import', 'node', 'require', 'default']) {
    if (condition in conditions) return pickCondition(conditions[condition]);
  }
  return null;
}

/** tsconfig `compilerOptions.paths` (relative to `baseUrl`, or to the tsconfig), following one `extends` chain. */
function tsconfigPathTargets(directory: string, specifier: string): string[] {
  const tsconfig = findUp(directory, 'tsconfig.json');
  if (!tsconfig) return [];
  const options = compilerOptions(tsconfig.file, tsconfig.json, 0);
  if (!options.paths) return [];
  const targets: string[] = [];
  for (const [pattern, replacements] of Object.entries(options.paths)) {
    const match = matchPattern(pattern, specifier);
    if (match === null || !Array.isArray(replacements)) continue;
    for (const replacement of replacements) {
      if (typeof replacement === 'string') targets.push(path.resolve(options.pathsBase, replacement.replace('*', match)));
    }
  }
  return targets;
}

interface PathOptions {
  paths: Record<string, unknown> | null;
  pathsBase: string;
}

function compilerOptions(file: string, json: Record<string, unknown>, depth: number): PathOptions {
  const own = (json['compilerOptions'] ?? {}) as Record<string, unknown>;
  let inherited: PathOptions = { paths: null, pathsBase: path.dirname(file) };
  const extended = json['extends'];
  if (typeof extended === 'string' && isRelativeSpecifier(extended) && depth < 5) {
    const parentFile = path.resolve(path.dirname(file), extended.endsWith('.json') ? extended : `${extended}.json`);
    const parent = readJson(parentFile);
    if (parent) inherited = compilerOptions(parentFile, parent, depth + 1);
  }
  const baseUrl = typeof own['baseUrl'] === 'string' ? path.resolve(path.dirname(file), own['baseUrl']) : null;
  if (own['paths'] && typeof own['paths'] === 'object') {
    return { paths: own['paths'] as Record<string, unknown>, pathsBase: baseUrl ?? path.dirname(file) };
  }
  return baseUrl ? { paths: inherited.paths, pathsBase: inherited.paths ? inherited.pathsBase : baseUrl } : inherited;
}

/** `'@decorators/*'` against `'@decorators/memoize'` → `'memoize'`; an exact pattern → `''`; no match → `null`. */
function matchPattern(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) return null;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}
