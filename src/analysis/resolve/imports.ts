import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { followProjectExport } from './project-exports.js';

/**
 * Where a value comes from: the module specifier and the property path below the module's exports.
 *
 * ESM and CommonJS spellings of the same value normalise to the same origin, so library tables can
 * match one entry per export:
 * - `import m from 'lodash/memoize'`, `const m = require('lodash/memoize')` → `lodash/memoize` `[]`
 * - `import { memoize } from 'lodash'`, `const { memoize } = require('lodash')`,
 *   `import _ from 'lodash'; _.memoize`, `import * as _ from 'lodash'; _['memoize']`,
 *   `require('lodash').memoize` → `lodash` `['memoize']`
 */
export interface ImportOrigin {
  readonly source: string;
  readonly path: readonly string[];
}

/** The import origin of an identifier or member chain, or `null` if it is not (statically) imported. */
export function getImportOrigin(file: FileContext, node: TSESTree.Node): ImportOrigin | null {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return getIdentifierOrigin(file, expression);
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticMemberName(expression);
      if (name === null) return null;
      const base = getImportOrigin(file, expression.object);
      if (!base) return null;
      // `ns.default.x` (namespace import of a CommonJS module) is the same value as `ns.x`.
      if (name === 'default' && base.path.length === 0) return base;
      return { source: base.source, path: [...base.path, name] };
    }
    case AST_NODE_TYPES.CallExpression: {
      const source = getRequireSource(file, expression);
      return source === null ? null : { source, path: [] };
    }
    default:
      return null;
  }
}

/** `true` when `node` resolves to `path` of module `source`, e.g. `('lodash', ['memoize'])`. */
export function isImportedFrom(origin: ImportOrigin | null, source: string, path: readonly string[]): boolean {
  return (
    origin !== null &&
    origin.source === source &&
    origin.path.length === path.length &&
    origin.path.every((part, index) => part === path[index])
  );
}

function getIdentifierOrigin(file: FileContext, id: TSESTree.Identifier): ImportOrigin | null {
  const variable = file.findVariable(id);
  if (!variable || variable.defs.length !== 1) return null;
  return file.cached('importOrigin', variable, (): ImportOrigin | null => {
    const def = variable.defs[0]!;
    const node = def.node;
    switch (node.type) {
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return { source: String(node.parent.source.value), path: [] };
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return (
          followProjectExport(file, node.parent.source, 'default') ?? { source: String(node.parent.source.value), path: [] }
        );
      case AST_NODE_TYPES.ImportSpecifier: {
        const imported =
          node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
        const source = node.parent.source;
        if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return null;
        // Typed mode: a project module that re-exports a library export is that export.
        return (
          followProjectExport(file, source as TSESTree.StringLiteral, imported) ?? {
            source: source.value,
            path: imported === 'default' ? [] : [imported],
          }
        );
      }
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        return node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
          node.moduleReference.expression.type === AST_NODE_TYPES.Literal
          ? { source: String(node.moduleReference.expression.value), path: [] }
          : null;
      case AST_NODE_TYPES.VariableDeclarator:
        return getDeclaratorOrigin(file, node, def.name as TSESTree.Identifier);
      default:
        return null;
    }
  });
}

/** `const x = require('m')`, `const x = require('m').a`, `const { a: x } = require('m')`. */
function getDeclaratorOrigin(
  file: FileContext,
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Identifier,
): ImportOrigin | null {
  if (!declarator.init) return null;
  // Only a binding that is never reassigned keeps its origin.
  if (declarator.parent.kind !== 'const') {
    const variable = file.findVariable(name);
    if (variable?.references.some((reference) => reference.isWrite() && reference.identifier !== name)) return null;
  }
  const base = getImportOrigin(file, declarator.init);
  if (!base) return null;
  if (declarator.id === name) return base;
  // Destructuring: find the property path from the pattern root to `name`.
  const path = findPatternPath(declarator.id, name);
  return path ? { source: base.source, path: [...base.path, ...path] } : null;
}

function findPatternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | null {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key =
        !property.computed && property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : property.key.type === AST_NODE_TYPES.Literal
            ? String(property.key.value)
            : null;
      if (key === null) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      const rest = findPatternPath(value, target);
      if (rest) return [key, ...rest];
    }
  }
  return null;
}

/** `require('./m')` with the real `require` → its string literal; anything else → `null`. */
export function getRequireLiteral(file: FileContext, node: TSESTree.Node): TSESTree.StringLiteral | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || getRequireSource(file, node) === null) return null;
  return node.arguments[0] as TSESTree.StringLiteral;
}

/** `require('m')` with the real `require` → `'m'`. */
function getRequireSource(file: FileContext, call: TSESTree.CallExpression): string | null {
  const [argument] = call.arguments;
  if (
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments.length === 1 &&
    argument?.type === AST_NODE_TYPES.Literal &&
    typeof argument.value === 'string' &&
    file.isGlobalReference(call.callee, 'require')
  ) {
    return argument.value;
  }
  return null;
}
