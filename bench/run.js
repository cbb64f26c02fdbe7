// `npm run bench`: speed, memory and crash-freedom of the plugin on real code nobody here wrote.
//
//   node bench/run.js [--packages three,rxjs] [--rounds N] [--skip-memory] [--skip-typed] [--skip-oxlint] [--docs-only]
//
// `--packages` (or `--only`, or BENCH_PACKAGES) limits the corpus, for trying the bench out; the docs
// then say that the run was partial. Each measurement runs in its own Node process (bench/phase.js),
// so that each has its own peak memory and JIT state. Writes docs/performance.md and
// docs/corpus-findings.md. Exits 1 if any rule threw on any corpus file at any config, or a corpus file
// failed to parse (the rules never saw it). `--docs-only` lints nothing: it rewrites the docs from the
// results the last run left in bench/.cache/ (same arguments), e.g. after a change to the doc generator.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, PACKAGES, selectedPackageNames } from './corpus.js';
import { writeFindingsDoc } from './findings-doc.js';
import { crashConfigs } from './lint.js';
import { runOxlint } from './oxlint.js';
import { writePerformanceDoc } from './performance-doc.js';

const here = dirname(fileURLToPath(import.meta.url));
const cacheDir = join(here, '.cache');
mkdirSync(cacheDir, { recursive: true });

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const rounds = Number(value('--rounds', '3'));
const only = selectedPackageNames(argv);
const docsOnly = flag('--docs-only');

/**
 * The heap-growth rounds lint this part of the corpus (2,651 files: TypeScript, CommonJS, ESM, compiled
 * decorators, memoizer-heavy code) several times over: the whole corpus would take too long to repeat
 * on this machine.
 */
export const MEMORY_PACKAGES = [
  'rxjs',
  'typeorm',
  '@fluentui/react',
  '@mui/x-data-grid',
  'mobx',
  '@nestjs/core',
  '@nestjs/common',
  'lit-html',
  '@microsoft/fast-element',
];

