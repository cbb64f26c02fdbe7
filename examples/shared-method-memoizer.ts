// memo-leak/no-shared-method-memoizer: memoizers created once per class, whose cache serves —
// and keeps — every instance. `npm run demo` shows the findings and the suggested rewrites.
import memoize from 'lodash/memoize';
import { MemoizeAll } from 'lodash-decorators';
import { pMemoizeDecorator } from 'p-memoize';

interface Invoice {
  readonly id: string;
  readonly lines: ReadonlyArray<{ readonly amount: number }>;
}

export class Customer {
  constructor(
    readonly name: string,
    readonly discount: number,
  ) {}

  // Memoized on the prototype: customer B gets customer A's totals, and A's results stay cached.
  @MemoizeAll()
  invoiceTotal(invoice: Invoice): number {
    const gross = invoice.lines.reduce((sum, line) => sum + line.amount, 0);
    return gross * (1 - this.discount);
  }

  // Per instance by design, but the `cache` object is created once, for every Customer.
  @pMemoizeDecorator({ cache: new Map() })
  async history(year: number): Promise<string[]> {
    return [`${this.name}: ${year}`];
  }
}

export class Statement {
  constructor(readonly customer: Customer) {}
}

// The key function returns the instance: every Statement ever rendered is pinned by this cache.
(Statement.prototype as unknown as { render: () => string }).render = memoize(
  function (this: Statement) {
    return `Statement for ${this.customer.name}`;
  },
  function (this: Statement) {
    return this;
  },
);
