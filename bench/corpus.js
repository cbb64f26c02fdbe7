// Real code nobody here wrote: pinned npm packages, fetched with `npm pack` into bench/corpus/
// (git-ignored) and unpacked with `tar`. Idempotent: a package already unpacked is not fetched again.
//
//   node bench/corpus.js            fetch every package
//   node bench/corpus.js three      fetch only the named packages
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(here, 'corpus');

/**
 * The pinned corpus. `folder` is the part of the package that is linted; `include` picks files in it.
 * `typed` marks the TypeScript part the typed-mode measurement runs on.
 */
export const PACKAGES = [
  { name: 'three', version: '0.187.0', folder: 'src', ext: ['.js'] },
  { name: 'rxjs', version: '7.8.2', folder: 'src', ext: ['.ts'], typed: true },
  { name: 'monaco-editor', version: '0.57.0', folder: 'esm/vs', ext: ['.js'] },
  { name: 'typeorm', version: '1.1.1', folder: '.', ext: ['.js'], sourceType: 'commonjs', skipDirs: ['browser', 'node_modules'] },
  { name: '@angular/core', version: '22.2.6', folder: 'fesm2022', ext: ['.mjs'] },
  { name: 'typescript', version: '5.9.3', folder: 'lib', ext: ['.js'], sourceType: 'commonjs', only: ['typescript.js'] },
];

/** Directory a package is unpacked into. */
export function packageDir(pkg) {
  return join(CORPUS_DIR, `${pkg.name.replace('/', '+')}@${pkg.version}`);
}

/**
 * `npm pack spec` into `dir` and unpack the tarball there (its `package/` root stripped when `strip`),
 * then remove the tarball. tar's warnings (old tarballs carry unknown header keywords) are shown
 * only when it fails.
 */
export function packInto(spec, dir, { strip = true } = {}) {
  process.stderr.write(`corpus: npm pack ${spec}\n`);
  const out = execFileSync('npm', ['pack', spec, '--json', '--silent', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(out);
  // npm names scoped tarballs `scope-name-version.tgz`; take the file it reports, by its base name.
  const tgz = join(dir, filename.split('/').pop());
  try {
    execFileSync('tar', ['-xzf', tgz, '-C', dir, ...(strip ? ['--strip-components=1'] : [])], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    process.stderr.write(String(error.stderr ?? ''));
    throw error;
  }
  rmSync(tgz);
}

/** Fetch and unpack one package unless it is already there. Returns its directory. */
export function ensurePackage(pkg) {
  const dir = packageDir(pkg);
  const marker = join(dir, '.unpacked');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spec = `${pkg.name}@${pkg.version}`;
  packInto(spec, dir);
  writeFileSync(marker, `${spec}\n`);
  return dir;
}

/** The files of a package that the bench lints (absolute paths, sorted). `.d.ts` files are skipped. */
export function packageFiles(pkg) {
  const root = join(packageDir(pkg), pkg.folder);
  if (pkg.only) return pkg.only.map((f) => join(root, f));
  const skip = new Set(pkg.skipDirs ?? []);
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(relative(root, path)) && entry.name !== 'node_modules') walk(path);
      } else if (pkg.ext.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) {
        out.push(path);
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Lines of a file (newline count, plus one for a last line without newline). */
export function countLines(path) {
  const text = readFileSync(path, 'utf8');
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** Fetch every package (or the named ones) and describe what is there. */
export function ensureCorpus(names = []) {
  const wanted = names.length ? PACKAGES.filter((p) => names.includes(p.name)) : PACKAGES;
  return wanted.map((pkg) => {
    const dir = ensurePackage(pkg);
    const files = packageFiles(pkg);
    const lines = files.reduce((sum, f) => sum + countLines(f), 0);
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    return { ...pkg, dir, files, lines, bytes };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const pkg of ensureCorpus(process.argv.slice(2))) {
    console.log(`${pkg.name}@${pkg.version}  ${pkg.folder}  ${pkg.files.length} files  ${pkg.lines} lines`);
  }
}
