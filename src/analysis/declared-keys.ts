import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';
import type { LongLivedBinding } from './long-lived.js';

type Node = TSESTree.Node;

/**
 * Without type information: is a container key declared to be an object? The evidence is what the
 * code writes: the key's own annotation (`function track(el: HTMLElement)`), or the container's key
 * type (`new Map<Element, Style>()`, `static seen: Set<Node>`). A declared type is an object when it
 * is a DOM type, `object`, a function or object-literal type, or a class declared in this file.
 * Type names imported from elsewhere may be aliases of strings: they are not evidence.
 *
 * Returns the type's text for messages, or `null` when nothing written says the key is an object.
 */
export function getDeclaredObjectKeyType(file: FileContext, binding: LongLivedBinding, key: Node): string | null {
  const own = declaredTypeOf(file, key);
  if (own) return isObjectType(file, own) ? file.sourceCode.getText(own) : null;
  const keyType = containerKeyType(binding);
  return keyType && isObjectType(file, keyType) ? file.sourceCode.getText(keyType) : null;
}

/** The annotation of the parameter or variable an identifier key names. */
function declaredTypeOf(file: FileContext, key: Node): TSESTree.TypeNode | null {
  const expression = unwrapExpression(key);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const name = def?.name as TSESTree.Identifier | undefined;
  return name?.typeAnnotation?.typeAnnotation ?? null;
}

/** `Map<K, V>` / `Set<K>` written on the binding or on its `new` expression: `K`. */
function containerKeyType(binding: LongLivedBinding): TSESTree.TypeNode | null {
  const annotation = binding.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeArguments?.params[0]) {
    return annotation.typeArguments.params[0];
  }
  const init = binding.init && unwrapExpression(binding.init);
  if (init?.type === AST_NODE_TYPES.NewExpression && init.typeArguments?.params[0]) return init.typeArguments.params[0];
  return null;
}

const DOM_TYPES = /^(?:(?:HTML|SVG|MathML)\w*Element|Element|Node|Text|Document|DocumentFragment|ShadowRoot|Window|EventTarget|Event|\w+Event|WeakKey)$/;

function isObjectType(file: FileContext, type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSObjectKeyword:
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSConstructorType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
    case AST_NODE_TYPES.TSIntersectionType:
      return type.types.every((member) => isObjectType(file, member));
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      const name = type.typeName.name;
      if (DOM_TYPES.test(name)) return file.isGlobalReference(type, name);
      return isLocalClass(file, name);
    }
    default:
      return false;
  }
}

/** A class declared at module level of this file (its name, as a type, denotes its instances). */
function isLocalClass(file: FileContext, name: string): boolean {
  return file.cached('localClassNames', file.program, () => {
    const names = new Set<string>();
    for (const statement of file.program.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
          ? statement.declaration
          : statement;
      if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) names.add(declaration.id.name);
    }
    return names;
  }).has(name);
}
