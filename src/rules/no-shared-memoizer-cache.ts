import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, lineOf, outermostWrapper, unwrapExpression } from '../analysis/core/ast.js';
import {
  analyzeReportedSharedCache,
  handedToAdapters,
  mayBeMemoizer,
  mayShareCacheHere,
  isInside,
  type CacheScope,
  type CustomMemoizer,
  type FunctionNode,
} from '../analysis/memoizers/custom-memoizer.js';
import { getFileContext, isModuleLevelScope, type FileContext } from '../analysis/core/file-context.js';
import { getDecoratorUses } from '../analysis/memoizers/decorator-uses.js';
import { getPrescan } from '../analysis/core/prescan.js';
import { objectMemberFunctions } from '../analysis/memoizers/member-definitions.js';
import { rewriteToPerInstanceCache } from '../fixes/per-instance-cache.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds =
  | 'sharedCachePinsInstances'
  | 'sharedCacheCrossInstance'
  | 'sharedLibraryCache'
  | 'sharedSingleSlot'
  | 'useWeakContainer'
  | 'usePerInstanceCache';

export default createRule<Options, MessageIds>({
  name: 'no-shared-memoizer-cache',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow hand-written memoize decorators and wrappers whose cache is shared by every instance of the class',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      sharedCachePinsInstances:
        '{{memoizer}} caches in `{{cache}}` ({{container}}, one {{created}}) keyed by `{{key}}`: every instance it is called on stays in memory.',
      sharedCacheCrossInstance:
        '{{memoizer}} caches in `{{cache}}` ({{container}}, one {{created}}) keyed by `{{key}}` {{keyProblem}}: instances share results, which stay in memory.',
      sharedLibraryCache:
        '{{memoizer}} applies {{library}} per decorated method: all instances share one cache keyed by {{key}}, so {{consequence}}.',
      sharedSingleSlot:
        '{{memoizer}} keeps one result in `{{cache}}`, created {{created}}: every instance gets the first caller\'s result, which stays in memory.',
      useWeakContainer: 'Replace the shared {{container}} `{{cache}}` with a {{weak}} keyed by the instance',
      usePerInstanceCache:
        'Keep one `{{cache}}` per instance, in a WeakMap keyed by `this`, created when the instance is first called',
    },
  },
  create(context) {
    const file = getFileContext(context);
    // `mayBeMemoizer` lets a function through only if its text forwards `this` or calls a name bound
    // to a memoizer library or a project module (or a function of the file that forwards `this`): a
    // file with neither has no candidate, and registers no listener.
    const scan = getPrescan(file);
    if (!scan.forwardsThis && scan.memoizerRootNames.size === 0) return {};
    const candidates: FunctionNode[] = [];
    const collect = (node: TSESTree.Node | null | undefined): void => {
      const fn = node && unwrapExpression(node);
      // Zero-parameter functions too: `memoize()` factories that return the decorator.
      if (fn && isFunctionNode(fn)) candidates.push(fn);
      // Members of a module-level object: `const fns = { memoize(fn) {…} }`, `module.exports = { memoize(…) {…} }`
      if (fn?.type === AST_NODE_TYPES.ObjectExpression) candidates.push(...objectMemberFunctions(fn));
      // Wrappers handed to an adapter that makes the decorator: `const memoize = decorate(function (fn) {…})`
      // (and, for a function that passes the text test below, `const Once = () => generate((fn) => …)`)
      if (fn?.type === AST_NODE_TYPES.CallExpression) candidates.push(...handedToAdapters(file, fn));
    };
    // Memoizers are defined once, at module level: only module-level functions are candidates (the
    // selectors keep ESLint from calling the rule for every nested declaration).
    const declarator = (node: TSESTree.VariableDeclarator): void => collect(node.init);
    const declaration = (node: TSESTree.FunctionDeclaration): void => collect(node);
    // The body of a module wrapped in an IIFE or a UMD factory runs once too: its top-level functions.
    const inModuleWrapper = (node: TSESTree.Node): boolean =>
      node.parent?.type === AST_NODE_TYPES.BlockStatement &&
      node.parent.parent !== undefined &&
      isFunctionNode(node.parent.parent) &&
      isModuleLevelScope(context.sourceCode.getScope(node.parent.parent), node);
    return {
      'FunctionDeclaration, VariableDeclaration'(node: TSESTree.FunctionDeclaration | TSESTree.VariableDeclaration): void {
        if (node.parent.type === AST_NODE_TYPES.Program || !inModuleWrapper(node)) return;
        if (node.type === AST_NODE_TYPES.FunctionDeclaration) collect(node);
        else for (const each of node.declarations) collect(each.init);
      },
      'Program > FunctionDeclaration': declaration,
      'Program > ExportNamedDeclaration > FunctionDeclaration': declaration,
      'Program > ExportDefaultDeclaration > FunctionDeclaration': declaration,
      'Program > VariableDeclaration > VariableDeclarator': declarator,
      'Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator': declarator,
      'Program > ExpressionStatement > AssignmentExpression'(node: TSESTree.AssignmentExpression): void {
        // `module.exports = function memoize(…) {…}`, `exports.cached = (…) => …`
        if (node.left.type === AST_NODE_TYPES.MemberExpression) collect(node.right);
      },
      'Program > ExportDefaultDeclaration'(node: TSESTree.ExportDefaultDeclaration): void {
        if (node.declaration.type !== AST_NODE_TYPES.FunctionDeclaration) collect(node.declaration);
      },
      'Program:exit'(): void {
        const found: CustomMemoizer[] = [];
        for (let index = 0; index < candidates.length; index++) {
          const fn = candidates[index]!;
          if (found.some((outer) => isInside(fn, outer.definition)) || !mayBeMemoizer(file, fn)) continue;
          // (each level is nested in the one before: the queue ends)
          candidates.push(...handedToAdapters(file, fn));
          // Its own shape before its composition: no module is parsed for a wrapper that cannot be reported here.
          if (!mayShareCacheHere(file, fn)) continue;
          // (a wrapper's composition is followed only where it can be reported: `analyzeReportedSharedCache`)
          const memoizer = analyzeReportedSharedCache(file, fn);
          if (memoizer && !sharesNothingBetweenInstances(file, memoizer)) found.push(memoizer);
        }
        // Reported once, where it can be fixed: a wrapper of this file that a decorator here applies to
        // each decorated method is reported at the wrapper when the wrapper can be rewritten to keep one
        // cache per instance (the suggestion), else at the decorator, where the sharing happens.
        const typescript = isTypeScript(context);
        const skipped = new Set<CustomMemoizer>();
        for (const decorator of found) {
          const wrapperFn = decorator.composed?.wrapper?.fn;
          const wrapper = wrapperFn && found.find((other) => other.definition === wrapperFn);
          if (!wrapper) continue;
          const fixable = rewriteToPerInstanceCache(context.sourceCode, wrapper, typescript).ok;
          skipped.add(fixable ? decorator : wrapper);
        }
        for (const memoizer of found) if (!skipped.has(memoizer)) report(context, memoizer);
      },
    };
  },
});

