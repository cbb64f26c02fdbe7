import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../core/file-context.js';
import { getOuterOfEntry, mayRemoveFromEntries } from './entry-containers.js';
import { getGrowingKind, insertTarget, mayRemoveEntries } from './instance-collections.js';
import { resolveInstanceFieldBinding } from './instance-fields.js';
import { resolveLongLivedBinding, type LongLivedBinding } from './long-lived.js';
import { getPerCallInsert, mayListen, type PerCallInsert } from './per-call-values.js';

/**
 * A container that only grows with values new on every event or instance (`getPerCallInsert`):
 * where it lives, and for how long what it holds stays.
 */
export interface GrowingContainer {
  readonly binding: LongLivedBinding;
  /** How messages name it: `listeners`, `listeners[…]` for the entries of a long-lived container. */
  readonly name: string;
  /** `for the life of the program`, or `as long as its Hub` for a field of an instance. */
  readonly lifetime: string;
  readonly insert: PerCallInsert;
}

/**
 * The container an insert (`push`, `add`, `set`, `[…] =`) fills, when it is long-lived (a module
 * binding or static, an entry of one: `listeners[type].push(fn)`, or a field of an instance filled
 * per event), nothing takes entries out of it, and the value is new on every event or instance.
 * Cheap checks first: a field's uses and the call graph are read only for inserts that may count.
 */
export function getGrowingContainer(file: FileContext, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): GrowingContainer | null {
  const target = insertTarget(node);
  const binding = resolveLongLivedBinding(file, target);
  if (binding) {
    if (binding.imported) return null;
    const kind = getGrowingKind(file, binding);
    if (!kind || mayRemoveEntries(file, binding, kind === 'set' ? 'map' : kind)) return null;
    const insert = getPerCallInsert(file, node);
    return insert && { binding, name: binding.name, lifetime: 'for the life of the program', insert };
  }
  // An entry of a long-lived container lives as long as the container keeps it.
  const outer = getOuterOfEntry(file, target);
  if (outer) {
    const holder = resolveLongLivedBinding(file, outer);
    if (!holder || holder.imported) return null;
    const kind = getGrowingKind(file, holder);
    if ((kind !== 'object' && kind !== 'map') || mayRemoveEntries(file, holder, kind) || mayRemoveFromEntries(file, holder)) return null;
    const insert = getPerCallInsert(file, node);
    return insert && { binding: holder, name: `${holder.name}[…]`, lifetime: 'for the life of the program', insert };
  }
  // A field of an instance lives as long as its owner: only what arrives per event makes it grow.
  if (target.type !== AST_NODE_TYPES.MemberExpression || !mayListen(file)) return null;
  const insert = getPerCallInsert(file, node);
  if (insert?.run.per !== 'event') return null;
  const field = resolveInstanceFieldBinding(file, target);
  if (!field) return null;
  const kind = getGrowingKind(file, field);
  if (!kind || mayRemoveEntries(file, field, kind === 'set' ? 'map' : kind)) return null;
  const owner = field.name.slice(0, field.name.lastIndexOf('.'));
  return { binding: field, name: field.name, lifetime: `as long as its ${owner}`, insert };
}
