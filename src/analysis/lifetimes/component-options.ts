import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, outermostWrapper, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getImportOrigin } from '../resolve/imports.js';

/**
 * Component and class definitions by options object, where one object serves every instance:
 * `defineComponent({…})` (Vue), `export default {…}` (Vue options API), `X.extend({…})` (Backbone,
 * Ember classic, Vue 2), `Vue.component('name', {…})`.
 */
export interface ComponentDefinition {
  /** The defined name (`const View = Backbone.View.extend(…)` → `View`), `null` when anonymous. */
  readonly name: string | null;
  /** `extend`: the object becomes the prototype; `options`: a component options object. */
  readonly kind: 'extend' | 'options';
  /** For messages: who shares the object. */
  readonly holder: string;
}

const COMPONENT_FACTORIES = new Set(['defineComponent', 'extend', 'component', 'mixin']);
/** Keys of a Vue options object whose members run with `this` = the component instance. */
const INSTANCE_MEMBER_GROUPS = new Set(['methods', 'computed', 'watch']);
/** Keys that mark an `export default {…}` as a Vue component options object. */
const OPTIONS_KEYS = new Set(['methods', 'computed', 'data', 'watch', 'props']);

/** Is `object` a component/class definition object? */
export function getComponentDefinition(file: FileContext, object: TSESTree.ObjectExpression): ComponentDefinition | null {
  return file.cached('componentDefinition', object, () => {
    const call = definitionCall(file, object);
    if (call) {
      return {
        name: definedName(call.call),
        kind: call.name === 'extend' ? 'extend' : 'options',
        holder:
          call.name === 'extend'
            ? `the object passed to \`${call.text}\`, which every instance shares`
            : `the component options passed to \`${call.text}\`, which every component instance shares`,
      };
    }
    const parent = outermostWrapper(object).parent;
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration && hasOptionsKey(object)) {
      return { name: null, kind: 'options', holder: 'the exported component options object, which every component instance shares' };
    }
    return null;
  });
}

/**
 * The definition whose instances run a function stored in `object`: the definition itself (Vue
 * lifecycle hooks, `data()`, `extend` prototype members) or its `methods` / `computed` / `watch`.
 */
export function getComponentOfMemberObject(file: FileContext, object: TSESTree.ObjectExpression): ComponentDefinition | null {
  const direct = getComponentDefinition(file, object);
  if (direct) return direct;
  const group = outermostWrapper(object).parent;
  if (
    group?.type === AST_NODE_TYPES.Property &&
    group.value === outermostWrapper(object) &&
    INSTANCE_MEMBER_GROUPS.has(getStaticPropertyKey(group.key, group.computed) ?? '') &&
    group.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    const definition = getComponentDefinition(file, group.parent);
    return definition?.kind === 'options' ? definition : null;
  }
  return null;
}

function hasOptionsKey(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property && OPTIONS_KEYS.has(getStaticPropertyKey(property.key, property.computed) ?? ''),
  );
}

/** `const View = Backbone.View.extend({…})` → `View`. */
function definedName(call: TSESTree.CallExpression): string | null {
  const parent = outermostWrapper(call).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return null;
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
