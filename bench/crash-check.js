// `npm run bench:smoke`: the CI crash check. Lints a small slice of the corpus (three/src by default)
// with every plugin rule, at default options and with each option variant, and fails on any
// exception from a rule or any file that does not parse. No timings: CI machines are too noisy.
//
//   node bench/crash-check.js [package…]
import { performance } from 'node:perf_hooks';
import { ensureCorpus } from './corpus.js';
import { benchRules, collectMessages, corpusConfig, createESLint, lintWithCrashCapture, variantRuns } from './lint.js';

const names = process.argv.slice(2);
const packages = ensureCorpus(names.length ? names : ['three']);
const files = packages.flatMap((p) => p.files);
const configs = [
  { label: 'default options', rules: benchRules({ control: false, baseline: false }) },
  ...variantRuns().map((variant) => ({
    label: JSON.stringify(variant),
    rules: benchRules({ variant, control: false, baseline: false }),
  })),
];

let failures = 0;
for (const { label, rules } of configs) {
  const start = performance.now();
  const eslint = createESLint(corpusConfig(packages, { rules }));
  const { results, crashes } = await lintWithCrashCapture(eslint, files);
  const { fatal, findings } = collectMessages(results);
  for (const c of crashes) console.error(`CRASH ${c.rule ?? '?'} on ${c.file}:${c.line ?? '?'}: ${c.message}\n${c.stack}`);
  for (const f of fatal) console.error(`PARSE ERROR ${f.file}:${f.line}: ${f.message}`);
  failures += crashes.length + fatal.length;
  console.log(
    `crash-check [${label}]: ${results.length}/${files.length} files of ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}, ` +
      `${crashes.length} crash(es), ${fatal.length} parse error(s), ${findings.length} finding(s), ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}
process.exitCode = failures > 0 ? 1 : 0;
