// oxlint next to ESLint on the same files: the built plugin loaded as an oxlint JS plugin
// (`jsPlugins` in a generated `.oxlintrc.json`), every memo-leak rule on with every option on, the
// same rules and options as ESLint's "all, every option on" crash-check run. oxlint's own rules are
// off (`categories.correctness: off`), so the comparison is the plugin's rules in both linters.
//
//   node bench/oxlint.js [--packages three,rxjs]    print wall time and findings
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, ensureCorpus, selectedPackageNames } from './corpus.js';
import { allOptionsRules } from './lint.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const OXLINT_BIN = join(root, 'node_modules', '.bin', 'oxlint');
const configDir = join(here, '.cache', 'oxlint');

/** Write the `.oxlintrc.json` that loads dist/index.js and turns on every memo-leak rule. */
export function writeOxlintConfig(rules = allOptionsRules()) {
  mkdirSync(configDir, { recursive: true });
  const path = join(configDir, '.oxlintrc.json');
  const config = {
    $schema: '../../../node_modules/oxlint/configuration_schema.json',
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [join(root, 'dist', 'index.js')],
    rules,
  };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/**
 * Lint `files` with oxlint in one process. `threads`: oxlint's `--threads` (1 = one core, like
 * ESLint; undefined = oxlint's default, every core). Returns wall time, findings and oxlint's version.
 */
export function runOxlint(files, { threads, rules } = {}) {
  const configPath = writeOxlintConfig(rules);
  const args = ['-c', configPath, '--no-ignore', '-f', 'json', ...(threads ? [`--threads=${threads}`] : [])];
  const paths = files.map((f) => relative(CORPUS_DIR, f));
  const start = performance.now();
  const child = spawnSync(OXLINT_BIN, [...args, ...paths], { cwd: CORPUS_DIR, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - start;
  if (child.error) throw child.error;
  let report;
  try {
    report = JSON.parse(child.stdout);
  } catch {
    throw new Error(`oxlint exited with ${child.status}; no JSON on stdout. stderr:\n${child.stderr.slice(0, 2000)}`);
  }
  const byRule = {};
  const errors = [];
  for (const d of report.diagnostics ?? []) {
    const rule = /^memo-leak\((.+)\)$/.exec(d.code ?? '');
    if (rule) byRule[`memo-leak/${rule[1]}`] = (byRule[`memo-leak/${rule[1]}`] ?? 0) + 1;
    else errors.push({ file: d.filename, code: d.code ?? null, message: String(d.message).split('\n')[0] });
  }
  const version = spawnSync(OXLINT_BIN, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^Version:\s*/, '');
  return {
    version,
    threads: threads ?? report.threads_count ?? null,
    files: report.number_of_files ?? paths.length,
    rules: report.number_of_rules ?? null,
    wall,
    findings: Object.values(byRule).reduce((s, n) => s + n, 0),
    byRule,
    // Diagnostics that are not memo-leak findings: parse errors, plugin load errors, crashes.
    errors,
    exitCode: child.status,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = ensureCorpus(selectedPackageNames()).flatMap((p) => p.files);
  for (const threads of [1, undefined]) {
    const r = runOxlint(files, { threads });
    console.log(
      `oxlint ${r.version} --threads=${r.threads}: ${r.files} files, ${(r.wall / 1000).toFixed(1)} s, ${r.findings} finding(s) ${JSON.stringify(r.byRule)}, ${r.errors.length} other diagnostic(s)`,
    );
    for (const e of r.errors.slice(0, 20)) console.log(`  ${e.code ?? ''} ${e.file}: ${e.message}`);
  }
}
