import path from 'node:path';
import { moduleFixtures, workspaceFixtures, type RuleCases } from '../rule-tester.js';
import type { MessageIds, Options } from '../../src/rules/no-shared-method-memoizer.js';

// Generated from verified linter output, then reviewed by hand: every finding with its message id,
// the full message data where a case is about the message, and every suggestion with its output.

/** The rule's cases, by parser; run by the .test.ts file and reused by the fix and editor harnesses. */

/** Two hand-written legacy decorators with a cache shared by every instance (keyed by `this`, and not). */
const handWritten = `
function cached(target: object, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  const cache = new Map();
  descriptor.value = function (this: object) {
    if (!cache.has(this)) cache.set(this, original.call(this));
    return cache.get(this);
  };
}
function memo(target: object, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  const cache = new Map();
  descriptor.value = function (this: object, arg: number) {
    if (!cache.has(arg)) cache.set(arg, original.call(this, arg));
    return cache.get(arg);
  };
}
function perInstance(target: object, key: string, descriptor: PropertyDescriptor) {
  const original = descriptor.value;
  const caches = new WeakMap<object, unknown>();
  descriptor.value = function (this: object) {
    if (!caches.has(this)) caches.set(this, original.call(this));
    return caches.get(this);
  };
}
`;

/** Every placeholder of `customShared`. */
function customShared(overrides: Record<string, string>): Record<string, string> {
  return {
    memoizer: 'cached',
    member: 'Report.total',
    where: 'hand-written, line 2',
    cache: 'cache',
    instances: 'Report',
    consequence: 'its key holds the instance, so every Report that calls it stays in memory',
    ...overrides,
  };
}

