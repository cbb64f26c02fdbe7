// CPU profile of one plugin rule on one corpus package: lints the package with that rule alone (no
// statistics, no other rule) in a child `node --cpu-prof`, reads the .cpuprofile and prints the
// functions with the most self time, overall and in the plugin's dist/. Writes bench/.cache/profile.json,
// which docs/performance.md shows under "CPU profile" the next time the bench writes it.
//
//   node bench/profile.js [--rule memo-leak/no-instance-keyed-cache | --rule all] [--packages effect] [--top 25] [--typed]
//
// `--typed`: lint through the TypeScript project service (TypeScript packages only), with the rule at
// its `all-type-checked` options.
//
// Defaults: the rule with the most time in the last bench's main run (bench/.cache/main-*.json), and
// the biggest package of the corpus by lines. Build first (`npm run build`): it profiles dist/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, PACKAGES, selectedPackageNames } from './corpus.js';
import { inclusiveTime, selfTimes } from './cpu-profile.js';
import { corpusConfig, createESLint, isTypeScriptPackage, lintWithCrashCapture, plugin, PLUGIN_RULE_IDS, writeTypedTsconfig } from './lint.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cacheDir = join(here, '.cache');
const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

/** The plugin rule with the most time in the newest main-run result, or null. */
function slowestRuleOfLastBench() {
  let files = [];
  try {
    files = readdirSync(cacheDir).filter((f) => f.startsWith('main-') && f.endsWith('.json'));
  } catch {
    return null;
  }
  files.sort((a, b) => statSync(join(cacheDir, b)).mtimeMs - statSync(join(cacheDir, a)).mtimeMs);
  if (!files[0]) return null;
  const main = JSON.parse(readFileSync(join(cacheDir, files[0]), 'utf8'));
  const totals = {};
  for (const p of main.perPackage) for (const id of PLUGIN_RULE_IDS) totals[id] = (totals[id] ?? 0) + (p.stats.rules[id] ?? 0);
  return Object.entries(totals).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The corpus package with the most lines (TypeScript only when `typed`), fetching the corpus if needed. */
function biggestPackage(typed) {
  const names = PACKAGES.filter((p) => !typed || isTypeScriptPackage(p.name)).map((p) => p.name);
  return ensureCorpus(names).sort((a, b) => b.lines - a.lines)[0].name;
}

function where(url, line) {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = path.startsWith(root) ? relative(root, path) : path;
  return `${rel.replace(/^node_modules\//, '')}:${line}`;
}

if (argv[0] === '--child') {
  // In the profiled process: lint the package with the one rule.
  const [, rule, name, mode] = argv;
  const [pkg] = ensureCorpus([name]);
  const typed = mode === 'typed' ? { tsconfigRootDir: writeTypedTsconfig(pkg) } : null;
  // `all`: every plugin rule together, as users run them (they share per-file analysis).
  const ids = rule === 'all' ? PLUGIN_RULE_IDS : [rule];
  const rules = Object.fromEntries(ids.map((id) => [id, typed ? plugin.configs['all-type-checked'].rules[id] : 'error']));
  const eslint = createESLint(corpusConfig([pkg], { rules, typed }), { stats: false });
  const { results, crashes } = await lintWithCrashCapture(eslint, pkg.files);
  process.stdout.write(JSON.stringify({ files: results.length, crashes: crashes.length }));
} else {
  const rule = value('--rule', null) ?? slowestRuleOfLastBench() ?? PLUGIN_RULE_IDS[0];
  if (rule !== 'all' && !PLUGIN_RULE_IDS.includes(rule)) throw new Error(`unknown rule ${rule}; one of all, ${PLUGIN_RULE_IDS.join(', ')}`);
  const typed = argv.includes('--typed');
  const name = selectedPackageNames(argv)[0] ?? biggestPackage(typed);
  if (typed && !isTypeScriptPackage(name)) throw new Error(`--typed needs a TypeScript package; ${name} is not one`);
  const top = Number(value('--top', '25'));
  const profDir = join(cacheDir, 'cpuprofile');
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  process.stderr.write(`profile: ${rule} alone on ${name}${typed ? ' (typed)' : ''} under node --cpu-prof\n`);
  const child = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${profDir}`, fileURLToPath(import.meta.url), '--child', rule, name, typed ? 'typed' : 'untyped'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`profiled child exited with ${child.status ?? child.signal}`);
  const { files, crashes } = JSON.parse(child.stdout);
  const [profileFile] = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(profDir, profileFile), 'utf8'));
  const times = selfTimes(profile);
  const totalMs = times.reduce((s, f) => s + f.selfMs, 0);
  const distUrl = `file://${join(root, 'dist')}/`;
  // Samples with a plugin frame anywhere on the stack: the plugin's code with everything it calls.
  const listenerMs = inclusiveTime(profile, (url) => url.startsWith(distUrl));
  const inPlugin = times.filter((f) => f.url.startsWith(distUrl));
  const pluginMs = inPlugin.reduce((s, f) => s + f.selfMs, 0);
  const fmt = (f) => ({ name: f.name, where: where(f.url, f.line), selfMs: Number(f.selfMs.toFixed(1)), totalMs: Number(f.totalMs.toFixed(1)) });
  const result = {
    date: new Date().toISOString(),
    rule,
    package: name,
    typed,
    files,
    crashes,
    totalMs,
    pluginMs,
    listenerMs,
    profile: relative(root, join(profDir, profileFile)),
    top: times.slice(0, top).map(fmt),
    topPlugin: inPlugin.slice(0, top).map(fmt),
  };
  writeFileSync(join(cacheDir, 'profile.json'), JSON.stringify(result, null, 1));
  const print = (title, list) => {
    console.log(`\n${title}`);
    console.log('  self ms  self %   total ms  function  where');
    for (const f of list) console.log(`${f.selfMs.toFixed(1).padStart(9)}  ${((100 * f.selfMs) / totalMs).toFixed(1).padStart(6)}  ${f.totalMs.toFixed(1).padStart(9)}  ${f.name}  ${f.where}`);
  };
  console.log(
    `${rule} alone on ${name}${typed ? ' (typed)' : ''}: ${files} files, ${crashes} crash(es); ${totalMs.toFixed(0)} ms sampled, ${pluginMs.toFixed(0)} ms (${((100 * pluginMs) / totalMs).toFixed(1)} %) self time in dist/, ${listenerMs.toFixed(0)} ms in the rule's code with all it calls`,
  );
  print(`Top ${top} self time, whole process:`, result.top);
  print(`Top ${top} self time in the plugin (dist/):`, result.topPlugin);
  console.log(`\nprofile: ${result.profile} (open in Chrome DevTools > Performance); summary in bench/.cache/profile.json`);
}
