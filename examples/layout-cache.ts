// memo-leak/no-instance-keyed-cache: a private static cache and an LRU keyed by instances.
import { LRUCache } from 'lru-cache';

interface Size {
  width: number;
  height: number;
}

export class LayoutNode {
  // Static fields live as long as the class: every LayoutNode ever measured is pinned (autofix).
  static #measured = new Map<LayoutNode, Size>();

  constructor(readonly children: LayoutNode[] = []) {}

  measure(): Size {
    const known = LayoutNode.#measured.get(this);
    if (known) return known;
    const size = this.children.reduce(
      (total, child) => {
        const { width, height } = child.measure();
        return { width: Math.max(total.width, width), height: total.height + height };
      },
      { width: 1, height: 1 },
    );
    LayoutNode.#measured.set(this, size);
    return size;
  }
}

// A bounded LRU still pins up to 500 charts after they are gone: a suggestion (editor quick fix)
// replaces it with a WeakMap, and says that the size bound goes away with it.
const rendered = new LRUCache<Chart, string>({ max: 500 });

export class Chart {
  constructor(readonly root: LayoutNode) {}

  svg(): string {
    const hit = rendered.get(this);
    if (hit) return hit;
    const svg = `<svg width="${this.root.measure().width}"/>`;
    rendered.set(this, svg);
    return svg;
  }
}
