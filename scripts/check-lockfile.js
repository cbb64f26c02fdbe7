#!/usr/bin/env node
// Fails when any dependency in package-lock.json is declared through a dist-tag (`"latest"`, `"next"`)
// or a URL/git spec the lockfile cannot pin to a version range. `npm ci` checks the locked version
// against each declared range; a tag is resolved against the registry on the day of the install, so
// one publish upstream breaks a lockfile nobody touched (issue 11: jschardet "latest").
// Pin such a dependency with `overrides` in package.json.
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const KINDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'];
// A version range is built from versions, operators, x/* wildcards, `||` and hyphens; `npm:` aliases
// carry a range after the name. Anything else that starts with a letter is a tag or a URL.
const RANGE = /^(?:npm:(?:@[^/\s]+\/)?[^@\s]+@)?[\s\d^~<>=|*xX.+-]*(?:[\dxX*](?:-[\w.]+)?[\s^~<>=|*xX.+-]*)*$/;

// Names that package.json `overrides` pins to one exact version, at any depth of the overrides tree.
const pinned = new Set();
(function collect(overrides) {
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (typeof value === 'string') {
      if (/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(value)) pinned.add(name);
    } else {
      if (typeof value['.'] === 'string' && /^\d+\.\d+\.\d+/.test(value['.'])) pinned.add(name);
      collect(value);
    }
  }
})(pkg.overrides);

const bad = [];
for (const [where, entry] of Object.entries(lock.packages ?? {})) {
  for (const kind of KINDS) {
    for (const [name, spec] of Object.entries(entry[kind] ?? {})) {
      if (kind === 'peerDependencies' && entry.peerDependenciesMeta?.[name]?.optional) continue;
      if (!RANGE.test(spec.trim()) && !pinned.has(name)) bad.push(`${where || '(root)'} ${kind}: ${name}@${spec}`);
    }
  }
}
if (bad.length > 0) {
  console.error('package-lock.json has dependencies the lockfile cannot pin (pin them with "overrides"):');
  for (const line of bad) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`lockfile: every dependency of ${Object.keys(lock.packages ?? {}).length} packages is a version range`);
