import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, lineOf, outermostWrapper, unwrapExpression } from '../analysis/core/ast.js';
import { getFileContext, isModuleLevelScope, type FileContext } from '../analysis/core/file-context.js';
import { getPrescan } from '../analysis/core/prescan.js';
import { describeEnclosingFunction, describeMember, findCarriedInstance, getInstanceOf, type CarriedInstance } from '../analysis/lifetimes/instance.js';
import { isSingletonClass } from '../analysis/lifetimes/singletons.js';
import { getDeclaredObjectValueType } from '../analysis/lifetimes/declared-keys.js';
import { getObjectParamEvidence } from '../analysis/lifetimes/object-params.js';
import { resolveLongLivedBinding, type LongLivedBinding } from '../analysis/lifetimes/long-lived.js';
import {
  findProperty,
  getKeyReach,
  getMemoizerCall,
  loadMemoizerTable,
  reachHoldsArgument,
  resolveFunction,
  type KeyReach,
  type MemoizerUse,
} from '../analysis/memoizers/memoizers.js';
import { getValueKind } from '../analysis/core/values.js';
import { rewriteToWeakKeys } from '../fixes/weak-memoizer-keys.js';
import { createRule } from '../util/create-rule.js';
import type { NoInstanceInSharedMemoizerOptions } from '../util/rule-options.js';
import { clip, describeInstances, describeScope } from '../util/describe.js';

export type Options = NoInstanceInSharedMemoizerOptions;
export type MessageIds = 'instanceInKey' | 'objectInKey' | 'useWeakKeys';

/** A call of something that may be a long-lived memoized function, with an instance somewhere in it. */
interface Candidate {
  readonly call: TSESTree.CallExpression;
  /** The expression naming the memoized function (`layoutOf`, `Layout.cache`, `helpers.layout`). */
  readonly target: TSESTree.Node;
  /** The arguments the memoized function receives (`null`: an `apply` with a non-literal list). */
  readonly args: readonly TSESTree.CallExpressionArgument[] | null;
  /** `f.call(x, …)` / `f.apply(x, …)`: the `this` it receives. */
  readonly thisArg: TSESTree.Node | null;
}

/** Where an instance lands in the key. */
interface Pin {
  readonly candidate: Candidate;
  readonly use: MemoizerUse;
  readonly node: TSESTree.Node;
  /** Argument index, or `'this'` (the call's `this`, returned by the key function). */
  readonly position: number | 'this';
  /** The instance the argument carries; `null` for an object shown by other evidence (`object`). */
  readonly instance: CarriedInstance | null;
  /** What shows the argument is an object when it is no instance: its written type, a guard, a use. */
  readonly object: string | null;
}

