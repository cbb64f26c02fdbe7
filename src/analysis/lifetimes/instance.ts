import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  getObjectMethodCall,
  getPrototypeOwner,
  getStaticMemberName,
  getStaticPropertyKey,
  outermostWrapper,
  unwrapExpression,
} from '../core/ast.js';
import { getComponentOfMemberObject } from './component-options.js';
import { isMemberMerge } from '../core/merge-helpers.js';
import type { FileContext } from '../core/file-context.js';
import { getTypeServices } from '../resolve/types.js';

type Node = TSESTree.Node;
type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** What `this` denotes when it denotes an instance. */
export interface InstanceContext {
  /** The class (or constructor function, or prototype object) whose instances `this` is; `null` if anonymous. */
  readonly className: string | null;
  /** The member the code runs in (`preview`, `constructor`, a field name); `null` if unknown. */
  readonly memberName: string | null;
}

/** How an expression carries an instance. */
export interface CarriedInstance extends InstanceContext {
  /** `this`, an alias of it (`self`), or a literal wrapping it (`{ owner: this }`, `[this, x]`). */
  readonly via: 'this' | 'alias' | 'wrapper';
  /** The source text of the expression that is the instance (`this`, `self`). */
  readonly text: string;
}

/** `Foo.preview`, `Foo` or `this class`, for messages. */
export function describeMember(instance: InstanceContext): string {
  const owner = instance.className ?? 'this class';
  return instance.memberName ? `${owner}.${instance.memberName}` : owner;
}

/**
 * Is `node` the instance itself: `this` where it is an instance, or a never-reassigned alias of such
 * a `this` (`const self = this`)? Returns what it knows about the instance, or `null`.
 */
export function getInstanceOf(file: FileContext, node: Node): CarriedInstance | null {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) {
    const instance = getThisInstance(file, expression);
    return instance && { ...instance, via: 'this', text: 'this' };
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const instance = getAliasInstance(file, expression);
    return instance && { ...instance, via: 'alias', text: expression.name };
  }
  return null;
}

/**
 * Does `node` carry an instance: the instance itself, or an object/array literal that holds it
 * (`{ owner: this }`, `[this, size]`)? Such a value pins the instance wherever it is stored.
 */
export function findCarriedInstance(file: FileContext, node: Node, depth = 2): CarriedInstance | null {
  const direct = getInstanceOf(file, node);
  if (direct || depth === 0) return direct;
  const expression = unwrapExpression(node);
  const parts: Node[] = [];
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of expression.elements) if (element) parts.push(element);
  } else if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of expression.properties) {
      parts.push(property.type === AST_NODE_TYPES.Property ? property.value : property.argument);
    }
  }
  for (const part of parts) {
    const inner = findCarriedInstance(
      file,
      part.type === AST_NODE_TYPES.SpreadElement ? part.argument : part,
      depth - 1,
    );
    if (inner) return { ...inner, via: 'wrapper', text: inner.text };
  }
  return null;
}

/** What `this` is at `node`: an instance (with its class and member), or `null` (class, global, unknown). */
export function getThisInstance(file: FileContext, node: TSESTree.ThisExpression): InstanceContext | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        continue;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        return getFunctionInstance(file, current);
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (current.value !== child) continue; // a computed key: `this` is the outer one
        if (current.static) return null;
        return classMember(current.parent.parent, current.key, current.computed);
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.Program:
        return null;
      default:
        continue;
    }
  }
  return null;
}

/** Which instance `this` is inside a non-arrow function, from where the function is placed. */
export function getFunctionInstance(file: FileContext, fn: FunctionLike): InstanceContext | null {
  return file.cached('functionInstance', fn, () => computeFunctionInstance(file, fn));
}

function computeFunctionInstance(file: FileContext, fn: FunctionLike): InstanceContext | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (fn.id && isConstructorFunction(file, fn.id)) return { className: fn.id.name, memberName: 'constructor' };
    return getTypedThisInstance(file, fn);
  }
  const parent = fn.parent;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
    parent.value === fn
  ) {
    if (parent.static) return null;
    return classMember(parent.parent.parent, parent.key, parent.computed);
  }
  // `var Foo = function () {…}` (also `export const`) with `Foo.prototype` or `new Foo` in the file: a constructor
  const declarator = outermostWrapper(fn).parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === outermostWrapper(fn) &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    isConstructorFunction(file, declarator.id)
  ) {
    return { className: declarator.id.name, memberName: 'constructor' };
  }
  return getSlotInstance(file, fn, 0) ?? getTypedThisInstance(file, fn);
}

