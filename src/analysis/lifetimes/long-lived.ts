import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { isModuleLevelScope, type FileContext } from '../core/file-context.js';
import { resolveSingletonFieldBinding } from './instance-fields.js';
import { getClassName } from './instance.js';
import { walk } from '../core/traverse.js';
import { getGlobalExport, getIifeReturnedVariable, getSingleValue, getValueAliases } from '../core/bindings.js';
import { isMemberMerge } from '../core/merge-helpers.js';
import { followProjectDefinition, isProjectSpecifier } from '../resolve/project-exports.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A binding whose value lives as long as the program: created once, at module load or class
 * definition, and reachable from then on.
 */
export interface LongLivedBinding {
  readonly kind: 'module-variable' | 'static-field' | 'module-object-member' | 'imported-module-variable' | 'instance-field' | 'singleton-field';
  /** How messages name it: `thumbnails`, `ImageCache.cache`, `caches.thumbs`. */
  readonly name: string;
  /** Where it lives, for messages: `module scope`, `static field of ImageCache`, … */
  readonly scope: string;
  /** Where findings about the binding are reported: the declared name (for an imported one, the local import name). */
  readonly reportNode: Node;
  /** What declares it (a declarator, field, property or defining assignment), where its JSDoc is written; in `imported.file` when imported. */
  readonly declaration: Node;
  /** Set when the binding is imported from another project module, which creates it (`init` and `typeAnnotation` are nodes of that module). */
  readonly imported: ImportedBinding | null;
  /** The value it is created with (TS wrappers kept; use `unwrapExpression` to look inside). */
  readonly init: TSESTree.Expression | null;
  /** The declared type, if any (`const cache: Map<K, V> = …`). */
  readonly typeAnnotation: TSESTree.TypeNode | null;
  /** Other modules can reach it (`export const`, a public static field of an exported class). */
  readonly exported: boolean;
  /** Every expression in this file that reads the binding's value. */
  readonly uses: readonly Node[];
  /** Every assignment to the binding after its declaration. */
  readonly writes: readonly Node[];
  /** The binding can also be reached in ways this file does not show (the holder escapes, computed access). */
  readonly reachableElsewhere: boolean;
}

/** A module-level container created by another project module and imported here. */
export interface ImportedBinding {
  /** The analysis of the module that creates it. */
  readonly file: FileContext;
  /** The specifier as this file writes it: `./nodeValueCache`. */
  readonly specifier: string;
}

/**
 * Is the value of `node` (an identifier or member chain) a long-lived binding?
 * Module-scope `const`/`let`/`var`, `static` fields (also `#private` and `readonly`), and members of
 * module-level object literals are; locals, parameters and instance fields are not.
 */
export function resolveLongLivedBinding(file: FileContext, node: Node): LongLivedBinding | null {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = file.findVariable(expression);
    return variable ? file.cached('variableBinding', variable, () => variableBinding(file, variable)) : null;
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getStaticMemberName(expression);
  if (name === null) return null;
  const object = unwrapExpression(expression.object);

  const classNode = getStaticClassOf(file, object) ?? getConstructorOfThis(object);
  if (classNode) {
    const declaration = findStaticField(classNode, name) ?? findStaticAssignment(file, classNode, name);
    return declaration
      ? file.cached('staticFieldBinding', declaration.node, () => staticFieldBinding(file, classNode, declaration))
      : null;
  }
  // A field of the one instance of a class that is created once (`export default new Registry()`)
  const singletonField = resolveSingletonFieldBinding(file, expression);
  if (singletonField) return singletonField;
  if (object.type === AST_NODE_TYPES.Identifier) {
    // A global that this script defines itself (`var OverText = this.OverText = …` in an IIFE) is that variable.
    const variable = file.findVariable(object) ?? getGlobalExport(file, object.name);
    // `function Manager() { Manager.instances.push(this); }` with `Manager.instances = []` at module level
    const fnProperty = variable && functionPropertyBinding(file, variable, name);
    if (fnProperty) return fnProperty;
    const holder = variable && moduleObjectLiteral(variable);
    if (!variable || !holder) return null;
    const property = findObjectProperty(holder, name);
    if (!property) return null;
    if (property.value.type === AST_NODE_TYPES.Identifier) {
      // `{ cache }` / `{ cache: cache }`: the member is the module variable itself.
      return resolveLongLivedBinding(file, property.value);
    }
    return file.cached('objectMemberBinding', property, () =>
      objectMemberBinding(variable, object.name, name, property),
    );
  }
  return null;
}