export default createRule<Options, MessageIds>({
  name: 'no-instance-in-shared-memoizer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passing class instances to long-lived memoized functions that keep their keys strongly',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkBounded: {
            type: 'boolean',
            description:
              'Also report memoizers with a size bound (moize and micro-memoize `maxSize`, memoize-one): they pin at most that many instances.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkBounded: true }],
    messages: {
      instanceInKey:
        '`{{name}}` ({{scope}}) is memoized with {{memoizer}}, keyed by {{keyDesc}}; `{{member}}` passes `{{instance}}` {{position}}{{elsewhere}}: {{retention}}.',
      objectInKey:
        '`{{name}}` ({{scope}}) is memoized with {{memoizer}}, keyed by {{keyDesc}}; `{{where}}` passes `{{argument}}`, {{evidence}}{{elsewhere}}: each one passed stays in memory.',
      useWeakKeys: 'Make `{{name}}` hold its keys weakly ({{how}}), so that {{instances}} instances can be garbage-collected',
    },
  },
  create(context, [{ checkBounded }]) {
    const file = getFileContext(context);
    const settings = context.settings;
    loadMemoizerTable(file, settings); // validates settings['memo-leak'].memoizers on every file
    const candidates: Candidate[] = [];

    // A file that imports no memoizer can hold no memoized function: no listener at all. (A memoized
    // binding is initialised with a call of a name bound at module level to a memoizer library or a
    // project module.) One without `this` passes no instance, only other objects.
    const scan = getPrescan(file);
    if (scan.memoizerRootNames.size === 0) return {};
    const hasThis = scan.hasThis;

    return {
      CallExpression(node): void {
        // Cheap syntactic filter: some argument (or the `this` of `.call`/`.apply`) is `this`-like.
        if (node.arguments.length === 0) return;
        const candidate = toCandidate(node);
        if (!candidate) return;
        const carries =
          hasThis &&
          ((candidate.thisArg !== null && getInstanceOf(file, candidate.thisArg) !== null) ||
          (candidate.args ?? []).some(
            (arg) => arg.type !== AST_NODE_TYPES.SpreadElement && findCarriedInstance(file, arg) !== null,
          ));
        // Any object can be a key too: calls of a module-level binding initialised by a call are judged at the end.
        if (carries || callsModuleBinding(file, candidate.target)) candidates.push(candidate);
      },
      'Program:exit'(): void {
        const byBinding = new Map<LongLivedBinding, Candidate[]>();
        for (const candidate of candidates) {
          const binding = resolveLongLivedBinding(file, candidate.target);
          if (!binding) continue;
          byBinding.set(binding, [...(byBinding.get(binding) ?? []), candidate]);
        }
        for (const [binding, found] of byBinding) {
          checkBinding(context, file, binding, found, checkBounded ?? true);
        }
      },
    };
  },
});

function toCandidate(call: TSESTree.CallExpression): Candidate | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticMemberName(callee);
    if (method === 'call' || method === 'apply') {
      const [thisArg, list] = call.arguments;
      const thisNode = thisArg && thisArg.type !== AST_NODE_TYPES.SpreadElement ? thisArg : null;
      let args: TSESTree.CallExpressionArgument[] | null = null;
      if (method === 'call') args = call.arguments.slice(1);
      else if (list && unwrapExpression(list).type === AST_NODE_TYPES.ArrayExpression) {
        const elements = (unwrapExpression(list) as TSESTree.ArrayExpression).elements;
        args = elements.every((element) => element !== null) ? (elements as TSESTree.CallExpressionArgument[]) : null;
      }
      return { call, target: callee.object, args, thisArg: thisNode };
    }
    return { call, target: callee, args: call.arguments, thisArg: null };
  }
  if (callee.type === AST_NODE_TYPES.Identifier) return { call, target: callee, args: call.arguments, thisArg: null };
  return null;
}

/** The memoizers a binding can hold: its initializer and module-level reassignments; `null` when one is something else. */
function memoizersOf(file: FileContext, settings: unknown, binding: LongLivedBinding): MemoizerUse[] | null {
  const values: TSESTree.Node[] = binding.init ? [binding.init] : [];
  for (const write of binding.writes) {
    const outer = outermostWrapper(write);
    const assignment = outer.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== outer || assignment.operator !== '=') {
      return null;
    }
    // A memoizer assigned in a function or constructor is replaced per call or per instance.
    if (!isModuleLevelScope(file.sourceCode.getScope(assignment), assignment)) return null;
    values.push(assignment.right);
  }
  if (values.length === 0) return null;
  const uses: MemoizerUse[] = [];
  for (const value of values) {
    const expression = unwrapExpression(value);
    const use = expression.type === AST_NODE_TYPES.CallExpression ? getMemoizerCall(file, settings, expression) : null;
    if (!use) return null;
    uses.push(use);
  }
  return uses;
}

/** Entries of this memoizer expire by time (`maxAge` given): they die late, but they die. */
function expires(use: MemoizerUse): boolean {
  return use.spec.expiryOptions.some((name) => {
    const value = findProperty(use.options, name)?.value;
    if (!value) return false;
    const expression = unwrapExpression(value);
    return !(expression.type === AST_NODE_TYPES.Literal && !expression.value) && !(expression.type === AST_NODE_TYPES.Identifier && expression.name === 'Infinity');
  });
}

