import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticMemberName, getStaticPropertyKey, isFunctionNode, outermostWrapper, unwrapExpression } from '../core/ast.js';
import { enclosingFunction, isInside, type FunctionNode } from '../core/traverse.js';
import type { FileContext } from '../core/file-context.js';
import { getMemberCalls } from '../core/member-index.js';
import { getFunctionInstance, getInstanceOf } from './instance.js';
import { getSingleton } from './singletons.js';

type Node = TSESTree.Node;

/**
 * Values that are new on every call, and code that runs again and again. A container that lives as
 * long as the program and gets such a value from such code, with nothing ever taking entries out,
 * grows by one entry per event or per instance: what the entries hold can never be collected.
 *
 * Per call: a closure, record or object the storing code creates (`listeners.push(() => …)`,
 * `pending.set(id, { resolve })`), an argument of the function that stores it, or a member of one
 * (`event.target`, `node.parentNode`).
 * Again and again: a listener (a function handed to an emitter's or the DOM's subscribe call), a
 * constructor or a lifecycle method a framework calls once per component, or a same-file function
 * that one of those calls.
 */

/** Methods that subscribe a listener, run on every event (Node's EventEmitter, the DOM, jQuery, RxJS). */
const SUBSCRIBE_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener', 'subscribe', 'bind', 'live', 'delegate']);
/** Global timers whose callback runs on every tick. */
const REPEATING_TIMERS = new Set(['setInterval']);
/**
 * Methods a framework calls once per component or element: React classes and `createClass`, custom
 * elements, Vue options, Angular classes, AngularJS directive `link`/`controller` functions.
 */
const PER_COMPONENT_METHODS = new Set([
  'componentDidMount', 'componentWillMount', 'UNSAFE_componentWillMount', 'componentDidUpdate',
  'connectedCallback', 'attributeChangedCallback', 'firstUpdated',
  'mounted', 'beforeMount', 'created', 'beforeCreate',
  'ngOnInit', 'ngAfterViewInit', 'ngOnChanges',
  'link', 'compile', 'controller',
]);

/** How often the code runs, for messages: `on every \`connection\` event`, `from every Tooltip (\`constructor\`)`. */
export interface RepeatedRun {
  readonly what: string;
  /** Per event (a listener, a timer), per instance created (a constructor), or per component (a framework's hook). */
  readonly per: 'event' | 'instance' | 'component';
}

/** Does the function `node` sits in run again and again (see above)? `null` when it may run once. */
export function getRepeatedRun(file: FileContext, node: Node): RepeatedRun | null {
  const fn = enclosingFunction(node);
  return fn ? repeatedRunOf(file, fn, 0) : null;
}

function repeatedRunOf(file: FileContext, fn: FunctionNode, depth: number): RepeatedRun | null {
  return file.cached(`repeatedRun${depth}`, fn, () => computeRepeatedRun(file, fn, depth));
}

function computeRepeatedRun(file: FileContext, fn: FunctionNode, depth: number): RepeatedRun | null {
  const listener = getListenerEvent(fn);
  if (listener) return { what: `on ${listener}`, per: 'event' };
  const effect = getComponentEffect(fn);
  if (effect) return { what: `from every component (\`${effect}\`)`, per: 'component' };
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
    const instance = getFunctionInstance(file, fn);
    const member = instance?.memberName ?? null;
    // a method handed to an emitter (`socket.on('x', this.onX.bind(this, socket))`)
    const event = instance?.className && member !== null && mayListen(file) ? getListenedMethods(file).get(`${instance.className}.${member}`) : undefined;
    if (event) return { what: `on ${event}`, per: 'event' };
    if (instance && member !== null && (member === 'constructor' || member === 'initialize' || PER_COMPONENT_METHODS.has(member))) {
      return { what: `from every ${instance.className ?? 'instance'} (\`${member}\`)`, per: 'instance' };
    }
  }
  const hook = getHookName(file, fn);
  if (hook !== null) return { what: `from every component (\`${hook}\`)`, per: 'component' };
  if (depth >= MAX_DEPTH) return null;
  // A function made inside code that runs again and again is made (and can run) as often.
  const outer = enclosingFunction(fn);
  if (outer) {
    const run = repeatedRunOf(file, outer, depth + 1);
    if (run) return run;
  }
  // A same-file function (or a method of the same instance: `this.track(x)`) called from such code.
  for (const call of callersOf(file, fn)) {
    const caller = enclosingFunction(call);
    if (!caller || caller === fn || isInside(caller, fn)) continue;
    const run = repeatedRunOf(file, caller, depth + 1);
    if (run) return run;
  }
  return null;
}