function variableBinding(file: FileContext, variable: TSESLint.Scope.Variable): LongLivedBinding | null {
  if (variable.defs.length !== 1 || !isLongLivedScope(file, variable.scope, variable.defs[0]!.name)) return null;
  const def = variable.defs[0]!;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const uses: Node[] = [];
  const writes: Node[] = [];
  for (const reference of variable.references) {
    if (reference.identifier === declarator.id) continue;
    if (reference.isWrite()) writes.push(reference.identifier);
    if (reference.isRead()) uses.push(reference.identifier);
  }
  return {
    kind: 'module-variable',
    name: declarator.id.name,
    scope: 'module scope',
    reportNode: declarator.id,
    declaration: declarator,
    imported: null,
    init: declarator.init,
    typeAnnotation: declarator.id.typeAnnotation?.typeAnnotation ?? null,
    exported: declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration,
    uses,
    writes,
    reachableElsewhere: false,
  };
}

/**
 * An imported identifier whose value is a container another project module creates at its top level
 * (see `importedBinding`). Asked only by rules that judge containers: it may read and parse that module.
 */
export function resolveImportedBinding(file: FileContext, node: Node): LongLivedBinding | null {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'ImportBinding') return null;
  return file.cached('importedBinding', variable, () => importedBinding(file, variable, def.node));
}

