// Member calls found from the text (`getMemberCalls`) and the descent that resolves a text offset to its
// node (`nodeAt`): each must agree with a walk of the tree on what it finds, and miss only the forms its
// docs name.
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getFileContext, type FileContext } from '../../src/analysis/core/file-context.js';
import { getMemberCalls, nodeAt } from '../../src/analysis/core/member-index.js';
import { walk } from '../../src/analysis/core/traverse.js';

/** Runs `probe` on the file context of `code` (TypeScript parser). */
function withFile<T>(code: string, probe: (file: FileContext) => T): T {
  let result: T | undefined;
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      result = probe(getFileContext(context as never));
      return {};
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { t: { rules: { probe: rule } } }, rules: { 't/probe': 'error' } }],
    { filename: 'file.ts' },
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return result as T;
}

const text = (file: FileContext, node: TSESTree.Node): string => file.sourceCode.getText(node);

describe('getMemberCalls', () => {
  const code = `
emitter.on('a', f);
emitter?.on('b', f);
(emitter.on)('c', f);
emitter.on<string>('d', f);
emitter
  .on('e', f)
  .on('f', f);
const s = '.on(' + "x.on(y)"; // a.on(z) in a comment
register(emitter.on);
emitter.once('g', f);
emitter['on']('h', f);
`;

  it('finds every call of the member, wrapped or chained, in source order, and nothing in strings or comments', () => {
    const found = withFile(code, (file) => getMemberCalls(file, 'on').map((call) => text(file, call.arguments[0]!)));
    // the chain's inner call (`emitter.on('e')`) comes first in the text
    expect(found).toEqual(["'a'", "'b'", "'c'", "'d'", "'e'", "'f'"]);
  });

  it('agrees with a walk of the tree on the calls it can see (all but the computed `["on"]` one)', () => {
    const [fromText, fromWalk] = withFile(code, (file) => {
      const walked: TSESTree.CallExpression[] = [];
      walk(file, file.program, (node) => {
        if (node.type !== 'CallExpression') return true;
        let callee: TSESTree.Node = node.callee;
        while (callee.type === 'ChainExpression' || callee.type === 'TSInstantiationExpression') callee = callee.type === 'ChainExpression' ? callee.expression : callee.expression;
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'on') walked.push(node);
        return true;
      });
      return [new Set(getMemberCalls(file, 'on')), new Set(walked)];
    });
    expect(fromText).toEqual(fromWalk);
  });

  it('answers per name: no call of a name the text never writes', () => {
    expect(withFile(code, (file) => getMemberCalls(file, 'subscribe').length)).toBe(0);
    expect(withFile(code, (file) => getMemberCalls(file, 'once').length)).toBe(1);
  });
});

describe('nodeAt', () => {
  it('gives the innermost node at every offset, the same as a search of the whole tree', () => {
    const code = `const a = [, b, , c.d(e)];\nclass K { m() { return this.x?.[y] ?? z; } }\n/* c */ f(\`t\${g}\`);\n`;
    const mismatches = withFile(code, (file) => {
      const wrong: number[] = [];
      for (let index = 0; index < code.length; index++) {
        let innermost: TSESTree.Node | null = null;
        walk(file, file.program, (node) => {
          if (node.range[0] <= index && index < node.range[1]) {
            innermost = node;
            return true;
          }
          return false;
        });
        if (nodeAt(file, index) !== innermost) wrong.push(index);
      }
      return wrong;
    });
    expect(mismatches).toEqual([]);
  });
});
