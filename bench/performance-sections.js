// Sections of docs/performance.md that read one bench phase each: typed mode, oxlint, memory rounds,
// crash check per config, CPU profile. Each returns a list of Markdown lines.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { plugin } from './lint.js';

const here = dirname(fileURLToPath(import.meta.url));

export const ms = (n) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`);
export const pct = (n) => `${(100 * n).toFixed(Math.abs(n) < 0.01 ? 2 : 1)} %`;
export const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
export const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
export const int = (n) => Math.round(n).toLocaleString('en-US');
export const yes = (ok) => (ok ? '**met**' : '**not met**');

export function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const TYPED_BASELINE_RULE = '@typescript-eslint/no-floating-promises';

const pluginTime = (stats) =>
  Object.entries(stats.rules)
    .filter(([id]) => id.startsWith('memo-leak/'))
    .reduce((s, [, t]) => s + t, 0);

/** Per typed package: the best wall time of each mode, the difference, and the plugin's own rule time. */
export function typedSummary(typed) {
  if (!typed) return [];
  return typed.packages.map((name) => {
    const runs = typed.runs.filter((r) => r.package === name);
    const best = (mode) => runs.filter((r) => r.mode === mode).sort((a, b) => a.wall - b.wall)[0];
    const base = best('baseline');
    const withPlugin = best('plugin');
    const rules = pluginTime(withPlugin.stats);
    return {
      name,
      base,
      withPlugin,
      rules,
      baselineRule: base.stats.rules[TYPED_BASELINE_RULE] ?? 0,
      wallExtra: (withPlugin.wall - base.wall) / base.wall,
      ruleExtra: rules / base.wall,
    };
  });
}

export function typedSection(typed) {
  if (!typed) return ['Typed mode was skipped in this run.'];
  const summary = typedSummary(typed);
  const rows = typed.runs.map((r, i) => [
    String(i + 1),
    `\`${r.package}\``,
    r.mode === 'plugin' ? 'baseline + `all-type-checked`' : 'baseline',
    int(r.files),
    ms(r.wall),
    ms(r.stats.parse),
    ms(r.stats.rules[TYPED_BASELINE_RULE] ?? 0),
    r.mode === 'plugin' ? ms(pluginTime(r.stats)) : '–',
    String(r.findings),
    mb(r.memory.maxRSS),
  ]);
  return [
    "The baseline is typescript-eslint's own typed lint: `@typescript-eslint/parser` with",
    '`parserOptions.projectService` (it builds the TypeScript program and `parserServices` for every file) and',
    `one typed rule of typescript-eslint, \`${TYPED_BASELINE_RULE}\`, which asks the checker about every call.`,
    'The measured config adds the plugin\'s `all-type-checked` config (every rule, with',
    '`checkObjectKeys`, which asks the checker for key types). Each package gets a small generated',
    '`tsconfig.json` next to its sources (strict, `lib: esnext, dom`, `experimentalDecorators`, `include: ./**/*.ts`).',
    'Each run is its own process and builds its own program; baseline and plugin alternate twice per package.',
    '',
    table(['Run', 'Package', 'Config', 'Files', 'Wall', 'Parse (incl. program)', '`no-floating-promises`', 'Plugin rules', 'Findings', 'Peak RSS'], rows),
    '',
    table(
      ['Package', 'Best baseline', 'Best with plugin', 'Wall difference', 'Plugin rule time', 'Plugin rule time / baseline wall', 'Plugin / `no-floating-promises`'],
      summary.map((s) => [
        `\`${s.name}\``,
        ms(s.base.wall),
        ms(s.withPlugin.wall),
        `${ms(s.withPlugin.wall - s.base.wall)} (${pct(s.wallExtra)})`,
        ms(s.rules),
        pct(s.ruleExtra),
        s.baselineRule ? pct(s.rules / s.baselineRule) : '–',
      ]),
    ),
    '',
    ...[...new Set(typed.runs.filter((r) => r.crashes.length).map((r) => r.package))].map(
      (name) =>
        `- \`${name}\`: a rule crashed on a file in the runs with the plugin; its batch was linted again file by file, on a warm program, so those runs' wall and parse times are not comparable with the baseline's (and the crash fails the typed target).`,
    ),
    "- The plugin's extra cost (the target) is its rule time (ESLint's statistics) over the baseline's wall time; the wall",
    '  difference between two processes is shown too, but on two shared cores it moves by as much as the',
    '  plugin costs, in either direction.',
  ];
}