/** A cheap test before a module is parsed to look for a container it exports: it creates a Map, Set or LRU. */
const CREATES_CONTAINER = /\bnew\s+(?:Map|Set)\b|['"](?:lru-cache|quick-lru)['"]/;

/**
 * `import cache from './cache'` / `import { cache } from './cache'`, where the project module creates
 * the container at its top level (`const cache = new Map(); export default cache`) and never
 * reassigns it: that module is loaded once, so the container lives as long as the program. The
 * exporting module may use it only to look up and insert (and to export it): a removal, `clear()`,
 * an enumeration or any other use there leaves the entries' fate to code this rule does not judge,
 * so the binding is not resolved. Other importers are never seen: the binding is reachable elsewhere.
 */
function importedBinding(file: FileContext, variable: TSESLint.Scope.Variable, specifier: Node): LongLivedBinding | null {
  if (specifier.type !== AST_NODE_TYPES.ImportDefaultSpecifier && specifier.type !== AST_NODE_TYPES.ImportSpecifier) return null;
  const declaration = specifier.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return null;
  if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return null;
  const source = declaration.source;
  const exportName =
    specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
      ? 'default'
      : specifier.imported.type === AST_NODE_TYPES.Identifier
        ? specifier.imported.name
        : specifier.imported.value;
  if (!isProjectSpecifier(file, source.value)) return null;
  const definition = followProjectDefinition(file, source, exportName, 0, (text) => CREATES_CONTAINER.test(text));
  if (!definition || unwrapExpression(definition.node).type !== AST_NODE_TYPES.NewExpression) return null;
  const home = definition.file;
  const declarator = definition.node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== definition.node || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  if (!isModuleLevelScope(home.sourceCode.getScope(declarator), declarator)) return null;
  const homeVariable = home.findVariable(declarator.id);
  if (!homeVariable || homeVariable.defs.length !== 1) return null;
  for (const reference of homeVariable.references) {
    if (reference.identifier === declarator.id || isTypeOnlyReference(reference)) continue;
    if (reference.isWrite() || !isLookupOrInsertOrExport(reference.identifier)) return null;
  }
  const uses: Node[] = [];
  const writes: Node[] = [];
  for (const reference of variable.references) {
    if (isTypeOnlyReference(reference)) continue;
    if (reference.isWrite()) writes.push(reference.identifier);
    if (reference.isRead()) uses.push(reference.identifier);
  }
  return {
    kind: 'imported-module-variable',
    name: specifier.local.name,
    scope: `module scope of '${source.value}'`,
    reportNode: specifier.local,
    declaration: declarator,
    imported: { file: home, specifier: source.value },
    init: declarator.init,
    typeAnnotation: declarator.id.typeAnnotation?.typeAnnotation ?? null,
    exported: true,
    uses,
    writes,
    reachableElsewhere: true,
  };
}

/** `x.get(k)`, `x.has(k)`, `x.set(k, v)`, `x.add(k)`, or exporting `x` (`export default x`, `export { x }`). */
function isLookupOrInsertOrExport(identifier: Node): boolean {
  const node = outermostWrapper(identifier);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return false;
  const name = getStaticMemberName(parent);
  const member = outermostWrapper(parent);
  return (
    name !== null &&
    ['get', 'has', 'set', 'add'].includes(name) &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  );
}

type Scope = TSESLint.Scope.Scope;

/**
 * Does code in `scope` run once for the life of the program? Module scope (with the IIFE and UMD
 * wrappers `isModuleLevelScope` knows), and the body of a factory function declared in such a scope
 * and called at most once: every reference is a call, or the factory handed to AMD's `define(…)`,
 * none in a loop or another function, any two in opposite branches of one `if` or `?:`
 * (`if (define.amd) define([…], factory); else window.X = factory(…)`).
 */
export function isLongLivedScope(file: FileContext, scope: Scope | null, at?: Node): boolean {
  if (isModuleLevelScope(scope, at)) return true;
  let current = scope;
  while (current && (current.type === 'block' || current.type === 'for' || current.type === 'switch' || current.type === 'catch')) current = current.upper;
  if (current?.type !== 'function' || current.block.type !== AST_NODE_TYPES.FunctionDeclaration) return false;
  const factory = current.block;
  return file.cached('calledOnceFactory', factory, () => isLongLivedScope(file, current.upper, factory) && isCalledOnce(file, factory));
}

function isCalledOnce(file: FileContext, fn: TSESTree.FunctionDeclaration): boolean {
  if (!fn.id || fn.async || fn.generator) return false;
  const variable = file.sourceCode.getDeclaredVariables(fn)[0];
  if (!variable || variable.defs.length !== 1) return false;
  const references = variable.references.filter((reference) => !isTypeOnlyReference(reference));
  if (references.length === 0 || references.some((reference) => reference.isWrite())) return false;
  const declaredIn = fn.parent;
  for (const { identifier } of references) {
    const parent = identifier.parent;
    const called = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
    const defined =
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.at(-1) === identifier &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      parent.callee.name === 'define' &&
      file.isGlobalReference(parent.callee, 'define');
    if (!called && !defined) return false;
    // Straight-line code of the scope the factory is declared in: no loop, no other function.
    if (!isStraightLineUpTo(parent, declaredIn)) return false;
  }
  for (const [i, a] of references.entries()) {
    for (const b of references.slice(i + 1)) if (!inOppositeBranches(a.identifier, b.identifier)) return false;
  }
  return true;
}

/** Does `node` run at most once per run of `ancestor`: no loop and no function between them? */
export function isStraightLineUpTo(node: Node | undefined, ancestor: Node | undefined): boolean {
  for (let current = node; current && current !== ancestor; current = current.parent) {
    if (
      LOOPS.has(current.type) ||
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return false;
    }
  }
  return true;
}

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** Are two nodes in the two branches of one `if`/`?:`, so that at most one of them runs? */
function inOppositeBranches(a: Node, b: Node): boolean {
  const ancestorsOfA = new Map<Node, Node>(); // ancestor → the child on the way to `a`
  for (let child: Node = a, node = a.parent; node; child = node, node = node.parent) ancestorsOfA.set(node, child);
  for (let child: Node = b, node = b.parent; node; child = node, node = node.parent) {
    const towardsA = ancestorsOfA.get(node);
    if (!towardsA) continue;
    if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression) return false;
    const branches = [node.consequent, node.alternate];
    return towardsA !== child && branches.includes(towardsA as never) && branches.includes(child as never);
  }
  return false;
}

/** How a static member comes to exist: a `static` field, or one assignment at class-definition time. */
interface StaticDeclaration {
  /** The field, or the defining assignment (`W.live = …` at module level, `this.live = …` in a static block). */
  readonly node: TSESTree.PropertyDefinition | TSESTree.AssignmentExpression;
  readonly name: string;
  readonly key: Node;
  readonly init: TSESTree.Expression | null;
  readonly typeAnnotation: TSESTree.TypeNode | null;
  readonly isPrivate: boolean;
}

