import path from 'node:path';
import { moduleFixtures, type RuleCases } from '../rule-tester.js';
import type { MessageIds, Options } from '../../src/rules/no-instance-keyed-cache.js';


/** Every placeholder of `instanceKeyedCache`, so a case can assert the whole message. */
function keyed(overrides: Record<string, string> = {}): Record<string, string> {
  const instances = overrides['instances'] ?? 'A';
  return {
    name: 'cache',
    scope: 'module scope',
    container: 'Map',
    key: 'this',
    member: 'A.m',
    elsewhere: '',
    retention: `every ${instances} stored in it stays in memory`,
    type: 'A',
    aContainer: `${(overrides['container'] ?? 'Map').startsWith('LRU') ? 'an' : 'a'} ${overrides['container'] ?? 'Map'}`,
    ...overrides,
  };
}


/** Every placeholder of `instanceRegistry`. */
function registry(overrides: Record<string, string | number>): Record<string, string | number> {
  const container = String(overrides['container'] ?? 'Set');
  return { name: 'live', scope: 'module scope', container, aContainer: `a ${container}`, key: 'this', elsewhere: '', ...overrides };
}

// The mission's scenario: a module-level thumbnail cache keyed by the ImageCache instance.
/** A file of the module fixtures, which import `../lib/…`. */
const appFile = (extension: string): string => path.join(moduleFixtures, `src/app/file.${extension}`);

const imageCache = `
interface Bitmap { width: number; height: number; pixels: Uint8Array }
declare function render(path: string): Bitmap;

const thumbnails = new Map<ImageCache, Bitmap>();

export class ImageCache {
  constructor(readonly path: string) {}

  preview(): Bitmap {
    let bitmap = thumbnails.get(this);
    if (!bitmap) {
      bitmap = render(this.path);
      thumbnails.set(this, bitmap);
    }
    return bitmap;
  }
}
`;

/** The rule's cases, by parser; run by the .test.ts file and reused by the fix and editor harnesses. */
/** A hub whose `subscribers` array every subscriber joins and nothing leaves (the singleton cases). */
const HUB = `class Hub {
  constructor() { this.subscribers = []; }
  subscribe(component) { this.subscribers.push(component); }
  publish() { this.subscribers.forEach((c) => c.update()); }
}`;

