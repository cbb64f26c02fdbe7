import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin, { type MemoLeakConfigName } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** What the published entry point looks like from a fresh Node process, by `import` or `require`. */
function describeEntry(how: 'import' | 'require'): { name: string; version: string; rules: string[]; configs: string[]; same: boolean } {
  const script =
    how === 'import'
      ? `import p from 'eslint-plugin-memo-leak'; const c = p.configs.recommended;`
      : `const p = require('eslint-plugin-memo-leak'); const c = p.configs.recommended;`;
  const print = `console.log(JSON.stringify({ name: p.meta.name, version: p.meta.version, rules: Object.keys(p.rules), configs: Object.keys(p.configs), same: c.plugins['memo-leak'] === p }));`;
  const output = execFileSync(
    process.execPath,
    ['--no-warnings', `--input-type=${how === 'import' ? 'module' : 'commonjs'}`, '-e', script + print],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(output) as ReturnType<typeof describeEntry>;
}

describe('the package entry point (built dist/)', () => {
  it.each(['import', 'require'] as const)('%s returns the plugin object itself', (how) => {
    const entry = describeEntry(how);
    expect(entry.name).toBe(pkg.name);
    expect(entry.version).toBe(pkg.version);
    expect(entry.rules).toEqual(Object.keys(plugin.rules));
    expect(entry.configs).toEqual(expect.arrayContaining(['recommended', 'strict', 'all', 'flat/recommended']));
    expect(entry.same).toBe(true);
  });
});

const configNames = ['recommended', 'strict', 'all', 'recommended-type-checked', 'strict-type-checked', 'all-type-checked'] as const;

/** A config's rules, each with its (single, object) option; `{}` for a rule on with its defaults. */
function ruleOptions(name: MemoLeakConfigName): Record<string, object> {
  const entries = Object.entries(plugin.configs[name].rules ?? {});
  return Object.fromEntries(entries.map(([rule, entry]) => [rule, (Array.isArray(entry) ? entry[1] : undefined) ?? {}]));
}

describe('configs', () => {
  it('are named, carry the plugin, and turn rules on as errors', () => {
    for (const name of [...configNames, ...configNames.map((config) => `flat/${config}` as const)]) {
      const config = plugin.configs[name];
      expect(config.name, name).toMatch(/^memo-leak\//);
      expect(config.plugins?.['memo-leak']).toBe(plugin);
      for (const [rule, entry] of Object.entries(config.rules ?? {})) {
        expect(rule.startsWith('memo-leak/')).toBe(true);
        expect(Array.isArray(entry) ? entry[0] : entry).toBe('error');
      }
    }
  });

  it('are exactly the typed names: each config, its flat/ alias and its legacy- form', () => {
    const expected = configNames.flatMap((name) => [name, `flat/${name}`, `legacy-${name}`]);
    expect(Object.keys(plugin.configs).sort()).toEqual(expected.sort());
  });

  it('all has every rule', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(
      Object.keys(plugin.rules).map((rule) => `memo-leak/${rule}`).sort(),
    );
    expect(plugin.configs.recommended.rules?.['memo-leak/no-instance-keyed-cache']).toBe('error');
  });

  // Each step turns on every rule of the one before, with every option it sets, at the same value.
  it.each([
    ['recommended', 'strict'],
    ['strict', 'all'],
    ['recommended-type-checked', 'strict-type-checked'],
    ['strict-type-checked', 'all-type-checked'],
    ['recommended', 'recommended-type-checked'],
    ['strict', 'strict-type-checked'],
    ['all', 'all-type-checked'],
  ] as const)('%s ⊆ %s, options included', (smaller, larger) => {
    const larger_ = ruleOptions(larger);
    for (const [rule, options] of Object.entries(ruleOptions(smaller))) {
      expect(larger_, `${rule} in ${larger}`).toHaveProperty([rule]);
      expect(larger_[rule], `${rule} options in ${larger}`).toMatchObject(options);
    }
  });

  it('strict and all pass the stricter options, the type-checked configs the typed ones', () => {
    expect(ruleOptions('recommended')['memo-leak/no-shared-method-memoizer']).toEqual({});
    for (const name of ['strict', 'all', 'strict-type-checked', 'all-type-checked'] as const) {
      expect(ruleOptions(name)['memo-leak/no-shared-method-memoizer'], name).toEqual({ checkSingleSlot: true });
    }
    for (const name of ['recommended-type-checked', 'strict-type-checked', 'all-type-checked'] as const) {
      expect(ruleOptions(name)['memo-leak/no-instance-keyed-cache'], name).toEqual({ checkObjectKeys: true });
    }
  });

  it('the type-checked configs are the untyped ones plus the checks that need types', () => {
    const rulesOf = (name: MemoLeakConfigName) => plugin.configs[name].rules ?? {};
    expect(Object.keys(rulesOf('recommended-type-checked'))).toEqual(Object.keys(rulesOf('recommended')));
    expect(Object.keys(rulesOf('strict-type-checked'))).toEqual(Object.keys(rulesOf('strict')));
    expect(rulesOf('recommended-type-checked')['memo-leak/no-instance-keyed-cache']).toEqual([
      'error',
      { checkObjectKeys: true },
    ]);
  });

  it('legacy- configs are the same rules in eslintrc shape', () => {
    for (const name of configNames) {
      expect(plugin.configs[`legacy-${name}`]).toEqual({ plugins: ['memo-leak'], rules: plugin.configs[name].rules });
    }
  });

  it('flat/ aliases are the same objects', () => {
    expect(plugin.configs['flat/recommended']).toBe(plugin.configs['recommended']);
    expect(plugin.configs['flat/strict']).toBe(plugin.configs['strict']);
    expect(plugin.configs['flat/all']).toBe(plugin.configs['all']);
  });

  it("every rule's docs URL is its page at this version's tag, and the page exists", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta?.docs?.url).toBe(
        `https://github.com/eslint-plugin-memo-leak/eslint-plugin-memo-leak/blob/v${pkg.version}/docs/rules/${name}.md`,
      );
      expect(readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8')).toContain(`# ${name}`);
    }
  });
});
