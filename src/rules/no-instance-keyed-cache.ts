import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, lineOf, unwrapExpression } from '../analysis/core/ast.js';
import {
  classifyContainerUse,
  getStrongContainer,
  KEYED_METHOD_NAMES,
  type ContainerUse,
  type StrongContainer,
} from '../analysis/lifetimes/containers.js';
import { getFileContext, type FileContext } from '../analysis/core/file-context.js';
import { getPrescan } from '../analysis/core/prescan.js';
import {
  describeEnclosingFunction,
  describeMember,
  getInstanceOf,
  type CarriedInstance,
  type InstanceContext,
} from '../analysis/lifetimes/instance.js';
import { getDeclaredObjectKeyType } from '../analysis/lifetimes/declared-keys.js';
import { getObjectKeyUse } from '../analysis/lifetimes/object-params.js';
import { getSharedPrototypeContainer } from '../analysis/lifetimes/shared-containers.js';
import { getGrowingContainer } from '../analysis/lifetimes/growing-containers.js';
import { getDeclaredWeakMismatch, isDeclaredWeak, type DeclaredWeakMismatch } from '../analysis/lifetimes/declared-weak.js';
import { isSingletonClass } from '../analysis/lifetimes/singletons.js';
import { findOwnDispose, getCollectedInstance, getCollectionKind, getResets, getWriteOnlyInsert, holdsCallerObject, insertTarget, isKeyedByCreatorInput, isLookedUpByKey, mayRemoveEntries, type CollectedInstance } from '../analysis/lifetimes/instance-collections.js';
import { resolveImportedBinding, resolveLongLivedBinding, type LongLivedBinding } from '../analysis/lifetimes/long-lived.js';
import { getKeyedRemovals } from '../analysis/lifetimes/removals.js';
import { getTypeOf, getTypeServices, isInstanceObjectType, typeToString } from '../analysis/resolve/types.js';
import { getSyntacticKind, getValueKind } from '../analysis/core/values.js';
import { rewriteToWeakContainer } from '../fixes/weak-container.js';
import { createRule } from '../util/create-rule.js';
import type { NoInstanceKeyedCacheOptions } from '../util/rule-options.js';
import { clip, describeInstances, describeScope } from '../util/describe.js';

export type Options = NoInstanceKeyedCacheOptions;
export type MessageIds =
  | 'instanceKeyedCache'
  | 'objectKeyedCache'
  | 'instanceRegistry'
  | 'instancesCollected'
  | 'instanceStateCollected'
  | 'useWeak'
  | 'useWeakUnbounded'
  | 'declaredWeak'
  | 'removalsMiss'
  | 'disposedStayRegistered'
  | 'disposedStayCollected'
  | 'exportedCollected'
  | 'prototypeContainerFilled'
  | 'writeOnlyCollection'
  | 'perCallEntries'
  | 'growsPerCall'
  | 'createDeclaredWeak';

/** One place where the instance (or, in typed mode, an object-typed value) is used as a key of some container. */
interface KeySite {
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly key: TSESTree.Expression;
  /** `null` for a typed-mode candidate: a non-instance key whose type decides. */
  readonly instance: CarriedInstance | null;
}