export const cases: RuleCases<MessageIds, Options> = {
  typescript: {
  valid: [
    {
      name: 'a registry emptied all at once, with no dispose of its own, or whose dispose takes the instance out',
      code: `
class Tip {
  static #all: Tip[] = [];
  static resetAll() { Tip.#all = []; }
  constructor() { Tip.#all.push(this); }
}
class Hint {
  static #all: Hint[] = [];
  static destroyAll() { Hint.#all.forEach((h) => h.destroy()); Hint.#all = []; }
  constructor() { Hint.#all.push(this); }
  destroy() { Hint.#all = Hint.#all.filter((h) => h !== this); }
}`,
    },
    {
      name: 'untyped: a key type imported from a project module that aliases primitives, or a Node.js type alias, is not evidence',
      filename: appFile('ts'),
      code: `import type { NodeId } from '../lib/types.js';
import type { OutgoingHttpHeader } from 'node:http';
import type { Missing } from '../lib/missing.js';
const seen = new Map<NodeId, number>();
export function mark(id: NodeId) { seen.set(id, 1); }
const headers = new Set<OutgoingHttpHeader>();
export function header(h: OutgoingHttpHeader) { headers.add(h); }
const gone = new Set<Missing>();
export function lose(m: Missing) { gone.add(m); }`,
    },
    {
      name: 'untyped: an unconstrained type parameter, and a class of a package that is not a Node.js built-in, are not evidence',
      code: `import { Agent } from 'undici';
const agents = new Set();
export function apply<T>(agent: T) { agents.add(agent); }
const pools = new Set();
export function pool(agent: Agent) { pools.add(agent); }`,
    },
    {
      name: 'imported containers: a WeakMap, one the exporting module deletes from or enumerates, or reassigns, stay silent',
      filename: appFile('ts'),
      code: `import nodeValues from '../lib/containers/weak-node-values.js';
import { labels } from '../lib/containers/managed.js';
import { seen } from '../lib/containers/enumerated.js';
import { replaced } from '../lib/containers/maps.js';
import missing from '../lib/containers/missing.js';
export function value(node: Node) { nodeValues.set(node, {}); }
export function label(el: HTMLElement) { labels.set(el, 'x'); }
export function visit(el: HTMLElement) { seen.add(el); }
export function keep(el: HTMLElement) { replaced.set(el, 1); missing.set(el, 1); }`,
    },
    {
      name: 'imported containers: a removal in this file manages the entries',
      filename: appFile('ts'),
      code: `import { byWidget } from '../lib/containers/maps.js';
export function open(el: HTMLElement) { byWidget.set(el, 1); }
export function close(el: HTMLElement) { byWidget.delete(el); }`,
    },
    {
      name: 'untyped: a guard that lets primitives through is no evidence',
      code: `const byKey = new Map(); export function put(k, v) { if (typeof k === 'string' || k instanceof Date) byKey.set(k, v); }`,
    },
    {
      name: 'untyped: a key whose written type is imported (may be an alias of a string) is not evidence',
      code: `import type { NodeId } from './ids.js'; const seen = new Map<NodeId, number>(); export function mark(id: NodeId) { seen.set(id, 1); }`,
    },
    {
      name: 'untyped: DOM-keyed entries that are deleted when the element goes away',
      code: `const styles = new Map<HTMLElement, string>(); export function track(el: HTMLElement) { styles.set(el, el.style.cssText); } export function untrack(el: HTMLElement) { styles.delete(el); }`,
    },
    {
      name: 'a collection of instances that dispose() splices from',
      code: `
const all: Button[] = [];
class Button {
  constructor() { all.push(this); }
  dispose() { all.splice(all.indexOf(this), 1); }
}`,
    },
    {
      name: 'an exported collection of instances that their module empties, or of factory products (without checkRegistries)',
      code: `
export const all: Button[] = [];
class Button { constructor() { all.push(this); } remove() { all.splice(all.indexOf(this), 1); } }
class Chart { constructor(readonly config: object) {} }
export const charts: Chart[] = [];
export function make(config: object) { const chart = new Chart(config); charts.push(chart); return chart; }`,
    },
    {
      name: 'a plain-object registry that deletes its entries',
      code: `
const instances: Record<string, Layout> = {};
let next = 0;
class Layout {
  id = String(next++);
  constructor() { instances[this.id] = this; }
  destroy() { delete instances[this.id]; }
}`,
    },
    {
      name: 'managed entries: added and removed within one call (finally)',
      code: `
const running = new Set<Job>();
class Job {
  run() {
    running.add(this);
    try { return 1; } finally { running.delete(this); }
  }
}`,
    },
    {
      name: 'managed entries: a registry of live instances that dispose() deletes from',
      code: `
const live = new Map<Widget, number>();
export class Widget {
  constructor() { live.set(this, Date.now()); }
  dispose() { live.delete(this); }
}`,
    },
    {
      name: 'managed entries: a pending set emptied when the promise settles',
      code: `
const pending = new Set<Request>();
class Request {
  send(p: Promise<void>) {
    pending.add(this);
    return p.finally(() => pending.delete(this));
  }
}`,
    },
    {
      name: 'a WeakMap keyed by this',
      code: `const cache = new WeakMap<object, number>(); class A { m() { cache.set(this, 1); return cache.get(this); } }`,
    },
    {
      name: 'a WeakSet of instances',
      code: `const seen = new WeakSet(); class A { m() { if (!seen.has(this)) seen.add(this); } }`,
    },
    {
      name: 'keys derived from the instance are not the instance',
      code: `
        const cache = new Map<string, number>();
        class A {
          id = 'a';
          m() {
            cache.set(this.id, 1);
            cache.set(\`\${this.id}:x\`, 2);
            cache.set(String(this), 3);
            return cache.get(this.constructor.name);
          }
        }`,
    },
    {
      name: 'this.constructor is the class, not the instance',
      code: `const byClass = new Map(); class A { m() { byClass.set(this.constructor, 1); } }`,
    },
    {
      name: 'a container created per call',
      code: `class A { m() { const cache = new Map(); cache.set(this, 1); return cache.get(this); } }`,
    },
    {
      name: 'a container created per instance',
      code: `class A { cache = new Map(); other = new Set(); constructor() { this.cache.set(this, 1); this.other.add(this); } }`,
    },
    {
      name: 'this in a static method is the class',
      code: `const registry = new Map(); class A { static register() { registry.set(this, 1); } }`,
    },
    {
      name: 'this in a static block and a static field is the class',
      code: `const seen = new Set(); class A { static { seen.add(this); } static x = seen.add(this); }`,
    },
    {
      name: 'this in a plain function of unknown use',
      code: `const cache = new Map(); function f(this: object) { cache.set(this, 1); }`,
    },
    {
      name: 'this in a module-level arrow function',
      code: `const cache = new Map(); const f = () => cache.set(this, 1);`,
    },
    {
      name: 'a method of a singleton object literal (not a prototype)',
      code: `const cache = new Map(); export const api = { m() { cache.set(this, 1); } };`,
    },
    {
      name: 'a default-exported object that is not a component options object is a singleton',
      code: `const cache = new Map(); export default { m() { cache.set(this, 1); } };`,
    },
    {
      name: 'a class defined inside a factory closes over a per-call container',
      code: `export function make() { const cache = new Map(); return class { m() { cache.set(this, 1); } }; }`,
    },
    {
      name: 'an enumerated registry is not reported by default',
      code: `
        const live = new Set<Widget>();
        class Widget { constructor() { live.add(this); } dispose() { live.delete(this); } }
        export function redrawAll() { for (const widget of live) widget.toString(); }`,
    },
    {
      name: 'a shadowed Map is not the built-in',
      code: `import { Map } from 'immutable'; const cache = new Map(); class A { m() { cache.set(this, 1); } }`,
    },
    {
      name: 'an unknown cache class is not judged',
      code: `import { Cache } from './cache'; const cache = new Cache(); class A { m() { cache.set(this, 1); } }`,
    },
    {
      name: 'untyped: a class re-exported by a project module is unknown',
      code: `import { Lru } from './reexports.js'; const c = new Lru({ max: 5 }); class A { m() { c.set(this, 1); } }`,
    },
    {
      name: 'declared weak: a WeakMap created as a WeakMap, and a Map declared as a Map',
      code: `class A { private m: WeakMap<object, number> = new WeakMap(); private n: Map<string, number> = new Map(); }`,
    },
    {
      name: 'declared weak: a local Map class or WeakMap type is not the global one',
      code: `class Map<K, V> { get(k: K): V | undefined { return undefined; } } const a: WeakMap<object, number> = new Map() as never; type WeakSet<T> = Set<T>; const b: WeakSet<string> = new Set();`,
    },
    {
      name: 'removals: a delete of the stored key path, and a delete with a parameter key, both release',
      code: `
const byTarget = new Map();
export class Ctx { target: object | null = null; bind(t: object) { this.target = t; byTarget.set(this.target, this); } dispose() { byTarget.delete(this.target); } }
const byOwner = new Map();
export class Item { owner = {}; attach() { byOwner.set(this.owner, this); } }
export function detach(owner: object) { byOwner.delete(owner); }`,
    },
    {
      name: 'removals: a member that may hold another instance of the class (a parent link) may match delete(this)',
      code: `const children = new Map(); export class TreeNode { parent: TreeNode | null; constructor(parent: TreeNode | null) { this.parent = parent; if (parent) children.set(this.parent, this); } dispose() { children.delete(this); } }`,
    },
    {
      name: 'registered instances: a destroy() that deletes this, a class without a dispose member, a registry handed to other code',
      code: `
export class Editor {
  static instances = new Set<Editor>();
  static destroyAll() { this.instances.forEach((editor) => editor.destroy()); this.instances.clear(); }
  constructor() { Editor.instances.add(this); }
  destroy() { Editor.instances.delete(this); }
}
export class Panel {
  static all = new Set<Panel>();
  static reset() { for (const panel of Panel.all) panel.hide(); Panel.all.clear(); }
  constructor() { Panel.all.add(this); }
  hide() {}
}
const views = new Set<View>();
export function inspect() { return [...views]; }
export function resetViews() { views.clear(); }
export function registry() { return views; }
export class View { constructor() { views.add(this); } dispose() {} }`,
    },
    {
      name: 'a lookup with an unrelated argument',
      code: `const cache = new Map(); class A { m(key: string) { return cache.get(key); } }`,
    },
  ],
  invalid: [
    {
      name: 'a registry that only a static reset empties, while the instance\'s own destroy leaves it in',
      code: `
class Tooltip {
  static #instances: Tooltip[] = [];
  static destroy() { Tooltip.#instances.forEach((t) => t.destroy()); Tooltip.#instances = []; }
  constructor(readonly target: HTMLElement) { Tooltip.#instances.push(this); }
  destroy() { this.target.remove(); }
}`,
      errors: [
        { messageId: 'disposedStayCollected', line: 3, data: { name: 'Tooltip.#instances', instances: 'Tooltip', how: '`push()`', member: 'Tooltip.constructor', dispose: 'destroy', disposeLine: 6 } },
      ],
    },
    {
      name: 'an exported collection of instances that nothing in its module removes',
      code: `export const all: Button[] = []; class Button { constructor() { all.push(this); } }`,
      errors: [{ messageId: 'exportedCollected', line: 1, data: { name: 'all', scope: 'module scope', instances: 'Button', how: '`push()`', member: 'Button.constructor' } }],
    },
    {
      name: 'untyped: key types naming classes of Node.js built-in modules (namespace, named and default imports, a constraint)',
      code: `import * as http from 'http';
import { Socket } from 'node:net';
import EventEmitter from 'events';
const agents = new Set<http.Agent>();
export function track(agent: http.Agent) { agents.add(agent); }
const sockets = new Map();
export function open(socket: Socket) { sockets.set(socket, Date.now()); }
const emitters = new Set();
export function apply<T extends EventEmitter>(emitter: T) { emitters.add(emitter); }`,
      errors: [
        { messageId: 'objectKeyedCache', line: 4, data: keyed({ name: 'agents', container: 'Set', key: 'agent', type: 'http.Agent', member: 'track', retention: 'every http.Agent stored in it stays in memory' }), suggestions: [{ messageId: 'useWeak', output: `import * as http from 'http';
import { Socket } from 'node:net';
import EventEmitter from 'events';
const agents = new WeakSet<http.Agent>();
export function track(agent: http.Agent) { agents.add(agent); }
const sockets = new Map();
export function open(socket: Socket) { sockets.set(socket, Date.now()); }
const emitters = new Set();
export function apply<T extends EventEmitter>(emitter: T) { emitters.add(emitter); }` }] },
        { messageId: 'objectKeyedCache', line: 6, suggestions: [{ messageId: 'useWeak', output: `import * as http from 'http';
import { Socket } from 'node:net';
import EventEmitter from 'events';
const agents = new Set<http.Agent>();
export function track(agent: http.Agent) { agents.add(agent); }
const sockets = new WeakMap();
export function open(socket: Socket) { sockets.set(socket, Date.now()); }
const emitters = new Set();
export function apply<T extends EventEmitter>(emitter: T) { emitters.add(emitter); }` }] },
        { messageId: 'objectKeyedCache', line: 8, data: keyed({ name: 'emitters', container: 'Set', key: 'emitter', type: 'EventEmitter', member: 'apply', retention: 'every EventEmitter stored in it stays in memory' }), suggestions: [{ messageId: 'useWeak', output: `import * as http from 'http';
import { Socket } from 'node:net';
import EventEmitter from 'events';
const agents = new Set<http.Agent>();
export function track(agent: http.Agent) { agents.add(agent); }
const sockets = new Map();
export function open(socket: Socket) { sockets.set(socket, Date.now()); }
const emitters = new WeakSet();
export function apply<T extends EventEmitter>(emitter: T) { emitters.add(emitter); }` }] },
      ],
    },
    {
      name: 'untyped: key types imported from a project module that declares a class, an interface, or an alias of both',
      filename: appFile('ts'),
      code: `import type { Widget, Part, Pane } from '../lib/types.js';
const sizes = new Map<Widget, number>();
export function size(w: Widget) { sizes.set(w, 1); }
const parts = new Set();
export function part(p: Part) { parts.add(p); }
const panes = new Set();
export function pane(p: Pane) { panes.add(p); }`,
      errors: [
        { messageId: 'objectKeyedCache', line: 2, suggestions: [{ messageId: 'useWeak', output: `import type { Widget, Part, Pane } from '../lib/types.js';
const sizes = new WeakMap<Widget, number>();
export function size(w: Widget) { sizes.set(w, 1); }
const parts = new Set();
export function part(p: Part) { parts.add(p); }
const panes = new Set();
export function pane(p: Pane) { panes.add(p); }` }] },
        { messageId: 'objectKeyedCache', line: 4, suggestions: [{ messageId: 'useWeak', output: `import type { Widget, Part, Pane } from '../lib/types.js';
const sizes = new Map<Widget, number>();
export function size(w: Widget) { sizes.set(w, 1); }
const parts = new WeakSet();
export function part(p: Part) { parts.add(p); }
const panes = new Set();
export function pane(p: Pane) { panes.add(p); }` }] },
        { messageId: 'objectKeyedCache', line: 6, suggestions: [{ messageId: 'useWeak', output: `import type { Widget, Part, Pane } from '../lib/types.js';
const sizes = new Map<Widget, number>();
export function size(w: Widget) { sizes.set(w, 1); }
const parts = new Set();
export function part(p: Part) { parts.add(p); }
const panes = new WeakSet();
export function pane(p: Pane) { panes.add(p); }` }] },
      ],
    },
    {
      name: 'imported containers: a Map another module creates, filled here with object keys or instances, reported at the use without a fix',
      filename: appFile('ts'),
      code: `import { byWidget } from '../lib/containers/maps.js';
import nodeValues from '../lib/containers/node-values.js';
export function open(el: HTMLElement) {
  byWidget.set(el, 1);
}
export function value(node) { if (!nodeValues.has(node)) nodeValues.set(node, { node }); return nodeValues.get(node); }
class Tracker { start() { byWidget.set(this, 2); } }`,
      errors: [
        { messageId: 'objectKeyedCache', line: 6, data: keyed({ name: 'nodeValues', scope: "module scope of '../lib/containers/node-values.js'", key: 'node', type: 'Node', member: 'value', instances: 'Node' }) },
        { messageId: 'instanceKeyedCache', line: 7, data: keyed({ name: 'byWidget', scope: "module scope of '../lib/containers/maps.js'", key: 'this', member: 'Tracker.start', instances: 'Tracker', type: 'Tracker' }) },
      ],
    },
    {
      name: 'untyped: keys that pass a guard only objects pass (instanceof, typeof object, an early exit)',
      code: `
const labels = new Map();
export function label(target, text) { if (target instanceof Element) labels.set(target, text); }
const seen = new Set();
export function visit(value) { typeof value === 'object' && value !== null && seen.add(value); }
const owners = new Map();
export function own(node, owner) {
  if (!(node instanceof Node)) return;
  owners.set(node, owner);
}`,
      errors: [
        { messageId: 'objectKeyedCache', line: 2, suggestions: [{ messageId: 'useWeak', output: `
const labels = new WeakMap();
export function label(target, text) { if (target instanceof Element) labels.set(target, text); }
const seen = new Set();
export function visit(value) { typeof value === 'object' && value !== null && seen.add(value); }
const owners = new Map();
export function own(node, owner) {
  if (!(node instanceof Node)) return;
  owners.set(node, owner);
}` }] },
        { messageId: 'objectKeyedCache', line: 4 }, // `add`'s result is used by `&&`: no suggestion
        { messageId: 'objectKeyedCache', line: 6, suggestions: [{ messageId: 'useWeak', output: `
const labels = new Map();
export function label(target, text) { if (target instanceof Element) labels.set(target, text); }
const seen = new Set();
export function visit(value) { typeof value === 'object' && value !== null && seen.add(value); }
const owners = new WeakMap();
export function own(node, owner) {
  if (!(node instanceof Node)) return;
  owners.set(node, owner);
}` }] },
      ],
    },
    {
      name: 'untyped: long-lived containers keyed by values written as objects (DOM parameter, container key type, a class of the file)',
      code: `
const styles = new Map<HTMLElement, string>();
export function track(el: HTMLElement) { styles.set(el, el.style.cssText); }
const seen = new Set<Element>();
export function visit(node) { seen.add(node); }
class Shape { area = 1; }
const areas = new Map();
export function measure(shape: Shape) { areas.set(shape, shape.area); }`,
      errors: [
        { messageId: 'objectKeyedCache', line: 2, suggestions: [{ messageId: 'useWeak', output: `
const styles = new WeakMap<HTMLElement, string>();
export function track(el: HTMLElement) { styles.set(el, el.style.cssText); }
const seen = new Set<Element>();
export function visit(node) { seen.add(node); }
class Shape { area = 1; }
const areas = new Map();
export function measure(shape: Shape) { areas.set(shape, shape.area); }` }] },
        { messageId: 'objectKeyedCache', line: 4, suggestions: [{ messageId: 'useWeak', output: `
const styles = new Map<HTMLElement, string>();
export function track(el: HTMLElement) { styles.set(el, el.style.cssText); }
const seen = new WeakSet<Element>();
export function visit(node) { seen.add(node); }
class Shape { area = 1; }
const areas = new Map();
export function measure(shape: Shape) { areas.set(shape, shape.area); }` }] },
        { messageId: 'objectKeyedCache', line: 7, suggestions: [{ messageId: 'useWeak', output: `
const styles = new Map<HTMLElement, string>();
export function track(el: HTMLElement) { styles.set(el, el.style.cssText); }
const seen = new Set<Element>();
export function visit(node) { seen.add(node); }
class Shape { area = 1; }
const areas = new WeakMap();
export function measure(shape: Shape) { areas.set(shape, shape.area); }` }] },
      ],
    },
    {
      name: 'a property of an ES5 constructor function, created once at module level, that collects every instance',
      code: `
function Widget(this: any, el: HTMLElement) {
  this.el = el;
  Widget.instances.push(this);
}
Widget.instances = [] as unknown[];
Widget.prototype.hide = function (this: any) { this.el.hidden = true; };
export function hideAll() { Widget.instances.forEach((w: any) => w.hide()); }`,
      errors: [
        { messageId: 'instancesCollected', line: 6, data: { name: 'Widget.instances', scope: 'property of Widget', instances: 'Widget', how: '`push()`', member: 'Widget.constructor' } },
      ],
    },
    {
      name: 'collections that keep every product of a factory (an object it creates and returns) and are never emptied',
      code: `
const spinners: object[] = [];
export function createSpinner(el: HTMLElement) {
  const spinner = { start() { el.hidden = false; }, stop() { el.hidden = true; } };
  spinners.push(spinner);
  return spinner;
}
export function stopAll() { spinners.forEach((s: any) => s.stop()); }
class Chart { constructor(readonly config: object) {} }
const charts: Record<string, Chart> = {};
export const make = (id: string, config: object) => {
  const chart = new Chart(config);
  charts[id] = chart;
  return chart;
};`,
      errors: [
        { messageId: 'instancesCollected', line: 2, data: { name: 'spinners', scope: 'module scope', instances: 'object `createSpinner()` returns', how: '`push()`', member: 'createSpinner' } },
        { messageId: 'instancesCollected', line: 10, data: { name: 'charts', scope: 'module scope', instances: 'Chart', how: '`[…] =`', member: 'make' } },
      ],
    },
    {
      name: 'collections that keep every instance as a value and are never emptied (array, plain object, Map)',
      code: `
const all: Button[] = [];
class Button {
  constructor() { all.push(this); }
  static each(f: (b: Button) => void) { all.forEach(f); }
}
const instances: Record<string, Layout> = {};
let next = 0;
class Layout {
  id = String(next++);
  constructor() { instances[this.id] = this; }
  static get(id: string) { return instances[id]; }
}
const byName = new Map<string, Chart>();
class Chart {
  constructor(name: string) { byName.set(name, this); }
}`,
      errors: [
        { messageId: 'instancesCollected', line: 2, data: { name: 'all', scope: 'module scope', instances: 'Button', how: '`push()`', member: 'Button.constructor' } },
        { messageId: 'instancesCollected', line: 7, data: { name: 'instances', scope: 'module scope', instances: 'Layout', how: '`[…] =`', member: 'Layout.constructor' } },
        { messageId: 'instancesCollected', line: 14, data: { name: 'byName', scope: 'module scope', instances: 'Chart', how: '`set()`', member: 'Chart.constructor' } },
      ],
    },
    {
      name: 'a registry that nothing empties (sized with .size) keeps every instance',
      code: `const live = new Map(); class W { constructor() { live.set(this, Date.now()); } } export const count = () => live.size;`,
      errors: [{ messageId: 'instanceRegistry' }],
    },
    {
      // Found while judging the corpus (monaco-editor's static `_instances` registries): uses of a
      // static field outside the class body go through the class's outer name, not its inner one.
      name: 'a static Set enumerated outside the class body and never emptied is a registry that keeps every instance',
      code: `class Widget { static live = new Set<Widget>(); constructor() { Widget.live.add(this); } } for (const w of Widget.live) w.toString();`,
      errors: [{ messageId: 'instanceRegistry' }],
    },
    {
      name: 'ImageCache: module-level Map keyed by this (autofix)',
      code: imageCache,
      output: imageCache.replace('new Map<ImageCache, Bitmap>()', 'new WeakMap<ImageCache, Bitmap>()'),
      errors: [
        {
          messageId: 'instanceKeyedCache',
          line: 5,
          column: 7,
          data: {
            name: 'thumbnails',
            scope: 'module scope',
            container: 'Map',
            aContainer: 'a Map',
            key: 'this',
            member: 'ImageCache.preview',
            elsewhere: '',
            retention: 'every ImageCache stored in it stays in memory',
          },
        },
      ],
    },
    {
      name: 'Set of instances that is only added to and checked (autofix)',
      code: `const initialised = new Set<Widget>(); class Widget { init() { if (initialised.has(this)) return; initialised.add(this); } }`,
      output: `const initialised = new WeakSet<Widget>(); class Widget { init() { if (initialised.has(this)) return; initialised.add(this); } }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'initialised', container: 'Set', member: 'Widget.init', instances: 'Widget' }) }],
    },
    {
      name: 'the nested form cache.get(this)?.get(size)',
      code: `
const sized = new Map<Icon, Map<number, string>>();
class Icon {
  at(size: number) {
    let bySize = sized.get(this);
    if (!bySize) { bySize = new Map(); sized.set(this, bySize); }
    return sized.get(this)?.get(size) ?? bySize.get(size);
  }
}`,
      output: `
const sized = new WeakMap<Icon, Map<number, string>>();
class Icon {
  at(size: number) {
    let bySize = sized.get(this);
    if (!bySize) { bySize = new Map(); sized.set(this, bySize); }
    return sized.get(this)?.get(size) ?? bySize.get(size);
  }
}`,
      errors: [{ messageId: 'instanceKeyedCache', line: 2, data: keyed({ name: 'sized', member: 'Icon.at', instances: 'Icon' }) }],
    },
    {
      name: 'a key through an alias of this',
      code: `const cache = new Map(); class A { m() { const self = this; cache.set(self, 1); return cache.get(self); } }`,
      output: `const cache = new WeakMap(); class A { m() { const self = this; cache.set(self, 1); return cache.get(self); } }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ key: 'self' }) }],
    },
    {
      name: 'an arrow function inside a method, and a getter',
      code: `const cache = new Map(); class A { get v() { return cache.get(this); } m() { [1].forEach(() => { cache.set(this, 1); }); } }`,
      output: `const cache = new WeakMap(); class A { get v() { return cache.get(this); } m() { [1].forEach(() => { cache.set(this, 1); }); } }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ member: 'A.v', elsewhere: ' (and 1 more member)' }) }],
    },
    {
      name: 'the constructor and an instance field initializer',
      code: `const seen = new Set(); class A { constructor() { seen.add(this); } check = () => seen.has(this); }`,
      output: `const seen = new WeakSet(); class A { constructor() { seen.add(this); } check = () => seen.has(this); }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'seen', container: 'Set', member: 'A.constructor', elsewhere: ' (and 1 more member)' }) }],
    },
    {
      name: 'a private static field',
      code: `class Node2 { static #layout = new Map<Node2, number>(); width() { Node2.#layout.set(this, 1); return Node2.#layout.get(this); } }`,
      output: `class Node2 { static #layout = new WeakMap<Node2, number>(); width() { Node2.#layout.set(this, 1); return Node2.#layout.get(this); } }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'Node2.#layout', scope: 'static field of Node2', member: 'Node2.width', instances: 'Node2' }) }],
    },
    {
      name: 'a readonly static field with a type annotation, used through this.constructor and static this',
      code: `
class Shape {
  static readonly areas: Map<Shape, number> = new Map();
  static known(shape: Shape) { return this.areas.has(shape); }
  area() { Shape.areas.set(this, 1); return (this.constructor as typeof Shape).areas.get(this); }
}`,
      output: `
class Shape {
  static readonly areas: WeakMap<Shape, number> = new WeakMap();
  static known(shape: Shape) { return this.areas.has(shape); }
  area() { Shape.areas.set(this, 1); return (this.constructor as typeof Shape).areas.get(this); }
}`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'Shape.areas', scope: 'static field of Shape', member: 'Shape.area', instances: 'Shape' }) }],
    },
    {
      name: 'a static field cleared outside the class body is not rewritten',
      code: `class Doc { static cache = new Map(); m() { Doc.cache.set(this, 1); } } export function reset() { Doc.cache.clear(); }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({ name: 'Doc.cache', scope: 'static field of Doc', member: 'Doc.m', instances: 'Doc', retention: 'every Doc stored in it stays in memory until `clear()` (line 1) runs' }),
        },
      ],
    },
    {
      name: 'a static field cleared inside the class body through the class name is not rewritten',
      code: `class Doc { static cache = new Map(); m() { Doc.cache.set(this, 1); } static reset() { Doc.cache.clear(); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({ name: 'Doc.cache', scope: 'static field of Doc', member: 'Doc.m', instances: 'Doc', retention: 'every Doc stored in it stays in memory until `clear()` (line 1) runs' }),
        },
      ],
    },
    {
      name: 'a class handed to another function may have its statics used elsewhere',
      code: `declare function register(c: unknown): void; class Doc { static cache = new Map(); m() { Doc.cache.set(this, 1); } } register(Doc);`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({ name: 'Doc.cache', scope: 'static field of Doc', member: 'Doc.m', instances: 'Doc' }),
        },
      ],
    },
    {
      name: 'a public static field of an exported class is only a suggestion',
      code: `export class Doc { static cache = new Map(); m() { Doc.cache.set(this, 1); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          suggestions: [
            {
              messageId: 'useWeak',
              output: `export class Doc { static cache = new WeakMap(); m() { Doc.cache.set(this, 1); } }`,
            },
          ],
        },
      ],
    },
    {
      name: 'a member of a module-level object',
      code: `const caches = { boxes: new Map(), names: new Map() }; class Box { m() { caches.boxes.set(this, 1); caches.names.set('a', 1); } }`,
      output: `const caches = { boxes: new WeakMap(), names: new Map() }; class Box { m() { caches.boxes.set(this, 1); caches.names.set('a', 1); } }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'caches.boxes', scope: 'module scope', member: 'Box.m', instances: 'Box' }) }],
    },
    {
      name: 'Vue options API: this in methods is the component instance',
      code: `const widths = new Map(); export default { data() { return { n: 1 }; }, methods: { width() { if (!widths.has(this)) widths.set(this, 1); return widths.get(this); } } };`,
      output: `const widths = new WeakMap(); export default { data() { return { n: 1 }; }, methods: { width() { if (!widths.has(this)) widths.set(this, 1); return widths.get(this); } } };`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'widths', member: 'component.width', instances: 'component' }) }],
    },
    {
      name: 'Vue defineComponent: computed members and lifecycle hooks',
      code: `import { defineComponent } from 'vue'; const seen = new Set(); export const Card = defineComponent({ mounted() { seen.add(this); }, computed: { known() { return seen.has(this); } } });`,
      output: `import { defineComponent } from 'vue'; const seen = new WeakSet(); export const Card = defineComponent({ mounted() { seen.add(this); }, computed: { known() { return seen.has(this); } } });`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({ name: 'seen', container: 'Set', member: 'Card.mounted', elsewhere: ' (and 1 more member)', instances: 'Card' }),
        },
      ],
    },
    {
      name: 'a key whose objectness is unknown makes it a suggestion',
      code: `const cache = new Map(); class A { m() { return cache.get(this); } } export function prime(a: A, v: number) { cache.set(a, v); }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          suggestions: [
            {
              messageId: 'useWeak',
              output: `const cache = new WeakMap(); class A { m() { return cache.get(this); } } export function prime(a: A, v: number) { cache.set(a, v); }`,
            },
          ],
        },
      ],
    },
    {
      name: 'an exported container is only a suggestion',
      code: `export const cache = new Map(); class A { m() { cache.set(this, 1); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          suggestions: [{ messageId: 'useWeak', output: `export const cache = new WeakMap(); class A { m() { cache.set(this, 1); } }` }],
        },
      ],
    },
    {
      name: 'a primitive key elsewhere: no fix, and the message says why',
      code: `const cache = new Map(); class A { m() { cache.set(this, 1); cache.set('total', 2); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed(),
        },
      ],
    },
    {
      name: 'clear() has no WeakMap equivalent',
      code: `const cache = new Map(); class A { m() { cache.set(this, 1); } } export function reset() { cache.clear(); }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({ retention: 'every A stored in it stays in memory until `clear()` (line 1) runs' }),
        },
      ],
    },
    {
      name: 'a reassigned container is reported without a fix',
      code: `let cache = new Map(); class A { m() { cache.set(this, 1); } } export function reset() { cache = new Map(); }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed(),
        },
      ],
    },
    {
      name: 'a container passed elsewhere is reported without a fix',
      code: `const cache = new Map(); class A { m() { cache.set(this, 1); } } declare function inspect(x: unknown): void; inspect(cache);`,
      errors: [{ messageId: 'instanceKeyedCache' }],
    },
    {
      name: 'initial entries prevent the rewrite',
      code: `declare const seed: object; const cache = new Map([[seed, 0]]); class A { m() { cache.set(this, 1); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed(),
        },
      ],
    },
    {
      name: 'a declared type that is not Map prevents the rewrite',
      code: `const cache: ReadonlyMap<A, number> & { set(k: A, v: number): void } = new Map(); class A { m() { cache.set(this, 1); } }`,
      errors: [{ messageId: 'instanceKeyedCache' }],
    },
    {
      name: 'a primitive key type prevents the rewrite',
      code: `const cache = new Map<unknown, number>(); class A { m() { cache.set(this, 1); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed(),
        },
      ],
    },
    {
      name: 'the used result of set() prevents the rewrite',
      code: `const cache = new Map(); class A { m() { return cache.set(this, 1); } }`,
      errors: [{ messageId: 'instanceKeyedCache' }],
    },
    {
      name: 'lru-cache: a suggestion that explains the dropped bound',
      code: `import { LRUCache } from 'lru-cache';
const rendered = new LRUCache<Chart, string>({ max: 500 });
class Chart { svg() { const hit = rendered.get(this); if (hit) return hit; const svg = '<svg/>'; rendered.set(this, svg); return svg; } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({
            name: 'rendered',
            container: 'LRUCache (lru-cache)',
            member: 'Chart.svg',
            retention: 'up to its size bound, Chart instances stay in memory',
          }),
          suggestions: [
            {
              messageId: 'useWeakUnbounded',
              output: `import { LRUCache } from 'lru-cache';
const rendered = new WeakMap<Chart, string>();
class Chart { svg() { const hit = rendered.get(this); if (hit) return hit; const svg = '<svg/>'; rendered.set(this, svg); return svg; } }`,
            },
          ],
        },
      ],
    },
    {
      name: 'quick-lru default import with an annotation',
      code: `import QuickLRU from 'quick-lru';
const sizes: QuickLRU<Panel, number> = new QuickLRU({ maxSize: 100 });
class Panel { size() { sizes.set(this, 1); return sizes.get(this); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          suggestions: [
            {
              messageId: 'useWeakUnbounded',
              output: `import QuickLRU from 'quick-lru';
const sizes: WeakMap<Panel, number> = new WeakMap();
class Panel { size() { sizes.set(this, 1); return sizes.get(this); } }`,
            },
          ],
        },
      ],
    },
    {
      name: 'lru-cache peek() has no WeakMap equivalent',
      code: `import { LRUCache } from 'lru-cache'; const c = new LRUCache<object, number>({ max: 5 }); class A { m() { c.set(this, 1); return c.peek(this); } }`,
      errors: [{ messageId: 'instanceKeyedCache' }],
    },
    {
      name: 'checkRegistries reports an enumerated registry, without a fix',
      code: `const live = new Set<Widget>(); class Widget { constructor() { live.add(this); } } export const all = () => [...live];`,
      options: [{ checkRegistries: true }],
      errors: [{ messageId: 'instanceRegistry', data: registry({ member: 'Widget.constructor', how: 'spreading', line: 1, instances: 'Widget' }) }],
    },
    {
      name: 'checkRegistries: a static Set enumerated outside the class body',
      code: `class Widget { static live = new Set<Widget>(); constructor() { Widget.live.add(this); } } for (const w of Widget.live) w.toString();`,
      options: [{ checkRegistries: true }],
      errors: [{ messageId: 'instanceRegistry', data: registry({ name: 'Widget.live', scope: 'static field of Widget', member: 'Widget.constructor', how: '`for…of`', line: 1, instances: 'Widget' }) }],
    },
    {
      name: 'a static field of a class handed out after its body is not fixed',
      code: `class Doc { static cache = new Map(); m() { Doc.cache.set(this, 1); } } export default Doc;`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          data: keyed({ name: 'Doc.cache', scope: 'static field of Doc', member: 'Doc.m', instances: 'Doc' }),
        },
      ],
    },
    {
      name: 'declared weak: a private field typed WeakMap but created as a Map, used only through get/set/has/delete, is fixed',
      code: `
interface Page { url: string }
class Session { constructor(readonly page: Page) {} }
export class Blocker {
  private readonly sessions: WeakMap<Page, Session> = new Map();
  enable(page: Page): Session {
    let session = this.sessions.get(page);
    if (!session) { session = new Session(page); this.sessions.set(page, session); }
    return session;
  }
  disable(page: Page): void { this.sessions.delete(page); }
  isEnabled(page: Page): boolean { return this.sessions.has(page); }
}`,
      output: `
interface Page { url: string }
class Session { constructor(readonly page: Page) {} }
export class Blocker {
  private readonly sessions: WeakMap<Page, Session> = new WeakMap();
  enable(page: Page): Session {
    let session = this.sessions.get(page);
    if (!session) { session = new Session(page); this.sessions.set(page, session); }
    return session;
  }
  disable(page: Page): void { this.sessions.delete(page); }
  isEnabled(page: Page): boolean { return this.sessions.has(page); }
}`,
      errors: [
        {
          messageId: 'declaredWeak',
          line: 5,
          data: { name: 'sessions', declared: 'WeakMap<Page, Session>', strong: 'Map', weak: 'WeakMap', keys: 'its `Page` keys', lifetime: 'for the life of each `Blocker`' },
        },
      ],
    },
    {
      name: 'declared weak: a public field is a suggestion (other code may use it as a Map)',
      code: `export class Tracker { seen: WeakSet<object> = new Set(); mark(o: object) { this.seen.add(o); } }`,
      errors: [
        {
          messageId: 'declaredWeak',
          data: { name: 'seen', declared: 'WeakSet<object>', strong: 'Set', weak: 'WeakSet', keys: 'its `object` keys', lifetime: 'for the life of each `Tracker`' },
          suggestions: [
            {
              messageId: 'createDeclaredWeak',
              output: `export class Tracker { seen: WeakSet<object> = new WeakSet(); mark(o: object) { this.seen.add(o); } }`,
            },
          ],
        },
      ],
    },
    {
      name: 'declared weak: a private static field and a field created in the constructor, keyed by this, are fixed',
      code: `class Node1 { static #parents: WeakMap<Node1, Node1> = new Map<Node1, Node1>(); private marks: WeakSet<Node1>; constructor(parent: Node1) { Node1.#parents.set(this, parent); this.marks = new Set(); this.marks.add(this); } }`,
      output: `class Node1 { static #parents: WeakMap<Node1, Node1> = new WeakMap<Node1, Node1>(); private marks: WeakSet<Node1>; constructor(parent: Node1) { Node1.#parents.set(this, parent); this.marks = new WeakSet(); this.marks.add(this); } }`,
      errors: [
        {
          messageId: 'declaredWeak',
          data: { name: 'Node1.#parents', declared: 'WeakMap<Node1, Node1>', strong: 'Map', weak: 'WeakMap', keys: 'its `Node1` keys', lifetime: 'as long as the class `Node1`' },
        },
        {
          messageId: 'declaredWeak',
          data: { name: 'marks', declared: 'WeakSet<Node1>', strong: 'Set', weak: 'WeakSet', keys: 'its `Node1` keys', lifetime: 'for the life of each `Node1`' },
        },
      ],
    },
    {
      name: 'declared weak: a module variable with a key that may be any is a suggestion, and is not also reported as keyed by instances',
      code: `const owners: WeakMap<object, string> = new Map(); export function own(target, name: string) { owners.set(target, name); } class A { m() { owners.set(this, 'a'); } }`,
      errors: [
        {
          messageId: 'declaredWeak',
          data: { name: 'owners', declared: 'WeakMap<object, string>', strong: 'Map', weak: 'WeakMap', keys: 'its `object` keys', lifetime: 'for the life of the program' },
          suggestions: [
            {
              messageId: 'createDeclaredWeak',
              output: `const owners: WeakMap<object, string> = new WeakMap(); export function own(target, name: string) { owners.set(target, name); } class A { m() { owners.set(this, 'a'); } }`,
            },
          ],
        },
      ],
    },
    {
      name: 'declared weak: a cast of the binding, initial entries and an export are suggestions; a later assignment and a local are fixed',
      code: `
const a: WeakSet<object> = new Set(); export function size() { return (a as any).size; }
const seed = {};
const b: WeakSet<object> = new Set([seed]);
export const c: WeakSet<object> = new Set();
let d: WeakSet<object>;
d = new Set();
export function local(o: object) { const e: WeakSet<object> = new Set(); e.add(o); return e.has(o) && d.has(o) && b.has(o) && c.has(o); }`,
      errors: [
        { messageId: 'declaredWeak', line: 2, suggestions: [{ messageId: 'createDeclaredWeak', output: `
const a: WeakSet<object> = new WeakSet(); export function size() { return (a as any).size; }
const seed = {};
const b: WeakSet<object> = new Set([seed]);
export const c: WeakSet<object> = new Set();
let d: WeakSet<object>;
d = new Set();
export function local(o: object) { const e: WeakSet<object> = new Set(); e.add(o); return e.has(o) && d.has(o) && b.has(o) && c.has(o); }` }] },
        { messageId: 'declaredWeak', line: 4, suggestions: [{ messageId: 'createDeclaredWeak', output: `
const a: WeakSet<object> = new Set(); export function size() { return (a as any).size; }
const seed = {};
const b: WeakSet<object> = new WeakSet([seed]);
export const c: WeakSet<object> = new Set();
let d: WeakSet<object>;
d = new Set();
export function local(o: object) { const e: WeakSet<object> = new Set(); e.add(o); return e.has(o) && d.has(o) && b.has(o) && c.has(o); }` }] },
        { messageId: 'declaredWeak', line: 5, suggestions: [{ messageId: 'createDeclaredWeak', output: `
const a: WeakSet<object> = new Set(); export function size() { return (a as any).size; }
const seed = {};
const b: WeakSet<object> = new Set([seed]);
export const c: WeakSet<object> = new WeakSet();
let d: WeakSet<object>;
d = new Set();
export function local(o: object) { const e: WeakSet<object> = new Set(); e.add(o); return e.has(o) && d.has(o) && b.has(o) && c.has(o); }` }] },
        { messageId: 'declaredWeak', line: 7 }, // a later assignment, used only through has(): fixed
        {
          messageId: 'declaredWeak',
          line: 8,
          data: { name: 'e', declared: 'WeakSet<object>', strong: 'Set', weak: 'WeakSet', keys: 'its `object` keys', lifetime: 'as long as `e` is reachable' },
        },
      ],
      output: `
const a: WeakSet<object> = new Set(); export function size() { return (a as any).size; }
const seed = {};
const b: WeakSet<object> = new Set([seed]);
export const c: WeakSet<object> = new Set();
let d: WeakSet<object>;
d = new WeakSet();
export function local(o: object) { const e: WeakSet<object> = new WeakSet(); e.add(o); return e.has(o) && d.has(o) && b.has(o) && c.has(o); }`,
    },
    {
      name: 'removals that miss the stored key: delete(this) where entries are stored under this.target, and a delete that an insert always follows',
      code: `
const byTarget = new Map();
export class Ctx {
  target: object | null = null;
  retarget(next: object) {
    if (this.target) byTarget.delete(this.target);
    this.target = next;
    byTarget.set(this.target, this);
  }
  done(fn: () => void) { return function (this: unknown) { fn(); byTarget.delete(this); }.bind(this); }
  fail() { byTarget.delete(this); }
}
export function find(target: object) { return byTarget.get(target); }`,
      errors: [
        {
          messageId: 'removalsMiss',
          line: 2,
          data: { name: 'byTarget', scope: 'module scope', instances: 'Ctx', how: '`set()`', member: 'Ctx.retarget', key: 'this.target', line: 6 },
        },
      ],
    },
    {
      name: 'removals that miss the stored key: a Map keyed by this whose only delete takes a member of this',
      code: `const sizes = new Map(); class Box { frame: object = {}; measure() { sizes.set(this, 10); } close() { sizes.delete(this.frame); } }`,
      output: `const sizes = new WeakMap(); class Box { frame: object = {}; measure() { sizes.set(this, 10); } close() { sizes.delete(this.frame); } }`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'sizes', member: 'Box.measure', instances: 'Box' }) }],
    },
    {
      name: 'disposed instances stay registered: each instance adds itself, its destroy() does not remove it, only a whole clear() does',
      code: `
export class Editor {
  static instances = new Set();
  static destroyAll() { this.instances.forEach((editor) => editor.destroy()); this.instances.clear(); }
  constructor() { this.constructor.instances.add(this); }
  destroy() { this.unmounted = true; }
}`,
      errors: [
        {
          messageId: 'disposedStayRegistered',
          line: 3,
          data: { name: 'Editor.instances', instances: 'Editor', how: 'add()', member: 'Editor.constructor', dispose: 'destroy', disposeLine: 6, line: 4 },
        },
      ],
    },
    {
      name: 'checkRegistries: forEach on a Map',
      code: `const timers = new Map(); class Job { start() { timers.set(this, 1); } } export function stopAll() { timers.forEach((t) => clearTimeout(t)); }`,
      options: [{ checkRegistries: true }],
      errors: [{ messageId: 'instanceRegistry', data: registry({ name: 'timers', container: 'Map', member: 'Job.start', how: '`forEach()`', line: 1, instances: 'Job' }) }],
    },
  ],
},
  javascript: {
  valid: [
    {
      name: 'a field of a class created twice is not a singleton\'s: it lives as long as its owner',
      code: `
${HUB}
export const hub = new Hub();
export const other = new Hub();
export class Widget { constructor() { hub.subscribe(this); } update() {} }`,
    },
    {
      name: 'an exported class may be created elsewhere too: its fields are not a singleton\'s',
      code: `
export ${HUB}
export const hub = new Hub();
export class Widget { constructor() { hub.subscribe(this); } update() {} }`,
    },
    {
      name: 'a class created in a function is created per call, not once',
      code: `
${HUB}
export function make() { return new Hub(); }
export class Widget { constructor(hub) { hub.subscribe(this); } update() {} }`,
    },
    {
      name: 'a class whose prototype is handed on has more instances than its one new (Object.create)',
      code: `
class Hub {
  constructor() { this.subscribers = []; }
  subscribe(component) { this.subscribers.push(component); }
}
const hub = new Hub();
export const spare = Object.create(Hub.prototype);
export class Widget { constructor() { hub.subscribe(this); } }`,
    },
    {
      name: 'a singleton whose subscribers leave again (splice in unsubscribe)',
      code: `
class Hub {
  constructor() { this.subscribers = []; }
  subscribe(component) { this.subscribers.push(component); }
  unsubscribe(component) { this.subscribers.splice(this.subscribers.indexOf(component), 1); }
  publish() { this.subscribers.forEach((c) => c.update()); }
}
const hub = new Hub();
export class Widget { constructor() { hub.subscribe(this); } destroy() { hub.unsubscribe(this); } update() {} }`,
    },
    {
      name: 'a factory handed to a define() the file declares itself is not AMD\'s',
      code: `
function define(deps, factory) { return factory; }
define(['dep'], function (dep) {
  var cache = new Map();
  function Widget() { cache.set(this, dep); }
  Widget.prototype.show = function () {};
  return Widget;
});`,
    },
    {
      name: 'the one instance of a singleton, kept in a module Map, keeps nothing that would otherwise die',
      code: `
const seen = new Map();
class Store { constructor() { seen.set(this, Date.now()); } }
export default new Store();`,
    },
    {
      name: 'a static registry of an exported constructor whose own close() takes the socket out',
      code: `
function Socket(uri) {
  this.uri = uri;
  Socket.sockets.push(this);
}
Socket.sockets = [];
Socket.prototype.close = function () {
  Socket.sockets.splice(Socket.sockets.indexOf(this), 1);
};
module.exports = Socket;`,
    },
    {
      name: 'entries under a key that never repeats, deleted when answered, or under keys of the caller (a memo)',
      code: `
var nextId = 0;
var pending = {};
export function send(msg, callback) { var id = ++nextId; pending[id] = callback; post(msg, id); }
export function onReply(id, value) { var callback = pending[id]; delete pending[id]; callback(value); }
var byName = new Map();
export function load(name, fn) { if (!byName.has(name)) byName.set(name, fn()); return byName.get(name); }
var ring = [];
var pos = 0;
export function remember(key, value) { if (pos == 10) pos = 0; ring[pos++] = key; ring[pos++] = value; }
export function recall(i) { return ring[i]; }
var path = [];
var depth = 0;
export function enter(key, fn) { path[depth++] = key; try { return fn(); } finally { depth--; } }
export function where() { return path.slice(0, depth); }`,
    },
    {
      name: 'a global a script defines, handed to a function of this file (which may empty its registry)',
      code: `
(function () {
  var Tip = this.Tip = new Class({ initialize: function () { Tip.instances.push(this); } });
})();
Tip.instances = [];
prune(Tip);
function prune(T) { T.instances.length = 0; }`,
    },
    {
      name: 'members given by a call that is not a known merge (it may do anything with its arguments)',
      code: `
import { extend } from './my-utils';
var Client = function () { return this.initialize.apply(this, arguments); };
extend(Client, { instances: [] });
Object.assign(Client.prototype, { initialize: function () { Client.instances.push(this); } });
Client.each = function (f) { Client.instances.forEach(f); };`,
    },
    {
      name: 'a React mixin whose componentWillUnmount takes the component out again',
      code: `
var mounted = [];
export var OutsideClick = {
  componentDidMount: function () { mounted.push(this); },
  componentWillUnmount: function () { mounted.splice(mounted.indexOf(this), 1); },
};`,
    },
    {
      name: 'JSDoc: types that are not objects, or not understood, are no evidence',
      code: `/** @type {Map<string, number>} */
const counts = new Map();
/** @param {string} name */
export function count(name) { counts.set(name, 1); }
const seen = new Set();
/**
 * @param {?Node} node
 * @param {Object} options
 * @param {import('./x').Y} other
 */
export function visit(node, options, other) { seen.add(node); seen.add(options); seen.add(other); }
/** @const {!Map<*, number>} */
const any = new Map();
export function put(key) { any.set(key, 1); }`,
    },
    {
      name: 'a registry of per-instance maps that never hold the instance, or whose entries are deleted',
      code: `
const groups = new Map();
function wrap(method) {
  return function (...args) {
    const own = this.own;
    own.set(args[0], method.apply(this, args));
    groups.set('all', [own]);
    return own.get(args[0]);
  };
}
export function memo(target, name, d) {
  d.value = wrap(d.value);
}
const live = new Map();
export function track(target, name, d) {
  const method = d.value;
  d.value = function () {
    const mine = this.mine;
    mine.add(this);
    live.set(name, [mine]);
    return method.call(this);
  };
}
export function forget(name) {
  live.delete(name);
}
`,
    },
    {
      name: 'a factory declaration called in a loop, or twice in sequence, or from another function, does not run once',
      code: `
(function () {
  function a() { var all = {}; function A() { all[1] = this; } A.prototype.m = function () {}; return A; }
  for (var i = 0; i < 2; i++) a();
  function b() { var all = {}; function B() { all[1] = this; } B.prototype.m = function () {}; return B; }
  b(); b();
  function c() { var all = {}; function C() { all[1] = this; } C.prototype.m = function () {}; return C; }
  window.load = function () { return c(); };
})();`,
    },
    {
      name: 'compiled class IIFEs and class-factory definitions whose registry is emptied by their own dispose',
      code: `
var Zone = (function (_super) {
  __extends(Zone, _super);
  function Zone(el) { _super.call(this); this.el = el; Zone.instances.push(this); }
  Zone.prototype.destroy = function () { Zone.instances.splice(Zone.instances.indexOf(this), 1); };
  return Zone;
})(Emitter);
Zone.instances = [];
window.Zone = Zone;
var Tip = new Class({
  initialize: function (el) { this.el = el; Tip.instances.push(this); },
  destroy: function () { Tip.instances.erase(this); },
});
Tip.instances = [];
register({ initialize: function () { Tip.plugins.push(this); } });
Tip.plugins = [];
Tip.each = function (f) { Tip.plugins.forEach(f); };`,
    },
    {
      name: 'untyped keys whose use says nothing of objects: a primitive method, or a use behind a branch',
      code: `
const names = new Set();
export function track(name) { name.trim(); names.add(name); }
const later = new Set();
export function maybe(el) { if (!el) return; el.focus(); later.add(el); }`,
    },
    {
      name: 'prototype containers that each instance replaces in its constructor, that are emptied, that get primitives, or that a class factory copies',
      code: `
function A() { this.items = []; }
A.prototype = { items: [], add: function (v) { this.items.push(v); } };
function B() {}
B.prototype = { list: [], add: function (v) { this.list.push(v); }, destroy: function () { while (this.list.length) this.list.shift(); } };
function C() {}
C.prototype = { names: [], add: function () { this.names.push('x'); } };
var D = new Class({ parts: [], initialize: function () {}, add: function (v) { this.parts.push(v); } });
function E() {}
E.prototype.queue = [];
E.prototype.add = function (v) { this.queue.push(v); };
E.prototype.flush = function () { drain(this.queue); };`,
    },
    {
      name: 'an interning cache (looked up before an instance is made) of instances that hold only their key',
      code: `
var cache = {};
function Resource(src) { this.src = src; cache[src] = this; }
Resource.prototype.load = function () { var img = new Image(); img.src = this.src; };
export function get(src) { return cache[src] || new Resource(src); }`,
    },
    {
      name: 'collections that are read, sized, removed from, exported, or only filled where the module loads',
      code: `
var seen = [];
export function note(x) { seen.push(x); }
export function count() { return seen.length; }
var queue = [];
export function later(fn) { queue.push(fn); }
export function flush() { queue.splice(0).forEach(function (fn) { fn(); }); }
export var log = [];
export function record(x) { log.push(x); }
var names = new Set();
names.add('a');
names.add('b');
var lengths = [];
export function measure(x) { var n = lengths.push(x); return n; }`,
    },
    {
      name: 'a Map created in a function that runs on every call is not long-lived (not an IIFE)',
      code: `function setup() { const cache = new Map(); function Foo() {} Foo.prototype.m = function () { cache.set(this, 1); }; return Foo; } setup(); setup();`,
    },
    {
      name: 'a WeakMap in a prototype method',
      code: `const cache = new WeakMap(); function Foo() {} Foo.prototype.m = function () { cache.set(this, 1); };`,
    },
    {
      name: 'a counter incremented only on another branch than the insert: the key can repeat',
      code: `
let counter = 0;
const pending = {};
export function exec(name, callback) {
  if (remote) counter++;
  else pending[counter] = callback;
}
export function onReply(reply) { pending[reply.id](reply.result); }`,
    },
    {
      name: 'sockets added by a connection listener and deleted when they close',
      code: `
const sockets = new Set();
export function track(server) {
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
}`,
    },
    {
      name: 'plugins registered by an exported function that nothing shows to run per event or instance',
      code: `
const plugins = [];
export function use(plugin) { plugins.push(plugin); }
export function run(x) { plugins.forEach((p) => p(x)); }`,
    },
    {
      name: 'handlers stored by event type from a listener: a later event of the same type replaces the entry',
      code: `
const handlers = {};
export function listen(bus) { bus.on('register', (msg) => { handlers[msg.type] = msg.handler; }); }
export function dispatch(type, x) { handlers[type](x); }`,
    },
    {
      name: 'a listener that fills a container made per call of its factory',
      code: `
export function collect(server) {
  const sockets = new Set();
  server.on('connection', (socket) => { sockets.add(socket); });
  return () => sockets.size;
}`,
    },
    {
      name: 'a React effect whose cleanup takes its listener out',
      code: `
import { useEffect } from 'react';
const listeners = new Set();
export function useStore(cb) { useEffect(() => { listeners.add(cb); return () => { listeners.delete(cb); }; }, [cb]); }
export function emit(v) { listeners.forEach((l) => l(v)); }`,
    },
    {
      name: 'a container in the closure of an AngularJS controller: one per controller instance, not long-lived',
      code: `
angular.module('app').controller('ListCtrl', function ($scope, bus) {
  var items = [];
  bus.on('item', function (item) { items.push(item); });
  bus.on('count', function () { return items.length; });
});`,
    },
    {
      name: 'lists kept as entries of a module object, whose callbacks an unsubscribe listener splices out',
      code: `
const listeners = {};
export function watch(bus) {
  bus.on('subscribe', (msg) => { (listeners[msg.topic] || (listeners[msg.topic] = [])).push(msg.callback); });
  bus.on('unsubscribe', (msg) => { const list = listeners[msg.topic]; if (list) list.splice(list.indexOf(msg.callback), 1); });
}`,
    },
    {
      name: 'lists kept as entries of a module Map, reset on an event',
      code: `
const byTopic = new Map();
export function watch(bus) {
  bus.on('subscribe', (msg) => { if (!byTopic.has(msg.topic)) byTopic.set(msg.topic, []); byTopic.get(msg.topic).push(msg.callback); });
  bus.on('reset', (msg) => { byTopic.delete(msg.topic); });
}`,
    },
    {
      name: 'a class field whose clients leave when they close',
      code: `
export class Hub {
  clients = new Set();
  constructor(server) { server.on('connection', (ws) => { this.clients.add(ws); ws.on('close', () => this.clients.delete(ws)); }); }
}`,
    },
    {
      name: 'a field filled by its own constructor: one entry per instance, gone with it',
      code: `
export class Path {
  constructor(points) { this.points = []; for (const p of points) this.points.push({ x: p.x, y: p.y }); }
  length() { return this.points.length; }
}`,
    },
    {
      name: 'a field that other code of the file reaches through the instance (it may empty it)',
      code: `
class Hub {
  constructor(server) { this.clients = new Set(); server.on('connection', (ws) => { this.clients.add(ws); }); }
}
const hub = new Hub(server);
setInterval(() => hub.clients.clear(), 1000);`,
    },
    {
      name: 'a function that is never used as a constructor or method',
      code: `const cache = new Map(); function f() { cache.set(this, 1); } f.call({});`,
    },
  ],
  invalid: [
    {
      name: 'a module-level map of callbacks under message ids from a counter (made in a helper), never deleted',
      code: `
var nextMessageId = 0;
var callbacks = {};
function createRequest(name) { return { id: nextMessageId++, name: name }; }
function sendRequest(name) { var request = createRequest(name); post(request); return request.id; }
export function getContext(callback) { var messageId = sendRequest('getContext'); callbacks[messageId] = callback; }
export function onMessage(id, value) { var callback = callbacks[id]; if (callback) callback(value); }`,
      errors: [
        { messageId: 'perCallEntries', line: 3, data: { name: 'callbacks', scope: 'module scope', how: '`[…] =`', member: 'getContext', key: 'messageId', value: 'callback' } },
      ],
    },
    {
      name: 'callbacks stored under a module counter that the same function has just incremented (xjs internal.exec)',
      code: `
let counter = 0;
let pending = {};
export function exec(name, callback) {
  return new Promise((resolve) => {
    if (remote) {
      counter++;
      send({ id: counter, name });
    }
    if (remote) pending[counter] = callback;
  });
}
export function onReply(reply) { pending[reply.id](reply.result); }`,
      errors: [
        { messageId: 'perCallEntries', line: 3, data: { name: 'pending', scope: 'module scope', how: '`[…] =`', member: 'exec', key: 'counter', value: 'callback' } },
      ],
    },
    {
      name: 'a module Set that a connection listener fills with each socket and nothing empties',
      code: `
const sockets = new Set();
export function track(server) {
  server.on('connection', (socket) => { sockets.add(socket); });
}
export function count() { return sockets.size; }`,
      errors: [
        { messageId: 'growsPerCall', line: 2, data: { name: 'sockets', scope: 'module scope', value: 'the `socket` argument', run: 'on every `connection` event', how: '`add()`', member: 'track', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'callbacks kept by an IIFE object whose add() each directive link calls, and whose remove() never takes them out (angular-tooltips)',
      code: `
var resizeObserver = (function resizeObserver() {
  var callbacks = [];
  function run() { callbacks.forEach(function (cb) { cb(); }); }
  return {
    add: function (callback) { if (!callbacks.length) window.addEventListener('resize', run); callbacks.push(callback); },
    remove: function () { if (!callbacks.length) window.removeEventListener('resize', run); },
  };
})();
app.directive('tooltip', function () {
  return { link: function (scope, element) { resizeObserver.add(function () { element.css('top', 0); }); scope.$on('$destroy', resizeObserver.remove); } };
});`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'callbacks', scope: 'module scope', value: 'the `callback` argument', run: 'from every component (`link`)', how: '`push()`', member: 'add', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'a module array that each instance\'s constructor fills with the element it was given',
      code: `
const elements = [];
export class Tip {
  constructor(el) { elements.push(el); el.addEventListener('click', () => this.show()); }
  show() { elements.forEach((e) => e.classList.remove('open')); }
}`,
      errors: [
        { messageId: 'growsPerCall', line: 2, data: { name: 'elements', scope: 'module scope', value: 'the `el` argument', run: 'from every Tip (`constructor`)', how: '`push()`', member: 'Tip.constructor', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'an AMD factory runs once: its variables are module-level',
      code: `
define(['dep'], function (dep) {
  var cache = new Map();
  function Widget() { cache.set(this, dep); }
  Widget.prototype.show = function () {};
  return Widget;
});`,
      output: `
define(['dep'], function (dep) {
  var cache = new WeakMap();
  function Widget() { cache.set(this, dep); }
  Widget.prototype.show = function () {};
  return Widget;
});`,
      errors: [{ messageId: 'instanceKeyedCache', line: 3, data: { name: 'cache', scope: 'module scope', aContainer: 'a Map', key: 'this', member: 'Widget.constructor', elsewhere: '', retention: 'every Widget stored in it stays in memory' } }],
    },
    {
      name: 'a field of a singleton (a class created once, at module level) that every component fills',
      code: `
${HUB}
const hub = new Hub();
export class Widget { constructor() { hub.subscribe(this); } update() {} }`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'hub.subscribers', scope: 'singleton Hub', value: 'the `component` argument', run: 'from every Widget (`constructor`)', how: '`push()`', member: 'Hub.subscribe', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'an entry of a field of the default-exported singleton that gets a new record from every component',
      code: `
class Context {
  constructor() { this.observers = {}; }
  register(name, component) {
    if (!(name in this.observers)) this.observers[name] = [];
    this.observers[name].push({ name, component });
  }
}
const context = new Context();
export default context;
export class Consumer { constructor() { context.register('theme', this); } }`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'context.observers[…]', scope: 'singleton Context', value: 'a new record', run: 'from every Consumer (`constructor`)', how: '`push()`', member: 'Context.register', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'a module Set that a React effect fills on every mount, with no cleanup',
      code: `
import { useEffect } from 'react';
const listeners = new Set();
export function useStore(cb) { useEffect(() => { listeners.add(cb); }, [cb]); }
export function emit(v) { listeners.forEach((l) => l(v)); }`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'listeners', scope: 'module scope', value: 'the `cb` argument', run: 'from every component (`useEffect`)', how: '`add()`', member: 'useStore', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'a container in the closure of an AngularJS directive factory (run once by the injector) that every link fills',
      code: `
angular.module('app').directive('scrollspy', ['$window', function ($window) {
  var spies = [];
  $window.addEventListener('scroll', function () { spies.forEach(function (spy) { spy.check(); }); });
  return { link: function (scope, element) { spies.push({ element: element, check: function () { return element[0].offsetTop; } }); } };
}]);`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'spies', scope: 'module scope', value: 'a new record', run: 'from every component (`link`)', how: '`push()`', member: 'link', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'lists kept as entries of a module object, filled by a listener and never emptied',
      code: `
const listeners = {};
export function watch(bus) {
  bus.on('subscribe', (msg) => { (listeners[msg.topic] || (listeners[msg.topic] = [])).push(msg.callback); });
}
export function publish(topic, v) { (listeners[topic] || []).forEach((fn) => fn(v)); }`,
      errors: [
        { messageId: 'growsPerCall', line: 2, data: { name: 'listeners[…]', scope: 'module scope', value: '`msg.callback`', run: 'on every `subscribe` event', how: '`push()`', member: 'watch', lifetime: 'for the life of the program' } },
      ],
    },
    {
      name: 'a field that a method bound as a listener fills with each socket, never deleted (simple-signal)',
      code: `
function Server(io) {
  this._sockets = {};
  io.on('connection', (socket) => { socket.on('discover', this._onDiscover.bind(this, socket)); });
}
Server.prototype._onDiscover = function (socket) { this._sockets[socket.id] = socket; };
Server.prototype.get = function (id) { return this._sockets[id]; };
module.exports = Server;`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'Server._sockets', scope: 'field of every Server', value: 'the `socket` argument', run: 'on every `discover` event', how: '`[…] =`', member: '_onDiscover', lifetime: 'as long as its Server' } },
      ],
    },
    {
      name: 'a class field that a connection listener of the constructor fills, never deleted',
      code: `
export class Hub {
  clients = new Set();
  constructor(server) { server.on('connection', (ws) => { this.clients.add(ws); }); }
  broadcast(m) { for (const c of this.clients) c.send(m); }
}`,
      errors: [
        { messageId: 'growsPerCall', line: 3, data: { name: 'Hub.clients', scope: 'field of every Hub', value: 'the `ws` argument', run: 'on every `connection` event', how: '`add()`', member: 'Hub.constructor', lifetime: 'as long as its Hub' } },
      ],
    },
    {
      name: 'a global that a script defines in its IIFE (var X = this.X = …) and uses outside it, handed only to callers\' callbacks',
      code: `
(function () {
  var Tip = this.Tip = new Class({
    initialize: function (el) { this.el = el; Tip.instances.push(this); },
    destroy: function () { this.el.remove(); },
  });
})();
Tip.instances = [];
Tip.each = function (fn) { Tip.instances.forEach(function (t) { fn.call(Tip, t); }); };`,
      errors: [
        { messageId: 'disposedStayCollected', line: 8, data: { name: 'Tip.instances', instances: 'Tip', how: '`push()`', member: 'Tip.initialize', dispose: 'destroy', disposeLine: 5 } },
      ],
    },
    {
      name: 'members given by library merges: underscore _.extend of the constructor and of its prototype',
      code: `
var _ = require('underscore');
var Client = function () { return this.initialize.apply(this, arguments); };
_.extend(Client, { instances: [], debug: false });
_.extend(Client.prototype, { initialize: function (key) { this.key = key; Client.instances.push(this); } });
Client.each = function (f) { Client.instances.forEach(f); };`,
      errors: [
        { messageId: 'instancesCollected', line: 4, data: { name: 'Client.instances', scope: 'property of Client', instances: 'Client', how: '`push()`', member: 'Client.initialize' } },
      ],
    },
    {
      name: 'a React mixin (lifecycle methods run on each mounted component) that keeps every component it was mixed into',
      code: `
(function (root, factory) { root.OutsideClick = factory(); })(this, function () {
  var mounted = [];
  return {
    componentDidMount: function () { mounted.push(this); },
    componentWillUnmount: function () { this.off(); },
    handleAll: function () { mounted.forEach(function (c) { c.handle(); }); },
  };
});`,
      errors: [
        { messageId: 'instancesCollected', line: 3, data: { name: 'mounted', scope: 'module scope', instances: 'component', how: '`push()`', member: 'component.componentDidMount' } },
      ],
    },
    {
      name: 'long-lived collections that functions only ever add to (nothing reads them)',
      code: `
(function () {
  var popovers = [];
  var byId = {};
  window.directive = function link(scope, element) {
    popovers.push(element);
    byId[scope.id] = element;
  };
})();`,
      errors: [
        { messageId: 'writeOnlyCollection', line: 3, data: { name: 'popovers', scope: 'module scope', how: '`push()`', member: 'link' } },
        { messageId: 'writeOnlyCollection', line: 4, data: { name: 'byId', scope: 'module scope', how: '`[…] =`', member: 'link' } },
      ],
    },
    {
      name: 'an interning cache of instances that hold what their creator handed in (the first element of each src)',
      code: `
var cache = {};
function Loading(img) { this.img = img; }
Loading.prototype.check = function () {
  if (cache[this.img.src]) return cache[this.img.src];
  cache[this.img.src] = this;
};`,
      errors: [
        { messageId: 'instancesCollected', line: 2, data: { name: 'cache', scope: 'module scope', instances: 'Loading', how: '`[…] =`', member: 'Loading.check' } },
      ],
    },
    {
      name: 'a container on a prototype that every instance fills through this (a shadowing assignment in destroy comes too late)',
      code: `
function Slider(el) { this.el = el; }
Slider.prototype = {
  handlers: [],
  on: function (fn) { this.el.addEventListener('x', fn); this.handlers.push(fn); },
  destroy: function () { this.handlers = []; },
};
function Queue() {}
Queue.prototype.jobs = new Set();
Queue.prototype.add = function (job) { this.jobs.add(job); };`,
      errors: [
        { messageId: 'prototypeContainerFilled', line: 4, data: { name: 'Slider.prototype.handlers', container: 'array', instances: 'Slider', how: '`push()`', member: 'on' } },
        { messageId: 'prototypeContainerFilled', line: 9, data: { name: 'Queue.prototype.jobs', container: 'Set', instances: 'Queue', how: '`add()`', member: 'add' } },
      ],
    },
    {
      name: 'an exported collection of instances (an ES5 constructor) that nothing in its file removes, and no dispose',
      code: `
function Manager(url) { this.url = url; Manager.instances.push(this); }
Manager.instances = [];
Manager.prototype.open = function () {};
module.exports = Manager;`,
      errors: [
        { messageId: 'exportedCollected', line: 3, data: { name: 'Manager.instances', scope: 'property of Manager', instances: 'Manager', how: '`push()`', member: 'Manager.constructor' } },
      ],
    },
    {
      name: 'an untyped key that the inserting function uses as only objects allow, on every call',
      code: `
const seen = new Set();
export function track(el, onClick) { el.addEventListener('click', onClick); seen.add(el); }`,
      errors: [
        {
          messageId: 'objectKeyedCache',
          line: 2,
          data: { name: 'seen', scope: 'module scope', aContainer: 'a Set', key: 'el', type: 'object, used as el.addEventListener()', member: 'track', elsewhere: '', retention: 'every object stored in it stays in memory' },
          suggestions: [{ messageId: 'useWeak', output: `
const seen = new WeakSet();
export function track(el, onClick) { el.addEventListener('click', onClick); seen.add(el); }` }],
        },
      ],
    },
    {
      name: 'a class IIFE (TypeScript ES5 output) whose static registry collects every instance',
      code: `
var Widget = /** @class */ (function () {
  function Widget(el) { this.el = el; Widget.instances.push(this); }
  Widget.instances = [];
  Widget.prototype.hide = function () { this.el.hidden = true; };
  return Widget;
}());
export function hideAll() { Widget.instances.forEach(function (w) { w.hide(); }); }`,
      errors: [
        { messageId: 'instancesCollected', line: 4, data: { name: 'Widget.instances', scope: 'property of Widget', instances: 'Widget', how: '`push()`', member: 'Widget.constructor' } },
      ],
    },
    {
      name: 'a constructor written as a function expression (`export const Dataviz = function …`) whose own destroy leaves it registered',
      code: `
export const Dataviz = function (options = {}) {
  if (this instanceof Dataviz === false) return new Dataviz(options);
  this.options = options;
  Dataviz.visuals.push(this);
};
Dataviz.visuals = [];
Dataviz.prototype.destroy = function () {
  this.options = null;
};`,
      errors: [
        { messageId: 'disposedStayCollected', line: 7, data: { name: 'Dataviz.visuals', instances: 'Dataviz', how: '`push()`', member: 'Dataviz.constructor', dispose: 'destroy', disposeLine: 8 } },
      ],
    },
    {
      name: 'a static registry of an exported constructor (also its own member) whose own close() never removes the socket',
      code: `
function Socket(uri) {
  this.uri = uri;
  Socket.sockets.push(this);
}
Socket.sockets = [];
Socket.prototype.close = function () {
  this.uri = null;
};
module.exports = Socket;
Socket.Socket = Socket;`,
      errors: [
        { messageId: 'disposedStayCollected', line: 6, data: { name: 'Socket.sockets', instances: 'Socket', how: '`push()`', member: 'Socket.constructor', dispose: 'close', disposeLine: 7 } },
      ],
    },
    {
      name: 'a class IIFE (CoffeeScript output) made global, whose own destroy leaves the instance in the registry',
      code: `
(function () {
  var Zone;
  Zone = (function (_super) {
    __extends(Zone, _super);
    function Zone(el) { this.el = el; Zone.instances.push(this); }
    Zone.prototype.destroy = function () { this.el.remove(); };
    return Zone;
  })(Emitter);
  Zone.instances = [];
  window.Zone = Zone;
}).call(this);`,
      errors: [
        { messageId: 'disposedStayCollected', line: 10, data: { name: 'Zone.instances', instances: 'Zone', how: '`push()`', member: 'Zone.constructor', dispose: 'destroy', disposeLine: 7 } },
      ],
    },
    {
      name: 'a class made by a class factory from an object of methods (`new Class({ initialize })`) collects every instance',
      code: `
var Tip = new Class({
  initialize: function (el) { this.el = el; Tip.instances.push(this); },
  show: function () { this.el.hidden = false; },
});
Tip.instances = [];
Object.assign(Tip, { showAll: function () { Tip.instances.forEach(function (t) { t.show(); }); } });`,
      errors: [
        { messageId: 'instancesCollected', line: 6, data: { name: 'Tip.instances', scope: 'property of Tip', instances: 'Tip', how: '`push()`', member: 'Tip.initialize' } },
      ],
    },
    {
      name: 'JSDoc: a container key type (Closure and TypeScript spellings), a @param type, an inline parameter type',
      code: `/** @const {!Map<!Node, !./Value>} */
const nodeValues = new Map();
export function value(node) { nodeValues.set(node, 1); }
/** @type {Set.<Element>} */
const seen = new Set();
export function visit(el) { seen.add(el); }
const styles = new Map();
/**
 * Remembers the style.
 * @param {HTMLElement|SVGElement} el the element
 */
export function track(el) { styles.set(el, el.style.cssText); }
const owners = new Map();
export const own = (/** !Element */ el, owner) => { owners.set(el, owner); };`,
      errors: [
        { messageId: 'objectKeyedCache', line: 2, data: keyed({ name: 'nodeValues', key: 'node', type: 'Node', member: 'value', instances: 'Node' }), suggestions: [{ messageId: 'useWeak', output: `/** @const {!Map<!Node, !./Value>} */
const nodeValues = new WeakMap();
export function value(node) { nodeValues.set(node, 1); }
/** @type {Set.<Element>} */
const seen = new Set();
export function visit(el) { seen.add(el); }
const styles = new Map();
/**
 * Remembers the style.
 * @param {HTMLElement|SVGElement} el the element
 */
export function track(el) { styles.set(el, el.style.cssText); }
const owners = new Map();
export const own = (/** !Element */ el, owner) => { owners.set(el, owner); };` }] },
        { messageId: 'objectKeyedCache', line: 5, suggestions: [{ messageId: 'useWeak', output: `/** @const {!Map<!Node, !./Value>} */
const nodeValues = new Map();
export function value(node) { nodeValues.set(node, 1); }
/** @type {Set.<Element>} */
const seen = new WeakSet();
export function visit(el) { seen.add(el); }
const styles = new Map();
/**
 * Remembers the style.
 * @param {HTMLElement|SVGElement} el the element
 */
export function track(el) { styles.set(el, el.style.cssText); }
const owners = new Map();
export const own = (/** !Element */ el, owner) => { owners.set(el, owner); };` }] },
        { messageId: 'objectKeyedCache', line: 7, data: keyed({ name: 'styles', key: 'el', type: 'HTMLElement|SVGElement', member: 'track', instances: 'HTMLElement|SVGElement' }), suggestions: [{ messageId: 'useWeak', output: `/** @const {!Map<!Node, !./Value>} */
const nodeValues = new Map();
export function value(node) { nodeValues.set(node, 1); }
/** @type {Set.<Element>} */
const seen = new Set();
export function visit(el) { seen.add(el); }
const styles = new WeakMap();
/**
 * Remembers the style.
 * @param {HTMLElement|SVGElement} el the element
 */
export function track(el) { styles.set(el, el.style.cssText); }
const owners = new Map();
export const own = (/** !Element */ el, owner) => { owners.set(el, owner); };` }] },
        { messageId: 'objectKeyedCache', line: 13, suggestions: [{ messageId: 'useWeak', output: `/** @const {!Map<!Node, !./Value>} */
const nodeValues = new Map();
export function value(node) { nodeValues.set(node, 1); }
/** @type {Set.<Element>} */
const seen = new Set();
export function visit(el) { seen.add(el); }
const styles = new Map();
/**
 * Remembers the style.
 * @param {HTMLElement|SVGElement} el the element
 */
export function track(el) { styles.set(el, el.style.cssText); }
const owners = new WeakMap();
export const own = (/** !Element */ el, owner) => { owners.set(el, owner); };` }] },
      ],
    },
    {
      name: 'JSDoc: a Node.js class through require, and a container imported from a module whose JSDoc declares node keys',
      filename: appFile('js'),
      code: `import nodeValues from '../lib/containers/node-values.js';
const net = require('net');
const sockets = new Set();
/** @param {net.Socket} socket */
export function open(socket) { sockets.add(socket); }
export function createFromNode(node) {
  if (nodeValues.has(node)) return nodeValues.get(node);
  const value = { value: node };
  nodeValues.set(node, value);
  return value;
}`,
      errors: [
        { messageId: 'objectKeyedCache', line: 3, suggestions: [{ messageId: 'useWeak', output: `import nodeValues from '../lib/containers/node-values.js';
const net = require('net');
const sockets = new WeakSet();
/** @param {net.Socket} socket */
export function open(socket) { sockets.add(socket); }
export function createFromNode(node) {
  if (nodeValues.has(node)) return nodeValues.get(node);
  const value = { value: node };
  nodeValues.set(node, value);
  return value;
}` }] },
        { messageId: 'objectKeyedCache', line: 9, data: keyed({ name: 'nodeValues', scope: "module scope of '../lib/containers/node-values.js'", key: 'node', type: 'Node', member: 'createFromNode', instances: 'Node' }) },
      ],
    },
    {
      name: 'a UMD factory declaration, handed to define() or called once in the other branch, runs once',
      code: `
(function (window) {
  function definition() {
    var guid = 0;
    var instances = {};
    function Layout(element) { this.element = element; instances[++guid] = this; }
    Layout.prototype.find = function (id) { return instances[id]; };
    return Layout;
  }
  if (typeof define === 'function' && define.amd) define(['dep'], definition);
  else window.Layout = definition();
})(window);`,
      errors: [{ messageId: 'instancesCollected', line: 5 }],
    },
    {
      name: 'a module wrapped in an IIFE and a UMD factory: their scopes run once, so their Maps are long-lived',
      code: `(function () {
  const cache = new Map();
  function Foo() {}
  Foo.prototype.m = function () { cache.set(this, 1); return cache.get(this); };
})();
(function (root, factory) { root.Bar = factory(); })(this, function () {
  const seen = new Set();
  function Bar() { seen.add(this); }
  Bar.prototype.known = function () { return seen.has(this); };
  return Bar;
});`,
      output: `(function () {
  const cache = new WeakMap();
  function Foo() {}
  Foo.prototype.m = function () { cache.set(this, 1); return cache.get(this); };
})();
(function (root, factory) { root.Bar = factory(); })(this, function () {
  const seen = new WeakSet();
  function Bar() { seen.add(this); }
  Bar.prototype.known = function () { return seen.has(this); };
  return Bar;
});`,
      errors: [{ messageId: 'instanceKeyedCache', line: 2 }, { messageId: 'instanceKeyedCache', line: 7 }],
    },
    {
      name: 'a module wrapped in a named IIFE (its name has a scope of its own): still runs once',
      code: `(function withAngular(angular) {
  const cache = new Map();
  function Foo() {}
  Foo.prototype.m = function () { cache.set(this, 1); return cache.get(this); };
}(angular));`,
      output: `(function withAngular(angular) {
  const cache = new WeakMap();
  function Foo() {}
  Foo.prototype.m = function () { cache.set(this, 1); return cache.get(this); };
}(angular));`,
      errors: [{ messageId: 'instanceKeyedCache', line: 2 }],
    },
    {
      name: 'a function assigned to a prototype',
      code: `const cache = new Map(); function Foo() {} Foo.prototype.m = function () { cache.set(this, 1); return cache.get(this); };`,
      output: `const cache = new WeakMap(); function Foo() {} Foo.prototype.m = function () { cache.set(this, 1); return cache.get(this); };`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ member: 'Foo.m', instances: 'Foo' }) }],
    },
    {
      name: 'a constructor function',
      code: `const seen = new Set(); function Foo() { seen.add(this); } Foo.prototype.ok = function () { return seen.has(this); };`,
      output: `const seen = new WeakSet(); function Foo() { seen.add(this); } Foo.prototype.ok = function () { return seen.has(this); };`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'seen', container: 'Set', member: 'Foo.constructor', elsewhere: ' (and 1 more member)', instances: 'Foo' }) }],
    },
    {
      name: 'an object literal assigned as the prototype',
      code: `const cache = new Map(); function Foo() {} Foo.prototype = { m() { cache.set(this, 1); } };`,
      output: `const cache = new WeakMap(); function Foo() {} Foo.prototype = { m() { cache.set(this, 1); } };`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ member: 'Foo.m', instances: 'Foo' }) }],
    },
    {
      name: 'Object.assign onto a prototype',
      code: `const cache = new Map(); class Foo {} Object.assign(Foo.prototype, { m() { cache.set(this, 1); } });`,
      output: `const cache = new WeakMap(); class Foo {} Object.assign(Foo.prototype, { m() { cache.set(this, 1); } });`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ member: 'Foo.m', instances: 'Foo' }) }],
    },
    {
      name: 'Object.defineProperty with a getter on a prototype',
      code: `const cache = new Map(); function Foo() {} Object.defineProperty(Foo.prototype, 'v', { get() { cache.set(this, 1); return 1; } });`,
      output: `const cache = new WeakMap(); function Foo() {} Object.defineProperty(Foo.prototype, 'v', { get() { cache.set(this, 1); return 1; } });`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ member: 'Foo.v', instances: 'Foo' }) }],
    },
    {
      name: 'an object used as a prototype through Object.create',
      code: `const cache = new Map(); const proto = { m() { cache.set(this, 1); } }; export const make = () => Object.create(proto);`,
      output: `const cache = new WeakMap(); const proto = { m() { cache.set(this, 1); } }; export const make = () => Object.create(proto);`,
      errors: [{ messageId: 'instanceKeyedCache', data: keyed({ member: 'proto.m', instances: 'proto' }) }],
    },
    {
      name: 'a module registry that keeps, for each instance, its own map keyed by the instance',
      code: `
const byTag = new Map();
function wrap(method, tag) {
  return function () {
    const own = this.own;
    const self = this;
    if (!own.has(self)) own.set(self, method.call(this));
    byTag.set(tag, [own]);
    return own.get(self);
  };
}
export function memo(target, name, d) {
  d.value = wrap(d.value, name);
}
`,
      errors: [
        {
          messageId: 'instanceStateCollected',
          line: 8,
          data: { name: 'byTag', scope: 'module scope', state: 'own', instances: 'instance', how: '\`set()\`', member: 'a decorated method' },
        },
      ],
    },
  ],
},
  commonjs: {
  valid: [
    {
      name: 'a WeakMap in CommonJS',
      code: `const cache = new WeakMap(); class A { m() { cache.set(this, 1); } } module.exports = A;`,
    },
  ],
  invalid: [
    {
      name: 'a module-level Map in a CommonJS file',
      code: `const cache = new Map(); class A { m() { cache.set(this, 1); } } module.exports = A;`,
      output: `const cache = new WeakMap(); class A { m() { cache.set(this, 1); } } module.exports = A;`,
      errors: [{ messageId: 'instanceKeyedCache' }],
    },
    {
      name: 'lru-cache through require with destructuring',
      code: `const { LRUCache } = require('lru-cache'); const c = new LRUCache({ max: 10 }); class A { m() { c.set(this, 1); } }`,
      errors: [
        {
          messageId: 'instanceKeyedCache',
          suggestions: [
            {
              messageId: 'useWeakUnbounded',
              output: `const { LRUCache } = require('lru-cache'); const c = new WeakMap(); class A { m() { c.set(this, 1); } }`,
            },
          ],
        },
      ],
    },
  ],
},
  typed: {
    valid: [
      {
        name: 'a property of an ES5 constructor that is exported, emptied, or assigned inside a function',
        code: `
function A(this: any) { A.all.push(this); }
A.all = [] as unknown[];
module.exports = A;
function B(this: any) { B.all.push(this); }
B.all = [] as unknown[];
B.prototype.destroy = function (this: any) { B.all.splice(B.all.indexOf(this), 1); };
function C(this: any) { C.all.push(this); }
export function reset() { C.all = []; }`,
      },
      {
        name: 'factory products: a record the function keeps, a built-in object, a removal, or a product not returned',
        code: `
const log: object[] = [];
export function record(message: string) { const entry = { message, at: Date.now() }; log.push(entry); return entry; }
const dates: Date[] = [];
export function stamp() { const d = new Date(); dates.push(d); return d; }
class Job { constructor(readonly run: () => void) {} }
const jobs: Job[] = [];
export function schedule(run: () => void) { const job = new Job(run); jobs.push(job); return job; }
export function cancel(job: Job) { jobs.splice(jobs.indexOf(job), 1); }
const handlers: object[] = [];
export function register(fn: () => void) { const handler = { call() { fn(); } }; handlers.push(handler); }
export const everything = () => [...log, ...dates, ...handlers];
class Parsed { constructor(readonly source: string) {} }
const parsed = new Map<string, Parsed>();
export function parse(source: string) {
  if (parsed.has(source)) return parsed.get(source)!;
  const result = new Parsed(source);
  parsed.set(source, result); // a memo cache of results by their source string: bounded by the keys
  return result;
}`,
      },
      {
        name: 'a static member assigned inside a function is not created once',
        code: `class W { m() { W.live.add(this); } } export function reset() { W.live = new Set(); }`,
      },
      {
        name: 'typed: object-typed keys are not reported unless checkObjectKeys is on',
        code: `import { TreeNode, type Box } from './shapes.js';
const layout = new Map<TreeNode, Box>();
export function measure(node: TreeNode, box: Box) { layout.set(node, box); }`,
      },
      {
        name: 'typed: primitive and primitive-union keys',
        code: `const byId = new Map<string | number, number>(); export function put(id: string | number) { byId.set(id, 1); }`,
        options: [{ checkObjectKeys: true }],
      },
      {
        name: 'typed: keys typed any or unknown are not judged',
        code: `const c = new Map<any, number>(); export function put(k: any, u: unknown) { c.set(k, 1); c.set(u, 2); }`,
        options: [{ checkObjectKeys: true }],
      },
      {
        name: 'typed: functions and classes as keys live as long as their module',
        code: `import { TreeNode } from './shapes.js'; const byClass = new Map<Function, number>(); export function reg(c: typeof TreeNode, f: () => void) { byClass.set(c, 1); byClass.set(f, 2); }`,
        options: [{ checkObjectKeys: true }],
      },
      {
        name: 'typed: a this parameter typed as an interface is not a class instance',
        code: `const seen = new Set<object>(); export function visit(this: Window) { seen.add(this); }`,
      },
      {
        name: 'typed: a per-call Map filled with object keys',
        code: `import { TreeNode } from './shapes.js'; export function walk(n: TreeNode) { const seen = new Set<TreeNode>(); seen.add(n); return seen; }`,
        options: [{ checkObjectKeys: true }],
      },
    ],
    invalid: [
      {
        name: 'typed: an enumerated registry of object keys that nothing empties is reported',
        code: `import { TreeNode } from './shapes.js'; const live = new Set<TreeNode>(); export function add(n: TreeNode) { live.add(n); } export const count = () => live.size;`,
        options: [{ checkObjectKeys: true }],
        errors: [{ messageId: 'instanceRegistry' }],
      },
      {
        name: 'a static member assigned after the class body (compiled and older JavaScript)',
        code: `class W { constructor() { W.live.add(this); } isLive() { return W.live.has(this); } } W.live = new Set();`,
        output: `class W { constructor() { W.live.add(this); } isLive() { return W.live.has(this); } } W.live = new WeakSet();`,
        errors: [
          {
            messageId: 'instanceKeyedCache',
            data: keyed({ name: 'W.live', scope: 'static field of W', container: 'Set', member: 'W.constructor', elsewhere: ' (and 1 more member)', instances: 'W' }),
          },
        ],
      },
      {
        name: 'a static member created in a static block (TypeScript output for a static field)',
        code: `class W { static { this.seen = new Map(); } m() { W.seen.set(this, 1); return W.seen.get(this); } }`,
        output: `class W { static { this.seen = new WeakMap(); } m() { W.seen.set(this, 1); return W.seen.get(this); } }`,
        errors: [{ messageId: 'instanceKeyedCache', data: keyed({ name: 'W.seen', scope: 'static field of W', member: 'W.m', instances: 'W' }) }],
      },
      {
        name: 'a static registry assigned after the class body and enumerated is silent by default, reported with checkRegistries',
        code: `class W { constructor() { W.all.add(this); } } W.all = new Set(); export function each(f) { for (const w of W.all) f(w); }`,
        options: [{ checkRegistries: true }],
        errors: [
          {
            messageId: 'instanceRegistry',
            data: registry({ name: 'W.all', scope: 'static field of W', member: 'W.constructor', how: '`for…of`', line: 1, instances: 'W' }),
          },
        ],
      },
      {
        name: 'typed: an LRU class re-exported under another name by a project module',
        code: `import { Lru } from './reexports.js'; const c = new Lru<object, number>({ max: 5 }); class A { m() { c.set(this, 1); } }`,
        errors: [
          {
            messageId: 'instanceKeyedCache',
            data: keyed({ name: 'c', container: 'LRUCache (lru-cache)', retention: 'up to its size bound, A instances stay in memory' }),
            suggestions: [
              {
                messageId: 'useWeakUnbounded',
                output: `import { Lru } from './reexports.js'; const c = new WeakMap<object, number>(); class A { m() { c.set(this, 1); } }`,
              },
            ],
          },
        ],
      },
      {
        name: 'typed: a re-export through export * and a const alias of a default import',
        code: `import { DeepLru, Quick } from './reexports.js'; const a = new DeepLru<object, number>({ max: 5 }); const b = new Quick<object, number>({ maxSize: 5 }); class A { m() { a.set(this, 1); b.set(this, 1); } }`,
        errors: [
          { messageId: 'instanceKeyedCache', data: keyed({ name: 'a', container: 'LRUCache (lru-cache)', retention: 'up to its size bound, A instances stay in memory' }), suggestions: [{ messageId: 'useWeakUnbounded', output: `import { DeepLru, Quick } from './reexports.js'; const a = new WeakMap<object, number>(); const b = new Quick<object, number>({ maxSize: 5 }); class A { m() { a.set(this, 1); b.set(this, 1); } }` }] },
          { messageId: 'instanceKeyedCache', data: keyed({ name: 'b', container: 'QuickLRU (quick-lru)', retention: 'up to its size bound, A instances stay in memory' }), suggestions: [{ messageId: 'useWeakUnbounded', output: `import { DeepLru, Quick } from './reexports.js'; const a = new DeepLru<object, number>({ max: 5 }); const b = new WeakMap<object, number>(); class A { m() { a.set(this, 1); b.set(this, 1); } }` }] },
        ],
      },
      {
        name: 'typed: a module-level Map filled from a parameter typed as a class (checkObjectKeys)',
        code: `import { TreeNode, type Box } from './shapes.js';
const layout = new Map<TreeNode, Box>();
export function measure(node: TreeNode, box: Box) { layout.set(node, box); }`,
        output: `import { TreeNode, type Box } from './shapes.js';
const layout = new WeakMap<TreeNode, Box>();
export function measure(node: TreeNode, box: Box) { layout.set(node, box); }`,
        options: [{ checkObjectKeys: true }],
        errors: [
          {
            messageId: 'objectKeyedCache',
            data: keyed({ name: 'layout', key: 'node', type: 'TreeNode', member: 'measure', instances: 'TreeNode' }),
          },
        ],
      },
      {
        name: 'typed: DOM elements as keys of a module-level Map',
        code: `const boxes = new Map<Element, DOMRect>(); export const track = (el: Element) => { boxes.set(el, el.getBoundingClientRect()); };`,
        output: `const boxes = new WeakMap<Element, DOMRect>(); export const track = (el: Element) => { boxes.set(el, el.getBoundingClientRect()); };`,
        options: [{ checkObjectKeys: true }],
        errors: [
          {
            messageId: 'objectKeyedCache',
            data: keyed({ name: 'boxes', key: 'el', type: 'Element', member: 'track', instances: 'Element' }),
          },
        ],
      },
      {
        name: 'typed: an interface-typed key in a static field',
        code: `import type { Box } from './shapes.js'; export class Packer { static #area = new Map<Box, number>(); place(box: Box) { Packer.#area.set(box, box.width * box.height); } }`,
        output: `import type { Box } from './shapes.js'; export class Packer { static #area = new WeakMap<Box, number>(); place(box: Box) { Packer.#area.set(box, box.width * box.height); } }`,
        options: [{ checkObjectKeys: true }],
        errors: [
          {
            messageId: 'objectKeyedCache',
            data: keyed({ name: 'Packer.#area', scope: 'static field of Packer', key: 'box', type: 'Box', member: 'Packer.place', instances: 'Box' }),
          },
        ],
      },
      {
        name: 'typed: a Map subclass keyed by this is reported without a fix',
        code: `class Registry extends Map<object, number> {} const reg = new Registry(); class A { m() { reg.set(this, 1); } }`,
        errors: [
          {
            messageId: 'instanceKeyedCache',
            data: keyed({
              name: 'reg',
              aContainer: 'a Map subclass `Registry`',
            }),
          },
        ],
      },
      {
        name: 'typed: an alias of Map',
        code: `const M = Map; const c = new M<object, number>(); class A { m() { c.set(this, 1); } }`,
        errors: [
          {
            messageId: 'instanceKeyedCache',
            data: keyed({ name: 'c', aContainer: 'a Map (created through the alias `M`)' }),
          },
        ],
      },
      {
        name: 'typed: a standalone function with a this parameter typed as a class',
        code: `import { TreeNode } from './shapes.js'; const seen = new Set<TreeNode>(); export function visit(this: TreeNode) { seen.add(this); }`,
        output: `import { TreeNode } from './shapes.js'; const seen = new WeakSet<TreeNode>(); export function visit(this: TreeNode) { seen.add(this); }`,
        errors: [
          {
            messageId: 'instanceKeyedCache',
            data: keyed({ name: 'seen', container: 'Set', member: 'TreeNode.visit', instances: 'TreeNode' }),
          },
        ],
      },
      {
        name: 'typed: a key typed as an object turns the suggestion into an autofix',
        code: `const cache = new Map(); class A { m() { return cache.get(this); } } export function prime(a: A, v: number) { cache.set(a, v); }`,
        output: `const cache = new WeakMap(); class A { m() { return cache.get(this); } } export function prime(a: A, v: number) { cache.set(a, v); }`,
        errors: [{ messageId: 'instanceKeyedCache', data: keyed() }],
      },
    ],
  },
};
