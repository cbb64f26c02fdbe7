/**
 * The packed plugin installed from the registry into fresh projects, as a user installs it: the
 * tarball `npm pack` makes, next to ESLint (and TypeScript 7) fetched by `npm install`. Needs the
 * npm registry (npm's own cache is shared by the projects; `--prefer-offline` reuses it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonResult } from '../cli/run.js';
import { REPO_ROOT } from '../support/rule-cases.js';
import { assertBuilt, writeProjectFiles } from '../support/project.js';

const INSTALL_TIMEOUT = 120_000;

/** `npm` with the options of a quiet, cache-first install given through the environment, so that the command line stays bare. */
function npm(cwd: string, args: readonly string[]): { code: number; output: string } {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

let workspace: string;
let tarball: string;

beforeAll(() => {
  assertBuilt();
  workspace = mkdtempSync(path.join(tmpdir(), 'memo-leak-install-'));
  // dist/ is built already (`npm test` builds first); packing must not rebuild it under the other suites.
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workspace], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  tarball = path.join(workspace, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function project(name: string, files: Readonly<Record<string, string>>): string {
  const root = path.join(workspace, name);
  writeProjectFiles(root, files);
  return root;
}

function packageJson(devDependencies: Record<string, string>): string {
  return `${JSON.stringify({ name: 'app', private: true, type: 'module', devDependencies }, null, 2)}\n`;
}

describe('a JavaScript-only project with ESLint 10', () => {
  let root: string;
  beforeAll(() => {
    root = project('javascript', {
      'package.json': packageJson({ eslint: '^10.0.0', 'eslint-plugin-memo-leak': `file:${tarball}` }),
      'eslint.config.js': `import memoLeak from 'eslint-plugin-memo-leak';\nexport default [memoLeak.configs.recommended];\n`,
      'src/widget.js': `const sizes = new Map();
export class Widget {
  size() {
    if (!sizes.has(this)) sizes.set(this, this.measure());
    return sizes.get(this);
  }
  measure() {
    return 1;
  }
}
`,
    });
    const install = npm(root, ['install']);
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.output}`);
  }, INSTALL_TIMEOUT);

  it('installs no TypeScript and, of typescript-eslint, only the AST types', () => {
    expect(existsSync(path.join(root, 'node_modules', 'typescript'))).toBe(false);
    expect(readdirSync(path.join(root, 'node_modules', '@typescript-eslint'))).toEqual(['types']);
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/eslint-plugin-memo-leak/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(installed.dependencies).toEqual({ '@typescript-eslint/types': expect.stringMatching(/^\^8\./) });
  });

  it('lints with configs.recommended and reports the instance-keyed Map', () => {
    const lint = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '-f', 'json', 'src'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    const [result] = JSON.parse(lint.stdout) as JsonResult[];
    expect(result?.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([
      { ruleId: 'memo-leak/no-instance-keyed-cache', line: 1, column: 7 },
    ]);
  });
});

describe('a project on TypeScript 7', () => {
  it(
    'installs with a bare `npm install` (typescript is an open optional peer)',
    () => {
      const root = project('typescript-7', {
        'package.json': packageJson({ typescript: '^7.0.0', eslint: '^10.0.0', 'eslint-plugin-memo-leak': `file:${tarball}` }),
      });
      const install = npm(root, ['install']);
      expect(install.output).not.toMatch(/ERESOLVE/);
      expect(install.code, install.output).toBe(0);
      const typescript = JSON.parse(readFileSync(path.join(root, 'node_modules/typescript/package.json'), 'utf8')) as { version: string };
      expect(typescript.version).toMatch(/^7\./);
      expect(npm(root, ['ls', '--all']).code).toBe(0);
    },
    INSTALL_TIMEOUT,
  );
});
