/**
 * Type-checks many snippets at once with the TypeScript compiler API: every snippet is its own
 * module (`moduleDetection: 'force'`) in one in-memory program, so the default libraries are bound
 * once. Snippets live (virtually) inside the repository, so imports of the memoizer and cache
 * libraries resolve to their real type declarations in node_modules.
 */
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../support/rule-cases.js';

const VIRTUAL_DIR = path.join(REPO_ROOT, '.tmp', 'fix-check');

export interface TypeError {
  readonly code: number;
  readonly text: string;
}

function options(legacyDecorators: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    jsx: ts.JsxEmit.Preserve,
    ...(legacyDecorators ? { experimentalDecorators: true } : {}),
  };
}

/** Type errors of each snippet, by the key it was given. */
export class SnippetChecker {
  private readonly snippets = new Map<string, { file: string; text: string }>();
  private readonly results = new Map<string, TypeError[]>();
  private readonly libCache = new Map<string, ts.SourceFile | undefined>();

  /** Registers a snippet; `extension` is `.ts` or `.tsx`. */
  add(key: string, text: string, extension: string): void {
    this.snippets.set(key, { file: path.join(VIRTUAL_DIR, `${this.snippets.size}${extension}`), text });
  }

  /** Checks all registered snippets under one set of options (legacy decorators or standard). */
  check(legacyDecorators: boolean, keys: readonly string[]): Map<string, TypeError[]> {
    const byFile = new Map<string, { key: string; text: string }>();
    for (const key of keys) {
      const snippet = this.snippets.get(key)!;
      byFile.set(snippet.file, { key, text: snippet.text });
    }
    const compilerOptions = options(legacyDecorators);
    const host = ts.createCompilerHost(compilerOptions, true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const snippet = byFile.get(fileName);
      if (snippet) return ts.createSourceFile(fileName, snippet.text, languageVersion, true);
      const cacheKey = `${fileName}\0${JSON.stringify(languageVersion)}`;
      if (!this.libCache.has(cacheKey)) this.libCache.set(cacheKey, getSourceFile(fileName, languageVersion, onError, shouldCreate));
      return this.libCache.get(cacheKey);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => byFile.has(fileName) || fileExists(fileName);
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => byFile.get(fileName)?.text ?? readFile(fileName);

    const program = ts.createProgram({ rootNames: [...byFile.keys()], options: compilerOptions, host });
    const results = new Map<string, TypeError[]>();
    for (const [file, { key }] of byFile) {
      const sourceFile = program.getSourceFile(file)!;
      const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
      results.set(
        key,
        diagnostics.map((diagnostic) => {
          const where = diagnostic.start === undefined ? '' : `${sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `;
          return { code: diagnostic.code, text: `${where}TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}` };
        }),
      );
    }
    return results;
  }

  /** The errors of a snippet, after `checkAll`. */
  errors(key: string): TypeError[] {
    const errors = this.results.get(key);
    if (!errors) throw new Error(`snippet ${key} was not checked`);
    return errors;
  }

  /**
   * Checks every snippet under standard decorators; snippets of a group that uses decorators are
   * also checked with `experimentalDecorators`, and the group keeps whichever mode its input (the
   * group's first snippet) type-checks better under: legacy decorators only where the input uses them.
   */
  checkAll(groups: ReadonlyArray<readonly string[]>): void {
    const standard = this.check(false, [...this.snippets.keys()]);
    const decorated = groups.filter((group) => /(^|[\s(;{}])@[A-Za-z_$]/m.test(this.snippets.get(group[0]!)!.text));
    const legacy = decorated.length > 0 ? this.check(true, decorated.flat()) : new Map<string, TypeError[]>();
    for (const [key, errors] of standard) this.results.set(key, errors);
    for (const group of decorated) {
      const input = group[0]!;
      if (legacy.get(input)!.length < standard.get(input)!.length) {
        for (const key of group) this.results.set(key, legacy.get(key)!);
      }
    }
  }
}

/** Errors in `after` beyond those already in `before` (counted by diagnostic code: positions and type names shift). */
export function newErrors(before: readonly TypeError[], after: readonly TypeError[]): TypeError[] {
  const budget = new Map<number, number>();
  for (const error of before) budget.set(error.code, (budget.get(error.code) ?? 0) + 1);
  const added: TypeError[] = [];
  for (const error of after) {
    const left = budget.get(error.code) ?? 0;
    if (left > 0) budget.set(error.code, left - 1);
    else added.push(error);
  }
  return added;
}
