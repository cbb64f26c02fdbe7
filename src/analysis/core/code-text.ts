/**
 * Where the comments of a module's text are, read without parsing it: for the cheap text tests run on
 * another project module before it is parsed (`mayDefineMemoizer`), so that a `.call(` or `.bind(` in a
 * doc comment's example does not make a 20,000-line module worth parsing.
 *
 * A light lexer: strings, template literals (with `${…}` nesting), regular expression literals and
 * comments. Where it cannot tell a regular expression from a division for sure (after `}`, after a
 * postfix `!` or `>` of TypeScript, after `++`, after a contextual keyword, after `await (…)`), or where the
 * text does not lex (an unterminated string, a line break in a regex), it stops: the comments found
 * before that point are comments, and everything after it counts as code. So a match in code is never
 * taken for one in a comment; at worst a comment counts as code (a false "look", never a miss).
 *
 * Only for extensions whose text is JavaScript or TypeScript without JSX (`.js`, `.mjs`, `.cjs`, `.ts`,
 * `.mts`, `.cts`): JSX text (`<p>Don't</p>`) is not lexed like code. A `.js` file whose text may hold JSX
 * (`</` or `/>` anywhere) is left alone too. Other files: no comments known, all text counts as code.
 */

/** Start and end offsets of each comment, in order; comments are known only before `until`. */
export interface CommentRanges {
  readonly ranges: readonly number[];
  /** Where the lexer stopped (`text.length` when it read the whole text). */
  readonly until: number;
}

const NONE: CommentRanges = { ranges: [], until: 0 };

/** After these words a `/` starts a regular expression (they cannot end an expression). */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'extends', 'default']);
/** Words that are keywords in some places and names in others: a `/` after them is not decided here. */
const UNDECIDED_WORDS = new Set(['yield', 'await', 'of', 'async', 'let', 'static', 'get', 'set', 'as', 'satisfies']);
/** A parenthesis after these words closes a statement head: a `/` after its `)` starts a regular expression. */
const STATEMENT_HEADS = new Set(['if', 'while', 'for', 'with']);

const isIdentifierStart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 36 || code === 95 || code === 35 || code > 127;
const isIdentifierPart = (code: number): boolean => isIdentifierStart(code) || (code >= 48 && code <= 57);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLineBreak = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

