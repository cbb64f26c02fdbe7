// @fix suggestion
// `pMemoizeDecorator` is per instance, but a `cache` object in its options is created once, when
// the class is defined: every Loader shares it, and the cached promises' values keep each Loader.
import { pMemoizeDecorator } from 'p-memoize';

class Loader {
  readonly buffer = new Uint8Array(16 * 1024);
  constructor(readonly id: number) {}

  @pMemoizeDecorator({ cache: new Map() })
  async load(key: number): Promise<{ loader: Loader; text: string }> {
    return { loader: this, text: `loader ${this.id} key ${key}` };
  }
}

export async function run(track: (instance: object) => void): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < 150; i += 1) {
    const loader = new Loader(i);
    track(loader);
    const first = await loader.load(i);
    out.push(first.text, String(first === (await loader.load(i))));
  }
  return out;
}
