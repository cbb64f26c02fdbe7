// Reading V8 .cpuprofile files (`node --cpu-prof`): self and inclusive time per function.

/**
 * Self and total (inclusive) time per function (name, file, line), in ms, from a V8 .cpuprofile.
 * A recursive function counts a sample once in its total.
 */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = ({ callFrame: { functionName, url, lineNumber } }) => `${functionName || '(anonymous)'}\u0000${url}\u0000${lineNumber}`;
  const self = new Map();
  const total = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(profile.samples[i]);
    self.set(keyOf(leaf), (self.get(keyOf(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf(byId.get(id));
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
    }
  }
  return [...total.entries()]
    .map(([key, totalMs]) => {
      const [name, url, line] = key.split('\u0000');
      return { name, url, line: Number(line) + 1, selfMs: self.get(key) ?? 0, totalMs };
    })
    .sort((a, b) => b.selfMs - a.selfMs);
}

/** Time (ms) of the samples that have a frame whose url passes `test` anywhere on their stack. */
export function inclusiveTime(profile, test) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const hit = (id) => {
    if (id === undefined) return false;
    if (!memo.has(id)) memo.set(id, test(byId.get(id).callFrame.url) || hit(parent.get(id)));
    return memo.get(id);
  };
  let ms = 0;
  for (let i = 0; i < profile.samples.length; i++) if (hit(profile.samples[i])) ms += (profile.timeDeltas[i] ?? 0) / 1000;
  return ms;
}
