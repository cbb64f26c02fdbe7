// What a same-file helper does to its parameters, applied at one call with the arguments bound.
//
// Hand-written memoizers move work into small helpers of the same file:
// `applyAndCache(this, fn, arguments, cache, key)` calls `fn` with the instance it receives and stores
// the result in the container it receives; `metaForDescriptor(descriptor)` returns `{ fn, wrapKey }`,
// the original method and the descriptor slot it came from; Babel's `_defineProperty({}, key, value)`
// writes one property and returns the object. Each helper is read once (per file) for its *effects*
// on its parameters, and the effects are then applied where it is called, with the parameters bound
// to that call's arguments. A helper whose parameters are reassigned, or whose effect depends on
// anything else, has no effect here (the callers then see an unknown call, as before).
import { getSingleInit } from '../core/bindings.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { functionReturns, walk, type FunctionNode } from '../core/traverse.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * The helper stores the result of calling parameter `callee` with parameter `receiver` as its `this`
 * into the container parameter `container`, under the key parameter `key`
 * (`const r = fn.apply(ctx, args); cache[key] = r;`, `cache.set(key, fn.call(ctx, a))`).
 */
export interface StoreEffect {
  readonly callee: number;
  readonly receiver: number;
  readonly container: number;
  readonly key: number;
  /** `[]` for a computed property write, `set` for a keyed container. */
  readonly method: '[]' | 'set';
}

/** A store effect at one call: the arguments the parameters are bound to. */
export interface BoundStore {
  readonly call: TSESTree.CallExpression;
  readonly callee: Node;
  readonly receiver: Node;
  readonly container: Node;
  readonly key: Node;
  readonly method: '[]' | 'set';
}

/** A function declared in this file under a binding that is never reassigned. */
export function resolveSameFileFunction(file: FileContext, node: Node): FunctionNode | null {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return null;
    const init = unwrapExpression(def.node.init);
    return isFunctionNode(init) ? init : null;
  }
  return null;
}

/** The index of the plain, never-reassigned parameter `node` names in `fn`; `-1` otherwise. */
function parameterIndex(file: FileContext, fn: FunctionNode, node: Node): number {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return -1;
  const variable = file.findVariable(expression);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Parameter') return -1;
  const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && file.findVariable(param) === variable);
  if (index < 0 || variable.references.some((reference) => reference.isWrite())) return -1;
  return index;
}

