import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getPrototypeOwner, getStaticMemberName, getStaticPropertyKey, outermostWrapper, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getComponentDefinition } from './component-options.js';
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
  if (parent.type === AST_NODE_TYPES.Property && parent.value === outer && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const options = componentOptionsSlot(file, parent, parent.parent);
    if (options) return options;
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
  return null;
}

function componentOptionsSlot(
  file: FileContext,
  property: TSESTree.Property,
  object: TSESTree.ObjectExpression,
): SharedSlot | null {
  const memberName = getStaticPropertyKey(property.key, property.computed);
  // `X.extend({ m: v })` (Backbone, Ember classic, Vue 2): the object becomes the prototype.
  const extended = getComponentDefinition(file, object);
  if (extended?.kind === 'extend') {
    return { kind: 'options', className: extended.name, memberName, holder: extended.holder, classNode: null, assignment: null };
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
  const definition = getComponentDefinition(file, methodsProperty.parent);
  if (definition?.kind !== 'options') return null;
  return { kind: 'options', className: definition.name, memberName, holder: definition.holder, classNode: null, assignment: null };
}