/** `server.on('connection', fn)`, `el.addEventListener('click', fn)`, `setInterval(fn)`, also through `fn.bind(x)`. */
function getListenerEvent(fn: FunctionNode): string | null {
  let node: Node = outermostWrapper(fn);
  let parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && getStaticMemberName(parent) === 'bind' && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    node = parent.parent;
    parent = node.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return null;
  const callee = unwrapExpression(parent.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && REPEATING_TIMERS.has(callee.name)) return 'every tick';
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticMemberName(callee);
  if (method === null || !SUBSCRIBE_METHODS.has(method)) return null;
  const [event] = parent.arguments;
  if (event === node) return method === 'subscribe' ? 'every notification' : null;
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? `every \`${event.value}\` event` : 'every event';
}

/**
 * Hooks whose callback a framework runs when each component mounts: React's effects, Vue's
 * composition API, Svelte's `onMount`. A callback written inline (`useEffect(() => …, [])`).
 */
const MOUNT_HOOKS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect', 'onMounted', 'onBeforeMount', 'onMount']);

/** `useEffect(() => { listeners.add(cb); }, [])`, `React.useEffect(…)`, `onMounted(…)`: the hook's name, or `null`. */
function getComponentEffect(fn: FunctionNode): string | null {
  const node = outermostWrapper(fn);
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node) return null;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(callee) : null;
  return name !== null && MOUNT_HOOKS.has(name) ? name : null;
}

/** How many functions out the search for a listener, hook or constructor goes (callers and enclosing functions). */
const MAX_DEPTH = 4;

/**
 * The per-component hook a function is (`PER_COMPONENT_METHODS`): a class method, or the value of a
 * member of an object literal handed to a framework, written there (`link: function …`, `mounted() {}`)
 * or through a local (`var linking = function …; return { link: linking }`). `null` otherwise.
 */
function getHookName(file: FileContext, fn: FunctionNode): string | null {
  const parent = outermostWrapper(fn).parent;
  if (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const name = getStaticPropertyKey(parent.key, parent.computed);
    return name !== null && PER_COMPONENT_METHODS.has(name) && isFrameworkHook(parent) ? name : null;
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
  for (const reference of file.findVariable(parent.id)?.references ?? []) {
    const property = reference.identifier.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== reference.identifier) continue;
    const name = getStaticPropertyKey(property.key, property.computed);
    if (name !== null && PER_COMPONENT_METHODS.has(name) && isFrameworkHook(property)) return name;
  }
  return null;
}

/** A lifecycle member of a class, or of an object literal handed to a framework (not a module's own `created()` helper). */
function isFrameworkHook(member: TSESTree.Property | TSESTree.MethodDefinition): boolean {
  if (member.type === AST_NODE_TYPES.MethodDefinition) return true;
  const holder = member.parent;
  if (holder?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  // `app.directive('x', () => ({ link }))`, `Vue.component('x', { mounted })`, `defineComponent({ mounted })`, `export default { mounted }`
  const user = outermostWrapper(holder).parent;
  return user?.type === AST_NODE_TYPES.CallExpression || user?.type === AST_NODE_TYPES.ReturnStatement || user?.type === AST_NODE_TYPES.ExportDefaultDeclaration || user?.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/**
 * The calls in this file of a named function (`function add(cb)`, `const add = (cb) => …`) or of a
 * method of a module object literal (`tracker.add(cb)`, `const tracker = { add(cb) {…} }` or an IIFE
 * returning such a literal). At most a few: enough to tell how often it runs.
 */
function callersOf(file: FileContext, fn: FunctionNode): Node[] {
  const calls: Node[] = [];
  const holder = outermostWrapper(fn).parent;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
    const instance = getFunctionInstance(file, fn);
    if (instance?.className && instance.memberName !== null) calls.push(...instanceCallsOf(file, instance.className, instance.memberName));
  }
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    for (const reference of file.findVariable(fn.id)?.references ?? []) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    }
  } else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    for (const reference of file.findVariable(holder.id)?.references ?? []) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    }
  } else if (holder?.type === AST_NODE_TYPES.Property && !holder.computed && holder.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const name = getStaticPropertyKey(holder.key, holder.computed);
    const objectName = objectLiteralName(holder.parent);
    if (name !== null && objectName !== null) {
      for (const call of getMemberCalls(file, name)) {
        const object = unwrapExpression((unwrapExpression(call.callee) as TSESTree.MemberExpression).object);
        if (object.type === AST_NODE_TYPES.Identifier && object.name === objectName) calls.push(call);
        if (calls.length >= 8) break;
      }
    }
  }
  return calls.slice(0, 8);
}

