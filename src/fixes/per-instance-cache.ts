import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { lineOf, unwrapExpression } from '../analysis/core/ast.js';
import type { CustomMemoizer, MemoizerCache } from '../analysis/memoizers/custom-memoizer.js';

/** Either the edits that give each instance its own cache, or why the analysis will not offer them. */
export type PerInstanceRewrite =
  | {
      readonly ok: true;
      /** `weak-container`: the shared container keyed by `this` becomes its weak counterpart; `per-instance-map`: a WeakMap from instance to a copy of the container. */
      readonly kind: 'weak-container' | 'per-instance-map';
      readonly fix: TSESLint.ReportFixFunction;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Rewrites a shared memoizer cache to per-instance storage, keeping its key logic:
 * - every operation is keyed by `this` itself (`cache.get(this)`): the Map / Set / LRU becomes a
 *   WeakMap / WeakSet (an LRU bound is dropped: entries then live as long as their instance);
 * - otherwise the shared `const cache = new Map()` becomes `cacheByInstance = new WeakMap()` and the
 *   replacement starts by fetching (lazily creating) its instance's own `cache` with the original
 *   creation expression, so the rest of its body and its keys are unchanged.
 * `thisCast` makes TypeScript accept a `this` of a generic type as a WeakMap key (`this as object`).
 */
export function rewriteToPerInstanceCache(
  sourceCode: Readonly<TSESLint.SourceCode>,
  memoizer: CustomMemoizer,
  typescript: boolean,
): PerInstanceRewrite {
  const { cache, replacement } = memoizer;
  if (!cache || !replacement) return { ok: false, reason: 'the memoizer has no shared cache' };
  if (cache.scope === 'class-metadata') {
    return { ok: false, reason: 'the cache lives in `context.metadata`, which other decorators of the class may read' };
  }
  if (replacement.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    return { ok: false, reason: 'the replacement is an arrow installed per instance: its `this` is typed by the initializer' };
  }
  if (cache.reassigned) return { ok: false, reason: `\`${cache.name}\` is reassigned` };
  if (cache.singleSlot) return { ok: false, reason: `\`${cache.name}\` is a single slot, not a container` };
  if (cache.within) return { ok: false, reason: `\`${cache.name}\` is a value of \`${cache.within}\`, a nested lookup` };
  if (cache.defaulted || !cache.declarator) {
    return { ok: false, reason: `\`${cache.name}\` is an option's default, and a caller may pass a cache of its own` };
  }
  const [outside] = cache.usesOutsideReplacement;
  if (outside) {
    return { ok: false, reason: `\`${cache.name}\` is also used outside the replacement function (line ${lineOf(outside)})` };
  }
  const [other] = memoizer.otherUses;
  if (other) {
    return {
      ok: false,
      reason: `the wrapper is also used at line ${lineOf(other)}, where \`this\` may not be an object`,
    };
  }
  if (replacement.body.type !== AST_NODE_TYPES.BlockStatement) return { ok: false, reason: 'the replacement has no block body' };
  const thisCast = typescript && hasTypedThis(replacement);
  const declared = cache as MemoizerCache & { declarator: TSESTree.VariableDeclarator };
  if (cache.key === 'this' && cache.kind && cache.operations.every((operation) => cache.kind!.weakMethods.has(operation.method))) {
    return { ok: true, kind: 'weak-container', fix: weakContainerFix(sourceCode, declared, typescript, thisCast) };
  }
  return perInstanceMapFix(sourceCode, declared, replacement.body, typescript, thisCast);
}

/**
 * The replacement declares `this: This` with a type parameter `This`, or `this: unknown`: TypeScript
 * does not accept either as a WeakMap key without `this as object`.
 */
function hasTypedThis(replacement: NonNullable<CustomMemoizer['replacement']>): boolean {
  const [first] = replacement.params;
  const type = first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? first.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type === AST_NODE_TYPES.TSUnknownKeyword) return true;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const name = type.typeName.name;
  for (let node: TSESTree.Node | undefined = replacement; node; node = node.parent) {
    if ('typeParameters' in node && node.typeParameters?.params.some((param) => param.name.name === name)) return true;
  }
  return false;
}

function weakContainerFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  cache: MemoizerCache & { declarator: TSESTree.VariableDeclarator },
  typescript: boolean,
  thisCast: boolean,
): TSESLint.ReportFixFunction {
  const kind = cache.kind!;
  const creation = unwrapExpression(cache.creation) as TSESTree.NewExpression;
  const weakTypes = (params: readonly TSESTree.TypeNode[] | undefined): string => {
    if (!typescript || !params || params.length === 0) return '';
    if (kind.weak === 'WeakSet') return '<object>';
    const value = params[1] ? sourceCode.getText(params[1]) : 'unknown';
    return `<object, ${value}>`;
  };
  const annotation = cache.declarator.id.type === AST_NODE_TYPES.Identifier ? cache.declarator.id.typeAnnotation : undefined;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (!kind.bounded && creation.arguments.length === 0) {
      fixes.push(fixer.replaceText(creation.callee, kind.weak));
      if (creation.typeArguments) fixes.push(fixer.replaceText(creation.typeArguments, weakTypes(creation.typeArguments.params)));
    } else {
      fixes.push(fixer.replaceText(creation, `new ${kind.weak}${weakTypes(creation.typeArguments?.params)}()`));
    }
    if (annotation) {
      const type = annotation.typeAnnotation;
      const params = type.type === AST_NODE_TYPES.TSTypeReference ? type.typeArguments?.params : undefined;
      fixes.push(fixer.replaceText(type, `${kind.weak}${weakTypes(params) || (kind.weak === 'WeakSet' ? '<object>' : '<object, unknown>')}`));
    }
    if (thisCast) {
      for (const operation of cache.operations) {
        fixes.push(fixer.replaceText(operation.key, `${sourceCode.getText(operation.key)} as object`));
      }
    }
    return fixes;
  };
}

function perInstanceMapFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  cache: MemoizerCache & { declarator: TSESTree.VariableDeclarator },
  body: TSESTree.BlockStatement,
  typescript: boolean,
  thisCast: boolean,
): PerInstanceRewrite {
  const { declarator } = cache;
  if (cache.creation !== declarator.init) return { ok: false, reason: 'its creation is wrapped in another expression' };
  const creationText = sourceCode.getText(cache.creation);
  let typeText = '';
  if (typescript) {
    const type = getContainerType(sourceCode, cache);
    if (!type) return { ok: false, reason: `the type of \`${cache.name}\` is not written in the code` };
    typeText = `<object, ${type}>`;
  }
  const outerName = uniqueName(sourceCode, `${cache.name}ByInstance`);
  const self = thisCast ? 'this as object' : 'this';
  const indent = bodyIndent(sourceCode, body);
  const lookup =
    `\n${indent}if (!${outerName}.has(${self})) ${outerName}.set(${self}, ${creationText});` +
    `\n${indent}const ${cache.name} = ${outerName}.get(${self})${typescript ? '!' : ''};`;
  const openBrace = sourceCode.getFirstToken(body)!;
  return {
    ok: true,
    kind: 'per-instance-map',
    fix: (fixer) => [
      fixer.replaceText(declarator, `${outerName} = new WeakMap${typeText}()`),
      fixer.insertTextAfter(openBrace, lookup),
    ],
  };
}

/** `Map<K, V>` from the declaration's annotation or the creation's type arguments; `null` when unwritten. */
function getContainerType(
  sourceCode: Readonly<TSESLint.SourceCode>,
  cache: MemoizerCache & { declarator: TSESTree.VariableDeclarator },
): string | null {
  const id = cache.declarator.id;
  if (id.type === AST_NODE_TYPES.Identifier && id.typeAnnotation) return sourceCode.getText(id.typeAnnotation.typeAnnotation);
  const creation = unwrapExpression(cache.creation);
  if (creation.type === AST_NODE_TYPES.NewExpression) {
    const callee = sourceCode.getText(creation.callee);
    if (creation.typeArguments) return `${callee}${sourceCode.getText(creation.typeArguments)}`;
    if (callee === 'Map') return 'Map<any, any>'; // what TypeScript infers for `new Map()`
    if (callee === 'Set') return 'Set<any>';
    return null;
  }
  if (creation.type === AST_NODE_TYPES.CallExpression) return 'any'; // `Object.create(null)`
  return null;
}

function uniqueName(sourceCode: Readonly<TSESLint.SourceCode>, base: string): string {
  for (let index = 1; ; index++) {
    const name = index === 1 ? base : `${base}${index}`;
    if (!new RegExp(`\\b${name}\\b`, 'u').test(sourceCode.text)) return name;
  }
}

/** The indentation of the body's statements (its first statement's, or the brace line's plus two spaces). */
function bodyIndent(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.BlockStatement): string {
  const lineIndent = (line: number): string => /^\s*/u.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
  const [first] = body.body;
  if (first && first.loc.start.line !== body.loc.start.line) return lineIndent(first.loc.start.line);
  return `${lineIndent(body.loc.start.line)}  `;
}