function staticFieldBinding(
  file: FileContext,
  classNode: ClassNode,
  declaration: StaticDeclaration,
): LongLivedBinding | null {
  if (!isLongLivedScope(file, file.sourceCode.getScope(classNode).upper, classNode)) return null;
  const fieldName = declaration.name;
  const className = getClassName(classNode);
  const uses: Node[] = [];
  const writes: Node[] = [];
  let reachableElsewhere = false;
  for (const member of collectStaticMemberUses(file, classNode)) {
    const name = getStaticMemberName(member);
    if (name === null) {
      if (!fieldName.startsWith('#')) reachableElsewhere = true;
      continue;
    }
    if (name !== fieldName) continue;
    const outer = outermostWrapper(member);
    if (outer.parent === declaration.node) continue; // the defining assignment
    if (outer.parent?.type === AST_NODE_TYPES.AssignmentExpression && outer.parent.left === outer) {
      writes.push(member);
      if (outer.parent.operator !== '=') uses.push(member);
    } else {
      uses.push(member);
    }
  }
  const { isPrivate } = declaration;
  return {
    kind: 'static-field',
    name: `${className ?? 'this class'}.${fieldName}`,
    scope: `static field of ${className ?? 'an anonymous class'}`,
    reportNode: declaration.key,
    declaration: declaration.node,
    imported: null,
    init: declaration.init,
    typeAnnotation: declaration.typeAnnotation,
    exported: !isPrivate && isExportedClass(classNode),
    uses,
    writes,
    reachableElsewhere: reachableElsewhere || (!isPrivate && hasSubclassOrEscape(file, classNode)),
  };
}

/**
 * A property of a module-level value created once (an ES5 constructor, a factory, the product of a
 * class factory such as `new Class({…})`), created by one plain assignment where the module runs once
 * (`Manager.instances = [];`): it lives as long as the value, the whole program. The value may be known
 * by several names (the outer and inner names of a class IIFE, `getValueAliases`); every one counts.
 * Like a static field, it is reachable from other modules when the value is exported.
 */
function functionPropertyBinding(file: FileContext, variable: TSESLint.Scope.Variable, name: string): LongLivedBinding | null {
  const cache = file.cached('functionPropertyBindings', variable, () => new Map<string, LongLivedBinding | null>());
  if (!cache.has(name)) cache.set(name, computeFunctionProperty(file, variable, name));
  return cache.get(name) ?? null;
}

/** Helpers that compilers emit for classes: they read the constructor, they never empty its properties. */
const COMPILED_CLASS_HELPERS = new Set(['__extends', '_inherits', '_inheritsLoose', '_classCallCheck', '_createClass', '__decorate']);

/** A variable that holds one value for the life of the program: a function declaration, or one value assigned once, in a long-lived scope. */
function holdsOneValue(file: FileContext, variable: TSESLint.Scope.Variable): boolean {
  if (!isLongLivedScope(file, variable.scope, variable.defs[0]?.name) || variable.defs.length !== 1) return false;
  if (variable.defs[0]!.type === 'FunctionName') return !variable.references.some((reference) => reference.isWrite());
  const value = getSingleValue(variable);
  return value !== null && isCreatedHere(file, value);
}

/**
 * A value this module creates, so that its properties are this module's to define: a function, a
 * `new` (`new Class({…})`), a class IIFE, or an assignment chain ending in one (`var X = this.X = new Class(…)`).
 * A value read from elsewhere (`require('util')`, another binding) has properties others define too.
 */
function isCreatedHere(file: FileContext, node: Node): boolean {
  const value = unwrapExpression(node);
  if (isFunctionNode(value) || value.type === AST_NODE_TYPES.NewExpression) return true;
  if (value.type === AST_NODE_TYPES.AssignmentExpression) return isCreatedHere(file, value.right);
  return value.type === AST_NODE_TYPES.CallExpression && getIifeReturnedVariable(file, value) !== null;
}

