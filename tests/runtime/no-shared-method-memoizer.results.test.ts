import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { applyFix, readProgram, runProgram } from './gc-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rule = 'no-shared-method-memoizer';

// The cross-instance finding: one prototype cache serves every instance, so an instance receives
// another instance's result. After the suggestion, each instance computes its own.
const crossInstance = `// @fix suggestion
import memoize from 'lodash/memoize.js';

class Price {
  constructor(rate) {
    this.rate = rate;
  }
}

Price.prototype.total = memoize(function (amount) {
  return amount * this.rate;
});

export function run(track) {
  const out = [];
  for (const rate of [1, 2, 3]) {
    const price = new Price(rate);
    track(price);
    out.push(price.total(10));
  }
  return out;
}
`;

describe(`${rule}: suggestions make per-instance results correct`, () => {
  it('an instance no longer receives the result computed for another one', () => {
    const fixed = applyFix(crossInstance, 'price.js', rule, 'suggestion');
    expect(runProgram(crossInstance, 'price.js').results).toEqual([10, 10, 10]);
    expect(runProgram(fixed, 'price.js').results).toEqual([10, 20, 30]);
  });
});

/** Type-checks a TypeScript program inside the repository (so its imports resolve), with the given decorator mode. */
function typeErrors(code: string, experimentalDecorators: boolean): string[] {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const directory = mkdtempSync(path.join(root, '.tmp', 'tsc-'));
  const file = path.join(directory, 'program.ts');
  writeFileSync(file, code.replace(/^\/\/ @ts-nocheck.*$/m, ''));
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    experimentalDecorators,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  rmSync(path.dirname(file), { recursive: true, force: true });
  return errors;
}

describe(`${rule}: TypeScript suggestions still type-check`, () => {
  const programs = path.join(root, 'tests/runtime/programs', rule);
  it.each(['memoize-all-to-memoize.ts', 'p-memoize-shared-cache.ts'])('%s', (name) => {
    const code = readProgram(path.join(programs, name));
    const legacy = /@fix-options experimentalDecorators/.test(code);
    expect(typeErrors(code, legacy)).toEqual([]);
    expect(typeErrors(applyFix(code, name, rule, 'suggestion'), legacy)).toEqual([]);
  });

  it('the instance-field suggestion on a TypeScript class', () => {
    const code = `// @fix suggestion
import memoize from 'lodash/memoize.js';
export class Price {
  constructor(readonly rate: number) {}
}
(Price.prototype as unknown as { total: (amount: number) => number }).total = memoize(function (this: Price, amount: number) {
  return amount * this.rate;
});
`;
    const fixed = applyFix(code, 'price.ts', rule, 'suggestion');
    expect(fixed).toContain('  total = memoize(function (this: Price, amount: number) {');
    expect(typeErrors(fixed, false)).toEqual([]);
  });
});
