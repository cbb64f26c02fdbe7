// @fix autofix
// The scenario: a module-level lodash memoize called with each TreeNode.
import memoize from 'lodash/memoize.js';

interface Layout {
  readonly width: number;
  readonly buffer: Uint8Array;
}

const layoutOf = memoize((node: TreeNode): Layout => ({ width: node.label.length, buffer: new Uint8Array(32 * 1024) }));

class TreeNode {
  constructor(readonly label: string) {}

  layout(): Layout {
    return layoutOf(this);
  }
}

export function run(track: (instance: object) => void): number[] {
  const widths: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const node = new TreeNode(`node-${i}`);
    track(node);
    widths.push(node.layout().width, node.layout() === node.layout() ? 1 : 0);
  }
  return widths;
}
