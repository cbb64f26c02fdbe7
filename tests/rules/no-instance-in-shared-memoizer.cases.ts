import type { RuleCases } from '../rule-tester.js';
import type { MessageIds, Options } from '../../src/rules/no-instance-in-shared-memoizer.js';

const FIRST = 'its first argument';
const EVERY = 'all its arguments';
const KEY_FUNCTION = "its key function's result";

/** Every placeholder of `objectInKey`. */
function objectPinned(overrides: Record<string, string>): Record<string, string> {
  return { name: 'f', scope: 'module scope', memoizer: 'lodash `memoize`', keyDesc: FIRST, elsewhere: '', ...overrides };
}

/** Every placeholder of `instanceInKey`, so a case asserts the whole message. */
function pinned(overrides: Record<string, string> = {}): Record<string, string> {
  const instances = overrides['instances'] ?? 'A';
  return {
    name: 'f',
    scope: 'module scope',
    memoizer: 'lodash `memoize`',
    keyDesc: FIRST,
    member: 'A.m',
    instance: 'this',
    position: 'as the first argument',
    elsewhere: '',
    retention: `every ${instances} stays in memory`,
    instances,
    ...overrides,
  };
}


// The scenario: a module-level memoized layout function called with each node.
const treeNode = `
import memoize from 'lodash/memoize';

interface Layout { width: number }
const layoutOf = memoize((node: TreeNode): Layout => ({ width: node.children.length }));

export class TreeNode {
  children: TreeNode[] = [];
  layout(): Layout { return layoutOf(this); }
}
`;