/** The variable an object literal is stored in, directly or as what an IIFE returns (`var x = (function () { return {…}; })()`). */
function objectLiteralName(object: TSESTree.ObjectExpression): string | null {
  const parent = outermostWrapper(object).parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return null;
  const factory = enclosingFunction(parent);
  if (!factory) return null;
  const call = outermostWrapper(factory).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || unwrapExpression(call.callee) !== factory) return null;
  const declarator = outermostWrapper(call).parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : null;
}

/** What a stored value is, when it is new on every call of the code storing it; `null` otherwise. */
export interface PerCallValue {
  /** For messages: `a new closure`, `the \`socket\` argument`, `\`event.target\``. */
  readonly what: string;
  /** The local the value comes from (a parameter or a local), to match a key made from it (`sockets[socket.id] = socket`). */
  readonly root: TSESLint.Scope.Variable | null;
}

export function getPerCallValue(file: FileContext, value: Node, at: Node): PerCallValue | null {
  const expression = unwrapExpression(value);
  const made = describeMade(expression);
  if (made) return { what: made, root: null };
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = file.findVariable(expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !def) return null;
    if (def.type === 'Parameter') {
      const fn = def.node as Node;
      if (!isFunctionNode(fn) || !isInside(at, fn)) return null;
      return { what: `the \`${expression.name}\` argument`, root: variable };
    }
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && !variable.references.some((r) => r.isWrite() && !r.init)) {
      const fn = enclosingFunction(def.node);
      const inner = describeMade(unwrapExpression(def.node.init));
      if (inner && fn && isInside(at, fn)) return { what: inner, root: variable };
    }
    return null;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed) {
    // `event.target`, `node.parentNode`: a member of an argument
    const object = unwrapExpression(expression.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = file.findVariable(object);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isInside(at, def.node as Node)) return null;
    return { what: `\`${file.sourceCode.getText(expression)}\``, root: null }; // (`handlers[msg.type] = msg.handler`: a sibling is no key of it)
  }
  return null;
}

function describeMade(expression: Node): string | null {
  if (isFunctionNode(expression)) return 'a new closure';
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression.properties.length > 0 ? 'a new record' : null;
  if (expression.type === AST_NODE_TYPES.NewExpression) return 'a new object';
  return null;
}

/** A key made from the stored value itself (`sockets[socket.id] = socket`, `byNode.set(node, data)` with the same root): one entry per value. */
export function isKeyOfValue(file: FileContext, key: Node, value: PerCallValue, depth = 0): boolean {
  if (!value.root) return false;
  let expression = unwrapExpression(key);
  while (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed) expression = unwrapExpression(expression.object);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(expression);
  if (variable === value.root) return true;
  // `(id = socket.id) => { sockets[id] = socket }`: a parameter whose default is made from the value
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const pattern = def?.type === 'Parameter' ? def.name.parent : undefined;
  return depth < 2 && pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def?.name && isKeyOfValue(file, pattern.right, value, depth + 1);
}

/** An insert of a per-call value, from code that runs again and again (`getPerCallInsert`). */
export interface PerCallInsert {
  readonly node: Node;
  readonly container: Node;
  /** `push()`, `add()`, `set()`, `[…] =` */
  readonly how: string;
  readonly value: PerCallValue;
  readonly run: RepeatedRun;
}

const APPENDING = new Set(['push', 'unshift', 'add']);

