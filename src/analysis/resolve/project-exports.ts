import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../core/file-context.js';
import { getImportOrigin, type ImportOrigin } from './imports.js';
import { declaringModule, exportsProjectDeclaration, getProjectFileContext, isWorthParsing, resolveProjectModule } from './project-files.js';
import { MEMOIZER_LIBRARIES } from '../memoizers/memoizer-libraries.js';
import { getModuleContext, projectModuleNamerOf, type TextTest } from './project-modules.js';
import { getTypeServices } from './types.js';
import { FORWARDS_THIS } from '../memoizers/text-checks.js';

/** How many re-export hops are followed (`a` re-exports `b` re-exports `lodash`). */
const MAX_HOPS = 5;

/**
 * Typed mode only: where an export of a project module really comes from. For
 * `import { memoize } from '../util'` with `export { memoize } from 'lodash'` (or
 * `import _ from 'lodash'; export const memoize = _.memoize`) in util.ts, the origin of
 * `memoize` is `lodash` `['memoize']`, and the library tables recognise it.
 */
export function followProjectExport(
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  exportName: string,
  hops = 0,
): ImportOrigin | null {
  // Cheap first (no parse): an export the checker resolves to a function or class of the project is
  // no library export. Only variables and re-exports of libraries are worth reading.
  const types = getTypeServices(file);
  if (types) {
    if (!isRelative(specifier.value) || exportsProjectDeclaration(types, file, specifier, exportName)) return null;
  } else if (!isProjectSpecifier(file, specifier.value)) return null;
  const target = projectModule(file, specifier, hops, (text) => mentionsMemoizerLibrary(text) && mayExportName(text, exportName));
  if (!target) return null;
  const known = target.cached('projectExports', target.program, () => new Map<string, ImportOrigin | null>());
  if (!known.has(exportName)) known.set(exportName, findExportOrigin(target, exportName, hops + 1));
  return known.get(exportName) ?? null;
}

/**
 * The analysis of the project module a specifier names, within the hop limit: a relative one through
 * the program in typed mode, from disk otherwise (relative paths, tsconfig `paths`, package `imports`,
 * workspace packages: bare specifiers are read from disk in typed mode too).
 */
function projectModule(
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  hops: number,
  worthParsing?: TextTest,
): FileContext | null {
  if (hops >= MAX_HOPS) return null;
  const types = getTypeServices(file);
  if (types && isRelative(specifier.value)) {
    const sourceFile = resolveProjectModule(types, file, specifier);
    // the same cheap text test as without types, before the module is parsed
    if (!sourceFile || (worthParsing && !isWorthParsing(sourceFile, worthParsing))) return null;
    return getProjectFileContext(types, sourceFile, file.moduleParser, file.settings);
  }
  // A bare specifier (a tsconfig `paths` alias, a workspace package) is resolved from disk, typed or not.
  return getModuleContext(file, specifier.value, worthParsing);
}

/** Can `specifier`, imported by `file`, name a module of the user's project (not a package)? */
export function isProjectSpecifier(file: FileContext, specifier: string): boolean {
  if (isRelative(specifier)) return getTypeServices(file) !== null || (file.filename !== null && file.moduleParser !== null);
  // A bare name asks tsconfig `paths` and the workspace (files on disk): once per file and specifier,
  // however many rules and helpers ask (the pre-scan, the root names, the candidate names, …).
  return file.cachedByName('projectSpecifier', specifier, () => {
    return file.filename !== null && file.moduleParser !== null && projectModuleNamerOf(file)(specifier);
  });
}

const LIBRARY_SOURCES = [...new Set(MEMOIZER_LIBRARIES.flatMap((spec) => spec.origins.map((origin) => origin.source)))];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An import, `require` or re-export of a library of the table: `from 'lodash'`, `require("memoizee/weak")`. */
const IMPORTS_LIBRARY = new RegExp(
  `(?:from|import|require\\()\\s*['"](?:${LIBRARY_SOURCES.map(escape).join('|')})['"/]`,
);

/**
 * Cheap test before a module is parsed to see whether it re-exports a library memoizer: its text
 * imports one of the libraries of the table, or another project module (which may, in turn).
 */
function mentionsMemoizerLibrary(text: string): boolean {
  return IMPORTS_LIBRARY.test(text) || REEXPORTS_PROJECT.test(text);
}

