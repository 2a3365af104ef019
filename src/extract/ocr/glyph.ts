/**
 * Item glyphs read from the page image where Tesseract could not read them. chi_sim has no ◆ ◇ ● ○ ▲
 * in its character set: it gives some character or junk for them (急, 命, @@, <) or swallows them into
 * the next word. The box Tesseract gave that word still holds the glyph's pixels, and these shapes
 * differ plainly: one blob, as wide as tall, widest at its middle row and narrow at top and bottom
 * (a diamond), wide at top and bottom but narrower than at the middle (a circle), narrow at the top
 * and wide at the bottom (a triangle), a narrow top over arms spread wide and two legs (a star, filled only);
 * filled, or a ring round an empty middle (◇ ○ △).
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
  features: { w: number; h: number; share: number; fill: number; top: number; mid: number; bottom: number; hollow: number; outline?: number; roundOutline?: number; inside?: number; regions?: number; legs?: number; arms?: number; solid?: number; ring?: number; inner?: number; digits?: number; stem?: number };
}

/**
 * Stand-ins for a circled number (① … ⑳) whose digits were not read: one digit in the ring, or two.
 * A ring round one thin upright stroke is ① itself. Which number the others are is told by their
 * order in the document (normalise/ocr-repair.ts), as circled numbers count the items of an issue.
 */
export const CIRCLED_ONE_DIGIT = '\uE002';
export const CIRCLED_TWO_DIGITS = '\uE003';

/** Angular sectors round a ring's centre, and how many must hold ink on the ring. */
const SECTORS = 24;
const RING_COVER = 0.9;

/**
 * A circled number: a thin ring (broken by noise and thresholding, so no one blob) as wide as tall,
 * with ink on its outline in nearly every direction from its centre, and a digit or two inside it
 * apart from the ring. A Han character's frame (口, 回) is square: toward its corners there is no ink
 * at the ring's radius. A filled ● has ink between the digit and the ring.
 */
