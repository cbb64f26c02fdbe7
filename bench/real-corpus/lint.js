// Lints the files of the real-code corpus with the built plugin (dist/): one Linter, the parser
// chosen by file extension, each file at its real path inside the unpacked source so that the
// cross-file analysis can read its neighbours.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';
import plugin from '../../dist/index.js';
import { CACHE_DIR } from './sources.js';

const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.vue'];

/**
 * How a JavaScript file is parsed: `.cjs` is CommonJS, `.mjs` a module; otherwise a file with
 * `import`/`export` statements is a module, one that uses `require`/`module.exports` is CommonJS,
 * and anything else a module.
 */
export function sourceTypeOf(path, text) {
  const ext = extname(path);
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (/^\s*(?:import\s*[\w{*'"]|export\s)/m.test(text)) return 'module';
  if (/\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/.test(text)) return 'commonjs';
  return 'module';
}

/** Whether a tsconfig.json sits in the file's folder or above it, up to the source root. */
function hasTsconfig(file, root) {
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.json'))) return true;
    if (dir === root) break;
  }
  return false;
}

/**
 * A linter for the corpus. `strict` picks `configs.strict` instead of `configs.recommended`; `typed`
 * lints TypeScript files of a source that has a tsconfig.json with `parserOptions.projectService`
 * and the matching `-type-checked` config. Inline eslint comments in the corpus are ignored.
 */
export function createCorpusLinter({ strict = false, typed = false } = {}) {
  const linter = new Linter({ cwd: CACHE_DIR });
  const configName = strict ? 'strict' : 'recommended';
  const configs = new Map();

  function configFor({ ts, vue, sourceType, jsx, project }) {
    const key = JSON.stringify({ ts, vue, sourceType, jsx, project });
    let config = configs.get(key);
    if (config) return config;
    const parserOptions = { ecmaFeatures: { jsx } };
    if (project) Object.assign(parserOptions, { projectService: true, tsconfigRootDir: project });
    const languageOptions = { ecmaVersion: 'latest', sourceType, parserOptions };
    if (ts) languageOptions.parser = tsParser;
    if (vue) Object.assign(languageOptions, { parser: vueParser, parserOptions: { ...parserOptions, parser: tsParser } });
    config = [
      { files: FILES, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' }, languageOptions },
      project ? plugin.configs[`${configName}-type-checked`] : plugin.configs[configName],
    ];
    configs.set(key, config);
    return config;
  }

  function verify(file, text, options) {
    try {
      const messages = linter.verify(text, configFor(options), { filename: file });
      // A parse error, or a file no config applies to ("No matching configuration", "File ignored").
      // (The "has no effect because of noInlineConfig" notes about the source's own directives are not errors.)
      const fatal = messages.find((m) => m.fatal || (!m.ruleId && !m.message.includes("'noInlineConfig'")));
      if (fatal) return { messages: [], error: `parse error at ${fatal.line ?? '?'}: ${fatal.message}` };
      const findings = messages
        .filter((m) => m.ruleId?.startsWith('memo-leak/'))
        .map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
      return { messages: findings, typed: Boolean(options.project) };
    } catch (error) {
      const head = String(error?.message ?? error).split('\n').slice(0, 3).join(' / ');
      return { messages: [], error: `crash: ${head}`, stack: String(error?.stack ?? '') };
    }
  }

  /** Lint one file of a source (absolute path under `root`): `{ messages, error?, typed?, parser? }`. */
  function lintFile(file, root) {
    const text = readFileSync(file, 'utf8');
    const ext = extname(file);
    const ts = TS_EXTENSIONS.has(ext);
    const vue = ext === '.vue';
    const base = { ts, vue, sourceType: sourceTypeOf(file, text), jsx: !ts || ext === '.tsx', project: null };
    if (typed && ts && hasTsconfig(file, root)) {
      const result = verify(file, text, { ...base, project: root });
      // A file the tsconfig does not include cannot be linted typed: lint it untyped instead.
      if (!/project service|not included|parserOptions\.project/i.test(result.error ?? '')) return result;
    }
    const result = verify(file, text, base);
    if (ts || vue || !result.error?.startsWith('parse error')) return result;
    // JavaScript espree cannot parse, most often decorators (`@memoize` compiled by Babel): parse it
    // with @typescript-eslint/parser instead, and say so.
    const retry = verify(file, text, { ...base, ts: true });
    return retry.error ? result : { ...retry, parser: '@typescript-eslint/parser (espree failed)' };
  }

  return { lintFile, configName: typed ? `${configName}-type-checked` : configName };
}

/** A path as shown in reports: relative to the cache, `/`-separated. */
export function cachePath(file) {
  return relative(CACHE_DIR, file).split(sep).join('/');
}