/** `P.apply(T, …)`, `P.call(T, …)`, `Reflect.apply(P, T, …)` on parameters; through a local `const r = …` too. */
function parameterCall(file: FileContext, fn: FunctionNode, value: Node, depth = 0): { callee: number; receiver: number } | null {
  const expression = unwrapExpression(value);
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const variable = file.findVariable(expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
    return parameterCall(file, fn, def.node.init, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrapExpression(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticMemberName(callee);
  const [first, second] = expression.arguments;
  if ((method === 'apply' || method === 'call') && first) {
    const calleeIndex = parameterIndex(file, fn, callee.object);
    const receiver = parameterIndex(file, fn, first);
    return calleeIndex >= 0 && receiver >= 0 ? { callee: calleeIndex, receiver } : null;
  }
  if (
    method === 'apply' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Reflect' &&
    file.isGlobalReference(callee.object, 'Reflect') &&
    first &&
    second
  ) {
    const calleeIndex = parameterIndex(file, fn, first);
    const receiver = parameterIndex(file, fn, second);
    return calleeIndex >= 0 && receiver >= 0 ? { callee: calleeIndex, receiver } : null;
  }
  return null;
}

/** The store effect of a helper's own body (not of functions nested in it), or `null`. */
export function getStoreEffect(file: FileContext, fn: FunctionNode): StoreEffect | null {
  return file.cached('helperStoreEffect', fn, () => {
    let found: StoreEffect | null = null;
    walk(file, fn.body, (node) => {
      if (found) return false;
      if (isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
        const left = unwrapExpression(node.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression || !left.computed) return true;
        const container = parameterIndex(file, fn, left.object);
        const key = parameterIndex(file, fn, left.property);
        const called = container >= 0 && key >= 0 ? parameterCall(file, fn, node.right) : null;
        if (called) found = { ...called, container, key, method: '[]' };
      } else if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(callee) !== 'set') return true;
        const [keyArgument, value] = node.arguments;
        const container = parameterIndex(file, fn, callee.object);
        const key = keyArgument ? parameterIndex(file, fn, keyArgument) : -1;
        const called = container >= 0 && key >= 0 && value ? parameterCall(file, fn, value) : null;
        if (called) found = { ...called, container, key, method: 'set' };
      }
      return true;
    });
    return found;
  });
}

/** The store effect of the same-file helper `call` calls, with its parameters bound to the call's arguments. */
export function getBoundStore(file: FileContext, call: TSESTree.CallExpression): BoundStore | null {
  const helper = resolveSameFileFunction(file, call.callee);
  const effect = helper && getStoreEffect(file, helper);
  if (!effect) return null;
  const last = Math.max(effect.callee, effect.receiver, effect.container, effect.key);
  const args = call.arguments;
  if (args.length <= last || args.slice(0, last + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  return {
    call,
    callee: args[effect.callee]!,
    receiver: args[effect.receiver]!,
    container: args[effect.container]!,
    key: args[effect.key]!,
    method: effect.method,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers that return parts of a descriptor

/**
 * What property `name` of the object a same-file helper returns can hold, read at `call`:
 * `members` when every value is a named property of the argument bound to one parameter
 * (`fn = descriptor.value` / `descriptor.get`), `literals` when every value is a string literal
 * (`wrapKey = 'value'`). Values written in several branches of the helper all count; anything else
 * makes the property unknown (`null`).
 */
export type ReturnedPart =
  | { readonly kind: 'members'; readonly object: Node; readonly names: ReadonlySet<string> }
  | { readonly kind: 'literals'; readonly values: ReadonlySet<string> };

export function getReturnedPart(file: FileContext, call: TSESTree.CallExpression, name: string): ReturnedPart | null {
  const helper = resolveSameFileFunction(file, call.callee);
  if (!helper || helper.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const returns = functionReturns(file, helper).map((value) => unwrapExpression(value));
  if (returns.length === 0 || returns.some((value) => value.type !== AST_NODE_TYPES.ObjectExpression)) return null;
  const values: Node[] = [];
  for (const object of returns as TSESTree.ObjectExpression[]) {
    const property = object.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && getStaticPropertyKey(candidate.key, candidate.computed) === name,
    );
    if (!property || object.properties.some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement)) return null;
    const collected = localValues(file, property.value as Node);
    if (!collected) return null;
    values.push(...collected);
  }
  let parameter = -1;
  const names = new Set<string>();
  const literals = new Set<string>();
  for (const value of values) {
    const expression = unwrapExpression(value);
    if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') {
      literals.add(expression.value);
      continue;
    }
    if (expression.type !== AST_NODE_TYPES.MemberExpression) return null;
    const index = parameterIndex(file, helper, expression.object);
    const member = getStaticMemberName(expression);
    if (index < 0 || member === null || (parameter >= 0 && parameter !== index)) return null;
    parameter = index;
    names.add(member);
  }
  if (literals.size > 0 && names.size > 0) return null;
  if (literals.size > 0) return { kind: 'literals', values: literals };
  const object = call.arguments[parameter];
  if (!object || object.type === AST_NODE_TYPES.SpreadElement) return null;
  if (call.arguments.slice(0, parameter).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  return names.size > 0 ? { kind: 'members', object, names } : null;
}

/**
 * The values a helper's expression can hold: the expression itself, or, for a variable of the helper,
 * every value it is given (`let fn; if (d.value) fn = d.value; else if (d.get) fn = d.get;`).
 * `void 0` / an initialiser-less declaration stand for "not set" and are left out. `null` when a write
 * is not a plain assignment.
 */
function localValues(file: FileContext, node: Node): Node[] | null {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return [expression];
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return null;
  const values: Node[] = [];
  const unset = (value: Node): boolean => {
    const inner = unwrapExpression(value);
    return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void';
  };
  if (def.node.init && !unset(def.node.init)) values.push(def.node.init);
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== reference.identifier || parent.operator !== '=') return null;
    if (!unset(parent.right)) values.push(parent.right);
  }
  // a value of the helper's own scope only: writes from nested functions would run at another time
  return values.every((value) => !isFunctionNode(value)) ? values : null;
}

/**
 * The part of a helper's returned object a binding holds: `const { fn, wrapKey } = meta(descriptor)`,
 * or as Babel compiles it, `var _m = meta(descriptor), fn = _m.fn`. `null` when the binding is not
 * read that way.
 */
export function getBindingPart(file: FileContext, variable: Variable): ReturnedPart | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return null;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  const declarator = def.node;
  const init = unwrapExpression(declarator.init!);
  if (declarator.id !== def.name) {
    // `const { fn, wrapKey } = meta(descriptor)`
    const property = (def.name as Node).parent;
    if (init.type !== AST_NODE_TYPES.CallExpression || property?.type !== AST_NODE_TYPES.Property || property.value !== def.name) return null;
    if (property.parent?.type !== AST_NODE_TYPES.ObjectPattern || property.parent !== declarator.id) return null;
    const key = getStaticPropertyKey(property.key, property.computed);
    return key === null ? null : getReturnedPart(file, init, key);
  }
  // `fn = _m.fn` where `var _m = meta(descriptor)`
  if (init.type !== AST_NODE_TYPES.MemberExpression || init.object.type !== AST_NODE_TYPES.Identifier) return null;
  const key = getStaticMemberName(init);
  const holder = file.findVariable(init.object);
  const holderDef = holder?.defs.length === 1 ? holder.defs[0] : undefined;
  if (!key || !holder || holderDef?.node.type !== AST_NODE_TYPES.VariableDeclarator || holderDef.node.id !== holderDef.name) return null;
  if (holder.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  const holderInit = holderDef.node.init && unwrapExpression(holderDef.node.init);
  return holderInit?.type === AST_NODE_TYPES.CallExpression ? getReturnedPart(file, holderInit, key) : null;
}

// ---------------------------------------------------------------------------------------------
// Objects built by helpers

/** One property of an object built by merging: its key (static or computed) and value. */
export interface BuiltProperty {
  readonly key: Node;
  readonly computed: boolean;
  readonly value: Node;
}

/**
 * The own properties written into the object an expression builds: an object literal; a merge with
 * `Object.assign` or a binding initialised `Object.assign || function (target) {…}` (the polyfill
 * compilers emit); a same-file helper that writes one property of its first parameter and returns it
 * (Babel's `_defineProperty(obj, key, value)`). Spread and merged sources that are not built here
 * are skipped. `null` when the expression builds no object this can read.
 */
export function builtProperties(file: FileContext, node: Node, depth = 0): BuiltProperty[] | null {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const properties: BuiltProperty[] = [];
    for (const property of expression.properties) {
      if (property.type === AST_NODE_TYPES.Property) properties.push({ key: property.key, computed: property.computed, value: property.value });
    }
    return properties;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression || depth > 3) return null;
  if (isObjectAssign(file, expression.callee)) {
    const properties: BuiltProperty[] = [];
    for (const source of expression.arguments) {
      if (source.type === AST_NODE_TYPES.SpreadElement) continue;
      properties.push(...(builtProperties(file, source, depth + 1) ?? []));
    }
    return properties;
  }
  const helper = resolveSameFileFunction(file, expression.callee);
  const effect = helper && getDefineEffect(file, helper);
  if (!effect) return null;
  const args = expression.arguments;
  const [target, key, value] = [args[effect.target], args[effect.key], args[effect.value]];
  if (!target || !key || !value || args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  return [...(builtProperties(file, target, depth + 1) ?? []), { key, computed: true, value }];
}

/** `Object.assign`, or a binding initialised `Object.assign || fallback`. */
function isObjectAssign(file: FileContext, callee: Node): boolean {
  const expression = unwrapExpression(callee);
  const isAssign = (candidate: Node): boolean => {
    const inner = unwrapExpression(candidate);
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      inner.object.type === AST_NODE_TYPES.Identifier &&
      inner.object.name === 'Object' &&
      file.isGlobalReference(inner.object, 'Object') &&
      getStaticMemberName(inner) === 'assign'
    );
  };
  if (isAssign(expression)) return true;
  const init = getSingleInit(file, expression)?.init;
  return init !== undefined && init.type === AST_NODE_TYPES.LogicalExpression && init.operator === '||' && isAssign(init.left);
}

/**
 * A helper that writes parameter `value` into parameter `target` under parameter `key` on every path
 * and returns `target`: `obj[key] = value; return obj`, also with `Object.defineProperty(obj, key,
 * { value })` in another branch.
 */
function getDefineEffect(file: FileContext, fn: FunctionNode): { target: number; key: number; value: number } | null {
  return file.cached('helperDefineEffect', fn, () => {
    const returns = functionReturns(file, fn);
    if (returns.length === 0) return null;
    const target = parameterIndex(file, fn, returns[0]!);
    if (target < 0 || returns.some((value) => parameterIndex(file, fn, value) !== target)) return null;
    const writes: Array<{ key: number; value: number }> = [];
    let other = false;
    walk(file, fn.body, (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression) {
        const left = unwrapExpression(node.left);
        if (left.type === AST_NODE_TYPES.MemberExpression && left.computed && parameterIndex(file, fn, left.object) === target) {
          writes.push({ key: parameterIndex(file, fn, left.property), value: parameterIndex(file, fn, node.right) });
        } else if (left.type === AST_NODE_TYPES.MemberExpression) other = true;
      } else if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(node.callee);
        const [object, key, attributes] = node.arguments;
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          getStaticMemberName(callee) === 'defineProperty' &&
          object &&
          parameterIndex(file, fn, object) === target &&
          key &&
          attributes?.type === AST_NODE_TYPES.ObjectExpression
        ) {
          const value = attributes.properties.find(
            (property): property is TSESTree.Property =>
              property.type === AST_NODE_TYPES.Property && getStaticPropertyKey(property.key, property.computed) === 'value',
          );
          writes.push({ key: parameterIndex(file, fn, key), value: value ? parameterIndex(file, fn, value.value as Node) : -1 });
        }
      }
      return true;
    });
    if (other || writes.length === 0) return null;
    const [first] = writes;
    if (first!.key < 0 || first!.value < 0 || writes.some((write) => write.key !== first!.key || write.value !== first!.value)) return null;
    return { target, key: first!.key, value: first!.value };
  });
}

