import path from 'node:path';
import type { FileLocation } from './file-location.js';

/**
 * The import specifiers that, written in one file, name the module a settings `source` names.
 *
 * - A path source (`./lib/memo`, `../shared/memo.js`, or absolute) is resolved against the config's
 *   base directory (`cwd`), then spelt relative to the linted file's directory, so one entry matches
 *   `../lib/memo` in `src/a.ts` and `../../lib/memo.js` in `src/b/c.ts` when both name the same file.
 * - A package source (`@acme/utils`, `@acme/utils/index.js`) is compared as a specifier.
 *
 * Both sides are compared after the same normalisation: a module extension (`.js`, `.ts`, `.mjs`, …)
 * and a trailing `/index` are dropped, so `memo`, `memo.js`, `memo/index` and `memo/index.js` are
 * one module. (The memoizer table already strips `.js`/`.mjs`/`.cjs` and `/index.js` from the
 * import's side; the spellings returned here cover the rest.)
 */
export function importSpellings(source: string, location: FileLocation | null): string[] {
  if (!isPathSource(source)) return packageSpellings(source);
  if (!location) return withVariants(stripModuleSuffix(toPosix(source)) || '.');
  const target = stripModuleSuffix(toPosix(path.resolve(location.cwd, source)));
  const from = toPosix(path.dirname(path.resolve(location.cwd, location.filename)));
  let relative = path.posix.relative(from, target);
  if (relative === '') relative = '.';
  else if (!relative.startsWith('../') && relative !== '..') relative = `./${relative}`;
  return withVariants(relative);
}

/** `./x`, `../x`, `.`, `..` and absolute paths name files; anything else is a package specifier. */
export function isPathSource(source: string): boolean {
  return /^\.\.?(?:\/|$)/.test(source) || path.isAbsolute(source) || path.posix.isAbsolute(source);
}

const MODULE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx|d\.[cm]?ts)$/;

/** `lib/memo.ts`, `lib/memo/index.js`, `lib/memo/` → `lib/memo`. */
export function stripModuleSuffix(modulePath: string): string {
  return modulePath
    .replace(/\/+$/, '')
    .replace(/\.d\.[cm]?ts$/, '')
    .replace(MODULE_EXTENSION, '')
    .replace(/(?:^|\/)index$/, '');
}

/**
 * `@acme/utils/index.js` → `@acme/utils`, `@acme/utils/memo.js` → `@acme/utils/memo`. Only a subpath
 * loses its extension: `highlight.js` and `chart.js` are package names.
 */
export function canonicalPackageSpecifier(source: string): string {
  const parts = source.split('/');
  const nameLength = source.startsWith('@') ? 2 : 1;
  if (parts.length <= nameLength) return source;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts
    .slice(nameLength)
    .join('/')
    .replace(/\/+$/, '')
    .replace(/\.[cm]?js$/, '')
    .replace(/(?:^|\/)index$/, '');
  return subpath === '' ? name : `${name}/${subpath}`;
}

function packageSpellings(source: string): string[] {
  const canonical = canonicalPackageSpecifier(source);
  return unique([source, canonical, `${canonical}/index`]);
}

const SPELT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];

/** `../lib/memo` → itself, with each module extension, and as `…/index` with each extension. */
function withVariants(base: string): string[] {
  const directory = base === '.' || base === '..';
  const spellings = directory ? [base, `${base}/`] : [base, ...SPELT_EXTENSIONS.map((extension) => base + extension)];
  const index = `${base}/index`;
  spellings.push(index, ...SPELT_EXTENSIONS.map((extension) => index + extension));
  return unique(spellings);
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