export default createRule<Options, MessageIds>({
  name: 'no-instance-keyed-cache',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow long-lived Map, Set and LRU caches keyed by class instances',
      recommended: true,
      typeCheckedOptions: [{ checkObjectKeys: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkRegistries: {
            type: 'boolean',
            description:
              'Also report long-lived containers of instances that the program enumerates or sizes (registries), which a weak container cannot replace, and exported collections of factory products that nothing in their file removes.',
          },
          checkObjectKeys: {
            type: 'boolean',
            description:
              'Typed linting only: also report long-lived containers filled with keys whose static type is an object (a class instance, an interface, a DOM node), not just `this`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkRegistries: false, checkObjectKeys: false }],
    messages: {
      instanceKeyedCache: '`{{name}}` ({{scope}}) is {{aContainer}} keyed by `{{key}}` in `{{member}}`{{elsewhere}}: {{retention}}.',
      objectKeyedCache:
        '`{{name}}` ({{scope}}) is {{aContainer}} keyed by `{{key}}` (type `{{type}}`) in `{{member}}`{{elsewhere}}: {{retention}}.',
      instanceRegistry:
        '`{{name}}` ({{scope}}) is {{aContainer}} holding `{{key}}` from `{{member}}`{{elsewhere}}, enumerated ({{how}}, line {{line}}): every {{instances}} added stays in memory until removed.',
      instancesCollected:
        '`{{name}}` ({{scope}}) collects every {{instances}} ({{how}} in `{{member}}`) and nothing removes them: each stays in memory for the life of the program.',
      instanceStateCollected:
        '`{{name}}` ({{scope}}) keeps `{{state}}` of every {{instances}} ({{how}} in {{member}}), which holds the instance, and nothing removes it: each stays in memory.',
      disposedStayRegistered:
        '`{{name}}` gets every {{instances}} (`{{how}}` in `{{member}}`); `{{dispose}}` (line {{disposeLine}}) never removes it, only `clear()` (line {{line}}) does, so disposed ones stay in memory.',
      disposedStayCollected:
        '`{{name}}` collects every {{instances}} ({{how}} in `{{member}}`); its own `{{dispose}}` (line {{disposeLine}}) never removes it, so each disposed one stays in memory.',
      exportedCollected:
        '`{{name}}` ({{scope}}) collects every {{instances}} ({{how}} in `{{member}}`) and is exported; nothing here removes them, so each stays in memory unless other code does.',
      prototypeContainerFilled:
        '`{{name}}` is one {{container}} that every {{instances}} shares; {{how}} in `{{member}}` fills it through `this` and nothing removes: what each instance adds stays in memory.',
      writeOnlyCollection:
        '`{{name}}` ({{scope}}) is only ever added to ({{how}} in `{{member}}`): nothing reads or removes its entries, so each stays in memory for the life of the program.',
      growsPerCall:
        '`{{name}}` ({{scope}}) gets {{value}} {{run}} ({{how}} in `{{member}}`), never removed: each stays in memory {{lifetime}}.',
      perCallEntries:
        '`{{name}}` ({{scope}}) gets `{{value}}` under a new key on every call ({{how}} in `{{member}}`, key `{{key}}` from a counter) and nothing removes it: every entry stays in memory.',
      removalsMiss:
        '`{{name}}` ({{scope}}) collects every {{instances}} ({{how}} in `{{member}}`, key `{{key}}`); its removals (first at line {{line}}) never free that key, so each stays in memory.',
      declaredWeak:
        '`{{name}}` is declared `{{declared}}` but created as a {{strong}}: {{keys}} stay in memory {{lifetime}}.',
      createDeclaredWeak: 'Create `{{name}}` as a {{weak}}, as its declared type says',
      useWeak: 'Replace `{{name}}` with a {{weak}}, so that {{instances}} instances can be garbage-collected',
      useWeakUnbounded:
        'Replace the bounded {{container}} `{{name}}` with a {{weak}}: entries then live exactly as long as their {{instances}}, with no size bound',
    },
  },
  create(context, [{ checkRegistries, checkObjectKeys }]) {
    const file = getFileContext(context);
    const sitesByContainer = new Map<TSESTree.Node, KeySite[]>();
    // Inserts into `this.<slot>` (a candidate prototype container), with the value inserted.
    const prototypeInserts: Array<{ readonly member: TSESTree.MemberExpression; readonly site: TSESTree.Node; readonly how: string }> = [];
    // Variables inserted into (`all.push(x)`, `byId[k] = x`): candidates for a write-only collection.
    const insertTargets = new Map<string, TSESTree.Identifier[]>();
    // Inserts of any value into a variable or member (`listeners.push(cb)`, `seen.add(el)`): judged at the end for per-call values.
    const inserts: Array<TSESTree.CallExpression | TSESTree.AssignmentExpression> = [];
    const collect = (node: TSESTree.CallExpression | TSESTree.AssignmentExpression, method: string | null): void => {
      inserts.push(node);
      if (method === 'add' && !scan.hasPrototype) return;
      // (`add` stores a key, not a value: only a prototype Set is judged from it; what the others store
      // is asked at the end, and only for a long-lived container: `collectedInstances`)
      const target = insertTarget(node);
      const root = target.type === AST_NODE_TYPES.MemberExpression ? target.object : target;
      // A write-only candidate: a variable (`popovers.push(x)`); members of other values are judged above.
      if (target.type === AST_NODE_TYPES.Identifier && method !== 'add' && method !== 'set') {
        const same = insertTargets.get(target.name);
        if (!same) insertTargets.set(target.name, [target]);
        else if (same.length < 3) same.push(target); // a name of many functions' locals: a few are enough
      }
      const value = node.type === AST_NODE_TYPES.CallExpression ? node.arguments.at(-1) : node.right;
      // A prototype container needs a prototype: `Foo.prototype = {…}`, `Foo.prototype.x = []`.
      if (scan.hasPrototype && target.type === AST_NODE_TYPES.MemberExpression && root.type === AST_NODE_TYPES.ThisExpression && value && getSyntacticKind(value) !== 'primitive') {
        const how = node.type === AST_NODE_TYPES.CallExpression ? `\`${getStaticMemberName(node.callee as TSESTree.MemberExpression)}()\`` : '`[…] =`';
        prototypeInserts.push({ member: target, site: node, how });
      }
    };
    const typedKeys = checkObjectKeys === true && getTypeServices(file) !== null;
    const checkDeclaredWeak = (node: TSESTree.VariableDeclarator | TSESTree.PropertyDefinition | TSESTree.AssignmentExpression): void => {
      const mismatch = getDeclaredWeakMismatch(file, node);
      if (mismatch) reportDeclaredWeak(context, mismatch);
    };

    // What the file can hold, from the pre-scan. Instances collected as values (`all.push(this)`) need
    // `this`. A keyed container is a `new` of Map/Set (the globals), of LRUCache/QuickLRU (imported from
    // their packages, or re-exported by a project module), or, with types, of any class deriving from them.
    const scan = getPrescan(file);
    // (or a factory's product: `all.push(instance); return instance;`)
    const collects = scan.hasThis || /\.(?:push|unshift|set|add)\s*\(|\]\s*=[^=]/.test(file.sourceCode.text);
    // A container imported from a project module (`import cache from './cache'`) is created there: no `new` here.
    const keyed = (scan.hasNew && (scan.namesBuiltinContainer || scan.namesContainerLibrary || scan.typed)) || scan.importsProjectNames;
    const weakDeclarable = scan.hasNew && scan.namesBuiltinContainer;
    if (!collects && !keyed) return {};

    const exit = (): void => {
      // Group the key sites by the binding they reach, then judge each binding once.
      const byBinding = new Map<LongLivedBinding, KeySite[]>();
      for (const [containerExpression, sites] of sitesByContainer) {
        const binding = resolveLongLivedBinding(file, containerExpression) ?? resolveImportedBinding(file, containerExpression);
        if (!binding) continue;
        byBinding.set(binding, [...(byBinding.get(binding) ?? []), ...sites]);
      }
      const reported = new Set<LongLivedBinding>();
      for (const [binding, sites] of byBinding) {
        if (checkBinding(context, file, binding, sites, checkRegistries ?? false, typedKeys)) reported.add(binding);
      }
      checkCollections(context, file, collectedInstances(file, inserts), reported, checkRegistries ?? false);
      checkPerCallGrowth(context, file, inserts, reported);
      checkPrototypeContainers(context, file, prototypeInserts);
      checkWriteOnly(context, file, insertTargets, reported);
    };

    return {
      // A binding declared weak but created strong needs a `new Map` / `new Set` of the globals.
      ...(weakDeclarable ? { VariableDeclarator: checkDeclaredWeak, PropertyDefinition: checkDeclaredWeak } : {}),
      CallExpression(node): void {
        // Cheap syntactic filter first: `x.get(…)`, `x.set(…)`, `x.add(…)` …
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return;
        const method = getStaticMemberName(callee);
        if (collects && (method === 'push' || method === 'unshift' || method === 'set' || method === 'add')) collect(node, method);
        if (!keyed || method === null || !KEYED_METHOD_NAMES.has(method)) return;
        const key = node.arguments[0]!;
        if (key.type === AST_NODE_TYPES.SpreadElement) return;
        const instance = getInstanceOf(file, key);
        // The one instance of a singleton lives as long as the module: a container keyed by it keeps nothing extra.
        if (instance && isSingletonClass(file, instance.className)) return;
        // Typed mode: an inserted key of unknown syntax is a candidate; its type is asked for later,
        // only if the container turns out to be a long-lived strong one.
        // Without types, an inserted identifier key may still be declared as an object (`el: HTMLElement`).
        const inserts = method === 'set' || method === 'add';
        if (!instance && !(inserts && (typedKeys ? isTypedKeyCandidate(key) : unwrapExpression(key).type === AST_NODE_TYPES.Identifier))) return;
        const sites = sitesByContainer.get(callee.object) ?? [];
        sites.push({ call: node, method, key, instance });
        sitesByContainer.set(callee.object, sites);
      },
      ...(collects || weakDeclarable
        ? {
            AssignmentExpression(node: TSESTree.AssignmentExpression): void {
              // Cheap first: `x[k] = this` (or an alias of it); a binding declared weak assigned a `new Map()`.
              if (node.left.type === AST_NODE_TYPES.MemberExpression && node.left.computed) {
                if (collects) collect(node, null);
              } else if (weakDeclarable) checkDeclaredWeak(node);
            },
          }
        : {}),
      'Program:exit': exit,
    };
  },
});

function checkBinding(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  binding: LongLivedBinding,
  allSites: readonly KeySite[],
  checkRegistries: boolean,
  typedKeys: boolean,
): boolean {
  // An imported container is created, and its type written, in the module that exports it.
  const home = binding.imported?.file ?? file;
  const container = getStrongContainer(home, binding.init);
  if (!container) return false; // weak, per-instance, or not a container we know
  if (isDeclaredWeak(home, binding.typeAnnotation, binding.init)) return true; // reported where it is created
  const { kind } = container;
  // Managed entries: the code removes them by key (`delete(key)` in a `finally`, a dispose method,
  // when a promise settles). The container holds live instances only, so it is no leak. A removal
  // whose key cannot denote a stored key (`delete(this)` for `set(this.target, …)`), or that an
  // insert always follows, manages nothing, and its key is no evidence of what the keys are.
  const removals = getKeyedRemovals(file, binding, kind.insert);
  if (removals.releasing.length > 0) return false;
  const ignored = new Set<TSESTree.Node>(removals.ignored);
  const keyed = allSites.filter(
    (site) => !ignored.has(site.call) && (kind.weakMethods.has(site.method) || kind.otherKeyedMethods.has(site.method)),
  );
  const instanceSites = resolveInstanceSites(keyed);
  // Without an instance key, typed candidates decide: inserted keys whose static type is an instance object.
  const typed = instanceSites.length === 0;
  const sites = typed
    ? typedKeys
      ? resolveObjectTypedSites(context.sourceCode, file, keyed)
      : resolveDeclaredObjectSites(context.sourceCode, file, binding, keyed)
    : instanceSites;
  const first = sites[0];
  if (!first) return false;
  const uses = binding.uses.map((use) => classifyContainerUse(kind, use));
  const instances = describeInstances(sites.map((site) => site.owner));
  const places = new Set(sites.map((site) => site.where));
  const data = {
    name: binding.name,
    scope: describeScope(binding.scope),
    container: kind.display,
    aContainer: container.description,
    key: clip(first.text),
    type: clip(first.typeText ?? first.owner.className ?? 'object'),
    member: first.where,
    elsewhere: places.size > 1 ? ` (and ${places.size - 1} more member${places.size > 2 ? 's' : ''})` : '',
    instances,
    weak: kind.weak,
  };

  const clear = uses.find((use) => use.type === 'other' && use.how === '`clear()`') as { node: TSESTree.Node } | undefined;

  const enumeration = uses.find((use) => use.type === 'enumerate');
  if (enumeration) {
    // A registry that nothing in the program can empty (not exported, never reassigned, only read,
    // added to and enumerated here) keeps every instance for good; others need `checkRegistries`.
    const neverEmptied =
      !clear &&
      !binding.exported &&
      !binding.reachableElsewhere &&
      binding.writes.length === 0 &&
      uses.every((use) => use.type !== 'other');
    if (checkRegistries || neverEmptied) {
      context.report({
        node: binding.reportNode,
        messageId: 'instanceRegistry',
        data: { ...data, how: enumeration.how, line: lineOf(enumeration.node) },
      });
      return true;
    }
    // Each instance adds itself and has its own dispose member, but only a whole-container
    // `clear()` ever empties the registry: an instance disposed on its own stays registered.
    const onlyCleared = clear !== undefined && binding.writes.length === 0 && uses.every((use) => use.type !== 'other' || use === clear);
    const added = onlyCleared ? keyed.find((site) => site.instance && site.instance.via !== 'wrapper' && site.method === kind.insert) : undefined;
    const dispose = added?.instance ? findOwnDispose(file, added.call, added.instance.className) : null;
    if (added?.instance && dispose && clear) {
      context.report({
        node: binding.reportNode,
        messageId: 'disposedStayRegistered',
        data: {
          ...data,
          instances: added.instance.className ?? 'instance',
          how: `${kind.insert}()`,
          member: describeMember(added.instance),
          dispose: dispose.name,
          disposeLine: lineOf(dispose.node),
          line: lineOf(clear.node),
        },
      });
      return true;
    }
    return false;
  }

  const retention = kind.bounded
    ? `up to its size bound, ${instances} instances stay in memory`
    : clear
      ? `every ${instances} stored in it stays in memory until \`clear()\` (line ${lineOf(clear.node)}) runs`
      : `every ${instances} stored in it stays in memory`;
  const decision = decideFix(context.sourceCode, file, binding, container, uses);
  const messageId = typed ? ('objectKeyedCache' as const) : ('instanceKeyedCache' as const);
  // A container imported from another module is reported at the use that fills it, here.
  const report = { node: binding.imported ? first.call : binding.reportNode, messageId, data: { ...data, retention } };

  if (decision.type === 'fix') {
    context.report({ ...report, fix: decision.fix });
  } else if (decision.type === 'suggest') {
    context.report({
      ...report,
      suggest: [{ messageId: kind.bounded ? 'useWeakUnbounded' : 'useWeak', data, fix: decision.fix }],
    });
  } else {
    context.report(report);
  }
  return true;
}

/**
 * A binding declared `WeakMap`/`WeakSet` but created as a Map/Set. An autofix when the weak container
 * provably behaves the same (see `DeclaredWeakMismatch.sameBehaviour`), else a suggestion: the declared
 * type already restricts the binding to the weak API, so the rewrite always type-checks.
 */
function reportDeclaredWeak(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, mismatch: DeclaredWeakMismatch): void {
  const { sourceCode } = context;
  const data = {
    name: clip(mismatch.name),
    declared: clip(sourceCode.getText(mismatch.declared)),
    strong: mismatch.strong,
    weak: mismatch.weak,
    keys: mismatch.keyType ? `its \`${clip(sourceCode.getText(mismatch.keyType))}\` keys` : 'its keys',
    lifetime: mismatch.lifetime,
  };
  const fix: TSESLint.ReportFixFunction = (fixer) => fixer.replaceText(mismatch.creation.callee, mismatch.weak);
  const report = { node: mismatch.creation, messageId: 'declaredWeak' as const, data };
  if (mismatch.sameBehaviour === true) context.report({ ...report, fix });
  else context.report({ ...report, suggest: [{ messageId: 'createDeclaredWeak', data, fix }] });
}

/**
 * Long-lived containers that grow by one entry per event or per instance (`getPerCallInsert`: a
 * closure, record or argument stored by a listener, a constructor or a lifecycle method) and that
 * nothing in the program takes entries out of. Message only: when to remove an entry is the program's decision.
 */
function checkPerCallGrowth(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  inserts: ReadonlyArray<TSESTree.CallExpression | TSESTree.AssignmentExpression>,
  reported: Set<LongLivedBinding>,
): void {
  for (const node of inserts) {
    const growing = getGrowingContainer(file, node);
    if (!growing || reported.has(growing.binding)) continue;
    reported.add(growing.binding);
    const { insert } = growing;
    context.report({
      node: growing.binding.reportNode,
      messageId: 'growsPerCall',
      data: {
        name: growing.name,
        scope: describeScope(growing.binding.scope),
        value: insert.value.what,
        run: insert.run.what,
        how: insert.how,
        member: describeEnclosingFunction(node),
        lifetime: growing.lifetime,
      },
    });
  }
}

/**
 * The instances (or per-call entries) the inserts store (`getCollectedInstance`), for the inserts into a
 * long-lived container only: what a local or a field of an instance collects is not asked about.
 */
function collectedInstances(file: FileContext, inserts: ReadonlyArray<TSESTree.CallExpression | TSESTree.AssignmentExpression>): CollectedInstance[] {
  const collected: CollectedInstance[] = [];
  for (const node of inserts) {
    if (node.type === AST_NODE_TYPES.CallExpression && getStaticMemberName(node.callee as TSESTree.MemberExpression) === 'add') continue;
    if (!resolveLongLivedBinding(file, insertTarget(node))) continue;
    const found = getCollectedInstance(file, node);
    if (found) collected.push(found);
  }
  return collected;
}

/**
 * Long-lived arrays, plain objects and Maps that collect instances as values (`all.push(this)`,
 * `instances[id] = this`, `byId.set(id, this)`) and that nothing in the program can empty.
 * Message only: which entry to drop, and when, is the program's decision.
 */
function checkCollections(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  collected: readonly CollectedInstance[],
  reported: Set<LongLivedBinding>,
  checkRegistries: boolean,
): void {
  const keyed = new Set(reported); // judged as keyed containers: not again as collections
  for (const site of collected) {
    const binding = resolveLongLivedBinding(file, site.container);
    if (!binding || reported.has(binding) || keyed.has(binding)) continue;
    if (isDeclaredWeak(file, binding.typeAnnotation, binding.init)) continue; // reported where it is created
    const kind = getCollectionKind(file, binding);
    if (!kind) continue;
    if (site.perCall) {
      // a new entry on every call: lookups by key cannot bound it, only a removal can
      if (mayRemoveEntries(file, binding, kind)) continue;
      reported.add(binding);
      context.report({
        node: binding.reportNode,
        messageId: 'perCallEntries',
        data: {
          name: binding.name,
          scope: describeScope(binding.scope),
          how: site.how,
          member: site.instance.memberName ?? 'an anonymous function',
          key: clip(context.sourceCode.getText(site.perCall.key)),
          value: clip(context.sourceCode.getText(site.perCall.value)),
        },
      });
      continue;
    }
    if (mayRemoveEntries(file, binding, kind)) {
      // Exported: other modules may take entries out, unless the class's own dispose leaves them in.
      if (reportDisposedCollected(context, file, binding, kind, site, checkRegistries)) reported.add(binding);
      continue;
    }
    // A factory's product in a container looked up by key is a memoized result, not a registration.
    if (site.handedOut && isLookedUpByKey(binding, kind)) continue;
    // An interning cache of instances that hold only their key (`cache[src] = this` with `this.src = src`) keeps the keys alone.
    if (!site.state && isLookedUpByKey(binding, kind) && isKeyedByCreatorInput(file, keyOf(site.node), site.instance.className) && !holdsCallerObject(file, site.instance.className)) {
      continue;
    }
    reported.add(binding);
    const data = {
      name: binding.name,
      scope: binding.scope,
      instances: site.instance.className ?? 'instance',
      how: site.how,
      member: site.handedOut ? describeEnclosingFunction(site.node) : describeMember(site.instance),
    };
    // A Map whose removals all miss the stored key: say so, the code looks managed.
    const [missed] = kind === 'map' ? getKeyedRemovals(file, binding, 'set').ignored : [];
    const key = site.node.type === AST_NODE_TYPES.CallExpression ? site.node.arguments[0] : undefined;
    if (missed && key) {
      context.report({
        node: binding.reportNode,
        messageId: 'removalsMiss',
        data: { ...data, key: clip(context.sourceCode.getText(key)), line: lineOf(missed) },
      });
      continue;
    }
    if (site.state) {
      // kept through state the instance owns (`registry.set(tag, [map])`, `map` holding `this`)
      const member = site.instance.className === null && site.instance.memberName === null ? 'a decorated method' : `\`${data.member}\``;
      // reported at the store: the container is sound, putting the instance's state into it is not
      context.report({ node: site.node, messageId: 'instanceStateCollected', data: { ...data, member, state: clip(site.state.name) } });
      continue;
    }
    context.report({ node: binding.reportNode, messageId: 'instancesCollected', data });
  }
}

/** The key of a store: `k` of `x[k] = v` or `x.set(k, v)` (for `push` there is none: the node itself, which is no key). */
function keyOf(node: TSESTree.Node): TSESTree.Node {
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) return node.left.property;
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments[0]) return node.arguments[0];
  return node;
}