/** The rule's cases, by parser; run by the .test.ts file. */
export const cases: RuleCases<MessageIds, Options> = {
  typescript: {
    valid: [
      {
        name: 'objects: a module-level object passed to a memoizer lives as long anyway',
        code: `import memoize from 'lodash/memoize'; const theme = { color: 'red' }; const styles = memoize((t: object) => ({ ...t })); export const get = () => styles(theme);`,
      },
      {
        name: 'objects: a string parameter, or a method only guarded code calls, is no evidence',
        code: `import memoize from 'lodash/memoize';
const trimmed = memoize((s) => s.trim());
const render = memoize((v) => (typeof v === 'string' ? v : v.render()));
export function show(a, b) { return trimmed(a) + render(b); }`,
      },
      {
        name: 'objects: the parameter is used as an object only after an early return',
        code: `import memoize from 'lodash/memoize';
const json = memoize((stats) => { if (typeof stats === 'string') return stats; return stats.toJson(); });
export const read = (x) => json(x);`,
      },
      {
        name: 'objects: a memoizer keyed by a string of its arguments holds no object',
        code: `import memoize from 'lodash/memoize';
const measure = memoize((el: HTMLElement) => el.clientWidth, (el: HTMLElement) => el.id);
export function width(target: HTMLElement) { return measure(target); }`,
      },
      {
        name: 'memoizee/weak keys its first argument weakly',
        code: `import memoize from 'memoizee/weak'; const f = memoize((a: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: 'reselect weakMapMemoize is not a strong-keyed memoizer',
        code: `import { weakMapMemoize } from 'reselect'; const f = weakMapMemoize((a: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: '@emotion/weak-memoize is weak',
        code: `import weakMemoize from '@emotion/weak-memoize'; const f = weakMemoize((a: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: 'memoize with a WeakMap cache',
        code: `import memoize from 'memoize'; const f = memoize((a: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
      },
      {
        name: 'p-memoize with a WeakMap cache',
        code: `import pMemoize from 'p-memoize'; const f = pMemoize(async (a: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
      },
      {
        name: 'lodash with memoize.Cache = WeakMap in the same module',
        code: `import memoize from 'lodash/memoize'; memoize.Cache = WeakMap; const f = memoize((a: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: 'lodash through _ with _.memoize.Cache = WeakMap',
        code: `import _ from 'lodash'; _.memoize.Cache = WeakMap; const f = _.memoize((a: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: 'values derived from the instance are not the instance',
        code: `
          import memoize from 'lodash/memoize';
          const f = memoize((key: string | number) => key);
          class A {
            id = 1; name = 'a';
            m() { return [f(this.id), f(this.name), f(\`\${this.id}:x\`), f(String(this)), f(42)]; }
          }`,
      },
      {
        name: 'lodash: the instance in the second argument is not in the key',
        code: `import memoize from 'lodash/memoize'; const f = memoize((k: string, owner: object) => k); class A { m() { return f('x', this); } }`,
      },
      {
        name: 'memoize and p-memoize: the instance in the second argument is not in the key',
        code: `
          import memoize from 'memoize'; import pMemoize from 'p-memoize';
          const f = memoize((k: string, owner: object) => k);
          const g = pMemoize(async (k: string, owner: object) => k);
          class A { m() { return [f('x', this), g('x', this)]; } }`,
      },
      {
        name: 'memoizee: an argument past the function length is not in the key',
        code: `import memoizee from 'memoizee'; const f = memoizee((k: string) => k); class A { m() { return (f as any)('x', this); } }`,
      },
      {
        name: 'memoizee: length 1 keeps only the first argument',
        code: `import memoizee from 'memoizee'; const f = memoizee((k: string, o: object) => k, { length: 1 }); class A { m() { return f('x', this); } }`,
      },
      {
        name: 'memoizee primitive mode keys by string',
        code: `import memoizee from 'memoizee'; const f = memoizee((o: object) => 1, { primitive: true }); class A { m() { return f(this); } }`,
      },
      {
        name: 'memoizee normalizer results are property names',
        code: `import memoizee from 'memoizee'; const f = memoizee((o: object) => 1, { normalizer: (args) => args[0] }); class A { m() { return f(this); } }`,
      },
      {
        name: 'libraries that coerce keys to strings',
        code: `
          import _ from 'underscore'; import { memoizeWith } from 'ramda'; import { memoize as deckoMemoize } from 'decko';
          import fastMemoize from 'fast-memoize';
          const a = _.memoize((o: object) => 1);
          const b = memoizeWith((o: object) => 'k', (o: object) => 1);
          const c = deckoMemoize((o: object) => 1);
          const d = fastMemoize((o: object) => 1);
          class A { m() { return [a(this), b(this), c(this), d(this)]; } }`,
      },
      {
        name: 'a memoizer created per call',
        code: `import memoize from 'lodash/memoize'; class A { m() { const f = memoize((o: object) => 1); return f(this); } }`,
      },
      {
        name: 'a memoizer created per instance (class field)',
        code: `import memoize from 'lodash/memoize'; class A { f = memoize((o: object) => 1); m() { return this.f(this); } }`,
      },
      {
        name: 'a module variable re-assigned in the constructor holds a memoizer per instance',
        code: `import memoize from 'lodash/memoize'; let f = memoize((o: object) => 1); class A { constructor() { f = memoize((o: object) => 2); } m() { return f(this); } }`,
      },
      {
        name: 'this in a static method is the class',
        code: `import memoize from 'lodash/memoize'; const f = memoize((o: object) => 1); class A { static m() { return f(this); } }`,
      },
      {
        name: 'lodash resolver returning this, called without a this',
        code: `import memoize from 'lodash/memoize'; const f = memoize((x: number) => x, function (this: unknown) { return this; }); class A { m() { return f(1); } }`,
      },
      {
        name: 'lodash resolver returning a value derived from this',
        code: `import memoize from 'lodash/memoize'; const f = memoize((x: number) => x, function (this: { id: string }) { return this.id; }); class A { id = 'a'; m() { return f.call(this, 1); } }`,
      },
      {
        name: 'lodash resolver that serializes the instance',
        code: `import memoize from 'lodash/memoize'; const f = memoize((o: object) => 1, (o: object) => JSON.stringify(o)); class A { m() { return f(this); } }`,
      },
      {
        name: 'a key function whose result cannot be read',
        code: `import memoize from 'memoize'; declare function keyOf(o: object): unknown; const f = memoize((o: object) => 1, { cacheKey: ([o]) => keyOf(o) }); class A { m() { return f(this); } }`,
      },
      {
        name: 'a key function that drops the instance',
        code: `import memoize from 'memoize'; const f = memoize((k: string, o: object) => 1, { cacheKey: ([k]) => k }); class A { m() { return f('x', this); } }`,
      },
      {
        name: '@github/memoize: the default hash is a string',
        code: `import memo from '@github/memoize'; const f = memo((o: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: 'memoize with maxAge: entries expire',
        code: `import memoize from 'memoize'; const f = memoize((o: object) => 1, { maxAge: 1000 }); class A { m() { return f(this); } }`,
      },
      {
        name: 'checkBounded off: a bounded moize is not reported',
        code: `import moize from 'moize'; const f = moize((o: object) => 1, { maxSize: 5 }); class A { m() { return f(this); } }`,
        options: [{ checkBounded: false }],
      },
      {
        name: 'an unknown local memoize helper is not judged',
        code: `function memoize<T>(fn: T): T { return fn; } const f = memoize((o: object) => 1); class A { m() { return f(this); } }`,
      },
      {
        name: 'a memoized function imported from another module is not visible',
        code: `import { layoutOf } from './layout'; class A { m() { return layoutOf(this); } }`,
      },
      {
        name: 'a member of a module object called with that object as this',
        code: `import memoize from 'lodash/memoize'; const helpers = { f: memoize((x: number) => x, function (this: unknown) { return this; }) }; class A { m() { return helpers.f(1); } }`,
      },
      {
        name: 'an object made at the call, to a memoizer keyed by a string of it',
        code: `import memoize from 'lodash/memoize'; const read = memoize((o: { dir: string }) => o.dir, (o: { dir: string }) => o.dir); export function load(dir: string) { return read({ dir }); }`,
      },
      {
        name: 'a variable that may hold something other than a memoizer',
        code: `import memoize from 'lodash/memoize'; let f = memoize((o: object) => 1); f = (o: object) => 2; class A { m() { return f(this); } }`,
      },
    ],
    invalid: [
      {
        name: 'objects: an options object made at the call, so every call adds an entry that no later call hits (bids-validator readRemotes)',
        code: `import memoize from 'lodash/memoize';
const readRemotes = memoize((options) => options.fs.read(options.dir));
export function annexed(fs, dir) { return readRemotes({ fs, dir }); }`,
        errors: [
          {
            messageId: 'objectInKey',
            line: 3,
            data: objectPinned({ name: 'readRemotes', where: 'annexed', argument: '{ fs, dir }', evidence: 'new on every call (never a hit)' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                output: `import memoize from 'lodash/memoize';
const readRemotes = Object.assign(memoize((options) => options.fs.read(options.dir)), { cache: new WeakMap() });
export function annexed(fs, dir) { return readRemotes({ fs, dir }); }`,
              },
            ],
          },
        ],
      },
      {
        name: 'objects: a DOM element passed to a module-level memoizer (written type of the argument; suggestion)',
        code: `import memoize from 'lodash/memoize';
const measure = memoize((el: Element) => el.getBoundingClientRect());
export function layout(target: HTMLElement) { return measure(target); }`,
        errors: [
          {
            messageId: 'objectInKey',
            line: 3,
            data: {
              name: 'measure',
              scope: 'module scope',
              memoizer: 'lodash `memoize`',
              keyDesc: FIRST,
              where: 'layout',
              argument: 'target',
              evidence: 'a `HTMLElement`',
              elsewhere: '',
            },
            suggestions: [
              {
                messageId: 'useWeakKeys',
                output: `import memoize from 'lodash/memoize';
const measure = Object.assign(memoize((el: Element) => el.getBoundingClientRect()), { cache: new WeakMap() });
export function layout(target: HTMLElement) { return measure(target); }`,
              },
            ],
          },
        ],
      },
      {
        name: 'objects: the memoized function’s parameter is written as a class of the file',
        code: `import memoize from 'lodash/memoize';
class Widget { constructor(public id: string) {} }
const describe = memoize((w: Widget) => w.id);
export function render(w: Widget, other: Widget) { return describe(w) + describe(other); }`,
        errors: [
          {
            messageId: 'objectInKey',
            line: 4,
            data: objectPinned({ name: 'describe', where: 'render', argument: 'w', evidence: 'a `Widget`', elsewhere: ' (and 1 more call)' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                output: `import memoize from 'lodash/memoize';
class Widget { constructor(public id: string) {} }
const describe = Object.assign(memoize((w: Widget) => w.id), { cache: new WeakMap() });
export function render(w: Widget, other: Widget) { return describe(w) + describe(other); }`,
              },
            ],
          },
        ],
      },
      {
        name: 'memoizee in TypeScript: memoizee/weak has no type declarations (no fix)',
        code: `import memoizee from 'memoizee'; const f = memoizee((o: object) => 1); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: 'memoizee' }),
          },
        ],
      },
      {
        name: 'TreeNode: module-level lodash memoize called with this (autofix)',
        code: treeNode,
        output: treeNode.replace(
          'memoize((node: TreeNode): Layout => ({ width: node.children.length }))',
          'Object.assign(memoize((node: TreeNode): Layout => ({ width: node.children.length })), { cache: new WeakMap() })',
        ),
        errors: [
          {
            messageId: 'instanceInKey',
            line: 9,
            column: 38,
            data: pinned({ name: 'layoutOf', member: 'TreeNode.layout', instances: 'TreeNode' }),
          },
        ],
      },
      {
        name: 'lodash through an alias of this and two calls',
        code: `import memoize from 'lodash/memoize'; const f = memoize((o: object) => 1); class A { m() { const self = this; return f(self); } n() { return f(this); } }`,
        output: `import memoize from 'lodash/memoize'; const f = Object.assign(memoize((o: object) => 1), { cache: new WeakMap() }); class A { m() { const self = this; return f(self); } n() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ instance: 'self', elsewhere: ' (and 1 more call)' }) }],
      },
      {
        name: 'lodash: an object literal carrying the instance',
        code: `import { memoize } from 'lodash'; const f = memoize((o: { owner: object }) => 1); class A { m() { return f({ owner: this }); } }`,
        output: `import { memoize } from 'lodash'; const f = Object.assign(memoize((o: { owner: object }) => 1), { cache: new WeakMap() }); class A { m() { return f({ owner: this }); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ position: 'inside the first argument (`{ owner: this }`)' }) }],
      },
      {
        name: 'lodash: an array carrying the instance, through _.memoize',
        code: `import _ from 'lodash'; const f = _.memoize((pair: [object, number]) => 1); class A { m() { return f([this, 2]); } }`,
        output: `import _ from 'lodash'; const f = Object.assign(_.memoize((pair: [object, number]) => 1), { cache: new WeakMap() }); class A { m() { return f([this, 2]); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ position: 'inside the first argument (`[this, 2]`)' }) }],
      },
      {
        name: 'lodash resolver function () { return this; } called with the instance as this',
        code: `import memoize from 'lodash/memoize'; const f = memoize((x: number) => x, function (this: unknown) { return this; }); class A { m() { return f.call(this, 1); } }`,
        output: `import memoize from 'lodash/memoize'; const f = Object.assign(memoize((x: number) => x, function (this: unknown) { return this; }), { cache: new WeakMap() }); class A { m() { return f.call(this, 1); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ keyDesc: KEY_FUNCTION, position: 'as `this`, returned by its key function' }),
          },
        ],
      },
      {
        name: 'lodash resolver returning this through apply, with a primitive this elsewhere (no fix)',
        code: `import memoize from 'lodash/memoize'; const f = memoize((x: number) => x, function (this: unknown) { return this; }); class A { m() { return f.apply(this, [1]); } } export const g = () => f(2);`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              keyDesc: KEY_FUNCTION,
              position: 'as `this`, returned by its key function',
            }),
          },
        ],
      },
      {
        name: 'lodash resolver passing the second argument through',
        code: `import memoize from 'lodash/memoize'; const f = memoize((k: string, o: object) => k, (k: string, o: object) => o); class A { m() { return f('x', this); } }`,
        output: `import memoize from 'lodash/memoize'; const f = Object.assign(memoize((k: string, o: object) => k, (k: string, o: object) => o), { cache: new WeakMap() }); class A { m() { return f('x', this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ keyDesc: KEY_FUNCTION, position: 'as the second argument' }) }],
      },
      {
        name: 'lodash resolver keeping every argument in an array (no fix: several values)',
        code: `import memoize from 'lodash/memoize'; const f = memoize((k: string, o: object) => k, (...args: unknown[]) => [args[0], args[1]]); class A { m() { return f('x', this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ keyDesc: KEY_FUNCTION, position: 'as the second argument' }),
          },
        ],
      },
      {
        name: 'memoize: module-level, first argument (autofix adds a WeakMap cache)',
        code: `import memoize from 'memoize'; const f = memoize((o: object) => 1); class A { m() { return f(this); } }`,
        output: `import memoize from 'memoize'; const f = memoize((o: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ memoizer: '`memoize`' }) }],
      },
      {
        name: 'mem (memoize before v10) with an options object',
        code: `import mem from 'mem'; const f = mem((o: object) => 1, { cacheKey: ([o]) => o }); class A { m() { return f(this); } }`,
        output: `import mem from 'mem'; const f = mem((o: object) => 1, { cacheKey: ([o]) => o, cache: new WeakMap() }); class A { m() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ memoizer: '`memoize`', keyDesc: KEY_FUNCTION }) }],
      },
      {
        name: 'memoize with cache: new Map() becomes a WeakMap',
        code: `import memoize from 'memoize'; const f = memoize((o: object) => 1, { cache: new Map() }); class A { m() { return f(this); } }`,
        output: `import memoize from 'memoize'; const f = memoize((o: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ memoizer: '`memoize`' }) }],
      },
      {
        name: 'memoize exported: a suggestion (other modules may pass primitives)',
        code: `import memoize from 'memoize'; export const f = memoize((o: object) => 1); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: '`memoize`' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                data: { name: 'f', how: '`{ cache: new WeakMap() }`', instances: 'A' },
                output: `import memoize from 'memoize'; export const f = memoize((o: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
              },
            ],
          },
        ],
      },
      {
        name: 'memoize called elsewhere with a key of unknown objectness: a suggestion',
        code: `import memoize from 'memoize'; const f = memoize((o: object) => 1); class A { m() { return f(this); } } export function g(x: object) { return f(x); }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: '`memoize`' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                data: { name: 'f', how: '`{ cache: new WeakMap() }`', instances: 'A' },
                output: `import memoize from 'memoize'; const f = memoize((o: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } } export function g(x: object) { return f(x); }`,
              },
            ],
          },
        ],
      },
      {
        name: 'memoize also called with a primitive key: no fix',
        code: `import memoize from 'memoize'; const f = memoize((o: unknown) => 1); class A { m() { return f(this); } } export const g = () => f('x');`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: '`memoize`' }),
          },
        ],
      },
      {
        name: 'memoize whose function is handed to memoizeClear: no fix',
        code: `import memoize, { memoizeClear } from 'memoize'; const f = memoize((o: object) => 1); class A { m() { return f(this); } } export const reset = () => memoizeClear(f);`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: '`memoize`' }),
          },
        ],
      },
      {
        name: 'p-memoize in a static field, called through the class (autofix)',
        code: `import pMemoize from 'p-memoize'; class A { static load = pMemoize(async (a: A) => 1); m() { return A.load(this); } }`,
        output: `import pMemoize from 'p-memoize'; class A { static load = pMemoize(async (a: A) => 1, { cache: new WeakMap() }); m() { return A.load(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ name: 'A.load', scope: 'static field of A', memoizer: 'p-memoize' }) }],
      },
      {
        name: 'memoizee: the instance within the function length, not first (no fix)',
        code: `import memoizee from 'memoizee'; const f = memoizee((k: string, o: object) => k); class A { m() { return f('x', this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'memoizee',
              keyDesc: 'its first 2 arguments',
              position: 'as the second argument',
            }),
          },
        ],
      },
      {
        name: 'memoizee length: false keeps every argument',
        code: `import memoizee from 'memoizee'; const f = memoizee((...args: unknown[]) => 1, { length: false }); class A { m() { return f(1, 2, this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'memoizee',
              keyDesc: EVERY,
              position: 'as the third argument',
            }),
          },
        ],
      },
      {
        name: 'moize: every argument, bounded by its default maxSize 1',
        code: `import moize from 'moize'; const f = moize((k: string, o: object) => k); class A { m() { return f('x', this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'moize',
              keyDesc: EVERY,
              position: 'as the second argument',
              retention: 'the last A stays in memory (`maxSize` defaults to 1)',
            }),
          },
        ],
      },
      {
        name: 'moize with maxSize 500',
        code: `import moize from 'moize'; const f = moize((o: object) => 1, { maxSize: 500 }); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'moize',
              keyDesc: EVERY,
              retention: 'up to 500 A instances stay in memory (`maxSize` is 500)',
            }),
          },
        ],
      },
      {
        name: 'moize.infinite is unbounded',
        code: `import moize from 'moize'; const f = moize.infinite((o: object) => 1); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: '`moize.infinite`', keyDesc: EVERY }),
          },
        ],
      },
      {
        name: 'micro-memoize: every argument, maxSize 1',
        code: `import memoize from 'micro-memoize'; const f = memoize((k: number, o: object) => k); class A { m() { return f(1, this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'micro-memoize',
              keyDesc: EVERY,
              position: 'as the second argument',
              retention: 'the last A stays in memory (`maxSize` defaults to 1)',
            }),
          },
        ],
      },
      {
        name: 'nano-memoize: every argument, unbounded',
        code: `import nanomemoize from 'nano-memoize'; const f = nanomemoize((k: number, o: object) => k); class A { m() { return f(1, this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: 'nano-memoize', keyDesc: EVERY, position: 'as the second argument' }),
          },
        ],
      },
      {
        name: 'memoizerific(10)(fn): bounded by its limit',
        code: `import memoizerific from 'memoizerific'; const f = memoizerific(10)((o: object) => 1); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'memoizerific',
              keyDesc: EVERY,
              retention: 'up to 10 A instances stay in memory (its limit is 10)',
            }),
          },
        ],
      },
      {
        name: 'memoize-one keeps the last arguments and this',
        code: `import memoizeOne from 'memoize-one'; const f = memoizeOne((o: object) => 1); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'memoize-one',
              keyDesc: "all its arguments and the call's `this`",
              retention: 'the last A stays in memory (its limit is 1)',
            }),
          },
        ],
      },
      {
        name: '@github/memoize with a hash returning this',
        code: `import memo from '@github/memoize'; const f = memo((x: number) => x, { hash(this: unknown) { return this; } }); class A { m() { return f.call(this, 1); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: '@github/memoize',
              keyDesc: KEY_FUNCTION,
              position: 'as `this`, returned by its key function',
            }),
          },
        ],
      },
      {
        name: 'a member of a module-level object',
        code: `import memoize from 'lodash/memoize'; const helpers = { layout: memoize((o: object) => 1) }; class A { m() { return helpers.layout(this); } }`,
        output: `import memoize from 'lodash/memoize'; const helpers = { layout: Object.assign(memoize((o: object) => 1), { cache: new WeakMap() }) }; class A { m() { return helpers.layout(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ name: 'helpers.layout', scope: 'module scope' }) }],
      },
      {
        name: 'a module variable assigned at module level after its declaration',
        code: `import memoize from 'memoize'; let f: (o: object) => number; f = memoize((o: object) => 1); class A { m() { return f(this); } }`,
        output: `import memoize from 'memoize'; let f: (o: object) => number; f = memoize((o: object) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ memoizer: '`memoize`' }) }],
      },
      {
        name: 'a module variable re-assigned with another memoizer (no fix)',
        code: `import memoize from 'lodash/memoize'; let f = memoize((o: object) => 1); f = memoize((o: object) => 2); class A { m() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned() }],
      },
      {
        name: 'instances of two classes',
        code: `import memoize from 'lodash/memoize'; const f = memoize((o: object) => 1); class A { m() { return f(this); } } class B { n() { return f(this); } }`,
        output: `import memoize from 'lodash/memoize'; const f = Object.assign(memoize((o: object) => 1), { cache: new WeakMap() }); class A { m() { return f(this); } } class B { n() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned({ elsewhere: ' (and 1 more call)', instances: 'A and B', retention: 'every A and B stays in memory' }) }],
      },
      {
        name: 'a memoizer declared in settings',
        code: `import { cached } from '@acme/cache'; const f = cached((o: object) => 1); class A { m() { return f(this); } }`,
        settings: { 'memo-leak': { memoizers: [{ source: '@acme/cache', export: 'cached', cache: 'per-call' }] } },
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: '`cached` (@acme/cache)' }),
          },
        ],
      },
    ],
  },
  javascript: {
    valid: [
      {
        name: 'js: the one instance of a singleton constructor in the key keeps nothing that would otherwise die',
        code: `import memoize from 'lodash/memoize'; const f = memoize((o) => 1); function A() {} A.prototype.m = function () { return f(this); }; new A();`,
      },
      {
        name: 'js: a WeakMap-backed memoize',
        code: `import memoize from 'memoize'; const f = memoize((o) => 1, { cache: new WeakMap() }); class A { m() { return f(this); } }`,
      },
    ],
    invalid: [
      {
        name: 'js objects: the memoized function calls a method no primitive has on its parameter',
        code: `import memoize from 'memoizee';
const toJson = (stats) => stats.toJson();
const cachedJson = memoize(toJson);
export function render({ stats }) { return cachedJson(stats); }`,
        errors: [
          {
            messageId: 'objectInKey',
            line: 4,
            data: objectPinned({ name: 'cachedJson', memoizer: 'memoizee', where: 'render', argument: 'stats', evidence: 'an object (`stats.toJson()`)' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                output: `import memoize from 'memoizee/weak.js';
const toJson = (stats) => stats.toJson();
const cachedJson = memoize(toJson);
export function render({ stats }) { return cachedJson(stats); }`,
              },
            ],
          },
        ],
      },
      {
        name: 'js: memoizee: the instance as the first argument (suggestion: memoizee/weak)',
        code: `import memoizee from 'memoizee'; const f = memoizee((o) => 1); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: 'memoizee' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                data: { name: 'f', how: '`memoizee/weak`', instances: 'A' },
                output: `import memoizee from 'memoizee/weak.js'; const f = memoizee((o) => 1); class A { m() { return f(this); } }`,
              },
            ],
          },
        ],
      },
      {
        name: 'js: memoizee used twice: the suggestion imports memoizee/weak beside it',
        code: `import memoizee from 'memoizee';\nconst f = memoizee((o, n) => n);\nconst g = memoizee((n) => n);\nclass A { m() { return f(this, g(1)); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: 'memoizee', keyDesc: 'its first 2 arguments' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                data: { name: 'f', how: '`memoizee/weak`', instances: 'A' },
                output: `import memoizee from 'memoizee';\nimport memoizeWeak from 'memoizee/weak.js';\nconst f = memoizeWeak((o, n) => n);\nconst g = memoizee((n) => n);\nclass A { m() { return f(this, g(1)); } }`,
              },
            ],
          },
        ],
      },
      {
        name: 'js: memoizee with max: memoizee/weak would change its meaning (no fix)',
        code: `import memoizee from 'memoizee'; const f = memoizee((o) => 1, { max: 100 }); class A { m() { return f(this); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({
              memoizer: 'memoizee',
              retention: 'up to 100 A instances stay in memory (`max` is 100)',
            }),
          },
        ],
      },
      {
        name: 'js: a constructor function prototype method passing this',
        code: `import memoize from 'lodash/memoize'; const f = memoize((o) => 1); export function A() {} A.prototype.m = function () { return f(this); }; new A();`,
        output: `import memoize from 'lodash/memoize'; const f = Object.assign(memoize((o) => 1), { cache: new WeakMap() }); export function A() {} A.prototype.m = function () { return f(this); }; new A();`,
        errors: [{ messageId: 'instanceInKey', data: pinned() }],
      },
    ],
  },
  commonjs: {
    valid: [
      {
        name: 'cjs: memoizee/weak through require',
        code: `const memoize = require('memoizee/weak'); const f = memoize((o) => 1); class A { m() { return f(this); } }`,
      },
    ],
    invalid: [
      {
        name: 'cjs: lodash memoize through require',
        code: `const memoize = require('lodash/memoize'); const f = memoize((o) => 1); class A { m() { return f(this); } }`,
        output: `const memoize = require('lodash/memoize'); const f = Object.assign(memoize((o) => 1), { cache: new WeakMap() }); class A { m() { return f(this); } }`,
        errors: [{ messageId: 'instanceInKey', data: pinned() }],
      },
      {
        name: 'cjs: destructured lodash memoize, exported through module.exports (no fix)',
        code: `const { memoize } = require('lodash'); const f = memoize((o) => 1); class A { m() { return f(this); } }\nmodule.exports = { f };`,
        errors: [{ messageId: 'instanceInKey', data: pinned() }],
      },
      {
        name: 'cjs: memoizee used twice, the suggestion requires memoizee/weak',
        code: `const memoizee = require('memoizee');\nconst f = memoizee((o) => 1);\nconst g = memoizee((n) => n);\nclass A { m() { return f(this) + g(1); } }`,
        errors: [
          {
            messageId: 'instanceInKey',
            data: pinned({ memoizer: 'memoizee' }),
            suggestions: [
              {
                messageId: 'useWeakKeys',
                data: { name: 'f', how: '`memoizee/weak`', instances: 'A' },
                output: `const memoizee = require('memoizee');\nconst memoizeWeak = require('memoizee/weak');\nconst f = memoizeWeak((o) => 1);\nconst g = memoizee((n) => n);\nclass A { m() { return f(this) + g(1); } }`,
              },
            ],
          },
        ],
      },
    ],
  },
};
