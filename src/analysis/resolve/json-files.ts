// Configuration files (package.json, tsconfig.json, workspace manifests), read once per version
// (path, size, mtime) in a bounded cache.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BoundedCache } from './bounded-cache.js';

export interface JsonFile {
  readonly file: string;
  readonly json: Record<string, unknown>;
}

const jsonFiles = new BoundedCache<string, { version: string; json: Record<string, unknown> | null }>(200);
const nearest = new BoundedCache<string, { version: string; found: string | null }>(500);

/** The version of a file on disk (`size:mtime`), or `null` when it is not a file. */
export function fileVersion(file: string): string | null {
  try {
    // A missing file is the common answer (module resolution tries extension after extension): no exception for it.
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? `${stat.size}:${stat.mtimeMs}` : null;
  } catch {
    return null;
  }
}

export function isFile(file: string): boolean {
  return fileVersion(file) !== null;
}

export function readJson(file: string): Record<string, unknown> | null {
  const version = fileVersion(file);
  if (version === null) return null;
  const cached = jsonFiles.get(file);
  if (cached?.version === version) return cached.json;
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(stripJsonComments(readFileSync(file, 'utf8'))) as Record<string, unknown>;
  } catch {
    json = null; // unreadable configuration: nothing resolves through it
  }
  jsonFiles.set(file, { version, json });
  return json;
}

/** The nearest `name` in `directory` or above it. */
export function findUp(directory: string, name: string): JsonFile | null {
  const key = `${directory}\0${name}`;
  const cached = nearest.get(key);
  let found: string | null;
  if (cached) found = cached.found;
  else {
    found = null;
    // The directories passed on the way up have the same nearest file: remember them all, and stop
    // at the first one already known.
    const passed: string[] = [];
    for (let current = directory; ; current = path.dirname(current)) {
      const known = current === directory ? undefined : nearest.get(`${current}\0${name}`);
      if (known) {
        found = known.found;
        break;
      }
      passed.push(current);
      const candidate = path.join(current, name);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      if (path.dirname(current) === current) break;
    }
    for (const passedDirectory of passed) nearest.set(`${passedDirectory}\0${name}`, { version: '', found });
  }
  const json = found ? readJson(found) : null;
  return found && json ? { file: found, json } : null;
}

/** tsconfig files are JSON with comments and trailing commas. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++index] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      index += 2;
      while (index < text.length && !(text[index] === '*' && text[index + 1] === '/')) index++;
      index++;
    } else out += char;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
