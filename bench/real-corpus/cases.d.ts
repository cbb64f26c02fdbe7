// Types of cases.js, for the tests (the bench itself is plain JavaScript).
export type Verdict = 'leak' | 'look-alike';
export type Evidence = 'in-file' | 'cross-file' | 'outside-repo';
export interface CorpusCase {
  id: string;
  source: { npm: string } | { github: string; commit: string };
  path: string;
  lines: [number, number];
  verdict: Verdict;
  kind: string;
  evidence: Evidence;
  why: string;
  fixedBy?: string;
  related?: string[];
  /** Further line ranges of `path` that belong to the case (the holder's declaration, a call that passes the objects). */
  alsoLines?: Array<[number, number]>;
}
export declare const VERDICTS: readonly Verdict[];
export declare const KINDS: readonly string[];
export declare const EVIDENCE: readonly Evidence[];
export declare function caseProblems(c: unknown): string[];
export declare function validateCorpus(files: Array<{ file: string; data: unknown }>): {
  cases: Array<CorpusCase & { file: string }>;
  errors: string[];
};
export declare function lineProblems(c: CorpusCase, lineCount: (path: string) => number | null): string[];
export declare function sourceKey(c: CorpusCase): string;
export declare function loadCorpus(dir: string): { files: Array<{ file: string; data: unknown }>; errors: string[] };
