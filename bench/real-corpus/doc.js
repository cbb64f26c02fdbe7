// docs/real-corpus.md: how the real-code corpus is scored, the totals, and one row per case.
import { fraction } from './score.js';
import { sourceKey } from './cases.js';

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const head = (message) => {
  const first = String(message).split(/(?<=[.:;])\s/)[0];
  return first.length > 90 ? `${first.slice(0, 87)}...` : first;
};

const STATUS = {
  found: 'found',
  missed: 'not found',
  flagged: '**flagged**',
  silent: 'silent',
  crash: '**crash**',
  skipped: 'skipped',
};

/** Markdown lines of the totals (also what the script prints). */
export function totalsLines(t) {
  const e = t.byEvidence;
  return [
    `- Leaks found: **${fraction(t.found, t.leaks)}**; in-file ${fraction(e['in-file'].found, e['in-file'].leaks)}, ` +
      `cross-file ${fraction(e['cross-file'].found, e['cross-file'].leaks)}, outside-repo ${fraction(e['outside-repo'].found, e['outside-repo'].leaks)}.`,
    `- Look-alikes flagged: **${fraction(t.flagged, t.lookAlikes)}**.`,
    `- Precision (found / (found + flagged)): ${t.precision === null ? 'n/a (nothing fired)' : `${Math.round(t.precision * 100)}%`}.`,
    `- Crashes or parse errors: ${t.crashes}. Skipped (no mirror, or \`--npm-only\`): ${t.skipped}.`,
  ];
}

export function renderDoc({ cases, results, totals, mode, npmOnly, date }) {
  const perFile = new Map();
  for (const c of cases) perFile.set(c.file, (perFile.get(c.file) ?? 0) + 1);
  const rows = cases.map((c, i) => {
    const r = results[i];
    const hit = r.hits[0];
    const where = hit ? `${hit.where === 'related' ? `${hit.path}:` : 'line '}${hit.line}` : '';
    const rules = [...new Set(r.hits.map((h) => h.rule.replace(/^memo-leak\//, '')))].join(', ');
    const note = r.status === 'skipped' ? r.reason : r.status === 'crash' ? r.error : hit ? `${where}: ${head(hit.message)}` : '';
    return `| \`${c.id}\` | \`${sourceKey(c).replace(/@([0-9a-f]{12})[0-9a-f]{28}$/, '@$1')}\` | ${c.kind} | ${c.verdict} (${c.evidence}) | ${STATUS[r.status]} | ${cell(rules)} | ${cell(note)} |`;
  });
  return [
    '# The real-code corpus',
    '',
    '<!-- The figures and the table are written by `npm run corpus -- --write-doc`; edit the text in',
    '     bench/real-corpus/doc.js. -->',
    '',
    'Cases of real code, each judged by reading it before the plugin was run on it: **leaks** (a cache that',
    'keeps every instance it saw alive, or a shared memoizer that serves one instance\'s result to another)',
    'and **look-alikes** (correct code that resembles a leak). The data is in `corpus/real/*.json` (one file',
    'per collector); the code itself is never committed: it is fetched at run time with `npm pack` of a',
    'pinned version, or read from a local mirror of a GitHub repository at a pinned commit.',
    '',
    '## Running it',
    '',
    '```sh',
    'npm run corpus                      # build, then score every case with configs.recommended',
    'npm run corpus -- --strict          # configs.strict',
    'npm run corpus -- --typed           # TypeScript files of a source with a tsconfig.json: projectService and the -type-checked config',
    'npm run corpus -- --npm-only        # skip GitHub cases (counted as skipped)',
    'npm run corpus -- --write-doc       # rewrite this page',
    'npm run corpus -- --write-baseline  # record the ids found and flagged in bench/real-corpus-baseline.json',
    'npm run corpus -- --npm-only --check  # CI: fail on a new flagged look-alike, a lost leak or a crash',
    '```',
    '',
    'Sources are cached in `bench/.cache/real-corpus/` (git-ignored): `npm/<name>@<version>/` holds the unpacked',
    'tarball (case paths start with `package/`), `github/<owner>+<name>@<commit>/` the tree of the commit,',
    'extracted with `git archive` from the mirror in `MEMO_LEAK_MIRRORS` (default `/work/.mirror`, one',
    '`<owner>+<name>/` folder holding the git directory). A GitHub case whose mirror or commit is missing is',
    'skipped, never a failure; a mirror is a bare clone, e.g. `git clone --mirror https://github.com/<owner>/<name>',
    '$MEMO_LEAK_MIRRORS/<owner>+<name>/repo`. Each case file and its `related` files are linted once, at their real path in',
    'the source, so the cross-file analysis reads the real neighbours. TypeScript files are parsed with',
    '`@typescript-eslint/parser`; JavaScript with espree, as CommonJS for `.cjs` and for files that use',
    '`require`/`module.exports` without `import`/`export`, as a module otherwise; a JavaScript file espree',
    'cannot parse (decorators, most often) is parsed with `@typescript-eslint/parser` instead, and the run says',
    'which. With `--typed`, a TypeScript file with a tsconfig.json above it (inside the source) is linted with',
    '`parserOptions.projectService` and the `-type-checked` config. Inline `eslint` comments in the sources are',
    'ignored.',
    '',
    '## What the figures mean',
    '',
    '- A **leak is found** when a `memo-leak/*` finding starts on a line inside the case\'s `lines` of `path` (or',
    '  one of its `alsoLines`: the declaration of what holds the objects, a call that passes them); for',
    '  a `cross-file` leak, a finding anywhere in one of its `related` files counts too (the table names the file).',
    '- A **look-alike is flagged** when a finding starts inside its `lines` or `alsoLines`. Every flagged look-alike is a false positive.',
    '- Leaks are split by where their evidence is: `in-file`, `cross-file` (another file of the same source),',
    '  `outside-repo` (needs knowledge the source does not hold; not expected to be found untyped).',
    '- **Precision** is found / (found + flagged): of the cases where the plugin fired, the share that are leaks.',
    '- A crash or parse error in a case\'s files is reported and counts as not found. Skipped cases are left out',
    '  of every figure.',
    '- `--check` compares with `bench/real-corpus-baseline.json` (per configuration): it fails when a look-alike',
    '  is flagged that the baseline does not list, when a leak the baseline lists as found is no longer found,',
    '  or on any crash. After an improvement, rerun with `--write-baseline` and commit the baseline.',
    '',
    `## Figures (${mode}${npmOnly ? ', npm cases only' : ''}, ${date})`,
    '',
    `Data: ${[...perFile].map(([file, n]) => `\`corpus/real/${file}\` (${n} case${n === 1 ? '' : 's'})`).join(', ')}.`,
    '',
    ...totalsLines(totals),
    '',
    '| id | source | kind | verdict (evidence) | result | rule | where: message |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
