#!/usr/bin/env node
// Totals the JSON summaries vitest wrote during `npm test` in CI into one closing line:
// "tests: N passed, N failed" (and skipped, if any).
import { readdirSync, readFileSync } from 'node:fs';

const files = readdirSync('.tmp').filter((name) => /^vitest-summary-.*\.json$/.test(name));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const summary = JSON.parse(readFileSync(`.tmp/${file}`, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  skipped += summary.numPendingTests + summary.numTodoTests;
}
if (passed + failed === 0) {
  console.error('no test ran');
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