function computeFunctionProperty(file: FileContext, variable: TSESLint.Scope.Variable, name: string): LongLivedBinding | null {
  if (!isLongLivedScope(file, variable.scope, variable.defs[0]?.name)) return null; // cheap first: a local is no long-lived holder
  const aliases = getValueAliases(file, variable);
  if (!aliases.every((alias) => holdsOneValue(file, alias))) return null;
  const isAlias = (node: Node | null | undefined): boolean =>
    node?.type === AST_NODE_TYPES.Identifier && aliases.includes(file.findVariable(node) as TSESLint.Scope.Variable);
  const members: TSESTree.MemberExpression[] = [];
  const mergeDefinitions: Array<{ readonly call: TSESTree.CallExpression; readonly property: TSESTree.Property }> = [];
  let reachableElsewhere = false;
  let exported = false;
  // Handed to the global object under its own name: the script's global reads of that name are it too.
  const global = aliases.find((alias) => getGlobalExport(file, alias.name) === alias);
  if (global) exported = true;
  const globalReads = global ? file.sourceCode.scopeManager?.globalScope?.through.filter((reference) => reference.identifier.name === global.name) ?? [] : [];
  for (const alias of aliases) {
    for (const reference of alias === global ? [...alias.references, ...globalReads] : alias.references) {
      if (reference.isWrite()) continue; // the one value it is given
      const outer = outermostWrapper(reference.identifier);
      const parent = outer.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
        const member = getStaticMemberName(parent);
        if (member === name) members.push(parent);
        else if (member === null) reachableElsewhere = true;
        continue;
      }
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer) {
        const target = unwrapExpression(parent.left);
        if (isAlias(target)) continue;
        // `Socket.Socket = Socket`: a member of the holder itself, reached wherever the holder is
        if (target.type === AST_NODE_TYPES.MemberExpression && isAlias(rootNode(target))) continue;
        // `module.exports = Manager`, `exports.Manager = Manager`, `window.Dropzone = Dropzone`: other modules reach its properties
        const root = target.type === AST_NODE_TYPES.MemberExpression ? rootName(target) : null;
        if (root !== null && (/^(?:module|exports)$/u.test(root) || isGlobalObject(file, target, root))) exported = true;
        else reachableElsewhere = true;
        continue;
      }
      // `return Foo` of the class IIFE that another alias holds
      if (parent?.type === AST_NODE_TYPES.ReturnStatement && aliases.length > 1 && alias.scope.block === enclosingFunctionOf(parent)) continue;
      if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === outer) continue;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) continue;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && COMPILED_CLASS_HELPERS.has(parent.callee.name)) continue;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === outer && isMergeInto(file, parent)) {
        // `Object.assign(Foo, { each… })`, `_.extend(Pusher, { instances: [] })`: gives members, or defines this one
        const defining = mergedProperty(parent, name);
        if (defining === undefined) reachableElsewhere = true;
        else if (defining) mergeDefinitions.push({ call: parent, property: defining });
        continue;
      }
      if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof') continue;
      if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        exported = true;
        continue;
      }
      // handed to a callback that other code supplied (`fn.call(OverText, …)` with `fn` a parameter): as good as exported
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer && isParameterCallee(file, parent.callee)) {
        exported = true;
        continue;
      }
      reachableElsewhere = true; // passed on (`Emitter(Manager.prototype)` reads a member, fine; `mixin(Manager)` does not)
    }
    const defNode = alias.defs[0]!.node;
    const declaration = defNode.type === AST_NODE_TYPES.VariableDeclarator ? defNode.parent : defNode;
    if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) exported = true;
  }
  const definitions = members.filter((member) => {
    const outer = outermostWrapper(member);
    return outer.parent?.type === AST_NODE_TYPES.AssignmentExpression && outer.parent.left === outer;
  });
  if (definitions.length + mergeDefinitions.length !== 1) return null;
  const [definingMember] = definitions;
  const [merged] = mergeDefinitions;
  const definingNode: TSESTree.AssignmentExpression | TSESTree.CallExpression = definingMember
    ? (outermostWrapper(definingMember).parent as TSESTree.AssignmentExpression)
    : merged!.call;
  const statement = outermostWrapper(definingNode).parent;
  const runsOnce =
    (definingNode.type !== AST_NODE_TYPES.AssignmentExpression || definingNode.operator === '=') &&
    statement?.type === AST_NODE_TYPES.ExpressionStatement &&
    (statement.parent.type === AST_NODE_TYPES.Program ||
      (statement.parent.type === AST_NODE_TYPES.BlockStatement &&
        statement.parent.parent !== undefined &&
        isFunctionNode(statement.parent.parent) &&
        isLongLivedScope(file, file.sourceCode.getScope(statement), statement)));
  if (!runsOnce) return null;
  const displayName = aliases[aliases.length - 1]!.name;
  return {
    kind: 'static-field',
    name: `${displayName}.${name}`,
    scope: `property of ${displayName}`,
    reportNode: definingMember ? definingMember.property : merged!.property.key,
    declaration: definingMember ? definingNode : merged!.property,
    imported: null,
    init: definingMember ? (definingNode as TSESTree.AssignmentExpression).right : (merged!.property.value as TSESTree.Expression),
    typeAnnotation: null,
    exported,
    uses: members.filter((member) => member !== definingMember),
    writes: [],
    reachableElsewhere,
  };
}

