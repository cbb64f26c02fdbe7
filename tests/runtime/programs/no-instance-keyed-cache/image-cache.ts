// @fix autofix
// The mission's scenario: a module-level thumbnail cache keyed by each ImageCache instance.
interface Bitmap {
  readonly width: number;
  readonly pixels: Uint8Array;
}

function render(path: string): Bitmap {
  return { width: path.length, pixels: new Uint8Array(64 * 1024) };
}

const thumbnails = new Map<ImageCache, Bitmap>();

class ImageCache {
  constructor(readonly path: string) {}

  preview(): Bitmap {
    let bitmap = thumbnails.get(this);
    if (!bitmap) {
      bitmap = render(this.path);
      thumbnails.set(this, bitmap);
    }
    return bitmap;
  }
}

export function run(track: (instance: object) => void): number[] {
  const widths: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const image = new ImageCache(`/photos/${i}.jpg`);
    track(image);
    widths.push(image.preview().width, image.preview() === image.preview() ? 1 : 0);
  }
  return widths;
}
