// @fix suggestion
// An exported `memoize` function: other modules may call it, so the WeakMap cache is a suggestion.
import memoize from 'memoize';

export const describe = memoize((account: Account): string => `${account.owner}:${account.history.length}`);

class Account {
  readonly history = new Array<number>(2048).fill(1);
  constructor(readonly owner: string) {}

  summary(): string {
    return describe(this);
  }
}

export function run(track: (instance: object) => void): string[] {
  const out: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    const account = new Account(`user${i}`);
    track(account);
    out.push(account.summary(), account.summary());
  }
  return out;
}
