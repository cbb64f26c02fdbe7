import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { getImportOrigin } from '../resolve/imports.js';
import { getTypeServices } from '../resolve/types.js';
import { followProjectTypeDeclaration } from '../resolve/project-exports.js';
import { getJsdocDeclaredType, getJsdocParameterType, type JsdocType, type WrittenJsdocType } from './jsdoc-types.js';
import type { LongLivedBinding } from './long-lived.js';
import { isNodeBuiltinClass } from './node-builtin-classes.js';

type Node = TSESTree.Node;

/**
 * Without type information: is a container key declared to be an object? The evidence is what the
 * code writes: a guard only objects pass (`key instanceof Element`, `typeof key === 'object'`), the
 * key's own type (`function track(el: HTMLElement)`, `@param {HTMLElement} el`), or the container's
 * key type (`new Map<Element, Style>()`, `static seen: Set<Node>`, `/** @const {!Map<!Node, V>} *\/`).
 * A declared type is an object when it is a DOM type, `object`, a function or object-literal type, a
 * class, interface or alias of objects declared in this file or in a project module it imports
 * (resolved without types), or a class of a Node.js built-in module (`http.Agent`). Other imported
 * names may be aliases of strings: they are not evidence.
 *
 * The container's key type is read where the container is declared: for a container imported from
 * another module, in that module. Returns the type's text for messages, or `null` when nothing
 * written says the key is an object.
 */
export function getDeclaredObjectKeyType(file: FileContext, binding: LongLivedBinding, key: Node): string | null {
  const guard = guardedObjectType(file, key);
  if (guard) return guard;
  const own = getWrittenKeyType(file, key);
  if (own) return own.isObject ? own.text : null;
  const home = binding.imported?.file ?? file;
  const keyType = containerKeyType(home, binding);
  return keyType?.isObject ? keyType.text : null;
}

/** A written type and whether it denotes objects only. */
interface WrittenType {
  readonly text: string;
  readonly isObject: boolean;
}

/** The key's own written type: the TypeScript annotation of its parameter or variable, else its JSDoc type. */
function getWrittenKeyType(file: FileContext, key: Node): WrittenType | null {
  const annotation = getDeclaredType(file, key);
  if (annotation) return { text: file.sourceCode.getText(constraintOf(file, annotation) ?? annotation), isObject: isObjectType(file, annotation) };
  const expression = unwrapExpression(key);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  let jsdoc: WrittenJsdocType | null = null;
  if (def.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier) jsdoc = getJsdocParameterType(file, def.name as TSESTree.Identifier);
  else if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name) jsdoc = getJsdocDeclaredType(file, def.node);
  return jsdoc && judgeJsdoc(file, def.node, jsdoc);
}

/** `T` naming a type parameter `<T extends X>`: `X`, which messages name instead. */
function constraintOf(file: FileContext, type: TSESTree.TypeNode): TSESTree.TypeNode | null {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
  const def = file.findVariableByName(type, type.typeName.name)?.defs[0];
  return def?.node.type === AST_NODE_TYPES.TSTypeParameter ? (def.node.constraint ?? null) : null;
}

function judgeJsdoc(file: FileContext, at: Node, jsdoc: WrittenJsdocType): WrittenType {
  return { text: jsdoc.text.replace(/^!/, ''), isObject: isObjectJsdoc(file, at, jsdoc.type, 0) };
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

/**
 * `Map<K, V>` / `Set<K>` written on the binding, on its `new` expression or in its JSDoc
 * (`@type {Map<K, V>}`, Closure's `@const {!Map<K, V>}`): `K`, judged in `home`, the file that declares it.
 */
function containerKeyType(home: FileContext, binding: LongLivedBinding): WrittenType | null {
  const annotation = binding.typeAnnotation;
  const init = binding.init && unwrapExpression(binding.init);
  const written =
    annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeArguments?.params[0]
      ? annotation.typeArguments.params[0]
      : init?.type === AST_NODE_TYPES.NewExpression && init.typeArguments?.params[0]
        ? init.typeArguments.params[0]
        : null;
  if (written) return { text: home.sourceCode.getText(written), isObject: isObjectType(home, written) };
  if (annotation) return null;
  const jsdoc = getJsdocDeclaredType(home, binding.declaration);
  const type = jsdoc?.type;
  const keyType = type?.kind === 'name' ? type.args[0] : undefined;
  if (!jsdoc || !keyType) return null;
  const text = /<\s*([^,>]+)/.exec(jsdoc.text)?.[1]?.trim() ?? jsdoc.text;
  return judgeJsdoc(home, binding.declaration, { text, type: keyType });
}

const DOM_TYPES = /^(?:(?:HTML|SVG|MathML)\w*Element|Element|Node|Text|Document|DocumentFragment|ShadowRoot|Window|EventTarget|Event|\w+Event|WeakKey)$/;

/** How many aliases and imports are followed to decide a written type. */
const MAX_DEPTH = 4;

function isObjectType(file: FileContext, type: TSESTree.TypeNode, depth = 0): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSObjectKeyword:
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSConstructorType:
      return true;
    case AST_NODE_TYPES.TSUnionType: {
      // `Element | null`, `root?: Element`: the objects it holds are the ones that stay
      const members = type.types.filter((member) => member.type !== AST_NODE_TYPES.TSNullKeyword && member.type !== AST_NODE_TYPES.TSUndefinedKeyword);
      return members.length > 0 && members.every((member) => isObjectType(file, member, depth));
    }
    case AST_NODE_TYPES.TSIntersectionType:
      return type.types.every((member) => isObjectType(file, member, depth));
    case AST_NODE_TYPES.TSTypeReference: {
      const path = qualifiedPath(type.typeName);
      return path !== null && isObjectName(file, type, path, depth);
    }
    default:
      return false;
  }
}