/** Long-lived collections that are only ever added to, in functions (`getWriteOnlyInsert`), once each. */
function checkWriteOnly(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  targetsByName: ReadonlyMap<string, readonly TSESTree.Identifier[]>,
  reported: Set<LongLivedBinding>,
): void {
  for (const target of [...targetsByName.values()].flat()) {
    const binding = resolveLongLivedBinding(file, target);
    if (!binding || reported.has(binding)) continue;
    const insert = getWriteOnlyInsert(file, binding);
    if (!insert) continue;
    reported.add(binding);
    const how = insert.type === AST_NODE_TYPES.CallExpression ? `\`${getStaticMemberName(insert.callee as TSESTree.MemberExpression)}()\`` : '`[…] =`';
    context.report({
      node: binding.reportNode,
      messageId: 'writeOnlyCollection',
      data: { name: binding.name, scope: describeScope(binding.scope), how, member: describeEnclosingFunction(insert) },
    });
  }
}

/** Containers on a prototype that every instance fills through `this` (`shared-containers.ts`), once each. */
function checkPrototypeContainers(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  inserts: ReadonlyArray<{ readonly member: TSESTree.MemberExpression; readonly site: TSESTree.Node; readonly how: string }>,
): void {
  const reported = new Set<TSESTree.Node>();
  for (const { member, site, how } of inserts) {
    const shared = getSharedPrototypeContainer(file, member);
    if (!shared || reported.has(shared.reportNode)) continue;
    reported.add(shared.reportNode);
    context.report({
      node: shared.reportNode,
      messageId: 'prototypeContainerFilled',
      data: { name: shared.name, container: shared.container, instances: shared.className, how, member: describeEnclosingFunction(site) },
    });
  }
}

