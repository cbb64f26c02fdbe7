// Real code nobody here wrote: pinned npm packages, fetched with `npm pack` into bench/corpus/
// (git-ignored) and unpacked with `tar`. Idempotent: a package already unpacked is not fetched again.
//
//   node bench/corpus.js                        fetch every package, print its file and line counts
//   node bench/corpus.js --packages three,rxjs  only the named packages
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(here, 'corpus');

/**
 * The pinned corpus. `folder` is the part of the package that is linted; `ext` picks files in it
 * (`.d.ts` never), `skipDirs` (relative to `folder`) and `only` narrow it. `count` is the number of
 * files that selection held when the version was pinned (checked with `npm pack --dry-run --json`):
 * ensureCorpus() fails if the unpacked package gives another count, so a figure in the docs always
 * means the same files. `typed` marks the TypeScript packages of the typed-mode measurement; `why`
 * says what the package brings to the corpus.
 */
export const PACKAGES = [
  { name: 'three', version: '0.187.0', folder: 'src', ext: ['.js'], count: 757, why: 'ES classes, Map caches' },
  { name: 'rxjs', version: '7.8.2', folder: 'src', ext: ['.ts'], typed: true, count: 251, why: 'TypeScript source' },
  { name: 'monaco-editor', version: '0.57.0', folder: 'esm/vs', ext: ['.js'], count: 1241, why: "VS Code's editor: classes, caches, compiled decorators" },
  { name: 'typeorm', version: '1.1.1', folder: '.', ext: ['.js'], sourceType: 'commonjs', skipDirs: ['browser', 'node_modules'], count: 498, why: 'decorators (compiled), CommonJS' },
  { name: '@angular/core', version: '22.2.6', folder: 'fesm2022', ext: ['.mjs'], count: 14, why: 'Angular framework bundles' },
  { name: 'typescript', version: '5.9.3', folder: 'lib', ext: ['.js'], sourceType: 'commonjs', only: ['typescript.js'], count: 1, why: 'one 200,000-line file' },
  { name: '@babylonjs/core', version: '9.35.0', folder: '.', ext: ['.js'], skipDirs: ['Shaders', 'ShadersWGSL'], count: 2711, why: 'compiled TypeScript decorators (`__decorate`, `@serialize`), large class hierarchies; shader-string modules left out' },
  { name: '@fluentui/react', version: '8.125.7', folder: 'lib', ext: ['.js'], count: 804, why: '`memoizeFunction` on every component style (heavy memoizer use)' },
  { name: '@fluentui/utilities', version: '8.17.4', folder: 'lib', ext: ['.js'], count: 166, why: 'defines `memoizeFunction` and `@memoize`' },
  { name: '@mui/x-data-grid', version: '9.17.0', folder: '.', ext: ['.mjs'], count: 510, why: '`createSelector` / `createSelectorMemoized` everywhere (reselect-style memoizers)' },
  { name: '@reduxjs/toolkit', version: '2.15.0', folder: 'src', ext: ['.ts', '.tsx'], count: 106, why: 'TypeScript source, reselect `createSelector`' },
  { name: 'reselect', version: '5.3.0', folder: 'src', ext: ['.ts'], count: 13, why: 'TypeScript source of the memoizers themselves (`weakMapMemoize`, `lruMemoize`)' },
  { name: 'effect', version: '4.1.0', folder: 'src', ext: ['.ts'], count: 572, why: 'TypeScript source, caches and classes' },
  { name: 'zod', version: '4.6.7', folder: 'src', ext: ['.ts'], count: 332, why: 'TypeScript source' },
  { name: 'mobx', version: '7.1.3', folder: 'src', ext: ['.ts'], typed: true, count: 55, why: 'TypeScript source, MobX decorators' },
  { name: '@tanstack/query-core', version: '5.108.4', folder: 'src', ext: ['.ts'], count: 23, why: 'TypeScript source, query caches' },
  { name: '@loopback/core', version: '7.0.15', folder: 'src', ext: ['.ts'], count: 10, why: 'TypeScript source with decorators (LoopBack 4)' },
  { name: '@loopback/context', version: '8.0.15', folder: 'src', ext: ['.ts'], count: 27, why: 'TypeScript source: dependency-injection decorators, binding caches' },
  { name: '@loopback/repository', version: '8.0.15', folder: 'src', ext: ['.ts'], count: 76, why: 'TypeScript source with model/relation decorators' },
  { name: 'vue-facing-decorator', version: '4.0.1', folder: 'src', ext: ['.ts'], count: 26, why: 'TypeScript source: Vue class-component decorators' },
  { name: '@nestjs/core', version: '12.5.1', folder: '.', ext: ['.js'], count: 209, why: 'NestJS: compiled decorators (`__decorate`), injector caches' },
  { name: '@nestjs/common', version: '12.5.1', folder: '.', ext: ['.js'], count: 206, why: 'NestJS decorator factories and pipes' },
  { name: '@angular/cdk', version: '22.2.7', folder: 'fesm2022', ext: ['.mjs'], count: 55, why: 'Angular components (compiled decorators)' },
  { name: '@angular/material', version: '22.2.6', folder: 'fesm2022', ext: ['.mjs'], count: 97, why: 'Angular components (compiled decorators)' },
  { name: 'lit', version: '3.3.3', folder: 'development', ext: ['.js'], count: 39, why: 'Lit decorators (readable development build)' },
  { name: 'lit-html', version: '3.3.3', folder: 'development', ext: ['.js'], count: 30, why: 'template caches keyed by strings arrays' },
  { name: '@lit/reactive-element', version: '2.1.2', folder: 'development', ext: ['.js'], count: 15, why: 'reactive element base class and decorators' },
  { name: '@microsoft/fast-element', version: '3.0.3', folder: 'dist/esm', ext: ['.js'], count: 88, why: 'FAST decorators (`@attr`, `@observable`), observer caches' },
  { name: '@vue/runtime-core', version: '3.5.45', folder: 'dist', ext: ['.js'], only: ['runtime-core.esm-bundler.js'], count: 1, why: "Vue's runtime (one bundle)" },
  { name: '@vue/reactivity', version: '3.5.45', folder: 'dist', ext: ['.js'], only: ['reactivity.esm-bundler.js'], count: 1, why: "Vue's reactivity: WeakMap-keyed proxies (one bundle)" },
  { name: 'webpack', version: '5.113.0', folder: 'lib', ext: ['.js'], sourceType: 'commonjs', count: 829, why: '`util/memoize` everywhere, WeakMap caches, CommonJS' },
  { name: 'eslint', version: '10.15.0', folder: 'lib', ext: ['.js'], sourceType: 'commonjs', count: 389, why: 'CommonJS, rule and config caches' },
  { name: 'svelte', version: '5.57.3', folder: 'src', ext: ['.js'], count: 368, why: 'compiler and runtime source (JSDoc-typed JS)' },
];

