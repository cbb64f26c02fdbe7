// @fix autofix
// A lodash resolver that returns the call's `this`: the cache is keyed by every Shape.
import memoize from 'lodash/memoize.js';

const area = memoize(
  function () {
    return { value: this.w * this.h, scratch: new Array(4096).fill(this.w) };
  },
  function () {
    return this;
  },
);

class Shape {
  constructor(w, h) {
    this.w = w;
    this.h = h;
  }

  area() {
    return area.call(this).value;
  }
}

export function run(track) {
  const out = [];
  for (let i = 0; i < 150; i += 1) {
    const shape = new Shape(i, 2);
    track(shape);
    out.push(shape.area(), shape.area());
  }
  return out;
}
