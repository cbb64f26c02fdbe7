import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayNameProjectModule, resolveModulePath } from '../../src/analysis/resolve/module-paths.js';
import { workspaceFixtures } from '../rule-tester.js';

const from = path.join(workspaceFixtures, 'packages/app/src/file.ts');
const inWorkspace = (relative: string): string => path.join(workspaceFixtures, relative);

describe('packages of the same workspace resolve to their sources', () => {
  it('maps `main: dist/index.js` to src/index.ts, and an `exports` subpath to its source', () => {
    expect(resolveModulePath(from, '@acme/decorators')).toBe(inWorkspace('packages/decorators/src/index.ts'));
    expect(resolveModulePath(from, '@acme/plain/memo')).toBe(inWorkspace('packages/plain/src/memo.ts'));
    expect(resolveModulePath(from, '@acme/decorators/src/memo.js')).toBe(inWorkspace('packages/decorators/src/memo.ts'));
  });

  it('leaves other bare names to the package manager', () => {
    expect(resolveModulePath(from, '@acme/missing')).toBeNull();
    expect(resolveModulePath(from, 'lodash')).toBeNull();
    expect(resolveModulePath(from, 'node:fs')).toBeNull();
    expect(mayNameProjectModule(from, '@acme/decorators')).toBe(true);
    expect(mayNameProjectModule(from, 'lodash/memoize')).toBe(false);
  });

  describe('pnpm and Lerna workspaces', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'memo-leak-workspace-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (relative: string, text: string): void => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    };

    it('reads pnpm-workspace.yaml globs (nested `**`, quotes, comments, negations)', () => {
      write('pnpm/pnpm-workspace.yaml', "packages:\n  - 'libs/**' # every library\n  - \"!libs/ignored\"\nother: 1\n");
      write('pnpm/libs/group/memo/package.json', JSON.stringify({ name: 'memo-lib', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.mjs' } } }));
      write('pnpm/libs/group/memo/src/index.ts', 'export const x = 1;\n');
      write('pnpm/apps/web/src/main.ts', '');
      expect(resolveModulePath(path.join(root, 'pnpm/apps/web/src/main.ts'), 'memo-lib')).toBe(path.join(root, 'pnpm/libs/group/memo/src/index.ts'));
    });

    it('reads lerna.json packages', () => {
      write('lerna/lerna.json', JSON.stringify({ packages: ['modules/*'] }));
      write('lerna/modules/cache/package.json', JSON.stringify({ name: 'cache-mod', main: 'lib/index.js' }));
      write('lerna/modules/cache/lib/index.js', 'module.exports = {};\n');
      expect(resolveModulePath(path.join(root, 'lerna/modules/cache/x.js'), 'cache-mod')).toBe(path.join(root, 'lerna/modules/cache/lib/index.js'));
    });
  });
});
