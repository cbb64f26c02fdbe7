import path from 'node:path';
import ts from 'typescript';

/** Compiler options for a case: strict, ES2022, with or without legacy `experimentalDecorators`. */
export function caseOptions(experimentalDecorators: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.esnext.decorators.d.ts'],
    types: ['node'],
    strict: true,
    experimentalDecorators,
    skipLibCheck: true,
    noEmit: true,
  };
}

/**
 * Type-checks one in-memory TypeScript module (placed in the repository, so that `node_modules`
 * resolves) and returns its diagnostics as readable lines. Library files are parsed once per checker.
 */
export function createChecker(): (code: string, options: ts.CompilerOptions) => string[] {
  const libraryFiles = new Map<string, ts.SourceFile | undefined>();
  const fileName = path.resolve('tests/support/__case__.ts');
  return (code, options) => {
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, languageVersion, onError) => {
      if (path.resolve(name) === fileName) return ts.createSourceFile(name, code, languageVersion, true);
      const key = `${name}\0${JSON.stringify(languageVersion)}`;
      if (!libraryFiles.has(key)) libraryFiles.set(key, getSourceFile(name, languageVersion, onError));
      return libraryFiles.get(key);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (path.resolve(name) === fileName ? code : readFile(name));
    const program = ts.createProgram([fileName], options, host);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where =
        diagnostic.file && diagnostic.start !== undefined
          ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1} `
          : '';
      return `${where}TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
  };
}
