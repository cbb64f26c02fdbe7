import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileContext } from './file-context.js';
import { getMemoizerRootNames, loadMemoizerTable } from '../memoizers/memoizers.js';
import { FORWARDS_THIS } from '../memoizers/text-checks.js';
import { isProjectSpecifier } from '../resolve/project-exports.js';
import { getTypeServices } from '../resolve/types.js';

/**
 * One cheap look at a file before any rule walks it: what the file's text and top-level statements
 * say it *can* contain. Every answer is a necessary condition of some analysis — `false` means the
 * analysis cannot find anything in the file, `true` only means "look" — so a rule may skip a file (or a
 * listener) on a `false`, never report on a `true`.
 *
 * Text answers look at the source text outside comments (ESLint's comment tokens): a keyword inside a
 * string or a template counts (a false "look", never a miss). An identifier written with a `\u`
 * escape is not found by its spelling, so a file with one answers `true` to every identifier question.
 * Keywords (`this`, `new`) cannot be escaped.
 *
 * Each answer is computed on first use and kept for the file (`FileContext` cache, keyed by the
 * `Program`): the rules that run on a file share one pre-scan, and a rule that never asks a question
 * does not pay for it. Nothing here reads another file, a summary or a type; the import answers come
 * from the top-level statements only.
 */
export interface Prescan {
  /** The keyword `this` occurs in code: the only way an instance (`this`, or an alias of it) can appear. */
  readonly hasThis: boolean;
  /** The keyword `new` occurs in code: every container the rules know is created by a `new`. */
  readonly hasNew: boolean;
  /**
   * `@` occurs in code where a decorator can start: outside comments, and not right after a quote or an
   * identifier character (`'@angular/core'`, `"a@b.c"` are no decorators).
   */
  readonly hasDecorator: boolean;
  /** The word `prototype` occurs in code: `X.prototype.m = …`, `Object.assign(X.prototype, …)`. */
  readonly hasPrototype: boolean;
  /** The text calls something with the caller's `this` (`.apply(`, `.call(`, `.bind(`, `Reflect.apply`). */
  readonly forwardsThis: boolean;
  /** The words `Map` or `Set` occur in code (the built-in strong containers). */
  readonly namesBuiltinContainer: boolean;
  /** The text names `lru-cache` or `quick-lru` (the imported strong containers). */
  readonly namesContainerLibrary: boolean;
  /**
   * The local names bound, at module level, to a memoizer library of the table (with the user's
   * settings) or to a project module (`getMemoizerRootNames`).
   */
  readonly memoizerRootNames: ReadonlySet<string>;
  /** A top-level `import … from` a project module binds at least one name. */
  readonly importsProjectNames: boolean;
  /** A string literal in the text starts with a memoizer module of the table (an inline `require('lodash')`). */
  readonly namesMemoizerModule: boolean;
  /** The file has type information (typed linting). */
  readonly typed: boolean;
}

const IDENTIFIER_CHAR = /[\w$]/;
const QUOTES = new Set(["'", '"', '`']);

/** The pre-scan of the file, computed lazily and once per file. */
export function getPrescan(file: FileContext): Prescan {
  return file.cached('prescan', file.program, () => new FilePrescan(file));
}

class FilePrescan implements Prescan {
  readonly #file: FileContext;
  readonly #answers = new Map<string, boolean>();
  #rootNames: ReadonlySet<string> | undefined;
  #escapes: boolean | undefined;

  constructor(file: FileContext) {
    this.#file = file;
  }

