// @fix suggestion
// lodash memoize with a resolver that returns `this`: the shared cache on the prototype is keyed
// by the instance itself, so every Account that ever called `statement()` is pinned.
import memoize from 'lodash/memoize.js';

class Account {
  constructor(owner) {
    this.owner = owner;
    this.history = new Array(2000).fill(owner.length);
  }
}

Account.prototype.statement = memoize(
  function () {
    return `${this.owner}: ${this.history.length}`;
  },
  function () {
    return this;
  },
);

export function run(track) {
  const out = [];
  for (let i = 0; i < 150; i += 1) {
    const account = new Account(`owner-${i}`);
    track(account);
    out.push(account.statement(), account.statement());
  }
  return out;
}
