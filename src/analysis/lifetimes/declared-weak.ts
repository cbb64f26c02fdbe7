import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { isModuleLevelScope, type FileContext } from '../core/file-context.js';
import { walk } from '../core/traverse.js';
import { getValueKind } from '../core/values.js';
import { getTypeServices } from '../resolve/types.js';
import { getDeclaredType } from './declared-keys.js';
import { getClassName } from './instance.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A binding whose written type is a weak container (`WeakMap<K, V>`, `WeakSet<K>`) but that is given
 * a strong one (`new Map()`, `new Set()`). The type checker accepts it (a Map has every member a
 * WeakMap has), so the program compiles and the author believes the keys are held weakly; they are not.
 */
export interface DeclaredWeakMismatch {
  /** How messages name the binding: `contexts`, `Registry.seen`, `cache`. */
  readonly name: string;
  /** The written weak type (`WeakMap<Page, Context>`). */
  readonly declared: TSESTree.TSTypeReference;
  readonly weak: 'WeakMap' | 'WeakSet';
  readonly strong: 'Map' | 'Set';
  /** The `new Map()` / `new Set()` the binding receives. */
  readonly creation: TSESTree.NewExpression;
  /** The written key type (`Page`), or `null` when the type has no arguments. */
  readonly keyType: TSESTree.TypeNode | null;
  /** Who keeps the keys alive, for messages: `for the life of the program`, `for the life of each \`Blocker\``. */
  readonly lifetime: string;
  /**
   * Whether `new WeakMap` behaves the same as the `new Map` it replaces, and if not why: every use of
   * the binding is a get/set/has/delete (add/has/delete) call the weak container has, every inserted
   * key is provably an object (so the weak container accepts it), and nothing outside what this
   * file shows can reach the binding.
   */
  readonly sameBehaviour: true | string;
}

const WEAK_TO_STRONG = { WeakMap: 'Map', WeakSet: 'Set' } as const;
const WEAK_METHODS: Readonly<Record<'WeakMap' | 'WeakSet', ReadonlySet<string>>> = {
  WeakMap: new Set(['get', 'set', 'has', 'delete']),
  WeakSet: new Set(['add', 'has', 'delete']),
};

/**
 * Does this declaration or assignment give a binding declared weak a strong container? A variable
 * (`const x: WeakMap<K, V> = new Map()`, or a later `x = new Map()`), or a class field, static or
 * not (`contexts: WeakMap<K, V> = new Map()`, or `this.contexts = new Map()` in the class's code).
 */
export function getDeclaredWeakMismatch(
  file: FileContext,
  node: TSESTree.VariableDeclarator | TSESTree.PropertyDefinition | TSESTree.AssignmentExpression,
): DeclaredWeakMismatch | null {
  // Cheap first: only a `new` can be a strong container.
  const value = node.type === AST_NODE_TYPES.VariableDeclarator ? node.init : node.type === AST_NODE_TYPES.PropertyDefinition ? node.value : node.right;
  if (value?.type !== AST_NODE_TYPES.NewExpression) return null;
  if (node.type === AST_NODE_TYPES.VariableDeclarator) {
    return node.id.type === AST_NODE_TYPES.Identifier ? getDeclaredWeakVariable(file, node.id, value) : null;
  }
  if (node.type === AST_NODE_TYPES.PropertyDefinition) return getDeclaredWeakField(file, node, value);
  if (node.operator !== '=') return null;
  if (node.left.type === AST_NODE_TYPES.Identifier) {
    const def = file.findVariable(node.left)?.defs[0];
    const id = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.id : null;
    return id?.type === AST_NODE_TYPES.Identifier ? getDeclaredWeakVariable(file, id, value) : null;
  }
  const field = getAssignedField(node);
  return field ? getDeclaredWeakField(file, field, value) : null;
}

/** `const x: WeakMap<K, V> = new Map()`, `let x: WeakSet<K>; … x = new Set()`. */
function getDeclaredWeakVariable(file: FileContext, id: TSESTree.Identifier, value: Node | null): DeclaredWeakMismatch | null {
  const found = matchTypes(file, id.typeAnnotation?.typeAnnotation ?? null, value);
  if (!found) return null;
  const variable = file.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator) return null;
  const declarator = def.node;
  const longLived = isModuleLevelScope(variable.scope, variable.defs[0]?.name);
  const exported = declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const uses = variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  return {
    ...found,
    name: id.name,
    lifetime: longLived ? 'for the life of the program' : `as long as \`${id.name}\` is reachable`,
    sameBehaviour: exported ? 'it is exported' : judgeUses(file, found, uses),
  };
}

/** `contexts: WeakMap<K, V> = new Map()` (instance or static field), or `this.contexts = new Map()` for such a field. */
function getDeclaredWeakField(file: FileContext, field: TSESTree.PropertyDefinition, value: Node | null): DeclaredWeakMismatch | null {
  if (field.declare) return null;
  const name = getStaticPropertyKey(field.key, field.computed);
  if (name === null) return null;
  const found = matchTypes(file, field.typeAnnotation?.typeAnnotation ?? null, value);
  if (!found) return null;
  const classNode = field.parent.parent as ClassNode;
  const className = getClassName(classNode) ?? 'this class';
  const closed = name.startsWith('#') || field.accessibility === 'private';
  const uses = collectFieldUses(file, classNode, name, field.static);
  return {
    ...found,
    name: field.static ? `${className}.${name}` : name,
    lifetime: field.static ? `as long as the class \`${className}\`` : `for the life of each \`${className}\``,
    sameBehaviour: !closed ? `\`${name}\` is not private` : uses === null ? `\`${name}\` is reached through other objects` : judgeUses(file, found, uses),
  };
}

