/** Runs an ESLint bin (or node) in a fixture project, as a CI job would. */
import { execFile } from 'node:child_process';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runNode(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** ESLint's JSON formatter output. */
export interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; messageId?: string; message: string; fatal?: boolean }>;
  errorCount: number;
  fixableErrorCount: number;
}
