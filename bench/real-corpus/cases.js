// The real-code corpus (corpus/real/*.json, format in the shared CORPUS-SCHEMA): loading and checking
// the cases. Pure except for `loadCorpus`, which reads the JSON files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const VERDICTS = ['leak', 'look-alike'];
export const KINDS = [
  'hand-written-decorator',
  'library-decorator',
  'library-in-decorator',
  'prototype-memoizer',
  'static-memoizer',
  'mixin',
  'options-object',
  'module-container',
  'static-container',
  'instance-argument',
  'managed-registry',
  'per-instance',
  'weak-container',
  'other',
];
export const EVIDENCE = ['in-file', 'cross-file', 'outside-repo'];

const CASE_KEYS = new Set(['id', 'source', 'path', 'lines', 'verdict', 'kind', 'evidence', 'why', 'fixedBy', 'related', 'alsoLines']);
const FILE_KEYS = new Set(['collectedBy', 'collectedOn', 'cases']);
// Kebab-case; a dot may join segments too, for versions in ids (`mem-8.1.0-decorator`).
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
// name@exact-version: an optional scope, then a full semver (no ranges, no tags).
const NPM_SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
const GITHUB_REPO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const COMMIT = /^[0-9a-f]{40}$/;
const FIXED_BY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}\/[A-Za-z0-9._-]{1,100}@[0-9a-f]{40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyString = (value) => typeof value === 'string' && value.trim() !== '';

/** A path inside a source: relative, `/`-separated, no `..` or `.` segments. */
function pathProblem(path) {
  if (!nonEmptyString(path)) return 'must be a non-empty string';
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return 'must be relative and use /';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'must not contain empty, "." or ".." segments';
  }
  return null;
}

/**
 * The problems of one case, as sentences (empty when the case is well-formed). File and line checks
 * that need the fetched source are in `lineProblems`.
 */
export function caseProblems(c) {
  if (!isObject(c)) return ['a case must be an object'];
  const problems = [];
  for (const key of Object.keys(c)) if (!CASE_KEYS.has(key)) problems.push(`unknown field "${key}"`);
  if (!nonEmptyString(c.id)) problems.push('id must be a non-empty string');
  else if (!ID.test(c.id)) problems.push(`id "${c.id}" must be kebab-case (a-z, 0-9, single dashes or dots)`);

  const source = c.source;
  if (!isObject(source)) {
    problems.push('source must be { "npm": "name@version" } or { "github": "owner/repo", "commit": "<40 hex>" }');
  } else if ('npm' in source) {
    if (Object.keys(source).length !== 1) problems.push('an npm source has only the "npm" field');
    if (typeof source.npm !== 'string' || !NPM_SPEC.test(source.npm)) {
      problems.push(`source.npm "${source.npm}" must be name@exact-version (e.g. decko@1.2.0; no ranges or tags)`);
    }
  } else if ('github' in source) {
    if (Object.keys(source).some((key) => key !== 'github' && key !== 'commit')) {
      problems.push('a github source has only the "github" and "commit" fields');
    }
    if (typeof source.github !== 'string' || !GITHUB_REPO.test(source.github)) {
      problems.push(`source.github "${source.github}" must be owner/repo`);
    }
    if (typeof source.commit !== 'string' || !COMMIT.test(source.commit)) {
      problems.push(`source.commit "${source.commit}" must be a full 40-hex commit (lower case)`);
    }
  } else {
    problems.push('source must have an "npm" or a "github" field');
  }

  const pathIssue = pathProblem(c.path);
  if (pathIssue) problems.push(`path ${pathIssue}`);
  else if (isObject(source) && 'npm' in source && !c.path.startsWith('package/')) {
    problems.push(`path "${c.path}" of an npm case must start with package/ (the tarball root)`);
  }

  const lines = c.lines;
  if (!Array.isArray(lines) || lines.length !== 2 || !lines.every((n) => Number.isInteger(n) && n >= 1)) {
    problems.push('lines must be [first, last], two integers >= 1');
  } else if (lines[0] > lines[1]) {
    problems.push(`lines [${lines[0]}, ${lines[1]}] must not end before they start`);
  }
  // Further ranges of `path` that belong to the case: the declaration of what holds the objects when
  // `lines` mark the inserts (or the other way round), a call elsewhere in the file that passes them.
  if (c.alsoLines !== undefined) {
    const ranges = c.alsoLines;
    const isRange = (r) => Array.isArray(r) && r.length === 2 && r.every((n) => Number.isInteger(n) && n >= 1) && r[0] <= r[1];
    if (!Array.isArray(ranges) || ranges.length === 0 || !ranges.every(isRange)) {
      problems.push('alsoLines must be a non-empty list of [first, last] ranges (integers >= 1, first <= last)');
    }
  }

  if (!VERDICTS.includes(c.verdict)) problems.push(`verdict "${c.verdict}" must be one of ${VERDICTS.join(', ')}`);
  if (!KINDS.includes(c.kind)) problems.push(`kind "${c.kind}" must be one of ${KINDS.join(', ')}`);
  if (!EVIDENCE.includes(c.evidence)) problems.push(`evidence "${c.evidence}" must be one of ${EVIDENCE.join(', ')}`);
  if (!nonEmptyString(c.why)) problems.push('why must be a non-empty string');
  if (c.fixedBy !== undefined && (typeof c.fixedBy !== 'string' || !FIXED_BY.test(c.fixedBy))) {
    problems.push(`fixedBy "${c.fixedBy}" must be owner/repo@<40 hex>`);
  }
  if (c.related !== undefined) {
    if (!Array.isArray(c.related)) problems.push('related must be a list of paths');
    else {
      for (const path of c.related) {
        const issue = pathProblem(path);
        if (issue) problems.push(`related path "${path}" ${issue}`);
        else if (path === c.path) problems.push(`related path "${path}" repeats path`);
      }
      if (new Set(c.related).size !== c.related.length) problems.push('related lists a path twice');
    }
  }
  if (c.evidence === 'cross-file' && !(Array.isArray(c.related) && c.related.length > 0)) {
    problems.push('a cross-file case must list the other files in related');
  }
  return problems;
}

