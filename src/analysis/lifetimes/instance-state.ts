// State an instance owns that holds the instance itself: `const map = this[slot]` (a container kept on
// the instance) into which the code stores the instance (`map.set(this, …)`, `map.add(self)`). Kept
// anywhere long-lived, such a value keeps its instance as surely as storing `this` would.
import { getSingleInit } from '../core/bindings.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { enclosingFunction, functionReturns, thisOwner, type FunctionNode } from '../core/traverse.js';
import type { FileContext } from '../core/file-context.js';
import { getInstanceOf, type CarriedInstance } from './instance.js';

type Node = TSESTree.Node;

/** A value read from the instance that holds the instance: what it is, and where the instance is stored in it. */
export interface InstanceState {
  readonly instance: CarriedInstance;
  /** The binding's name (`myMap`). */
  readonly name: string;
  /** The store that puts the instance into it (`myMap.set(hashKey, …)`). */
  readonly store: TSESTree.CallExpression;
}

/**
 * `node` (or an array literal of it: `[myMap]`) is a never-reassigned local initialised from a slot of
 * the instance (`this[k]`, `this.cache`), and the instance is stored in it as a key or member
 * (`.set(this, v)`, `.add(this)`, through an alias `const key = this` too). `null` otherwise.
 */
export function getInstanceState(file: FileContext, node: Node): InstanceState | null {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of expression.elements) {
      const found = element && element.type !== AST_NODE_TYPES.SpreadElement ? getInstanceState(file, element) : null;
      if (found) return found;
    }
    return null;
  }
  const single = getSingleInit(file, expression);
  if (!single) return null;
  const { variable, init } = single;
  if (init.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(init.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const owner = getInstanceOf(file, init.object) ?? decoratedMethodInstance(file, init.object as TSESTree.ThisExpression);
  if (!owner) return null;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    const method = getStaticMemberName(member);
    const [key] = call.arguments;
    if ((method !== 'set' && method !== 'add') || !key || key.type === AST_NODE_TYPES.SpreadElement) continue;
    const stored = getInstanceOf(file, key) ?? (isThisAlias(file, key, init.object as TSESTree.ThisExpression) ? owner : null);
    if (stored) return { instance: stored, name: variable.name, store: call };
  }
  return null;
}

/**
 * `this` of a function installed as a decorated method: assigned to `descriptor.value` / `.get` of a
 * legacy decorator `(target, key, descriptor)`, directly or as the result of a same-file helper that
 * returns it (`descriptor.value = getNewFunction(descriptor.value)`). It runs on every instance of
 * every class the decorator is used in, so its class is not known.
 */
function decoratedMethodInstance(file: FileContext, node: TSESTree.ThisExpression): CarriedInstance | null {
  const fn = thisOwner(node);
  if (!fn || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return null;
  const installed = (value: Node): boolean => {
    const use = outermostWrapper(value);
    const assignment = use.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== use || assignment.operator !== '=') return false;
    const left = unwrapExpression(assignment.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || !['value', 'get'].includes(getStaticMemberName(left) ?? '')) return false;
    const object = unwrapExpression(left.object);
    const descriptor = enclosingFunction(assignment)?.params[2];
    return (
      object.type === AST_NODE_TYPES.Identifier &&
      descriptor?.type === AST_NODE_TYPES.Identifier &&
      file.findVariable(object) !== null &&
      file.findVariable(object) === file.findVariable(descriptor)
    );
  };
  const found: CarriedInstance = { className: null, memberName: null, via: 'this', text: 'this' };
  if (installed(fn)) return found;
  // returned by a module-level helper whose calls are installed
  const helper = enclosingFunction(fn);
  if (!helper || !functionReturns(file, helper).some((value) => unwrapExpression(value) === fn)) return null;
  const name = helperName(helper);
  const variable = name && file.findVariable(name);
  if (!variable) return null;
  const calls = variable.references.filter((reference) => reference.identifier !== name && reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression && reference.identifier.parent.callee === reference.identifier);
  return calls.length > 0 && calls.length === variable.references.filter((reference) => reference.identifier !== name).length && calls.every((reference) => installed(reference.identifier.parent!))
    ? found
    : null;
}

function helperName(fn: FunctionNode): TSESTree.Identifier | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id;
  const parent = outermostWrapper(fn).parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : null;
}

/** `key` is `self` / `hashKey` declared `const key = this` in the same function as `self`. */
function isThisAlias(file: FileContext, key: Node, self: TSESTree.ThisExpression): boolean {
  const expression = unwrapExpression(key);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return thisOwner(expression) === thisOwner(self);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const init = unwrapExpression(def.node.init);
  return init.type === AST_NODE_TYPES.ThisExpression && thisOwner(init) === thisOwner(self);
}
