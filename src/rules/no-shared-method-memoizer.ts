import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getPrototypeOwner, getStaticMemberName, getStaticPropertyKey } from '../analysis/core/ast.js';
import { getFileContext, isModuleLevelScope, type FileContext } from '../analysis/core/file-context.js';
import { getPrescan } from '../analysis/core/prescan.js';
import { getCompiledDecoration } from '../analysis/core/compiled-decorators.js';
import { getInstanceOf } from '../analysis/lifetimes/instance.js';
import { classReferences, getStaticClassOf } from '../analysis/lifetimes/long-lived.js';
import {
  canKeyHoldArgument,
  getMemoizerCall,
  getCompiledMemoizerDecorator,
  getMemoizerDecorator,
  loadMemoizerTable,
  resolveFunction,
  type MemoizerUse,
} from '../analysis/memoizers/memoizers.js';
import { mayNameCustomMemoizer, resolveCustomMemoizer, type CustomMemoizerUse } from '../analysis/memoizers/custom-memoizer.js';
import { findSharedMixinMembers, getPrototypeAssign, getPrototypeLoop, type MixinCopy } from '../analysis/memoizers/mixins.js';
import { findSharedSlot, type SharedSlot } from '../analysis/lifetimes/shared-slots.js';
import { hasNoInstanceState } from '../analysis/lifetimes/stateless-classes.js';
import { returnsOwnThis, usesOwnThis } from '../analysis/lifetimes/this-usage.js';
import { moveToInstanceField, removeSharedCacheOption, switchToPerInstanceDecorator } from '../fixes/per-instance-memoizer.js';
import { createRule } from '../util/create-rule.js';
import type { NoSharedMethodMemoizerOptions } from '../util/rule-options.js';

export type Options = NoSharedMethodMemoizerOptions;
export type MessageIds =
  | 'pinned'
  | 'crossInstance'
  | 'thisLost'
  | 'singleSlot'
  | 'registry'
  | 'customShared'
  | 'mixinShared'
  | 'moveToInstanceField'
  | 'usePerInstanceDecorator'
  | 'removeSharedCache';

/** What goes wrong, decided from the library's semantics. */
type Verdict =
  | { readonly messageId: 'pinned'; readonly key: string }
  | { readonly messageId: 'crossInstance' | 'thisLost' | 'singleSlot' | 'registry' };

/** One finding before it is judged at `Program:exit` (singletons need the whole file). */
interface Finding {
  readonly use: MemoizerUse;
  readonly slot: SharedSlot;
  readonly verdict: Verdict;
}

const CUSTOM_SHARED = '`{{memoizer}}` on `{{member}}` ({{where}}) keeps one cache `{{cache}}` for every {{instances}}: {{consequence}}.';

