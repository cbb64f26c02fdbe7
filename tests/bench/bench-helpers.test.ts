// The pure parts of the speed and crash bench (bench/run.js): the pinned corpus, the crash-check
// configs built from the rules' schemas, and the CPU-profile reader of bench/profile.js.
import { describe, expect, it } from 'vitest';
import { isTypeScript, PACKAGES, packageGlobs, selectedPackageNames } from '../../bench/corpus.js';
import { inclusiveTime, selfTimes, type CpuProfile } from '../../bench/cpu-profile.js';
import { distinctConfigs, everyOptionOn } from '../../bench/options.js';
import { rules } from '../../src/rules/index.js';

describe('the pinned corpus', () => {
  it('pins at least 10,000 files, each package to an exact version with its file count', () => {
    const total = PACKAGES.reduce((sum, p) => sum + p.count, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    for (const p of PACKAGES) {
      expect(p.version, p.name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.count, p.name).toBeGreaterThan(0);
      expect(p.why, p.name).not.toBe('');
    }
    expect(new Set(PACKAGES.map((p) => p.name)).size).toBe(PACKAGES.length);
  });

  it('has TypeScript sources, and typed-mode packages among them', () => {
    const ts = PACKAGES.filter(isTypeScript);
    expect(ts.reduce((sum, p) => sum + p.count, 0)).toBeGreaterThan(1000);
    expect(PACKAGES.filter((p) => p.typed).every(isTypeScript)).toBe(true);
  });

  it('describes each selection as globs: extensions, left-out folders, single files', () => {
    expect(packageGlobs({ name: 'a', version: '1.0.0', folder: 'src', ext: ['.ts', '.tsx'], count: 1, why: 'x' })).toEqual([
      'src/**/*.{ts,tsx}',
      '!**/*.d.ts',
    ]);
    expect(packageGlobs({ name: 'a', version: '1.0.0', folder: '.', ext: ['.js'], skipDirs: ['Shaders'], count: 1, why: 'x' })).toEqual([
      '**/*.js',
      '!Shaders/**',
      '!**/*.d.ts',
    ]);
    expect(packageGlobs({ name: 'a', version: '1.0.0', folder: 'lib', ext: ['.js'], only: ['big.js'], count: 1, why: 'x' })).toEqual([
      'lib/big.js',
    ]);
  });

  it('limits a run to the packages named with --packages, and rejects unknown names', () => {
    expect(selectedPackageNames(['--packages', 'three, rxjs'])).toEqual(['three', 'rxjs']);
    expect(selectedPackageNames(['--only', 'mobx'])).toEqual(['mobx']);
    expect(() => selectedPackageNames(['--packages', 'three,no-such-package'])).toThrow(/no-such-package/);
  });
});

describe('crash-check configs', () => {
  it('turns on every boolean option of a schema, and nothing else', () => {
    const rule = {
      meta: {
        schema: [{ type: 'object', properties: { a: { type: 'boolean' }, n: { type: 'number' }, b: { type: 'boolean' } } }],
      },
    };
    expect(everyOptionOn(rule)).toEqual([{ a: true, b: true }]);
    expect(everyOptionOn({ meta: { schema: [] } })).toBeNull();
    expect(everyOptionOn({ meta: {} })).toBeNull();
  });

  it('leaves the options that need type information off unless typed', () => {
    const rule = {
      meta: {
        schema: [{ type: 'object', properties: { a: { type: 'boolean' }, t: { type: 'boolean' } } }],
        docs: { typeCheckedOptions: [{ t: true }] },
      },
    };
    expect(everyOptionOn(rule)).toEqual([{ a: true }]);
    expect(everyOptionOn(rule, { typed: true })).toEqual([{ a: true, t: true }]);
  });

  it("turns on every boolean option of the plugin's rules (typed: all of them)", () => {
    for (const [name, rule] of Object.entries(rules)) {
      const schema = rule.meta.schema as unknown as ReadonlyArray<{ properties?: Record<string, { type?: string }> }>;
      const booleans = schema.flatMap((s) => Object.entries(s.properties ?? {}).filter(([, p]) => p.type === 'boolean').map(([k]) => k));
      const on = everyOptionOn(rule, { typed: true });
      if (booleans.length === 0) expect(on, name).toBeNull();
      else expect(Object.keys(on?.[0] ?? {}).sort(), name).toEqual(booleans.sort());
    }
  });

  it('runs configs with identical rules and options once', () => {
    const all = { 'x/a': 'error', 'x/b': 'error' };
    const configs = distinctConfigs([
      ['all', all],
      ['recommended', { 'x/b': 'error', 'x/a': 'error' }],
      ['strict', { ...all, 'x/b': ['error', { s: true }] }],
    ]);
    expect(configs.map((c) => [c.name, c.sameAs])).toEqual([
      ['all', ['recommended']],
      ['strict', []],
    ]);
  });
});

describe('CPU profile reader', () => {
  // main → listener (plugin) → helper (plugin) → parse (dependency); main → gc.
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('main', 'file:///app/run.js'), children: [2, 5] },
      { id: 2, callFrame: frame('listener', 'file:///p/dist/rule.js'), children: [3] },
      { id: 3, callFrame: frame('helper', 'file:///p/dist/helper.js'), children: [4] },
      { id: 4, callFrame: frame('parse', 'file:///dep/parse.js') },
      { id: 5, callFrame: frame('gc', '') },
    ],
    samples: [4, 4, 3, 2, 5, 1],
    timeDeltas: [1000, 1000, 2000, 500, 3000, 250],
  };

  it('sums self and total time per function', () => {
    const byName = Object.fromEntries(selfTimes(profile).map((f) => [f.name, f]));
    expect(byName['parse']).toMatchObject({ selfMs: 2, totalMs: 2 });
    expect(byName['helper']).toMatchObject({ selfMs: 2, totalMs: 4 });
    expect(byName['listener']).toMatchObject({ selfMs: 0.5, totalMs: 4.5 });
    expect(byName['main']).toMatchObject({ selfMs: 0.25, totalMs: 7.75 });
    expect(selfTimes(profile)[0]?.name).toBe('gc');
  });

  it('counts the samples with a matching frame anywhere on the stack', () => {
    expect(inclusiveTime(profile, (url) => url.includes('/dist/'))).toBe(4.5);
    expect(inclusiveTime(profile, (url) => url === '')).toBe(3);
  });
});
