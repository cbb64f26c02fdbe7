import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, outermostWrapper } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getNamePlaces, nodeAt } from '../core/member-index.js';
import { isLongLivedScope, isStraightLineUpTo, isTypeOnlyReference } from './long-lived.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * A class of this file with exactly one instance, created once while the program runs
 * (`export default new Context()`, `const registry = new Registry()` at module level, `return new
 * Registry` in an AMD factory). That instance lives as long as the module, so its fields live for
 * the life of the program, exactly like a variable in the closure of a factory that runs once.
 *
 * Known from this file alone, so only for a class nobody else can instantiate: its name follows `new`
 * once in the text (the cheap test; a comment or string that writes it again only hides a singleton),
 * it is declared in a scope that runs once, not exported, and every value reference to it is the one
 * `new`, a member read (a static, `C.prototype.m = …`), `instanceof C` or `typeof C`. Handing the
 * class or its prototype on (exported, passed, aliased, `extends C`, `C.call(this)` from a subclass
 * constructor, `Object.create(C.prototype)`, `D.prototype = C.prototype`) means there may be more
 * instances, and then nothing is concluded.
 */
export interface Singleton {
  readonly className: string;
  /** The one `new C(…)`. */
  readonly creation: TSESTree.NewExpression;
  /** The variable that holds the instance (`const registry = new Registry()`), if any: messages name the instance by it. */
  readonly holder: Variable | null;
}

/** The single instance of the class named `className` in this file, or `null`. */
export function getSingleton(file: FileContext, className: string): Singleton | null {
  return getSingletons(file).get(className) ?? null;
}

/** Is `className` the class of a singleton (so an instance of it is never garbage to collect)? */
export function isSingletonClass(file: FileContext, className: string | null): boolean {
  return className !== null && getSingletons(file).has(className);
}

/** Does the file have a singleton at all? The cheap question to ask before what `this` is. */
export function hasSingletons(file: FileContext): boolean {
  return getSingletons(file).size > 0;
}

/** The singletons of the file by class name: each name that follows `new` exactly once is looked at, once per file. */
function getSingletons(file: FileContext): ReadonlyMap<string, Singleton> {
  return file.cached('singletons', file.program, () => {
    const found = new Map<string, Singleton>();
    // Most classes a module creates once are imported: those names are skipped without a look at the tree.
    const imported = new Set<string>();
    for (const statement of file.program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) for (const specifier of statement.specifiers) imported.add(specifier.local.name);
    }
    for (const [name, places] of newPlaces(file)) {
      if (places.length !== 1 || imported.has(name) || BUILT_IN_CONSTRUCTORS.has(name)) continue;
      const singleton = computeSingleton(file, name, places[0]!);
      if (singleton) found.set(name, singleton);
    }
    return found;
  });
}

/** The text writes `new className` exactly once, at `place`: is that the one `new` of a class of this file nothing else can instantiate? */
function computeSingleton(file: FileContext, className: string, place: number): Singleton | null {
  const callee = nodeAt(file, place);
  const only = callee?.parent;
  if (callee?.type !== AST_NODE_TYPES.Identifier || only?.type !== AST_NODE_TYPES.NewExpression || outermostWrapper(only.callee) !== outermostWrapper(callee)) return null;
  const variable = file.findVariable(callee);
  if (!variable || variable.defs.length !== 1 || !isConstructorDeclaration(variable.defs[0]!.node)) return null;
  if (!isLongLivedScope(file, variable.scope, variable.defs[0]!.name) || isExported(variable.defs[0]!.node)) return null;
  const declaredName = variable.defs[0]!.name;
  let creation: TSESTree.NewExpression | null = null;
  for (const reference of variable.references) {
    if (isTypeOnlyReference(reference) || reference.identifier === declaredName) continue;
    if (reference.isWrite()) return null;
    const use = outermostWrapper(reference.identifier);
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === use) {
      if (creation) return null;
      creation = parent;
    } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      // `C.call(this)` / `C.apply(this, args)`: a subclass constructor runs this one on its own instances
      const name = getStaticMemberName(parent);
      if (name === null || name === 'call' || name === 'apply' || name === 'bind') return null;
      // `C.prototype` only as the holder of members (`C.prototype.m = …`) or assigned (`C.prototype = {…}`)
      if (name === 'prototype' && !isPrototypeHolder(parent)) return null;
    } else if (!(parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof' && parent.right === use)) {
      if (!(parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof')) return null;
    }
  }
  if (!creation || !runsOnce(file, creation)) return null;
  return { className, creation, holder: holderOf(file, outermostWrapper(creation)) };
}

/** The `new` runs once: in straight-line code of a scope that runs once. */
function runsOnce(file: FileContext, creation: TSESTree.NewExpression): boolean {
  let scope: TSESLint.Scope.Scope | null = file.sourceCode.getScope(creation);
  while (scope && scope.type !== 'function' && scope.type !== 'module' && scope.type !== 'global') scope = scope.upper;
  if (!scope || !isLongLivedScope(file, scope, creation)) return false;
  return isStraightLineUpTo(creation.parent, scope.block);
}

function isPrototypeHolder(prototype: TSESTree.MemberExpression): boolean {
  const outer = outermostWrapper(prototype);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return true;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer;
}

function holderOf(file: FileContext, site: Node): Variable | null {
  const parent = site.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== site || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(parent.id);
  return variable && variable.defs.length === 1 && variable.references.every((reference) => !reference.isWrite() || reference.identifier === parent.id)
    ? variable
    : null;
}

function isExported(declaration: Node): boolean {
  const statement = declaration.type === AST_NODE_TYPES.VariableDeclarator ? declaration.parent?.parent : declaration.parent;
  return statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

function isConstructorDeclaration(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ClassDeclaration ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    (node.type === AST_NODE_TYPES.VariableDeclarator && node.init?.type === AST_NODE_TYPES.ClassExpression)
  );
}

/**
 * Constructors of the language and the platform, which a module creates but never declares: skipped
 * without a look at the tree (a file that declares its own `class Error` only loses a singleton).
 */
const BUILT_IN_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'Object', 'Function', 'Array', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'Map', 'Set', 'WeakMap',
  'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'Date', 'RegExp', 'Proxy', 'ArrayBuffer', 'SharedArrayBuffer',
  'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'String', 'Number', 'Boolean', 'Symbol', 'URL',
  'URLSearchParams', 'Event', 'CustomEvent', 'EventTarget', 'AbortController', 'Blob', 'File', 'FormData', 'Headers',
  'Request', 'Response', 'TextEncoder', 'TextDecoder', 'Worker', 'Image', 'XMLHttpRequest', 'MutationObserver',
  'ResizeObserver', 'IntersectionObserver', 'Buffer',
]);

const NEW_TEXT = /\bnew\s+([A-Za-z_$][\w$]*)/g;

/** Where the text writes `new Name`, by name: the offset of the name. One pass over the text, once per file. */
function newPlaces(file: FileContext): ReadonlyMap<string, readonly number[]> {
  return getNamePlaces(file, 'newPlaces', NEW_TEXT);
}