/**
 * Bindings that a same-file helper called with the descriptor fills with one of its slots
 * (`const { fn } = meta(descriptor)` where `meta` returns `{ fn: descriptor.value }` or
 * `{ fn: descriptor.get }`): the original method, whichever slot it is in. Only helpers whose slots
 * include `value` or `get` and name nothing else than descriptor slots count.
 */
export function descriptorSlotBindings(file: FileContext, descriptor: Variable): Variable[] {
  const found: Variable[] = [];
  const consider = (name: Node): void => {
    if (name.type !== AST_NODE_TYPES.Identifier) return;
    const variable = file.findVariable(name);
    const part = variable && getBindingPart(file, variable);
    if (!variable || part?.kind !== 'members' || !isDescriptorSlots(part.names)) return;
    const object = unwrapExpression(part.object);
    if (object.type === AST_NODE_TYPES.Identifier && file.findVariable(object) === descriptor) found.push(variable);
  };
  for (const reference of descriptor.references) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(reference.identifier as TSESTree.Identifier)) continue;
    const declarator = call.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call) continue;
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of declarator.id.properties) if (property.type === AST_NODE_TYPES.Property) consider(property.value);
    } else if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      // `var _m = meta(descriptor), fn = _m.fn`
      for (const read of file.findVariable(declarator.id)?.references ?? []) {
        const member = read.identifier.parent;
        const next = member?.parent;
        if (member?.type === AST_NODE_TYPES.MemberExpression && next?.type === AST_NODE_TYPES.VariableDeclarator && next.init === member) {
          consider(next.id);
        }
      }
    }
  }
  return found;
}

