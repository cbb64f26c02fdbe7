#!/usr/bin/env node
// `npm pack --dry-run` from a clone must ship the built plugin: the entry point, its types, every rule,
// and the licence. On a fresh clone there is no dist/ until the `prepack` build runs, so this proves it.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
const shipped = new Set(report.files.map((file) => file.path));
const rules = readdirSync(new URL('../src/rules/', import.meta.url)).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
const wanted = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', ...rules.map((name) => `dist/rules/${name.replace(/\.ts$/, '.js')}`)];
const missing = wanted.filter((file) => !shipped.has(file));
if (missing.length > 0) {
  console.error(`npm pack would not ship: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`pack: ${report.filename} ships ${shipped.size} files, the built entry point and ${rules.length} rules among them`);
