import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, outermostWrapper, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getImportOrigin, isImportedFrom } from '../resolve/imports.js';
import { getBaseTypeNames, getTypeServices, type TypeServices } from '../resolve/types.js';

/** A container that holds its keys (or members) strongly, and how its API is spelled. */
export interface StrongContainerKind {
  /** How messages name it: `Map`, `Set`, `LRUCache` (lru-cache), `QuickLRU` (quick-lru). */
  readonly display: string;
  /** The display name with its indefinite article, as spoken: `a Map`, `an LRUCache (lru-cache)`. */
  readonly withArticle: string;
  /** The weak container with the same keyed API. */
  readonly weak: 'WeakMap' | 'WeakSet';
  /** The method that inserts a key (`set` / `add`). */
  readonly insert: 'set' | 'add';
  /** Methods whose first argument is a key, and that the weak container has with the same meaning. */
  readonly weakMethods: ReadonlySet<string>;
  /** Methods whose first argument is a key but that the weak container lacks (`peek`). */
  readonly otherKeyedMethods: ReadonlySet<string>;
  /** Members that enumerate or measure the contents: a container that uses them is a registry. */
  readonly enumerators: ReadonlySet<string>;
  /** Evicts on its own (a size or time bound). */
  readonly bounded: boolean;
}

const MAP_ENUMERATORS = ['size', 'keys', 'values', 'entries', 'forEach'];

const MAP: StrongContainerKind = {
  display: 'Map',
  withArticle: 'a Map',
  weak: 'WeakMap',
  insert: 'set',
  weakMethods: new Set(['get', 'set', 'has', 'delete']),
  otherKeyedMethods: new Set(),
  enumerators: new Set(MAP_ENUMERATORS),
  bounded: false,
};
const SET: StrongContainerKind = {
  display: 'Set',
  withArticle: 'a Set',
  weak: 'WeakSet',
  insert: 'add',
  weakMethods: new Set(['add', 'has', 'delete']),
  otherKeyedMethods: new Set(),
  enumerators: new Set(MAP_ENUMERATORS),
  bounded: false,
};
const LRU_CACHE: StrongContainerKind = {
  display: 'LRUCache (lru-cache)',
  withArticle: 'an LRUCache (lru-cache)',
  weak: 'WeakMap',
  insert: 'set',
  weakMethods: new Set(['get', 'set', 'has', 'delete']),
  otherKeyedMethods: new Set(['peek', 'fetch', 'memo', 'getRemainingTTL', 'info']),
  enumerators: new Set([...MAP_ENUMERATORS, 'rkeys', 'rvalues', 'rentries', 'rforEach', 'dump', 'find', 'calculatedSize']),
  bounded: true,
};
const QUICK_LRU: StrongContainerKind = {
  display: 'QuickLRU (quick-lru)',
  withArticle: 'a QuickLRU (quick-lru)',
  weak: 'WeakMap',
  insert: 'set',
  weakMethods: new Set(['get', 'set', 'has', 'delete']),
  otherKeyedMethods: new Set(['peek', 'expiresIn']),
  enumerators: new Set([...MAP_ENUMERATORS, 'entriesAscending', 'entriesDescending', 'maxSize']),
  bounded: true,
};

/** Where each strong container class is imported from (the built-ins are matched as globals). */
const IMPORTED_CONTAINERS: ReadonlyArray<{ source: string; path: readonly string[]; kind: StrongContainerKind }> = [
  { source: 'lru-cache', path: ['LRUCache'], kind: LRU_CACHE },
  { source: 'lru-cache', path: [], kind: LRU_CACHE }, // lru-cache ≤ 7: the class is the default export
  { source: 'quick-lru', path: [], kind: QUICK_LRU },
];

const GLOBAL_CONTAINERS: Readonly<Record<string, StrongContainerKind>> = { Map: MAP, Set: SET };
const WEAK_GLOBALS = new Set(['WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry']);

/** Every method name that takes a key first, over all known containers (a cheap pre-filter). */
export const KEYED_METHOD_NAMES: ReadonlySet<string> = new Set(
  [MAP, SET, LRU_CACHE, QUICK_LRU].flatMap((kind) => [...kind.weakMethods, ...kind.otherKeyedMethods]),
);

export interface StrongContainer {
  readonly kind: StrongContainerKind;
  /** The `new X(…)` expression that creates it. */
  readonly creation: TSESTree.NewExpression;
  /** Typed mode: the user class that extends Map/Set (`LayoutCache`), or an alias of it; else `null`. */
  readonly subclass: string | null;
  /** How messages name it: `a Map`, `a Map subclass \`LayoutCache\``, `a Map (created through the alias \`M\`)`. */
  readonly description: string;
}

/**
 * Is `init` a `new` of a strong container (Map, Set, LRUCache, QuickLRU)? In typed mode also a
 * class that extends the built-in Map or Set, or an alias of them (`const M = Map`).
 */
export function getStrongContainer(file: FileContext, init: TSESTree.Node | null): StrongContainer | null {
  if (!init) return null;
  const creation = unwrapExpression(init);
  if (creation.type !== AST_NODE_TYPES.NewExpression) return null;
  const kind = getContainerClass(file, creation.callee);
  if (kind) return { kind, creation, subclass: null, description: kind.withArticle };
  const types = getTypeServices(file);
  return types ? getTypedContainer(types, creation) : null;
}

