import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { unwrapExpression } from '../core/ast.js';
import { getCompiledDecoration } from '../core/compiled-decorators.js';
import type { FileContext } from '../core/file-context.js';
import { walk, type FunctionNode } from '../core/traverse.js';
import { findPackageFiles } from '../resolve/project-scan.js';
import { getModuleContextAt } from '../resolve/project-modules.js';
import { resolveDefinition, type CustomMemoizer } from './custom-memoizer.js';

type Node = TSESTree.Node;

/** Where a decorator is applied: to how many instance members, and to how many static ones. */
export interface DecoratorUses {
  readonly instance: number;
  readonly static: number;
}

/**
 * Where the package applies the decorator `memoizer` (defined in `file`): in this file, and in every
 * other source file of the package that names this module and applies a decorator (written `@d`, or
 * compiled `__decorate([d], Foo, 'm', null)`). `null` when that cannot be known (no package, or one
 * too big to scan). A decorator applied only to static members shares its cache between calls on a
 * class, not between instances: `this` is the class, which lives as long as the program anyway.
 *
 * Asked only for a finding about to be reported at a definition: it reads the package's files.
 */
export function getDecoratorUses(file: FileContext, memoizer: CustomMemoizer): DecoratorUses | null {
  if (!file.filename || memoizer.form === 'wrapper') return null;
  const definition = memoizer.definition;
  const own = { instance: 0, static: 0 };
  countUses(file, (fn) => fn === definition, own);
  const stem = moduleStem(file.filename);
  const others = findPackageFiles(file.filename, `decorator-uses:${stem}`, (text) => text.includes(stem) && APPLIES_DECORATOR.test(text));
  if (!others) return null;
  const isOurs = (fn: FunctionNode, of: FileContext): boolean => of.filename === file.filename && fn.range[0] === definition.range[0];
  for (const other of others) {
    const context = getModuleContextAt(file, other);
    if (context) countUses(context, (fn, of) => isOurs(fn, of), own);
  }
  return own;
}

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
  into: { instance: number; static: number },
): void {
  const consider = (expression: Node, isStatic: boolean): void => {
    const applied = unwrapExpression(expression);
    const callee = applied.type === AST_NODE_TYPES.CallExpression ? applied.callee : applied;
    const found = resolveDefinition(context, callee);
    if (found && isOurs(found.fn, found.file)) into[isStatic ? 'static' : 'instance']++;
  };
  walk(context, context.sourceCode.ast, (node) => {
    if (node.type === AST_NODE_TYPES.Decorator) {
      const member = node.parent;
      if (
        member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty
      ) {
        consider(node.expression, member.static);
      }
      return false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length >= 4) {
      const decoration = getCompiledDecoration(context, node);
      if (decoration) for (const element of decoration.decorators) consider(element, decoration.static);
    }
    return true;
  });
}
