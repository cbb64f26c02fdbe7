import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { unwrapExpression } from '../core/ast.js';
import { getCompiledDecoration } from '../core/compiled-decorators.js';
import type { FileContext } from '../core/file-context.js';
import { walk, type FunctionNode } from '../core/traverse.js';
import { findPackageFiles } from '../resolve/project-scan.js';
import { hasOwnThis, usesOwnThisOrSuper } from '../lifetimes/this-usage.js';
import { getModuleContextAt } from '../resolve/project-modules.js';
import { resolveDefinition, type CustomMemoizer } from './custom-memoizer.js';

type Node = TSESTree.Node;

/**
 * Where a decorator is applied: to how many instance members, how many of those are methods whose
 * body never reads their `this` (nor `super`), and to how many static members.
 */
export interface DecoratorUses {
  readonly instance: number;
  readonly thisFree: number;
  readonly static: number;
}

type Counts = { instance: number; thisFree: number; static: number };

/**
 * Where the package applies the decorator `memoizer` (defined in `file`): in this file, and in every
 * other source file of the package that names this module and applies a decorator (written `@d`, or
 * compiled `__decorate([d], Foo, 'm', null)`). `null` when that cannot be known (no package, or one
 * too big to scan). A decorator applied only to static members shares its cache between calls on a
 * class, not between instances: `this` is the class, which lives as long as the program anyway. A
 * method that never reads `this` returns the same for every instance: sharing its results is right.
 *
 * Uses in test files (`__tests__/`, `test/`, `*.spec.ts`, …) are not counted. Asked only for a finding
 * about to be reported at a definition: it reads the package's files.
 */
export function getDecoratorUses(file: FileContext, memoizer: CustomMemoizer): DecoratorUses | null {
  if (!file.filename || memoizer.form === 'wrapper') return null;
  const definition = memoizer.definition;
  const own: Counts = { instance: 0, thisFree: 0, static: 0 };
  countUses(file, (fn) => fn === definition, own);
  const stem = moduleStem(file.filename);
  const others = findPackageFiles(file.filename, `decorator-uses:${stem}`, (text) => text.includes(stem) && APPLIES_DECORATOR.test(text));
  if (!others) return null;
  const isOurs = (fn: FunctionNode, of: FileContext): boolean => of.filename === file.filename && fn.range[0] === definition.range[0];
  for (const other of others.files) {
    if (TEST_FILE.test(path.relative(others.root, other))) continue;
    const context = getModuleContextAt(file, other);
    if (context) countUses(context, (fn, of) => isOurs(fn, of), own);
  }
  return own;
}

/**
 * A package's own tests apply its decorators to toy methods: they say nothing about how the decorator
 * is used, so they are not counted.
 */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/u;

/** A decorator is applied: `@` before a name, or a compiler's decoration helper. */
const APPLIES_DECORATOR = /@[\p{L}_$]|__decorate|_applyDecoratedDescriptor/u;

/** The part of a module's path an import of it spells: `memoize` of `memoize.ts`, `utils` of `utils/index.js`. */
function moduleStem(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/u, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

function countUses(
  context: FileContext,
  isOurs: (fn: FunctionNode, of: FileContext) => boolean,
  into: Counts,
): void {
  const consider = (expression: Node, isStatic: boolean, method: Node | null): void => {
    const applied = unwrapExpression(expression);
    const callee = applied.type === AST_NODE_TYPES.CallExpression ? applied.callee : applied;
    const found = resolveDefinition(context, callee);
    if (!found || !isOurs(found.fn, found.file)) return;
    if (isStatic) into.static++;
    else {
      into.instance++;
      if (method && !readsInstance(context, method)) into.thisFree++;
    }
  };
  walk(context, context.sourceCode.ast, (node) => {
    if (node.type === AST_NODE_TYPES.Decorator) {
      const member = node.parent;
      if (
        member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty
      ) {
        consider(node.expression, member.static, member.type === AST_NODE_TYPES.MethodDefinition ? member.value : null);
      }
      return false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length >= 4) {
      const decoration = getCompiledDecoration(context, node);
      if (decoration) for (const element of decoration.decorators) consider(element, decoration.static, decoration.method);
    }
    return true;
  });
}

/** A method that reads its own `this`, or `super`; anything that is not a method's function counts as reading it. */
function readsInstance(context: FileContext, method: Node): boolean {
  return !hasOwnThis(method) || usesOwnThisOrSuper(context, method);
}
