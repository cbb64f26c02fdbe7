// @fix suggestion
// A module-level set declared WeakSet but created as a Set, filled with keys typed `any` (so the
// rewrite is offered as a suggestion): every visited node stays reachable.
const visited: WeakSet<object> = new Set();

function visit(node: any): boolean {
  if (visited.has(node)) return false;
  visited.add(node);
  return true;
}

export function run(track: (instance: object) => void): boolean[] {
  const results: boolean[] = [];
  for (let i = 0; i < 150; i += 1) {
    const node = { id: i, payload: new Uint8Array(32 * 1024) };
    track(node);
    results.push(visit(node), visit(node));
  }
  return results;
}
