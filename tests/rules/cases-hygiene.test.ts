/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { RuleCases } from '../rule-tester.js';

// eslint-plugin-eslint-plugin checks test-case names inside `RuleTester.run()` calls; our cases
// live in data files, so the same hygiene is checked here: every rule has a cases file, every
// case has a name, names are unique per rule.
const files = import.meta.glob<{ cases: RuleCases<string, readonly unknown[]> }>('./*.cases.ts', { eager: true });

describe('rule case files', () => {
  it('exist for every rule', () => {
    const covered = Object.keys(files).map((file) => file.replace(/^\.\/(.*)\.cases\.ts$/, '$1'));
    expect(covered.sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  for (const [file, { cases }] of Object.entries(files)) {
    it(`${file}: every case is named, names are unique`, () => {
      const names: string[] = [];
      for (const set of Object.values(cases)) {
        for (const testCase of [...set.valid, ...set.invalid]) {
          expect(typeof testCase === 'object' && testCase.name, JSON.stringify(testCase).slice(0, 80)).toBeTruthy();
          if (typeof testCase === 'object' && testCase.name) names.push(testCase.name);
        }
      }
      expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
      expect(names.length).toBeGreaterThan(0);
    });
  }
});
