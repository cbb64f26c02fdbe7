// Rule options and configs for the crash check, from the rules' own metadata (no plugin import, so
// the tests can use it on the TypeScript sources).

/**
 * A rule's options with every boolean its schema declares turned on (`[{ a: true, b: true }]`), or
 * null for a rule without boolean options. Read from `meta.schema`, so options added later are
 * picked up. Without `typed`, the options that need type information (those the type-checked configs
 * set, `meta.docs.typeCheckedOptions`) stay off: the rule refuses them on a file parsed without types.
 */
export function everyOptionOn(rule, { typed = false } = {}) {
  const schema = Array.isArray(rule.meta.schema) ? rule.meta.schema : rule.meta.schema ? [rule.meta.schema] : [];
  const typedOnly = rule.meta.docs?.typeCheckedOptions ?? [];
  const options = schema.map((entry, index) => {
    const needsTypes = (name) => !typed && Object.hasOwn(typedOnly[index] ?? {}, name);
    const booleans = Object.entries(entry?.properties ?? {}).filter(([name, p]) => p.type === 'boolean' && !needsTypes(name));
    return booleans.length ? Object.fromEntries(booleans.map(([name]) => [name, true])) : undefined;
  });
  return options.some(Boolean) ? options.map((o) => o ?? {}) : null;
}

/**
 * `[name, rules]` pairs with identical rules and options merged, in order: the first keeps its place
 * and lists the others in `sameAs`.
 */
export function distinctConfigs(named) {
  const out = [];
  for (const [name, rules] of named) {
    const key = JSON.stringify(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)));
    const same = out.find((c) => c.key === key);
    if (same) same.sameAs.push(name);
    else out.push({ name, rules, key, sameAs: [] });
  }
  return out.map(({ key, ...c }) => c);
}