/**
 * Typed mode only: a standalone function whose `this:` parameter is typed as a class instance
 * (`function area(this: Shape) {…}`, later assigned to a prototype or called with `.call`).
 */
function getTypedThisInstance(file: FileContext, fn: FunctionLike): InstanceContext | null {
  const [first] = fn.params;
  if (first?.type !== AST_NODE_TYPES.Identifier || first.name !== 'this' || !first.typeAnnotation) return null;
  const types = getTypeServices(file);
  if (!types) return null;
  const type = types.services.getTypeAtLocation(first);
  const symbol = type.getSymbol();
  if (!symbol || !(symbol.flags & types.ts.SymbolFlags.Class)) return null;
  const name = fn.id?.name ?? getFunctionName(fn);
  return { className: symbol.getName(), memberName: name };
}

/**
 * Where a piece of code runs, for messages: `Class.member` inside classes, the function's name
 * elsewhere (`renderTree`), `module scope` at the top level.
 */
export function describeEnclosingFunction(node: Node): string {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      return `${getClassName(current.parent.parent) ?? 'this class'}.${getStaticPropertyKey(current.key, current.computed) ?? '[computed]'}`;
    }
    if (
      current.type !== AST_NODE_TYPES.FunctionDeclaration &&
      current.type !== AST_NODE_TYPES.FunctionExpression &&
      current.type !== AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      continue;
    }
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      return `${getClassName(parent.parent.parent) ?? 'this class'}.${getStaticPropertyKey(parent.key, parent.computed) ?? '[computed]'}`;
    }
    const name = current.id?.name ?? getFunctionName(current);
    if (name) return name;
  }
  return 'module scope';
}

function getFunctionName(fn: Node): string | null {
  const parent = outermostWrapper(fn).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.Property) return getStaticPropertyKey(parent.key, parent.computed);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return getStaticMemberName(parent.left);
  }
  return null;
}

/**
 * When a function (or a wrapper call around it, such as `memoize(function () {…})`) is stored
 * where it becomes a method of instances, which instances are those?
 */
export function getSlotInstance(file: FileContext, value: Node, depth: number): InstanceContext | null {
  const node = outermostWrapper(value);
  const parent = node.parent;
  if (!parent || depth > 3) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== node || parent.left.type !== AST_NODE_TYPES.MemberExpression) return null;
      const owner = getPrototypeOwner(parent.left.object);
      return owner ? { className: owner.name, memberName: getStaticMemberName(parent.left) } : null;
    }
    case AST_NODE_TYPES.Property: {
      if (parent.value !== node || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return null;
      const memberName = getStaticPropertyKey(parent.key, parent.computed);
      const object = parent.parent;
      const descriptorOf = getDescriptorTarget(object);
      if (descriptorOf) {
        // `{ value: fn }` / `{ get: fn }` in `Object.defineProperty(X.prototype, 'm', …)`
        return memberName === 'value' || memberName === 'get' || memberName === 'set' ? descriptorOf : null;
      }
      const owner = getPrototypeObjectOwner(file, object);
      if (owner !== undefined) return { className: owner, memberName };
      // Vue options API / `X.extend({…})`: methods, computed, watchers and hooks run on the component instance.
      const component = getComponentOfMemberObject(file, object);
      return component ? { className: component.name ?? 'component', memberName } : null;
    }
    case AST_NODE_TYPES.PropertyDefinition:
      if (parent.value !== node || parent.static) return null;
      return classMember(parent.parent.parent, parent.key, parent.computed);
    case AST_NODE_TYPES.CallExpression:
      // A wrapper that forwards `this`: `X.prototype.m = memoize(function () { this… })`.
      if (!parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return null;
      return getSlotInstance(file, parent, depth + 1);
    default:
      return null;
  }
}