/**
 * An exported registry that the instance's own `destroy`/`dispose` never empties (nothing in this file
 * removes from it): however other modules use it, an instance disposed as its class intends stays in it.
 * Without one, the instance's own module never takes it out either: reported too (the message says that
 * other code could). A factory's product kept this way is reported only with `checkRegistries`.
 */
function reportDisposedCollected(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  binding: LongLivedBinding,
  kind: 'array' | 'object' | 'map',
  site: CollectedInstance,
  checkRegistries: boolean,
): boolean {
  if (site.state || site.instance.via === 'wrapper') return false;
  const resets = getResets(binding);
  // Exported, or emptied only all at once (a static `destroyAll()` that assigns `[]`)
  if (!binding.exported && resets.length === 0) return false;
  // A factory's product kept by an exported registry may be the API (`bb.instances`): only with `checkRegistries`.
  if (site.handedOut && !checkRegistries) return false;
  if (mayRemoveEntries(file, binding, kind, { inThisFileOnly: true, resetsOnly: true })) return false;
  const dispose = site.handedOut ? null : findOwnDispose(file, site.node, site.instance.className);
  if (!dispose && resets.length > 0) return false; // emptied by whoever resets it: managed
  if (!dispose) {
    context.report({
      node: binding.reportNode,
      messageId: 'exportedCollected',
      data: { name: binding.name, scope: describeScope(binding.scope), instances: site.instance.className ?? 'instance', how: site.how, member: describeMember(site.instance) },
    });
    return true;
  }
  context.report({
    node: binding.reportNode,
    messageId: 'disposedStayCollected',
    data: {
      name: binding.name,
      instances: site.instance.className ?? 'instance',
      how: site.how,
      member: describeMember(site.instance),
      dispose: dispose.name,
      disposeLine: lineOf(dispose.node),
    },
  });
  return true;
}

