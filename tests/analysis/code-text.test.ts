import { describe, expect, it } from 'vitest';
import { commentRanges, inComment, matchesInCode } from '../../src/analysis/core/code-text.js';

/** The comments `commentRanges` finds, as text. */
function comments(text: string, path = 'module.ts'): string[] {
  const { ranges } = commentRanges(text, path);
  const found: string[] = [];
  for (let i = 0; i < ranges.length; i += 2) found.push(text.slice(ranges[i], ranges[i + 1]));
  return found;
}

const FORWARDS = /\.(?:apply|call|bind)\s*\(/g;
const forwardsInCode = (text: string, path = 'module.ts'): boolean => matchesInCode(text, commentRanges(text, path), FORWARDS);

describe('commentRanges', () => {
  it('finds line and block comments, and none inside strings, templates or regular expressions', () => {
    const text = [
      '/** Effect.bind("x", () => 1) */',
      'const a = "// not a comment", b = \'/* nor this */\';',
      'const t = `${a /* inside */}// text ${`/* nested */`}`;',
      'const r = /\\/*[/*]/g.test(a); // after a regex',
      'const d = a.length / 2 / 3; // after a division',
      'if (a) /x\\/*/.test(b); /* statement-head regex */',
      'const p = x.return / 2; // a property named like a keyword',
      'export default /y/; // default',
    ].join('\n');
    expect(comments(text)).toEqual([
      '/** Effect.bind("x", () => 1) */',
      '/* inside */',
      '// after a regex',
      '// after a division',
      '/* statement-head regex */',
      '// a property named like a keyword',
      '// default',
    ]);
    expect(commentRanges(text, 'module.ts').until).toBe(text.length);
  });

  it('stops where a slash cannot be told apart, and counts everything after it as code', () => {
    // after `}` (a block or an object literal), after a TypeScript non-null `!`, after `++`
    for (const ambiguous of ['function f() {}\n/a/.test(s)', 'const q = x! / 2', 'i++ / 2']) {
      const text = `// before\n${ambiguous} // after .call(this)`;
      const found = commentRanges(text, 'module.ts');
      expect(comments(text)).toEqual(['// before']);
      expect(found.until).toBeLessThan(text.length);
      expect(forwardsInCode(text)).toBe(true);
    }
  });

  it('stops at text that does not lex (an unterminated string)', () => {
    const text = '// one\nconst s = "open\n// two .call(this)';
    expect(comments(text)).toEqual(['// one']);
    expect(forwardsInCode(text)).toBe(true);
  });

  it('reads no comments of JSX, or of other languages', () => {
    expect(commentRanges('// a\nconst x = <p>Don\'t</p>;', 'module.js').ranges).toEqual([]);
    expect(commentRanges('// a\nconst x = 1;', 'module.tsx').ranges).toEqual([]);
    expect(commentRanges('// a\nconst x = 1;', 'module.vue').ranges).toEqual([]);
    expect(comments('// a\nconst x = 1;', 'module.mjs')).toEqual(['// a']);
  });
});

describe('matchesInCode', () => {
  it('does not count a match in a comment', () => {
    expect(forwardsInCode('/**\n * Effect.bind("x", f)\n */\nexport const succeed = internal.succeed;')).toBe(false);
    expect(forwardsInCode('// fn.apply(this, args)\nexport const f = (fn) => function (...a) { return fn.apply(this, a); };')).toBe(true);
    expect(forwardsInCode('const s = "fn.call(this)";')).toBe(true); // a string counts (a false "look", never a miss)
  });

  it('inComment: positions in, between and after the comments', () => {
    const text = '/* a */ x /* b */ y';
    const found = commentRanges(text, 'module.ts');
    expect([0, 3, 7, 8, 10, 16, 17, 18].map((at) => inComment(found, at))).toEqual([true, true, false, false, true, true, false, false]);
  });
});
