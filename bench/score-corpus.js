// `npm run corpus`: scores the built plugin on the real-code corpus (corpus/real/*.json).
//
//   node bench/score-corpus.js [--strict] [--typed] [--npm-only] [--check] [--write-doc] [--write-baseline]
//
// How the figures are computed, and the options: docs/real-corpus.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearCaches } from '@typescript-eslint/parser';
import { countLines } from './corpus.js';
import { lineProblems, loadCorpus, sourceKey, validateCorpus } from './real-corpus/cases.js';
import { renderDoc, totalsLines } from './real-corpus/doc.js';
import { cachePath, createCorpusLinter } from './real-corpus/lint.js';
import { baselineOf, isLintedPath, regressions, scoreCase, skippedCase, totals } from './real-corpus/score.js';
import { DEFAULT_MIRRORS, ensureGithub, ensureNpm, isFile } from './real-corpus/sources.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CORPUS_DIR = join(root, 'corpus', 'real');
const BASELINE = join(root, 'bench', 'real-corpus-baseline.json');
const DOC = join(root, 'docs', 'real-corpus.md');

const FLAGS = ['--strict', '--typed', '--npm-only', '--check', '--write-doc', '--write-baseline'];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !FLAGS.includes(a));
if (unknown.length > 0) {
  console.error(`score-corpus: unknown option ${unknown.join(' ')} (known: ${FLAGS.join(' ')})`);
  process.exit(2);
}
const has = (flag) => args.includes(flag);
const options = { strict: has('--strict'), typed: has('--typed'), npmOnly: has('--npm-only') };
const mirrors = process.env.MEMO_LEAK_MIRRORS || DEFAULT_MIRRORS;
const start = performance.now();

// 1. Read and check the data: a malformed case stops the run, naming the file and the case.
const loaded = loadCorpus(CORPUS_DIR);
const { cases, errors } = validateCorpus(loaded.files);
errors.unshift(...loaded.errors);
if (errors.length > 0) {
  for (const e of errors) console.error(`corpus/real/${e}`);
  console.error(`score-corpus: ${errors.length} problem(s) in the corpus data`);
  process.exit(2);
}

// 2. Fetch each source once.
const sources = new Map();
for (const c of cases) {
  const key = sourceKey(c);
  if (sources.has(key)) continue;
  try {
    if ('npm' in c.source) sources.set(key, { dir: ensureNpm(c.source.npm) });
    else if (options.npmOnly) sources.set(key, { skipped: '--npm-only' });
    else {
      const paths = cases.filter((other) => sourceKey(other) === key).flatMap((other) => [other.path, ...(other.related ?? [])]);
      sources.set(key, ensureGithub(c.source.github, c.source.commit, mirrors, paths));
    }
  } catch (error) {
    // A source that cannot be fetched (npm down, a version that does not exist) fails its cases, not the run.
    sources.set(key, { error: `fetching ${key} failed: ${String(error?.message ?? error).split('\n')[0]}` });
  }
}
const fetched = performance.now();

// 3. Lint each case file and related file once, then score.
const { lintFile, configName } = createCorpusLinter(options);
const linted = new Map();
const lintOnce = (dir, path) => {
  const file = join(dir, path);
  if (!linted.has(file)) linted.set(file, lintFile(file, dir));
  return linted.get(file);
};
const dataErrors = [];
// Typed: one source at a time, and typescript-eslint's project services dropped between sources (each keeps
// the programs of its tsconfig: three hundred of them do not fit in the heap). Results keep the cases' order.
const order = cases.map((c, index) => index);
if (options.typed) order.sort((a, b) => sourceKey(cases[a]).localeCompare(sourceKey(cases[b])) || a - b);
const results = new Array(cases.length);
let lastSource = null;
for (const index of order) {
  const key = sourceKey(cases[index]);
  if (options.typed && lastSource !== null && key !== lastSource) clearCaches();
  lastSource = key;
  results[index] = scoreOne(cases[index]);
}
function scoreOne(c) {
  const source = sources.get(sourceKey(c));
  if (source.skipped) return skippedCase(c, source.skipped);
  if (source.error) return { id: c.id, status: 'crash', hits: [], error: source.error };
  const problems = lineProblems(c, (path) => (isFile(join(source.dir, path)) ? countLines(join(source.dir, path)) : null));
  if (problems.length > 0) {
    for (const p of problems) dataErrors.push(`${c.file}: case "${c.id}": ${p}`);
    return { id: c.id, status: 'crash', hits: [], error: 'case data does not match the source' };
  }
  const files = new Map([c.path, ...(c.related ?? []).filter(isLintedPath)].map((path) => [path, lintOnce(source.dir, path)]));
  return scoreCase(c, files);
}
const done = performance.now();