/** Run one phase in a child process and return its JSON result (`tag` tells repeated runs apart in the cache). */
function phase(name, args = [], nodeFlags = [], tag = '') {
  const out = join(cacheDir, `${[name, ...args].join('-').replace(/[^\w.@+-]/g, '_').slice(0, 120)}${tag}.json`);
  if (docsOnly) {
    if (!existsSync(out)) throw new Error(`--docs-only: no ${out} from an earlier run`);
    // A phase redone on its own after the run (`node bench/phase.js …`): the docs say when.
    return { ...JSON.parse(readFileSync(out, 'utf8')), writtenAt: statSync(out).mtime.toISOString() };
  }
  process.stderr.write(`\nbench: ${name} ${args.join(' ')}\n`);
  const child = spawnSync(process.execPath, [...nodeFlags, join(here, 'phase.js'), name, out, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench phase ${name} exited with ${child.status ?? child.signal}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const started = new Date();
const startedAt = performance.now();
const timingPath = join(cacheDir, `run-${only.join('_').replace(/[^\w.@+-]/g, '_') || 'all'}.json`);
const loadBefore = os.loadavg();
const corpus = ensureCorpus(only);
const names = corpus.map((p) => p.name);

const main = phase('main', names);
const configs = phase('configs', names);
const baseline = phase('baseline', names);

let oxlint = null;
if (!flag('--skip-oxlint')) {
  const allOptions = configs.runs.find((r) => r.config.name === 'all, every option on');
  const files = corpus.flatMap((p) => p.files);
  const out = join(cacheDir, `oxlint-${names.length}-${files.length}.json`);
  let runs;
  if (docsOnly) runs = JSON.parse(readFileSync(out, 'utf8'));
  else {
    process.stderr.write(`\nbench: oxlint on ${files.length} files (--threads=1, then every core)\n`);
    runs = [runOxlint(files, { threads: 1, rules: allOptions.config.rules }), runOxlint(files, { rules: allOptions.config.rules })];
    writeFileSync(out, JSON.stringify(runs, null, 1));
  }
  oxlint = {
    eslint: { wall: allOptions.wall, files: allOptions.files, findings: allOptions.findings.length, byRule: countByRule(allOptions.findings) },
    runs,
  };
}

let typed = null;
const typedPackages = PACKAGES.filter((p) => p.typed && names.includes(p.name)).map((p) => p.name);
if (!flag('--skip-typed') && typedPackages.length) {
  // Alternate baseline/plugin twice per package; the faster of each is reported (the first run warms
  // the disk cache).
  const runs = [];
  for (const name of typedPackages) {
    for (let i = 1; i <= 2; i++) runs.push(phase('typed', [name, 'baseline'], [], `-${i}`), phase('typed', [name, 'plugin'], [], `-${i}`));
  }
  // The crash check at every typed config, per typed package.
  const configRuns = typedPackages.flatMap((name) => phase('typedConfigs', [name]).runs);
  typed = { packages: typedPackages, runs, configRuns };
}

let memory = null;
if (!flag('--skip-memory')) {
  const memoryNames = only.length ? names : MEMORY_PACKAGES;
  memory = {
    with: phase('memory', [String(rounds), 'with', ...memoryNames], ['--expose-gc']),
    without: phase('memory', [String(rounds), 'without', ...memoryNames], ['--expose-gc']),
  };
}

function countByRule(findings) {
  const out = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

const crashes = [
  ...main.crashes.map((c) => ({ ...c, config: 'all' })),
  ...configs.runs.flatMap((r) => r.crashes.map((c) => ({ ...c, config: r.config.name }))),
  ...(typed?.runs.flatMap((r) => r.crashes.map((c) => ({ ...c, config: `typed ${r.mode}` }))) ?? []),
  ...(typed?.configRuns.flatMap((r) => r.crashes.map((c) => ({ ...c, config: r.config.name }))) ?? []),
  ...(memory ? [...memory.with.crashes, ...memory.without.crashes].map((c) => ({ ...c, config: 'memory rounds' })) : []),
];
const fatal = [
  ...main.fatal,
  ...configs.runs.flatMap((r) => r.fatal),
  ...(typed?.runs.flatMap((r) => r.fatal) ?? []),
  ...(typed?.configRuns.flatMap((r) => r.fatal) ?? []),
];

const findings = [
  ...main.findings.map((f) => ({ ...f, config: 'all' })),
  ...configs.runs.flatMap((run) => run.findings),
  ...(typed?.configRuns.flatMap((run) => run.findings) ?? []),
];
const typedConfigList = [...new Map((typed?.configRuns ?? []).map((r) => [r.config.name, r.config])).values()];
const configList = [crashConfigs()[0], ...configs.runs.map((r) => r.config), ...typedConfigList];

// The run's own start and length, kept so that --docs-only shows the figures of the run it reads.
let timing = { started: started.toISOString(), duration: performance.now() - startedAt, load: { before: loadBefore, after: os.loadavg() } };
if (docsOnly) timing = existsSync(timingPath) ? JSON.parse(readFileSync(timingPath, 'utf8')) : timing;
else writeFileSync(timingPath, JSON.stringify(timing));
const duration = timing.duration;
writePerformanceDoc({
  load: timing.load,
  started: new Date(timing.started),
  duration,
  corpus,
  main,
  configs,
  baseline,
  oxlint,
  typed,
  memory,
  configList,
  crashes,
  fatal,
  findings,
  partial: only.length > 0,
});
writeFindingsDoc({ corpus, findings, configs: configList });

for (const crash of crashes) {
  console.error(`CRASH [${crash.config}] ${crash.rule ?? '?'} on ${crash.file}:${crash.line ?? '?'}: ${crash.message}\n${crash.stack ?? ''}`);
}
for (const error of fatal) console.error(`PARSE ERROR ${error.file}:${error.line}: ${error.message}`);
console.error(
  `\nbench: ${crashes.length} crash(es), ${fatal.length} parse error(s), ${findings.length} finding(s) in ${(duration / 60000).toFixed(1)} min; wrote docs/performance.md and docs/corpus-findings.md`,
);
process.exitCode = crashes.length > 0 || fatal.length > 0 ? 1 : 0;
