// Shared by the bench phases: the ESLint configuration for the corpus, linting with crash capture,
// and reading ESLint's own timing statistics (`stats: true`).
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../dist/index.js';
import { CORPUS_DIR, isTypeScript, PACKAGES, packageDir } from './corpus.js';
import { distinctConfigs, everyOptionOn } from './options.js';

export { plugin };

/** Every rule of the plugin, as `config.all` turns them on (rules added later are picked up). */
export const PLUGIN_RULES = plugin.configs.all.rules;
export const PLUGIN_RULE_IDS = Object.keys(PLUGIN_RULES);
export const BASELINE_RULE = 'no-unused-vars';

/**
 * `plugin.configs.all` with every boolean option of every rule on; without `typed`, the options and
 * rules that need type information stay off.
 */
export function allOptionsRules({ typed = false } = {}) {
  const out = {};
  for (const id of Object.keys(PLUGIN_RULES)) {
    const rule = plugin.rules[id.replace(/^memo-leak\//, '')];
    if (!typed && rule.meta.docs?.requiresTypeChecking) continue;
    const options = everyOptionOn(rule, { typed });
    out[id] = options ? ['error', ...options] : 'error';
  }
  return out;
}

/**
 * The configs the crash check runs over the corpus: the plugin's untyped configs as shipped, and `all`
 * with every option on. Configs whose rules and options are identical are run once (`sameAs` names
 * the others). `all` at default options is the main run's config (with the timings), so the main run
 * is its crash check.
 */
export function crashConfigs() {
  const named = [
    ['all', PLUGIN_RULES],
    ['recommended', plugin.configs.recommended.rules],
    ['strict', plugin.configs.strict.rules],
    ['all, every option on', allOptionsRules()],
  ];
  return distinctConfigs(named);
}

/** The typed configs the crash check runs on the typed packages: as shipped, and every option on. */
export function typedCrashConfigs() {
  return distinctConfigs([
    ['all-type-checked', plugin.configs['all-type-checked'].rules],
    ['recommended-type-checked', plugin.configs['recommended-type-checked'].rules],
    ['strict-type-checked', plugin.configs['strict-type-checked'].rules],
    ['all-type-checked, every option on', allOptionsRules({ typed: true })],
  ]);
}

/**
 * ESLint's `stats` time every listener call with two `process.hrtime()` calls, which is not free
 * for a rule that listens on every CallExpression. Each control rule listens on exactly the
 * selectors of one plugin rule (it asks the real rule's `create()` for them) and does nothing, so
 * its time is what the measurement itself costs; plugin time minus control time is the net cost.
 */
function controlTwin(rule) {
  return {
    meta: { type: 'problem', schema: false },
    create(context) {
      const listeners = rule.create(context);
      return Object.fromEntries(Object.keys(listeners).map((selector) => [selector, () => {}]));
    },
  };
}

const CONTROL_NAMESPACE = 'bench-control';
export const controlPlugin = {
  meta: { name: 'bench-control' },
  rules: Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, controlTwin(rule)])),
};
/** `memo-leak/x` → `bench-control/x`. */
export function controlIdOf(ruleId) {
  return ruleId.replace(/^memo-leak\//, `${CONTROL_NAMESPACE}/`);
}

/** A file's path as shown in the docs: relative to bench/corpus/. */
export function corpusPath(file) {
  return relative(CORPUS_DIR, file).split('\\').join('/');
}

/** The glob, relative to the corpus folder, that picks the linted files of a package. */
function configGlobs(pkg) {
  const base = corpusPath(packageDir(pkg)) + (pkg.folder === '.' ? '' : `/${pkg.folder}`);
  if (pkg.only) return pkg.only.map((f) => `${base}/${f}`);
  return pkg.ext.map((ext) => `${base}/**/*${ext}`);
}

/**
 * Flat config blocks that lint `packages` with the given rules. TypeScript goes through
 * @typescript-eslint/parser (typed when `typed` is given), JavaScript through espree with the
 * package's module system. Inline `eslint-disable` comments in the corpus are ignored, so that they
 * neither hide code from the rules nor name rules that are not loaded here.
 */
export function corpusConfig(packages, { rules, typed = null, plugins = {} }) {
  const blocks = [
    {
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: { 'memo-leak': plugin, [CONTROL_NAMESPACE]: controlPlugin, ...plugins },
    },
  ];
  for (const pkg of packages) {
    const isTs = isTypeScript(pkg);
    blocks.push({
      files: configGlobs(pkg),
      ignores: ['**/*.d.ts'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: pkg.sourceType ?? 'module',
        ...(isTs
          ? {
              parser: tsParser,
              parserOptions: typed
                ? { projectService: true, tsconfigRootDir: typed.tsconfigRootDir }
                : {},
            }
          : {}),
      },
      rules,
    });
  }
  return blocks;
}

/**
 * The rules of a bench run: every plugin rule as `configs.all` sets it (or as `pluginRules` sets
 * them), its control twin, and core no-unused-vars.
 */
export function benchRules({ withPlugin = true, control = withPlugin, baseline = true, pluginRules = PLUGIN_RULES } = {}) {
  const rules = {};
  if (withPlugin) Object.assign(rules, pluginRules);
  if (control) for (const id of PLUGIN_RULE_IDS) rules[controlIdOf(id)] = 'error';
  if (baseline) rules[BASELINE_RULE] = 'error';
  return rules;
}

/**
 * Write a small tsconfig next to a TypeScript package's sources for typed mode, so that the project
 * service finds it before the package's own (which may have no `include` and would pull in the
 * published dist/ and its declarations). Returns the folder, for `tsconfigRootDir`.
 */
export function writeTypedTsconfig(pkg) {
  const dir = join(packageDir(pkg), pkg.folder);
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'esnext',
    lib: ['esnext', 'dom'],
    moduleResolution: 'node',
    experimentalDecorators: true,
    skipLibCheck: true,
    types: [],
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['./**/*.ts'] }, null, 2)}\n`);
  return dir;
}

export function createESLint(config, { stats = true } = {}) {
  return new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: config, stats, fix: false });
}

/** Pull the file and rule out of ESLint's "Occurred while linting FILE:LINE / Rule: ID" wrapper. */
function describeCrash(error, fallbackFile) {
  const message = String(error?.message ?? error);
  const where = /Occurred while linting (.+?)(?::(\d+))?\n/.exec(message);
  const rule = /Rule: "([^"]+)"/.exec(message);
  return {
    file: where ? corpusPath(where[1]) : fallbackFile ? corpusPath(fallbackFile) : '(unknown)',
    line: where?.[2] ? Number(where[2]) : null,
    rule: rule ? rule[1] : null,
    message: message.split('\n')[0],
    stack: String(error?.stack ?? '').split('\n').slice(0, 8).join('\n'),
  };
}

/**
 * Lint `files` in batches; a batch that throws (a rule crashed) is linted again file by file, so
 * that every crashing file is recorded and the others still count. Returns ESLint's results and the
 * crashes.
 */
export async function lintWithCrashCapture(eslint, files, { batchSize = 200, onBatch } = {}) {
  const results = [];
  const crashes = [];
  for (let i = 0; i < files.length; i += batchSize) {
    const batch = files.slice(i, i + batchSize);
    try {
      results.push(...(await eslint.lintFiles(batch)));
    } catch {
      for (const file of batch) {
        try {
          results.push(...(await eslint.lintFiles([file])));
        } catch (error) {
          crashes.push(describeCrash(error, file));
        }
      }
    }
    onBatch?.(Math.min(i + batchSize, files.length), files.length);
  }
  return { results, crashes };
}

/** Sum ESLint's per-file statistics: parse time, per-rule time, total lint time (ms). */
export function sumStats(results) {
  const rules = {};
  let parse = 0;
  let total = 0;
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      total += pass.total ?? 0;
      for (const [id, { total: t }] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + t;
    }
  }
  return { parse, total, rules };
}

/** Fatal parse errors (files the rules never saw) and the plugin's findings. */
export function collectMessages(results) {
  const fatal = [];
  const findings = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) fatal.push({ file: corpusPath(result.filePath), line: m.line, message: m.message });
      else if (m.ruleId && m.ruleId.startsWith('memo-leak/')) {
        findings.push({
          file: corpusPath(result.filePath),
          line: m.line,
          column: m.column,
          rule: m.ruleId,
          message: m.message,
          fix: Boolean(m.fix),
          suggestions: m.suggestions?.length ?? 0,
        });
      }
    }
  }
  return { fatal, findings };
}

/** Whether the corpus package `name` is TypeScript (parsed with @typescript-eslint/parser). */
export function isTypeScriptPackage(name) {
  const pkg = PACKAGES.find((p) => p.name === name);
  return Boolean(pkg && isTypeScript(pkg));
}
