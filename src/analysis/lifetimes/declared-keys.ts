import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import type { LongLivedBinding } from './long-lived.js';

type Node = TSESTree.Node;

/**
 * Without type information: is a container key declared to be an object? The evidence is what the
 * code writes: a guard only objects pass (`key instanceof Element`, `typeof key === 'object'`), the
 * key's own annotation (`function track(el: HTMLElement)`), or the container's key
 * type (`new Map<Element, Style>()`, `static seen: Set<Node>`). A declared type is an object when it
 * is a DOM type, `object`, a function or object-literal type, or a class declared in this file.
 * Type names imported from elsewhere may be aliases of strings: they are not evidence.
 *
 * Returns the type's text for messages, or `null` when nothing written says the key is an object.
 */
export function getDeclaredObjectKeyType(file: FileContext, binding: LongLivedBinding, key: Node): string | null {
  const guard = guardedObjectType(file, key);
  if (guard) return guard;
  const own = getDeclaredType(file, key);
  if (own) return isObjectType(file, own) ? file.sourceCode.getText(own) : null;
  const keyType = containerKeyType(binding);
  return keyType && isObjectType(file, keyType) ? file.sourceCode.getText(keyType) : null;
}

/**
 * A guard on the path to the key's use that only objects pass: `if (key instanceof Element)`,
 * `key instanceof Node && cache.set(key, …)`, `typeof key === 'object'`, or an early exit
 * `if (!(key instanceof Element)) return;` before it in the same block. Returns the type's text.
 */
function guardedObjectType(file: FileContext, key: Node): string | null {
  const expression = unwrapExpression(key);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const name = expression.name;
  let child: Node = expression;
  for (let node: Node | undefined = expression.parent; node; child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      break;
    }
    let test: Node | null = null;
    if (node.type === AST_NODE_TYPES.IfStatement && node.consequent === child) test = node.test;
    else if (node.type === AST_NODE_TYPES.ConditionalExpression && node.consequent === child) test = node.test;
    else if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&' && node.right === child) test = node.left;
    const implied = test && impliesObject(file, test, name, false);
    if (implied) return implied;
    if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program) {
      for (const statement of node.body) {
        if (statement === child) break;
        if (statement.type !== AST_NODE_TYPES.IfStatement || !exits(statement.consequent)) continue;
        const exitImplied = impliesObject(file, statement.test, name, true);
        if (exitImplied) return exitImplied;
      }
    }
  }
  return null;
}

/** Does `test` (or its negation, with `negated`) hold only when `name` is an object? */
function impliesObject(file: FileContext, test: Node, name: string, negated: boolean): string | null {
  const expression = unwrapExpression(test);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    return impliesObject(file, expression.argument, name, !negated);
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression) {
    // `a && b` (both hold) / `!(a || b)` (neither holds)
    if ((expression.operator === '&&' && !negated) || (expression.operator === '||' && negated)) {
      return impliesObject(file, expression.left, name, negated) ?? impliesObject(file, expression.right, name, negated);
    }
    return null;
  }
  if (expression.type !== AST_NODE_TYPES.BinaryExpression) return null;
  const isName = (node: Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  if (expression.operator === 'instanceof' && !negated && isName(expression.left)) {
    return file.sourceCode.getText(expression.right);
  }
  const equal = expression.operator === '===' || expression.operator === '==';
  const unequal = expression.operator === '!==' || expression.operator === '!=';
  if ((equal && !negated) || (unequal && negated)) {
    const [typeofSide, literal] =
      expression.left.type === AST_NODE_TYPES.UnaryExpression ? [expression.left, expression.right] : [expression.right, expression.left];
    if (
      typeofSide.type === AST_NODE_TYPES.UnaryExpression &&
      typeofSide.operator === 'typeof' &&
      isName(typeofSide.argument) &&
      literal.type === AST_NODE_TYPES.Literal &&
      (literal.value === 'object' || literal.value === 'function')
    ) {
      return String(literal.value);
    }
  }
  return null;
}

/** `return`, `throw`, `continue` or `break`, alone or as a block's last statement. */
function exits(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.ContinueStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement
  );
}

/** The annotation of the parameter or variable an identifier key names. */
export function getDeclaredType(file: FileContext, key: Node): TSESTree.TypeNode | null {
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

/**
 * Without type information: is a value (an argument, a parameter) written to be an object? The same
 * evidence as for a container key, without a container: a guard only objects pass, or the annotation
 * of the parameter or variable it names. Returns the type's text, or `null`.
 */
export function getDeclaredObjectValueType(file: FileContext, value: Node): string | null {
  const guard = guardedObjectType(file, value);
  if (guard) return guard;
  const own = getDeclaredType(file, value);
  return own && isObjectType(file, own) ? file.sourceCode.getText(own) : null;
}

/** A parameter's written type when it is an object type (`(el: HTMLElement) => …`); `null` otherwise. */
export function getDeclaredObjectParamType(file: FileContext, param: Node): string | null {
  const name = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const type = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  return type && isObjectType(file, type) ? file.sourceCode.getText(type) : null;
}