/**
 * Nothing to report where the package's uses show no instance is concerned: a decorator applied only to
 * static members (`@cacheStatic static create(…)`, here or in other files) caches per class; one whose
 * key ignores `this` and that is applied only to methods that never read `this` (or to statics) shares
 * results that are the same for every instance. Unknown uses, or none, are reported.
 */
function sharesNothingBetweenInstances(file: FileContext, memoizer: CustomMemoizer): boolean {
  const uses = getDecoratorUses(file, memoizer);
  if (uses === null || uses.static + uses.instance === 0) return false;
  if (uses.instance === 0) return true;
  return memoizer.consequence === 'cross-instance-results' && uses.thisFree === uses.instance;
}

const CREATED: Readonly<Record<CacheScope, string>> = {
  module: 'per module, for every method',
  factory: 'per decorator-factory call',
  decorator: 'per decorated method',
  wrapper: 'per wrapped method',
  'class-metadata': 'per class, in `context.metadata`',
};

function report(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, memoizer: CustomMemoizer): void {
  if (!memoizer.cache) {
    reportComposed(context, memoizer);
    return;
  }
  const cache = memoizer.cache;
  const sourceCode = context.sourceCode;
  const firstKey = cache.operations[0]!.key;
  const created =
    cache.scope === 'wrapper' && memoizer.sharedUse
      ? `per wrapped method, shared at line ${lineOf(memoizer.sharedUse)}`
      : CREATED[cache.scope];
  const keyProblem = cache.stringKeys
    ? 'as a string, not by `this`'
    : 'ignoring `this`';
  const typescript = isTypeScript(context);
  const rewrite = rewriteToPerInstanceCache(sourceCode, memoizer, typescript);
  const data = {
    memoizer: describeMemoizer(memoizer),
    cache: cache.name,
    container: cache.display,
    created,
    key: sourceCode.getText(firstKey),
    keyProblem,
    weak: cache.kind?.weak ?? 'WeakMap',
  };
  const messageId = cache.singleSlot
    ? 'sharedSingleSlot'
    : memoizer.consequence === 'pins-instances'
      ? 'sharedCachePinsInstances'
      : 'sharedCacheCrossInstance';
  context.report({
    node: reportNode(memoizer.definition),
    messageId,
    data,
    suggest: rewrite.ok
      ? [{ messageId: rewrite.kind === 'weak-container' ? 'useWeakContainer' : 'usePerInstanceCache', data, fix: rewrite.fix }]
      : null,
  });
}

