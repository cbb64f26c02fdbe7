import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { commentRanges, matchesInCode, type CommentRanges } from '../core/code-text.js';
import { FileContext } from '../core/file-context.js';
import type { ModuleParser } from './module-parser.js';
import type { TypeServices } from './types.js';

/**
 * Typed mode only: the analysis of OTHER files of the user's project, so that a memoizer
 * re-exported through `./util`, or a decorator declared in another file, is judged by what it is.
 *
 * A declaring file is parsed once with the linted file's own parser and analysed with the
 * same `FileContext` the rules use. The result is kept in a WeakMap keyed by the `ts.SourceFile`:
 * when the program changes (an edit in the editor), TypeScript makes new SourceFile objects and the
 * old analyses are dropped with them. The parser and ESLint's SourceCode are loaded only here.
 */
const projectFiles = new WeakMap<ts.SourceFile, FileContext | null>();

/** The analysis of a project (not library, not declaration) source file, or `null`. */
export function getProjectFileContext(
  types: TypeServices,
  sourceFile: ts.SourceFile,
  moduleParser: ModuleParser | null,
  settings: unknown,
): FileContext | null {
  if (sourceFile.isDeclarationFile || types.program.isSourceFileFromExternalLibrary(sourceFile)) return null;
  if (projectFiles.has(sourceFile)) return projectFiles.get(sourceFile) ?? null;
  const sourceCode = moduleParser?.parse(sourceFile.text, sourceFile.fileName) ?? null;
  // a file TypeScript accepts but the parser rejects stays unknown: silence
  const context = sourceCode ? new FileContext(sourceCode, { sourceFile, types }, moduleParser, sourceFile.fileName, settings) : null;
  projectFiles.set(sourceFile, context);
  return context;
}

/**
 * The cheap text test of a project module (`TextTest` of `project-modules.ts`), in typed mode: on the
 * program's own text of the file, before it is parsed. The answers of `inCode` are kept per
 * `ts.SourceFile`, so per version of the program, like the analyses above.
 */
const textAnswers = new WeakMap<ts.SourceFile, { comments: CommentRanges | null; inCode: Map<RegExp, boolean> }>();

export function isWorthParsing(sourceFile: ts.SourceFile, worthParsing: (text: string, inCode: (pattern: RegExp) => boolean) => boolean): boolean {
  if (projectFiles.has(sourceFile)) return true; // parsed already: no reason not to use it
  let answers = textAnswers.get(sourceFile);
  if (!answers) {
    answers = { comments: null, inCode: new Map() };
    textAnswers.set(sourceFile, answers);
  }
  const entry = answers;
  const inCode = (pattern: RegExp): boolean => {
    let answer = entry.inCode.get(pattern);
    if (answer === undefined) {
      answer = matchesInCode(sourceFile.text, (entry.comments ??= commentRanges(sourceFile.text, sourceFile.fileName)), pattern);
      entry.inCode.set(pattern, answer);
    }
    return answer;
  };
  return worthParsing(sourceFile.text, inCode);
}

/** The project source file a module specifier of `file` resolves to (`'./util'` → util.ts), if any. */
export function resolveProjectModule(
  types: TypeServices,
  file: FileContext,
  specifier: TSESTree.StringLiteral,
): ts.SourceFile | null {
  const tsNode = nodeInProgram(types, file, specifier);
  if (!tsNode) return null;
  const symbol = types.checker.getSymbolAtLocation(tsNode);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!declaration || !types.ts.isSourceFile(declaration)) return null;
  return declaration;
}

/**
 * Cheap check before parsing a project module: does `exportName` of that module resolve (through
 * any re-exports, as the checker sees them) to a function, class, interface, type or enum declared
 * in the project? Then it is no library export, and nothing needs to be parsed.
 */
export function exportsProjectDeclaration(
  types: TypeServices,
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  exportName: string,
): boolean {
  const declarations = exportDeclarations(types, file, specifier, exportName);
  const { ts } = types;
  return (
    declarations.length > 0 &&
    declarations.every(
      (declaration) =>
        !types.program.isSourceFileFromExternalLibrary(declaration.getSourceFile()) &&
        !declaration.getSourceFile().isDeclarationFile &&
        (ts.isFunctionDeclaration(declaration) ||
          ts.isClassDeclaration(declaration) ||
          ts.isInterfaceDeclaration(declaration) ||
          ts.isTypeAliasDeclaration(declaration) ||
          ts.isEnumDeclaration(declaration)),
    )
  );
}

/**
 * Where `exportName` of the project module `specifier` is declared, as the checker sees it through any
 * re-exports (`export * from`, `export { a as b } from`): the source file and the declared name. Only a
 * single function, class or variable declaration in a project source file; `null` otherwise (then the
 * re-exports are followed by reading the modules).
 */
export function declaringModule(
  types: TypeServices,
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  exportName: string,
): { readonly sourceFile: ts.SourceFile; readonly name: string } | null {
  const declarations = exportDeclarations(types, file, specifier, exportName);
  const { ts } = types;
  if (declarations.length !== 1) return null;
  const declaration = declarations[0]!;
  const sourceFile = declaration.getSourceFile();
  if (types.program.isSourceFileFromExternalLibrary(sourceFile) || sourceFile.isDeclarationFile) return null;
  const named =
    (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isVariableDeclaration(declaration)) &&
    declaration.name !== undefined &&
    ts.isIdentifier(declaration.name);
  return named ? { sourceFile, name: (declaration.name as ts.Identifier).text } : null;
}

/** The declarations `exportName` of the module `specifier` stands for, through aliases and re-exports (the checker's view). */
function exportDeclarations(types: TypeServices, file: FileContext, specifier: TSESTree.StringLiteral, exportName: string): readonly ts.Declaration[] {
  const tsNode = nodeInProgram(types, file, specifier);
  const moduleSymbol = tsNode && types.checker.getSymbolAtLocation(tsNode);
  if (!moduleSymbol) return [];
  const exported = types.checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.getName() === exportName);
  if (!exported) return [];
  const target = exported.flags & types.ts.SymbolFlags.Alias ? types.checker.getAliasedSymbol(exported) : exported;
  return target.getDeclarations() ?? [];
}

/**
 * The TypeScript node of an ESTree node: through the parser services for the linted file, by
 * position for a project file analysed here.
 */
function nodeInProgram(types: TypeServices, file: FileContext, node: TSESTree.Node): ts.Node | null {
  if (file.project) return findNodeAt(types, file.project.sourceFile, node.range[0], node.range[1]);
  return types.services.esTreeNodeToTSNodeMap.get(node);
}

function findNodeAt(types: TypeServices, sourceFile: ts.SourceFile, start: number, end: number): ts.Node | null {
  let found: ts.Node | null = null;
  const visit = (node: ts.Node): void => {
    if (found || node.getStart(sourceFile) > start || node.getEnd() < end) return;
    if (node.getStart(sourceFile) === start && node.getEnd() === end) {
      found = node;
      return;
    }
    types.ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