/** Typed mode: the built-in Map/Set a constructed type derives from (declared in TypeScript's default lib). */
function getTypedContainer(types: TypeServices, creation: TSESTree.NewExpression): StrongContainer | null {
  const type = types.services.getTypeAtLocation(creation);
  const chain = getBaseTypeNames(types, type);
  for (const [index, name] of chain.entries()) {
    const kind = Object.hasOwn(GLOBAL_CONTAINERS, name) ? GLOBAL_CONTAINERS[name] : undefined;
    if (!kind) continue;
    const declarations = (index === 0 ? type.getSymbol() : undefined)?.getDeclarations() ?? [];
    if (index === 0 && !declarations.some((declaration) => types.program.isSourceFileDefaultLibrary(declaration.getSourceFile()))) {
      return null;
    }
    if (index === 0) {
      const alias = types.services.esTreeNodeToTSNodeMap.get(creation.callee).getText();
      return { kind, creation, subclass: alias, description: `${kind.withArticle} (created through the alias \`${alias}\`)` };
    }
    const subclass = chain[0]!;
    return { kind, creation, subclass, description: `${kind.withArticle} subclass \`${subclass}\`` };
  }
  return null;
}

/** Is `init` a `new WeakMap()` / `WeakSet` / `WeakRef` / `FinalizationRegistry`? */
export function isWeakContainer(file: FileContext, init: TSESTree.Node | null): boolean {
  if (!init) return false;
  const creation = unwrapExpression(init);
  return (
    creation.type === AST_NODE_TYPES.NewExpression &&
    creation.callee.type === AST_NODE_TYPES.Identifier &&
    WEAK_GLOBALS.has(creation.callee.name) &&
    file.isGlobalReference(creation.callee, creation.callee.name)
  );
}

function getContainerClass(file: FileContext, callee: TSESTree.Node): StrongContainerKind | null {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const global = Object.hasOwn(GLOBAL_CONTAINERS, callee.name) ? GLOBAL_CONTAINERS[callee.name] : undefined;
    if (global && file.isGlobalReference(callee, callee.name)) return global;
  }
  const origin = getImportOrigin(file, callee);
  if (!origin) return null;
  return IMPORTED_CONTAINERS.find((entry) => isImportedFrom(origin, entry.source, entry.path))?.kind ?? null;
}

/** What one use of a container does with it. */
export type ContainerUse =
  | { readonly type: 'keyed'; readonly method: string; readonly call: TSESTree.CallExpression; readonly resultUsed: boolean }
  | { readonly type: 'enumerate'; readonly node: TSESTree.Node; readonly how: string }
  | { readonly type: 'other'; readonly node: TSESTree.Node; readonly how: string };

/** Classifies an expression that reads a container binding by what the surrounding code does with it. */
export function classifyContainerUse(kind: StrongContainerKind, use: TSESTree.Node): ContainerUse {
  const node = outermostWrapper(use);
  const parent = node.parent;
  if (!parent) return { type: 'other', node, how: 'use' };
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const name = getStaticMemberName(parent);
    const member = outermostWrapper(parent);
    const isCall = member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
    if (name !== null && isCall && (kind.weakMethods.has(name) || kind.otherKeyedMethods.has(name))) {
      const call = member.parent as TSESTree.CallExpression;
      if (kind.otherKeyedMethods.has(name)) return { type: 'other', node: call, how: `\`${name}()\`` };
      return { type: 'keyed', method: name, call, resultUsed: isResultUsed(call) };
    }
    if (name !== null && kind.enumerators.has(name)) {
      return { type: 'enumerate', node: parent, how: isCall ? `\`${name}()\`` : `\`.${name}\`` };
    }
    if (name === 'clear') return { type: 'other', node: parent, how: '`clear()`' };
    return { type: 'other', node: parent, how: name === null ? 'a computed member access' : `\`.${name}\`` };
  }
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === node) {
    return { type: 'enumerate', node: parent, how: '`for…of`' };
  }
  if (parent.type === AST_NODE_TYPES.SpreadElement) return { type: 'enumerate', node: parent, how: 'spreading' };
  if (
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === node &&
    parent.callee.type === AST_NODE_TYPES.MemberExpression &&
    parent.callee.object.type === AST_NODE_TYPES.Identifier &&
    parent.callee.object.name === 'Array' &&
    getStaticMemberName(parent.callee) === 'from'
  ) {
    return { type: 'enumerate', node: parent, how: '`Array.from()`' };
  }
  if (parent.type === AST_NODE_TYPES.YieldExpression && parent.delegate) {
    return { type: 'enumerate', node: parent, how: '`yield*`' };
  }
  return { type: 'other', node, how: describeEscape(parent, node) };
}

function describeEscape(parent: TSESTree.Node, node: TSESTree.Node): string {
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node ? 'a call of the container' : 'passing it to a function';
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return 'returning it';
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return 'exporting it';
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === 'instanceof' ? '`instanceof`' : 'a comparison';
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
      return 'storing it elsewhere';
    default:
      return 'a use other than get/set/has/delete';
  }
}

/** Is the value of a `set`/`add`/`get`/… call used by the surrounding code? */
function isResultUsed(call: TSESTree.CallExpression): boolean {
  const node = outermostWrapper(call);
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) !== node) return false;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return false;
  return true;
}
