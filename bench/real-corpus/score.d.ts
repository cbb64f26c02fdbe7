// Types of score.js, for the tests (the bench itself is plain JavaScript).
import type { CorpusCase } from './cases.js';

export interface Finding {
  rule: string;
  line: number;
  message: string;
}
export interface FileResult {
  messages: Finding[];
  error?: string;
}
/** Is the path a file the corpus linter lints (JS, TS, Vue)? A related README is evidence for the reader only. */
export function isLintedPath(path: string): boolean;
export type Status = 'found' | 'missed' | 'flagged' | 'silent' | 'crash' | 'skipped';
export interface CaseResult {
  id: string;
  status: Status;
  hits: Array<Finding & { path: string; where: 'in range' | 'related' }>;
  error?: string;
  reason?: string;
}
export interface Totals {
  leaks: number;
  found: number;
  byEvidence: Record<'in-file' | 'cross-file' | 'outside-repo', { leaks: number; found: number }>;
  lookAlikes: number;
  flagged: number;
  crashes: number;
  skipped: number;
  precision: number | null;
}
export declare function scoreCase(c: CorpusCase, files: Map<string, FileResult>): CaseResult;
export declare function skippedCase(c: CorpusCase, reason: string): CaseResult;
export declare function totals(cases: CorpusCase[], results: CaseResult[]): Totals;
export declare function baselineOf(results: CaseResult[]): { found: string[]; flagged: string[] };
export declare function regressions(results: CaseResult[], baseline: { found: string[]; flagged: string[] } | undefined): string[];
export declare function fraction(part: number, whole: number): string;