/**
 * A call that gives its first argument members: a method of the global `Object` (`Object.assign`,
 * `Object.defineProperty`, MooTools' `Object.append`) or a library merge (`_.extend`, `$.extend`,
 * `merge-helpers.ts`). None of them empties a property it is not given.
 */
function isMergeInto(file: FileContext, call: TSESTree.CallExpression): boolean {
  if (isMemberMerge(file, call)) return true;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && file.isGlobalReference(object, 'Object');
}

/**
 * The property `name` among the objects a merge gives its target: the property when one object
 * literal defines it, `null` when none does (other members only), `undefined` when a source is not a
 * literal this can read (a spread, a variable) or a string names it (`defineProperty(X, 'name', …)`).
 */
function mergedProperty(call: TSESTree.CallExpression, name: string): TSESTree.Property | null | undefined {
  let found: TSESTree.Property | null = null;
  for (const source of call.arguments.slice(1)) {
    const value = unwrapExpression(source);
    if (value.type === AST_NODE_TYPES.Literal) {
      if (value.value === name) return undefined;
      continue;
    }
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of value.properties) {
      if (property.type !== AST_NODE_TYPES.Property) return undefined;
      if (getStaticPropertyKey(property.key, property.computed) === name) found = property;
    }
  }
  return found;
}

/** A callee rooted in a parameter: `fn(…)`, `fn.call(…)`, `options.onChange(…)`: code the caller supplied. */
function isParameterCallee(file: FileContext, callee: Node): boolean {
  let root = unwrapExpression(callee);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return root.type === AST_NODE_TYPES.Identifier && file.findVariable(root)?.defs[0]?.type === 'Parameter';
}

/** `window.X`, `self.X`, `globalThis.X`: a property of the global object (not shadowed), which every script reaches. */
function isGlobalObject(file: FileContext, target: Node, root: string): boolean {
  return (root === 'window' || root === 'self' || root === 'globalThis' || root === 'global') && file.isGlobalReference(target, root);
}

function enclosingFunctionOf(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return null;
}

function rootNode(node: Node): Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current;
}

function rootName(node: Node): string | null {
  const root = rootNode(node);
  return root.type === AST_NODE_TYPES.Identifier ? root.name : null;
}

function objectMemberBinding(
  holder: TSESLint.Scope.Variable,
  holderName: string,
  memberName: string,
  property: TSESTree.Property,
): LongLivedBinding {
  const uses: Node[] = [];
  const writes: Node[] = [];
  let reachableElsewhere = false;
  for (const reference of holder.references) {
    const identifier = reference.identifier;
    if (reference.init || isTypeOnlyReference(reference)) continue;
    const outer = outermostWrapper(identifier);
    const parent = outer.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== outer) {
      reachableElsewhere = true; // the holder object itself is passed, returned, exported…
      continue;
    }
    const name = getStaticMemberName(parent);
    if (name === null) {
      reachableElsewhere = true;
      continue;
    }
    if (name !== memberName) continue;
    const member = outermostWrapper(parent);
    if (member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member) {
      writes.push(parent);
    } else {
      uses.push(parent);
    }
  }
  const declarator = holder.defs[0]!.node as TSESTree.VariableDeclarator;
  return {
    kind: 'module-object-member',
    name: `${holderName}.${memberName}`,
    scope: `member of the module-level object \`${holderName}\``,
    reportNode: property.key,
    declaration: property,
    imported: null,
    init: property.value as TSESTree.Expression,
    typeAnnotation: null,
    exported: declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration,
    uses,
    writes,
    reachableElsewhere,
  };
}

