import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { applyFix, readFixMode, readProgram } from './gc-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rule = 'no-instance-in-shared-memoizer';

/** Type-checks a TypeScript module inside the repository (so its imports resolve); returns its errors. */
function typeErrors(code: string): string[] {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const file = path.join(mkdtempSync(path.join(root, '.tmp', 'tsc-')), 'program.ts');
  writeFileSync(file, code);
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
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

// Each weak-key rewrite on TypeScript code must still type-check with the libraries' own types
// (@types/lodash for lodash, the bundled types of memoize and p-memoize). Each class is created
// twice: one instance of a class nothing else can create is a singleton, which no cache can leak.
describe(`${rule}: TypeScript fixes still type-check`, () => {
  const programs = path.join(root, 'tests/runtime/programs', rule);
  it.each(['lodash-tree-layout.ts', 'memoize-exported-suggestion.ts', 'p-memoize-static.ts'])('%s', (name) => {
    const code = readProgram(path.join(programs, name));
    const fixed = applyFix(code, name, rule, readFixMode(code));
    expect(fixed).toContain('new WeakMap()');
    expect(typeErrors(code)).toEqual([]);
    expect(typeErrors(fixed)).toEqual([]);
  });

  it.each([
    {
      name: 'lodash resolver returning this, in a static field',
      code: `import memoize from 'lodash/memoize.js';
class Shape {
  static area = memoize(function (this: Shape) { return this.w * this.h; }, function (this: Shape) { return this; });
  constructor(readonly w: number, readonly h: number) {}
  area(): number { return Shape.area.call(this); }
}
export const area = new Shape(2, 3).area() + new Shape(1, 1).area();
`,
      expected: 'Object.assign(memoize(',
    },
    {
      name: 'memoize with options and cache: new Map()',
      code: `import memoize from 'memoize';
class Node2 { constructor(readonly id: number) {} size(): number { return sizeOf(this); } }
const sizeOf = memoize((node: Node2): number => node.id, { cacheKey: ([node]) => node, cache: new Map() });
export const first = new Node2(1).size() + new Node2(2).size();
`,
      expected: 'cache: new WeakMap() }',
    },
    {
      name: 'p-memoize in a module-level object',
      code: `import pMemoize from 'p-memoize';
class Doc { constructor(readonly id: number) {} load(): Promise<number> { return loaders.byDoc(this); } }
const loaders = { byDoc: pMemoize(async (doc: Doc) => doc.id) };
export const loaded = [new Doc(1).load(), new Doc(2).load()];
`,
      expected: 'pMemoize(async (doc: Doc) => doc.id, { cache: new WeakMap() })',
    },
  ])('$name', ({ code, expected }) => {
    const fixed = applyFix(code, 'program.ts', rule, 'autofix');
    expect(fixed).toContain(expected);
    expect(typeErrors(code)).toEqual([]);
    expect(typeErrors(fixed)).toEqual([]);
  });
});
