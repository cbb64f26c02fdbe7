// @fix suggestion
// Untyped: a module-level Set remembers every node it has laid out. Nothing says the key is an object
// but how the function uses it on every call (`node.measure()`, a method no primitive has).
const laidOut = new Set();

function layout(node) {
  const size = node.measure();
  if (laidOut.has(node)) return size;
  laidOut.add(node);
  return size * 2;
}

function Box(id) {
  this.id = id;
  this.pixels = new Array(10_000).fill(id);
}

Box.prototype.measure = function () {
  return this.id % 7;
};

export function run(track) {
  const results = [];
  for (let i = 0; i < 150; i += 1) {
    const box = new Box(i);
    track(box);
    results.push(layout(box), layout(box));
  }
  return results;
}