  #answer(key: string, compute: () => boolean): boolean {
    let value = this.#answers.get(key);
    if (value === undefined) {
      value = compute();
      this.#answers.set(key, value);
    }
    return value;
  }

  /** An identifier may be spelled with an escape (`\u004dap` is `Map`): then no spelling test is safe. */
  get #hasEscapes(): boolean {
    this.#escapes ??= this.#file.sourceCode.text.includes('\\u');
    return this.#escapes;
  }

  #inCode(word: string): boolean {
    return occursInCode(this.#file.sourceCode.text, this.#file.sourceCode.getAllComments(), word, 'word');
  }

  #identifierInCode(word: string): boolean {
    return this.#hasEscapes || this.#inCode(word);
  }

  get hasThis(): boolean {
    return this.#answer('this', () => this.#inCode('this'));
  }

  get hasNew(): boolean {
    return this.#answer('new', () => this.#inCode('new'));
  }

  get hasDecorator(): boolean {
    return this.#answer('@', () => occursInCode(this.#file.sourceCode.text, this.#file.sourceCode.getAllComments(), '@', 'decorator'));
  }

  get hasPrototype(): boolean {
    return this.#answer('prototype', () => this.#identifierInCode('prototype'));
  }

  get forwardsThis(): boolean {
    return this.#answer('forwardsThis', () => FORWARDS_THIS.test(this.#file.sourceCode.text));
  }

  get namesBuiltinContainer(): boolean {
    return this.#answer('Map|Set', () => this.#identifierInCode('Map') || this.#identifierInCode('Set'));
  }

  get namesContainerLibrary(): boolean {
    return this.#answer('containerLibrary', () => {
      // One scan for both names (`lru` is rare in code): `lru-cache`, `quick-lru`.
      const text = this.#file.sourceCode.text;
      for (let index = text.indexOf('lru'); index !== -1; index = text.indexOf('lru', index + 3)) {
        if (text.startsWith('lru-cache', index) || text.startsWith('quick-', index - 6)) return true;
      }
      return false;
    });
  }

  get memoizerRootNames(): ReadonlySet<string> {
    this.#rootNames ??= getMemoizerRootNames(this.#file, this.#file.settings);
    return this.#rootNames;
  }

  get importsProjectNames(): boolean {
    return this.#answer('importsProjectNames', () =>
      this.#file.program.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ImportDeclaration &&
          statement.specifiers.length > 0 &&
          isProjectSpecifier(this.#file, statement.source.value),
      ),
    );
  }

  get namesMemoizerModule(): boolean {
    return this.#answer('namesMemoizerModule', () => {
      const { sources } = loadMemoizerTable(this.#file, this.#file.settings);
      return moduleLiteralPattern(sources).test(this.#file.sourceCode.text);
    });
  }

  get typed(): boolean {
    return this.#answer('typed', () => getTypeServices(this.#file) !== null);
  }
}

const literalPatterns = new WeakMap<ReadonlySet<string>, RegExp>();

/**
 * A string literal that starts with one of `sources` (`'lodash'`, `"lodash/memoize.js"`,
 * `'memoizee/weak'`): the only way `require(…)` can name such a module inline.
 */
function moduleLiteralPattern(sources: ReadonlySet<string>): RegExp {
  let pattern = literalPatterns.get(sources);
  if (!pattern) {
    const escaped = [...sources].map((source) => source.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    pattern = escaped.length === 0 ? /(?!)/ : new RegExp(`['"](?:${escaped.join('|')})['"/.]`);
    literalPatterns.set(sources, pattern);
  }
  return pattern;
}

/**
 * Does `word` occur in `text` outside the comments (sorted by position, as ESLint gives them)?
 * `'word'`: only where no identifier character touches it on either side; `'decorator'`: only where
 * no identifier character or quote comes right before it.
 */
export function occursInCode(
  text: string,
  comments: ReadonlyArray<{ readonly range: readonly [number, number] }>,
  word: string,
  boundaries: 'word' | 'decorator',
): boolean {
  let commentIndex = 0;
  for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
    const before = index > 0 ? text[index - 1]! : '';
    if (boundaries === 'word') {
      const after = text[index + word.length] ?? '';
      if ((before && IDENTIFIER_CHAR.test(before)) || (after && IDENTIFIER_CHAR.test(after))) continue;
    } else if (QUOTES.has(before) || (before && IDENTIFIER_CHAR.test(before) && !/(?:^|[^\w$])(?:export|default)$/.test(text.slice(Math.max(0, index - 8), index)))) {
      // `'@scope/pkg'`, `"a@b.c"`; but `export@dec class …` is a decorator.
      continue;
    }
    while (commentIndex < comments.length && comments[commentIndex]!.range[1] <= index) commentIndex++;
    const comment = comments[commentIndex];
    if (comment && comment.range[0] <= index) {
      // Inside a comment: go on after it.
      index = comment.range[1] - 1;
      continue;
    }
    return true;
  }
  return false;
}
