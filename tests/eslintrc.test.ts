/**
 * eslintrc users (ESLint 9 with `ESLINT_USE_FLAT_CONFIG=false`; ESLint 10 has no eslintrc): the
 * flat configs are rejected by eslintrc's validator, the `legacy-` ones work.
 */
import { describe, expect, it } from 'vitest';
import { loadESLint } from 'eslint-v9';
import plugin from '../src/index.js';

const code = `const sizes = new Map();
export class Widget {
  size() {
    if (!sizes.has(this)) sizes.set(this, 1);
    return sizes.get(this);
  }
}
`;

async function lintWithEslintrc(extendsName: string): Promise<string[]> {
  const LegacyESLint = (await loadESLint({ useFlatConfig: false })) as unknown as new (options: object) => {
    lintText(text: string, options: { filePath: string }): Promise<Array<{ messages: Array<{ ruleId: string | null }> }>>;
  };
  const eslint = new LegacyESLint({
    useEslintrc: false,
    plugins: { 'eslint-plugin-memo-leak': plugin },
    overrideConfig: { root: true, parserOptions: { ecmaVersion: 2022, sourceType: 'module' }, extends: [extendsName] },
  });
  const [result] = await eslint.lintText(code, { filePath: 'widget.js' });
  return result?.messages.map((message) => message.ruleId ?? '') ?? [];
}

describe('eslintrc (ESLint 9)', () => {
  it('plugin:memo-leak/legacy-recommended reports the instance-keyed Map', async () => {
    expect(await lintWithEslintrc('plugin:memo-leak/legacy-recommended')).toEqual(['memo-leak/no-instance-keyed-cache']);
  });

  it('plugin:memo-leak/recommended is a flat config, which eslintrc rejects', async () => {
    await expect(lintWithEslintrc('plugin:memo-leak/recommended')).rejects.toThrow(/Unexpected top-level property "name"/);
  });
});