export function oxlintSection(oxlint) {
  if (!oxlint) return ['oxlint was skipped in this run.'];
  const [one] = oxlint.runs;
  const ids = Object.keys(plugin.configs.all.rules);
  const row = (label, threads, r) => [label, String(threads), int(r.files), ms(r.wall), int(r.files / (r.wall / 1000)), String(r.findings), ...ids.map((id) => String(r.byRule[id] ?? 0))];
  const others = oxlint.runs.flatMap((r) => r.errors);
  return [
    `The built plugin loaded into oxlint ${one.version} as a JS plugin (\`jsPlugins\` in a generated`,
    '`bench/.cache/oxlint/.oxlintrc.json`, bench/oxlint.js), with oxlint\'s own rules off and every memo-leak rule on',
    'with every option on, against ESLint with the same rules and options (the "all, every option on" crash-check',
    'run: one process, no statistics, no `no-unused-vars`). Same files, passed by path to both.',
    '',
    table(['Linter', 'Threads', 'Files', 'Wall', 'Files/s', 'Findings', ...ids.map((id) => `\`${id.replace('memo-leak/', '')}\``)], [
      row(`ESLint ${ESLint.version}`, 1, oxlint.eslint),
      ...oxlint.runs.map((r) => row(`oxlint ${r.version}`, r.threads, r)),
    ]),
    '',
    `- oxlint on one thread: ${pct(one.wall / oxlint.eslint.wall)} of ESLint's wall time.`,
    '- oxlint parses with its own parser and hands each file\'s AST to the JS plugin; it gives no',
    '  `parserServices` (no types), so a typed config cannot run there.',
    oxlint.runs.every((r) => r.findings === oxlint.eslint.findings)
      ? '- Both linters report the same number of findings.'
      : '- **The finding counts differ**: compare the per-rule columns (oxlint\'s scope analysis and parser are not ESLint\'s).',
    others.length
      ? `- oxlint printed ${others.length} diagnostic(s) that are not memo-leak findings (parse errors or plugin errors), e.g. ${others
          .slice(0, 3)
          .map((e) => `\`${e.file}\`: ${e.message}`)
          .join('; ')}.`
      : '- oxlint printed no other diagnostics (no parse or plugin errors).',
  ];
}

/** Heap growth per round: least-squares slope of heapUsed over the round number. */
function slope(run) {
  const points = run.perRound.map((r) => [r.round, r.heapUsed]);
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return num / den;
}

/** Does the heap grow because of the plugin? Less than 100 bytes per file linted is no retention of ASTs. */
export function pluginHeapGrowthPerFile(memory) {
  return (slope(memory.with) - slope(memory.without)) / memory.with.perRound[0].files;
}

export function memorySection(memory) {
  if (!memory) return ['The memory rounds were skipped in this run.'];
  const w = memory.with;
  const wo = memory.without;
  const rows = w.perRound.map((r, i) => {
    const o = wo.perRound[i];
    return [String(r.round), int(r.files), mb(r.heapUsed), o ? mb(o.heapUsed) : '–', o ? mb(r.heapUsed - o.heapUsed) : '–', ms(r.wall), o ? ms(o.wall) : '–'];
  });
  const filesPerRound = w.perRound[0].files;
  const attributable = slope(w) - slope(wo);
  const perFile = attributable / filesPerRound;
  return [
    `Part of the corpus (${w.packages.map((p) => `\`${p}\``).join(', ')}: ${int(filesPerRound)} files; the whole corpus`,
    `is too big to repeat on this machine) linted ${w.perRound.length} times over in one process with one \`ESLint\``,
    'instance (`node --expose-gc`), with every plugin rule and `no-unused-vars`, and again in a second process',
    'with `no-unused-vars` alone. After each round the results are dropped, `gc()` runs twice, and',
    "`process.memoryUsage().heapUsed` is read (after linting an empty text, so that the SourceCode ESLint's Linter",
    'keeps of its last file is not a corpus file).',
    '',
    table(['Round', 'Files', 'Heap with plugin', 'Heap without plugin', 'Difference', 'Wall with', 'Wall without'], rows),
    '',
    `- Heap before the first round: ${mb(w.before)} (with), ${mb(wo.before)} (without).`,
    `- Heap growth per round (least-squares slope over the rounds): ${kb(slope(w))} with the plugin, ${kb(slope(wo))}`,
    `  without it. The plugin's share is ${kb(attributable)} per round of ${int(filesPerRound)} files: ${perFile.toFixed(1)} bytes per file linted.`,
    '  One retained AST with its scopes is tens to hundreds of kilobytes, so a plugin that held on to ASTs, scopes',
    `  or programs would add that per file: ${
      perFile < 100
        ? '**the heap does not grow with the number of files linted because of the plugin**; the small growth that remains is the same without the plugin (ESLint and V8: compiled code, inline caches)'
        : '**the heap grows with the plugin loaded**: investigate'
    }.`,
    `- Peak RSS of the two processes: ${mb(w.memory.maxRSS)} with the plugin, ${mb(wo.memory.maxRSS)} without.`,
  ];
}