// 4. Report.
const mode = configName;
const LABEL = { found: 'FOUND', missed: 'missed', flagged: 'FLAGGED', silent: 'silent', crash: 'CRASH', skipped: 'skipped' };
console.log(`real-code corpus: ${cases.length} case(s) from ${loaded.files.length} file(s), configs.${mode}`);
cases.forEach((c, i) => {
  const r = results[i];
  const hit = r.hits[0];
  const detail = hit
    ? `${hit.rule} at ${hit.where === 'related' ? `${hit.path}:` : 'line '}${hit.line}${r.hits.length > 1 ? ` +${r.hits.length - 1} more` : ''}`
    : r.status === 'skipped'
      ? r.reason
      : r.status === 'crash'
        ? r.error
        : '';
  console.log(`  ${LABEL[r.status].padEnd(7)} ${c.verdict.padEnd(10)} ${c.evidence.padEnd(12)} ${c.id}${detail ? `  (${detail})` : ''}`);
});
const t = totals(cases, results);
for (const line of totalsLines(t)) console.log(line.replace(/\*\*/g, '').replace(/`/g, ''));
for (const e of dataErrors) console.error(`corpus/real/${e}`);
for (const file of [...linted.values()].filter((r) => r.stack)) console.error(file.stack.split('\n').slice(0, 8).join('\n'));
const fallbacks = [...linted].filter(([, r]) => r.parser);
for (const [file, r] of fallbacks) console.log(`parsed with ${r.parser}: ${cachePath(file)}`);
const typedCount = [...linted.values()].filter((r) => r.typed).length;
if (options.typed) console.log(`typed: ${typedCount} of ${linted.size} file(s) linted with type information`);
console.log(
  `time: ${((done - start) / 1000).toFixed(1)} s (fetch ${((fetched - start) / 1000).toFixed(1)} s, ` +
    `lint ${linted.size} file(s) ${((done - fetched) / 1000).toFixed(1)} s)`,
);

const baselines = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
if (has('--write-baseline')) {
  const next = baselineOf(results);
  // Skipped cases keep what the baseline said about them (an --npm-only run does not forget GitHub cases).
  const previous = baselines[mode] ?? { found: [], flagged: [] };
  const skipped = new Set(results.filter((r) => r.status === 'skipped').map((r) => r.id));
  for (const list of ['found', 'flagged']) {
    next[list] = [...new Set([...next[list], ...previous[list].filter((id) => skipped.has(id))])].sort();
  }
  baselines[mode] = next;
  writeFileSync(BASELINE, `${JSON.stringify(baselines, null, 2)}\n`);
  console.log(`wrote bench/real-corpus-baseline.json [${mode}]: ${next.found.length} found, ${next.flagged.length} flagged`);
}
if (has('--write-doc')) {
  writeFileSync(DOC, renderDoc({ cases, results, totals: t, mode, npmOnly: options.npmOnly, date: new Date().toISOString().slice(0, 10) }));
  console.log('wrote docs/real-corpus.md');
}

let failed = dataErrors.length > 0;
if (has('--check')) {
  if (!baselines[mode]) console.log(`no baseline for ${mode} in bench/real-corpus-baseline.json: every flagged look-alike fails`);
  const problems = regressions(results, baselines[mode]);
  for (const p of problems) console.error(`REGRESSION ${p}`);
  console.log(`check against the baseline [${mode}]: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
  failed ||= problems.length > 0;
}
process.exitCode = failed ? 1 : 0;
