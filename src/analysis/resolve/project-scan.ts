import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BoundedCache } from './bounded-cache.js';
import { findUp } from './json-files.js';
import { crossFileStats } from './project-modules.js';

/**
 * The other source files of the package a file belongs to, for questions that look backwards: where
 * is this exported decorator applied? Asked only when a finding is about to be reported (rare), never
 * on every file.
 *
 * The package is the directory of the nearest `package.json`. Its source files are listed anew on
 * each question (a directory walk; `node_modules` and dot-directories are skipped), and each file's
 * text is tested once per version (path, size, mtime): the answers are kept in a bounded cache, the
 * texts are not. A package with more than `MAX_FILES` source files, or one that cannot be listed,
 * gives no answer (`null`): the caller keeps what it would say without looking.
 */
const MAX_FILES = 4000;
const MAX_BYTES = 1_000_000;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;

const answers = new BoundedCache<string, { readonly version: string; readonly matches: boolean }>(8192);


/**
 * The source files of `file`'s package (under `root`), other than `file`, whose text passes `test`
 * (`key` names the test in the cache: one key per question and its parameters). `null` when the
 * package is unknown or too big to scan.
 */
export function findPackageFiles(
  file: string,
  key: string,
  test: (text: string) => boolean,
): { readonly root: string; readonly files: readonly string[] } | null {
  const manifest = findUp(path.dirname(file), 'package.json');
  if (!manifest) return null;
  const root = path.dirname(manifest.file);
  const files = listSources(root);
  if (!files) return null;
  crossFileStats.packageScans++;
  const found: string[] = [];
  for (const candidate of files) {
    if (candidate === file) continue;
    const version = versionOf(candidate);
    if (!version) continue;
    const cacheKey = `${key}\0${candidate}`;
    let answer = answers.get(cacheKey);
    if (!answer || answer.version !== version) {
      answer = { version, matches: readAndTest(candidate, test) };
      answers.set(cacheKey, answer);
    }
    if (answer.matches) found.push(candidate);
  }
  return { root, files: found };
}

function listSources(root: string): string[] | null {
  const files: string[] = [];
  const directories = [root];
  while (directories.length > 0) {
    const directory = directories.pop()!;
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      if (directory === root) return null;
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) directories.push(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) {
        files.push(full);
        if (files.length > MAX_FILES) return null;
      }
    }
  }
  return files;
}

function versionOf(file: string): string | null {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat && stat.size <= MAX_BYTES ? `${stat.size}:${stat.mtimeMs}` : null;
  } catch {
    return null;
  }
}

function readAndTest(file: string, test: (text: string) => boolean): boolean {
  try {
    crossFileStats.packageFilesRead++;
    return test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}
