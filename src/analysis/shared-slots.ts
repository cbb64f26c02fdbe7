import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPrototypeOwner, getStaticMemberName, getStaticPropertyKey, outermostWrapper, unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';
import { getImportOrigin } from './imports.js';
import { getClassName, getSlotInstance } from './instance.js';
import { getStaticClassOf } from './long-lived.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A place where a value is stored once and then serves every instance of a class (or component):
 * - `prototype`: `Foo.prototype.m = v`, `Object.defineProperty(Foo.prototype, 'm', { value: v })`,
 *   `Object.assign(Foo.prototype, { m: v })`, `Foo.prototype = { m: v }`, objects passed to `Object.create`;
 * - `static`: `static m = v`, `Foo.m = v` for a class `Foo`, `this.m = v` in a static block;
 * - `options`: a member of a component definition object (`defineComponent({ methods: { m: v } })`,
 *   `export default { methods: { m: v } }`, `X.extend({ m: v })`).
 */
export interface SharedSlot {
  readonly kind: 'prototype' | 'static' | 'options';
  /** Who shares it: the class (or constructor, or component) name; `null` when anonymous. */
  readonly className: string | null;
  readonly memberName: string | null;
  /** For messages: `shared through \`Foo.prototype\``, `a static member of Foo`, … */
  readonly holder: string;
  /** The class declaration, when the owner is an ES class of this file. */
  readonly classNode: ClassNode | null;
  /** `Foo.prototype.m = v` as a statement: the assignment (fixes move it). */
  readonly assignment: TSESTree.AssignmentExpression | null;
}

/** Where the value of `node` is stored, when that place is shared by every instance; `null` otherwise. */
export function findSharedSlot(file: FileContext, node: Node): SharedSlot | null {
  // Through wrappers that forward the function: `debounce(memoize(fn))`.
  let outer = outermostWrapper(node);
  for (let depth = 0; depth < 3; depth += 1) {
    const wrapper = outer.parent;
    if (wrapper?.type !== AST_NODE_TYPES.CallExpression || !wrapper.arguments.includes(outer as TSESTree.CallExpressionArgument)) break;
    outer = outermostWrapper(wrapper);
  }
  const parent = outer.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.PropertyDefinition) {
    if (parent.value !== outer || !parent.static) return null; // an instance field: one per instance
    const classNode = parent.parent.parent as ClassNode;
    const className = getClassName(classNode);
    return {
      kind: 'static',
      className,
      memberName: getStaticPropertyKey(parent.key, parent.computed),
      holder: `a static member of ${className ?? 'the class'}`,
      classNode,
      assignment: null,
    };
  }
  const prototypeSlot = getSlotInstance(file, outer, 0);
  if (prototypeSlot) {
    const assignment =
      parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && getPrototypeOwner(parent.left.type === AST_NODE_TYPES.MemberExpression ? parent.left.object : parent.left)
        ? parent
        : null;
    const ownerId = assignment && assignment.left.type === AST_NODE_TYPES.MemberExpression ? getPrototypeOwner(assignment.left.object) : null;
    return {
      kind: 'prototype',
      className: prototypeSlot.className,
      memberName: prototypeSlot.memberName,
      holder: prototypeSlot.className ? `shared through \`${prototypeSlot.className}.prototype\`` : 'shared through a prototype object',
      classNode: ownerId ? getStaticClassOf(file, ownerId) : null,
      assignment,
    };
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const classNode = getStaticClassOf(file, unwrapExpression(parent.left.object));
    if (classNode) {
      const className = getClassName(classNode);
      return {
        kind: 'static',
        className,
        memberName: getStaticMemberName(parent.left),
        holder: `a static member of ${className ?? 'the class'}`,
        classNode,
        assignment: null,
      };
    }
    return null;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === outer && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    return componentOptionsSlot(file, parent, parent.parent);
  }
  return null;
}

const COMPONENT_FACTORIES = new Set(['defineComponent', 'extend', 'component', 'mixin']);

function componentOptionsSlot(
  file: FileContext,
  property: TSESTree.Property,
  object: TSESTree.ObjectExpression,
): SharedSlot | null {
  const memberName = getStaticPropertyKey(property.key, property.computed);
  // `X.extend({ m: v })` (Backbone, Ember classic, Vue 2): the object becomes the prototype.
  const extendCall = definitionCall(file, object);
  if (extendCall && extendCall.name === 'extend') {
    return {
      kind: 'options',
      className: definedName(extendCall.call),
      memberName,
      holder: `the object passed to \`${extendCall.text}\`, which every instance shares`,
      classNode: null,
      assignment: null,
    };
  }
  // `{ methods: { m: v } }` in a component definition.
  const methodsProperty = outermostWrapper(object).parent;
  if (
    methodsProperty?.type !== AST_NODE_TYPES.Property ||
    getStaticPropertyKey(methodsProperty.key, methodsProperty.computed) !== 'methods' ||
    methodsProperty.parent.type !== AST_NODE_TYPES.ObjectExpression
  ) {
    return null;
  }
  const definition = methodsProperty.parent;
  const definitionParent = outermostWrapper(definition).parent;
  const isDefaultExport = definitionParent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  const call = isDefaultExport ? null : definitionCall(file, definition);
  if (!isDefaultExport && !call) return null;
  return {
    kind: 'options',
    className: call ? definedName(call.call) : null,
    memberName,
    holder: isDefaultExport
      ? 'the exported component options object, which every component instance shares'
      : `the component options passed to \`${call!.text}\`, which every component instance shares`,
    classNode: null,
    assignment: null,
  };
}

/** `defineComponent(obj)`, `X.extend(obj)`, `Vue.component('name', obj)`: the call that defines a component/class from `obj`. */
function definitionCall(
  file: FileContext,
  object: TSESTree.ObjectExpression,
): { call: TSESTree.CallExpression; name: string; text: string } | null {
  const outer = outermostWrapper(object);
  const call = outer.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrapExpression(call.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? getStaticMemberName(callee)
        : null;
  if (name === null || !COMPONENT_FACTORIES.has(name)) return null;
  const index = call.arguments.indexOf(outer as TSESTree.CallExpressionArgument);
  if (index !== (name === 'component' ? 1 : 0)) return null;
  if (name === 'defineComponent') {
    // Vue's `defineComponent` by import; a local function of that name is unknown.
    const origin = getImportOrigin(file, callee);
    if (!origin || !/^(vue|@vue\/runtime-core|@vue\/composition-api)$/.test(origin.source)) return null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // `_.extend(target, …)`, `$.extend(…)`: object utilities, not class definitions.
    const base = getImportOrigin(file, callee.object);
    if (base && /^(lodash|lodash-es|underscore|jquery|ramda)(\/|$)/.test(base.source)) return null;
    const objectName = unwrapExpression(callee.object);
    if (objectName.type === AST_NODE_TYPES.Identifier && /^(_|\$|jQuery|Object)$/.test(objectName.name)) return null;
  }
  return { call, name: name === 'component' || name === 'mixin' ? 'defineComponent' : name, text: file.sourceCode.getText(call.callee) };
}

/** `const View = Backbone.View.extend({…})` → `View`. */
function definedName(call: TSESTree.CallExpression): string | null {
  const parent = outermostWrapper(call).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return null;
}