export default createRule<Options, MessageIds>({
  name: 'no-shared-method-memoizer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow memoizers created once per class whose cache serves, and keeps, every instance',
      recommended: true,
      strictOptions: [{ checkSingleSlot: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkSingleSlot: {
            type: 'boolean',
            description:
              'Also report single-slot memoizers (memoize-one) shared through a prototype: they pin only the last instance that called them, and recompute whenever another instance calls.',
          },
          ignoreSingletons: {
            type: 'boolean',
            description:
              'Do not report classes that the file instantiates exactly once, at module level (a shared cache of one instance is that instance\'s cache).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkSingleSlot: false, ignoreSingletons: false }],
    messages: {
      mixinShared:
        '`{{member}}`{{more}} ({{where}}), copied onto `{{className}}.prototype` here, is {{library}}: one cache for all, keyed by {{key}}, so {{consequence}}.',
      pinned: '{{memoizer}} on `{{member}}`: one cache ({{holder}}) keyed by {{key}}, so every {{instances}} that calls it stays in memory.',
      crossInstance:
        "{{memoizer}} on `{{member}}`: one cache ({{holder}}) keyed by {{keyArgs}}, not `this`, so one {{instances}} gets another's result; results stay in memory.",
      thisLost:
        '{{memoizer}} on `{{member}}` calls the function without `this`: the method runs without its {{instances}}, and one cache ({{holder}}) serves every instance.',
      singleSlot:
        '{{memoizer}} on `{{member}}`: one slot ({{holder}}) keyed by the last call, so it pins the last {{instances}} that called it and recomputes for each other one.',
      registry:
        "{{memoizer}} on `{{member}}` with `{{option}}` adds each {{instances}}'s cache to a module-level registry: every {{instances}} that calls it stays in memory.",
      customShared: CUSTOM_SHARED,
      moveToInstanceField: 'Create the memoized `{{member}}` per instance, in an instance field of {{instances}}',
      usePerInstanceDecorator: 'Use `{{replacementName}}`, which keeps one cache per instance',
      removeSharedCache: 'Remove the shared `{{option}}` option, so that each instance gets its own cache',
    },
  },
  create(context, [{ checkSingleSlot, ignoreSingletons }]) {
    const file = getFileContext(context);
    const settings = context.settings;
    loadMemoizerTable(file, settings); // validates settings['memo-leak'].memoizers on every file
    // Everything this rule reports goes through a name bound at module level to a memoizer library or
    // a project module (library memoizers and decorators, hand-written ones defined in another module,
    // mixins imported from another module), or an inline `require('<memoizer library>')`.
    const scan = getPrescan(file);
    if (scan.memoizerRootNames.size === 0 && !scan.namesMemoizerModule) return {};
    // Mixins copy onto `X.prototype` members of an object imported from a project module.
    const mixins = scan.hasPrototype && scan.importsProjectNames;
    const findings: Finding[] = [];
    const customFindings: CustomFinding[] = [];

    /** A hand-written memoizer (issue of `no-shared-memoizer-cache`), reported here at each shared use. */
    function considerCustom(node: TSESTree.Node, slot: SharedSlot, compiledDecorator = false): void {
      const custom = resolveCustomMemoizer(file, node, compiledDecorator);
      if (!custom?.memoizer.consequence || (!custom.memoizer.cache && !custom.memoizer.composed)) return;
      const shared =
        custom.use === 'wrapper-call' ? custom.memoizer.storage === 'per-wrapped-function' : custom.memoizer.storage === 'shared';
      // Reported once, where it can be fixed: a definition in this file gets the finding itself
      // (no-shared-memoizer-cache); a use of one defined in another module gets it here.
      if (shared && custom.definitionFile !== file) customFindings.push({ node, slot, custom });
    }

    function considerMixinLoop(node: TSESTree.ForOfStatement | TSESTree.ForInStatement): void {
      const copy = getPrototypeLoop(node);
      if (copy) reportMixin(context, file, copy);
    }

    function consider(use: MemoizerUse, slot: SharedSlot | null): void {
      if (!slot) return;
      const verdict = judge(file, use, slot, checkSingleSlot ?? false);
      if (verdict) findings.push({ use, slot, verdict });
    }

    /** A decorator on a method: `@memoize`, or an element of compiled `__decorate([memoize], Foo.prototype, 'm', null)`. */
    function considerDecorator(
      node: TSESTree.Decorator | TSESTree.Expression,
      use: MemoizerUse | null,
      { className, memberName, classNode }: Pick<SharedSlot, 'className' | 'memberName' | 'classNode'>,
    ): void {
      if (!use) {
        const holder = 'created with the class';
        const slot: SharedSlot = { kind: 'prototype', className, memberName, holder, classNode, assignment: null };
        considerCustom(node, slot, node.type !== AST_NODE_TYPES.Decorator);
        return;
      }
      const sharedCache = use.spec.cache === 'per-instance' && use.cacheOption !== null;
      if (use.spec.cache !== 'per-decoration' && !sharedCache && !use.registryOption) return;
      consider(use, {
        kind: 'prototype',
        className,
        memberName,
        holder: sharedCache
          ? `a shared \`${getStaticPropertyKey(use.cacheOption!.key, use.cacheOption!.computed) ?? 'cache'}\` option`
          : 'created with the class',
        classNode,
        assignment: null,
      });
    }

    const listeners: TSESLint.RuleListener = {
      CallExpression(node): void {
        // Cheap first: a memoizer is called by name, member or (curried) call.
        const callee = node.callee;
        if (mixins && callee.type === AST_NODE_TYPES.MemberExpression && node.arguments.length > 1 && getStaticMemberName(callee) === 'assign') {
          const copy = getPrototypeAssign(node);
          if (copy) reportMixin(context, file, copy);
        }
        if (
          node.arguments.length === 0 ||
          (callee.type !== AST_NODE_TYPES.Identifier &&
            callee.type !== AST_NODE_TYPES.MemberExpression &&
            callee.type !== AST_NODE_TYPES.CallExpression)
        ) {
          return;
        }
        // Only a call whose result lands where instances share it can be reported: find that place
        // (syntax only) before asking what the callee is, which may mean reading another module.
        const slot = findSharedSlot(file, node);
        if (!slot) return;
        const use = getMemoizerCall(file, settings, node);
        if (!use) {
          // A hand-written wrapper: a module-level function of this file, installed where instances share it.
          if (slot.kind === 'prototype' && mayNameCustomMemoizer(file, callee)) considerCustom(node, slot);
          return;
        }
        if (use.spec.cache !== 'per-call' && use.spec.cache !== 'per-factory') return;
        consider(use, slot);
      },
    };
    if (mixins) {
      listeners.ForOfStatement = considerMixinLoop;
      listeners.ForInStatement = considerMixinLoop;
    }
    // A decorator is written with `@`.
    if (scan.hasDecorator) {
      listeners.Decorator = (node: TSESTree.Decorator): void => {
        const member = node.parent;
        if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static) return;
        const classNode = member.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
        considerDecorator(node, getMemoizerDecorator(file, settings, node), {
          className: classNode.id?.name ?? null,
          memberName: getStaticPropertyKey(member.key, member.computed),
          classNode,
        });
      };
    }
    // Compiled output applying decorators to a method: `__decorate([memoize], Foo.prototype, "m", null)`
    // (a method's target is always written `X.prototype`).
    if (scan.hasPrototype) listeners['CallExpression[arguments.length>=4]'] = (node: TSESTree.CallExpression): void => {
      const decoration = getCompiledDecoration(file, node);
      if (!decoration || decoration.static) return;
      for (const element of decoration.decorators) {
        considerDecorator(element, getCompiledMemoizerDecorator(file, settings, element, decoration.method), {
          className: decoration.classNode?.id?.name ?? decoration.owner.name,
          memberName: decoration.memberName,
          classNode: decoration.classNode,
        });
      }
    };
    listeners['Program:exit'] = (): void => {
      for (const finding of findings) {
        if (ignoreSingletons && isSingletonClass(file, finding.slot)) continue;
        report(context, file, finding);
      }
      for (const finding of customFindings) {
        if (ignoreSingletons && isSingletonClass(file, finding.slot)) continue;
        reportCustom(context, file, finding);
      }
    };
    return listeners;
  },
});

function judge(file: FileContext, use: MemoizerUse, slot: SharedSlot, checkSingleSlot: boolean): Verdict | null {
  const { spec } = use;
  const fn = use.fn ? resolveMemoizedFunction(file, use.fn) : null;
  const fnUsesThis = fn !== null && usesOwnThis(file, fn);

  if (slot.kind === 'static') return judgeStatic(file, use, slot);
  if (!spec.forwardsThis) return fnUsesThis ? { messageId: 'thisLost' } : null;
  if (use.registryOption) return { messageId: 'registry' };
  if (spec.key.includesThis) return checkSingleSlot && slot.kind === 'prototype' ? { messageId: 'singleSlot' } : null;

  const resolverFn = use.resolver ? resolveFunction(file, use.resolver) : null;
  const resolverSeesThis = spec.resolver?.receivesThis === true && resolverFn !== null && usesOwnThis(file, resolverFn);
  if (resolverSeesThis) {
    // A key computed from the instance: the instance itself (pinned, unless stringified), or a derived value (fine).
    if (!returnsOwnThis(file, resolverFn)) return null;
    if (spec.resolver?.holds === 'strong' && use.key.holds === 'strong') {
      return { messageId: 'pinned', key: '`this` (its key function returns it)' };
    }
  } else if (use.resolver && spec.resolver?.acceptsMethodName && isStringLiteral(use.resolver)) {
    return null; // a method-name resolver runs on the instance: the key may well be per instance
  }
  if (!fnUsesThis) return null;
  // Instances that hold nothing compute the same: sharing gives no wrong result, and a cache that
  // holds no argument strongly keeps nothing of theirs.
  if (use.key.holds !== 'strong' && slot.classNode && hasNoInstanceState(file, slot.classNode)) return null;
  return { messageId: 'crossInstance' };
}

/** A static memoizer is shared by design; it pins instances when they are passed in a key position. */
function judgeStatic(file: FileContext, use: MemoizerUse, slot: SharedSlot): Verdict | null {
  if (!slot.classNode || slot.memberName === null || !use.spec.forwardsThis) return null;
  for (const call of staticMemberCalls(file, slot.classNode, slot.memberName)) {
    for (const [index, argument] of call.arguments.entries()) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const instance = getInstanceOf(file, argument);
      if (instance && canKeyHoldArgument(use, index) === true) {
        return { messageId: 'pinned', key: `\`${instance.text}\` (argument ${index + 1} at line ${call.loc.start.line})` };
      }
    }
  }
  return null;
}