function circledNumber(ink: (x: number, y: number) => boolean, w: number, h: number, lineHeight: number): GlyphShape | null {
  // The ring's top and bottom rows and its left edge; its width is taken to be its height (ink right
  // of it is the next character's).
  let minY = h;
  let maxY = -1;
  let minX = w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!ink(x, y)) continue;
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      minX = Math.min(minX, x);
    }
  }
  const d = maxY - minY + 1;
  if (d < 0.6 * lineHeight || d > 1.2 * lineHeight || minX + d > w + 1) return null;
  const r = d / 2;
  const cx = minX + r - 0.5;
  const cy = minY + r - 0.5;
  const covered = new Set<number>();
  let ring = 0;
  let inner = 0;
  let between = 0;
  const innerInk = new Uint8Array(w * h);
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x < Math.min(w, minX + d); x++) {
      if (!ink(x, y)) continue;
      const dist = Math.hypot(x - cx, y - cy) / r;
      if (dist >= 0.78 && dist <= 1.12) {
        ring++;
        covered.add(Math.floor(((Math.atan2(y - cy, x - cx) + Math.PI) / (2 * Math.PI)) * SECTORS) % SECTORS);
      } else if (dist < 0.66) {
        inner++;
        innerInk[y * w + x] = 1;
      } else if (dist < 0.78) between++;
    }
  }
  const area = Math.PI * r * r;
  const features = { w: d / lineHeight, h: d / lineHeight, share: 0, fill: (ring + inner + between) / area, top: 0, mid: 0, bottom: 0, hollow: 0, ring: covered.size / SECTORS, inner: inner / area };
  if (covered.size < RING_COVER * SECTORS || features.fill > 0.3 || inner < 0.04 * area || inner > 0.35 * area || between > 0.5 * inner) return null;
  // The digits: blobs of the inner ink (specks left out), side by side.
  const seen = new Uint8Array(w * h);
  const blobs: Array<{ size: number; minX: number; maxX: number }> = [];
  for (let start = 0; start < w * h; start++) {
    if (!innerInk[start] || seen[start]) continue;
    const blob = { size: 0, minX: w, maxX: -1 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      blob.size++;
      blob.minX = Math.min(blob.minX, x);
      blob.maxX = Math.max(blob.maxX, x);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const q = p + dy * w + dx;
          const nx = x + dx;
          if (nx < 0 || nx >= w || q < 0 || q >= w * h || seen[q] || !innerInk[q]) continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (blob.size >= 0.1 * inner) blobs.push(blob);
  }
  blobs.sort((a, b) => a.minX - b.minX);
  // Two digits stand side by side (their spans across the ring hardly overlap).
  const digits = blobs.length >= 2 && blobs[1].minX >= blobs[0].maxX - 1 ? 2 : 1;
  // ① is one upright stroke: most of its ink in three neighbouring columns.
  const columns = new Array<number>(w).fill(0);
  for (let p = 0; p < w * h; p++) if (innerInk[p]) columns[p % w]++;
  let stem = 0;
  for (let x = 0; x + 2 < w; x++) stem = Math.max(stem, columns[x] + columns[x + 1] + columns[x + 2]);
  const one = digits === 1 && stem / inner >= 0.7;
  const glyph = digits === 2 ? CIRCLED_TWO_DIGITS : one ? '①' : CIRCLED_ONE_DIGIT;
  return { glyph, features: { ...features, digits, stem: stem / inner } };
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
  const circled = circledNumber(ink, w, h, lineHeight);
  if (circled) return circled;
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
  // A diamond's outline: the share of directions from the blob's centre in which its ink lies on the
  // line |x| + |y| = 1 (its box scaled to ±1), and the share of its ink well inside that line. Noise may
  // break a hollow diamond's outline, so that it encloses nothing, yet it still runs round its middle.
  function diamondOutline(): { outline: number; roundOutline: number; inside: number } {
    const cx = (best.minX + best.maxX) / 2;
    const cy = (best.minY + best.maxY) / 2;
    const hx = Math.max(1, bw / 2);
    const hy = Math.max(1, bh / 2);
    const covered = new Set<number>();
    const round = new Set<number>();
    let inside = 0;
    for (let y = best.minY; y <= best.maxY; y++) {
      for (let x = best.minX; x <= best.maxX; x++) {
        if (label[y * w + x] !== best.id) continue;
        const [nx, ny] = [(x - cx) / hx, (y - cy) / hy];
        const sector = Math.floor(((Math.atan2(ny, nx) + Math.PI) / (2 * Math.PI)) * SECTORS) % SECTORS;
        const d = Math.abs(nx) + Math.abs(ny);
        if (d >= 0.7 && d <= 1.15) covered.add(sector);
        else if (d < 0.55) inside++;
        // (a ring's ink lies on the circle, out toward the box's corners where a diamond has none)
        if (Math.hypot(nx, ny) >= 0.85) round.add(sector);
      }
    }
    return { outline: covered.size / SECTORS, roundOutline: round.size / SECTORS, inside: inside / best.size };
  }
  // Runs of the blob's ink on a row: a star stands on two legs.
  const rowRuns = (fraction: number) => {
    const y = best.minY + Math.min(bh - 1, Math.max(0, Math.round(fraction * (bh - 1))));
    let runs = 0;
    for (let x = best.minX; x <= best.maxX; x++) if (label[y * w + x] === best.id && label[y * w + x - 1] !== best.id) runs++;
    return runs;
  };
  // Holes: background inside the blob's box that cannot reach the box's edge without crossing the blob.
  const outside = new Uint8Array(bw * bh);
  const mine = (x: number, y: number) => label[(best.minY + y) * w + best.minX + x] === best.id;
  /** Marks the background region around `start` (4-connected, never crossing the blob) with `mark`; its size. */
  const fill = (start: number, mark: number): number => {
    let size = 0;
    const s = [start];
    outside[start] = mark;
    while (s.length > 0) {
      const q = s.pop()!;
      size++;
      const x = q % bw;
      const y = (q - x) / bw;
      for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]]) {
        if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
        const r = ny * bw + nx;
        if (!outside[r] && !mine(nx, ny)) {
          outside[r] = mark;
          s.push(r);
        }
      }
    }
    return size;
  };
  for (let x = 0; x < bw; x++) for (const y of [0, bh - 1]) if (!mine(x, y) && !outside[y * bw + x]) fill(y * bw + x, 1);
  for (let y = 0; y < bh; y++) for (const x of [0, bw - 1]) if (!mine(x, y) && !outside[y * bw + x]) fill(y * bw + x, 1);
  let holes = 0;
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) if (!mine(x, y) && !outside[y * bw + x]) holes++;
  // Enclosed regions (specks of a twentieth of the enclosed area or less left out): a ring's middle is
  // one; a character's frame with a stroke through it (中) has two or more.
  const regionSizes: number[] = [];
  for (let p = 0; p < bw * bh; p++) {
    if (outside[p] || mine(p % bw, (p - (p % bw)) / bw)) continue;
    regionSizes.push(fill(p, 2));
  }
  const regions = regionSizes.filter((n) => n > 0.05 * holes).length;
  const features = {
    w: bw / lineHeight,
    h: bh / lineHeight,
    share: best.size / total,
    fill: best.size / (bw * bh),
    top: rowWidth(0.12),
    mid: Math.max(rowWidth(0.45), rowWidth(0.5), rowWidth(0.55)),
    bottom: rowWidth(0.88),
    hollow: holes / (bw * bh),
    regions,
    ...diamondOutline(),
    legs: rowRuns(0.9),
    // Share of the rows over its legs that the blob crosses in one run: a solid shape, not strokes.
    solid: (() => {
      const rows = Math.max(1, Math.round(0.75 * bh));
      let one = 0;
      for (let k = 0; k < rows; k++) if (rowRuns(k / (bh - 1 || 1)) === 1) one++;
      return one / rows;
    })(),
    arms: Math.max(rowWidth(0.3), rowWidth(0.35), rowWidth(0.4)),
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
  // A solid five-pointed star: a narrow top point, arms spread across its upper part, two legs below,
  // one run of ink across each row over the legs; its thin points fill less of its box than the other
  // shapes. (A hollow one is not told: a ring's sides cross every row twice, as legs do.)
  const star = !hollow && area >= 0.3 && area <= 0.55 && f.share >= 0.95 && (f.solid ?? 0) >= 0.9 && f.top <= 0.3 && (f.arms ?? 0) >= 0.85 && f.legs === 2;
  if (star && f.fill >= 0.3 && f.hollow <= 0.05) return '★';
  // A thin diamond outline broken by noise (no enclosed middle): ink round the middle in nearly every
  // direction, on the diamond's line, and none inside it.
  if (!hollow && f.fill <= 0.3 && (f.outline ?? 0) >= 0.85 && (f.roundOutline ?? 1) <= 0.75 && (f.inside ?? 1) <= 0.03) return '◇';
  if (hollow ? f.fill > 0.3 || (f.regions ?? 1) > 1 : f.fill < 0.45 || f.hollow > 0.05) return null;
  if (area >= 0.42 && area <= 0.68 && f.mid >= 0.85 && f.top <= 0.45 && f.bottom <= 0.45) return hollow ? '◇' : '◆';
  if (area >= 0.68 && area <= 0.88 && f.mid >= 0.85 && f.top > 0.45 && f.top < 0.85 && f.bottom > 0.45 && f.bottom < 0.85) return hollow ? '○' : '●';
  if (area >= 0.42 && area <= 0.68 && f.top <= 0.4 && f.bottom >= 0.75) return hollow ? '△' : '▲';
  if (area >= 0.9 && f.top >= 0.85 && f.mid >= 0.85 && f.bottom >= 0.85) return hollow ? '□' : '■';
  return null;
}
