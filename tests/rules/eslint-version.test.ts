import { describe, expect, it } from 'vitest';
import { eslintMajor } from '../rule-tester.js';

describe('the ESLint major the rule suites run against', () => {
  it('is the one selected by MEMO_LEAK_ESLINT (10 by default)', () => {
    expect(eslintMajor()).toBe(process.env['MEMO_LEAK_ESLINT'] === '9' ? 9 : 10);
  });
});