/** `Foo.m(…)`, `this.constructor.m(…)` calls of a static member in this file. */
function staticMemberCalls(
  file: FileContext,
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of classReferences(file, classNode)) {
    const member = reference.identifier.parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      getStaticMemberName(member) === name &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    ) {
      calls.push(member.parent);
    }
  }
  return calls;
}

/** The function a memoizer wraps: a literal, a declared function, or `Foo.prototype.m` of an ES class. */
function resolveMemoizedFunction(file: FileContext, node: TSESTree.Node): TSESTree.Node | null {
  const resolved = resolveFunction(file, node);
  if (resolved.type !== AST_NODE_TYPES.MemberExpression) return resolved;
  const name = getStaticMemberName(resolved);
  const owner = getPrototypeOwner(resolved.object);
  const classNode = owner && getStaticClassOf(file, owner);
  if (!classNode || name === null) return null;
  for (const element of classNode.body.body) {
    if (
      element.type === AST_NODE_TYPES.MethodDefinition &&
      !element.static &&
      element.kind === 'method' &&
      getStaticPropertyKey(element.key, element.computed) === name
    ) {
      return element.value;
    }
  }
  return null;
}

/** The class is instantiated exactly once in this file, at module level. */
function isSingletonClass(file: FileContext, slot: SharedSlot): boolean {
  const classNode = slot.classNode;
  let references: readonly TSESLint.Scope.Reference[] = [];
  if (classNode) references = classReferences(file, classNode);
  else if (slot.className) references = file.findVariableByName(file.program, slot.className)?.references ?? [];
  const news = references.filter(
    (reference) =>
      reference.identifier.parent?.type === AST_NODE_TYPES.NewExpression &&
      reference.identifier.parent.callee === reference.identifier,
  );
  return news.length === 1 && isModuleLevelScope(file.sourceCode.getScope(news[0]!.identifier), news[0]!.identifier);
}

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  { use, slot, verdict }: Finding,
): void {
  const { spec } = use;
  const instances = slot.className ?? (slot.kind === 'options' ? 'component instance' : 'instance');
  const data = {
    memoizer: spec.display,
    member: slot.className && slot.memberName ? `${slot.className}.${slot.memberName}` : (slot.memberName ?? 'this method'),
    instances,
    // What holds the cache, short: `shared through \`Foo.prototype\``, `the object passed to \`Backbone.View.extend\``.
    holder: slot.holder
      .replace(/^shared through /, 'on ')
      .replace(/, which every (?:component )?instance shares$/, '')
      .replace(/^the (?:component options|object) passed to /, 'options of ')
      .replace(/^the exported component options object$/, 'exported component options'),
    key: verdict.messageId === 'pinned' ? verdict.key : '',
    keyArgs: describeKeyArgs(use),
    replacement: spec.replacement,
    option: use.registryOption ? (getStaticPropertyKey(use.registryOption.key, use.registryOption.computed) ?? '') : '',
  };
  const node = use.kind === 'decorator' ? use.node : use.callee;
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  // Compiled output is not where the code is fixed: no suggestion there.
  if (verdict.messageId !== 'registry' && use.kind !== 'compiled-decorator') {
    if (use.kind === 'decorator') {
      const perInstance = use.cacheOption ? null : switchToPerInstanceDecorator(file, use);
      if (perInstance) {
        suggest.push({ messageId: 'usePerInstanceDecorator', data: { replacementName: perInstance.name }, fix: perInstance.fix });
      }
      // Removing the option helps only where the library then makes a cache per instance.
      const removal = use.cacheOption && spec.cache === 'per-instance' ? removeSharedCacheOption(file, use) : null;
      if (removal) {
        suggest.push({ messageId: 'removeSharedCache', data: { option: data.option || 'cache' }, fix: removal });
      }
    } else if (slot.kind === 'prototype' && verdict.messageId !== 'thisLost') {
      const field = moveToInstanceField(file, slot, /\.[cm]?tsx?$/.test(context.filename));
      if (field) suggest.push({ messageId: 'moveToInstanceField', data, fix: field });
    }
  }
  context.report({ node, messageId: verdict.messageId, data, suggest });
}