/**
 * `listeners.push(cb)`, `seen.add(el)`, `sockets[socket.id] = socket`, `pending.set(id, { resolve })`
 * where the value is new on every call and the code runs again and again. A keyed insert counts only
 * when its key is made from the value (one entry per value); under any other key (a name, a type) it
 * may replace the entry of an earlier call. Cheap checks first: the call graph is asked last.
 */
export function getPerCallInsert(file: FileContext, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): PerCallInsert | null {
  let container: Node;
  let stored: Node | undefined;
  let key: Node | undefined;
  let how: string;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    const left = unwrapExpression(node.left);
    if (node.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || !left.computed) return null;
    container = left.object;
    key = left.property;
    stored = node.right;
    how = '`[…] =`';
  } else {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getStaticMemberName(callee);
    if (method === null) return null;
    container = callee.object;
    if (APPENDING.has(method)) stored = node.arguments[0];
    else if (method === 'set') [key, stored] = node.arguments;
    else return null;
    how = `\`${method}()\``;
  }
  if (!stored || stored.type === AST_NODE_TYPES.SpreadElement || key?.type === AST_NODE_TYPES.SpreadElement) return null;
  if (unwrapExpression(container).type === AST_NODE_TYPES.ThisExpression) return null;
  const value = getPerCallValue(file, stored, node);
  if (!value) return null;
  if (key && !isKeyOfValue(file, key, value)) return null;
  const run = getRepeatedRun(file, node);
  return run ? { node, container, how, value, run } : null;
}

/**
 * Cheap, from the text: can the file subscribe anything (`x.on(`, `addEventListener(`, `setInterval(`,
 * `.subscribe(` …)? Without one, nothing in it runs per event.
 */
export function mayListen(file: FileContext): boolean {
  return file.cached('mayListen', file.program, () =>
    /\.(?:on|once|addListener|prependListener|prependOnceListener|addEventListener|subscribe|bind|live|delegate)\s*\(|\bsetInterval\s*\(/.test(file.sourceCode.text),
  );
}

/** `Class.method` handed to an emitter in this file (`socket.on('x', this.onX.bind(this, socket))`): the event it runs on. */
function getListenedMethods(file: FileContext): ReadonlyMap<string, string> {
  return file.cached('listenedMethods', file.program, () => {
    const listeners = new Map<string, string>();
    for (const method of SUBSCRIBE_METHODS) {
      for (const node of getMemberCalls(file, method)) {
        const [event] = node.arguments;
        const what = event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? `every \`${event.value}\` event` : 'every event';
        for (const argument of node.arguments.slice(1)) {
          let handed: Node = unwrapExpression(argument);
          // `this.onX.bind(this, socket)`
          if (handed.type === AST_NODE_TYPES.CallExpression) {
            const bound = unwrapExpression(handed.callee);
            if (bound.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(bound) !== 'bind') continue;
            handed = bound.object;
          }
          const key = instanceMethodOf(file, handed);
          if (key && !listeners.has(key)) listeners.set(key, what);
        }
      }
    }
    return listeners;
  });
}

/** `this.name` / `self.name` on an instance of a class: `Class.name`, or `null`. */
function instanceMethodOf(file: FileContext, node: Node): string | null {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed) return null;
  const name = getStaticMemberName(member);
  const instance = name !== null ? getInstanceOf(file, member.object) : null;
  return instance?.className ? `${instance.className}.${name}` : null;
}

/**
 * Calls of a method on an instance of its class (`this.track(x)`, `self.track(x)`), or on the variable
 * that holds the one instance of a singleton class (`hub.track(x)` after `const hub = new Hub()`): a few.
 */
function instanceCallsOf(file: FileContext, className: string, method: string): Node[] {
  const found: Node[] = [];
  let holder: TSESLint.Scope.Variable | null | undefined;
  for (const call of getMemberCalls(file, method)) {
    if (instanceMethodOf(file, call.callee) === `${className}.${method}`) found.push(call);
    else {
      const object = unwrapExpression((unwrapExpression(call.callee) as TSESTree.MemberExpression).object);
      if (object.type === AST_NODE_TYPES.Identifier) {
        holder ??= getSingleton(file, className)?.holder ?? null;
        if (holder !== null && file.findVariable(object) === holder) found.push(call);
      }
    }
    if (found.length >= 8) break;
  }
  return found;
}
