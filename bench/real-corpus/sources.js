// The sources of the real-code corpus, fetched once into bench/.cache/real-corpus/ (git-ignored):
//   npm/<name>@<version>/           `npm pack` unpacked as is, so case paths start with package/
//   github/<owner>+<name>@<commit>/ the commit's tree, `git archive`d from a local mirror
// A source already there (its `.unpacked` marker written) is reused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packInto } from '../corpus.js';

export const CACHE_DIR = fileURLToPath(new URL('../.cache/real-corpus/', import.meta.url));
export const DEFAULT_MIRRORS = '/work/.mirror';

const MARKER = '.unpacked';

function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** Directory of an npm source (`name@version`; a scope's `/` becomes `+`). */
export function npmDir(spec) {
  return join(CACHE_DIR, 'npm', spec.replace('/', '+'));
}

/** `npm pack` the package into the cache unless it is there. Returns its directory. */
export function ensureNpm(spec) {
  const dir = npmDir(spec);
  if (existsSync(join(dir, MARKER))) return dir;
  fresh(dir);
  packInto(spec, dir, { strip: false });
  writeFileSync(join(dir, MARKER), `${spec}\n`);
  return dir;
}

const isGitDir = (dir) => existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'));

/**
 * The git directory of `owner/name` under the mirrors folder: `<mirrors>/<owner>+<name>` itself, or a
 * git directory one level inside it (`…/repo`, `…/<x>/.git`). Null when there is none (a copy still
 * under way has no HEAD yet).
 */
export function findGitDir(mirrors, repo) {
  const root = join(mirrors, repo.replace('/', '+'));
  if (!existsSync(root)) return null;
  if (isGitDir(root)) return root;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.endsWith('.part')) continue;
    const inner = join(root, entry.name);
    if (isGitDir(inner)) return inner;
    if (isGitDir(join(inner, '.git'))) return join(inner, '.git');
  }
  return null;
}

/** Directory of a GitHub source. */
export function githubDir(repo, commit) {
  return join(CACHE_DIR, 'github', `${repo.replace('/', '+')}@${commit}`);
}

/**
 * The commit's tree, extracted from the mirror unless it is already cached. Returns
 * `{ dir }`, or `{ skipped }` with the reason when there is no mirror or the mirror lacks the commit.
 */
export function ensureGithub(repo, commit, mirrors = DEFAULT_MIRRORS, paths = []) {
  const dir = githubDir(repo, commit);
  if (existsSync(join(dir, MARKER))) return { dir };
  const gitDir = findGitDir(mirrors, repo);
  if (!gitDir) return { skipped: `no mirror of ${repo} in ${mirrors}` };
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    return { skipped: `commit ${commit} is not in the mirror ${gitDir}` };
  }
  fresh(dir);
  process.stderr.write(`corpus: git archive ${repo}@${commit.slice(0, 12)}\n`);
  const tar = join(dir, '.archive.tar');
  try {
    execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', '-o', tar, commit], { stdio: 'pipe' });
  } catch {
    // A mirror that lacks some large blobs cannot archive the whole tree: take the top-level
    // configuration files and the directories the cases need (`paths`), which is what linting reads.
    const listed = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', commit], { encoding: 'utf8' })
      .split('\n')
      .filter((name) => /^(package\.json|tsconfig[\w.-]*\.json)$/.test(name));
    const wanted = [...new Set([...listed, ...paths.map((path) => dirname(path))])];
    execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', '-o', tar, commit, '--', ...wanted], { stdio: 'inherit' });
  }
  execFileSync('tar', ['-xf', tar, '-C', dir], { stdio: 'inherit' });
  rmSync(tar);
  writeFileSync(join(dir, MARKER), `${repo}@${commit}\n`);
  return { dir };
}

/** Whether `path` is a regular file. */
export function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