/** A re-export (`export { memo } from './memo'`, `export * from '@org/utils'`): relative, aliased or a workspace package. */
const REEXPORTS_PROJECT = /export\s*(?:\*|\{[^}]*\})\s*from\s*['"]/;

/**
 * Cheap test before a module is parsed for a definition (a decorator or wrapper it exports): a memoizer
 * forwards the caller's `this` (in code: `Effect.bind(…)` in a doc comment's example does not count) or
 * applies a library memoizer; a barrel re-exports one.
 */
const mayDefineMemoizer: TextTest = (text, inCode) => (FORWARDS_THIS.test(text) && inCode(FORWARDS_THIS_ALL)) || mentionsMemoizerLibrary(text);
const FORWARDS_THIS_ALL = new RegExp(FORWARDS_THIS.source, 'g');

/**
 * Cheap test of a module's text before it is parsed for one export: a module can export `name` (or
 * `default`) only if its text spells the name (`export function name`, `export { x as name }`,
 * `exports.name =`, `module.exports = { name }`; for `default`: `export default`, `as default`,
 * `module.exports`) or re-exports everything of another module (`export * from`), which is then
 * tested in turn. An identifier written with a `\u` escape cannot be found by its spelling: look.
 */
export function mayExportName(text: string, name: string): boolean {
  if (EXPORTS_ALL.test(text) || text.includes('\\u')) return true;
  if (name === 'default') return containsWord(text, 'default') || containsWord(text, 'exports');
  if (!containsWord(text, name)) return false;
  // CommonJS (`exports.name =`, `module.exports = { name }`): the word is enough.
  if (containsWord(text, 'exports')) return true;
  // ESM: the name is one an `export` statement declares or lists (`export function name`, `export const a
  // = 1, name = 2`, `export { x as name }`, `export default name`). A module that only imports and uses
  // it (every member of a barrel that imports from the barrel) cannot export it.
  return exportedNames(text, name);
}

/**
 * Does some `export` statement of `text` declare or list `name`? Read from the text, not parsed: a
 * function's or class's own name (its body is not looked at), the names of `export const|let|var`
 * declarators (commas and `=` outside brackets; a destructuring pattern is taken whole), an export
 * list, or the whole rest of the statement for `export default …`, `export = …` and anything not
 * recognised. Strings are not told apart from code, so an answer can only be a false "look".
 */
function exportedNames(text: string, name: string): boolean {
  const keyword = /(?<![\w$.])export(?![\w$])\s*/g;
  for (let match = keyword.exec(text); match !== null; match = keyword.exec(text)) {
    const at = match.index + match[0].length;
    const declared = DECLARATION_HEAD.exec(text.slice(at, at + 200));
    if (declared) {
      if (declared[1] === name) return true;
      continue;
    }
    const variables = VARIABLE_HEAD.exec(text.slice(at, at + 40));
    if (variables) {
      if (declaratorNames(text, at + variables[0].length).some((written) => containsWord(written, name))) return true;
      continue;
    }
    if (text[at] === '{') {
      const close = text.indexOf('}', at);
      if (containsWord(text.slice(at, close === -1 ? text.length : close), name)) return true;
      continue;
    }
    // `export default …`, `export = …`, `export import …`, anything else: the rest of the statement
    if (containsWord(statementAt(text, at), name)) return true;
  }
  return false;
}

const DECLARATION_HEAD = /^(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|enum|interface|type|namespace|module)\s*([\w$]+)/;
const VARIABLE_HEAD = /^(?:declare\s+)?(?:const|let|var|using)\s+/;

/**
 * The declarators' binding parts of a variable declaration starting at `from`: an identifier, or a
 * whole destructuring pattern, at the start and after each comma outside brackets; initialisers are
 * skipped. The declaration ends as `statementAt` says.
 */
function declaratorNames(text: string, from: number): string[] {
  const statement = statementAt(text, from);
  const names: string[] = [];
  let depth = 0;
  let binding = true; // at the start of a declarator
  for (let index = 0; index < statement.length; index++) {
    const char = statement[index]!;
    if (binding && depth === 0) {
      if (/\s/.test(char)) continue;
      if (char === '{' || char === '[') {
        const close = matchingClose(statement, index);
        names.push(statement.slice(index, close + 1));
        index = close;
      } else {
        const word = /^[\w$]+/.exec(statement.slice(index));
        if (word) {
          names.push(word[0]);
          index += word[0].length - 1;
        }
      }
      binding = false;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) binding = true;
  }
  return names;
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index]!;
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return text.length - 1;
}

/**
 * The statement that starts at `from`, as far as a line-based reading can tell: up to a `;` outside
 * brackets, or a line break outside brackets after which a line starts in column 0 while the line
 * before does not end in a continuation (`,`, `=`, an operator, an opening bracket).
 */
function statementAt(text: string, from: number): string {
  let depth = 0;
  for (let index = from; index < text.length; index++) {
    const char = text[index]!;
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === ';' || (char === '\n' && index > from && startsStatement(text, index)))) return text.slice(from, index);
  }
  return text.slice(from);
}

