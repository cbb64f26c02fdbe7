/**
 * Where the file being linted is, and the base directory of the config (`context.cwd`), for the
 * settings that name modules by path (`settings['memo-leak'].memoizers[].source`).
 *
 * Recorded by `createRule` when a rule starts on a file, keyed by the file's `Program` node, so
 * nothing outlives the file (as in `file-context.ts`).
 */
export interface FileLocation {
  /** The absolute path of the linted file. */
  readonly filename: string;
  /** The directory relative settings sources are resolved against: ESLint's (or oxlint's) `cwd`. */
  readonly cwd: string;
}

interface ContextLike {
  readonly filename?: unknown;
  readonly cwd?: unknown;
  readonly sourceCode: { readonly ast: object };
}

const locations = new WeakMap<object, FileLocation | null>();

/** Records the linted file's location (once per file; later rules on the same file reuse it). */
export function rememberFileLocation(context: ContextLike): void {
  const program = context.sourceCode.ast;
  if (locations.has(program)) return;
  const { filename, cwd } = context;
  // `<input>` / `<text>`: code linted without a file name has no location.
  const known = typeof filename === 'string' && typeof cwd === 'string' && filename !== '' && !filename.startsWith('<');
  locations.set(program, known ? { filename, cwd } : null);
}

/** The location recorded for a file's `Program`, or `null` (another project module, or no file name). */
export function getFileLocation(program: object): FileLocation | null {
  return locations.get(program) ?? null;
}
