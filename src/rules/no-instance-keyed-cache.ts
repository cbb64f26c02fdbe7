import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, lineOf } from '../analysis/ast.js';
import {
  classifyContainerUse,
  getStrongContainer,
  KEYED_METHOD_NAMES,
  type ContainerUse,
  type StrongContainer,
} from '../analysis/containers.js';
import { getFileContext, type FileContext } from '../analysis/file-context.js';
import { describeMember, getInstanceOf, type CarriedInstance } from '../analysis/instance.js';
import { resolveLongLivedBinding, type LongLivedBinding } from '../analysis/long-lived.js';
import { getValueKind } from '../analysis/values.js';
import { rewriteToWeakContainer } from '../fixes/weak-container.js';
import { createRule } from '../util/create-rule.js';
import { describeInstances } from '../util/describe.js';

export type Options = [{ checkRegistries?: boolean }];
export type MessageIds = 'instanceKeyedCache' | 'instanceRegistry' | 'useWeak' | 'useWeakUnbounded';

/** One place where the instance is used as a key of some container. */
interface KeySite {
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly instance: CarriedInstance;
}

export default createRule<Options, MessageIds>({
  name: 'no-instance-keyed-cache',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow long-lived Map, Set and LRU caches keyed by class instances',
      recommended: true,
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
              'Also report long-lived containers of instances that the program enumerates or sizes (registries), which a weak container cannot replace.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkRegistries: false }],
    messages: {
      instanceKeyedCache:
        '`{{name}}` ({{scope}}) is {{aContainer}} keyed by `{{key}}` in `{{member}}`{{elsewhere}}: {{retention}}. {{remedy}}',
      instanceRegistry:
        '`{{name}}` ({{scope}}) is {{aContainer}} that holds `{{key}}` from `{{member}}`{{elsewhere}} and is enumerated ({{how}}, line {{line}}): every {{instances}} added stays in memory until it is removed. Remove each instance when it is disposed, or hold them through WeakRef.',
      useWeak: 'Replace `{{name}}` with a {{weak}}, so that {{instances}} instances can be garbage-collected',
      useWeakUnbounded:
        'Replace the bounded {{container}} `{{name}}` with a {{weak}}: entries then live exactly as long as their {{instances}}, with no size bound',
    },
  },
  create(context, [{ checkRegistries }]) {
    const file = getFileContext(context);
    const sitesByContainer = new Map<TSESTree.Node, KeySite[]>();

    return {
      CallExpression(node): void {
        // Cheap syntactic filter first: `x.get(…)`, `x.set(…)`, `x.add(…)` …
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return;
        const method = getStaticMemberName(callee);
        if (method === null || !KEYED_METHOD_NAMES.has(method)) return;
        const key = node.arguments[0]!;
        if (key.type === AST_NODE_TYPES.SpreadElement) return;
        const instance = getInstanceOf(file, key);
        if (!instance) return;
        const sites = sitesByContainer.get(callee.object) ?? [];
        sites.push({ call: node, method, instance });
        sitesByContainer.set(callee.object, sites);
      },
      'Program:exit'(): void {
        // Group the key sites by the binding they reach, then judge each binding once.
        const byBinding = new Map<LongLivedBinding, KeySite[]>();
        for (const [containerExpression, sites] of sitesByContainer) {
          const binding = resolveLongLivedBinding(file, containerExpression);
          if (!binding) continue;
          byBinding.set(binding, [...(byBinding.get(binding) ?? []), ...sites]);
        }
        for (const [binding, sites] of byBinding) {
          checkBinding(context, file, binding, sites, checkRegistries ?? false);
        }
      },
    };
  },
});

function checkBinding(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  binding: LongLivedBinding,
  allSites: readonly KeySite[],
  checkRegistries: boolean,
): void {
  const container = getStrongContainer(file, binding.init);
  if (!container) return; // weak, per-instance, or not a container we know
  const { kind } = container;
  const sites = allSites.filter((site) => kind.weakMethods.has(site.method) || kind.otherKeyedMethods.has(site.method));
  const first = sites[0];
  if (!first) return;
  const uses = binding.uses.map((use) => classifyContainerUse(kind, use));
  const instances = describeInstances(sites.map((site) => site.instance));
  const members = new Set(sites.map((site) => describeMember(site.instance)));
  const data = {
    name: binding.name,
    scope: binding.scope,
    container: kind.display,
    aContainer: kind.withArticle,
    key: first.instance.text,
    member: describeMember(first.instance),
    elsewhere: members.size > 1 ? ` (and ${members.size - 1} more member${members.size > 2 ? 's' : ''})` : '',
    instances,
    weak: kind.weak,
  };

  const enumeration = uses.find((use) => use.type === 'enumerate');
  if (enumeration) {
    if (checkRegistries) {
      context.report({
        node: binding.reportNode,
        messageId: 'instanceRegistry',
        data: { ...data, how: enumeration.how, line: lineOf(enumeration.node) },
      });
    }
    return;
  }

  const retention = kind.bounded
    ? `up to its size bound, ${instances} instances stay in memory after their last use`
    : `every ${instances} stored in it stays in memory for the life of the program`;
  const decision = decideFix(context.sourceCode, file, binding, container, uses);
  const remedy =
    decision.type === 'none'
      ? `Use a ${kind.weak}, or delete each entry when its instance is disposed (not fixed automatically: ${decision.reason}).`
      : `Use a ${kind.weak}.`;
  const report = { node: binding.reportNode, messageId: 'instanceKeyedCache' as const, data: { ...data, retention, remedy } };

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
    if (use.method !== kind.insert) continue;
    if (use.resultUsed) {
      return { type: 'none', reason: `the result of \`${use.method}()\` at line ${lineOf(use.call)} is used` };
    }
    const key = use.call.arguments[0];
    const keyKind = key && key.type !== AST_NODE_TYPES.SpreadElement ? getValueKind(file, key) : 'unknown';
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
