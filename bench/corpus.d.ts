// Types of the parts of corpus.js the tests use (the bench itself is plain JavaScript).
export interface CorpusPackage {
  name: string;
  version: string;
  folder: string;
  ext: string[];
  count: number;
  why: string;
  sourceType?: 'module' | 'commonjs';
  skipDirs?: string[];
  only?: string[];
  typed?: boolean;
}
export declare const CORPUS_DIR: string;
export declare const PACKAGES: CorpusPackage[];
export declare function isTypeScript(pkg: CorpusPackage): boolean;
export declare function packageGlobs(pkg: CorpusPackage): string[];
export declare function selectedPackageNames(argv?: string[]): string[];
export declare function countLines(path: string): number;
export declare function packInto(spec: string, dir: string, options?: { strip?: boolean }): void;