/** The module-level object literal a never-reassigned variable holds, if any. */
function moduleObjectLiteral(variable: TSESLint.Scope.Variable): TSESTree.ObjectExpression | null {
  if (variable.defs.length !== 1 || !isModuleLevelScope(variable.scope, variable.defs[0]!.name)) return null;
  const declarator = variable.defs[0]!.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return null;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  const init = unwrapExpression(declarator.init);
  return init.type === AST_NODE_TYPES.ObjectExpression ? init : null;
}

function findObjectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return null; // could be overridden
    if (property.kind !== 'init' || property.method) continue;
    if (getStaticPropertyKey(property.key, property.computed) === name) found = property;
  }
  return found;
}

/**
 * The class `node` denotes when it is used as a holder of static members: `Foo` (a class
 * declaration or a variable initialised with a class expression) or `this` inside static code.
 */
export function getStaticClassOf(file: FileContext, node: Node): ClassNode | null {
  if (node.type === AST_NODE_TYPES.ThisExpression) return getStaticThisClass(node);
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(node);
  return variable ? classOfVariable(variable) : null;
}

/**
 * `this.constructor` in a class's instance code (a method, a field initialiser, through arrow
 * functions) denotes the class, as far as its static fields go: `this.constructor.instances`.
 */
function getConstructorOfThis(node: Node): ClassNode | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(node) !== 'constructor') return null;
  const object = unwrapExpression(node.object);
  if (object.type !== AST_NODE_TYPES.ThisExpression) return null;
  let child: Node = object;
  for (let current = object.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        continue;
      case AST_NODE_TYPES.FunctionExpression: {
        const method = current.parent;
        return method.type === AST_NODE_TYPES.MethodDefinition && method.value === current && !method.static
          ? (method.parent.parent as ClassNode)
          : null;
      }
      case AST_NODE_TYPES.PropertyDefinition:
        if (current.value !== child) continue;
        return current.static ? null : (current.parent.parent as ClassNode);
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.Program:
        return null;
      default:
        continue;
    }
  }
  return null;
}

function classOfVariable(variable: TSESLint.Scope.Variable): ClassNode | null {
  for (const def of variable.defs) {
    if (def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
    if (def.node.type === AST_NODE_TYPES.ClassExpression) return def.node; // the inner name of a class expression
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = unwrapExpression(def.node.init);
      if (init.type === AST_NODE_TYPES.ClassExpression && def.node.parent.kind === 'const') return init;
    }
  }
  return null;
}

/** The class `this` denotes in a static method, static block or static field initializer. */
function getStaticThisClass(node: TSESTree.ThisExpression): ClassNode | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        continue;
      case AST_NODE_TYPES.FunctionExpression: {
        const method = current.parent;
        return method.type === AST_NODE_TYPES.MethodDefinition && method.value === current && method.static
          ? (method.parent.parent as ClassNode)
          : null;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.Program:
        return null;
      case AST_NODE_TYPES.PropertyDefinition:
        if (current.value !== child) continue;
        return current.static ? (current.parent.parent as ClassNode) : null;
      case AST_NODE_TYPES.StaticBlock:
        return current.parent.parent as ClassNode;
      default:
        continue;
    }
  }
  return null;
}

function findStaticField(classNode: ClassNode, name: string): StaticDeclaration | null {
  for (const element of classNode.body.body) {
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      element.static &&
      !element.declare &&
      getStaticPropertyKey(element.key, element.computed) === name
    ) {
      return {
        node: element,
        name,
        key: element.key,
        init: element.value,
        typeAnnotation: element.typeAnnotation?.typeAnnotation ?? null,
        isPrivate: name.startsWith('#') || element.accessibility === 'private',
      };
    }
  }
  return null;
}

/**
 * A static member created by one plain assignment when the class is defined, as compiled code and
 * older JavaScript write them: `class W {} W.live = new Set();` at module level, or
 * `static { this.live = new Set(); }` (TypeScript's output for `static live = new Set()`).
 */
