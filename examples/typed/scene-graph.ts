// memo-leak/no-instance-keyed-cache with type information (the `recommended-type-checked` config):
// a module-level Map filled with keys whose static type is a class instance pins them just as
// `this` would. `npm run demo` lints this folder a second time with typed linting on.

export class SceneNode {
  constructor(
    readonly name: string,
    readonly children: SceneNode[] = [],
  ) {}
}

interface Bounds {
  readonly width: number;
  readonly height: number;
}

const bounds = new Map<SceneNode, Bounds>();

export function measure(node: SceneNode): Bounds {
  const known = bounds.get(node);
  if (known) return known;
  const size = node.children.map(measure).reduce(
    (total, child) => ({ width: Math.max(total.width, child.width), height: total.height + child.height }),
    { width: node.name.length, height: 1 },
  );
  bounds.set(node, size);
  return size;
}

// Keys typed as primitives are not instances: not reported.
const byName = new Map<string, Bounds>();

export function measureByName(node: SceneNode): Bounds {
  const size = measure(node);
  byName.set(node.name, size);
  return size;
}
