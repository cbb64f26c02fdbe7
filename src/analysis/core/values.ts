import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './ast.js';
import type { FileContext } from './file-context.js';
import { getInstanceOf } from '../lifetimes/instance.js';
import { getTypeObjectness, getTypeServices } from '../resolve/types.js';


/** What is statically known of a value: always an object, never one, or unknown. */
export type ValueKind = 'object' | 'primitive' | 'unknown';

/**
 * Syntactic objectness of an expression, used to decide whether a weak container would accept it
 * as a key (`WeakMap#set` throws on primitives). Type information can refine `unknown` later.
 */
export function getValueKind(file: FileContext, node: TSESTree.Node, depth = 0): ValueKind {
  const syntactic = getSyntacticValueKind(file, node, depth);
  // Type information, when present, only refines what the syntax leaves open.
  if (syntactic !== 'unknown') return syntactic;
  const types = getTypeServices(file);
  return types ? getTypeObjectness(types, types.services.getTypeAtLocation(node)) : 'unknown';
}

/** What the syntax alone says of a node, without resolving names: literals and operators are primitives. */
export function getSyntacticKind(node: TSESTree.Node): ValueKind {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return 'primitive';
    default:
      return 'unknown';
  }
}

function getSyntacticValueKind(file: FileContext, node: TSESTree.Node, depth: number): ValueKind {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.NewExpression:
      return 'object';
    case AST_NODE_TYPES.ThisExpression:
      return getInstanceOf(file, expression) ? 'object' : 'unknown';
    case AST_NODE_TYPES.Literal:
      return 'regex' in expression && expression.regex ? 'object' : 'primitive';
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.UpdateExpression:
      return 'primitive';
    case AST_NODE_TYPES.UnaryExpression:
      return 'primitive'; // typeof, !, -, +, ~, void, delete
    case AST_NODE_TYPES.BinaryExpression:
      return 'primitive'; // arithmetic, comparison, `in`, `instanceof`
    case AST_NODE_TYPES.Identifier: {
      if (getInstanceOf(file, expression)) return 'object';
      if (depth > 2) return 'unknown';
      const variable = file.findVariable(expression);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'FunctionName' || def?.type === 'ClassName') return 'object';
      if (
        def?.type === 'Variable' &&
        def.node.type === AST_NODE_TYPES.VariableDeclarator &&
        def.node.id === def.name &&
        def.node.init &&
        def.node.parent.kind === 'const'
      ) {
        return getSyntacticValueKind(file, def.node.init, depth + 1);
      }
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}
