import noInstanceInSharedMemoizer from './no-instance-in-shared-memoizer.js';
import noInstanceKeyedCache from './no-instance-keyed-cache.js';

/** Every rule of the plugin, by its id without the `memo-leak/` prefix. */
export const rules = {
  'no-instance-in-shared-memoizer': noInstanceInSharedMemoizer,
  'no-instance-keyed-cache': noInstanceKeyedCache,
};