/** Members of an object copied onto a prototype that are one library cache for every instance. */
function reportMixin(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, file: FileContext, copy: MixinCopy): void {
  // Members of this file are judged where they are written (shared slots); here, those of other modules.
  const members = findSharedMixinMembers(file, copy).filter((member) => member.file !== file);
  const [first] = members;
  if (!first) return;
  context.report({
    node: copy.node.type === AST_NODE_TYPES.CallExpression ? copy.node.callee : copy.node,
    messageId: 'mixinShared',
    data: {
      member: first.name,
      more: members.length > 1 ? ` (and ${members.length - 1} more)` : '',
      where: describeModule(file, first.file),
      className: copy.className,
      library: first.cache.display,
      key: first.cache.keyText,
      consequence: first.consequence === 'pins-instances' ? 'every instance called stays in memory' : "instances get each other's results",
    },
  });
}

interface CustomFinding {
  readonly node: TSESTree.Node;
  readonly slot: SharedSlot;
  readonly custom: CustomMemoizerUse;
}

/** Reports a use of a shared hand-written memoizer, pointing at its definition (no fix here: fix the definition). */
function reportCustom(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  { node, slot, custom }: CustomFinding,
): void {
  const { memoizer, definitionFile } = custom;
  const instances = slot.className ?? 'instance';
  const line = memoizer.definition.loc.start.line;
  const consequence =
    memoizer.consequence === 'pins-instances'
      ? `its key holds the instance, so every ${instances} that calls it stays in memory`
      : `its key ignores \`this\`: one ${instances} gets another's result, kept in memory`;
  const data = {
    memoizer: memoizer.name ?? 'this memoizer',
    member: slot.className && slot.memberName ? `${slot.className}.${slot.memberName}` : (slot.memberName ?? 'this method'),
    cache:
      memoizer.cache?.name ??
      (memoizer.composed ? `${definitionFile.sourceCode.getText(memoizer.composed.call.callee)}(…)` : 'cache'),
    where: `hand-written, line ${line}`,
    instances,
    consequence,
  };
  if (definitionFile !== file) {
    // The definition's module by its path from here; by its file name alone when the path is too long for the message.
    data.where = `hand-written, \`${describeModule(file, definitionFile)}\` line ${line}`;
    if (renderCustomShared(data).length > MAX_MESSAGE_LENGTH) {
      data.where = `hand-written, \`${path.basename(definitionFile.filename ?? 'another file')}\` line ${line}`;
    }
  }
  context.report({ node, messageId: 'customShared', data });
}

function isStringLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

function describeKeyArgs(use: MemoizerUse): string {
  const { key } = use;
  const suffix = key.holds === 'string' ? ' as a string' : '';
  if (key.resolved) return `its key function's result${suffix}`;
  switch (key.args) {
    case 'first-arg':
      return `the first argument${suffix}`;
    case 'leading-args':
      return key.count === 'all'
        ? `all arguments${suffix}`
        : key.count === null
          ? `the leading arguments${suffix}`
          : key.count === 0
            ? 'no argument: one value'
            : key.count === 1
              ? `the first argument${suffix}`
              : `the first ${key.count} arguments${suffix}`;
    case 'all-args':
      return `all arguments${suffix}`;
    case 'serialized-args':
      return 'the serialized arguments';
    case 'none':
      return 'no argument: one value';
  }
}


/** How a message names the module that defines a memoizer: its path relative to the linted file. */
const MAX_MESSAGE_LENGTH = 200;

/** The `customShared` message as ESLint renders it (its template, with `data` filled in). */
function renderCustomShared(data: Readonly<Record<string, string>>): string {
  return CUSTOM_SHARED.replace(/\{\{(\w+)\}\}/g, (_, name: string) => data[name] ?? '');
}

function describeModule(file: FileContext, definitionFile: FileContext): string {
  const target = definitionFile.filename;
  if (!target) return 'another file';
  if (!file.filename) return path.basename(target);
  const relative = path.relative(path.dirname(file.filename), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
