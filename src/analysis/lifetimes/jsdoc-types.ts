import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../core/file-context.js';

type Node = TSESTree.Node;

/**
 * A type written in a JSDoc comment (`@param {HTMLElement} el`, `@const {!Map<!Node, V>}`), read as
 * far as an object-or-not judgement needs. Anything this reader does not understand is `unknown`,
 * which is never evidence.
 */
export type JsdocType =
  | { readonly kind: 'object' } // `object`, `!Object`, a record `{a: T}`, `function(…)`
  | { readonly kind: 'primitive' } // `string`, `null`, a literal, …
  | { readonly kind: 'unknown' } // `*`, `?`, `any`, anything not understood
  | { readonly kind: 'union'; readonly members: readonly JsdocType[] }
  | { readonly kind: 'name'; readonly path: readonly string[]; readonly args: readonly JsdocType[] };

/** A JSDoc type with the text it was written as (for messages). */
export interface WrittenJsdocType {
  readonly text: string;
  readonly type: JsdocType;
}

const UNKNOWN: JsdocType = { kind: 'unknown' };
const PRIMITIVE: JsdocType = { kind: 'primitive' };
const OBJECT: JsdocType = { kind: 'object' };
const PRIMITIVES = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'void', 'never']);
const UNKNOWNS = new Set(['any', 'unknown', 'Object', 'Function']);

/** The JSDoc comment that documents `node` (a declaration, a class member, a function), if any. */
export function getJsdocComment(file: FileContext, node: Node): TSESTree.BlockComment | null {
  let target: Node = node;
  // A function or class value documented where it is declared: `const f = (el) => …`, `m: function (el) {}`.
  for (;;) {
    const parent: Node | undefined = target.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === target) target = parent;
    else if (parent.type === AST_NODE_TYPES.VariableDeclaration && parent.declarations.length === 1) target = parent;
    else if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) target = parent;
    else if ((parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) && parent.value === target) target = parent;
    else if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === target) target = parent;
    else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === target) target = parent;
    else if (parent.type === AST_NODE_TYPES.ExpressionStatement) target = parent;
    else break;
  }
  return lastDocComment(file, target);
}

function lastDocComment(file: FileContext, node: Node): TSESTree.BlockComment | null {
  const comment = file.sourceCode.getCommentsBefore(node).at(-1);
  return comment?.type === 'Block' && comment.value.startsWith('*') ? (comment as TSESTree.BlockComment) : null;
}

