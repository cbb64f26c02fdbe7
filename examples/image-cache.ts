// memo-leak/no-instance-keyed-cache: the mission's scenario. The module-level `thumbnails` Map is
// keyed by each ImageCache, so every image ever previewed stays in memory with its bitmap.
// `npm run demo` shows the finding and the autofix (Map → WeakMap).

export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

declare function decode(path: string, maxEdge: number): Bitmap;

const thumbnails = new Map<ImageCache, Bitmap>();

export class ImageCache {
  constructor(readonly path: string) {}

  preview(): Bitmap {
    let bitmap = thumbnails.get(this);
    if (!bitmap) {
      bitmap = decode(this.path, 256);
      thumbnails.set(this, bitmap);
    }
    return bitmap;
  }

  invalidate(): void {
    thumbnails.delete(this);
  }
}
