import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';
import type { FunctionNode } from './traverse.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A decorator applied to a class member by compiled code instead of `@d` syntax:
 * - TypeScript (`experimentalDecorators`): `__decorate([d, e], Foo.prototype, "m", null)`, also as
 *   `tslib_1.__decorate(…)`, `(0, tslib_1.__decorate)(…)`, a bundler's renamed `__decorate$3(…)` and
 *   SWC's `_ts_decorate(…)`. The last argument is `null` for methods and accessors (`void 0` for fields);
 * - Babel (legacy): `_applyDecoratedDescriptor(_class.prototype, "m", [d], Object.getOwnPropertyDescriptor(…), …)`.
 *
 * What it means is the same as `@d` written on the method: `d` runs once, when the class is defined,
 * with the prototype (or the constructor, for static members) and the method's descriptor.
 */
export interface CompiledDecoration {
  readonly call: TSESTree.CallExpression;
  /** The decorator expressions, as written in the array. */
  readonly decorators: readonly TSESTree.Expression[];
  /** `Foo` of `Foo.prototype` / `Foo`. */
  readonly owner: TSESTree.Identifier;
  readonly memberName: string;
  /** Applied to the constructor (`Foo`, a static member) rather than `Foo.prototype`. */
  readonly static: boolean;
  /** The ES class `owner` names in this file, when it is one. */
  readonly classNode: ClassNode | null;
  /** The decorated method's function, when it is visible (a class method, or `Foo.prototype.m = function …`). */
  readonly method: FunctionNode | null;
}

const TS_HELPER = /^_{1,2}(?:ts_)?decorate(?:\$\d+|\d+)?$/u;
const BABEL_HELPER = /^_applyDecoratedDescriptor\d*$/u;

/** The decoration `element` (an element of the decorators array) belongs to, for a method or accessor. */
export function getCompiledDecorationOf(file: FileContext, element: Node): CompiledDecoration | null {
  const array = element.parent;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || !array.elements.includes(element as TSESTree.Expression)) return null;
  const call = array.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(array) ? getCompiledDecoration(file, call) : null;
}

/** `call` applies decorators to a method or accessor of a class, in compiled output; `null` otherwise (fields included). */
export function getCompiledDecoration(file: FileContext, call: TSESTree.CallExpression): CompiledDecoration | null {
  return file.cached('compiledDecoration', call, () => {
    const helper = helperName(call.callee);
    if (helper === null) return null;
    let array: Node | undefined;
    let target: Node | undefined;
    let key: Node | undefined;
    if (TS_HELPER.test(helper)) {
      // `__decorate(decorators, target, key, desc)`: `null` is a method or accessor; a field passes `void 0`.
      if (call.arguments.length !== 4 || !isNull(call.arguments[3]!)) return null;
      [array, target, key] = call.arguments;
    } else if (BABEL_HELPER.test(helper)) {
      // `_applyDecoratedDescriptor(target, key, decorators, descriptor, context)`: a method's descriptor is read
      // from the prototype; a field's is an object literal with an `initializer`.
      if (call.arguments.length < 4 || !isOwnPropertyDescriptorCall(call.arguments[3]!)) return null;
      [target, key, array] = call.arguments;
    } else return null;
    if (array?.type !== AST_NODE_TYPES.ArrayExpression || !target || !key) return null;
    if (key.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string') return null;
    const decorators: TSESTree.Expression[] = [];
    for (const element of array.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) return null;
      decorators.push(element);
    }
    const ownerNode = unwrapExpression(target);
    const isPrototype = ownerNode.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(ownerNode) === 'prototype';
    const owner = isPrototype ? (ownerNode as TSESTree.MemberExpression).object : ownerNode;
    if (owner.type !== AST_NODE_TYPES.Identifier) return null;
    const classNode = classOf(file, owner);
    return {
      call,
      decorators,
      owner,
      memberName: key.value,
      static: !isPrototype,
      classNode,
      method: decoratedMethod(file, call, owner, classNode, key.value, !isPrototype),
    };
  });
}

/** `__decorate`, `tslib_1.__decorate`, `(0, tslib_1.__decorate)` → the helper's name. */
function helperName(callee: Node): string | null {
  let expression = unwrapExpression(callee);
  if (
    expression.type === AST_NODE_TYPES.SequenceExpression &&
    expression.expressions.length === 2 &&
    expression.expressions[0]?.type === AST_NODE_TYPES.Literal
  ) {
    expression = unwrapExpression(expression.expressions[1]!);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.Identifier) {
    const name = getStaticMemberName(expression);
    return name === '__decorate' ? name : null;
  }
  return null;
}

function isNull(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node);
}

function isOwnPropertyDescriptorCall(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object' &&
    getStaticMemberName(node.callee) === 'getOwnPropertyDescriptor'
  );
}

/**
 * The class an owner names: a class declaration, a variable initialised with a class expression, or
 * Babel's `_class` temporary (`(_class = class Foo {…}, _applyDecoratedDescriptor(…), _class)`).
 */
function classOf(file: FileContext, owner: TSESTree.Identifier): ClassNode | null {
  const variable = file.findVariable(owner);
  if (!variable) return null;
  let found: ClassNode | null = null;
  const consider = (value: Node | null | undefined): boolean => {
    const expression = value && unwrapExpression(value);
    if (expression?.type !== AST_NODE_TYPES.ClassExpression) return false;
    if (found && found !== expression) return true; // two classes: ambiguous
    found = expression;
    return false;
  };
  for (const def of variable.defs) {
    if (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression) return def.node;
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && consider(def.node.init)) return null;
  }
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier && consider(parent.right)) {
      return null;
    }
  }
  return found;
}

/** The decorated method: a method of the class, or ES5's `Foo.prototype.m = function …` in the same body. */
function decoratedMethod(
  file: FileContext,
  call: TSESTree.CallExpression,
  owner: TSESTree.Identifier,
  classNode: ClassNode | null,
  name: string,
  isStatic: boolean,
): FunctionNode | null {
  if (classNode) {
    for (const element of classNode.body.body) {
      if (
        element.type === AST_NODE_TYPES.MethodDefinition &&
        element.static === isStatic &&
        element.kind !== 'constructor' &&
        getStaticPropertyKey(element.key, element.computed) === name
      ) {
        return element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : null;
      }
    }
    return null;
  }
  const body = call.parent?.parent;
  if (body?.type !== AST_NODE_TYPES.BlockStatement && body?.type !== AST_NODE_TYPES.Program) return null;
  const ownerVariable = file.findVariable(owner);
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const assignment = statement.expression;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const left = assignment.left;
    if (getStaticMemberName(left) !== name) continue;
    const holder = isStatic ? left.object : left.object.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(left.object) === 'prototype' ? left.object.object : null;
    if (holder?.type !== AST_NODE_TYPES.Identifier || file.findVariable(holder) !== ownerVariable) continue;
    const value = unwrapExpression(assignment.right);
    if (isFunctionNode(value)) return value;
  }
  return null;
}