/**
 * Check every file of a corpus: its own fields and each case; ids must be unique across all files.
 * `files` is a list of `{ file, data }`. Returns `{ cases, errors }`: the well-formed cases (each with
 * the `file` it came from) and one error sentence per problem, naming the file and the case.
 */
export function validateCorpus(files) {
  const cases = [];
  const errors = [];
  const seen = new Map();
  for (const { file, data } of files) {
    if (!isObject(data) || !Array.isArray(data.cases)) {
      errors.push(`${file}: must be an object with a "cases" list`);
      continue;
    }
    for (const key of Object.keys(data)) if (!FILE_KEYS.has(key)) errors.push(`${file}: unknown field "${key}"`);
    if (!nonEmptyString(data.collectedBy)) errors.push(`${file}: collectedBy must be a non-empty string`);
    if (typeof data.collectedOn !== 'string' || !DATE.test(data.collectedOn)) {
      errors.push(`${file}: collectedOn must be a date YYYY-MM-DD`);
    }
    data.cases.forEach((c, index) => {
      const name = isObject(c) && nonEmptyString(c.id) ? `case "${c.id}"` : `case #${index + 1}`;
      const problems = caseProblems(c);
      if (isObject(c) && nonEmptyString(c.id)) {
        const first = seen.get(c.id);
        if (first) problems.push(`id "${c.id}" is already used in ${first}`);
        else seen.set(c.id, file);
      }
      for (const problem of problems) errors.push(`${file}: ${name}: ${problem}`);
      if (problems.length === 0) cases.push({ ...c, file });
    });
  }
  return { cases, errors };
}

/**
 * Problems with a case's files once its source is fetched: `lineCount(path)` gives the number of
 * lines of a file of the source, or null when the file is not there.
 */
export function lineProblems(c, lineCount) {
  const problems = [];
  const total = lineCount(c.path);
  if (total === null) problems.push(`path "${c.path}" is not in the source`);
  else {
    for (const [first, last] of [c.lines, ...(c.alsoLines ?? [])]) {
      if (last > total) problems.push(`lines [${first}, ${last}] go past the end of ${c.path} (${total} lines)`);
    }
  }
  for (const path of c.related ?? []) {
    if (lineCount(path) === null) problems.push(`related path "${path}" is not in the source`);
  }
  return problems;
}

/** A case's source as one string: `name@version` or `owner/repo@commit`. */
export function sourceKey(c) {
  return 'npm' in c.source ? c.source.npm : `${c.source.github}@${c.source.commit}`;
}

/** Read every corpus/real/*.json (sorted by name). A file that is not JSON is an error that names it. */
export function loadCorpus(dir) {
  const files = [];
  const errors = [];
  let names = [];
  try {
    // MEMO_LEAK_CORPUS_SKIP=holdout3 leaves out files whose name starts so: a hold-out kept unseen while building.
    const skip = process.env.MEMO_LEAK_CORPUS_SKIP;
    names = readdirSync(dir).filter((name) => name.endsWith('.json') && !(skip && name.startsWith(skip))).sort();
  } catch {
    return { files, errors: [`${dir}: no corpus directory`] };
  }
  for (const name of names) {
    const file = join(dir, name);
    try {
      files.push({ file: name, data: JSON.parse(readFileSync(file, 'utf8')) });
    } catch (error) {
      errors.push(`${name}: not valid JSON (${error.message})`);
    }
  }
  return { files, errors };
}
