// Writes docs/performance.md from the bench phases' results.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { isTypeScript as isTs, packageGlobs } from './corpus.js';
import { BASELINE_RULE, controlIdOf, plugin } from './lint.js';
import {
  crashSection,
  crossFileSection,
  int,
  mb,
  memorySection,
  ms,
  oxlintSection,
  pct,
  pluginHeapGrowthPerFile,
  profileSection,
  table,
  typedSection,
  typedSummary,
  yes,
} from './performance-sections.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function machine(load) {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return [
    ['CPU', `${cpus[0]?.model.trim() ?? 'unknown'}`],
    ['Cores (logical)', String(cpus.length)],
    ['Memory', `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`],
    ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
    ['Load average (1 min) at start / end', `${load.before[0].toFixed(1)} / ${load.after[0].toFixed(1)} (other work on the machine shares its cores)`],
    ['Node', process.version],
    ['ESLint', ESLint.version],
    ['@typescript-eslint/parser', require('@typescript-eslint/parser/package.json').version],
    ['TypeScript', require('typescript').version],
    ['Plugin', `${plugin.meta.name} ${plugin.meta.version} (commit ${commit})`],
  ];
}

/** Totals over all packages of the main run. */
function totals(main) {
  const rules = {};
  let parse = 0;
  let files = 0;
  let lines = 0;
  for (const p of main.perPackage) {
    parse += p.stats.parse;
    files += p.files;
    lines += p.lines;
    for (const [id, t] of Object.entries(p.stats.rules)) rules[id] = (rules[id] ?? 0) + t;
  }
  const pluginRaw = main.pluginRules.reduce((s, id) => s + (rules[id] ?? 0), 0);
  const control = main.pluginRules.reduce((s, id) => s + (rules[controlIdOf(id)] ?? 0), 0);
  return { rules, parse, files, lines, pluginRaw, control, pluginNet: pluginRaw - control, baseline: rules[BASELINE_RULE] ?? 0 };
}

