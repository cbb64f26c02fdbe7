/**
 * A small application as a user has it: TypeScript, ES modules, CommonJS and Vue single-file
 * components, linted with the plugin's recommended config, in each supported config style.
 */
import { REPO_ROOT } from '../support/rule-cases.js';
import path from 'node:path';

export type ConfigStyle = 'esm' | 'cjs';

const imageCache = `interface Bitmap { width: number; height: number }
declare function render(path: string): Bitmap;

const thumbnails = new Map<ImageCache, Bitmap>();

export class ImageCache {
  constructor(readonly path: string) {}

  preview(): Bitmap {
    let bitmap = thumbnails.get(this);
    if (!bitmap) {
      bitmap = render(this.path);
      thumbnails.set(this, bitmap);
    }
    return bitmap;
  }
}
`;

const widget = `const initialised = new Set();

export class Widget {
  init() {
    if (initialised.has(this)) return;
    initialised.add(this);
  }
}
`;

const legacy = `const cache = new Map();

function Foo() {}
Foo.prototype.m = function () {
  cache.set(this, 1);
  return cache.get(this);
};

module.exports = Foo;
`;

/** Only a suggestion (the container is exported): \`--fix\` must leave it alone. */
const exported = `export const sizes = new Map<object, number>();

export class Box {
  size() {
    sizes.set(this, 1);
    return sizes.get(this);
  }
}
`;

const clean = `const thumbnails = new WeakMap<Tile, string>();

export class Tile {
  preview(): string {
    let svg = thumbnails.get(this);
    if (!svg) thumbnails.set(this, (svg = '<svg/>'));
    return svg;
  }
}
`;

const measureVue = `<template>
  <div>{{ width }}</div>
</template>

<script lang="ts">
const widths = new Map<Measurer, number>();

class Measurer {
  measure() {
    widths.set(this, 1);
    return widths.get(this);
  }
}

export function measureTwice(): number {
  return (new Measurer().measure() ?? 0) + (new Measurer().measure() ?? 0);
}
</script>

<script setup lang="ts">
// The top level of \`<script setup>\` runs once per component instance: this Map is per instance.
const seen = new Map<object, number>();
const width = measureTwice();
seen.set({}, width);
</script>
`;

/** The options API: one \`methods\` object serves every component instance. */
const optionsVue = `<template>
  <div>{{ area(2) }}</div>
</template>

<script>
import memoize from 'lodash/memoize';

export default {
  data() {
    return { scale: 2 };
  },
  methods: {
    area: memoize(function (width) {
      return width * this.scale;
    }),
  },
};
</script>
`;

export const SOURCES: Readonly<Record<string, string>> = {
  'src/image-cache.ts': imageCache,
  'src/widget.js': widget,
  'src/legacy.cjs': legacy,
  'src/exported.ts': exported,
  'src/clean.ts': clean,
  'src/Measure.vue': measureVue,
  'src/Options.vue': optionsVue,
};

/** What \`eslint --fix\` makes of each source (the autofixes only; suggestions are never applied). */
export const FIXED: Readonly<Record<string, string>> = {
  ...SOURCES,
  'src/image-cache.ts': imageCache.replace('new Map<ImageCache, Bitmap>()', 'new WeakMap<ImageCache, Bitmap>()'),
  'src/widget.js': widget.replace('new Set()', 'new WeakSet()'),
  'src/legacy.cjs': legacy.replace('new Map()', 'new WeakMap()'),
  'src/Measure.vue': measureVue.replace('new Map<Measurer, number>()', 'new WeakMap<Measurer, number>()'),
};

/** A finding as the assertions compare it. */
export interface Finding {
  readonly file: string;
  readonly ruleId: string;
  readonly line: number;
  readonly column?: number;
  readonly messageId?: string;
}

/** The Vue options-API finding: \`area: memoize(…)\` in \`methods\`, shared by every component instance. */
export const OPTIONS_API_FINDING: Finding = {
  file: 'src/Options.vue',
  ruleId: 'memo-leak/no-shared-method-memoizer',
  line: 13,
  column: 11,
  messageId: 'crossInstance',
};

/** The findings of the recommended config on the untouched sources, without the options-API file. */
export const FINDINGS: readonly Finding[] = [
  { file: 'src/Measure.vue', ruleId: 'memo-leak/no-instance-keyed-cache', line: 6, column: 7, messageId: 'instanceKeyedCache' },
  { file: 'src/exported.ts', ruleId: 'memo-leak/no-instance-keyed-cache', line: 1, column: 14, messageId: 'instanceKeyedCache' },
  { file: 'src/image-cache.ts', ruleId: 'memo-leak/no-instance-keyed-cache', line: 4, column: 7, messageId: 'instanceKeyedCache' },
  { file: 'src/legacy.cjs', ruleId: 'memo-leak/no-instance-keyed-cache', line: 1, column: 7, messageId: 'instanceKeyedCache' },
  { file: 'src/widget.js', ruleId: 'memo-leak/no-instance-keyed-cache', line: 1, column: 7, messageId: 'instanceKeyedCache' },
];

const CONFIG_BODY = `[
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } },
  },
  memoLeak.configs.recommended,
]`;

/** The project's files in a config style: \`eslint.config.js\` (ESM package) or \`eslint.config.cjs\` (require). */
export function appFiles(style: ConfigStyle): Record<string, string> {
  if (style === 'esm') {
    return {
      'package.json': JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2),
      'eslint.config.js': `import memoLeak from 'eslint-plugin-memo-leak';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';

export default ${CONFIG_BODY};
`,
      ...SOURCES,
    };
  }
  return {
    'package.json': JSON.stringify({ name: 'app', private: true }, null, 2),
    'eslint.config.cjs': `const memoLeak = require('eslint-plugin-memo-leak');
const tsParser = require('@typescript-eslint/parser');
const vueParser = require('vue-eslint-parser');

module.exports = ${CONFIG_BODY};
`,
    ...SOURCES,
  };
}

/** The ESLint majors the CLI suite runs, by the bin each provides. */
export const ESLINT_BINS = {
  10: path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  9: path.join(REPO_ROOT, 'node_modules', 'eslint-v9', 'bin', 'eslint.js'),
} as const;