/** The descriptor object of `Object.defineProperty(X.prototype, 'm', {…})` (or `defineProperties`). */
function getDescriptorTarget(object: TSESTree.ObjectExpression): InstanceContext | null {
  const parent = object.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && getObjectMethodCall(parent) === 'defineProperty') {
    const [target, key] = parent.arguments;
    const owner = target && getPrototypeOwner(target);
    if (owner && parent.arguments[2] === object) {
      const memberName = key && key.type === AST_NODE_TYPES.Literal ? String(key.value) : null;
      return { className: owner.name, memberName };
    }
    return null;
  }
  if (
    parent.type === AST_NODE_TYPES.Property &&
    parent.value === object &&
    parent.parent.type === AST_NODE_TYPES.ObjectExpression &&
    parent.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    getObjectMethodCall(parent.parent.parent) === 'defineProperties'
  ) {
    const call = parent.parent.parent;
    const owner = call.arguments[0] && getPrototypeOwner(call.arguments[0]);
    if (owner && call.arguments[1] === parent.parent) {
      return { className: owner.name, memberName: getStaticPropertyKey(parent.key, parent.computed) };
    }
  }
  return null;
}

/**
 * Does this object literal's method run with an instance as `this`: it is used as a prototype
 * (`getPrototypeLiteralOwner`) or handed to a class factory as a class definition (`classSpecOwner`)?
 * Returns the display name of the instances' owner (`null` when anonymous), or `undefined` when neither.
 */
export function getPrototypeObjectOwner(file: FileContext, object: TSESTree.ObjectExpression): string | null | undefined {
  return file.cached('prototypeObject', object, () => {
    const owner = getPrototypeLiteralOwner(file, object);
    if (owner !== undefined) return owner;
    const parent = outermostWrapper(object).parent;
    const spec = parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression ? classSpecOwner(object, parent) : undefined;
    if (spec !== undefined) return spec;
    return hasComponentLifecycle(object) ? (holderName(object) ?? 'component') : undefined;
  });
}

/**
 * Is this object literal used as a prototype? `X.prototype = {…}`, `Object.assign(X.prototype, {…})`,
 * or a variable that is passed to `Object.create` / assigned to a prototype. Its members are then one
 * value shared by every instance. Returns the display name of the instances' owner (`null` when
 * anonymous), or `undefined` when it is not a prototype.
 */
export function getPrototypeLiteralOwner(file: FileContext, object: TSESTree.ObjectExpression): string | null | undefined {
  return file.cached('prototypeLiteral', object, () => {
    const node = outermostWrapper(object);
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
      const owner = getPrototypeOwner(parent.left);
      return owner ? owner.name : undefined;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression) return prototypeUse(file, parent, node);
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = file.findVariable(parent.id);
      for (const reference of variable?.references ?? []) {
        const use = outermostWrapper(reference.identifier);
        const useParent = use.parent;
        if (useParent?.type === AST_NODE_TYPES.AssignmentExpression && useParent.right === use) {
          const owner = getPrototypeOwner(useParent.left);
          if (owner) return owner.name;
        }
        if (useParent?.type === AST_NODE_TYPES.CallExpression) {
          const owner = prototypeUse(file, useParent, use);
          if (owner !== undefined) return owner ?? parent.id.name;
        }
      }
    }
    return undefined;
  });
}

/**
 * Lifecycle methods that React calls on each mounted component, in a `createClass` definition or a
 * mixin object: an object that defines one runs its methods with a component instance as `this`.
 */
const COMPONENT_LIFECYCLE = new Set([
  'componentWillMount', 'componentDidMount', 'componentWillReceiveProps', 'shouldComponentUpdate',
  'componentWillUpdate', 'componentDidUpdate', 'componentWillUnmount', 'getInitialState',
]);

function hasComponentLifecycle(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      COMPONENT_LIFECYCLE.has(getStaticPropertyKey(property.key, property.computed) ?? '') &&
      (property.method || property.value.type === AST_NODE_TYPES.FunctionExpression),
  );
}

/** The name an object literal is stored under (`var Mixin = {…}`), or `null`. */
function holderName(object: TSESTree.ObjectExpression): string | null {
  const holder = outermostWrapper(object).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) return getStaticMemberName(holder.left);
  return null;
}

/**
 * Entry points of a class made from an object of methods by a class factory: MooTools and Prototype
 * (`new Class({ initialize })`, `Class.create({ initialize })`), Backbone (`View.extend({ initialize })`),
 * prime and Dojo (`prime({ constructor })`, `declare(Base, { constructor })`). The factory calls the entry
 * point once per instance, and every method of the object runs with an instance as `this`.
 */
