/**
 * Item glyphs read from the page image where Tesseract could not read them. chi_sim has no ◆ ◇ ● ○ ▲
 * in its character set: it gives some character or junk for them (急, 命, @@, <) or swallows them into
 * the next word. The box Tesseract gave that word still holds the glyph's pixels, and these shapes
 * differ plainly: one blob, as wide as tall, widest at its middle row and narrow at top and bottom
 * (a diamond), wide at top and bottom but narrower than at the middle (a circle), narrow at the top
 * and wide at the bottom (a triangle); filled, or a ring round an empty middle (◇ ○ △).
 */
import type { GreyImage } from './png.js';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const INK = 128;

export interface GlyphShape {
  glyph: string | null;
  /** Measurements, for tests and tuning. */
  features: { w: number; h: number; share: number; fill: number; top: number; mid: number; bottom: number; hollow: number };
}

/**
 * The largest blob of ink in the box (8-connected), and how it is shaped. `lineHeight` is the
 * height of the line's characters: a glyph is 0.35–1.1 of it, about as wide as tall.
 */
export function glyphShape(image: GreyImage, box: Box, lineHeight: number): GlyphShape | null {
  const x0 = Math.max(0, Math.floor(box.left - 2));
  const y0 = Math.max(0, Math.floor(box.top - 2));
  const x1 = Math.min(image.width, Math.ceil(box.left + box.width + 2));
  const y1 = Math.min(image.height, Math.ceil(box.top + box.height + 2));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 2 || h <= 2) return null;
  const ink = (x: number, y: number) => image.pixels[(y0 + y) * image.width + x0 + x] < INK;
  const label = new Int32Array(w * h).fill(-1);
  let best = { size: 0, id: -1, minX: 0, maxX: 0, minY: 0, maxY: 0 };
  let total = 0;
  let id = 0;
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || !ink(start % w, Math.floor(start / w))) continue;
    const blob = { size: 0, id, minX: w, maxX: 0, minY: h, maxY: 0 };
    label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      blob.size++;
      blob.minX = Math.min(blob.minX, x);
      blob.maxX = Math.max(blob.maxX, x);
      blob.minY = Math.min(blob.minY, y);
      blob.maxY = Math.max(blob.maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const q = ny * w + nx;
          if (label[q] === -1 && ink(nx, ny)) {
            label[q] = id;
            stack.push(q);
          }
        }
      }
    }
    total += blob.size;
    if (blob.size > best.size) best = blob;
    id++;
  }
  if (best.size === 0) return null;
  // Ink to the right of the blob is the date's first digit the box took in; ink beside or over it
  // (a character's other strokes) counts against it.
  total = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x <= best.maxX; x++) if (label[y * w + x] !== -1) total++;
  const bw = best.maxX - best.minX + 1;
  const bh = best.maxY - best.minY + 1;
  // Outer width of the blob on a row: leftmost to rightmost of its pixels.
  const rowWidth = (fraction: number) => {
    const y = best.minY + Math.min(bh - 1, Math.max(0, Math.round(fraction * (bh - 1))));
    let lo = -1;
    let hi = -1;
    for (let x = best.minX; x <= best.maxX; x++) {
      if (label[y * w + x] !== best.id) continue;
      if (lo < 0) lo = x;
      hi = x;
    }
    return lo < 0 ? 0 : (hi - lo + 1) / bw;
  };
  // Holes: background inside the blob's box that cannot reach the box's edge without crossing the blob.
  const outside = new Uint8Array(bw * bh);
  const mine = (x: number, y: number) => label[(best.minY + y) * w + best.minX + x] === best.id;
  for (let x = 0; x < bw; x++) for (const y of [0, bh - 1]) if (!mine(x, y) && !outside[y * bw + x]) flood(x, y);
  for (let y = 0; y < bh; y++) for (const x of [0, bw - 1]) if (!mine(x, y) && !outside[y * bw + x]) flood(x, y);
  function flood(sx: number, sy: number) {
    const s = [sy * bw + sx];
    outside[sy * bw + sx] = 1;
    while (s.length > 0) {
      const p = s.pop()!;
      const x = p % bw;
      const y = (p - x) / bw;
      for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]]) {
        if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
        const q = ny * bw + nx;
        if (!outside[q] && !mine(nx, ny)) {
          outside[q] = 1;
          s.push(q);
        }
      }
    }
  }
  let holes = 0;
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) if (!mine(x, y) && !outside[y * bw + x]) holes++;
  const features = {
    w: bw / lineHeight,
    h: bh / lineHeight,
    share: best.size / total,
    fill: best.size / (bw * bh),
    top: rowWidth(0.12),
    mid: Math.max(rowWidth(0.45), rowWidth(0.5), rowWidth(0.55)),
    bottom: rowWidth(0.88),
    hollow: holes / (bw * bh),
  };
  return { glyph: classify(features), features };
}

/**
 * The shape's outline area (ink and enclosed background) over its box tells the outline: a diamond or
 * a triangle fills half its box, a circle π/4, a square all of it. Han characters read in the same
 * place are strokes: about a third of their box is ink, with small enclosed counters or none.
 */
function classify(f: GlyphShape['features']): string | null {
  const square = f.w / f.h;
  if (f.h < 0.35 || f.h > 1.15 || square < 0.75 || square > 1.33 || f.share < 0.8) return null;
  const area = f.fill + f.hollow;
  // A filled glyph is solid ink (中 read large is a box round a stroke: enclosed counters); a hollow
  // one is a thin outline round one empty middle (西 is thicker: strokes cross its middle).
  const hollow = f.hollow > 0.4 * area;
  if (hollow ? f.fill > 0.3 : f.fill < 0.45 || f.hollow > 0.05) return null;
  if (area >= 0.42 && area <= 0.68 && f.mid >= 0.85 && f.top <= 0.45 && f.bottom <= 0.45) return hollow ? '◇' : '◆';
  if (area >= 0.68 && area <= 0.88 && f.mid >= 0.85 && f.top > 0.45 && f.top < 0.85 && f.bottom > 0.45 && f.bottom < 0.85) return hollow ? '○' : '●';
  if (area >= 0.42 && area <= 0.68 && f.top <= 0.4 && f.bottom >= 0.75) return hollow ? '△' : '▲';
  if (area >= 0.9 && f.top >= 0.85 && f.mid >= 0.85 && f.bottom >= 0.85) return hollow ? '□' : '■';
  return null;
}
