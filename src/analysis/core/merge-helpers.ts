// Calls that copy the members of the objects they are given onto their first argument:
// `Object.assign(target, …)`, underscore / lodash `_.extend` / `_.assign` / `_.merge` / `_.defaults`,
// jQuery `$.extend(target, …)` and `angular.extend`. A fact table, like the memoizer table: the
// objects passed after the target define members of the target.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';
import { getImportOrigin } from '../resolve/imports.js';

const LIBRARY_MERGES: Readonly<Record<string, ReadonlySet<string>>> = {
  underscore: new Set(['extend', 'extendOwn', 'assign', 'defaults']),
  lodash: new Set(['extend', 'assign', 'assignIn', 'merge', 'defaults']),
  'lodash-es': new Set(['extend', 'assign', 'assignIn', 'merge', 'defaults']),
  jquery: new Set(['extend']),
};

/** Globals of browser scripts whose `extend` merges into its first argument (when not shadowed or imported). */
const GLOBAL_MERGES: Readonly<Record<string, ReadonlySet<string>>> = {
  Object: new Set(['assign']),
  $: new Set(['extend']),
  jQuery: new Set(['extend']),
  angular: new Set(['extend']),
  _: new Set(['extend', 'extendOwn', 'assign', 'assignIn', 'merge', 'defaults']),
};

/** Does `call` copy the members of its later arguments onto its first (`Object.assign(Foo.prototype, {…})`)? */
export function isMemberMerge(file: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length < 2) return false;
  const method = getStaticMemberName(callee);
  if (method === null) return false;
  const object = unwrapExpression(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_MERGES[object.name]?.has(method) && file.isGlobalReference(object, object.name)) return true;
  const origin = getImportOrigin(file, callee);
  if (!origin || origin.path.length !== 1) return false;
  return LIBRARY_MERGES[origin.source]?.has(origin.path[0]!) ?? false;
}