/** A key site with what the message says of it. */
interface ResolvedSite {
  /** Whose objects are pinned (the class, or in typed mode the key's type). */
  readonly owner: InstanceContext;
  /** The key as written: `this`, `self`, `node`. */
  readonly text: string;
  /** Where the key is used: `ImageCache.preview`, `renderTree`. */
  readonly where: string;
  /** The call that uses the key. */
  readonly call: TSESTree.CallExpression;
  /** What messages say the key's type is, when it is not the owner's name (`object, used as el.focus()`). */
  readonly typeText?: string;
}

function resolveInstanceSites(sites: readonly KeySite[]): ResolvedSite[] {
  return sites.flatMap((site) =>
    site.instance ? [{ owner: site.instance, text: site.instance.text, where: describeMember(site.instance), call: site.call }] : [],
  );
}

/** Typed mode: inserts whose key's static type is an instance object type (asked only now, for a real container). */
function resolveObjectTypedSites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: FileContext,
  sites: readonly KeySite[],
): ResolvedSite[] {
  const types = getTypeServices(file);
  if (!types) return [];
  const resolved: ResolvedSite[] = [];
  for (const site of sites) {
    if (site.instance || (site.method !== 'set' && site.method !== 'add')) continue;
    const type = getTypeOf(types, site.key);
    if (!isInstanceObjectType(types, type)) continue;
    resolved.push({
      owner: { className: typeToString(types, type), memberName: null },
      text: sourceCode.getText(site.key),
      where: describeEnclosingFunction(site.call),
      call: site.call,
    });
  }
  return resolved;
}