export function commentRanges(text: string, path: string): CommentRanges {
  const extension = /\.([cm]?[jt]s)$/.exec(path)?.[1];
  if (!extension) return NONE;
  const typescript = extension.endsWith('ts');
  if (!typescript && (text.includes('</') || text.includes('/>'))) return NONE;
  const ranges: number[] = [];
  const stop = (at: number): CommentRanges => ({ ranges, until: at });
  // What the last significant token was, for `/`: a value (division follows), an operator (a regex follows), or undecided.
  type Last = 'value' | 'operator' | 'undecided';
  let last: Last = 'operator';
  let lastWasDot = false;
  let lastWord = '';
  /** Open `(`: whether each one follows a statement head or `await`; open `{`: whether each one is a template's `${`. */
  const parens: Array<'statement' | 'await' | 'other'> = [];
  const braces: boolean[] = [];
  const length = text.length;
  // `#!/usr/bin/env node`
  let index = text.startsWith('#!') ? Math.max(0, text.search(/[\n\r\u2028\u2029]|$/)) : 0;

  /** Scans a template's text from `index` (just after `` ` `` or the `}` of `${…}`); returns the index after it, or -1. */
  const scanTemplate = (from: number): { end: number; interpolation: boolean } | null => {
    for (let at = from; at < length; at++) {
      const code = text.charCodeAt(at);
      if (code === 92) at++; // `\`
      else if (code === 96) return { end: at + 1, interpolation: false }; // `` ` ``
      else if (code === 36 && text.charCodeAt(at + 1) === 123) return { end: at + 2, interpolation: true }; // `${`
    }
    return null;
  };

  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || isLineBreak(code) || code === 11 || code === 12 || (code > 127 && /\s/.test(text[index]!))) {
      index++;
      continue;
    }
    if (code === 47) {
      // `/`
      const next = text.charCodeAt(index + 1);
      if (next === 47) {
        let end = index + 2;
        while (end < length && !isLineBreak(text.charCodeAt(end))) end++;
        ranges.push(index, end);
        index = end;
        continue;
      }
      if (next === 42) {
        const end = text.indexOf('*/', index + 2);
        if (end === -1) return stop(index);
        ranges.push(index, end + 2);
        index = end + 2;
        continue;
      }
      if (last === 'undecided') return stop(index);
      if (last === 'value') {
        // division (`/=` too)
        index += next === 61 ? 2 : 1;
        last = 'operator';
        lastWasDot = false;
        continue;
      }
      // a regular expression literal
      let at = index + 1;
      let inClass = false;
      for (; at < length; at++) {
        const c = text.charCodeAt(at);
        if (isLineBreak(c)) return stop(index);
        if (c === 92) at++;
        else if (c === 91) inClass = true;
        else if (c === 93) inClass = false;
        else if (c === 47 && !inClass) break;
      }
      if (at >= length) return stop(index);
      at++;
      while (at < length && isIdentifierPart(text.charCodeAt(at))) at++; // flags
      index = at;
      last = 'value';
      lastWasDot = false;
      lastWord = '';
      continue;
    }
    if (code === 39 || code === 34) {
      // `'` or `"`
      let at = index + 1;
      for (; at < length; at++) {
        const c = text.charCodeAt(at);
        if (c === code) break;
        if (c === 92) {
          if (text.charCodeAt(at + 1) === 13 && text.charCodeAt(at + 2) === 10) at++;
          at++;
        } else if (c === 10 || c === 13) return stop(index);
      }
      if (at >= length) return stop(index);
      index = at + 1;
      last = 'value';
      lastWasDot = false;
      lastWord = '';
      continue;
    }
    if (code === 96) {
      const scanned = scanTemplate(index + 1);
      if (!scanned) return stop(index);
      index = scanned.end;
      if (scanned.interpolation) {
        braces.push(true);
        last = 'operator';
      } else last = 'value';
      lastWasDot = false;
      lastWord = '';
      continue;
    }
    if (isIdentifierStart(code) || code === 92) {
      let at = index + 1;
      while (at < length && (isIdentifierPart(text.charCodeAt(at)) || text.charCodeAt(at) === 92)) at++;
      const word = text.slice(index, at);
      if (lastWasDot) last = 'value'; // a property name: `x.return / 2`
      else if (REGEX_AFTER_WORDS.has(word)) last = 'operator';
      else if (UNDECIDED_WORDS.has(word) || word.includes('\\')) last = 'undecided';
      else last = 'value';
      lastWord = lastWasDot ? '' : word;
      lastWasDot = false;
      index = at;
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(index + 1)))) {
      let at = index + 1;
      while (at < length) {
        const c = text.charCodeAt(at);
        if (isIdentifierPart(c) || c === 46) at++;
        else if ((c === 43 || c === 45) && (text.charCodeAt(at - 1) === 101 || text.charCodeAt(at - 1) === 69) && !/^0[xX]/.test(text.slice(index, index + 2))) at++; // `1e+5`
        else break;
      }
      index = at;
      last = 'value';
      lastWasDot = false;
      lastWord = '';
      continue;
    }
    // punctuators
    const previousWord = lastWord;
    lastWord = '';
    const previous = last;
    lastWasDot = false;
    switch (code) {
      case 40: // `(`
        parens.push(previous !== 'value' && previous !== 'undecided' ? 'other' : STATEMENT_HEADS.has(previousWord) ? 'statement' : previousWord === 'await' ? 'await' : 'other');
        last = 'operator';
        break;
      case 41: {
        // `)`
        const kind = parens.pop();
        last = kind === 'statement' ? 'operator' : kind === 'await' || kind === undefined ? 'undecided' : 'value';
        break;
      }
      case 93: // `]`
        last = 'value';
        break;
      case 123: // `{`
        braces.push(false);
        last = 'operator';
        break;
      case 125: {
        // `}`
        if (braces.pop()) {
          const scanned = scanTemplate(index + 1);
          if (!scanned) return stop(index);
          index = scanned.end;
          if (scanned.interpolation) {
            braces.push(true);
            last = 'operator';
          } else last = 'value';
          continue;
        }
        last = 'undecided'; // a block or an object literal
        break;
      }
      case 46: // `.`
        lastWasDot = true;
        last = 'operator';
        break;
      case 33: // `!`: a postfix non-null assertion in TypeScript after a value
      case 62: // `>`: a type argument list's end in TypeScript (`f<T> / 2`)
        last = typescript && (previous === 'value' || previous === 'undecided') && text.charCodeAt(index + 1) !== 61 ? 'undecided' : 'operator';
        break;
      case 43: // `+`
      case 45: // `-`
        if (text.charCodeAt(index + 1) === code) {
          // `++` / `--`: postfix or prefix
          index += 2;
          last = 'undecided';
          continue;
        }
        last = 'operator';
        break;
      default:
        last = 'operator';
    }
    index++;
  }
  return stop(length);
}

/** Is `position` inside one of the comments (a position after `until` never is)? */
export function inComment(comments: CommentRanges, position: number): boolean {
  if (position >= comments.until) return false;
  const ranges = comments.ranges;
  let low = 0;
  let high = ranges.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle * 2 + 1]! <= position) low = middle + 1;
    else high = middle;
  }
  return low * 2 < ranges.length && ranges[low * 2]! <= position;
}

/** Does the global pattern match `text` somewhere that does not start in a comment? */
export function matchesInCode(text: string, comments: CommentRanges, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (!inComment(comments, match.index)) return true;
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return false;
}