/** `Foo` → ['Foo'], `http.Agent` → ['http', 'Agent']; `this` and other forms → `null`. */
function qualifiedPath(name: TSESTree.EntityName): string[] | null {
  if (name.type === AST_NODE_TYPES.Identifier) return [name.name];
  if (name.type !== AST_NODE_TYPES.TSQualifiedName) return null;
  const left = qualifiedPath(name.left);
  return left && [...left, name.right.name];
}

function isObjectJsdoc(file: FileContext, at: Node, type: JsdocType, depth: number): boolean {
  switch (type.kind) {
    case 'object':
      return true;
    case 'union':
      return type.members.every((member) => isObjectJsdoc(file, at, member, depth));
    case 'name':
      return isObjectName(file, at, type.path, depth);
    default:
      return false;
  }
}

/**
 * Does a type name written at `at` (`HTMLElement`, `Shape`, `http.Agent`, `Ids.Key`) denote objects?
 * A global DOM type; a class or interface (a type alias: its definition) declared in this file or in
 * an imported project module; a class of a Node.js built-in module.
 */
function isObjectName(file: FileContext, at: Node, path: readonly string[], depth: number): boolean {
  const [head, ...rest] = path;
  if (head === undefined || depth > MAX_DEPTH) return false;
  if (file.isGlobalReference(at, head)) return rest.length === 0 && DOM_TYPES.test(head);
  const variable = file.findVariableByName(at, head);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  const node = def.node;
  if (rest.length === 0) {
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression || node.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
      return true;
    }
    if (node.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return isObjectType(file, node.typeAnnotation, depth + 1);
    // `<T extends http.Agent>`: every T satisfies its constraint.
    if (node.type === AST_NODE_TYPES.TSTypeParameter) return node.constraint !== undefined && isObjectType(file, node.constraint, depth + 1);
  }
  if (def.type !== 'ImportBinding' && node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  const origin = getImportOrigin(file, def.name);
  if (!origin) return false;
  const full = [...origin.path, ...rest];
  if (isNodeBuiltinClass(origin.source, full)) return true;
  // Without types, a type imported from a project module: its declaration there decides. (With types,
  // `checkObjectKeys` asks the checker instead.)
  if (getTypeServices(file)) return false;
  const source = importSource(node);
  if (!source || source.value !== origin.source || full.length > 1) return false;
  const declaration = followProjectTypeDeclaration(file, source, full[0] ?? 'default');
  if (!declaration) return false;
  if (declaration.node.type !== AST_NODE_TYPES.TSTypeAliasDeclaration) return true;
  return isObjectType(declaration.file, declaration.node.typeAnnotation, depth + 1);
}

/** The module specifier of an import declaration's binding, or of `const x = require('…')`. */
function importSource(node: Node): TSESTree.StringLiteral | null {
  if (
    node.type === AST_NODE_TYPES.ImportSpecifier ||
    node.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
    node.type === AST_NODE_TYPES.ImportNamespaceSpecifier
  ) {
    return node.parent.source;
  }
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init?.type === AST_NODE_TYPES.CallExpression) {
    const [argument] = node.init.arguments;
    return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? (argument as TSESTree.StringLiteral) : null;
  }
  return null;
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