function findStaticAssignment(file: FileContext, classNode: ClassNode, name: string): StaticDeclaration | null {
  const assignments = staticAssignmentsByName(file, classNode).get(name) ?? [];
  const [assignment] = assignments;
  if (assignments.length !== 1 || !assignment || assignment.operator !== '=') return null;
  const statement = assignment.parent;
  const runsOnce =
    statement.type === AST_NODE_TYPES.ExpressionStatement &&
    (statement.parent.type === AST_NODE_TYPES.Program || statement.parent.type === AST_NODE_TYPES.StaticBlock);
  if (!runsOnce) return null;
  const member = assignment.left as TSESTree.MemberExpression;
  return { node: assignment, name, key: member.property, init: assignment.right, typeAnnotation: null, isPrivate: false };
}

/** The assignments `Foo.x = …` (and `this.x = …` in static code) of a class, by member name: once per class. */
function staticAssignmentsByName(file: FileContext, classNode: ClassNode): ReadonlyMap<string, TSESTree.AssignmentExpression[]> {
  return file.cached('staticAssignments', classNode, () => {
    const byName = new Map<string, TSESTree.AssignmentExpression[]>();
    for (const member of collectStaticMemberUses(file, classNode)) {
      const name = getStaticMemberName(member);
      const outer = outermostWrapper(member);
      const assignment = outer.parent;
      if (name === null || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== outer) continue;
      const list = byName.get(name);
      if (list) list.push(assignment);
      else byName.set(name, [assignment]);
    }
    return byName;
  });
}

/**
 * Every `Foo.x` / `this.x` (static code) / `this.constructor.x` member expression of a class, in
 * this file. Computed once per class.
 */
function collectStaticMemberUses(file: FileContext, classNode: ClassNode): TSESTree.MemberExpression[] {
  return file.cached('staticMemberUses', classNode, () => {
    const members: TSESTree.MemberExpression[] = [];
    for (const reference of classReferences(file, classNode)) {
      if (isTypeOnlyReference(reference)) continue;
      const outer = outermostWrapper(reference.identifier);
      if (outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer) {
        members.push(outer.parent);
      }
    }
    walk(file, classNode.body, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return true;
      const object = unwrapExpression(node.object);
      if (object.type === AST_NODE_TYPES.ThisExpression && getStaticThisClass(object) === classNode) {
        members.push(node);
      } else if (
        object.type === AST_NODE_TYPES.MemberExpression &&
        getStaticMemberName(object) === 'constructor' &&
        unwrapExpression(object.object).type === AST_NODE_TYPES.ThisExpression
      ) {
        members.push(node);
      }
      return true;
    });
    return members;
  });
}

/**
 * Every reference to a class in this file: through its outer binding (`class Foo` in the module, or
 * `const Foo = class {}`) and through the inner name binding that code inside the class body sees.
 */
export function classReferences(file: FileContext, classNode: ClassNode): TSESLint.Scope.Reference[] {
  const variables = [...file.sourceCode.getDeclaredVariables(classNode)];
  const parent = classNode.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) variables.push(...file.sourceCode.getDeclaredVariables(parent));
  return [...new Set(variables)].flatMap((variable) => variable.references);
}

function isExportedClass(classNode: ClassNode): boolean {
  const parent = classNode.parent;
  return (
    parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    (parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration)
  );
}

/** The class is extended or handed out in this file, so its statics may be used where we cannot see. */
function hasSubclassOrEscape(file: FileContext, classNode: ClassNode): boolean {
  return classReferences(file, classNode).some((reference) => {
    if (isTypeOnlyReference(reference)) return false;
    const outer = outermostWrapper(reference.identifier);
    const parent = outer.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return false;
    if (parent.type === AST_NODE_TYPES.NewExpression && parent.callee === outer) return false;
    if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof') return false;
    return true;
  });
}


const VALUE_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/** A reference in a type position (`x: Foo`, `typeof Foo`): it reads no value at run time. */
export function isTypeOnlyReference(reference: TSESLint.Scope.Reference): boolean {
  if (reference.isTypeReference && !reference.isValueReference) return true;
  for (let node: Node | undefined = reference.identifier.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.TSTypeQuery) return true;
    if (!node.type.startsWith('TS') || VALUE_WRAPPERS.has(node.type)) return false;
  }
  return false;
}
