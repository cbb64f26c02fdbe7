// @fix suggestion
// A bounded LRU keyed by instances: the suggestion trades the bound for weak keys.
import { LRUCache } from 'lru-cache';

const rendered = new LRUCache<Chart, string>({ max: 10_000 });

class Chart {
  constructor(readonly points: number[]) {}

  svg(): string {
    const hit = rendered.get(this);
    if (hit !== undefined) return hit;
    const svg = `<svg>${this.points.length}</svg>`;
    rendered.set(this, svg);
    return svg;
  }
}

export function run(track: (instance: object) => void): string[] {
  const out: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    const chart = new Chart(new Array(2000).fill(i));
    track(chart);
    out.push(chart.svg(), chart.svg());
  }
  return out;
}