/** Crashes grouped by file, rule and message, with the configs at which each happened. */
function groupCrashes(crashes) {
  const groups = new Map();
  for (const c of crashes) {
    const key = `${c.file}\u0000${c.rule}\u0000${c.message}`;
    const g = groups.get(key) ?? { ...c, configs: [] };
    if (!g.configs.includes(c.config)) g.configs.push(c.config);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** One row per crash-check config: how many files, how long, what broke. */
export function crashSection({ main, configs, typed, configList, crashes, fatal }) {
  const mainFiles = main.perPackage.reduce((s, p) => s + p.files, 0);
  const rows = [
    [configList[0], mainFiles, main.wall, main.findings.length, 'main run (with statistics, control rules and `no-unused-vars`)'],
    ...configs.runs.map((r) => [r.config, r.files, r.wall, r.findings.length, 'plugin rules only, no statistics']),
    ...(typed?.configRuns ?? []).map((r) => [r.config, r.files, r.wall, r.findings.length, `typed (projectService), \`${r.package}\` only`, r.package]),
  ].map(([config, files, wall, findings, how, pkg]) => [
    `**${config.name}**${config.sameAs?.length ? ` (= ${config.sameAs.join(', ')})` : ''}`,
    int(files),
    ms(wall),
    String(crashes.filter((c) => c.config === config.name && (!pkg || c.file.startsWith(`${pkg.replace('/', '+')}@`))).length),
    String(findings),
    how,
  ]);
  return [
    'Every corpus file is linted at each of the plugin\'s untyped configs as shipped and at `all` with every',
    "boolean option of every rule's schema turned on (read from `meta.schema`, so new options are picked up) except",
    'those that need type information (`meta.docs.typeCheckedOptions`; a rule refuses them on an untyped file). The',
    'typed packages are linted again, typed, at each type-checked config and with every option on.',
    'Configs with identical rules and options run once. A batch that throws is linted again file by file, and any',
    'exception from a rule fails the bench (exit 1) and is printed with its file and stack.',
    '',
    table(['Config', 'Files linted', 'Wall', 'Crashes', 'Findings', 'Run'], rows),
    '',
    `This run: **${crashes.length} crash(es)** at ${groupCrashes(crashes).length} site(s), ${fatal.length} parse error(s) (typed runs and memory rounds included). Each crash's stack is printed by \`npm run bench\`.`,
    ...groupCrashes(crashes).map((g) => `- \`${g.rule ?? '?'}\` on \`${g.file}:${g.line ?? '?'}\`: ${g.message} (${g.configs.join('; ')})`),
    ...fatal.map((f) => `- parse error \`${f.file}:${f.line}\`: ${f.message}`),
    '',
    '`npm run bench:smoke` (bench/crash-check.js) runs the same configs on 486 files of five packages, for CI.',
  ];
}

/**
 * The CPU profile section: the hand-written summary in bench/profile-summary.md (where the time goes,
 * what was tried, what was kept), then the top self-time functions of the last `node bench/profile.js`
 * run if bench/.cache/profile.json is there.
 */
export function profileSection() {
  const summaryPath = join(here, 'profile-summary.md');
  const profilePath = join(here, '.cache', 'profile.json');
  const lines = [];
  if (existsSync(summaryPath)) lines.push(readFileSync(summaryPath, 'utf8').trim(), '');
  else lines.push('No summary yet: write it in `bench/profile-summary.md` (included here as it is).', '');
  if (existsSync(profilePath)) {
    const p = JSON.parse(readFileSync(profilePath, 'utf8'));
    lines.push(
      `Last \`node bench/profile.js\` (${p.date.slice(0, 10)}): \`${p.rule}\` alone on \`${p.package}\`${p.typed ? ' (typed mode)' : ''} (${int(p.files)} files) under`,
      `\`node --cpu-prof\`; ${ms(p.totalMs)} sampled, ${ms(p.pluginMs)} (${pct(p.pluginMs / p.totalMs)}) of it self time in the plugin's \`dist/\`,`,
      `${ms(p.listenerMs)} (${pct(p.listenerMs / p.totalMs)}) with a plugin function anywhere on the stack (the plugin with all it calls).`,
      'Top self time in the plugin (total = with its callees):',
      '',
      table(
        ['Function', 'Where', 'Self time', 'Share of samples', 'Total time'],
        p.topPlugin.map((f) => [`\`${f.name}\``, `\`${f.where}\``, ms(f.selfMs), pct(f.selfMs / p.totalMs), ms(f.totalMs)]),
      ),
    );
  } else {
    lines.push('No profile in this checkout (`bench/.cache/profile.json`): run `node bench/profile.js`.');
  }
  return lines;
}

/**
 * Cross-file reads: the plugin's own counters (`crossFileStats` of dist/analysis/resolve/project-modules.js),
 * read after each package of the main run; each package's row is the difference to the one before.
 */
export function crossFileSection(main) {
  if (!main.crossFile) return ['This build of the plugin has no cross-file counters (`crossFileStats`).'];
  const keys = ['resolved', 'read', 'parsed', 'skipped', 'failed', 'packageScans', 'packageFilesRead'];
  let before = Object.fromEntries([...keys, 'parseMs'].map((k) => [k, 0]));
  const rows = [];
  for (const p of main.perPackage) {
    const now = p.crossFile ?? before;
    const d = Object.fromEntries(Object.keys(before).map((k) => [k, (now[k] ?? 0) - (before[k] ?? 0)]));
    before = now;
    if (keys.some((k) => d[k] > 0)) rows.push([`\`${p.name}\``, ...keys.map((k) => int(d[k])), ms(d.parseMs), pct(d.parseMs / p.wall)]);
  }
  const t = main.crossFile;
  rows.push(['**total**', ...keys.map((k) => int(t[k])), ms(t.parseMs), pct(t.parseMs / main.wall)]);
  return [
    'Imports of other project modules that the untyped analysis follows: **resolved** (a specifier that names a',
    'file of the project), **read** from disk (once per file version; the cache holds a bounded number),',
    '**parsed** (once per version and parser), **skipped** (the text gave the question no reason to parse), **failed**',
    "(did not parse). **Scans** are reads of a package's files for where a decorator about to be reported is applied",
    '(only then), with the files they read. Parse time is inside the rules\' time above. Packages without any',
    'cross-file read are left out.',
    '',
    table(['Package', 'Resolved', 'Read', 'Parsed', 'Skipped', 'Failed', 'Scans', 'Scan reads', 'Parse time', 'Share of wall'], rows),
  ];
}
