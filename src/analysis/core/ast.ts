import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** Strips TypeScript-only wrappers and optional-chain wrappers that do not change the runtime value. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** `(0, m.memoize)`: the call-without-`this` form compilers emit for imported functions → `m.memoize`. */
export function unwrapIndirectCall(node: Node): Node {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.SequenceExpression || expression.expressions.length !== 2) return expression;
  const [first, second] = expression.expressions;
  return first?.type === AST_NODE_TYPES.Literal && second ? unwrapExpression(second) : expression;
}

/** The node whose parent decides what happens to the value of `node` (skips TS wrappers). */
export function outermostWrapper(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      current.parent.type === AST_NODE_TYPES.ChainExpression) &&
    'expression' in current.parent &&
    current.parent.expression === current
  ) {
    current = current.parent;
  }
  return current;
}

/** `a.b`, `a['b']`, `a.#b` → `b` / `#b`; `null` when the name is computed at run time. */
export function getStaticMemberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `#${node.property.name}`
      : (node.property as TSESTree.Identifier).name;
  }
  return getStaticKeyValue(node.property);
}

/** The static name of a property/method key: identifiers, `#private`, string and number literals. */
export function getStaticPropertyKey(
  key: TSESTree.Expression | TSESTree.PrivateIdentifier,
  computed: boolean,
): string | null {
  if (!computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  }
  return getStaticKeyValue(key);
}

function getStaticKeyValue(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal && (typeof node.value === 'string' || typeof node.value === 'number')) {
    return String(node.value);
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

export function isFunctionNode(
  node: Node,
): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** `X.prototype` → the identifier `X`; anything else → null. */
export function getPrototypeOwner(node: Node): TSESTree.Identifier | null {
  const target = unwrapExpression(node);
  if (
    target.type === AST_NODE_TYPES.MemberExpression &&
    getStaticMemberName(target) === 'prototype' &&
    target.object.type === AST_NODE_TYPES.Identifier
  ) {
    return target.object;
  }
  return null;
}

/** `Object.assign(…)`, `Object.create(…)` and friends, by their static member name. */
export function getObjectMethodCall(node: Node): string | null {
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object'
  ) {
    return getStaticMemberName(node.callee);
  }
  return null;
}

/** The 1-based line of a node, for messages that point elsewhere in the file. */
export function lineOf(node: Node): number {
  return node.loc.start.line;
}
