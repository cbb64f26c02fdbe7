import { readFileSync, statSync } from 'node:fs';
import { commentRanges, matchesInCode, type CommentRanges } from '../core/code-text.js';
import { FileContext } from '../core/file-context.js';
import { BoundedCache } from './bounded-cache.js';
import { projectModuleNamer, resolveModulePath } from './module-paths.js';

/**
 * The analysis of another module of the user's project, read from disk without type information:
 * `import { memoize } from '../utilities/memoize'` is followed to the file that defines `memoize`.
 *
 * Each module is parsed at most once per version (path, size, mtime) and parser, and at most
 * `CAPACITY` analyses are kept: a long-running editor server or an `--concurrency` worker holds a
 * bounded amount, and an edited module is read again. A module that is missing, unreadable or does
 * not parse is unknown (`null`): the rules stay silent rather than guess.
 */
const CAPACITY = 256;

interface Entry {
  readonly version: string;
  readonly text: string;
  /** Where its comments are (`code-text.ts`), read on the first text test that asks. */
  comments: CommentRanges | undefined;
  /** Answers of `inCode` for this version, by pattern (the patterns are module constants). */
  readonly inCode: Map<RegExp, boolean>;
  /** Parsed on first need, per parser: `undefined` until then, `null` if it does not parse. */
  parsed:
    | { readonly parser: object; readonly optionsKey: string; readonly settings: unknown; readonly context: FileContext | null }
    | undefined;
}

const modules = new BoundedCache<string, Entry>(CAPACITY);

/** What cross-file reads cost in this process (the bench prints it). */
export const crossFileStats = {
  resolved: 0,
  read: 0,
  parsed: 0,
  skipped: 0,
  failed: 0,
  parseMs: 0,
  /** Scans of a package's files for where an export is used (`project-scan.ts`), and the files they read. */
  packageScans: 0,
  packageFilesRead: 0,
};

/**
 * A cheap test of a module's text before it is parsed: its text, and `inCode(pattern)`, whether a global
 * pattern matches somewhere outside the comments (as far as `commentRanges` can tell; read once per
 * module version).
 */
export type TextTest = (text: string, inCode: (pattern: RegExp) => boolean) => boolean;

/**
 * The analysis of the project module `specifier` names, seen from `from`. `worthParsing`, a cheap test
 * of the module's text (does it mention a memoizer library at all?), runs before any parse: a module
 * that fails it is not parsed for this question.
 */
export function getModuleContext(
  from: FileContext,
  specifier: string,
  worthParsing: TextTest = () => true,
): FileContext | null {
  if (!from.filename || !from.moduleParser || !projectModuleNamerOf(from)(specifier)) return null;
  const target = from.cached('moduleSpecifiers', specifierKey(specifier), () => resolveModulePath(from.filename!, specifier));
  if (!target || target === from.filename) return null;
  crossFileStats.resolved++;
  return getModuleContextAt(from, target, worthParsing);
}

/**
 * The analysis of the project file at the absolute path `target`, parsed as `from` is (its parser and
 * settings), with the same cache and the same cheap text test before the parse.
 */
export function getModuleContextAt(from: FileContext, target: string, worthParsing: TextTest = () => true): FileContext | null {
  if (!from.moduleParser) return null;
  const entry = readModule(target);
  if (!entry) return null;
  const parser = from.moduleParser;
  if (entry.parsed && entry.parsed.parser === parser.parser && entry.parsed.optionsKey === parser.optionsKey && entry.parsed.settings === settingsKey(from.settings)) {
    return entry.parsed.context;
  }
  const inCode = (pattern: RegExp): boolean => {
    let answer = entry.inCode.get(pattern);
    if (answer === undefined) {
      answer = matchesInCode(entry.text, (entry.comments ??= commentRanges(entry.text, target)), pattern);
      entry.inCode.set(pattern, answer);
    }
    return answer;
  };
  if (!worthParsing(entry.text, inCode)) {
    crossFileStats.skipped++;
    return null;
  }
  const started = performance.now();
  let context: FileContext | null = null;
  try {
    const sourceCode = parser.parse(entry.text, target);
    context = sourceCode ? new FileContext(sourceCode, null, parser, target, from.settings) : null;
  } catch {
    context = null;
  }
  crossFileStats.parseMs += performance.now() - started;
  if (context) crossFileStats.parsed++;
  else crossFileStats.failed++;
  entry.parsed = { parser: parser.parser, optionsKey: parser.optionsKey, settings: settingsKey(from.settings), context };
  return context;
}

/** `mayNameProjectModule` for this file, its configuration read once per file (`projectModuleNamer`). */
export function projectModuleNamerOf(file: FileContext): (specifier: string) => boolean {
  return file.cached('projectModuleNamer', file.program, () => projectModuleNamer(file.filename ?? ''));
}

/** The module's text at its current version (path, size, mtime), from the cache when unchanged. */
function readModule(file: string): Entry | null {
  let version: string;
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    version = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
  const cached = modules.get(file);
  if (cached && cached.version === version) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  crossFileStats.read++;
  const entry: Entry = { version, text, comments: undefined, inCode: new Map(), parsed: undefined };
  modules.set(file, entry);
  return entry;
}

/** FileContext caches by object key; specifiers are interned to one object per string. */
const specifierKeys = new BoundedCache<string, object>(4096);
function specifierKey(specifier: string): object {
  let key = specifierKeys.get(specifier);
  if (!key) {
    key = { specifier };
    specifierKeys.set(specifier, key);
  }
  return key;
}

/**
 * The part of `context.settings` an analysis depends on (`settings['memo-leak']`), as a string: ESLint
 * hands each file its own settings object, so identity would parse every module again for every file.
 */
const settingsKeys = new WeakMap<object, string>();
function settingsKey(settings: unknown): string {
  if (typeof settings !== 'object' || settings === null) return '';
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    try {
      key = JSON.stringify((settings as Record<string, unknown>)['memo-leak'] ?? null);
    } catch {
      key = String(Math.random()); // settings that do not serialise: never share parses
    }
    settingsKeys.set(settings, key);
  }
  return key;
}
