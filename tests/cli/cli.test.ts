/**
 * The CLI and CI gate, end to end: a project per supported setup — `eslint.config.js` (ESM) and
 * `eslint.config.cjs` (require), ESLint 10 and ESLint 9 — with TypeScript, JavaScript, CommonJS and
 * Vue single-file components, linted by the real `eslint` bin with the built plugin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, createProject, DEFAULT_PACKAGES, removeProject } from '../support/project.js';
import { appFiles, ESLINT_BINS, FINDINGS, FIXED, OPTIONS_API_FINDING, SOURCES, type ConfigStyle, type Finding } from './app-project.js';
import { runNode, type JsonResult, type Run } from './run.js';

assertBuilt();
const { default: plugin } = (await import('eslint-plugin-memo-leak' as string)) as {
  default: {
    rules: Record<string, { meta: { docs: { url: string; description: string }; schema: unknown } }>;
    configs: Record<string, unknown>;
  };
};

const RULE_IDS = Object.keys(plugin.rules);

/** The findings expected on the untouched project, with the Vue options-API one. */
const expectedFindings: Finding[] = [...FINDINGS, OPTIONS_API_FINDING];

/** The findings of a JSON report, relative to the project and sorted. */
function findings(root: string, stdout: string, withColumns = true): Finding[] {
  const results = JSON.parse(stdout) as JsonResult[];
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(root, result.filePath).split(path.sep).join('/'),
        ruleId: message.ruleId ?? `fatal: ${message.message}`,
        line: message.line,
        ...(withColumns ? { column: message.column, messageId: message.messageId } : {}),
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function comparable(list: readonly Finding[], withColumns: boolean): Finding[] {
  return list
    .map((finding) => (withColumns && finding.column !== undefined ? finding : { file: finding.file, ruleId: finding.ruleId, line: finding.line }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

const SETUPS: ReadonlyArray<{ style: ConfigStyle; eslint: 9 | 10 }> = [
  { style: 'esm', eslint: 10 },
  { style: 'cjs', eslint: 10 },
  { style: 'esm', eslint: 9 },
  { style: 'cjs', eslint: 9 },
];

function projectFor(style: ConfigStyle, eslint: 9 | 10): string {
  return createProject(`cli-${style}-${eslint}`, {
    files: appFiles(style),
    packages: { ...DEFAULT_PACKAGES, eslint: eslint === 10 ? 'eslint' : 'eslint-v9' },
  });
}

const projects: string[] = [];
afterAll(() => {
  for (const root of projects) removeProject(root);
});

describe.concurrent.each(SETUPS)('eslint.config.$style with ESLint $eslint', ({ style, eslint }) => {
  let root: string;
  const lint = (args: readonly string[], cwd = root): Promise<Run> => runNode(cwd, [ESLINT_BINS[eslint], ...args]);

  beforeAll(() => {
    root = projectFor(style, eslint);
    projects.push(root);
  });

  it('runs the ESLint major it claims', async () => {
    const run = await lint(['--version']);
    expect(run.stdout.trim()).toMatch(new RegExp(`^v${eslint}\\.`));
  });

  it('exits 1 with the findings in TS, JS, CommonJS and Vue files (-f json)', async () => {
    const run = await lint(['-f', 'json', '.']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    // Every source file is linted (none ignored for want of a config), and none fails to parse.
    expect(results.map((result) => path.relative(root, result.filePath).split(path.sep).join('/')).filter((file) => file.startsWith('src/')).sort()).toEqual(
      Object.keys(SOURCES).sort(),
    );
    expect(results.flatMap((result) => result.messages).filter((message) => message.fatal)).toEqual([]);
    expect(findings(root, run.stdout)).toEqual(comparable(expectedFindings, true));
  });

  it('exits 0 with no output on clean files (stylish, the default formatter)', async () => {
    const run = await lint(['src/clean.ts']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--fix applies the autofixes, never a suggestion', async () => {
    const scratch = projectFor(style, eslint);
    projects.push(scratch);
    const run = await lint(['--fix', '-f', 'json', '.'], scratch);
    expect(run.code).toBe(1); // the suggestion-only finding remains
    for (const [file, text] of Object.entries(FIXED)) expect(readFileSync(path.join(scratch, file), 'utf8'), file).toBe(text);
    const remaining = expectedFindings.filter((finding) => FIXED[finding.file] === SOURCES[finding.file]);
    expect(findings(scratch, run.stdout, false)).toEqual(comparable(remaining, false));
    // What remains after the fix passes has nothing left to fix: a second run would change nothing.
    expect((JSON.parse(run.stdout) as JsonResult[]).map((result) => result.fixableErrorCount)).toEqual(
      (JSON.parse(run.stdout) as JsonResult[]).map(() => 0),
    );
  });

  it('writes SARIF for code scanning (@microsoft/eslint-formatter-sarif)', async () => {
    const run = await lint(['-f', '@microsoft/eslint-formatter-sarif', '.']);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription?: { text: string } }> } };
        results: Array<{
          ruleId: string;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
        }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun!.tool.driver.name).toBe('ESLint');
    const reported = sarifRun!.results.map((result) => {
      const location = result.locations[0]!.physicalLocation;
      return {
        file: path.relative(root, new URL(location.artifactLocation.uri).pathname).split(path.sep).join('/'),
        ruleId: result.ruleId,
        line: location.region.startLine,
      };
    });
    expect(comparable(reported, false)).toEqual(comparable(expectedFindings, false));
    expect(sarifRun!.results.every((result) => result.level === 'error' && result.message.text.length > 0)).toBe(true);
    for (const rule of new Set(expectedFindings.map((finding) => finding.ruleId))) {
      const meta = plugin.rules[rule.slice('memo-leak/'.length)]!.meta;
      expect(sarifRun!.tool.driver.rules.find((entry) => entry.id === rule)).toMatchObject({
        helpUri: meta.docs.url,
        shortDescription: { text: meta.docs.description },
      });
    }
  });
});

describe('require() of the plugin from a CommonJS config', () => {
  it('returns the plugin object itself', async () => {
    const root = createProject('cli-require', { files: { 'package.json': '{"name":"app","private":true}' } });
    projects.push(root);
    const run = await runNode(root, [
      '-e',
      `const plugin = require('eslint-plugin-memo-leak');
       console.log(JSON.stringify({
         name: plugin.meta && plugin.meta.name,
         rules: Object.keys(plugin.rules),
         configs: Object.keys(plugin.configs),
         self: plugin.configs.recommended.plugins['memo-leak'] === plugin,
       }));`,
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      name: 'eslint-plugin-memo-leak',
      rules: RULE_IDS,
      configs: Object.keys(plugin.configs),
      self: true,
    });
  });
});

/** Every option of every rule's first schema object; each must be validated by ESLint. */
const optionSchemas = Object.entries(plugin.rules).flatMap(([rule, { meta }]) => {
  const schema = (Array.isArray(meta.schema) ? meta.schema[0] : undefined) as
    | { type?: string; properties?: Record<string, { type?: string }> }
    | undefined;
  return schema?.type === 'object' ? [{ rule, properties: schema.properties ?? {} }] : [];
});

describe.concurrent.each([10, 9] as const)('invalid rule options with ESLint %s', (eslint) => {
  let root: string;
  beforeAll(() => {
    root = projectFor('esm', eslint);
    projects.push(root);
  });

  for (const { rule, properties } of optionSchemas) {
    it(`${rule}: an unknown option is rejected, naming it`, async () => {
      const run = await runNode(root, [ESLINT_BINS[eslint], '--rule', JSON.stringify({ [`memo-leak/${rule}`]: ['error', { notAnOption: true }] }), 'src/clean.ts']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Key "rules": Key "memo-leak/${rule}":`);
      expect(run.stderr).toContain('should NOT have additional properties');
      expect(run.stderr).toContain('Unexpected property "notAnOption"');
    });

    for (const [option, { type }] of Object.entries(properties)) {
      if (type !== 'boolean') continue;
      it(`${rule}: a non-boolean ${option} is rejected`, async () => {
        const run = await runNode(root, [ESLINT_BINS[eslint], '--rule', JSON.stringify({ [`memo-leak/${rule}`]: ['error', { [option]: 'yes' }] }), 'src/clean.ts']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`Key "rules": Key "memo-leak/${rule}":`);
        expect(run.stderr).toContain('Value "yes" should be boolean.');
      });
    }
  }
});