const short = (id) => id.replace(/^memo-leak\//, '');

function packageRow(p, ids) {
  const raw = ids.reduce((s, id) => s + (p.stats.rules[id] ?? 0), 0);
  const nuv = p.stats.rules[BASELINE_RULE] ?? 0;
  return [
    `\`${p.name}\``,
    int(p.files),
    int(p.lines),
    ms(p.wall),
    int(p.files / (p.wall / 1000)),
    int(p.lines / (p.wall / 1000)),
    ms(p.stats.parse),
    ms(nuv),
    ms(raw),
    nuv ? pct(raw / nuv) : '–',
    pct(raw / p.wall),
    mb(p.memory.maxRSS),
  ];
}

function packageRuleRow(p, ids) {
  const nuv = p.stats.rules[BASELINE_RULE] ?? 0;
  const times = ids.map((id) => p.stats.rules[id] ?? 0);
  const slowest = ids[times.indexOf(Math.max(...times))];
  return [`\`${p.name}\``, ...times.map((t) => `${ms(t)}${nuv ? ` (${pct(t / nuv)})` : ''}`), ms(nuv), `\`${short(slowest)}\``];
}

/** Typed runs whose cached results were written after the run ended were redone on their own. */
function redoneNote(typed, started, duration) {
  const end = started.getTime() + duration;
  const redone = (typed?.runs ?? []).filter((r) => r.writtenAt && Date.parse(r.writtenAt) > end + 60_000);
  if (redone.length === 0) return [];
  const last = redone.map((r) => r.writtenAt).sort().at(-1);
  return [
    `- The ${redone.length} typed runs above were redone on their own (\`node bench/phase.js typed …\`, last at ${last.slice(11, 16)} UTC),`,
    '  after the full run, whose cache kept only the last run of each kind; the other sections are from the full run.',
  ];
}

function includeNotes(file) {
  const path = join(root, 'bench', file);
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [`(bench/${file} is missing)`];
}

export function writePerformanceDoc({ load, started, duration, corpus, main, configs, baseline, oxlint, typed, memory, configList, crashes, fatal, findings, partial }) {
  const t = totals(main);
  const ids = main.pluginRules;
  const ruleRows = ids.map((id) => {
    const raw = t.rules[id] ?? 0;
    const control = t.rules[controlIdOf(id)] ?? 0;
    return [`\`${id}\``, ms(raw), ms(control), ms(raw - control), pct(raw / t.baseline), pct(raw / main.wall)];
  });
  ruleRows.push(['**all plugin rules**', ms(t.pluginRaw), ms(t.control), ms(t.pluginNet), pct(t.pluginRaw / t.baseline), pct(t.pluginRaw / main.wall)]);
  ruleRows.push([`core \`${BASELINE_RULE}\``, ms(t.baseline), '–', '–', '100 %', pct(t.baseline / main.wall)]);

  const shareOfBaseline = t.pluginRaw / t.baseline;
  const shareOfWall = t.pluginRaw / main.wall;
  const memoryOk = memory ? pluginHeapGrowthPerFile(memory) < 100 : null;
  const typedWorst = typedSummary(typed).sort((a, b) => b.ruleExtra - a.ruleExtra)[0];
  const biggest = [...main.perPackage].sort((a, b) => b.lines - a.lines)[0];
  // The corpus as pinned; t.files counts the files ESLint returned a result for (a crashed file has none).
  const corpusFiles = corpus.reduce((sum, p) => sum + p.files.length, 0);

  const lines = [
    '# Performance on real code',
    '',
    `<!-- Generated by \`npm run bench\` (bench/run.js) on ${started.toISOString().slice(0, 10)}. Do not edit by hand: rerun the bench.`,
    '     Hand-written parts live in bench/speed-notes.md and bench/profile-summary.md. -->',
    '',
    'How much the plugin costs, and whether it ever crashes, on pinned npm packages that nobody here wrote.',
    '`npm run bench` fetches them with `npm pack` into the git-ignored `bench/corpus/`, lints them with the',
    "built plugin (`dist/`) through ESLint's Node API with `stats: true`, and rewrites this page and",
    '[corpus-findings.md](corpus-findings.md). No project ESLint config is read (`overrideConfigFile: true`) and',
    'inline `eslint-disable` comments in the corpus are ignored (`noInlineConfig`), so every rule sees every line.',
    `This run took ${(duration / 60000).toFixed(1)} min in all. \`--packages a,b\` (or \`BENCH_PACKAGES\`) limits it to some packages.`,
    partial ? '\n> **Partial run** (`--packages`): the figures below cover only part of the corpus.' : '',
    '',
    '## Machine',
    '',
    table(['', ''], machine(load)),
    '',
    '## Corpus',
    '',
    `${corpus.length} packages, ${int(corpusFiles)} files, ${int(t.lines)} lines. Each is pinned to an exact version with the`,
    'file count its globs gave when it was pinned (bench/corpus.js); the bench stops if a package gives another count.',
    '',
    table(
      ['Package', 'Version', 'Included', 'Parser', 'Files', 'Lines', 'Why it is here'],
      [
        ...corpus.map((p) => [
          `\`${p.name}\``,
          p.version,
          packageGlobs(p).map((g) => `\`${g}\``).join(' '),
          isTs(p) ? '@typescript-eslint/parser' : `espree, ${p.sourceType ?? 'module'}`,
          int(p.files.length),
          int(p.lines),
          p.why ?? '',
        ]),
        ['**total**', '', '', '', int(corpusFiles), int(t.lines), ''],
      ],
    ),
    '',
    '## Targets',
    '',
    table(
      ['Target', 'Measured', 'Result'],
      [
        ['corpus ≥ 10,000 real source files', int(corpusFiles), yes(corpusFiles >= 10_000)],
        [`all plugin rules ≤ 50 % of core \`${BASELINE_RULE}\``, pct(shareOfBaseline), yes(shareOfBaseline <= 0.5)],
        ['all plugin rules ≤ 2 % of ESLint wall time', pct(shareOfWall), yes(shareOfWall <= 0.02)],
        [
          'typed mode ≤ 5 % over typescript-eslint\'s typed baseline',
          typedWorst
            ? `${pct(typedWorst.ruleExtra)} (\`${typedWorst.name}\`, worst package)${typed.runs.some((r) => r.crashes.length) ? '; a rule crashed in the typed runs' : ''}`
            : 'skipped',
          typedWorst ? yes(typedWorst.ruleExtra <= 0.05 && typed.runs.every((r) => r.crashes.length === 0)) : '–',
        ],
        ['heap does not grow with files linted', memory ? 'see memory rounds' : 'skipped', memory ? yes(memoryOk) : '–'],
        ['zero rule crashes, at every config', `${crashes.length} crash(es), ${fatal.length} parse error(s)`, yes(crashes.length === 0 && fatal.length === 0)],
      ],
    ),
    '',
    '## Time per rule',
    '',
    'One process lints the whole corpus once with every rule of `plugin.configs.all` next to core',
    `\`${BASELINE_RULE}\` (ESLint's own statistics, \`stats.times.passes[].rules[id].total\`, summed over files).`,
    `Wall time ${ms(main.wall)} for ${int(t.files)} files${t.files < corpusFiles ? ` (the ${int(corpusFiles - t.files)} on which a rule crashed have no statistics)` : ''}: **${int(t.files / (main.wall / 1000))} files/s**,`,
    `${int(t.lines / (main.wall / 1000))} lines/s; parsing (with scope analysis) is ${ms(t.parse)} of it.`,
    '',
    table(['Rule', 'Time', 'Timer cost (control)', 'Net', 'vs no-unused-vars', 'Share of wall'], ruleRows),
    '',
    'ESLint times every listener call of a rule with two `process.hrtime()` calls. The control column is a',
    'do-nothing rule with exactly the same listeners (it asks the real rule for its selectors), run in the same',
    'pass: it is what the measurement itself adds. Net = time − control. The targets use the raw time.',
    '',
    `Cross-check by wall clock: the same corpus with \`${BASELINE_RULE}\` alone took ${ms(baseline.wall)}, with the`,
    `plugin ${ms(main.wall)} (difference ${ms(main.wall - baseline.wall)}, ${pct((main.wall - baseline.wall) / baseline.wall)}).`,
    'On this machine (two shared cores) two runs of the same config differ by up to tens of percent, so this',
    "difference is noise; ESLint's per-rule statistics are the measurement.",
    '',
    '### Per package',
    '',
    table(
      ['Package', 'Files', 'Lines', 'Wall', 'Files/s', 'Lines/s', 'Parse', 'no-unused-vars', 'Plugin', 'Plugin/nuv', 'Plugin/wall', 'Peak RSS so far'],
      main.perPackage.map((p) => packageRow(p, ids)),
    ),
    '',
    'Packages are linted in this order in one process; the first one also pays for warming up the JIT,',
    'which weighs more on its small per-file costs than on the totals. Peak RSS is the process\'s',
    '(`process.resourceUsage().maxRSS`) after the package: the peak of the run so far.',
    ...(main.crashes.length
      ? [
          '',
          `A batch of files in which a rule crashed is linted again file by file (the crashing file left out), so the wall times of ${[
            ...new Set(main.crashes.map((c) => `\`${c.file.replace(/@[^@/]+\/.*$/, '').replace('+', '/')}\``)),
          ].join(', ')} count part of their files twice.`,
        ]
      : []),
    '',
    'Per rule and package (time, and in brackets its share of `no-unused-vars` on that package):',
    '',
    table(['Package', ...ids.map((id) => `\`${short(id)}\``), 'no-unused-vars', 'Slowest rule'], main.perPackage.map((p) => packageRuleRow(p, ids))),
    '',
    '### Cross-file reads',
    '',
    ...crossFileSection(main),
    '',
    '## oxlint next to ESLint',
    '',
    ...oxlintSection(oxlint),
    '',
    '## What was tried for speed',
    '',
    ...includeNotes('speed-notes.md'),
    '',
    '## CPU profile',
    '',
    `\`node bench/profile.js\` runs the slowest rule of the last bench alone on the biggest package (by lines; in`,
    `this run \`${biggest.name}\`) under \`node --cpu-prof\` and prints the functions with the most self time.`,
    '',
    ...profileSection(),
    '',
    '## Peak memory',
    '',
    `- Main run (whole corpus, all rules): peak RSS ${mb(main.memory.maxRSS)} (\`process.resourceUsage().maxRSS\`),`,
    `  heap used at the end ${mb(main.memory.heapUsed)} (before any forced collection; ESLint's Linter keeps the`,
    "  last file's SourceCode).",
    `- Same corpus with \`${BASELINE_RULE}\` alone: peak RSS ${mb(baseline.memory.maxRSS)}.`,
    `- Crash-check configs (one process, plugin rules only): peak RSS ${mb(configs.memory.maxRSS)}.`,
    '',
    '## Typed mode',
    '',
    ...typedSection(typed),
    ...redoneNote(typed, started, duration),
    '',
    '## Memory over a long run',
    '',
    ...memorySection(memory),
    '',
    '## Crashes',
    '',
    ...crashSection({ main, configs, typed, configList, crashes, fatal }),
    '',
    '## Findings',
    '',
    `${new Set(findings.map((f) => `${f.file}:${f.line}:${f.rule}`)).size} site(s) reported on the corpus at one config or more (${findings.length} reports over all configs); each is listed and judged in [corpus-findings.md](corpus-findings.md).`,
    '',
  ];
  writeFileSync(join(root, 'docs', 'performance.md'), lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n'));
}
