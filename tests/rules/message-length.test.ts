/**
 * Every message and suggestion title of every rule is at most 200 characters after interpolation,
 * on every invalid case of `tests/rules/*.cases.ts` (typed cases included). ESLint's `stylish`
 * output pads each line of a file to its longest message, so one long message makes a terminal
 * wrap the whole report. The full explanation lives in `docs/rules/*.md`; the how-to-fix lives in
 * the suggestion titles.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { InvalidTestCase, RunTests } from '@typescript-eslint/rule-tester';
import plugin from '../../src/index.js';
import { typedFixtures, type RuleCases } from '../rule-tester.js';
import { languageOptionsFor, REPO_ROOT, type ParserKind } from '../support/rule-cases.js';

const MAX_LENGTH = 200;
const KINDS: ReadonlyArray<ParserKind | 'typed'> = ['typescript', 'javascript', 'commonjs', 'typed'];

interface Collected {
  readonly where: string;
  readonly text: string;
}

function languageOptions(kind: ParserKind | 'typed', own: object | undefined): Linter.Config['languageOptions'] {
  const base =
    kind === 'typed'
      ? { ...languageOptionsFor('typescript'), parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtures, disallowAutomaticSingleRunInference: true } }
      : languageOptionsFor(kind);
  const given = (own ?? {}) as { parserOptions?: object };
  return {
    ...base,
    ...given,
    parserOptions: { ...(base.parserOptions ?? {}), ...(given.parserOptions ?? {}) },
  } as Linter.Config['languageOptions'];
}

function defaultFilename(kind: ParserKind | 'typed'): string {
  switch (kind) {
    case 'typed':
      return path.join(typedFixtures, 'file.ts');
    case 'typescript':
      return 'file.ts';
    case 'javascript':
      return 'file.js';
    case 'commonjs':
      return 'file.cjs';
  }
}

/** Lints one case as the rule tester does and returns every message and suggestion title. */
function collect(linter: Linter, rule: string, kind: ParserKind | 'typed', item: InvalidTestCase<string, readonly unknown[]>): Collected[] {
  const filename = item.filename ?? defaultFilename(kind);
  const config = {
    files: [`**/*${path.extname(filename)}`],
    languageOptions: languageOptions(kind, item.languageOptions),
    ...(item.settings ? { settings: item.settings } : {}),
    plugins: { 'memo-leak': plugin },
    rules: { [`memo-leak/${rule}`]: ['error', ...(item.options ?? [])] },
  } as unknown as Linter.Config;
  const messages = linter.verify(item.code, [config], filename);
  const where = `${rule} (${kind}): ${item.name ?? item.code.slice(0, 40)}`;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${where}: ${fatal.message}`);
  return messages.flatMap((message) => [
    { where, text: message.message },
    ...(message.suggestions ?? []).map((suggestion) => ({ where: `${where} [suggestion]`, text: suggestion.desc })),
  ]);
}

const linter = new Linter({ configType: 'flat' });
const collected: Collected[] = [];
const casesDir = path.join(REPO_ROOT, 'tests', 'rules');
for (const file of readdirSync(casesDir).filter((name) => name.endsWith('.cases.ts')).sort()) {
  const rule = file.slice(0, -'.cases.ts'.length);
  const { cases } = (await import(pathToFileURL(path.join(casesDir, file)).href)) as {
    cases: RuleCases<string, readonly unknown[]>;
  };
  for (const kind of KINDS) {
    const tests = cases[kind] as RunTests<string, readonly unknown[]> | undefined;
    for (const item of tests?.invalid ?? []) collected.push(...collect(linter, rule, kind, item));
  }
}

describe('message length', () => {
  it('collects messages from every rule', () => {
    const rules = new Set(collected.map((entry) => entry.where.split(' ')[0]));
    expect([...rules].sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  it(`every message and suggestion title is at most ${MAX_LENGTH} characters`, () => {
    const offenders = collected
      .filter((entry) => entry.text.length > MAX_LENGTH)
      .map((entry) => `${entry.text.length} ${entry.where}\n    ${entry.text}`);
    if (process.env['MEMO_LEAK_MESSAGE_STATS']) {
      for (const suggestions of [false, true]) {
        const lengths = collected
          .filter((entry) => entry.where.endsWith('[suggestion]') === suggestions)
          .map((entry) => entry.text.length)
          .sort((a, b) => a - b);
        const median = lengths[Math.floor(lengths.length / 2)];
        console.log(`${suggestions ? 'suggestions' : 'messages'}: ${lengths.length}, max ${lengths.at(-1)}, median ${median}`);
      }
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});