function findPin(file: FileContext, candidate: Candidate, use: MemoizerUse, reach: KeyReach): Pin | null {
  for (const [index, arg] of (candidate.args ?? []).entries()) {
    if (arg.type === AST_NODE_TYPES.SpreadElement) break; // later positions are unknown
    if (!reachHoldsArgument(reach, index)) continue;
    const instance = findCarriedInstance(file, arg);
    // The one instance of a singleton lives as long as the module: keeping it keeps nothing extra.
    if (instance && !isSingletonClass(file, instance.className)) return { candidate, use, node: arg, position: index, instance, object: null };
  }
  if (reach.callThis && candidate.thisArg) {
    const instance = getInstanceOf(file, candidate.thisArg);
    if (instance && !isSingletonClass(file, instance.className)) return { candidate, use, node: candidate.thisArg, position: 'this', instance, object: null };
  }
  // An object of another kind in a key the cache holds by identity: its written type, a guard, or the
  // memoized function's use of that parameter (`(stats) => stats.toJson()`).
  if (reach.viaKeyFunction) return null;
  const fn = use.fn ? resolveFunction(file, use.fn) : null;
  for (const [index, arg] of (candidate.args ?? []).entries()) {
    if (arg.type === AST_NODE_TYPES.SpreadElement) break;
    if (!reachHoldsArgument(reach, index) || getValueKind(file, arg) === 'primitive' || isLongLivedValue(file, arg)) continue;
    const written = getDeclaredObjectValueType(file, arg);
    const evidence = written ? `a \`${clip(written, 30)}\`` : madeAtCall(arg) ?? (fn ? getObjectParamEvidence(file, fn, index) : null);
    if (evidence) return { candidate, use, node: arg, position: index, instance: null, object: evidence };
  }
  return null;
}

/** An argument created by the call itself (`fn({ cache, fs })`, `fn(new Options())`): a key no later call can pass again. */
function madeAtCall(arg: TSESTree.Node): string | null {
  const expression = unwrapExpression(arg);
  const made =
    (expression.type === AST_NODE_TYPES.ObjectExpression && expression.properties.length > 0) ||
    (expression.type === AST_NODE_TYPES.ArrayExpression && expression.elements.length > 0) ||
    expression.type === AST_NODE_TYPES.NewExpression;
  return made ? 'new on every call (never a hit)' : null;
}

/**
 * A value that lives as long as the program anyway, so holding it keeps nothing extra alive: `this`
 * where it is no instance (a class in a static method), a module-level binding or import, a global.
 */
function isLongLivedValue(file: FileContext, node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return true; // an instance was handled before
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(expression);
  if (!variable || variable.defs.length === 0) return true; // a global (`document`, `window`)
  return isModuleLevelScope(variable.scope, variable.defs[0]?.name) && variable.defs.every((def) => def.type !== 'Parameter');
}

/** Is the callee a module-level binding initialised by a call (`const measure = memoize(…)`)? Cheap, per file. */
function callsModuleBinding(file: FileContext, target: TSESTree.Node): boolean {
  const name = unwrapExpression(target);
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  return file
    .cached('moduleCallBindings', file.program, () => {
      const names = new Set<string>();
      for (const statement of file.program.body) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && unwrapExpression(declarator.init).type === AST_NODE_TYPES.CallExpression) {
            names.add(declarator.id.name);
          }
        }
      }
      return names;
    })
    .has(name.name);
}

