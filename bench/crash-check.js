// `npm run bench:smoke`: the CI crash check. Lints a few hundred real files of the corpus (SMOKE_PACKAGES)
// with every plugin config the crash check knows (`crashConfigs()`: all, strict, and `all` with every
// option on) and fails on any exception from a rule or any file that does not parse; each crash is
// printed with its file and stack. No timings: CI machines are too noisy.
//
//   node bench/crash-check.js [--packages three,rxjs]
import { performance } from 'node:perf_hooks';
import { ensureCorpus, selectedPackageNames } from './corpus.js';
import { collectMessages, corpusConfig, crashConfigs, createESLint, lintWithCrashCapture } from './lint.js';

/**
 * Small and varied: compiled decorators (NestJS), TypeScript decorators (MobX, vue-facing-decorator),
 * a memoizer library and its users (Fluent UI utilities), template caches (lit-html). 486 files.
 */
export const SMOKE_PACKAGES = ['@nestjs/core', 'mobx', '@fluentui/utilities', 'lit-html', 'vue-facing-decorator'];

const names = selectedPackageNames();
const packages = ensureCorpus(names.length ? names : SMOKE_PACKAGES);
const files = packages.flatMap((p) => p.files);

let failures = 0;
for (const { name, rules, sameAs } of crashConfigs()) {
  const start = performance.now();
  const eslint = createESLint(corpusConfig(packages, { rules }), { stats: false });
  const { results, crashes } = await lintWithCrashCapture(eslint, files);
  const { fatal, findings } = collectMessages(results);
  for (const c of crashes) console.error(`CRASH ${c.rule ?? '?'} on ${c.file}:${c.line ?? '?'}: ${c.message}\n${c.stack}`);
  for (const f of fatal) console.error(`PARSE ERROR ${f.file}:${f.line}: ${f.message}`);
  failures += crashes.length + fatal.length;
  console.log(
    `crash-check [${[name, ...sameAs].join(' = ')}]: ${results.length}/${files.length} files of ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}, ` +
      `${crashes.length} crash(es), ${fatal.length} parse error(s), ${findings.length} finding(s), ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}
process.exitCode = failures > 0 ? 1 : 0;