/** Descriptor slot names that include a method's or getter's (`value`, `get`) and nothing but slots. */
export function isDescriptorSlots(names: ReadonlySet<string>): boolean {
  return (names.has('value') || names.has('get')) && [...names].every((name) => name === 'value' || name === 'get' || name === 'set');
}

/** The helper returns the result of calling parameter `callee` with parameter `receiver` as `this` (`return fn.apply(ctx, args)`). */
function getForwardEffect(file: FileContext, fn: FunctionNode): { callee: number; receiver: number } | null {
  return file.cached('helperForwardEffect', fn, () => {
    for (const value of functionReturns(file, fn)) {
      const called = parameterCall(file, fn, value);
      if (called) return called;
    }
    return null;
  });
}

/** The forward effect of the same-file helper `call` calls, at that call: the function and receiver arguments. */
export function getBoundForward(file: FileContext, call: TSESTree.CallExpression): { callee: Node; receiver: Node } | null {
  const helper = resolveSameFileFunction(file, call.callee);
  const effect = helper && getForwardEffect(file, helper);
  if (!effect) return null;
  const last = Math.max(effect.callee, effect.receiver);
  const args = call.arguments;
  if (args.length <= last || args.slice(0, last + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  return { callee: args[effect.callee]!, receiver: args[effect.receiver]! };
}

// ---------------------------------------------------------------------------------------------
// Helpers that install a callback's result as the method

/**
 * The helper installs what its callback parameter `wrapper` makes of the original as the method of
 * the descriptor parameter `descriptor`: it assigns `descriptor.value` (or `.get`) a function that
 * calls `wrapper` with the original (`wrapper(original)`, `wrapper.call(this, original.bind(this))`),
 * also through a local factory (`descriptor.value = make(descriptor.value)`). The callback's first
 * parameter is then the original method, and what it returns runs as the method (on the instance).
 * Where the helper calls the callback (once, or per instance) is not decided here: only state the
 * decorator itself creates can be judged through it.
 */
export function getInstallerEffect(file: FileContext, fn: FunctionNode): { wrapper: number; descriptor: number } | null {
  return file.cached('helperInstallerEffect', fn, () => {
    let found: { wrapper: number; descriptor: number } | null = null;
    walk(file, fn.body, (node) => {
      if (found) return false;
      if (isFunctionNode(node)) return false;
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return true;
      const left = unwrapExpression(node.left);
      if (left.type !== AST_NODE_TYPES.MemberExpression) return true;
      const slot = getStaticMemberName(left);
      const descriptor = parameterIndex(file, fn, left.object);
      if ((slot !== 'value' && slot !== 'get') || descriptor < 0) return true;
      const isSlot = (value: Node): boolean => {
        const expression = unwrapExpression(value);
        return expression.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(expression) === slot && parameterIndex(file, fn, expression.object) === descriptor;
      };
      const installed = installedFunction(file, node.right, isSlot);
      if (!installed) return true;
      const wrapper = callbackCalledWithOriginal(file, fn, installed.fn, installed.isOriginal);
      if (wrapper >= 0 && wrapper !== descriptor) found = { wrapper, descriptor };
      return true;
    });
    return found;
  });
}

/** The function assigned to the slot: a function expression, or the function a local factory returns when given the original. */
function installedFunction(
  file: FileContext,
  value: Node,
  isSlot: (node: Node) => boolean,
): { fn: FunctionNode; isOriginal: (node: Node) => boolean } | null {
  const expression = unwrapExpression(value);
  if (isFunctionNode(expression)) {
    // `const original = descriptor.value; descriptor.value = function () { … wrapper(original) … }`
    const isAlias = (node: Node): boolean => {
      const inner = unwrapExpression(node);
      const variable = inner.type === AST_NODE_TYPES.Identifier ? file.findVariable(inner) : null;
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      return (
        def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
        def.node.id === def.name &&
        def.node.init !== null &&
        isSlot(def.node.init) &&
        !variable!.references.some((reference) => reference.isWrite() && !reference.init)
      );
    };
    return { fn: expression, isOriginal: isAlias };
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const factory = resolveSameFileFunction(file, expression.callee);
  const index = expression.arguments.findIndex((argument) => isSlot(argument));
  const param = factory && index >= 0 ? factory.params[index] : undefined;
  if (!factory || param?.type !== AST_NODE_TYPES.Identifier) return null;
  const original = file.findVariable(param);
  if (!original || original.references.some((reference) => reference.isWrite())) return null;
  const returned = functionReturns(file, factory)
    .map((node) => unwrapExpression(node))
    .filter((node): node is FunctionNode => isFunctionNode(node));
  if (returned.length !== 1) return null;
  return {
    fn: returned[0]!,
    isOriginal: (node) => {
      const inner = unwrapExpression(node);
      return inner.type === AST_NODE_TYPES.Identifier && file.findVariable(inner) === original;
    },
  };
}

/**
 * The index of the helper's parameter that `installed` calls with the original, or `-1`:
 * `wrapper(original)`, `wrapper.call(x, original)`, `wrapper.call(this, original.bind(this))`.
 */
function callbackCalledWithOriginal(file: FileContext, helper: FunctionNode, installed: FunctionNode, isOriginal: (node: Node) => boolean): number {
  const isOriginalValue = (node: Node): boolean => {
    const expression = unwrapExpression(node);
    if (isOriginal(expression)) return true;
    if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    return getStaticMemberName(expression.callee) === 'bind' && isOriginal(expression.callee.object);
  };
  let found = -1;
  walk(file, installed.body, (node) => {
    if (found >= 0) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return !isFunctionNode(node);
    const callee = unwrapExpression(node.callee);
    let index = -1;
    let first: Node | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      index = parameterIndex(file, helper, callee);
      first = node.arguments[0];
    } else if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(callee) === 'call') {
      index = parameterIndex(file, helper, callee.object);
      first = node.arguments[1];
    }
    if (index >= 0 && first && first.type !== AST_NODE_TYPES.SpreadElement && isOriginalValue(first)) found = index;
    return true;
  });
  return found;
}
