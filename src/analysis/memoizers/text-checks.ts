/**
 * Cheap tests on source text, run before anything is parsed or summarised: they can only rule a
 * memoizer out, never in (the analysis decides from the code).
 */

/** A memoizer calls the original with the caller's `this`: `.apply(`, `.call(`, `.bind(`, `Reflect.apply`. */
export const FORWARDS_THIS = /\.(?:apply|call|bind)\s*\(|Reflect\.apply/;