const CLASS_SPEC_ENTRY_POINTS = new Set(['initialize', 'constructor']);

/**
 * An object literal handed to a class factory as the class's definition: it names an entry point
 * (`CLASS_SPEC_ENTRY_POINTS`) with a function value. Returns the name the made class is stored under
 * (`OverText` of `var OverText = new Class({…})`, `null` when exported or returned anonymous), or `undefined` when it is not one.
 */
function classSpecOwner(object: TSESTree.ObjectExpression, call: TSESTree.CallExpression | TSESTree.NewExpression): string | null | undefined {
  const isSpec = object.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      property.kind === 'init' &&
      CLASS_SPEC_ENTRY_POINTS.has(getStaticPropertyKey(property.key, property.computed) ?? '') &&
      (property.value.type === AST_NODE_TYPES.FunctionExpression || property.method),
  );
  if (!isSpec) return undefined;
  const holder = outermostWrapper(call).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression) {
    if (holder.left.type === AST_NODE_TYPES.Identifier) return holder.left.name;
    if (holder.left.type === AST_NODE_TYPES.MemberExpression) return getStaticMemberName(holder.left);
  }
  // The made class is handed on (`export default View.extend({…})`, `return Class.create({…})`); a result
  // thrown away (`register({ initialize… })`) was no class.
  return holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration || holder?.type === AST_NODE_TYPES.ReturnStatement ? null : undefined;
}

function prototypeUse(file: FileContext, call: TSESTree.CallExpression, argument: Node): string | null | undefined {
  const method = getObjectMethodCall(call);
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  // `Object.assign(X.prototype, {…})`, `_.extend(X.prototype, Base.prototype, {…})`
  if (index > 0 && isMemberMerge(file, call)) {
    const owner = call.arguments[0] && getPrototypeOwner(call.arguments[0]);
    return owner ? owner.name : undefined;
  }
  if (method === 'create' && index === 0) return null;
  if (method === 'setPrototypeOf' && index === 1) return null;
  return undefined;
}

/** `function Foo() {}` used as a constructor: `Foo.prototype` is touched or `new Foo()` is called. */
function isConstructorFunction(file: FileContext, id: TSESTree.Identifier): boolean {
  const variable = file.findVariable(id);
  return (variable?.references ?? []).some(({ identifier }) => {
    const parent = identifier.parent;
    return (
      (parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === identifier &&
        getStaticMemberName(parent) === 'prototype') ||
      (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === identifier)
    );
  });
}

function getAliasInstance(file: FileContext, id: TSESTree.Identifier): InstanceContext | null {
  // Cheap first: a file whose text never initialises anything with `this` has no alias of it, so
  // most identifiers are rejected without a scope lookup.
  if (!mayDeclareThisAlias(file)) return null;
  const variable = file.findVariable(id);
  if (!variable || variable.defs.length !== 1) return null;
  return file.cached('aliasInstance', variable, () => {
    const def = variable.defs[0]!;
    if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
    const init = unwrapExpression(def.node.init);
    if (init.type !== AST_NODE_TYPES.ThisExpression) return null;
    const reassigned = variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name);
    return reassigned ? null : getThisInstance(file, init);
  });
}

/** Does the file's text contain `= this` (an initialiser or assignment of `this`, parentheses allowed)? */
function mayDeclareThisAlias(file: FileContext): boolean {
  return file.cached('mayDeclareThisAlias', file.program, () => /=\s*(?:\(\s*)*this\b/.test(file.sourceCode.text));
}

function classMember(
  classNode: Node,
  key: TSESTree.Expression | TSESTree.PrivateIdentifier,
  computed: boolean,
): InstanceContext {
  return { className: getClassName(classNode), memberName: getStaticPropertyKey(key, computed) };
}

/** The name a class is known by: its id, or the variable or property it is assigned to. */
export function getClassName(classNode: Node): string | null {
  if (
    (classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression) &&
    classNode.id
  ) {
    return classNode.id.name;
  }
  const parent = classNode.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) {
    if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
    if (parent.left.type === AST_NODE_TYPES.MemberExpression) return getStaticMemberName(parent.left);
  }
  return null;
}
