import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, unwrapExpression } from './ast.js';
import { walk } from './traverse.js';
import type { FileContext } from './file-context.js';

/**
 * The file's member accesses, by name, from one walk made when first asked: what instance fields,
 * method calls and listener registrations are read from. Nothing here is judged; users filter.
 */
export interface MemberIndex {
  /** Every `x.name` (not computed), by name. */
  readonly members: ReadonlyMap<string, readonly TSESTree.MemberExpression[]>;
  /** Every `x[expr]` whose object is `this` or a variable (any field of it may be the one). */
  readonly computed: readonly TSESTree.MemberExpression[];
  /** Instance fields declared in class bodies (`pending = new Map()`), by name. */
  readonly fields: ReadonlyMap<string, readonly TSESTree.PropertyDefinition[]>;
  /** Every call of a member (`x.name(…)`), by the member's name. */
  readonly calls: ReadonlyMap<string, readonly TSESTree.CallExpression[]>;
}

export function getMemberIndex(file: FileContext): MemberIndex {
  return file.cached('memberIndex', file.program, () => {
    const members = new Map<string, TSESTree.MemberExpression[]>();
    const fields = new Map<string, TSESTree.PropertyDefinition[]>();
    const calls = new Map<string, TSESTree.CallExpression[]>();
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
      } else if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(node.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(callee) : null;
        if (name !== null) add(calls, name, node);
      }
      return true;
    });
    return { members, computed, fields, calls };
  });
}
