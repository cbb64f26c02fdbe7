import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { getMemberIndex } from '../core/member-index.js';
import type { FileContext } from '../core/file-context.js';
import { getInstanceOf } from './instance.js';
import type { LongLivedBinding } from './long-lived.js';
import { getSingleton, hasSingletons, isSingletonClass } from './singletons.js';

type Node = TSESTree.Node;

/**
 * A container held in a field of an instance: `this.sockets = new Set()` in the constructor (or any
 * one assignment of an empty container), or a class field `pending = new Map()`. It lives as long as
 * its owner, so what code of the owner adds on every event stays as long as the owner does.
 *
 * The field is judged over this file's code whose `this` is an instance of the same class (`this` or
 * an alias of it, `const self = this`): those are its uses, and assignments after the first are its
 * writes (a reset). Reaching into another object's field from another module to take entries out is
 * not assumed; in this file, any other access (`server.sockets`, `this[name]`, a field an explicitly
 * `public` member declares) makes it reachable elsewhere, so that nothing is concluded about it.
 */
export function resolveInstanceFieldBinding(file: FileContext, node: Node): LongLivedBinding | null {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed) return null;
  const owner = getInstanceOf(file, member.object);
  const name = getStaticMemberName(member);
  if (!owner || owner.className === null || name === null) return null;
  return resolveFieldOf(file, owner.className, name);
}

/**
 * A field of the one instance of a singleton class (`singletons.ts`): it lives for the life of the
 * program, like a module variable. `null` for fields of any other instance.
 */
export function resolveSingletonFieldBinding(file: FileContext, member: TSESTree.MemberExpression): LongLivedBinding | null {
  if (member.computed || !hasSingletons(file)) return null;
  const object = unwrapExpression(member.object);
  let className = getInstanceOf(file, object)?.className ?? null;
  if (className === null && object.type === AST_NODE_TYPES.Identifier) className = singletonHeldBy(file, object);
  if (!isSingletonClass(file, className)) return null;
  const binding = resolveFieldOf(file, className!, getStaticMemberName(member));
  return binding?.kind === 'singleton-field' ? binding : null;
}

/** The class of the singleton a variable holds (`const registry = new Registry()`), if it is one. */
function singletonHeldBy(file: FileContext, identifier: TSESTree.Identifier): string | null {
  const variable = file.findVariable(identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init && unwrapExpression(def.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier) return null;
  return getSingleton(file, init.callee.name)?.holder === variable ? init.callee.name : null;
}

function resolveFieldOf(file: FileContext, className: string, name: string | null): LongLivedBinding | null {
  if (name === null) return null;
  const fields = file.cached('instanceFields', file.program, () => new Map<string, LongLivedBinding | null>());
  const id = `${className}\u0000${name}`;
  if (!fields.has(id)) fields.set(id, computeFieldBinding(file, className, name));
  return fields.get(id) ?? null;
}

function computeFieldBinding(file: FileContext, className: string, name: string): LongLivedBinding | null {
  const index = getMemberIndex(file);
  const accesses: TSESTree.MemberExpression[] = [];
  let declaration: Node | null = null;
  let init: TSESTree.Expression | null = null;
  let typeAnnotation: TSESTree.TypeNode | null = null;
  let reachableElsewhere = false;
  for (const field of index.fields.get(name) ?? []) {
    const classNode = field.parent.parent;
    if ((classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) || classNode.id?.name !== className) continue;
    if (field.accessibility === 'public') reachableElsewhere = true;
    if (declaration === null && field.value) {
      declaration = field;
      init = field.value;
      typeAnnotation = field.typeAnnotation?.typeAnnotation ?? null;
    }
  }
  // The one instance of a singleton is also reached through the variable that holds it (`registry.events`).
  const singleton = getSingleton(file, className);
  const holder = singleton?.holder ?? null;
  for (const member of index.members.get(name) ?? []) {
    const object = unwrapExpression(member.object);
    const instance = getInstanceOf(file, object);
    if (instance?.className === className) accesses.push(member);
    else if (holder !== null && object.type === AST_NODE_TYPES.Identifier && file.findVariable(object) === holder) accesses.push(member);
    else if (instance === null && object.type !== AST_NODE_TYPES.ThisExpression) reachableElsewhere = true;
  }
  // `this[name]`: any field may be the one
  if (index.computed.some((member) => getInstanceOf(file, member.object)?.className === className)) reachableElsewhere = true;
  const uses: Node[] = [];
  const writes: Node[] = [];
  for (const access of accesses) {
    const outer = outermostWrapper(access);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) {
      if (declaration === null && parent.operator === '=') {
        declaration = parent;
        init = parent.right;
        continue;
      }
      writes.push(access);
      if (parent.operator !== '=') uses.push(access);
    } else {
      uses.push(access);
    }
  }
  if (declaration === null || init === null) return null;
  const declared = declaration as TSESTree.PropertyDefinition | TSESTree.AssignmentExpression;
  const reportNode: Node = declared.type === AST_NODE_TYPES.PropertyDefinition ? declared.key : declared.left;
  return {
    kind: singleton ? 'singleton-field' : 'instance-field',
    // The one instance is named by the variable that holds it, when there is one (`hub.subscribers`).
    name: `${singleton?.holder?.name ?? className}.${name}`,
    scope: singleton ? `singleton ${className}` : `field of every ${className}`,
    reportNode,
    declaration,
    imported: null,
    init,
    typeAnnotation,
    exported: false,
    uses,
    writes,
    reachableElsewhere,
  };
}