/** The field a `this.x = …` assignment in a class's own instance code writes, if the class declares it. */
function getAssignedField(assignment: TSESTree.AssignmentExpression): TSESTree.PropertyDefinition | null {
  const left = unwrapExpression(assignment.left);
  if (assignment.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) {
    return null;
  }
  const name = getStaticMemberName(left);
  const classNode = name === null ? null : thisClass(left.object, false);
  if (!classNode) return null;
  for (const element of classNode.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && getStaticPropertyKey(element.key, element.computed) === name) {
      return element;
    }
  }
  return null;
}

/** The written type is a global `WeakMap`/`WeakSet` and the value a plain `new` of the global Map/Set. */
function matchTypes(
  file: FileContext,
  annotation: TSESTree.TypeNode | null,
  value: Node | null,
): Pick<DeclaredWeakMismatch, 'declared' | 'weak' | 'strong' | 'creation' | 'keyType'> | null {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  const weak = annotation.typeName.name;
  if (weak !== 'WeakMap' && weak !== 'WeakSet') return null;
  if (value?.type !== AST_NODE_TYPES.NewExpression || value.callee.type !== AST_NODE_TYPES.Identifier) return null;
  const strong = WEAK_TO_STRONG[weak];
  if (value.callee.name !== strong || !file.isGlobalReference(value.callee, strong) || !file.isGlobalReference(annotation, weak)) {
    return null;
  }
  return { declared: annotation, weak, strong, creation: value, keyType: annotation.typeArguments?.params[0] ?? null };
}

/** Every use is a weak-container method call whose inserted keys are objects; else why not. */
function judgeUses(file: FileContext, found: Pick<DeclaredWeakMismatch, 'weak' | 'creation'>, uses: readonly Node[]): true | string {
  if (found.creation.arguments.length > 0) return 'it is created with initial entries';
  const methods = WEAK_METHODS[found.weak];
  const insert = found.weak === 'WeakMap' ? 'set' : 'add';
  for (const use of uses) {
    const node = outermostWrapper(use);
    const member = node.parent;
    // `x.get(…)`; a cast of the binding itself (`(x as any).size`) is no such call.
    const name = member?.type === AST_NODE_TYPES.MemberExpression && member.object === use ? getStaticMemberName(member) : null;
    const call = member?.parent;
    if (name === null || !methods.has(name) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) {
      return `line ${use.loc.start.line} uses it other than through ${[...methods].join('/')}`;
    }
    if (name !== insert) continue;
    const key = call.arguments[0];
    if (!key || key.type === AST_NODE_TYPES.SpreadElement || !isObjectKey(file, key)) {
      return `the key at line ${call.loc.start.line} may be a primitive`;
    }
  }
  return true;
}

/**
 * An inserted key a weak container accepts: an object by its syntax, or (the declared type already
 * restricting keys to objects) a key whose own type is written and not `any`, or in typed mode whose
 * type is not `any`. A cast (`k as any`) is an escape, never evidence.
 */
function isObjectKey(file: FileContext, key: TSESTree.Expression): boolean {
  if (getValueKind(file, key) === 'object') return true;
  if (key.type !== AST_NODE_TYPES.Identifier) return false;
  const types = getTypeServices(file);
  if (types) return (types.services.getTypeAtLocation(key).flags & (types.ts.TypeFlags.Any | types.ts.TypeFlags.Unknown)) === 0;
  const written = getDeclaredType(file, key);
  return written !== null && written.type !== AST_NODE_TYPES.TSAnyKeyword && written.type !== AST_NODE_TYPES.TSUnknownKeyword;
}

/**
 * Every read of a field in its class body: `this.x` (instance code for an instance field, static code
 * or `Class.x` for a static one). `null` when some other object's `.x` is read there (`other.x`,
 * `self.x`): then the uses cannot all be seen.
 */
function collectFieldUses(file: FileContext, classNode: ClassNode, name: string, isStatic: boolean): Node[] | null {
  const uses: Node[] = [];
  let closed = true;
  walk(file, classNode.body, (node) => {
    if (!closed) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(node) !== name) return true;
    const object = unwrapExpression(node.object);
    const own =
      (object.type === AST_NODE_TYPES.ThisExpression && thisClass(object, isStatic) === classNode) ||
      (isStatic && object.type === AST_NODE_TYPES.Identifier && classNode.id?.name === object.name);
    if (!own) closed = false;
    const outer = outermostWrapper(node);
    const assigned = outer.parent?.type === AST_NODE_TYPES.AssignmentExpression && outer.parent.left === outer;
    if (!assigned) uses.push(node);
    return true;
  });
  return closed ? uses : null;
}

/** The class whose instance (or, with `isStatic`, whose constructor) `this` is, through arrow functions. */
function thisClass(node: TSESTree.ThisExpression, isStatic: boolean): ClassNode | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        continue;
      case AST_NODE_TYPES.FunctionExpression: {
        const method = current.parent;
        return method.type === AST_NODE_TYPES.MethodDefinition && method.value === current && method.static === isStatic
          ? (method.parent.parent as ClassNode)
          : null;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.Program:
        return null;
      case AST_NODE_TYPES.PropertyDefinition:
        if (current.value !== child) continue;
        return current.static === isStatic ? (current.parent.parent as ClassNode) : null;
      case AST_NODE_TYPES.StaticBlock:
        return isStatic ? (current.parent.parent as ClassNode) : null;
      default:
        continue;
    }
  }
  return null;
}

/** A binding written with a weak type and created strong (what `getDeclaredWeakMismatch` reports on its declaration). */
export function isDeclaredWeak(file: FileContext, annotation: TSESTree.TypeNode | null, init: Node | null): boolean {
  return matchTypes(file, annotation, init) !== null;
}
