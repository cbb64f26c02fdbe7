// The rules' options, in a module of their own so that the published entry point's declarations can
// re-export them without reaching the rule modules (typed with the dev-only typescript-eslint types).
// `no-shared-memoizer-cache` has no options.

/** Options of `memo-leak/no-instance-in-shared-memoizer`. */
export type NoInstanceInSharedMemoizerOptions = [{ checkBounded?: boolean }];

/** Options of `memo-leak/no-instance-keyed-cache`. */
export type NoInstanceKeyedCacheOptions = [{ checkRegistries?: boolean; checkObjectKeys?: boolean }];

/** Options of `memo-leak/no-shared-method-memoizer`. */
export type NoSharedMethodMemoizerOptions = [{ checkSingleSlot?: boolean; ignoreSingletons?: boolean }];
