import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticPropertyKey, unwrapExpression } from '../analysis/core/ast.js';
import type { FileContext } from '../analysis/core/file-context.js';
import { findProperty, type MemoizerUse, type WeakKeysSpec } from '../analysis/memoizers/memoizers.js';

/** Either the edits that make a memoizer hold its keys weakly, or why that cannot be done. */
export type WeakKeysRewrite =
  | { readonly ok: true; readonly fix: TSESLint.ReportFixFunction; readonly description: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Rewrites one memoizer creation so that its cache holds keys weakly, as the library's table entry
 * says it can (`weakKeys`):
 * - `cache-option`: `memoize(fn)` → `memoize(fn, { cache: new WeakMap() })` (added to a literal
 *   options object, or replacing a `cache: new Map()` there);
 * - `cache-property`: `memoize(fn)` → `Object.assign(memoize(fn), { cache: new WeakMap() })`; the
 *   property is replaced before the first call, and lodash reads it on every call;
 * - `variant`: the import of the memoizer → the weak export (`memoizee` → `memoizee/weak`).
 * Whether every key is an object is the caller's business.
 */
export function rewriteToWeakKeys(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: FileContext,
  use: MemoizerUse,
  weak: WeakKeysSpec,
  typescript: boolean,
): WeakKeysRewrite {
  const call = use.node as TSESTree.CallExpression;
  if (!file.isGlobalReference(call, 'WeakMap') && weak.kind !== 'variant') {
    return { ok: false, reason: '`WeakMap` is shadowed in this file' };
  }
  switch (weak.kind) {
    case 'cache-option':
      return cacheOption(use, call, weak.option);
    case 'cache-property': {
      if (!file.isGlobalReference(call, 'Object')) return { ok: false, reason: '`Object` is shadowed in this file' };
      const text = sourceCode.getText(call);
      return {
        ok: true,
        description: `\`Object.assign(…, { ${weak.property}: new WeakMap() })\``,
        fix: (fixer) => fixer.replaceText(call, `Object.assign(${text}, { ${weak.property}: new WeakMap() })`),
      };
    }
    case 'variant':
      if (weak.untyped && typescript) {
        return { ok: false, reason: `\`${weak.source}\` has no type declarations, so importing it would not type-check` };
      }
      return variant(sourceCode, file, use, weak);
  }
}

function cacheOption(
  use: MemoizerUse,
  call: TSESTree.CallExpression,
  option: string,
): WeakKeysRewrite {
  const property = `${option}: new WeakMap()`;
  const description = `\`{ ${property} }\``;
  const index = use.spec.optionsArgument;
  if (index === null || call.callee !== use.callee) return { ok: false, reason: 'it takes no options object here' };
  const { options } = use;
  if (options) {
    const existing = findProperty(options, option);
    if (existing) {
      const value = unwrapExpression(existing.value);
      const isNewMap =
        value.type === AST_NODE_TYPES.NewExpression &&
        value.callee.type === AST_NODE_TYPES.Identifier &&
        value.callee.name === 'Map' &&
        value.arguments.length === 0;
      if (!isNewMap) return { ok: false, reason: `it already has a \`${option}\` option` };
      return { ok: true, description, fix: (fixer) => fixer.replaceText(existing.value, 'new WeakMap()') };
    }
    if (options.properties.some((item) => item.type === AST_NODE_TYPES.SpreadElement)) {
      return { ok: false, reason: 'its options object spreads another object' };
    }
    const last = options.properties.at(-1);
    if (!last) return { ok: true, description, fix: (fixer) => fixer.replaceText(options, `{ ${property} }`) };
    return { ok: true, description, fix: (fixer) => fixer.insertTextAfter(last, `, ${property}`) };
  }
  if (call.arguments.length > index) return { ok: false, reason: 'its options are not an object literal' };
  const previous = call.arguments[index - 1];
  if (call.arguments.length !== index || !previous || previous.type === AST_NODE_TYPES.SpreadElement) {
    return { ok: false, reason: 'its arguments are not written out' };
  }
  return { ok: true, description, fix: (fixer) => fixer.insertTextAfter(previous, `, { ${property} }`) };
}

/** Switches the memoizer's import to the weak export: in place when nothing else uses it, else a new import. */
function variant(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: FileContext,
  use: MemoizerUse,
  weak: Extract<WeakKeysSpec, { kind: 'variant' }>,
): WeakKeysRewrite {
  const description = `\`${weak.source}\``;
  if (weak.path.length > 0) return { ok: false, reason: `\`${weak.source}\` is not a default export` };
  const unknownOption = use.options?.properties.find(
    (property) =>
      property.type !== AST_NODE_TYPES.Property ||
      !weak.options.includes(getStaticPropertyKey(property.key, property.computed) ?? ''),
  );
  if (unknownOption) {
    return { ok: false, reason: `\`${sourceCode.getText(unknownOption)}\` does not keep its meaning in \`${weak.source}\`` };
  }
  const call = use.node as TSESTree.CallExpression;
  const optionsArgument = use.spec.optionsArgument;
  if (optionsArgument !== null && call.arguments.length > optionsArgument && !use.options) {
    return { ok: false, reason: 'its options are not an object literal' };
  }
  const callee = unwrapExpression(use.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return { ok: false, reason: 'it is not called through a plain imported name' };
  const variable = file.findVariable(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return { ok: false, reason: 'its import is not visible' };
  const declaration = importDeclarationOf(def.node);
  if (!declaration) return { ok: false, reason: 'it is not imported by a plain default import or `require()`' };
  const onlyUse = variable.references.filter((reference) => !reference.init).length === 1 && declaration.single;
  const quote = declaration.literal.raw.startsWith("'") ? "'" : '"';
  // Node's ESM loader resolves a deep path of a package without an `exports` map only with its
  // extension (`memoizee/weak.js`); `require()` and bundlers accept both.
  const isDeepPath = /^(?:@[^/]+\/)?[^/]+\/.+/.test(weak.source) && !/\.[cm]?js$/.test(weak.source);
  const source =
    declaration.statement.type === AST_NODE_TYPES.ImportDeclaration && isDeepPath ? `${weak.source}.js` : weak.source;
  const sourceText = `${quote}${source}${quote}`;
  if (onlyUse) return { ok: true, description, fix: (fixer) => fixer.replaceText(declaration.literal, sourceText) };
  let name = weak.localName;
  for (let suffix = 2; file.findVariableByName(call, name) || file.findVariableByName(file.program, name); suffix += 1) {
    name = `${weak.localName}${suffix}`;
  }
  const statement =
    declaration.statement.type === AST_NODE_TYPES.ImportDeclaration
      ? `import ${name} from ${sourceText};`
      : `const ${name} = require(${sourceText});`;
  return {
    ok: true,
    description,
    fix: (fixer) => [
      fixer.insertTextAfter(declaration.statement, `\n${statement}`),
      fixer.replaceText(use.callee, name),
    ],
  };
}

interface ImportOfName {
  readonly statement: TSESTree.ImportDeclaration | TSESTree.VariableDeclaration;
  readonly literal: TSESTree.StringLiteral;
  /** The statement declares only this name. */
  readonly single: boolean;
}

/** `import m from 'x'` or a module-level `const m = require('x')`. */
function importDeclarationOf(node: TSESTree.Node): ImportOfName | null {
  if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    const statement = node.parent;
    return { statement, literal: statement.source, single: statement.specifiers.length === 1 };
  }
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
    const init = node.init;
    const statement = node.parent;
    const [argument] = init.type === AST_NODE_TYPES.CallExpression ? init.arguments : [];
    if (
      init.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === 'require' &&
      argument?.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string' &&
      statement.parent.type === AST_NODE_TYPES.Program
    ) {
      return { statement, literal: argument as TSESTree.StringLiteral, single: statement.declarations.length === 1 };
    }
  }
  return null;
}