/** TypeScript packages are parsed with @typescript-eslint/parser, the rest with espree. */
export function isTypeScript(pkg) {
  return pkg.ext.some((e) => e === '.ts' || e === '.tsx' || e === '.mts');
}

/** The include globs of a package, relative to its unpacked folder, as recorded in the docs. */
export function packageGlobs(pkg) {
  const base = pkg.folder === '.' ? '' : `${pkg.folder}/`;
  if (pkg.only) return pkg.only.map((f) => `${base}${f}`);
  const exts = pkg.ext.map((e) => e.slice(1));
  const include = `${base}**/*.${exts.length > 1 ? `{${exts.join(',')}}` : exts[0]}`;
  return [include, ...(pkg.skipDirs ?? []).map((d) => `!${base}${d}/**`), '!**/*.d.ts'];
}

/**
 * The packages named on the command line: `--packages three,rxjs` (or `--only`, or the environment
 * variable BENCH_PACKAGES). Unknown names are an error. Empty: the whole corpus.
 */
export function selectedPackageNames(argv = process.argv.slice(2)) {
  const i = argv.findIndex((a) => a === '--packages' || a === '--only');
  const raw = i >= 0 ? argv[i + 1] ?? '' : process.env.BENCH_PACKAGES ?? '';
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !PACKAGES.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown corpus package(s): ${unknown.join(', ')}`);
  return names;
}

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
    maxBuffer: 256 * 1024 * 1024, // the JSON lists every file: 1 MB and more for the big packages
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
    if (pkg.count && files.length !== pkg.count && !process.env.BENCH_ALLOW_COUNT_MISMATCH) {
      throw new Error(`corpus: ${pkg.name}@${pkg.version} gives ${files.length} files, ${pkg.count} were pinned`);
    }
    const lines = files.reduce((sum, f) => sum + countLines(f), 0);
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    return { ...pkg, dir, files, lines, bytes };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let files = 0;
  let lines = 0;
  for (const pkg of ensureCorpus(selectedPackageNames())) {
    files += pkg.files.length;
    lines += pkg.lines;
    console.log(`${pkg.name}@${pkg.version}  ${packageGlobs(pkg).join(' ')}  ${pkg.files.length} files  ${pkg.lines} lines`);
  }
  console.log(`total  ${files} files  ${lines} lines`);
}
