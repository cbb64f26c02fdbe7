// `npm run bench`: speed, memory and crash-freedom of the plugin on real code nobody here wrote.
//
//   node bench/run.js [--rounds N] [--only three,rxjs] [--skip-memory] [--skip-typed]
//
// Each measurement runs in its own Node process (bench/phase.js), so that each has its own peak
// memory and JIT state. Writes docs/performance.md and docs/corpus-findings.md. Exits non-zero if
// any rule threw on any corpus file, or a corpus file failed to parse (the rules never saw it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './corpus.js';
import { writeFindingsDoc } from './findings-doc.js';
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
const only = value('--only', '')
  .split(',')
  .filter(Boolean);

/** Run one phase in a child process and return its JSON result. */
function phase(name, args = [], nodeFlags = []) {
  const out = join(cacheDir, `${[name, ...args].join('-').replace(/[^\w.@+-]/g, '_')}.json`);
  process.stderr.write(`\nbench: ${name} ${args.join(' ')}\n`);
  const child = spawnSync(process.execPath, [...nodeFlags, join(here, 'phase.js'), name, out, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench phase ${name} exited with ${child.status ?? child.signal}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const started = new Date();
const loadBefore = os.loadavg();
const corpus = ensureCorpus(only);
const names = corpus.map((p) => p.name);

const main = phase('main', names);
const variants = phase('variants', names);
const baseline = phase('baseline', names);

let typed = null;
if (!flag('--skip-typed') && names.includes('rxjs')) {
  // Alternate without/with twice; the faster of each pair is reported (the first run warms the disk cache).
  const runs = [];
  for (let i = 0; i < 2; i++) runs.push(phase('typed', ['without']), phase('typed', ['with']));
  typed = { runs };
}

let memory = null;
if (!flag('--skip-memory')) {
  memory = {
    with: phase('memory', [String(rounds), 'with', ...names], ['--expose-gc']),
    without: phase('memory', [String(rounds), 'without', ...names], ['--expose-gc']),
  };
}

const crashes = [
  ...main.crashes,
  ...variants.runs.flatMap((r) => r.crashes),
  ...(typed?.runs.flatMap((r) => r.crashes) ?? []),
  ...(memory ? [...memory.with.crashes, ...memory.without.crashes] : []),
];
const fatal = [...main.fatal, ...variants.runs.flatMap((r) => r.fatal), ...(typed?.runs.flatMap((r) => r.fatal) ?? [])];

const findings = [
  ...main.findings.map((f) => ({ ...f, options: 'default' })),
  ...variants.runs.flatMap((run) =>
    run.findings.map((f) => ({ ...f, options: JSON.stringify(run.variant[f.rule] ?? {}) })),
  ),
];

writePerformanceDoc({ load: { before: loadBefore, after: os.loadavg() }, started, corpus, main, baseline, typed, memory, crashes, fatal, findings, partial: only.length > 0 });
writeFindingsDoc({ corpus, findings, variants: variants.runs.map((r) => r.variant) });

for (const crash of crashes) console.error(`CRASH ${crash.rule ?? '?'} on ${crash.file}:${crash.line ?? '?'}: ${crash.message}`);
for (const error of fatal) console.error(`PARSE ERROR ${error.file}:${error.line}: ${error.message}`);
console.error(
  `\nbench: ${crashes.length} crash(es), ${fatal.length} parse error(s), ${findings.length} finding(s); wrote docs/performance.md and docs/corpus-findings.md`,
);
process.exitCode = crashes.length > 0 || fatal.length > 0 ? 1 : 0;
