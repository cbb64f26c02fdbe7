import { defineConfig } from 'vitest/config';

// In CI, each vitest run also writes a JSON summary that .ci/run totals into one closing line.
const summary = `.tmp/vitest-summary-eslint${process.env['MEMO_LEAK_ESLINT'] ?? '10'}.json`;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // The editor and CLI suites start real processes; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: summary }]] : ['default'],
  },
});
