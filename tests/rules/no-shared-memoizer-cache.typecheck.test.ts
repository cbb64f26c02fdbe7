import { describe, expect, it } from 'vitest';
import { caseOptions, createChecker } from '../support/typecheck.js';
import { cases } from './no-shared-memoizer-cache.cases.js';

/**
 * Every TypeScript case of no-shared-memoizer-cache compiles (strict), as legacy decorators
 * (`experimentalDecorators`) or as TC39 decorators, and so does every suggestion output, under the
 * same options.
 */
describe('no-shared-memoizer-cache suggestions type-check', () => {
  const check = createChecker();
  it('the checker reports what strict TypeScript rejects', () => {
    const withoutCast = `const caches = new WeakMap<object, number>();
export function f<This>(this: This): number | undefined { return caches.get(this); }`;
    expect(check(withoutCast, caseOptions(false))).toEqual([
      expect.stringContaining("TS2345 Argument of type 'This' is not assignable to parameter of type 'object'"),
    ]);
  });
  for (const testCase of cases.typescript?.invalid ?? []) {
    it(testCase.name ?? testCase.code, () => {
      const legacy = check(testCase.code, caseOptions(true));
      const standard = check(testCase.code, caseOptions(false));
      const experimental = legacy.length === 0 ? true : standard.length === 0 ? false : null;
      expect(experimental === null ? { legacy, standard } : []).toEqual([]);
      for (const error of testCase.errors) {
        for (const suggestion of error.suggestions ?? []) {
          expect(check(suggestion.output, caseOptions(experimental!))).toEqual([]);
        }
      }
    });
  }
});
