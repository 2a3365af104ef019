/**
 * A page image as grey pixels, for looking at a few boxes of it (./glyph.ts). pngjs decodes the PNG that
 * pdftoppm renders (`-gray -png`) or that a user hands in (any bit depth, colour type or filter); colour
 * becomes its mean grey over white. Anything unreadable gives null.
 */
import { PNG } from 'pngjs';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte a pixel, 0 = black, 255 = white, row by row. */
  pixels: Uint8Array;
}

export function readGreyPng(bytes: Buffer): GreyImage | null {
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(bytes);
  } catch {
    return null;
  }
  const { width, height, data } = png;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const alpha = data[4 * i + 3] / 255;
    const grey = (data[4 * i] + data[4 * i + 1] + data[4 * i + 2]) / 3;
    // (a transparent pixel is the paper's white)
    pixels[i] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return { width, height, pixels };
}
