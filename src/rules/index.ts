import noInstanceInSharedMemoizer from './no-instance-in-shared-memoizer.js';
import noInstanceKeyedCache from './no-instance-keyed-cache.js';
import noSharedMemoizerCache from './no-shared-memoizer-cache.js';
import noSharedMethodMemoizer from './no-shared-method-memoizer.js';

/** Every rule of the plugin, by its id without the `memo-leak/` prefix. */
export const rules = {
  'no-instance-in-shared-memoizer': noInstanceInSharedMemoizer,
  'no-instance-keyed-cache': noInstanceKeyedCache,
  'no-shared-memoizer-cache': noSharedMemoizerCache,
  'no-shared-method-memoizer': noSharedMethodMemoizer,
};
