// @fix autofix
// An async memoizer in a static field, called with each instance.
import pMemoize from 'p-memoize';

class Document {
  static readonly load = pMemoize(async (doc: Document): Promise<number> => doc.pages.length);

  readonly pages = new Array<string>(1024).fill('page');
  constructor(readonly id: number) {}

  async pageCount(): Promise<number> {
    return Document.load(this);
  }
}

export async function run(track: (instance: object) => void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 120; i += 1) {
    const doc = new Document(i);
    track(doc);
    out.push(await doc.pageCount(), await doc.pageCount());
  }
  return out;
}