function checkBinding(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: FileContext,
  binding: LongLivedBinding,
  candidates: readonly Candidate[],
  checkBounded: boolean,
): void {
  const settings = context.settings;
  const memoizers = memoizersOf(file, settings, binding);
  if (!memoizers) return;
  const pins: Pin[] = [];
  for (const use of memoizers) {
    if (use.spec.cache !== 'per-call' && use.spec.cache !== 'per-factory') continue;
    if (expires(use)) continue;
    if (use.bound !== null && !checkBounded) continue;
    const reach = getKeyReach(file, settings, use);
    if (!reach) continue;
    for (const candidate of candidates) {
      const pin = findPin(file, candidate, use, reach);
      if (pin) pins.push(pin);
    }
  }
  // Instances first: when some call passes one, the message is about them.
  const instancePins = pins.filter((pin) => pin.instance !== null);
  const reported = instancePins.length > 0 ? instancePins : pins;
  const first = reported[0];
  if (!first) return;
  const { use } = first;
  const reach = getKeyReach(file, settings, use)!;
  const calls = new Set(reported.map((pin) => pin.candidate.call));
  const elsewhere = calls.size > 1 ? ` (and ${calls.size - 1} more call${calls.size > 2 ? 's' : ''})` : '';
  if (!first.instance) {
    const objectData = {
      name: binding.name,
      scope: describeScope(binding.scope),
      memoizer: use.spec.display,
      keyDesc: describeKey(reach),
      where: describeEnclosingFunction(first.node),
      argument: clip(context.sourceCode.getText(first.node), 30),
      evidence: first.object ?? 'an object',
      elsewhere,
      instances: 'the objects passed',
    };
    const decision = memoizers.length === 1 ? decideFix(context.sourceCode, file, binding, use, reach, reported, /\.[cm]?tsx?$/.test(context.filename)) : none('it is reassigned');
    const objectReport = { node: first.node, messageId: 'objectInKey' as const, data: objectData };
    // Not an instance of the user's: a suggestion at most (whether the objects are few or many is not known).
    if (decision.type !== 'none') {
      context.report({ ...objectReport, suggest: [{ messageId: 'useWeakKeys', data: { ...objectData, instances: 'their', how: decision.how }, fix: decision.fix }] });
    } else context.report(objectReport);
    return;
  }
  const instances = describeInstances(reported.flatMap((pin) => (pin.instance ? [pin.instance] : [])));
  const data = {
    name: binding.name,
    scope: describeScope(binding.scope),
    memoizer: use.spec.display,
    keyDesc: describeKey(reach),
    member: describeMember(first.instance),
    instance: first.instance.text,
    position: describePosition(context.sourceCode, first),
    elsewhere,
    retention: describeRetention(use, instances),
    instances,
  };
  const decision = memoizers.length === 1 ? decideFix(context.sourceCode, file, binding, use, reach, reported, /\.[cm]?tsx?$/.test(context.filename)) : none('it is reassigned');
  const report = { node: first.node, messageId: 'instanceInKey' as const, data };
  if (decision.type === 'fix') {
    context.report({ ...report, fix: decision.fix });
  } else if (decision.type === 'suggest') {
    context.report({ ...report, suggest: [{ messageId: 'useWeakKeys', data: { ...data, how: decision.how }, fix: decision.fix }] });
  } else {
    context.report(report);
  }
}

function ordinal(position: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][position] ?? `${position + 1}th`;
}

function describeKey(reach: KeyReach): string {
  if (reach.viaKeyFunction) return "its key function's result";
  const parts: string[] = [];
  if (reach.from === 0) parts.push('all its arguments');
  else if (reach.indices.size === 1) parts.push('its first argument');
  else if (reach.indices.size > 1) parts.push(`its first ${reach.indices.size} arguments`);
  if (reach.callThis) parts.push("the call's `this`");
  return parts.join(' and ');
}

function describePosition(sourceCode: Readonly<TSESLint.SourceCode>, pin: Pin): string {
  if (pin.position === 'this') return 'as `this`, returned by its key function';
  const where = `the ${ordinal(pin.position)} argument`;
  if (pin.instance?.via !== 'wrapper') return `as ${where}`;
  return `inside ${where} (\`${sourceCode.getText(pin.node)}\`)`;
}

