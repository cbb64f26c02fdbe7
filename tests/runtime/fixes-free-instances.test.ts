import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFix, findingsAfter, readFixMode, readProgram, runProgram } from './gc-harness.js';

// Every program under programs/<rule>/ leaks instances through a finding of <rule>. Its fix (or
// suggestion) must keep the printed results identical and let every dropped instance be collected.
const programsRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'programs');

for (const rule of readdirSync(programsRoot)) {
  describe(`${rule}: fixed programs free their instances`, () => {
    for (const name of readdirSync(path.join(programsRoot, rule))) {
      it(name, () => {
        const code = readProgram(path.join(programsRoot, rule, name));
        const mode = readFixMode(code);
        const fixed = applyFix(code, name, rule, mode);
        expect(fixed).not.toBe(code);
        expect(findingsAfter(fixed, name, rule)).toBe(0);

        const before = runProgram(code, name);
        const after = runProgram(fixed, name);
        expect(before.created).toBeGreaterThanOrEqual(100);
        // Before: the long-lived container pins (nearly) every instance it was handed.
        expect(before.collected).toBeLessThan(before.created / 10);
        // After: all of them are collected, and the program computes the same results.
        expect(after.created).toBe(before.created);
        expect(after.collected).toBe(after.created);
        expect(after.results).toEqual(before.results);
      });
    }
  });
}
