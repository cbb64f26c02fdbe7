import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from './file-context.js';
import { getImportOrigin, type ImportOrigin } from './imports.js';
import { getProjectFileContext, resolveProjectModule } from './project-files.js';
import { getTypeServices } from './types.js';

/** How many re-export hops are followed (`a` re-exports `b` re-exports `lodash`). */
const MAX_HOPS = 5;

/**
 * Typed mode only: where an export of a project module really comes from. For
 * `import { memoize } from './util'` with `export { memoize } from 'lodash'` (or
 * `import _ from 'lodash'; export const memoize = _.memoize`) in util.ts, the origin of
 * `memoize` is `lodash` `['memoize']`, and the library tables recognise it.
 */
export function followProjectExport(
  file: FileContext,
  specifier: TSESTree.StringLiteral,
  exportName: string,
  hops = 0,
): ImportOrigin | null {
  if (hops >= MAX_HOPS || !isRelative(specifier.value)) return null;
  const types = getTypeServices(file);
  if (!types) return null;
  const sourceFile = resolveProjectModule(types, file, specifier);
  const target = sourceFile && getProjectFileContext(types, sourceFile);
  if (!target) return null;
  const known = target.cached('projectExports', target.program, () => new Map<string, ImportOrigin | null>());
  if (!known.has(exportName)) known.set(exportName, findExportOrigin(target, exportName, hops + 1));
  return known.get(exportName) ?? null;
}

/** Finds `exportName` among a module's exports and returns the origin of its value. */
export function findExportOrigin(file: FileContext, exportName: string, hops: number): ImportOrigin | null {
  const viaStar: TSESTree.ExportAllDeclaration[] = [];
  for (const statement of file.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) {
      viaStar.push(statement);
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && exportName === 'default') {
      return originOf(file, statement.declaration);
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === exportName && declarator.init) {
          return originOf(file, declarator.init);
        }
      }
    }
    for (const specifier of statement.specifiers) {
      if (nameOf(specifier.exported) !== exportName) continue;
      const local = nameOf(specifier.local);
      if (statement.source) {
        return isRelative(statement.source.value)
          ? followProjectExport(file, statement.source, local, hops)
          : { source: statement.source.value, path: local === 'default' ? [] : [local] };
      }
      return specifier.local.type === AST_NODE_TYPES.Identifier ? originOf(file, specifier.local) : null;
    }
  }
  for (const star of viaStar) {
    const origin = isRelative(star.source.value)
      ? followProjectExport(file, star.source, exportName, hops)
      : { source: star.source.value, path: [exportName] };
    if (origin) return origin;
  }
  return null;
}

function originOf(file: FileContext, node: TSESTree.Node): ImportOrigin | null {
  return getImportOrigin(file, node);
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}
