import { PNG } from 'pngjs';

/** A plain PNG image of this size, as a logo upload. */
export function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0x40);
  return PNG.sync.write(image);
}
