import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, unwrapExpression } from './ast.js';
import { findComposedCache, type ComposedCache, type ComposedConsequence } from './composed-memoizer.js';
import type { FileContext } from './file-context.js';
import { isProjectSpecifier } from './project-exports.js';
import { getModuleContext } from './resolve/project-modules.js';
import { usesOwnThis } from './this-usage.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/**
 * Mixins: objects of functions that are copied onto a class prototype, so that each function runs
 * as a method of every instance (`Object.assign(Driver.prototype, commands)`, or a loop over
 * `Object.entries(commands)` / `_.toPairs(commands)` that assigns `Driver.prototype[name] = fn`).
 * The objects are followed through `Object.assign(target, a, b)` merges and imports of project
 * modules, in any number of files; a member that is a library memoizer over a function using `this`
 * is one cache shared by every instance of the class.
 */
export interface MixinCopy {
  /** The call or loop that copies members onto the prototype. */
  readonly node: Node;
  /** The class or constructor whose prototype receives the members. */
  readonly className: string;
  /** The expressions whose members are copied (`commands`). */
  readonly sources: readonly Node[];
}

export interface SharedMixinMember {
  readonly name: string;
  /** The module that defines the member (`null`: this file). */
  readonly file: FileContext;
  readonly cache: ComposedCache;
  readonly consequence: ComposedConsequence;
}

/** `Object.assign(X.prototype, …sources)`; `null` for anything else. */
export function getPrototypeAssign(call: TSESTree.CallExpression): MixinCopy | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(callee) !== 'assign') return null;
  if (callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Object') return null;
  const [target, ...sources] = call.arguments;
  const className = target && prototypeOwner(target);
  return className ? { node: call, className, sources } : null;
}

/**
 * `for (const [name, fn] of Object.entries(src)) X.prototype[name] = fn;` (also `_.toPairs(src)`,
 * `Object.keys(src)` with `src[name]`, and `for (const name in src)`).
 */
export function getPrototypeLoop(loop: TSESTree.ForOfStatement | TSESTree.ForInStatement): MixinCopy | null {
  let source: Node | null = null;
  if (loop.type === AST_NODE_TYPES.ForInStatement) source = loop.right;
  else {
    const right = unwrapExpression(loop.right);
    if (right.type === AST_NODE_TYPES.CallExpression && right.arguments.length === 1) {
      const callee = unwrapExpression(right.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(callee) : null;
      if (name === 'entries' || name === 'toPairs' || name === 'keys') source = right.arguments[0]!;
    }
  }
  if (!source || source.type === AST_NODE_TYPES.SpreadElement) return null;
  const body = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const assignment = statement.expression;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    if (!assignment.left.computed) continue;
    const className = prototypeOwner(assignment.left.object);
    if (className) return { node: loop, className, sources: [source] };
  }
  return null;
}

/** `X.prototype` → `'X'`. */
function prototypeOwner(node: Node): string | null {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(expression) !== 'prototype') return null;
  const owner = unwrapExpression(expression.object);
  return owner.type === AST_NODE_TYPES.Identifier ? owner.name : null;
}

const MAX_DEPTH = 6;

/** The members of the copied objects that are one memoizer cache for every instance. */
export function findSharedMixinMembers(file: FileContext, copy: MixinCopy): SharedMixinMember[] {
  const found: SharedMixinMember[] = [];
  const seen = new Set<object>();
  for (const source of copy.sources) {
    if (source.type === AST_NODE_TYPES.SpreadElement) continue;
    collectMembers(file, source, 0, seen, (name, value, owner) => {
      const call = unwrapExpression(value);
      if (call.type !== AST_NODE_TYPES.CallExpression) return;
      const composed = findComposedCache(owner, call, (fn) => usesOwnThis(owner, fn));
      if (composed) found.push({ name, file: owner, ...composed });
    });
  }
  return found;
}

type Visit = (name: string, value: Node, file: FileContext) => void;

/** Every member of the object an expression denotes: literal properties, `x.name = v`, and merged sources. */
function collectMembers(file: FileContext, expression: Node, depth: number, seen: Set<object>, visit: Visit): void {
  if (depth > MAX_DEPTH) return;
  const node = unwrapExpression(expression);
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    if (seen.has(node)) return;
    seen.add(node);
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) collectMembers(file, property.argument, depth + 1, seen, visit);
      else {
        const name = getStaticPropertyKey(property.key, property.computed);
        if (name !== null) visit(name, property.value, file);
      }
    }
    return;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return;
  const variable = file.findVariable(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || seen.has(variable)) return;
  seen.add(variable);
  if (def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier || def.node.type === AST_NODE_TYPES.ImportSpecifier) {
    const source = def.node.parent.source?.value;
    if (typeof source !== 'string' || !isProjectSpecifier(file, source)) return;
    const target = getModuleContext(file, source);
    const exportName =
      def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier
        ? 'default'
        : def.node.imported.type === AST_NODE_TYPES.Identifier
          ? def.node.imported.name
          : String(def.node.imported.value);
    const exported = target && findExported(target, exportName);
    if (target && exported) collectMembers(target, exported, depth + 1, seen, visit);
    // `import methods from './a.js'; Object.assign(methods, more)`: merged into here as well
    collectAssignedMembers(file, variable, depth, seen, visit);
    return;
  }
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name) return;
  if (def.node.init) collectMembers(file, def.node.init, depth + 1, seen, visit);
  collectAssignedMembers(file, variable, depth, seen, visit);
}

/** `x.name = value` and `Object.assign(x, a, b)` at module level. */
function collectAssignedMembers(file: FileContext, variable: Variable, depth: number, seen: Set<object>, visit: Visit): void {
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === identifier &&
      parent.parent.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.parent.left === parent
    ) {
      const name = getStaticMemberName(parent);
      if (name !== null) visit(name, parent.parent.right, file);
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier) {
      const callee = unwrapExpression(parent.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Object' &&
        getStaticMemberName(callee) === 'assign'
      ) {
        for (const source of parent.arguments.slice(1)) {
          if (source.type !== AST_NODE_TYPES.SpreadElement) collectMembers(file, source, depth + 1, seen, visit);
        }
      }
    }
  }
}

/** The expression a module exports under `name` (default or named, ESM or CommonJS). */
function findExported(file: FileContext, name: string): Node | null {
  for (const statement of file.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === 'default') return statement.declaration;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) return declarator.id;
        }
      }
      if (!statement.source) {
        for (const specifier of statement.specifiers) {
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
          if (exported === name && specifier.local.type === AST_NODE_TYPES.Identifier) return specifier.local;
        }
      }
    }
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const { left, right } = statement.expression;
      if (
        name === 'default' &&
        left.type === AST_NODE_TYPES.MemberExpression &&
        left.object.type === AST_NODE_TYPES.Identifier &&
        left.object.name === 'module' &&
        getStaticMemberName(left) === 'exports'
      ) {
        return right;
      }
    }
  }
  return null;
}
