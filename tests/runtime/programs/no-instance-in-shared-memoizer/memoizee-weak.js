// @fix suggestion
// memoizee keyed by the instance as the first argument: the suggestion switches to memoizee/weak.
import memoizee from 'memoizee';

let computed = 0;
const priceOf = memoizee((item, currency) => {
  computed += 1;
  return { amount: item.base * (currency === 'EUR' ? 2 : 1), ballast: new Array(2048).fill(item.base) };
});

class Item {
  constructor(base) {
    this.base = base;
  }

  price(currency) {
    return priceOf(this, currency).amount;
  }
}

export function run(track) {
  const out = [];
  for (let i = 0; i < 150; i += 1) {
    const item = new Item(i);
    track(item);
    out.push(item.price('EUR'), item.price('EUR'), item.price('USD'));
  }
  out.push(computed);
  return out;
}
