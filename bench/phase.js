// One measurement of the bench, in its own process so that its peak memory is its own:
//
//   node bench/phase.js main     OUT.json [package…]   plugin + no-unused-vars over the corpus
//   node bench/phase.js baseline OUT.json [package…]   no-unused-vars alone (wall-time cross-check)
//   node bench/phase.js configs  OUT.json [package…]   crash check + findings at the other configs
//   node bench/phase.js typed    OUT.json PACKAGE baseline|plugin   typed mode (projectService + no-floating-promises)
//   node bench/phase.js typedConfigs OUT.json PACKAGE         crash check + findings at the typed configs
//   node --expose-gc bench/phase.js memory OUT.json ROUNDS with|without [package…]
//
// Writes its result as JSON to OUT.json. Rule crashes are recorded in the result, never thrown.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ensureCorpus } from './corpus.js';
import {
  benchRules,
  crashConfigs,
  typedCrashConfigs,
  plugin,
  collectMessages,
  corpusConfig,
  createESLint,
  lintWithCrashCapture,
  PLUGIN_RULE_IDS,
  sumStats,
  writeTypedTsconfig,
} from './lint.js';

const [phase, out, ...args] = process.argv.slice(2);

/**
 * The plugin's own counters of cross-file reads (imported project modules read and parsed), from the
 * same dist/ module instance the rules use; null if this build has none.
 */
let crossFileStats = null;
try {
  ({ crossFileStats } = await import('../dist/analysis/resolve/project-modules.js'));
} catch {
  crossFileStats = null;
}
const crossFile = () => (crossFileStats ? { ...crossFileStats } : null);

function memory() {
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss, maxRSS: process.resourceUsage().maxRSS * 1024 };
}

function progress(label) {
  return (done, total) => process.stderr.write(`\r${label}: ${done}/${total} files   `);
}

/**
 * Lint each package in turn with one ESLint instance; time each package's wall clock and read the
 * process's memory after it (peak RSS so far: the peak of the whole run up to that package).
 */
async function lintPackages(packages, rules, { stats = true, label = '' } = {}) {
  const eslint = createESLint(corpusConfig(packages, { rules }), { stats });
  const perPackage = [];
  const crashes = [];
  const fatal = [];
  const findings = [];
  for (const pkg of packages) {
    const start = performance.now();
    const run = await lintWithCrashCapture(eslint, pkg.files, { onBatch: progress(`${label}${pkg.name}`) });
    const wall = performance.now() - start;
    process.stderr.write('\n');
    const messages = collectMessages(run.results);
    perPackage.push({
      name: pkg.name,
      files: run.results.length,
      lines: pkg.lines,
      wall,
      stats: sumStats(run.results),
      memory: memory(),
      findings: messages.findings.length,
      crossFile: crossFile(),
    });
    crashes.push(...run.crashes);
    fatal.push(...messages.fatal);
    findings.push(...messages.findings);
  }
  return { perPackage, crashes, fatal, findings };
}

async function main(withPlugin) {
  const packages = ensureCorpus(args);
  const start = performance.now();
  const run = await lintPackages(packages, benchRules({ withPlugin }));
  const wall = performance.now() - start;
  return { ...run, wall, pluginRules: PLUGIN_RULE_IDS, memory: memory(), crossFile: crossFile() };
}

/**
 * The crash check at the plugin's other configs (`crashConfigs()`: strict, `all` with every option
 * on, …; `all` itself is the main run's config), plugin rules only, without ESLint's statistics.
 * Records each config's wall time, crashes, parse errors and findings.
 */
async function configs() {
  const packages = ensureCorpus(args);
  const runs = [];
  for (const config of crashConfigs().slice(1)) {
    const start = performance.now();
    const run = await lintPackages(packages, config.rules, { stats: false, label: `[${config.name}] ` });
    const wall = performance.now() - start;
    const findings = run.findings.map((f) => ({ ...f, config: config.name }));
    runs.push({ config, wall, files: run.perPackage.reduce((s, p) => s + p.files, 0), crashes: run.crashes, fatal: run.fatal, findings });
  }
  return { runs, memory: memory() };
}

