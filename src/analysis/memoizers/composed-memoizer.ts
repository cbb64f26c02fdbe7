import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getMemoizerCall, resolveFunction as resolveLocalFunction } from './memoizers.js';
import { returnsOwnThis, usesOwnThis } from '../lifetimes/this-usage.js';

type Node = TSESTree.Node;

/**
 * A memoizer whose cache comes from another memoizer it calls: a hand-written decorator that applies
 * a library memoizer to the method when the class is defined (`descriptor.value = memoizee(original)`,
 * `const m = _.memoize(original, resolver)` forwarded with `m.apply(this, args)`, a TC39
 * `return memoize(value)`), or a helper `memoizeMethod(fn)` that returns `_.memoize(fn)`.
 *
 * Its summary is the called memoizer's, at the place the call runs: the library creates one cache per
 * call, so one per decorated method, shared by every instance; the key is the library's key for the
 * arguments given (the library table), and `this` reaches it only through a resolver the library
 * calls with `this`.
 */
export interface ComposedCache {
  /** The call that creates the cache: `memoizee(descriptor.value, opts)`. */
  readonly call: TSESTree.CallExpression;
  /** How messages name the memoizer called: "lodash `memoize`". */
  readonly display: string;
  /** What the key holds, seen from an instance: the instance itself, or the arguments only. */
  readonly key: 'this' | 'ignores-this';
  /** How the key is made, for messages: "the first argument", "the key function's result". */
  readonly keyText: string;
  /** A hand-written wrapper the cache comes from (`null` for a library): where its own finding is. */
  readonly wrapper: { readonly file: FileContext; readonly fn: TSESTree.Node } | null;
}

export type ComposedConsequence = 'pins-instances' | 'cross-instance-results';

/**
 * The cache `call` creates over the original method, when `call` is a library memoizer applied to a
 * value `isOriginal` accepts, and what sharing it does. `null` when the call is no memoizer of the
 * table, wraps something else, keeps per-instance state, or cannot be judged.
 */
export function findComposedCache(
  file: FileContext,
  call: TSESTree.CallExpression,
  isOriginal: (node: Node) => boolean,
): { cache: ComposedCache; consequence: ComposedConsequence } | null {
  // Cheap first: some argument must be the original; only then is the callee resolved (which may read another module).
  if (!call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isOriginal(unwrapExpression(argument)))) {
    return null;
  }
  const use = getMemoizerCall(file, file.settings, call);
  if (!use || !use.fn || !isOriginal(unwrapExpression(use.fn))) return null;
  const { spec } = use;
  // Only a cache created by this call (one per decorated method) is shared by the method's instances.
  if (spec.cache !== 'per-call' && spec.cache !== 'per-factory') return null;
  if (!spec.forwardsThis) return null; // `this` lost: not a method memoizer at all
  if (spec.key.includesThis) return null; // memoize-one keeps the last `this`: a one-slot pin, judged elsewhere
  const display = spec.display;
  const resolverFn = use.resolver ? resolveLocalFunction(file, use.resolver) : null;
  if (spec.resolver?.receivesThis === true && resolverFn && usesOwnThis(file, resolverFn)) {
    if (!returnsOwnThis(file, resolverFn)) return null; // a key derived from the instance (`this.id`): per instance
    if (use.key.holds !== 'strong') return null; // a weak or string key of the instance: nothing pinned
    return {
      cache: { call, display, key: 'this', keyText: 'the key function, which returns `this`', wrapper: null },
      consequence: 'pins-instances',
    };
  }
  if (use.resolver && spec.resolver?.acceptsMethodName) return null; // a method-name resolver runs on the instance
  return {
    cache: { call, display, key: 'ignores-this', keyText: describeKey(use.key.count, use.resolver !== null), wrapper: null },
    consequence: 'cross-instance-results',
  };
}

function describeKey(count: number | 'all' | null, resolver: boolean): string {
  if (resolver) return 'the resolver’s result';
  if (count === 1) return 'the first argument';
  if (count === 'all') return 'the arguments';
  if (count === 0) return 'nothing (one value)';
  return typeof count === 'number' ? `the first ${count} arguments` : 'the arguments';
}