/** `@type {T}` (or Closure's `@const {T}`, `@private {T}`, …) of a documented declaration. */
export function getJsdocDeclaredType(file: FileContext, node: Node): WrittenJsdocType | null {
  const comment = getJsdocComment(file, node);
  return comment ? tagType(comment.value, /@(?:type|const|private|protected|package|public|define)\s*\{/g) : null;
}

/**
 * The JSDoc type of a parameter: `@param {T} name` on its function, or an inline comment before it
 * (`function f(/** !Node *\/ node)`, `(/** @type {Node} *\/ node) => …`).
 */
export function getJsdocParameterType(file: FileContext, parameter: TSESTree.Identifier): WrittenJsdocType | null {
  const inline = lastDocComment(file, parameter);
  if (inline) {
    const tagged = tagType(inline.value, /@type\s*\{/g);
    if (tagged) return tagged;
    const text = inline.value.slice(1).trim();
    if (!text.includes('@')) return written(text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text);
  }
  const fn = parameter.parent;
  if (!fn || !isFunction(fn) || !fn.params.includes(parameter)) return null;
  const comment = getJsdocComment(file, fn);
  if (!comment) return null;
  const pattern = /@(?:param|arg|argument)\s*\{/g;
  for (let match = pattern.exec(comment.value); match; match = pattern.exec(comment.value)) {
    const end = closingBrace(comment.value, match.index + match[0].length);
    if (end < 0) return null;
    const name = /^\s*\[?\s*([\w$]+)/.exec(comment.value.slice(end + 1))?.[1];
    if (name === parameter.name) return written(comment.value.slice(match.index + match[0].length, end));
    pattern.lastIndex = end + 1;
  }
  return null;
}

function isFunction(node: Node): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The type of the first tag `pattern` matches (the pattern ends at the type's opening brace). */
function tagType(comment: string, pattern: RegExp): WrittenJsdocType | null {
  const match = pattern.exec(comment);
  if (!match) return null;
  const start = match.index + match[0].length;
  const end = closingBrace(comment, start);
  return end < 0 ? null : written(comment.slice(start, end));
}

/** The index of the `}` that closes a type starting at `start` (just after its `{`), or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) return i;
  }
  return -1;
}

function written(raw: string): WrittenJsdocType {
  // Comment continuation stars (`\n * `) are not part of the type.
  const text = raw.replace(/\n\s*\*/g, ' ').replace(/\s+/g, ' ').trim();
  return { text, type: parseJsdocType(text) };
}

/** Parses a JSDoc (Closure or TypeScript-flavoured) type expression; whatever is not understood is `unknown`. */
export function parseJsdocType(text: string): JsdocType {
  const tokens = text.match(/\.\.\.|[\w$]+(?:\.[\w$]+)*|'[^']*'|"[^"]*"|\S/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const next = (): string | undefined => tokens[position++];
  const expect = (token: string): boolean => (peek() === token ? (position++, true) : false);

  function union(): JsdocType {
    const members = [prefixed()];
    while (expect('|')) members.push(prefixed());
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }
  function prefixed(): JsdocType {
    if (expect('!')) return suffixed(primary(true));
    if (peek() === '?' && tokens[position + 1] !== undefined && !['|', ')', '>', ',', '='].includes(tokens[position + 1]!)) {
      next();
      return { kind: 'union', members: [suffixed(primary(false)), PRIMITIVE] }; // `?T` is `T|null`
    }
    return suffixed(primary(false));
  }
  function suffixed(type: JsdocType): JsdocType {
    let result = type;
    for (;;) {
      if (expect('=')) continue; // optional parameter: the declared type is what is passed
      if (expect('!')) continue;
      if (peek() === '[' && tokens[position + 1] === ']') {
        position += 2;
        result = UNKNOWN; // an array: not judged (as for TypeScript annotations)
        continue;
      }
      return result;
    }
  }
  function primary(nonNull: boolean): JsdocType {
    const token = next();
    if (token === undefined) throw new Error('end');
    if (token === '(') {
      const inner = union();
      if (!expect(')')) throw new Error(')');
      return inner;
    }
    if (token === '{') {
      skipBalanced('{', '}');
      return OBJECT;
    }
    if (token === '*' || token === '?' || token === '...') return UNKNOWN;
    if (token === '.') {
      // A Closure module path (`./Value`, `../dom/Node`): not judged.
      while (peek() !== undefined && ![',', '>', '|', ')', '='].includes(peek()!)) next();
      return UNKNOWN;
    }
    if (/^['"]|^\d/.test(token)) return PRIMITIVE;
    if (token === 'function' && peek() === '(') {
      next();
      skipBalanced('(', ')');
      if (expect(':')) prefixed();
      return OBJECT;
    }
    if (!/^[A-Za-z_$]/.test(token)) throw new Error(token);
    if (token === 'object') return OBJECT;
    if (PRIMITIVES.has(token)) return PRIMITIVE;
    if (token === 'typeof' || token === 'keyof' || token === 'import') throw new Error(token);
    if (UNKNOWNS.has(token)) return token === 'Object' && nonNull && peek() !== '<' && peek() !== '.' ? OBJECT : UNKNOWN;
    const path = token.split('.').filter((part) => part.length > 0);
    const args: JsdocType[] = [];
    if (expect('.') || peek() === '<') {
      if (!expect('<')) throw new Error('<');
      if (!expect('>')) {
        do args.push(union());
        while (expect(','));
        if (!expect('>')) throw new Error('>');
      }
    }
    return { kind: 'name', path, args };
  }
  function skipBalanced(open: string, close: string): void {
    for (let depth = 1; depth > 0; ) {
      const token = next();
      if (token === undefined) throw new Error(close);
      if (token === open) depth++;
      else if (token === close) depth--;
    }
  }

  try {
    const type = union();
    return position === tokens.length ? type : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}
