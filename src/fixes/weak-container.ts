import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StrongContainer } from '../analysis/lifetimes/containers.js';
import type { LongLivedBinding } from '../analysis/lifetimes/long-lived.js';

/** Either the edits that turn a strong container into its weak counterpart, or why that cannot be done. */
export type WeakContainerRewrite =
  | { readonly ok: true; readonly fix: TSESLint.ReportFixFunction }
  | { readonly ok: false; readonly reason: string };

const PRIMITIVE_KEY_TYPES = new Set<string>([
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSSymbolKeyword, // non-registered symbols are allowed, but not every `symbol`
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSUnknownKeyword,
  AST_NODE_TYPES.TSNeverKeyword,
  AST_NODE_TYPES.TSVoidKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSTemplateLiteralType,
]);

/**
 * Rewrites `new Map<K, V>()` to `new WeakMap<K, V>()` (Set → WeakSet; an LRU cache → WeakMap without
 * its options), together with a `Map<K, V>` annotation on the declaration. Refuses when the creation
 * has initial entries, is wrapped in a type assertion, or when a type would no longer check.
 */
export function rewriteToWeakContainer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  binding: LongLivedBinding,
  container: StrongContainer,
): WeakContainerRewrite {
  const { creation, kind } = container;
  if (container.subclass) {
    return { ok: false, reason: `it is created through \`${container.subclass}\`, not the ${kind.display} class itself` };
  }
  if (binding.init !== creation) return { ok: false, reason: 'its initializer is wrapped in a type assertion' };
  if (creation.callee.type !== AST_NODE_TYPES.Identifier && creation.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return { ok: false, reason: 'its constructor is computed' };
  }
  const keepsArguments = !kind.bounded;
  if (keepsArguments && creation.arguments.length > 0) {
    return { ok: false, reason: 'it is created with initial entries' };
  }
  const typeArguments = creation.typeArguments?.params ?? [];
  const annotation = binding.typeAnnotation;
  let annotationArguments: readonly TSESTree.TypeNode[] = [];
  if (annotation) {
    if (
      annotation.type !== AST_NODE_TYPES.TSTypeReference ||
      sourceCode.getText(annotation.typeName) !== sourceCode.getText(creation.callee)
    ) {
      return { ok: false, reason: `its declared type \`${sourceCode.getText(annotation)}\` is not the ${kind.display} class` };
    }
    annotationArguments = annotation.typeArguments?.params ?? [];
  }
  const keyType = typeArguments[0] ?? annotationArguments[0];
  if (keyType && PRIMITIVE_KEY_TYPES.has(keyType.type)) {
    return { ok: false, reason: `its key type \`${sourceCode.getText(keyType)}\` is not an object type` };
  }
  const arity = kind.weak === 'WeakSet' ? 1 : 2;
  const typeText = (params: readonly TSESTree.TypeNode[]): string =>
    params.length === 0 ? '' : `<${params.slice(0, arity).map((param) => sourceCode.getText(param)).join(', ')}>`;

  return {
    ok: true,
    fix: (fixer) => {
      const fixes: TSESLint.RuleFix[] = [];
      if (keepsArguments) {
        fixes.push(fixer.replaceText(creation.callee, kind.weak));
      } else {
        fixes.push(fixer.replaceText(creation, `new ${kind.weak}${typeText(typeArguments)}()`));
      }
      if (annotation) fixes.push(fixer.replaceText(annotation, `${kind.weak}${typeText(annotationArguments)}`));
      return fixes;
    },
  };
}