/** Without types: inserted keys whose written type (own annotation, or the container's key type) is an object. */
function resolveDeclaredObjectSites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: FileContext,
  binding: LongLivedBinding,
  sites: readonly KeySite[],
): ResolvedSite[] {
  const resolved: ResolvedSite[] = [];
  for (const site of sites) {
    if (site.instance || (site.method !== 'set' && site.method !== 'add')) continue;
    const declared = getDeclaredObjectKeyType(file, binding, site.key);
    const used = declared ? null : getObjectKeyUse(file, site.key);
    const type = declared ?? used;
    if (!type) continue;
    resolved.push({
      owner: { className: declared ?? 'object', memberName: null },
      typeText: type,
      text: sourceCode.getText(site.key),
      where: describeEnclosingFunction(site.call),
      call: site.call,
    });
  }
  return resolved;
}

/** Keys that are not literals, templates or arithmetic: only these can have an object type. */
function isTypedKeyCandidate(key: TSESTree.Node): boolean {
  return getSyntacticKind(key) === 'unknown';
}

type FixDecision =
  | { readonly type: 'fix' | 'suggest'; readonly fix: TSESLint.ReportFixFunction }
  | { readonly type: 'none'; readonly reason: string };

/**
 * Autofix only when a weak container provably behaves the same: every use is get/set/has/delete
 * (Set: add/has/delete) with unused insert results, every inserted key is an object, and the binding
 * is not reassigned or reachable from other modules. Unknown key objectness, a bounded LRU or an
 * export make it a suggestion; anything else leaves the report without a fix.
 */
function decideFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: FileContext,
  binding: LongLivedBinding,
  container: StrongContainer,
  uses: readonly ContainerUse[],
): FixDecision {
  const { kind } = container;
  const [write] = binding.writes;
  if (write) return { type: 'none', reason: `it is reassigned at line ${lineOf(write)}` };
  if (binding.reachableElsewhere) return { type: 'none', reason: 'it can be reached in ways this file does not show' };
  let keysAllKnownObjects = true;
  for (const use of uses) {
    if (use.type !== 'keyed') {
      return { type: 'none', reason: `${use.how} at line ${lineOf(use.node)} has no ${kind.weak} equivalent` };
    }
    const key = use.call.arguments[0];
    const keyKind = key && key.type !== AST_NODE_TYPES.SpreadElement ? getValueKind(file, key) : 'unknown';
    if (use.method !== kind.insert) {
      // A lookup or removal by a primitive finds nothing in either container, but no longer type-checks.
      if (keyKind === 'primitive') return { type: 'none', reason: `\`${sourceCode.getText(key)}\` at line ${lineOf(use.call)} is a primitive key` };
      continue;
    }
    if (use.resultUsed) {
      return { type: 'none', reason: `the result of \`${use.method}()\` at line ${lineOf(use.call)} is used` };
    }
    if (keyKind === 'primitive') {
      return {
        type: 'none',
        reason: `\`${sourceCode.getText(key)}\` at line ${lineOf(use.call)} is a primitive key, which a ${kind.weak} rejects`,
      };
    }
    if (keyKind === 'unknown') keysAllKnownObjects = false;
  }
  const rewrite = rewriteToWeakContainer(sourceCode, binding, container);
  if (!rewrite.ok) return { type: 'none', reason: rewrite.reason };
  const provablySame = keysAllKnownObjects && !kind.bounded && !binding.exported;
  return { type: provablySame ? 'fix' : 'suggest', fix: rewrite.fix };
}
