/**
 * Wires typescript-eslint's RuleTester to vitest, and (with MEMO_LEAK_ESLINT=9) runs every suite
 * against ESLint 9 instead of ESLint 10.
 */
import Module from 'node:module';
import { afterAll, describe, it } from 'vitest';

if (process.env['MEMO_LEAK_ESLINT'] === '9') {
  // The rule tester and @typescript-eslint/utils `require('eslint')` from node_modules; send those
  // requests to the `eslint-v9` alias package so the same suites run on the older major.
  const moduleWithResolver = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const resolve = moduleWithResolver._resolveFilename;
  moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
    const redirected = request === 'eslint' || request.startsWith('eslint/') ? `eslint-v9${request.slice(6)}` : request;
    return resolve.call(this, redirected, ...rest);
  };
}

const { RuleTester } = await import('@typescript-eslint/rule-tester');
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
