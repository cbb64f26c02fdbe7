// memo-leak/no-instance-in-shared-memoizer: long-lived memoized functions handed the instance.
import memoize from 'lodash/memoize';
import memoizeFn from 'memoize';
import moize from 'moize';

interface Layout {
  width: number;
  height: number;
}

// Module level: lives as long as the program, and lodash keys its cache by the first argument.
// Every TreeNode ever laid out stays in memory (autofix: a WeakMap cache).
const layoutOf = memoize((node: TreeNode): Layout => ({ width: node.label.length, height: node.children.length }));

export class TreeNode {
  constructor(
    readonly label: string,
    readonly children: TreeNode[] = [],
  ) {}

  layout(): Layout {
    return layoutOf(this);
  }
}

// Exported: other modules may call it with primitives, so the WeakMap cache is a suggestion.
export const describeAccount = memoizeFn((account: Account) => `${account.owner}: ${account.balance}`);

export class Account {
  constructor(
    readonly owner: string,
    readonly balance: number,
  ) {}

  toString(): string {
    return describeAccount(this);
  }
}

// moize keeps every argument, bounded by maxSize: up to 500 charts stay in memory (no weak form).
const render = moize((chart: Chart, scale: number) => `<svg>${chart.points.length * scale}</svg>`, { maxSize: 500 });

export class Chart {
  constructor(readonly points: number[]) {}

  svg(scale: number): string {
    return render(this, scale);
  }
}

// ✅ A key derived from the instance is not the instance.
const labelWidth = memoize((label: string) => label.length);

export function width(node: TreeNode): number {
  return labelWidth(node.label);
}
