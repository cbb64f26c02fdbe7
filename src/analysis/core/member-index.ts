import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, outermostWrapper, unwrapExpression } from './ast.js';
import { walk } from './traverse.js';
import type { FileContext } from './file-context.js';

/**
 * The file's member accesses, by name, from one walk made when first asked: what instance fields are
 * read from. Nothing here is judged; users filter. (Calls of a member by name, which many more
 * questions need, are `getMemberCalls`: found from the text, without a walk.)
 */
export interface MemberIndex {
  /** Every `x.name` (not computed), by name. */
  readonly members: ReadonlyMap<string, readonly TSESTree.MemberExpression[]>;
  /** Every `x[expr]` whose object is `this` or a variable (any field of it may be the one). */
  readonly computed: readonly TSESTree.MemberExpression[];
  /** Instance fields declared in class bodies (`pending = new Map()`), by name. */
  readonly fields: ReadonlyMap<string, readonly TSESTree.PropertyDefinition[]>;
}

export function getMemberIndex(file: FileContext): MemberIndex {
  return file.cached('memberIndex', file.program, () => {
    const members = new Map<string, TSESTree.MemberExpression[]>();
    const fields = new Map<string, TSESTree.PropertyDefinition[]>();
    const computed: TSESTree.MemberExpression[] = [];
    const add = <T>(map: Map<string, T[]>, key: string, value: T): void => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    walk(file, file.program, (node) => {
      if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.computed && !node.static) {
        const key = getStaticPropertyKey(node.key, false);
        if (key !== null) add(fields, key, node);
      } else if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = getStaticMemberName(node);
        if (name !== null) add(members, name, node);
        else {
          const object = unwrapExpression(node.object).type;
          if (object === AST_NODE_TYPES.ThisExpression || object === AST_NODE_TYPES.Identifier) computed.push(node);
        }
      }
      return true;
    });
    return { members, computed, fields };
  });
}

/**
 * Every call of a member named `name` in the file (`x.name(…)`, `x?.name(…)`, `(x.name)(…)`), in
 * source order. Found from the text: one pass lists each place where `.name` is followed by `(`, type
 * arguments or the `)` of a parenthesised callee, by name (`memberCallPlaces`); the places of `name` are
 * resolved to their nodes (`nodeAt`) and kept when they are such calls. So a file is never walked for
 * them. A member written with a comment between the dot and the name, or as a string
 * (`x['name'](…)`), is not found: callers use these calls as evidence for a finding, never against one.
 * Cached per file and name.
 */
export function getMemberCalls(file: FileContext, name: string): readonly TSESTree.CallExpression[] {
  return file.cachedByName('memberCalls', name, () => {
    const found: TSESTree.CallExpression[] = [];
    for (const at of memberCallPlaces(file).get(name) ?? []) {
      const node = nodeAt(file, at);
      if (node?.type !== AST_NODE_TYPES.Identifier || node.name !== name) continue;
      const member = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.property !== node || member.computed) continue;
      const callee = outermostWrapper(member);
      const call = callee.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee && !found.includes(call)) found.push(call);
    }
    return found;
  });
}

const MEMBER_CALL_TEXT = /\.\s*([A-Za-z_$][\w$]*)\s*[(<)]/g;

/** Where the text writes `.name(` (or `.name<`, `.name)`), by name: the offset of the name. Once per file. */
function memberCallPlaces(file: FileContext): ReadonlyMap<string, readonly number[]> {
  return getNamePlaces(file, 'memberCallPlaces', MEMBER_CALL_TEXT);
}

/**
 * Where a global pattern matches the text, by its first group (a name, the last one the match writes):
 * the offsets of that name, in order. One pass over the text per pattern, kept for the file under `table`.
 */
export function getNamePlaces(file: FileContext, table: string, pattern: RegExp): ReadonlyMap<string, readonly number[]> {
  return file.cached(table, file.program, () => {
    const places = new Map<string, number[]>();
    const text = file.sourceCode.text;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const name = match[1]!;
      const at = match.index + match[0].lastIndexOf(name);
      const list = places.get(name);
      if (list) list.push(at);
      else places.set(name, [at]);
    }
    return places;
  });
}

/**
 * The innermost node whose range contains `index`: a descent from the root that looks among each
 * node's children for the one that contains it (a binary search in lists), so its cost is the depth
 * of the tree, not its size (ESLint's `getNodeByRangeIndex` visits every sibling on the way).
 */
export function nodeAt(file: FileContext, index: number): TSESTree.Node | null {
  const keys = file.sourceCode.visitorKeys;
  let node: TSESTree.Node = file.program;
  if (index < node.range[0] || index >= node.range[1]) return null;
  for (;;) {
    let next: TSESTree.Node | null = null;
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        next = childAt(value as Array<TSESTree.Node | null>, index);
      } else if (value && typeof (value as TSESTree.Node).type === 'string') {
        const child = value as TSESTree.Node;
        if (child.range[0] <= index && index < child.range[1]) next = child;
      }
      if (next) break;
    }
    if (!next) return node;
    node = next;
  }
}

/** The element of a list of nodes in source order (with holes) whose range contains `index`. */
function childAt(list: ReadonlyArray<TSESTree.Node | null>, index: number): TSESTree.Node | null {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    let probe = middle;
    while (probe >= low && !list[probe]) probe--; // a hole (`[, a]`): the nearest element before it
    const child = probe >= low ? list[probe]! : null;
    if (!child) {
      low = middle + 1;
      continue;
    }
    if (index < child.range[0]) high = probe - 1;
    else if (index >= child.range[1]) low = middle + 1;
    else return child;
  }
  return null;
}
