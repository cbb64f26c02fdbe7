/** Applying one ESLint fix object the way ESLint does: replace `range` with `text`. */
export interface FixLike {
  readonly range: readonly [number, number];
  readonly text: string;
}

export function applyFix(text: string, fix: FixLike): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** A short slug of a case name, for file names. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'case'
  );
}