/**
 * A decorator or helper that applies a library memoizer each time it runs: the library's cache is
 * per decorated method, so shared by every instance. Message only: moving a library's cache per
 * instance changes which instance owns each result, and needs the library's own per-instance form.
 */
function reportComposed(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, memoizer: CustomMemoizer): void {
  const composed = memoizer.composed!;
  context.report({
    node: reportNode(memoizer.definition),
    messageId: 'sharedLibraryCache',
    data: {
      memoizer: describeMemoizer(memoizer),
      library: composed.display,
      key: composed.keyText,
      consequence:
        memoizer.consequence === 'pins-instances'
          ? 'every instance called stays in memory'
          : "instances get each other's results, which stay in memory",
    },
  });
}

function describeMemoizer(memoizer: CustomMemoizer): string {
  const name = memoizer.name ? ` \`${memoizer.name}\`` : '';
  const target = memoizer.slot === 'get' ? 'getter' : 'method';
  switch (memoizer.form) {
    case 'legacy-decorator':
      return memoizer.factory ? `${capital(target)} decorator factory${name}` : `${capital(target)} decorator${name}`;
    case 'standard-decorator':
      return memoizer.factory ? `Decorator factory${name}` : `Decorator${name}`;
    case 'wrapper':
      return `Memoizing wrapper${name}`;
  }
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The name of the definition (function id or variable), else the function itself. */
function reportNode(fn: FunctionNode): TSESTree.Node {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id;
  const parent = outermostWrapper(fn).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.id;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === outermostWrapper(fn)) return parent.key; // `{ memoize(…) {…} }`
  return fn;
}

/** TypeScript syntax may be written: the file is parsed by typescript-eslint and is not a `.js` file. */
function isTypeScript(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): boolean {
  const services = context.sourceCode.parserServices as { esTreeNodeToTSNodeMap?: unknown } | undefined;
  return services?.esTreeNodeToTSNodeMap !== undefined && !/\.[cm]?jsx?$/u.test(context.filename);
}