function describeRetention(use: MemoizerUse, instances: string): string {
  const { bound } = use;
  if (bound === null) return `every ${instances} stays in memory`;
  const option = use.spec.bound.option;
  if (bound === 'unknown') return `up to its \`${option ?? 'size'}\` bound, ${instances} instances stay in memory`;
  const given = option ? findProperty(use.options, option) : null;
  const source = option ? `\`${option}\` ${given ? 'is' : 'defaults to'} ${bound}` : `its limit is ${bound}`;
  return bound === 1
    ? `the last ${instances} stays in memory (${source})`
    : `up to ${bound} ${instances} instances stay in memory (${source})`;
}

type FixDecision =
  | { readonly type: 'fix' | 'suggest'; readonly fix: TSESLint.ReportFixFunction; readonly how: string }
  | { readonly type: 'none'; readonly reason: string };

function none(reason: string): FixDecision {
  return { type: 'none', reason };
}

/** How each call of the binding passes arguments, or `null` when the binding is used otherwise. */
function callOf(use: TSESTree.Node): Candidate | null {
  const outer = outermostWrapper(use);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) return toCandidate(parent);
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
    const member = outermostWrapper(parent);
    const call = member.parent;
    const method = getStaticMemberName(parent);
    if ((method === 'call' || method === 'apply') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
      return toCandidate(call);
    }
  }
  return null;
}

/**
 * Weak keys behave the same as strong ones when every key is an object: an autofix when every call
 * is visible (the binding is not exported or reachable elsewhere) and passes an object key; a
 * suggestion when a key's objectness is unknown, the binding is exported, or the rewrite switches
 * exports; nothing when a key is a primitive (a WeakMap rejects it) or the memoized function is
 * used other than by calling it (`.cache.clear()`, `memoizeClear(f)`).
 */
function decideFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: FileContext,
  binding: LongLivedBinding,
  use: MemoizerUse,
  reach: KeyReach,
  pins: readonly Pin[],
  typescript: boolean,
): FixDecision {
  const weak = use.spec.weakKeys;
  if (!weak) return none(`${use.spec.display} has no weakly keyed form`);
  if (binding.reachableElsewhere) return none('it can be reached in ways this file does not show');
  // Which argument (or the call's `this`) is the key, as one value per call.
  let keys: ReadonlyArray<number | 'this'>;
  if (reach.viaKeyFunction) {
    if (!reach.passthrough || weak.kind === 'variant') return none('its key is computed by a key function');
    keys = reach.passthrough;
  } else if (weak.kind === 'variant') {
    // The weak variant holds only the first argument weakly; later ones stay in a memoizer per first argument.
    const later = pins.find((pin) => pin.position !== 0);
    if (later) return none(`\`${later.instance?.text ?? sourceCode.getText(later.node)}\` is not the first argument, the only one \`${weak.source}\` holds weakly`);
    keys = [0];
  } else {
    if (reach.from !== null || reach.callThis || reach.indices.size !== 1 || !reach.indices.has(0)) {
      return none('its key is made of several values');
    }
    keys = [0];
  }
  let allObjects = true;
  for (const read of binding.uses) {
    const call = callOf(read);
    if (!call) return none(`\`${binding.name}\` is used other than by calling it at line ${lineOf(read)}`);
    for (const key of keys) {
      let value: TSESTree.Node | undefined | null;
      if (key === 'this') value = call.thisArg;
      else if (!call.args || call.args.slice(0, key + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
        allObjects = false;
        continue;
      } else value = call.args[key];
      const kind = value ? getValueKind(file, value) : 'primitive';
      if (kind === 'primitive') {
        const text = value ? `\`${sourceCode.getText(value)}\`` : key === 'this' ? 'an undefined `this`' : 'a missing argument';
        return none(`${text} at line ${lineOf(call.call)} is a primitive key, which a WeakMap rejects`);
      }
      if (kind === 'unknown') allObjects = false;
    }
  }
  const rewrite = rewriteToWeakKeys(sourceCode, file, use, weak, typescript);
  if (!rewrite.ok) return none(rewrite.reason);
  const provablySame = allObjects && !binding.exported && weak.kind !== 'variant';
  return { type: provablySame ? 'fix' : 'suggest', fix: rewrite.fix, how: rewrite.description };
}
