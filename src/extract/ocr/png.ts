/**
 * A minimal PNG reader for the page images pdftoppm renders (`-gray -png`: 8-bit greyscale; 1-bit grey
 * and 8-bit RGB are read too), enough to look at a few boxes of a page (./glyph.ts). Anything else gives null.
 */
import { inflateSync } from 'node:zlib';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte a pixel, 0 = black, 255 = white, row by row. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readGreyPng(bytes: Buffer): GreyImage | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = -1;
  let interlace = 0;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8];
      colour = body[9];
      interlace = body[12];
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const rgb = colour === 2 && depth === 8;
  if ((colour !== 0 && !rgb) || interlace !== 0 || (depth !== 8 && depth !== 1) || width === 0 || height === 0) return null;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data));
  } catch {
    return null;
  }
  const bpp = rgb ? 3 : 1;
  const stride = depth === 8 ? width * bpp : Math.ceil(width / 8);
  if (raw.length < (stride + 1) * height) return null;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? rows[out + x - bpp] : 0;
      const b = y > 0 ? rows[out - stride + x] : 0;
      const c = x >= bpp && y > 0 ? rows[out - stride + x - bpp] : 0;
      let v = raw[src + x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[out + x] = v & 0xff;
    }
  }
  if (rgb) {
    const pixels = new Uint8Array(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (rows[3 * i] + rows[3 * i + 1] + rows[3 * i + 2]) / 3;
    return { width, height, pixels };
  }
  if (depth === 8) return { width, height, pixels: rows };
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = (rows[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
  return { width, height, pixels };
}
