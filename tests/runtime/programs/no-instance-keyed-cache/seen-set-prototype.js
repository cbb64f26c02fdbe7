// @fix autofix
// A constructor function that registers each instance once, and a prototype method that checks it.
const initialised = new Set();

function Widget(id) {
  this.id = id;
  this.buffer = new Array(10_000).fill(id);
}

Widget.prototype.init = function () {
  if (initialised.has(this)) return false;
  initialised.add(this);
  return true;
};

export function run(track) {
  const results = [];
  for (let i = 0; i < 150; i += 1) {
    const widget = new Widget(i);
    track(widget);
    results.push(widget.init(), widget.init());
  }
  return results;
}
