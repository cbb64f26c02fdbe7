// Whether a function's parameter must be an object, from how its body uses it: a method call that no
// primitive has (`stats.toJson()`), an `in` test (`'x' in p` throws on primitives), or a written
// object type. A memoizer keyed by such a parameter keeps every object it was called with.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, isFunctionNode, unwrapExpression } from '../core/ast.js';
import type { FileContext } from '../core/file-context.js';
import { walk } from '../core/traverse.js';
import { getDeclaredObjectParamType } from './declared-keys.js';

type Node = TSESTree.Node;

/**
 * Members of the prototypes a primitive value reaches (string, number, boolean, symbol, bigint, and
 * `Object.prototype`): calling any other method on a primitive throws, so code that does so only works
 * with objects.
 */
export const PRIMITIVE_MEMBERS: ReadonlySet<string> = new Set([
  // Object.prototype
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  // String.prototype
  'anchor', 'at', 'big', 'blink', 'bold', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'fixed',
  'fontcolor', 'fontsize', 'includes', 'indexOf', 'isWellFormed', 'italics', 'lastIndexOf', 'link', 'localeCompare',
  'match', 'matchAll', 'normalize', 'padEnd', 'padStart', 'repeat', 'replace', 'replaceAll', 'search', 'slice',
  'small', 'split', 'startsWith', 'strike', 'sub', 'substr', 'substring', 'sup', 'toLocaleLowerCase',
  'toLocaleUpperCase', 'toLowerCase', 'toUpperCase', 'toWellFormed', 'trim', 'trimEnd', 'trimLeft', 'trimRight',
  'trimStart',
  // Number.prototype, BigInt.prototype, Symbol.prototype
  'toExponential', 'toFixed', 'toPrecision', 'description',
]);

const CONDITIONAL = new Set<string>([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** What shows that `fn`'s parameter at `index` is an object: its written type, or a use only objects allow. */
export function getObjectParamEvidence(file: FileContext, fn: Node, index: number): string | null {
  if (!isFunctionNode(fn)) return null;
  const param = fn.params[index];
  if (!param) return null;
  const written = getDeclaredObjectParamType(file, param);
  if (written) return written;
  if (param.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(param);
  if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  const uses = new Set(variable.references.map((reference) => reference.identifier));
  let evidence: string | null = null;
  // Only code that runs on every call: the statements before the first branch (an early `return` may
  // let primitives through), and not inside a branch, loop, `try`, optional chain or nested function.
  const roots: Node[] = [];
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of fn.body.body) {
      if (CONDITIONAL.has(statement.type) || statement.type === AST_NODE_TYPES.ReturnStatement) {
        if (statement.type === AST_NODE_TYPES.ReturnStatement) roots.push(statement);
        break;
      }
      roots.push(statement);
    }
  } else roots.push(fn.body);
  for (const root of roots) walk(file, root, (node) => {
    if (evidence) return false;
    if (isFunctionNode(node) || CONDITIONAL.has(node.type)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.optional &&
        uses.has(unwrapExpression(callee.object) as TSESTree.Identifier)
      ) {
        const method = getStaticMemberName(callee);
        if (method !== null && !PRIMITIVE_MEMBERS.has(method) && !/^\d/.test(method)) evidence = `an object (\`${param.name}.${method}()\`)`;
      }
    } else if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in' && uses.has(unwrapExpression(node.right) as TSESTree.Identifier)) {
      evidence = `an object (\`in ${param.name}\`)`;
    }
    return true;
  });
  return evidence;
}

/**
 * A key that is a parameter of the function inserting it, which that function uses as only objects
 * allow on every call (`getObjectParamEvidence`): `function track(el) { el.addEventListener(…); seen.add(el); }`.
 * Returns a type text for messages (`object, used as el.addEventListener()`), or `null`.
 */
export function getObjectKeyUse(file: FileContext, key: Node): string | null {
  const expression = unwrapExpression(key);
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const def = file.findVariable(expression)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return null;
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((param) => param === def.name);
  if (index < 0) return null;
  const evidence = getObjectParamEvidence(file, fn, index);
  const use = evidence?.match(/\(`(.*)`\)$/)?.[1];
  return use ? `object, used as ${use}` : null;
}
