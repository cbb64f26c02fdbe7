import { Linter } from 'eslint';
import vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/** Lints a Vue single-file component with every rule of the plugin; returns `line rule` of each finding. */
function lint(code: string, filename = '/project/src/Card.vue'): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/project' });
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`memo-leak/${name}`, 'error' as const]));
  const messages = linter.verify(
    code,
    [{ files: ['**/*.vue'], languageOptions: { parser: vueParser, sourceType: 'module' }, plugins: { 'memo-leak': plugin as never }, rules }],
    filename,
  );
  expect(messages.filter((message) => !message.ruleId)).toEqual([]);
  return messages.map((message) => `${message.line} ${message.ruleId}`);
}

const body = `
import { onMounted } from 'vue';
const handlers = [];
onMounted(() => {
  handlers.push(() => console.log('mounted'));
});
`;

describe('Vue single-file components: the top level of <script setup> runs per component instance', () => {
  it('a container declared in <script setup> lives as long as its component: silent', () => {
    expect(lint(`<template><div /></template>\n<script setup>${body}</script>\n`)).toEqual([]);
  });

  it('the same container in a plain <script> lives as long as the module: reported', () => {
    expect(lint(`<template><div /></template>\n<script>${body}export default {};\n</script>\n`)).toEqual(['4 memo-leak/no-instance-keyed-cache']);
  });

  it('a plain <script> beside <script setup> is still module level', () => {
    const code = `<template><div /></template>
<script>
const widths = new Map();
class Measurer { measure() { widths.set(this, 1); } }
export function measureAll() { new Measurer().measure(); new Measurer().measure(); }
</script>
<script setup>
const local = new Map();
class Probe { run() { local.set(this, 1); } }
new Probe().run(); new Probe().run();
measureAll();
</script>
`;
    expect(lint(code)).toEqual(['3 memo-leak/no-instance-keyed-cache']);
  });

  it('a file that is not a .vue file is never read as <script setup>', () => {
    const code = `const template = '<script setup>'; const seen = new Set(); export class A { constructor() { seen.add(this); } }`;
    const linter = new Linter({ configType: 'flat', cwd: '/project' });
    const messages = linter.verify(code, [{ plugins: { 'memo-leak': plugin as never }, rules: { 'memo-leak/no-instance-keyed-cache': 'error' } }], '/project/src/a.js');
    expect(messages.map((message) => message.ruleId)).toEqual(['memo-leak/no-instance-keyed-cache']);
  });
});