/** After the line break at `newline`: does a new statement start in column 0, with nothing left open on the line before? */
function startsStatement(text: string, newline: number): boolean {
  const next = text[newline + 1];
  if (next === undefined || !/[\w$@/]/.test(next)) return false;
  let before = newline - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r')) before--;
  return before < 0 || !CONTINUES.has(text[before]!);
}

const CONTINUES = new Set([',', '=', '(', '[', '{', ':', '?', '|', '&', '+', '-', '*', '<', '>', '.', '!', '%', '^', '~']);

/** `export * from`, also with a block comment before the `*` (any `export *` in a string or comment: a false "look", never a miss). */
const EXPORTS_ALL = /export\s*(?:\/\*[^]*?\*\/\s*)?\*/;
const IDENTIFIER_CHAR = /[\w$]/;

/** `word` occurs in `text` with no identifier character touching it on either side. */
function containsWord(text: string, word: string): boolean {
  if (word.length === 0) return false;
  for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
    const before = index > 0 ? text[index - 1]! : '';
    const after = text[index + word.length] ?? '';
    if (!(before && IDENTIFIER_CHAR.test(before)) && !(after && IDENTIFIER_CHAR.test(after))) return true;
  }
  return false;
}

/** Finds `exportName` among a module's exports and returns the origin of its value. */
export function findExportOrigin(file: FileContext, exportName: string, hops: number): ImportOrigin | null {
  const viaStar: TSESTree.ExportAllDeclaration[] = [];
  for (const statement of file.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) {
      viaStar.push(statement);
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && exportName === 'default') {
      return originOf(file, statement.declaration);
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === exportName && declarator.init) {
          return originOf(file, declarator.init);
        }
      }
    }
    for (const specifier of statement.specifiers) {
      if (nameOf(specifier.exported) !== exportName) continue;
      const local = nameOf(specifier.local);
      if (statement.source) {
        return isRelative(statement.source.value)
          ? followProjectExport(file, statement.source, local, hops)
          : { source: statement.source.value, path: local === 'default' ? [] : [local] };
      }
      return specifier.local.type === AST_NODE_TYPES.Identifier ? originOf(file, specifier.local) : null;
    }
  }
  for (const star of viaStar) {
    const origin = isRelative(star.source.value)
      ? followProjectExport(file, star.source, exportName, hops)
      : { source: star.source.value, path: [exportName] };
    if (origin) return origin;
  }
  return null;
}

function originOf(file: FileContext, node: TSESTree.Node): ImportOrigin | null {
  return getImportOrigin(file, node);
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** A declaration found in another project file, with that file's analysis. */
export interface ProjectDefinition {
  readonly file: FileContext;
  /** The exported value's node: a function or class declaration, or a variable's initializer. */
  readonly node: TSESTree.Node;
}

/**
 * The declaration behind `exportName` of the project module `specifier`
 * (following `export { x } from '../y'` and `export *`), e.g. the decorator function that
 * `import { cached } from '../decorators'` names.
 */
export function followProjectDefinition(
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  exportName: string,
  hops = 0,
  worthParsing: TextTest = mayDefineMemoizer,
): ProjectDefinition | null {
  // Typed: the checker knows where the name is declared, through every re-export; only that module is read.
  const types = getTypeServices(file);
  if (types && isRelative(specifier.value)) {
    const declared = declaringModule(types, file, specifier, exportName);
    if (declared) {
      if (!isWorthParsing(declared.sourceFile, worthParsing)) return null;
      const home = getProjectFileContext(types, declared.sourceFile, file.moduleParser, file.settings);
      return home && topLevelDefinition(home, declared.name);
    }
  }
  const target = projectModule(file, specifier, hops, (text, inCode) => worthParsing(text, inCode) && mayExportName(text, exportName));
  if (!target) return null;
  const commonjs = findCommonJsExport(target, exportName);
  if (commonjs) return commonjs;
  const stars: TSESTree.ExportAllDeclaration[] = [];
  for (const statement of target.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) stars.push(statement);
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && exportName === 'default') {
      return localDefinition(target, statement.declaration);
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (
      (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
      declaration.id?.name === exportName
    ) {
      return { file: target, node: declaration };
    }
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === exportName && declarator.init) {
          return { file: target, node: declarator.init };
        }
      }
    }
    for (const exported of statement.specifiers) {
      if (nameOf(exported.exported) !== exportName) continue;
      if (statement.source) return followProjectDefinition(target, statement.source, nameOf(exported.local), hops + 1, worthParsing);
      return exported.local.type === AST_NODE_TYPES.Identifier ? localDefinition(target, exported.local) : null;
    }
  }
  for (const star of stars) {
    const found = followProjectDefinition(target, star.source, exportName, hops + 1, worthParsing);
    if (found) return found;
  }
  return null;
}

