// Scoring the plugin on the real-code corpus: which findings land on a case, the totals, and the
// comparison with the committed baseline. Pure: the lint results come in as data.

/**
 * Score one case. `files` maps a path of the case's source (as written in the case) to
 * `{ messages: [{ rule, line, message }], error? }`, where `error` is a crash or parse error.
 *
 * A leak is found when a finding starts on a line inside `lines` (or one of the `alsoLines` ranges) of `path`, or, for evidence
 * `cross-file`, anywhere in a `related` file. A look-alike is flagged when a finding starts inside
 * its `lines` or `alsoLines`. A crash or parse error in any of the case's files makes it `crash` (not found), except a
 * parse error in a related file of a look-alike, which is not scored there.
 */
/** Files the corpus linter lints; a related file of another kind (a README) is evidence for the reader only. */
export function isLintedPath(path) {
  return /\.(?:[cm]?[jt]sx?|vue)$/.test(path);
}

export function scoreCase(c, files) {
  // A look-alike is judged on its own lines: a related file that does not parse (Flow source, say) is
  // not linted for it, and only a crash of the plugin there would count.
  const related = (c.related ?? []).filter(isLintedPath);
  const paths = [c.path, ...related];
  const counts = (path, error) => path === c.path || c.verdict === 'leak' || !error.startsWith('parse error');
  const errors = paths
    .map((path) => ({ path, error: files.get(path)?.error ?? (files.has(path) ? null : 'not linted') }))
    .filter((e) => e.error && counts(e.path, e.error));
  if (errors.length > 0) {
    return { id: c.id, status: 'crash', hits: [], error: errors.map((e) => `${e.path}: ${e.error}`).join('; ') };
  }
  const ranges = [c.lines, ...(c.alsoLines ?? [])];
  const hits = files
    .get(c.path)
    .messages.filter((m) => ranges.some(([first, last]) => m.line >= first && m.line <= last))
    .map((m) => ({ ...m, path: c.path, where: 'in range' }));
  if (c.verdict === 'leak' && c.evidence === 'cross-file') {
    for (const path of related) {
      hits.push(...files.get(path).messages.map((m) => ({ ...m, path, where: 'related' })));
    }
  }
  const fired = hits.length > 0;
  const status = c.verdict === 'leak' ? (fired ? 'found' : 'missed') : fired ? 'flagged' : 'silent';
  return { id: c.id, status, hits };
}

/** The result of a case that was not linted (GitHub source without a mirror, `--npm-only`). */
export function skippedCase(c, reason) {
  return { id: c.id, status: 'skipped', hits: [], reason };
}

const ratio = (part, whole) => (whole === 0 ? null : part / whole);

/**
 * Totals over the scored cases (`cases` and `results` in the same order). Skipped cases are left out
 * of every figure; a crashed case counts as a leak not found (or a look-alike not flagged) and in
 * `crashes`. Precision is found / (found + flagged): of the cases where the plugin fired, the share
 * that are leaks.
 */
export function totals(cases, results) {
  const t = {
    leaks: 0,
    found: 0,
    byEvidence: { 'in-file': { leaks: 0, found: 0 }, 'cross-file': { leaks: 0, found: 0 }, 'outside-repo': { leaks: 0, found: 0 } },
    lookAlikes: 0,
    flagged: 0,
    crashes: 0,
    skipped: 0,
    precision: null,
  };
  cases.forEach((c, i) => {
    const { status } = results[i];
    if (status === 'skipped') {
      t.skipped++;
      return;
    }
    if (status === 'crash') t.crashes++;
    if (c.verdict === 'leak') {
      const found = status === 'found' ? 1 : 0;
      t.leaks++;
      t.found += found;
      t.byEvidence[c.evidence].leaks++;
      t.byEvidence[c.evidence].found += found;
    } else {
      t.lookAlikes++;
      if (status === 'flagged') t.flagged++;
    }
  });
  t.precision = ratio(t.found, t.found + t.flagged);
  return t;
}

/** The ids found and flagged, sorted: what `--write-baseline` stores for one configuration. */
export function baselineOf(results) {
  const ids = (status) => results.filter((r) => r.status === status).map((r) => r.id).sort();
  return { found: ids('found'), flagged: ids('flagged') };
}

/**
 * What `--check` fails on, as sentences: a look-alike flagged that the baseline does not list as
 * flagged, a leak the baseline lists as found that is no longer found (skipped cases excepted), and
 * any crash.
 */
export function regressions(results, baseline) {
  const found = new Set(baseline?.found ?? []);
  const flagged = new Set(baseline?.flagged ?? []);
  const problems = [];
  for (const r of results) {
    if (r.status === 'crash') problems.push(`${r.id}: crash: ${r.error}`);
    else if (r.status === 'flagged' && !flagged.has(r.id)) problems.push(`${r.id}: look-alike newly flagged`);
    else if (found.has(r.id) && r.status !== 'found' && r.status !== 'skipped') {
      problems.push(`${r.id}: leak no longer found (was in the baseline)`);
    }
  }
  return problems;
}

/** `3/7 (43%)`, or `0/0` when there is nothing to count. */
export function fraction(part, whole) {
  return whole === 0 ? '0/0' : `${part}/${whole} (${Math.round((100 * part) / whole)}%)`;
}