export const cases: RuleCases<MessageIds, Options> = {
  typescript: {
    valid: [
      {
        name: 'a shared cache that holds no argument strongly, on a class whose instances hold no state (here or in a superclass)',
        code: `
import memo from 'memo-decorator';
class Formatter { describe(n: number) { return String(n); } }
class BarFormatter extends Formatter {
  @memo({ cache: new WeakMap() })
  format(frame: object) { return this.describe(Object.keys(frame).length); }
}`,
      },
      {
        name: 'a hand-written per-instance decorator (WeakMap keyed by this) is silent',
        code: `${handWritten}
class Report { @perInstance total() { return 1; } }`,
      },
      {
        name: 'a memoizer re-exported by a project module is unknown without type information',
        code: `import { memo } from './util.js';
export function Counter(this: { n: number }) { this.n = 1; }
Counter.prototype.plus = memo(function (this: { n: number }, x: number) { return this.n + x; });`,
      },
      {
        name: 'a decorator imported from an unknown module is silent without type information',
        code: `import { cached } from './decorators.js'; class Report { @cached total() { return 1; } }`,
      },
      {
        name: "per instance: constructor assignment",
        code: `
import memoize from 'lodash/memoize';
class Foo {
  scale: (x: number) => number;
  constructor(readonly base: number) {
    this.scale = memoize(this.scaleOnce.bind(this));
  }
  scaleOnce(x: number) { return x * this.base; }
}`,
      },
      {
        name: "per instance: instance field initializer",
        code: `
import memoize from 'lodash/memoize';
class Foo {
  base = 2;
  scale = memoize((x: number) => x * this.base);
  label = memoize(function (this: Foo, x: number) { return String(x * this.base); });
}`,
      },
      {
        name: "per instance: instance field wrapped in another call",
        code: `
import memoize from 'lodash/memoize';
declare function debounce<T>(fn: T): T;
class Foo { base = 2; scale = debounce(memoize((x: number) => x * this.base)); }`,
      },
      {
        name: "per instance: context.addInitializer",
        code: `
import memoize from 'memoize';
function memo<T extends (...args: any[]) => unknown>(value: T, context: ClassMethodDecoratorContext) {
  context.addInitializer(function (this: any) {
    this[context.name] = memoize(value.bind(this));
  });
}
class Foo { base = 2; @memo scale(x: number) { return x * this.base; } }`,
      },
      {
        name: "per instance: typescript-memoize without tags",
        code: `
import { Memoize, MemoizeExpiring } from 'typescript-memoize';
class Foo {
  base = 2;
  @Memoize() scale(x: number) { return x * this.base; }
  @Memoize({ hashFunction: (x: number) => String(x) }) label(x: number) { return String(x * this.base); }
  @MemoizeExpiring(1000) get doubled() { return this.base * 2; }
}`,
      },
      {
        name: "per instance: lodash-decorators @Memoize",
        code: `
import { Memoize, memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @Memoize() scale(x: number) { return x * this.base; }
  @memoize({ type: WeakMap }) label(o: object) { return String(this.base) + String(o); }
  @Memoize get doubled() { return this.base * 2; }
}`,
      },
      {
        name: "per instance: memoizeDecorator and pMemoizeDecorator without a shared cache",
        code: `
import { memoizeDecorator } from 'memoize';
import { pMemoizeDecorator } from 'p-memoize';
class Foo {
  base = 2;
  @memoizeDecorator({ maxAge: 1000 }) scale(x: number) { return x * this.base; }
  @pMemoizeDecorator() async load(x: number) { return x * this.base; }
}`,
      },
      {
        name: "per instance: memoizee/methods",
        code: `
import memoizeMethods from 'memoizee/methods';
declare const d: (fn: unknown, options?: object) => PropertyDescriptor;
class Foo { base = 2; declare scale: (x: number) => number; }
Object.defineProperties(Foo.prototype, memoizeMethods({ scale: d(function (this: Foo, x: number) { return x * this.base; }) }));`,
      },
      {
        name: "per instance: core-decorators @decorate(memoize)",
        code: `
import { decorate } from 'core-decorators';
import memoize from 'lodash/memoize';
class Foo { base = 2; @decorate(memoize) scale(x: number) { return x * this.base; } }`,
      },
      {
        name: "a prototype function that never uses this is a plain function cache",
        code: `
import memoize from 'lodash/memoize';
import moize from 'moize';
class Foo {}
(Foo.prototype as any).square = memoize(function (x: number) { return x * x; });
(Foo.prototype as any).cube = moize((x: number) => x * x * x);`,
      },
      {
        name: "a shared decorator on a method that never uses this",
        code: `
import { MemoizeAll } from 'lodash-decorators';
import { memoize } from 'decko';
class Foo {
  @MemoizeAll() square(x: number) { return x * x; }
  @memoize cube(x: number) { return x * x * x; }
}`,
      },
      {
        name: "static methods with shared decorators: this is the class",
        code: `
import { MemoizeAll } from 'lodash-decorators';
class Foo { static base = 2; @MemoizeAll() static scale(x: number) { return x * this.base; } }`,
      },
      {
        name: "unknown local memoizers are not reported without type information",
        code: `
import memoize from './memoize';
import { cached } from '../utils/cache';
class Foo { base = 2; @cached() scale(x: number) { return x * this.base; } }
(Foo.prototype as any).label = memoize(function (this: Foo, x: number) { return String(x * this.base); });`,
      },
      {
        name: "a shadowed import is not the library",
        code: `
import memoize from 'lodash/memoize';
class Foo { base = 2; }
function install(memoize: <T>(fn: T) => T) {
  (Foo.prototype as any).scale = memoize(function (this: Foo, x: number) { return x * this.base; });
}
void memoize; void install;`,
      },
      {
        name: "memoize-one on a prototype is only reported with checkSingleSlot",
        code: `
import memoizeOne from 'memoize-one';
class Foo { base = 2; }
(Foo.prototype as any).scale = memoizeOne(function (this: Foo, x: number) { return x * this.base; });`,
      },
      {
        name: "a key function that derives a per-instance key from this",
        code: `
import memoize from 'lodash/memoize';
import _ from 'underscore';
class Foo { id = 'a'; base = 2; }
(Foo.prototype as any).scale = memoize(function (this: Foo, x: number) { return x * this.base; }, function (this: Foo, x: number) { return this.id + ':' + x; });
(Foo.prototype as any).label = _.memoize(function (this: Foo, x: number) { return String(x * this.base); }, function (this: Foo, x: number) { return \`\${this.id}:\${x}\`; });`,
      },
      {
        name: 'a key function whose own result is derived from the instance (a nested arrow returning this does not count)',
        code: `
import { memoize } from 'lodash';
class Foo {
  constructor(readonly id: string) {}
}
(Foo.prototype as any).label = memoize(function (this: Foo) { return this.id.toUpperCase(); }, function (this: Foo) { const self = () => { return this; }; return self().id; });`,
      },
      {
        name: "a method-name key resolver runs on the instance",
        code: `
import { Memoize } from 'lodash-decorators';
import { memoize } from 'utils-decorators';
class Foo {
  id = 'a';
  base = 2;
  keyOf(x: number) { return this.id + x; }
  @memoize({ keyResolver: 'keyOf' }) scale(x: number) { return x * this.base; }
  @Memoize('keyOf') label(x: number) { return String(x * this.base); }
}`,
      },
      {
        name: "object utilities are not class definitions",
        code: `
import _ from 'lodash';
import memoize from 'lodash/memoize';
const target = _.extend({}, { scale: memoize(function (this: any, x: number) { return x * this.base; }) });
function defineComponent<T>(options: T): T { return options; }
const local = defineComponent({ methods: { scale: memoize(function (this: any, x: number) { return x * this.base; }) } });
void target; void local;`,
      },
      {
        name: "a static memoizer called with values, not instances",
        code: `
import memoize from 'lodash/memoize';
class Foo {
  static parse = memoize((text: string) => text.split(','));
  constructor(readonly text: string) {}
  parts() { return Foo.parse(this.text); }
}`,
      },
      {
        name: "a static memoizer whose key is a string cannot pin the instance",
        code: `
import _ from 'underscore';
class Foo {
  static describe = _.memoize((foo: Foo) => foo.name);
  name = 'a';
  label() { return Foo.describe(this); }
}`,
      },
      {
        name: "ignoreSingletons: a class instantiated once at module level",
        code: `
import memoize from 'lodash/memoize';
class Registry { base = 2; }
(Registry.prototype as any).scale = memoize(function (this: Registry, x: number) { return x * this.base; });
export const registry = new Registry();`,
        options: [{"ignoreSingletons":true}],
      },
      {
        // Reported once, where it can be fixed: no-shared-memoizer-cache reports both definitions.
        name: 'uses of hand-written shared decorators defined in the same file are left to their definitions',
        code: `${handWritten}
class Report { rows: number[] = []; @cached total() { return this.rows.length; } @memo byYear(y: number) { return this.rows.length + y; } }`,
      },
      {
        name: 'untyped: a per-instance decorator imported from another module',
        filename: path.join(moduleFixtures, 'src/app/file.ts'),
        code: `import { memoPerInstance } from '../lib/memo.js';
class Report { rows: number[] = []; @memoPerInstance total(x: number) { return this.rows.length + x; } }`,
      },
      {
        name: 'untyped: a per-instance decorator from another package of the same workspace',
        filename: path.join(workspaceFixtures, 'packages/app/src/file.ts'),
        code: `import { memoPerInstance } from '@acme/decorators';
import { memo } from '@acme/missing';
class Report { rows: number[] = []; @memoPerInstance total(x: number) { return this.rows.length + x; } @memo count(x: number) { return x; } }`,
      },
      {
        name: 'untyped: a decorator from a module that is missing or does not parse is unknown',
        filename: path.join(moduleFixtures, 'src/app/file.ts'),
        code: `import { memo } from '../lib/broken.js';
import { memo as gone } from '../lib/missing.js';
class Report { rows: number[] = []; @memo total(x: number) { return x; } @gone count(x: number) { return x; } }`,
      },
    ],
    invalid: [
      {
        name: 'memo-decorator 2.x options: a weak cache still serves one instance another one\'s result when instances hold state',
        code: `
import memo from 'memo-decorator';
class Formatter {
  scale = 2;
  @memo({ cache: new WeakMap() })
  format(frame: object) { return Object.keys(frame).length * this.scale; }
}
class Stateless {
  @memo({ resolver: (x: number) => x })
  double(x: number) { return this.twice(x); }
  twice(x: number) { return 2 * x; }
}`,
        errors: [
          { messageId: 'crossInstance', line: 5, column: 3, suggestions: [] },
          { messageId: 'crossInstance', line: 9, column: 3, suggestions: [] },
        ],
      },
      {
        name: 'lodash `once` on a prototype method: one result for every instance',
        code: `
import once from 'lodash/once';
class Loader { load(): unknown { return this; } }
Loader.prototype.load = once(function (this: Loader) { return this; });`,
        errors: [{ messageId: 'crossInstance', line: 4 }],
      },
      {
        name: 'untyped: a shared decorator from another package of the same workspace, read from its sources',
        filename: path.join(workspaceFixtures, 'packages/app/src/file.ts'),
        code: `import { memo } from '@acme/decorators';
import reExported from '@acme/plain/memo';
class Report {
  rows: number[] = [];
  @memo total(x: number) { return this.rows.length + x; }
  @reExported count(x: number) { return this.rows.length * x; }
}`,
        errors: ['Report.total', 'Report.count'].map((member, index) => ({
          messageId: 'customShared' as const,
          line: 5 + index,
          data: customShared({
            memoizer: 'memo',
            member,
            where: 'hand-written, `../../decorators/src/memo.ts` line 2',
            consequence:
              "its key ignores `this`: one Report gets another's result, kept in memory",
          }),
        })),
      },
      {
        name: 'untyped: a shared decorator imported from another module (ESM .js suffix, a tsconfig paths alias, package imports, a barrel)',
        filename: path.join(moduleFixtures, 'src/app/file.ts'),
        code: `import { memo } from '../lib/memo.js';
import memoDefault from '@decorators/memo';
import { memo as viaImports } from '#memo';
import { cachedByArgs } from '../lib';
class Report {
  rows: number[] = [];
  @memo total(x: number) { return this.rows.length + x; }
  @memoDefault count(x: number) { return this.rows.length * x; }
  @viaImports first(x: number) { return this.rows[x]; }
  @cachedByArgs last(x: number) { return this.rows.at(-x); }
}`,
        errors: ['Report.total', 'Report.count', 'Report.first', 'Report.last'].map((member, index) => ({
          messageId: 'customShared' as const,
          line: 7 + index,
          data: customShared({
            memoizer: 'memo', // the name it is defined by, whatever the import calls it
            member,
            where: 'hand-written, `../lib/memo.ts` line 4',
            consequence:
              "its key ignores `this`: one Report gets another's result, kept in memory",
          }),
        })),
      },
      {
        name: "lodash/memoize on an ES class prototype: the key ignores this",
        code: `
import memoize from 'lodash/memoize';
class Foo {
  constructor(readonly base: number) {}
}
(Foo.prototype as any).scale = memoize(function (this: Foo, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 32,
            data: {"memoizer":"lodash `memoize`","member":"Foo.scale","holder":"on `Foo.prototype`","instances":"Foo","key":"","keyArgs":"the first argument","option":"","replacement":"create the memoized function per instance (a class field or constructor assignment), or key a WeakMap by the instance"},
            suggestions: [
              {
                messageId: 'moveToInstanceField',
                output: `
import memoize from 'lodash/memoize';
class Foo {
  scale = memoize(function (this: Foo, x: number) { return x * this.base; });
  constructor(readonly base: number) {}
}`,
              },
            ],
          },
        ],
      },
      {
        name: "lodash resolver that returns this: instances are pinned",
        code: `
import { memoize } from 'lodash';
class Foo {
  constructor(readonly size: number) {}
}
(Foo.prototype as any).render = memoize(function (this: Foo) { return new Uint8Array(this.size); }, function (this: Foo) { return this; });`,
        errors: [
          {
            messageId: 'pinned',
            line: 6,
            column: 33,
            data: {"memoizer":"lodash `memoize`","member":"Foo.render","holder":"on `Foo.prototype`","instances":"Foo","key":"`this` (its key function returns it)","keyArgs":"its key function's result","option":"","replacement":"create the memoized function per instance (a class field or constructor assignment), or key a WeakMap by the instance"},
            suggestions: [
              {
                messageId: 'moveToInstanceField',
                output: `
import { memoize } from 'lodash';
class Foo {
  render = memoize(function (this: Foo) { return new Uint8Array(this.size); }, function (this: Foo) { return this; });
  constructor(readonly size: number) {}
}`,
              },
            ],
          },
        ],
      },
      {
        name: "fast-memoize drops this",
        code: `
import memoize from 'fast-memoize';
function Foo(this: any, base: number) { this.base = base; }
Foo.prototype.scale = memoize(function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'thisLost',
            line: 4,
            column: 23,
            data: {"memoizer":"fast-memoize","member":"Foo.scale","holder":"on `Foo.prototype`","instances":"Foo","key":"","keyArgs":"the serialized arguments","option":"","replacement":"create a per-instance wrapper of `fn.bind(this)` (fast-memoize cannot memoize methods)"},
            suggestions: [],
          },
        ],
      },
      {
        name: "@formatjs/fast-memoize named import drops this",
        code: `
import { memoize } from '@formatjs/fast-memoize';
function Foo(this: any) { this.base = 2; }
Foo.prototype.scale = memoize(function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'thisLost',
            line: 4,
            column: 23,
            suggestions: [],
          },
        ],
      },
      {
        name: "namespace import with computed member, on a constructor function",
        code: `
import * as _ from 'lodash-es';
function Foo(this: any) { this.base = 2; }
Foo.prototype.scale = _['memoize'](function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 4,
            column: 23,
            suggestions: [],
          },
        ],
      },
      {
        name: "aliased named import and lodash.memoize and lodash/fp",
        code: `
import { memoize as memo } from 'lodash';
import memoizeStandalone from 'lodash.memoize';
import fp from 'lodash/fp';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = memo(function (this: any, x: number) { return x * this.base; });
Foo.prototype.b = memoizeStandalone(function (this: any, x: number) { return x * this.base; });
Foo.prototype.c = fp.memoize(function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 8,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "underscore and ramda coerce keys to strings: wrong results, not pins",
        code: `
import _ from 'underscore';
import { memoizeWith } from 'ramda';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = _.memoize(function (this: any, x: number) { return x * this.base; });
Foo.prototype.b = memoizeWith(String, function (this: any, x: number) { return x * this.base; });
Foo.prototype.c = _.memoize(function (this: any, x: number) { return x * this.base; }, function (this: any) { return this; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 6,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "memoizee keys the first fn.length arguments",
        code: `
import memoizee from 'memoizee';
import plain from 'memoizee/plain';
function Foo(this: any) { this.base = 2; }
Foo.prototype.area = memoizee(function (this: any, w: number, h: number) { return w * h * this.base; });
Foo.prototype.label = plain(function (this: any, x: number) { return String(x * this.base); }, { primitive: true });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 22,
            data: {"memoizer":"memoizee","member":"Foo.area","holder":"on `Foo.prototype`","instances":"Foo","key":"","keyArgs":"the first 2 arguments","option":"","replacement":"use `memoizee/methods` (one memoized function per instance), `memoizee/weak` when the instance is the first argument, or a per-instance wrapper"},
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 6,
            column: 23,
            suggestions: [],
          },
        ],
      },
      {
        name: "moize, micro-memoize and nano-memoize forward this but key only arguments",
        code: `
import moize from 'moize';
import microMemoize from 'micro-memoize';
import { nanomemoize } from 'nano-memoize';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = moize(function (this: any, x: number) { return x * this.base; });
Foo.prototype.b = moize.infinite(function (this: any, x: number) { return x * this.base; });
Foo.prototype.c = microMemoize(function (this: any, x: number) { return x * this.base; });
Foo.prototype.d = nanomemoize(function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 8,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 9,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "memoize, mem and p-memoize functions on a prototype",
        code: `
import memoize from 'memoize';
import mem from 'mem';
import pMemoize from 'p-memoize';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = memoize(function (this: any, x: number) { return x * this.base; });
Foo.prototype.b = mem(function (this: any, x: number) { return x * this.base; }, { maxAge: 1000 });
Foo.prototype.c = pMemoize(async function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 8,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "memoizerific and lru-memoizer call the function without this",
        code: `
import memoizerific from 'memoizerific';
import memoizer from 'lru-memoizer';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = memoizerific(100)(function (this: any, x: number) { return x * this.base; });
Foo.prototype.b = memoizer({ max: 10, hash: (x: number) => String(x), load: function (this: any, x: number, cb: (e: unknown, v?: number) => void) { cb(null, x * this.base); } });`,
        errors: [
          {
            messageId: 'thisLost',
            line: 5,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'thisLost',
            line: 6,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "@github/memoize with a hash that returns this",
        code: `
import memoize from '@github/memoize';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = memoize(function (this: any, x: number) { return x * this.base; }, { hash(this: any) { return this; } });`,
        errors: [
          {
            messageId: 'pinned',
            line: 4,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "utils-decorators memoizify on a prototype",
        code: `
import { memoizify } from 'utils-decorators';
function Foo(this: any) { this.base = 2; }
Foo.prototype.a = memoizify(function (this: any, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 4,
            column: 19,
            suggestions: [],
          },
        ],
      },
      {
        name: "memoize-one on a prototype with checkSingleSlot",
        code: `
import memoizeOne from 'memoize-one';
function Foo(this: any) { this.base = 2; }
Foo.prototype.scale = memoizeOne(function (this: any, x: number) { return x * this.base; });`,
        options: [{"checkSingleSlot":true}],
        errors: [
          {
            messageId: 'singleSlot',
            line: 4,
            column: 23,
            data: {"memoizer":"memoize-one","member":"Foo.scale","holder":"on `Foo.prototype`","instances":"Foo","key":"","keyArgs":"all arguments","option":"","replacement":"create it in a class field `m = memoizeOne(…)`, one slot per instance"},
            suggestions: [],
          },
        ],
      },
      {
        name: "Object.defineProperty, Object.assign, prototype literal and Object.create",
        code: `
import memoize from 'lodash/memoize';
function Foo(this: any) { this.base = 2; }
function Bar(this: any) { this.base = 3; }
function Baz(this: any) { this.base = 4; }
Object.defineProperty(Foo.prototype, 'a', { value: memoize(function (this: any, x: number) { return x * this.base; }) });
Object.assign(Bar.prototype, { b: memoize(function (this: any, x: number) { return x * this.base; }) });
Baz.prototype = { c: memoize(function (this: any, x: number) { return x * this.base; }) };
const proto = { d: memoize(function (this: any, x: number) { return x * this.base; }) };
export const made = Object.create(proto);`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 52,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 35,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 8,
            column: 22,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 9,
            column: 20,
            suggestions: [],
          },
        ],
      },
      {
        name: "memoizing the class method itself: Foo.prototype.m = memoize(Foo.prototype.m)",
        code: `
import memoize from 'lodash/memoize';
class Foo {
  base = 2;
  scale(x: number) { return x * this.base; }
}
Foo.prototype.scale = memoize(Foo.prototype.scale);`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 7,
            column: 23,
            suggestions: [],
          },
        ],
      },
      {
        name: "no field suggestion when the class extends another",
        code: `
import memoize from 'lodash/memoize';
class Base { base = 2; }
class Foo extends Base {}
(Foo.prototype as any).scale = memoize(function (this: Foo, x: number) { return x * this.base; });`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 32,
            suggestions: [],
          },
        ],
      },
      {
        name: "no field suggestion when a subclass overrides the method or the file reads the prototype member",
        code: `
import memoize from 'lodash/memoize';
class Foo { base = 2; }
class Bar { base = 3; }
(Foo.prototype as any).scale = memoize(function (this: Foo, x: number) { return x * this.base; });
(Bar.prototype as any).scale = memoize(function (this: Bar, x: number) { return x * this.base; });
export class Sub extends Foo { scale(x: number) { return x; } }
export function reset() { (Bar.prototype as any).scale.cache.clear(); }`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 32,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 6,
            column: 32,
            suggestions: [],
          },
        ],
      },
      {
        name: "a static memoizer called with the instance pins it",
        code: `
import memoize from 'lodash/memoize';
class Foo {
  static describe = memoize((foo: Foo) => foo.name.toUpperCase());
  name = 'a';
  label() { return Foo.describe(this); }
}`,
        errors: [
          {
            messageId: 'pinned',
            line: 4,
            column: 21,
            data: {"memoizer":"lodash `memoize`","member":"Foo.describe","instances":"Foo","holder":"a static member of Foo","key":"`this` (argument 1 at line 6)","keyArgs":"the first argument","option":"","replacement":"create the memoized function per instance (a class field or constructor assignment), or key a WeakMap by the instance"},
            suggestions: [],
          },
        ],
      },
      {
        name: "ignoreSingletons still reports classes instantiated more than once",
        code: `
import memoize from 'lodash/memoize';
class Foo { base = 2; }
(Foo.prototype as any).scale = memoize(function (this: Foo, x: number) { return x * this.base; });
export const a = new Foo();
export const b = new Foo();`,
        options: [{"ignoreSingletons":true}],
        errors: [
          {
            messageId: 'crossInstance',
            line: 4,
            column: 32,
            suggestions: [
              {
                messageId: 'moveToInstanceField',
                output: `
import memoize from 'lodash/memoize';
class Foo {
  scale = memoize(function (this: Foo, x: number) { return x * this.base; }); base = 2; }
export const a = new Foo();
export const b = new Foo();`,
              },
            ],
          },
        ],
      },
      {
        name: "lodash-decorators @MemoizeAll() → @Memoize()",
        code: `
import { MemoizeAll } from 'lodash-decorators';
class Foo {
  base = 2;
  @MemoizeAll()
  scale(x: number) { return x * this.base; }
}`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 3,
            data: {"memoizer":"lodash-decorators `@MemoizeAll`","member":"Foo.scale","instances":"Foo","holder":"created with the class","key":"","keyArgs":"the first argument","option":"","replacement":"use lodash-decorators `@Memoize()`, which memoizes per instance"},
            suggestions: [
              {
                messageId: 'usePerInstanceDecorator',
                output: `
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @Memoize()
  scale(x: number) { return x * this.base; }
}`,
              },
            ],
          },
        ],
      },
      {
        name: "lodash-decorators @MemoizeAll used twice: Memoize is imported next to it",
        code: `
import { MemoizeAll } from 'lodash-decorators';
class Foo {
  base = 2;
  @MemoizeAll scale(x: number) { return x * this.base; }
  @MemoizeAll() get doubled() { return this.base * 2; }
}`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 3,
            suggestions: [
              {
                messageId: 'usePerInstanceDecorator',
                output: `
import { MemoizeAll, Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @Memoize scale(x: number) { return x * this.base; }
  @MemoizeAll() get doubled() { return this.base * 2; }
}`,
              },
            ],
          },
          {
            messageId: 'crossInstance',
            line: 6,
            column: 3,
            suggestions: [
              {
                messageId: 'usePerInstanceDecorator',
                output: `
import { MemoizeAll, Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @MemoizeAll scale(x: number) { return x * this.base; }
  @Memoize() get doubled() { return this.base * 2; }
}`,
              },
            ],
          },
        ],
      },
      {
        name: "lodash-decorators namespace and deep default import",
        code: `
import * as LD from 'lodash-decorators';
import memoizeAll from 'lodash-decorators/memoizeAll';
class Foo {
  base = 2;
  @LD.MemoizeAll() scale(x: number) { return x * this.base; }
  @memoizeAll() label(x: number) { return String(x * this.base); }
}`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 3,
            suggestions: [
              {
                messageId: 'usePerInstanceDecorator',
                output: `
import * as LD from 'lodash-decorators';
import memoizeAll from 'lodash-decorators/memoizeAll';
class Foo {
  base = 2;
  @LD.Memoize() scale(x: number) { return x * this.base; }
  @memoizeAll() label(x: number) { return String(x * this.base); }
}`,
              },
            ],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 3,
            suggestions: [
              {
                messageId: 'usePerInstanceDecorator',
                output: `
import * as LD from 'lodash-decorators';
import memoizeAll from 'lodash-decorators/memoizeAll';
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @LD.MemoizeAll() scale(x: number) { return x * this.base; }
  @Memoize() label(x: number) { return String(x * this.base); }
}`,
              },
            ],
          },
        ],
      },
      {
        name: "lodash-decorators @MemoizeAll with a resolver returning this pins instances",
        code: `
import { MemoizeAll } from 'lodash-decorators';
class Foo {
  base = 2;
  @MemoizeAll(function (this: Foo) { return this; }) scale(x: number) { return x * this.base; }
}`,
        errors: [
          {
            messageId: 'pinned',
            line: 5,
            column: 3,
            suggestions: [
              {
                messageId: 'usePerInstanceDecorator',
                output: `
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @Memoize(function (this: Foo) { return this; }) scale(x: number) { return x * this.base; }
}`,
              },
            ],
          },
        ],
      },
      {
        name: "decko and core-decorators memoize once per class",
        code: `
import { memoize } from 'decko';
import { memoize as coreMemoize } from 'core-decorators';
class Foo {
  base = 2;
  @memoize scale(x: number) { return x * this.base; }
  @coreMemoize label(x: number) { return String(x * this.base); }
}`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 3,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 7,
            column: 3,
            suggestions: [],
          },
        ],
      },
      {
        name: "utils-decorators, memo-decorator and @github/memoize decorators",
        code: `
import { memoize, memoizeAsync } from 'utils-decorators';
import memo from 'memo-decorator';
import githubMemoize from '@github/memoize/decorator';
class Foo {
  base = 2;
  @memoize() scale(x: number) { return x * this.base; }
  @memoizeAsync({ expirationTimeMs: 1000 }) async load(x: number) { return x * this.base; }
  @memo() label(x: number) { return String(x * this.base); }
  @memo(function (this: Foo) { return this; }) self() { return this; }
  @githubMemoize() text(x: number) { return String(x * this.base); }
}`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 7,
            column: 3,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 8,
            column: 3,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 9,
            column: 3,
            suggestions: [],
          },
          {
            messageId: 'pinned',
            line: 10,
            column: 3,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 11,
            column: 3,
            suggestions: [],
          },
        ],
      },
      {
        name: "typescript-memoize with tags keeps every instance in a registry",
        code: `
import { Memoize } from 'typescript-memoize';
class Foo {
  base = 2;
  @Memoize({ tags: ['scale'] }) scale(x: number) { return x * this.base; }
}`,
        errors: [
          {
            messageId: 'registry',
            line: 5,
            column: 3,
            data: {"memoizer":"typescript-memoize","member":"Foo.scale","instances":"Foo","holder":"created with the class","key":"","keyArgs":"the first argument","option":"tags","replacement":"drop `tags` from `@Memoize()` (clear caches per instance instead of by tag)"},
            suggestions: [],
          },
        ],
      },
      {
        name: "per-instance decorators given a shared cache object",
        code: `
import { pMemoizeDecorator } from 'p-memoize';
import { memoizeDecorator } from 'memoize';
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @pMemoizeDecorator({ cache: new Map() }) async load(x: number) { return x * this.base; }
  @memoizeDecorator({ cache: new Map(), maxAge: 1000 }) scale(x: number) { return x * this.base; }
  @Memoize({ resolver: (x: number) => x, cache: new Map() }) label(x: number) { return String(x * this.base); }
}`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 7,
            column: 3,
            suggestions: [
              {
                messageId: 'removeSharedCache',
                output: `
import { pMemoizeDecorator } from 'p-memoize';
import { memoizeDecorator } from 'memoize';
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @pMemoizeDecorator() async load(x: number) { return x * this.base; }
  @memoizeDecorator({ cache: new Map(), maxAge: 1000 }) scale(x: number) { return x * this.base; }
  @Memoize({ resolver: (x: number) => x, cache: new Map() }) label(x: number) { return String(x * this.base); }
}`,
              },
            ],
          },
          {
            messageId: 'crossInstance',
            line: 8,
            column: 3,
            suggestions: [
              {
                messageId: 'removeSharedCache',
                output: `
import { pMemoizeDecorator } from 'p-memoize';
import { memoizeDecorator } from 'memoize';
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @pMemoizeDecorator({ cache: new Map() }) async load(x: number) { return x * this.base; }
  @memoizeDecorator({ maxAge: 1000 }) scale(x: number) { return x * this.base; }
  @Memoize({ resolver: (x: number) => x, cache: new Map() }) label(x: number) { return String(x * this.base); }
}`,
              },
            ],
          },
          {
            messageId: 'crossInstance',
            line: 9,
            column: 3,
            suggestions: [
              {
                messageId: 'removeSharedCache',
                output: `
import { pMemoizeDecorator } from 'p-memoize';
import { memoizeDecorator } from 'memoize';
import { Memoize } from 'lodash-decorators';
class Foo {
  base = 2;
  @pMemoizeDecorator({ cache: new Map() }) async load(x: number) { return x * this.base; }
  @memoizeDecorator({ cache: new Map(), maxAge: 1000 }) scale(x: number) { return x * this.base; }
  @Memoize({ resolver: (x: number) => x }) label(x: number) { return String(x * this.base); }
}`,
              },
            ],
          },
        ],
      },
      {
        name: "Vue defineComponent methods and the options API default export",
        code: `
import { defineComponent } from 'vue';
import memoize from 'lodash/memoize';
export const Price = defineComponent({
  data: () => ({ rate: 2 }),
  methods: { total: memoize(function (this: any, x: number) { return x * this.rate; }) },
});
export default {
  methods: { label: memoize(function (this: any, x: number) { return String(x * this.rate); }) },
};`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 6,
            column: 21,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 9,
            column: 21,
            suggestions: [],
          },
        ],
      },
      {
        name: "Backbone-style extend",
        code: `
import Backbone from 'backbone';
import memoize from 'lodash/memoize';
export const View = Backbone.View.extend({
  render: memoize(function (this: any, x: number) { return this.el + x; }),
});`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 5,
            column: 11,
            suggestions: [],
          },
        ],
      },
    ],
  },
  javascript: {
    valid: [
      {
        name: 'compiled decorators: a per-instance hand-written one, lodash-decorators Memoize, a field (void 0) and a static member',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
var __decorate = function (decorators, target, key, desc) { return desc; };
const compiled_memo_1 = require("../lib/compiled-memo.js");
const lodash_decorators_1 = require("lodash-decorators");
const decko_1 = require("decko");
class Report {
  total(x) { return x * this.rate; }
  label(x) { return String(x * this.rate); }
  static sum(x) { return x + 1; }
}
__decorate([compiled_memo_1.memoPerInstance], Report.prototype, "total", null);
__decorate([(0, lodash_decorators_1.Memoize)()], Report.prototype, "label", null);
__decorate([decko_1.memoize], Report.prototype, "rate", void 0);
__decorate([decko_1.memoize], Report, "sum", null);`,
      },
      {
        name: 'Babel legacy decorators: a per-instance member of an imported object',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import helpers from '../lib/object-memo.js';
var _class;
export let Report = (_class = class Report {
  total(x) { return x * this.rate; }
}, _applyDecoratedDescriptor(_class.prototype, "total", [helpers.rememberOwn], Object.getOwnPropertyDescriptor(_class.prototype, "total"), _class.prototype), _class);`,
      },

      {
        name: 'mixin: memoized members that never read this, copied onto a prototype',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `import pure from '../lib/commands/pure.js';
class Driver {}
Object.assign(Driver.prototype, pure);`,
      },
      {
        name: "per instance in a constructor (JavaScript)",
        code: `
import memoize from 'lodash/memoize';
export class Foo {
  constructor(base) { this.base = base; this.scale = memoize((x) => x * this.base); }
}`,
      },
      {
        name: "settings: an in-house memoizer that is per instance",
        code: `
import { perInstance } from '@acme/memo';
function Foo() { this.base = 2; }
Foo.prototype.scale = perInstance(function (x) { return x * this.base; });`,
        settings: {"memo-leak":{"memoizers":[{"source":"@acme/memo","export":"perInstance","cache":"per-instance"}]}},
      },
      {
        name: "settings: a relative source names one file, not every module called lib/memo",
        filename: 'src/feature/widget.js',
        code: `
import { memo } from './lib/memo.js';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":"./src/lib/memo.js","export":"memo","like":"lodash.memoize"}]}},
      },
    ],
    invalid: [
      {
        name: "compiled decorators: TypeScript's __decorate with a hand-written decorator of another module and library decorators",
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
var __decorate = function (decorators, target, key, desc) { return desc; };
const tslib_1 = require("tslib");
const compiled_memo_1 = require("../lib/compiled-memo.js");
const lodash_decorators_1 = require("lodash-decorators");
const decko_1 = require("decko");
class Report {
  total(x) { return x * this.rate; }
  label(x) { return String(x * this.rate); }
}
__decorate([compiled_memo_1.memo], Report.prototype, "total", null);
tslib_1.__decorate([(0, lodash_decorators_1.MemoizeAll)()], Report.prototype, "label", null);
var Point = /** @class */ (function () {
  function Point() {}
  Point.prototype.scaled = function (k) { return this.x * k; };
  (0, tslib_1.__decorate)([decko_1.memoize], Point.prototype, "scaled", null);
  return Point;
}());`,
        errors: [
          {
            messageId: 'customShared',
            line: 11,
            column: 13,
            data: customShared({
              memoizer: 'memo',
              where: 'hand-written, `../lib/compiled-memo.js` line 6',
              consequence: "its key ignores `this`: one Report gets another's result, kept in memory",
            }),
          },
          { messageId: 'crossInstance', line: 12, suggestions: [] },
          { messageId: 'crossInstance', line: 16, suggestions: [] },
        ],
      },
      {
        name: 'Babel legacy decorators: a member of an imported object literal',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `
import helpers from '../lib/object-memo.js';
var _class;
export let Report = (_class = class Report {
  total(x) { return x * this.rate; }
}, _applyDecoratedDescriptor(_class.prototype, "total", [helpers.remember], Object.getOwnPropertyDescriptor(_class.prototype, "total"), _class.prototype), _class);`,
        errors: [
          {
            messageId: 'customShared',
            line: 6,
            data: customShared({
              memoizer: 'remember',
              cache: 'results',
              where: 'hand-written, `../lib/object-memo.js` line 4',
              consequence: "its key ignores `this`: one Report gets another's result, kept in memory",
            }),
          },
        ],
      },
      {
        name: 'mixin: a memoized member that reads this, copied onto a prototype from another module (loop and Object.assign)',
        filename: path.join(moduleFixtures, 'src/app/file.js'),
        code: `import _ from 'lodash';
import commands from '../lib/commands/index.js';
export class Driver {}
for (const [name, fn] of _.toPairs(commands)) {
  Driver.prototype[name] = fn;
}
export class Other {}
Object.assign(Other.prototype, commands);`,
        errors: [
          {
            messageId: 'mixinShared',
            line: 4,
            data: {
              member: 'getWindowSize',
              more: '',
              where: '../lib/commands/general.js',
              className: 'Driver',
              library: 'lodash `memoize`',
              key: 'the first argument',
              consequence: "instances get each other's results",
            },
          },
          { messageId: 'mixinShared', line: 8 },
        ],
      },
      {
        name: "ES class prototype assignment → instance field (JavaScript)",
        code: `
import memoize from 'memoizee';

export class Thumbnail {
  constructor(path) {
    this.path = path;
  }
}

Thumbnail.prototype.render = memoize(function (size) {
  return \`\${this.path}@\${size}\`;
});
`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 10,
            column: 30,
            suggestions: [
              {
                messageId: 'moveToInstanceField',
                output: `
import memoize from 'memoizee';

export class Thumbnail {
  render = memoize(function (size) {
    return \`\${this.path}@\${size}\`;
  });
  constructor(path) {
    this.path = path;
  }
}

`,
              },
            ],
          },
        ],
      },
      {
        name: "ES class with an empty body → instance field (JavaScript)",
        code: `
import memoize from 'lodash/memoize';
class Foo {}
Foo.prototype.self = memoize(function () { return this; }, function () { return this; });
export default Foo;`,
        errors: [
          {
            messageId: 'pinned',
            line: 4,
            column: 22,
            suggestions: [
              {
                messageId: 'moveToInstanceField',
                output: `
import memoize from 'lodash/memoize';
class Foo {
  self = memoize(function () { return this; }, function () { return this; });
}
export default Foo;`,
              },
            ],
          },
        ],
      },
      {
        name: "settings: an in-house memoizer like lodash",
        code: `
import { memo } from '@acme/memo';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":"@acme/memo","export":"memo","like":"lodash.memoize"}]}},
        errors: [
          {
            messageId: 'pinned',
            line: 4,
            column: 23,
            suggestions: [],
          },
        ],
      },
      {
        name: 'settings: a relative source written as a NodeNext import (.js) matches from a deeper directory',
        filename: 'src/feature/deep/widget.js',
        code: `
import { memo } from '../../lib/memo.js';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":'./src/lib/memo.js',"export":"memo","like":"lodash.memoize"}]}},
        errors: [{ messageId: 'pinned', line: 4, column: 23, suggestions: [] }],
      },
      {
        name: 'settings: a relative source without extension matches a .js import next to it',
        filename: 'src/lib/widget.js',
        code: `
import { memo } from './memo.js';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":'./src/lib/memo',"export":"memo","like":"lodash.memoize"}]}},
        errors: [{ messageId: 'pinned', line: 4, column: 23, suggestions: [] }],
      },
      {
        name: 'settings: a relative source naming an index module matches the directory import',
        filename: 'src/widget.js',
        code: `
import { memo } from './lib/memo';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":'./src/lib/memo/index.js',"export":"memo","like":"lodash.memoize"}]}},
        errors: [{ messageId: 'pinned', line: 4, column: 23, suggestions: [] }],
      },
      {
        name: 'settings: a package source written with /index.js matches the bare specifier',
        filename: 'file.js',
        code: `
import { memo } from '@acme/utils';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":'@acme/utils/index.js',"export":"memo","like":"lodash.memoize"}]}},
        errors: [{ messageId: 'pinned', line: 4, column: 23, suggestions: [] }],
      },
      {
        name: 'settings: a package source matches an import written with /index.js',
        filename: 'file.js',
        code: `
import { memo } from '@acme/utils/index.js';
function Foo() { this.base = 2; }
Foo.prototype.scale = memo(function (x) { return x * this.base; }, function () { return this; });`,
        settings: {"memo-leak":{"memoizers":[{"source":'@acme/utils',"export":"memo","like":"lodash.memoize"}]}},
        errors: [{ messageId: 'pinned', line: 4, column: 23, suggestions: [] }],
      },
    ],
  },
  commonjs: {
    valid: [
      {
        name: "per instance in a constructor function (CommonJS)",
        code: `
const memoize = require('lodash/memoize');
function Foo() { this.base = 2; this.scale = memoize((x) => x * this.base); }
module.exports = Foo;`,
      },
    ],
    invalid: [
      {
        name: "require with and without destructuring (CommonJS)",
        code: `
const memoize = require('lodash/memoize');
const { memoize: memo } = require('lodash');
const _ = require('lodash');
const memoizee = require('memoizee');
const fastMemoize = require('fast-memoize');
function Foo() { this.base = 2; }
Foo.prototype.a = memoize(function (x) { return x * this.base; });
Foo.prototype.b = memo(function (x) { return x * this.base; });
Foo.prototype.c = _.memoize(function (x) { return x * this.base; });
Foo.prototype.d = require('lodash').memoize(function (x) { return x * this.base; });
Foo.prototype.e = fastMemoize(function (x) { return x * this.base; });
module.exports = { Foo, memoizee };`,
        errors: [
          {
            messageId: 'crossInstance',
            line: 8,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 9,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 10,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'crossInstance',
            line: 11,
            column: 19,
            suggestions: [],
          },
          {
            messageId: 'thisLost',
            line: 12,
            column: 19,
            suggestions: [],
          },
        ],
      },
    ],
  },
  typed: {
    valid: [
      {
        name: 'typed: a project module that re-exports a memoizer is still unknown without a shared slot',
        code: `import { memoize } from './util.js'; export const total = memoize((x: number) => x * 2);`,
      },
      {
        name: 'typed: a per-instance decorator imported from a project file is silent',
        code: `import { cachedPerInstance } from './decorators.js'; class Report { @cachedPerInstance total(x: number) { return x; } }`,
      },
    ],
    invalid: [
      {
        name: 'typed: lodash memoize re-exported by a project module, on a prototype',
        code: `import { memo } from './util.js';
export function Counter(this: { n: number }) { this.n = 1; }
Counter.prototype.plus = memo(function (this: { n: number }, x: number) { return this.n + x; });`,
        errors: [{ messageId: 'crossInstance' }],
      },
      {
        name: 'typed: a shared decorator imported through a tsconfig `paths` alias (resolved from disk, as untyped)',
        code: `import { cached } from '@typed/decorators.js'; class Report { @cached total() { return 1; } }`,
        errors: [{ messageId: 'customShared', data: customShared({ where: 'hand-written, `./decorators.ts` line 4' }) }],
      },
      {
        name: 'typed: decorators imported through a barrel (export *, renamed re-exports): only the declaring file is read',
        code: `import { memo, sharedCache, perInstance } from './barrel.js'; class Report { @memo a() { return 1; } @sharedCache b() { return 2; } @perInstance c(x: number) { return x; } }`,
        errors: [
          { messageId: 'customShared', data: customShared({ memoizer: 'cached', member: 'Report.a', where: 'hand-written, `./decorators.ts` line 4' }) },
          { messageId: 'customShared', data: customShared({ memoizer: 'cached', member: 'Report.b', where: 'hand-written, `./decorators.ts` line 4' }) },
        ],
      },
      {
        name: 'typed: a shared decorator imported from a project file (also through a re-export alias)',
        code: `import { cached, memo } from './decorators.js'; class Report { @cached total() { return 1; } @memo count() { return 2; } }`,
        errors: [
          { messageId: 'customShared', data: customShared({ where: 'hand-written, `./decorators.ts` line 4' }) },
          {
            messageId: 'customShared',
            data: customShared({ memoizer: 'cached', member: 'Report.count', where: 'hand-written, `./decorators.ts` line 4' }),
          },
        ],
      },
    ],
  },
};