/**
 * CommonJS: `module.exports = fn` (the default export), `module.exports.name = fn`,
 * `exports.name = fn`, `module.exports = { name }` / `{ name: fn }`.
 */
function findCommonJsExport(file: FileContext, exportName: string): ProjectDefinition | null {
  for (const statement of file.program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const assignment = statement.expression;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
    const target = exportTarget(assignment.left);
    if (target === null || isVoidChain(assignment.right)) continue;
    if (target === '' && exportName === 'default') return localDefinition(file, assignment.right);
    if (target === exportName) return localDefinition(file, assignment.right);
    if (target === '' && assignment.right.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of assignment.right.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
        if (key === exportName) return localDefinition(file, property.value);
      }
    }
  }
  return null;
}

/** `exports.a = exports.b = void 0`: TypeScript declares its CommonJS exports before it assigns them. */
function isVoidChain(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return isVoidChain(node.right);
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}

/** `module.exports` → `''`; `module.exports.x` / `exports.x` → `'x'`; anything else → `null`. */
function exportTarget(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const object = node.object;
  const isModuleExports = (candidate: TSESTree.Node): boolean =>
    candidate.type === AST_NODE_TYPES.MemberExpression &&
    !candidate.computed &&
    candidate.object.type === AST_NODE_TYPES.Identifier &&
    candidate.object.name === 'module' &&
    candidate.property.type === AST_NODE_TYPES.Identifier &&
    candidate.property.name === 'exports';
  if (isModuleExports(node)) return '';
  if (isModuleExports(object)) return node.property.name;
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return node.property.name;
  return null;
}

/** The declaration a local name (or an inline default export) of a project file stands for. */
/** The top-level function or class named `name` in `file` (exported or not), or the initializer of such a variable. */
function topLevelDefinition(file: FileContext, name: string): ProjectDefinition | null {
  for (const statement of file.program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if ((declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === name) {
      return { file, node: declaration };
    }
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) return declarator.init ? { file, node: declarator.init } : null;
    }
  }
  return null;
}

function localDefinition(file: FileContext, node: TSESTree.Node): ProjectDefinition | null {
  if (node.type !== AST_NODE_TYPES.Identifier) return { file, node };
  const variable = file.findVariable(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration || def.node.type === AST_NODE_TYPES.ClassDeclaration) {
    return { file, node: def.node };
  }
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.node.parent.kind === 'const') {
    return { file, node: def.node.init };
  }
  return null;
}

/** A type declared in a project module: what a written type name imported from it stands for. */
export interface ProjectTypeDeclaration {
  readonly file: FileContext;
  readonly node: TSESTree.ClassDeclaration | TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration;
}

/**
 * The class, interface or type alias behind `exportName` of the project module `specifier`
 * (`export class X`, `export interface X`, `export type X = …`, `export { X }`, `export default class`,
 * re-exports and `export *` followed within the hop limit). A module that is missing, does not parse
 * or does not declare the name gives `null`.
 */
export function followProjectTypeDeclaration(
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  exportName: string,
  hops = 0,
): ProjectTypeDeclaration | null {
  if (!isProjectSpecifier(file, specifier.value)) return null;
  const target = projectModule(file, specifier, hops, (text) => text.includes(exportName === 'default' ? 'default' : exportName));
  if (!target) return null;
  const stars: TSESTree.ExportAllDeclaration[] = [];
  for (const statement of target.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) stars.push(statement);
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && exportName === 'default') {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
        return { file: target, node: declaration };
      }
      return declaration.type === AST_NODE_TYPES.Identifier ? localTypeDeclaration(target, declaration.name) : null;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (isTypeDeclaration(declaration) && declaration.id?.name === exportName) return { file: target, node: declaration };
    for (const exported of statement.specifiers) {
      if (nameOf(exported.exported) !== exportName) continue;
      const local = nameOf(exported.local);
      if (statement.source) return followProjectTypeDeclaration(target, statement.source, local, hops + 1);
      return localTypeDeclaration(target, local);
    }
  }
  for (const star of stars) {
    const found = followProjectTypeDeclaration(target, star.source, exportName, hops + 1);
    if (found) return found;
  }
  return null;
}

function isTypeDeclaration(node: TSESTree.Node | null | undefined): node is ProjectTypeDeclaration['node'] {
  return (
    node?.type === AST_NODE_TYPES.ClassDeclaration ||
    node?.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
    node?.type === AST_NODE_TYPES.TSTypeAliasDeclaration
  );
}

/** A class, interface or type alias declared at the top level of a module under `name`. */
function localTypeDeclaration(file: FileContext, name: string): ProjectTypeDeclaration | null {
  for (const statement of file.program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (isTypeDeclaration(declaration) && declaration.id?.name === name) return { file, node: declaration };
  }
  return null;
}