/**
 * One TypeScript package through the TypeScript project service. `baseline`: typescript-eslint's own
 * typed lint, its typed parse (the program, `parserServices`) with one typed rule of its own
 * (TYPED_BASELINE_RULE) that asks the checker about every call; `plugin`: the same plus the plugin's
 * `all-type-checked` config. The difference is what the plugin adds to a typed lint.
 */
export const TYPED_BASELINE_RULE = '@typescript-eslint/no-floating-promises';

async function typed(name, mode) {
  const withPlugin = mode === 'plugin';
  const [pkg] = ensureCorpus([name]);
  const tsconfigRootDir = writeTypedTsconfig(pkg);
  const { default: tsPlugin } = await import('@typescript-eslint/eslint-plugin');
  const rules = { [TYPED_BASELINE_RULE]: 'error', ...(withPlugin ? plugin.configs['all-type-checked'].rules : {}) };
  const eslint = createESLint(corpusConfig([pkg], { rules, typed: { tsconfigRootDir }, plugins: { '@typescript-eslint': tsPlugin } }));
  const start = performance.now();
  const run = await lintWithCrashCapture(eslint, pkg.files, { onBatch: progress(`typed ${name} ${mode}`) });
  const wall = performance.now() - start;
  process.stderr.write('\n');
  const messages = collectMessages(run.results);
  return {
    package: name,
    mode,
    files: run.results.length,
    wall,
    stats: sumStats(run.results),
    crashes: run.crashes,
    fatal: messages.fatal,
    findings: messages.findings.length,
    memory: memory(),
    crossFile: crossFile(),
  };
}

/** The crash check at every typed config (`typedCrashConfigs()`) on one TypeScript package, typed. */
async function typedConfigs(name) {
  const [pkg] = ensureCorpus([name]);
  const tsconfigRootDir = writeTypedTsconfig(pkg);
  const runs = [];
  for (const config of typedCrashConfigs()) {
    const eslint = createESLint(corpusConfig([pkg], { rules: config.rules, typed: { tsconfigRootDir } }), { stats: false });
    const start = performance.now();
    const run = await lintWithCrashCapture(eslint, pkg.files, { onBatch: progress(`[${config.name}] ${name}`) });
    const wall = performance.now() - start;
    process.stderr.write('\n');
    const messages = collectMessages(run.results);
    const findings = messages.findings.map((f) => ({ ...f, config: config.name }));
    runs.push({ config, package: name, wall, files: run.results.length, crashes: run.crashes, fatal: messages.fatal, findings });
  }
  return { runs, memory: memory() };
}

/** Lint the same files ROUNDS times in one process; collect garbage and read the heap after each. */
async function rounds() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  const [count, mode, ...names] = args;
  const withPlugin = mode === 'with';
  const packages = ensureCorpus(names);
  const files = packages.flatMap((p) => p.files);
  const eslint = createESLint(corpusConfig(packages, { rules: benchRules({ withPlugin, control: false }) }));
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const perRound = [];
  const crashes = [];
  for (let round = 1; round <= Number(count); round++) {
    const start = performance.now();
    let run = await lintWithCrashCapture(eslint, files, { onBatch: progress(`round ${round}`) });
    process.stderr.write('\n');
    const wall = performance.now() - start;
    crashes.push(...run.crashes);
    const findings = collectMessages(run.results).findings.length;
    run = null; // drop ESLint's results (they hold messages, not ASTs) before measuring
    // ESLint's Linter keeps the last file's SourceCode (AST, tokens, scopes) for getSourceCode();
    // lint an empty text so that what it keeps is tiny, not the last corpus file.
    await eslint.lintText('', { filePath: files[0] });
    globalThis.gc();
    globalThis.gc();
    perRound.push({ round, files: files.length, wall, findings, heapUsed: process.memoryUsage().heapUsed });
  }
  return { mode, packages: packages.map((p) => p.name), before, perRound, crashes, memory: memory() };
}

let result;
switch (phase) {
  case 'main':
    result = await main(true);
    break;
  case 'baseline':
    result = await main(false);
    break;
  case 'configs':
    result = await configs();
    break;
  case 'typed':
    result = await typed(args[0], args[1]);
    break;
  case 'typedConfigs':
    result = await typedConfigs(args[0]);
    break;
  case 'memory':
    result = await rounds();
    break;
  default:
    throw new Error(`unknown phase ${phase}`);
}
writeFileSync(out, JSON.stringify(result, null, 1));
