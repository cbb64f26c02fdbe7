import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // The editor and CLI suites start real processes; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
