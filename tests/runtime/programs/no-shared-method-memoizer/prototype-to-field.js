// @fix suggestion
// memoizee on an ES class prototype: one cache for every Thumbnail. Each result references its
// instance, so the shared cache keeps every Thumbnail ever rendered. The suggestion moves the
// memoizer to an instance field: one cache per Thumbnail, collected with it.
import memoize from 'memoizee';

class Thumbnail {
  constructor(id) {
    this.id = id;
    this.pixels = new Uint8Array(16 * 1024);
  }
}

Thumbnail.prototype.render = memoize(function (size) {
  return { owner: this, text: `${this.id}@${size}` };
});

export function run(track) {
  const out = [];
  for (let i = 0; i < 200; i += 1) {
    const thumbnail = new Thumbnail(i);
    track(thumbnail);
    const first = thumbnail.render(i);
    out.push(first.text, first === thumbnail.render(i) ? 'hit' : 'miss');
  }
  return out;
}
