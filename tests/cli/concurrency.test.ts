/**
 * `--concurrency 2` (worker threads, each loading the config and the plugin) must report exactly
 * what a single thread reports. The corpus is the rules' own test data — every valid and invalid
 * case of every rule, one file each — so the run also shows the CLI agreeing with the rule tester:
 * each invalid case has as many findings as its declared errors, each valid case none.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignFiles, caseProjectFiles, isPortable } from '../support/case-project.js';
import { assertBuilt, createProject, DEFAULT_PACKAGES, removeProject } from '../support/project.js';
import { discoverRuleCases } from '../support/rule-cases.js';
import { ESLINT_BINS } from './app-project.js';
import { runNode, type JsonResult } from './run.js';

assertBuilt();
const discovered = await discoverRuleCases();
const files = [
  ...assignFiles(discovered.flatMap(({ invalid }) => invalid.filter(isPortable)), 'invalid-'),
  ...assignFiles(discovered.flatMap(({ valid }) => valid.filter(isPortable)), 'valid-'),
];
const expectedCounts = Object.fromEntries(files.map((item) => [item.file, 'errors' in item.case ? (item.case.errors as readonly unknown[]).length : 0]));

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) removeProject(root);
});

/** File → the rule findings as `line:column ruleId messageId`, from a JSON report. */
function byFile(root: string, stdout: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as JsonResult[];
  return Object.fromEntries(
    results.map((result) => [
      path.relative(root, result.filePath).split(path.sep).join('/'),
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.messageId ?? message.message}`),
    ]),
  );
}

describe.concurrent.each([10, 9] as const)('ESLint %s on the rules’ cases', (eslint) => {
  let root: string;
  beforeAll(() => {
    root = createProject(`concurrency-${eslint}`, {
      files: caseProjectFiles(files),
      packages: { ...DEFAULT_PACKAGES, eslint: eslint === 10 ? 'eslint' : 'eslint-v9' },
    });
    roots.push(root);
  });

  it('--concurrency 2 reports exactly what a single thread reports, and what the cases declare', async () => {
    const [single, threaded] = await Promise.all([
      runNode(root, [ESLINT_BINS[eslint], '--concurrency', 'off', '-f', 'json', 'cases']),
      runNode(root, [ESLINT_BINS[eslint], '--concurrency', '2', '-f', 'json', 'cases']),
    ]);
    expect(single.code).toBe(1);
    expect(threaded.code).toBe(1);
    const singleFindings = byFile(root, single.stdout);
    expect(byFile(root, threaded.stdout)).toEqual(singleFindings);
    expect(Object.fromEntries(Object.entries(singleFindings).map(([file, list]) => [file, list.length]))).toEqual(expectedCounts);
  });
});
