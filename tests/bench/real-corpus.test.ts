// The pure logic of the real-code corpus scorer (bench/score-corpus.js): case validation and scoring.
import { describe, expect, it } from 'vitest';
import { caseProblems, lineProblems, validateCorpus, type CorpusCase } from '../../bench/real-corpus/cases.js';
import { baselineOf, isLintedPath, regressions, scoreCase, totals, type FileResult } from '../../bench/real-corpus/score.js';

const leak: CorpusCase = {
  id: 'some-leak',
  source: { npm: 'decko@1.2.0' },
  path: 'package/src/decko.js',
  lines: [7, 14],
  verdict: 'leak',
  kind: 'hand-written-decorator',
  evidence: 'in-file',
  why: 'one cache per decorated method, keyed without this',
};
const lookAlike: CorpusCase = { ...leak, id: 'some-look-alike', lines: [31, 44], verdict: 'look-alike', kind: 'per-instance' };
const crossFile: CorpusCase = { ...leak, id: 'cross', evidence: 'cross-file', related: ['package/src/uses.js'] };
const file = (...lines: number[]): FileResult => ({
  messages: lines.map((line) => ({ rule: 'memo-leak/no-shared-method-memoizer', line, message: 'm' })),
});

describe('case validation', () => {
  it('accepts a well-formed npm case and a well-formed GitHub case', () => {
    expect(caseProblems(leak)).toEqual([]);
    expect(
      caseProblems({ ...lookAlike, source: { github: 'jayphelps/core-decorators', commit: '5d81b6169d8d93af9c6ebcfc86bcf4fc9d3dbcc2' }, path: 'src/decorate.js' }),
    ).toEqual([]);
  });

  it('accepts a version inside an id, and rejects ids that are not kebab-case', () => {
    expect(caseProblems({ ...leak, id: 'mem-8.1.0-decorator-shared' })).toEqual([]);
    expect(caseProblems({ ...leak, id: 'Mem_decorator' })).toEqual(['id "Mem_decorator" must be kebab-case (a-z, 0-9, single dashes or dots)']);
    expect(caseProblems({ ...leak, id: 'mem--x' })).toHaveLength(1);
  });

  it.each([
    ['a version range', { source: { npm: 'decko@^1.2.0' } }, /exact-version/],
    ['a dist-tag', { source: { npm: 'decko@latest' } }, /exact-version/],
    ['a short commit', { source: { github: 'a/b', commit: '5d81b61' }, path: 'src/x.js' }, /40-hex/],
    ['an npm path outside package/', { path: 'src/decko.js' }, /must start with package\//],
    ['a path with ..', { path: 'package/../x.js' }, /segments/],
    ['reversed lines', { lines: [14, 7] }, /must not end before they start/],
    ['a zero line', { lines: [0, 3] }, /two integers >= 1/],
    ['an empty alsoLines', { alsoLines: [] }, /alsoLines must be a non-empty list/],
    ['a reversed alsoLines range', { alsoLines: [[9, 3]] }, /alsoLines must be a non-empty list/],
    ['an unknown verdict', { verdict: 'maybe' }, /verdict "maybe"/],
    ['an unknown kind', { kind: 'decorator' }, /kind "decorator"/],
    ['an unknown evidence', { evidence: 'typed' }, /evidence "typed"/],
    ['a misspelt field', { verdit: 'leak' }, /unknown field "verdit"/],
    ['a cross-file case without related', { evidence: 'cross-file' }, /must list the other files in related/],
    ['a fixedBy without a full commit', { fixedBy: 'a/b@abc' }, /fixedBy/],
  ])('rejects %s', (_name, change, message) => {
    const problems = caseProblems({ ...leak, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names the file and the case of every problem, and rejects an id used twice across files', () => {
    const { cases, errors } = validateCorpus([
      { file: 'a.json', data: { collectedBy: 'x', collectedOn: '2026-12-01', cases: [leak, { ...lookAlike, verdict: 'maybe' }] } },
      { file: 'b.json', data: { collectedBy: 'y', collectedOn: '2026-12-01', cases: [{ ...lookAlike, id: 'some-leak' }] } },
    ]);
    expect(cases.map((c) => c.id)).toEqual(['some-leak']);
    expect(errors).toEqual([
      'a.json: case "some-look-alike": verdict "maybe" must be one of leak, look-alike',
      'b.json: case "some-leak": id "some-leak" is already used in a.json',
    ]);
  });

  it('checks the lines against the fetched file and the related files exist', () => {
    const lengths = new Map([['package/src/decko.js', 12]]);
    const count = (path: string): number | null => lengths.get(path) ?? null;
    expect(lineProblems(leak, count)).toEqual(['lines [7, 14] go past the end of package/src/decko.js (12 lines)']);
    lengths.set('package/src/decko.js', 14);
    expect(lineProblems(leak, count)).toEqual([]);
    expect(lineProblems({ ...leak, alsoLines: [[2, 2], [15, 16]] }, count)).toEqual(['lines [15, 16] go past the end of package/src/decko.js (14 lines)']);
    expect(lineProblems(crossFile, count)).toEqual(['related path "package/src/uses.js" is not in the source']);
  });
});

describe('scoring', () => {
  it('finds a leak only when a finding starts inside its lines (both ends included)', () => {
    expect(scoreCase(leak, new Map([[leak.path, file(7)]])).status).toBe('found');
    expect(scoreCase(leak, new Map([[leak.path, file(14)]])).status).toBe('found');
    expect(scoreCase(leak, new Map([[leak.path, file(6, 15)]])).status).toBe('missed');
  });

  it('counts a finding in one of the case\'s further ranges (alsoLines), for leaks and look-alikes alike', () => {
    const withHolder: CorpusCase = { ...leak, alsoLines: [[2, 2]] };
    expect(scoreCase(withHolder, new Map([[leak.path, file(2)]])).status).toBe('found');
    expect(scoreCase(withHolder, new Map([[leak.path, file(3)]])).status).toBe('missed');
    const lookAlikeWithHolder: CorpusCase = { ...lookAlike, alsoLines: [[2, 3]] };
    expect(scoreCase(lookAlikeWithHolder, new Map([[lookAlike.path, file(3)]])).status).toBe('flagged');
  });

  it('counts a finding in a related file for a cross-file leak, and records where it landed', () => {
    const files = new Map([
      [crossFile.path, file(40)],
      ['package/src/uses.js', file(3)],
    ]);
    const result = scoreCase(crossFile, files);
    expect(result.status).toBe('found');
    expect(result.hits).toEqual([{ rule: 'memo-leak/no-shared-method-memoizer', line: 3, message: 'm', path: 'package/src/uses.js', where: 'related' }]);
    // An in-file leak does not take findings from its related files.
    expect(scoreCase({ ...crossFile, evidence: 'in-file' }, files).status).toBe('missed');
  });

  it('leaves out related files that are not source (a README cited as evidence)', () => {
    const withReadme: CorpusCase = { ...crossFile, related: ['README.md', 'package/src/uses.js'] };
    const files = new Map([
      [crossFile.path, file()],
      ['package/src/uses.js', file(3)],
    ]);
    expect(scoreCase(withReadme, files).status).toBe('found');
    expect(isLintedPath('README.md')).toBe(false);
    expect(isLintedPath('src/a.mjs')).toBe(true);
    expect(isLintedPath('src/b.tsx')).toBe(true);
  });

  it('flags a look-alike only for a finding inside its own lines', () => {
    expect(scoreCase(lookAlike, new Map([[lookAlike.path, file(31)]])).status).toBe('flagged');
    expect(scoreCase(lookAlike, new Map([[lookAlike.path, file(7, 45)]])).status).toBe('silent');
  });

  it('does not score a related file of a look-alike that does not parse, but does a crash there', () => {
    const crossLookAlike: CorpusCase = { ...crossFile, id: 'cross-look-alike', verdict: 'look-alike', kind: 'per-instance' };
    const unparsed = new Map<string, FileResult>([
      [crossFile.path, file()],
      ['package/src/uses.js', { messages: [], error: 'parse error at 15: Parsing error: Unexpected token {' }],
    ]);
    expect(scoreCase(crossLookAlike, unparsed).status).toBe('silent');
    expect(scoreCase(crossFile, unparsed).status).toBe('crash');
    const crashed = new Map<string, FileResult>([...unparsed, ['package/src/uses.js', { messages: [], error: 'crash: boom' }]]);
    expect(scoreCase(crossLookAlike, crashed).status).toBe('crash');
  });

  it('reports a crash in any file of the case, as not found', () => {
    const files = new Map<string, FileResult>([
      [crossFile.path, file(7)],
      ['package/src/uses.js', { messages: [], error: 'crash: boom' }],
    ]);
    expect(scoreCase(crossFile, files)).toEqual({ id: 'cross', status: 'crash', hits: [], error: 'package/src/uses.js: crash: boom' });
  });

  it('totals leaks by evidence and look-alikes, leaves skipped cases out, and computes precision', () => {
    const outside: CorpusCase = { ...leak, id: 'outside', evidence: 'outside-repo' };
    const cases = [leak, crossFile, outside, lookAlike, { ...lookAlike, id: 'skipped-one' }];
    const results = [
      { id: 'some-leak', status: 'found' as const, hits: [] },
      { id: 'cross', status: 'crash' as const, hits: [], error: 'x' },
      { id: 'outside', status: 'missed' as const, hits: [] },
      { id: 'some-look-alike', status: 'flagged' as const, hits: [] },
      { id: 'skipped-one', status: 'skipped' as const, hits: [], reason: '--npm-only' },
    ];
    const t = totals(cases, results);
    expect(t).toMatchObject({ leaks: 3, found: 1, lookAlikes: 1, flagged: 1, crashes: 1, skipped: 1, precision: 0.5 });
    expect(t.byEvidence).toEqual({
      'in-file': { leaks: 1, found: 1 },
      'cross-file': { leaks: 1, found: 0 },
      'outside-repo': { leaks: 1, found: 0 },
    });
    expect(baselineOf(results)).toEqual({ found: ['some-leak'], flagged: ['some-look-alike'] });
  });

  it('fails the check on a new flagged look-alike, a lost leak or a crash, not on a skipped case', () => {
    const baseline = { found: ['a', 'b', 'c'], flagged: ['known-fp'] };
    const results = [
      { id: 'a', status: 'found' as const, hits: [] },
      { id: 'b', status: 'missed' as const, hits: [] },
      { id: 'c', status: 'skipped' as const, hits: [], reason: '--npm-only' },
      { id: 'known-fp', status: 'flagged' as const, hits: [] },
      { id: 'new-fp', status: 'flagged' as const, hits: [] },
      { id: 'd', status: 'crash' as const, hits: [], error: 'x.js: crash: boom' },
    ];
    expect(regressions(results, baseline)).toEqual([
      'b: leak no longer found (was in the baseline)',
      'new-fp: look-alike newly flagged',
      'd: crash: x.js: crash: boom',
    ]);
    expect(regressions(results.slice(0, 4), baseline)).toEqual(['b: leak no longer found (was in the baseline)']);
  });
});
