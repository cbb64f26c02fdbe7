import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { REPO_ROOT } from './support/rule-cases.js';

const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const atTag = `https://github.com/eslint-plugin-memo-leak/eslint-plugin-memo-leak/blob/v${version}/`;

/** Every rule page has these sections, in this order (more may sit between them). */
const SECTIONS = ['Examples', 'Options', 'When Not To Use It', 'Version', 'Implementation'];

/** The level-2 headings of a page, each with the level-3 headings under it and its text. */
function sections(markdown: string): Array<{ title: string; subsections: string[]; text: string }> {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return withoutCode
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const [title = '', ...rest] = chunk.split('\n');
      const text = rest.join('\n');
      return { title: title.trim(), subsections: [...text.matchAll(/^### (.+)$/gm)].map((match) => match[1]!.trim()), text };
    });
}

describe.each(Object.keys(plugin.rules))('docs/rules/%s.md', (name) => {
  const page = readFileSync(path.join(REPO_ROOT, 'docs/rules', `${name}.md`), 'utf8');
  const found = sections(page);
  const section = (title: string) => found.find((candidate) => candidate.title === title);

  it('has the sections Examples, Options, When Not To Use It, Version, Implementation, in order', () => {
    const order = found.map(({ title }) => title).filter((title) => SECTIONS.includes(title));
    expect(order).toEqual(SECTIONS);
  });

  it('shows incorrect, then correct code under Examples', () => {
    expect(section('Examples')?.subsections).toEqual(['❌ Incorrect', '✅ Correct']);
  });

  it("lists the rule's options, or says it has none", () => {
    const rule = plugin.rules[name as keyof typeof plugin.rules];
    const hasOptions = (rule.meta?.defaultOptions ?? []).length > 0;
    const options = section('Options')?.text ?? '';
    if (hasOptions) expect(options).toContain('<!-- begin auto-generated rule options list -->');
    else expect(options.trim()).toMatch(/^This rule has no options\./);
  });

  it('names the version it was added in', () => {
    expect(section('Version')?.text.trim()).toMatch(/^Added in \d+\.\d+\.\d+\.$/);
  });

  it("links the rule's source and tests at this version's tag, to files that exist", () => {
    const links = [...(section('Implementation')?.text ?? '').matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(links).toContain(`${atTag}src/rules/${name}.ts`);
    expect(links).toContain(`${atTag}tests/rules/${name}.cases.ts`);
    for (const link of links) {
      expect(link.startsWith(atTag), link).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, link.slice(atTag.length))), link).toBe(true);
    }
  });
});

describe('links to eslint.org', () => {
  it.each(['README.md', ...Object.keys(plugin.rules).map((name) => `docs/rules/${name}.md`)])('%s uses the current paths', (file) => {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    expect(text).not.toMatch(/eslint\.org\/docs\/(latest\/)?user-guide\//);
  });
});
