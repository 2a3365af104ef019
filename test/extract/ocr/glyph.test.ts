import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { glyphShape } from '../../../src/extract/ocr/glyph.js';
import { readGreyPng, type GreyImage } from '../../../src/extract/ocr/png.js';
import { parseTsv } from '../../../src/extract/ocr/tsv.js';

const SIZE = 40;
/** A white 40×40 image with ink where `inked(x, y)` holds, x and y from −1 to 1 across a 30-pixel shape. */
function draw(inked: (x: number, y: number) => boolean): GreyImage {
  const pixels = new Uint8Array(SIZE * SIZE).fill(255);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (inked((x - 19.5) / 15, (y - 19.5) / 15)) pixels[y * SIZE + x] = 0;
  return { width: SIZE, height: SIZE, pixels };
}
const diamond = (x: number, y: number) => Math.abs(x) + Math.abs(y) <= 1;
const circle = (x: number, y: number) => x * x + y * y <= 1;
const triangle = (x: number, y: number) => y >= -1 && y <= 1 && Math.abs(x) <= (y + 1) / 2;
const square = (x: number, y: number) => Math.abs(x) <= 1 && Math.abs(y) <= 1;
const ring = (shape: (x: number, y: number) => boolean) => (x: number, y: number) => shape(x, y) && !shape(x / 0.8, y / 0.8);
/** A character-like pattern: a frame with a cross inside (田). */
const han = (x: number, y: number) => square(x, y) && (!square(x / 0.85, y / 0.85) || Math.abs(x) < 0.12 || Math.abs(y) < 0.12);
const whole = { left: 0, top: 0, width: SIZE, height: SIZE };

describe('glyphShape', () => {
  it.each([
    ['◆', diamond],
    ['◇', ring(diamond)],
    ['●', circle],
    ['○', ring(circle)],
    ['▲', triangle],
    ['■', square],
  ])('reads %s from the shape of its ink', (glyph, shape) => {
    expect(glyphShape(draw(shape), whole, 32)?.glyph).toBe(glyph);
  });

  it.each([
    ['a character of strokes with counters (田)', han],
    ['a thin frame with a stroke through its middle, two counters (中)', (x: number, y: number) => (Math.abs(y) < 0.55 && Math.abs(x) <= 0.8 && (Math.abs(x) > 0.7 || Math.abs(y) > 0.45)) || (Math.abs(x) < 0.08 && Math.abs(y) <= 1)],
    ['a shape much smaller than the line', (x: number, y: number) => diamond(x * 4, y * 4)],
    ['a shape much wider than tall', (x: number, y: number) => square(x, y * 3)],
    ['empty paper', () => false],
  ])('reads no glyph from %s', (_what, shape) => {
    expect(glyphShape(draw(shape), whole, 32)?.glyph ?? null).toBeNull();
  });
});

/** A PNG of the image, 8-bit grey, written by pngjs with the row filter given (0 none, 1 sub, 2 up). */
function png(image: GreyImage, filter: number): Buffer {
  const rgba = Buffer.alloc(image.width * image.height * 4);
  image.pixels.forEach((v, i) => rgba.fill(v, 4 * i, 4 * i + 3).writeUInt8(255, 4 * i + 3));
  return PNG.sync.write(Object.assign(new PNG({ width: image.width, height: image.height }), { data: rgba }), { colorType: 0, filterType: filter });
}

describe('readGreyPng', () => {
  it.each([0, 1, 2, 4])('reads an 8-bit grey PNG whose rows use filter %i', (filter) => {
    const image = draw(circle);
    expect(readGreyPng(png(image, filter))?.pixels).toEqual(image.pixels);
  });

  it('gives null for what is no PNG', () => {
    expect(readGreyPng(Buffer.from('GIF89a not a png at all, but long enough'))).toBeNull();
  });
});

describe('parseTsv with the page image', () => {
  const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
  const word = (left: number, width: number, conf: number, text: string) => ['5', 1, 1, 1, 1, 0, left, 0, width, 32, conf, text].join('\t');
  const reader = (glyph: string | null) => () => glyph;

  it('puts the glyph the image shows in place of a first word Tesseract misread', () => {
    const tsv = [HEADER, word(0, 32, 12, '急'), word(34, 64, 90, '5月8日')].join('\n');
    expect(parseTsv(tsv, reader('◆'))[0].lines[0].text).toBe('◆5月8日');
  });

  it('marks the line whose glyph came from the image, and no other', () => {
    const read = (glyph: string | null) => parseTsv([HEADER, word(0, 32, 12, '急'), word(34, 64, 90, '5月8日')].join('\n'), reader(glyph))[0].lines[0].glyphFromImage;
    expect(read('◆')).toBe(true);
    expect(read(null)).toBeUndefined();
  });

  it('puts the glyph before a number that swallowed it', () => {
    const tsv = [HEADER, word(0, 90, 20, '12'), word(92, 64, 90, '月30日')].join('\n');
    expect(parseTsv(tsv, reader('◇'))[0].lines[0].text).toBe('◇12月30日');
  });

  it('drops a one-character first word whose box reaches into the next word, where that word holds the glyph', () => {
    // `人` read from the left edge of a ● that the next word (`@6`) holds
    const tsv = [HEADER, word(0, 12, 52, '人'), word(4, 70, 0, '@6'), word(76, 64, 90, '月18日，')].join('\n');
    expect(parseTsv(tsv, reader('●'))[0].lines[0].text).toBe('●6月18日，');
  });

  it('keeps a one-character first word that overlaps nothing, or where the next word holds no glyph', () => {
    const beside = [HEADER, word(0, 32, 52, '人'), word(34, 70, 0, '@6'), word(106, 64, 90, '月18日，')].join('\n');
    expect(parseTsv(beside, (box) => (box.left === 0 ? null : '●'))[0].lines[0].text).toBe('人@6月18日，');
    const none = [HEADER, word(0, 12, 52, '人'), word(4, 70, 0, '@6'), word(76, 64, 90, '月18日，')].join('\n');
    expect(parseTsv(none, reader(null))[0].lines[0].text).toBe('人@6月18日，');
  });

  it('keeps words read with confidence, longer words and words where the image shows no glyph', () => {
    const lines = (first: string, conf: number, glyph: string | null) =>
      parseTsv([HEADER, word(0, 32, conf, first), word(34, 64, 90, '5月8日')].join('\n'), reader(glyph))[0].lines[0].text;
    expect(lines('今', 97, '◆')).toBe('今5月8日');
    expect(lines('据悉本', 12, '◆')).toBe('据悉本5月8日');
    expect(lines('急', 12, null)).toBe('急5月8日');
  });
});

describe('glyphShape: a hollow diamond broken by noise', () => {
  /** ◇ with its outline cut through on the right, so that it encloses nothing. */
  const broken = (x: number, y: number) => ring(diamond)(x, y) && !(x > 0.5 && Math.abs(y) < 0.15);
  /** Two strokes meeting at the top (人), and a frame broken the same way (a square's corners lie off a diamond's line). */
  const person = (x: number, y: number) => y > -1 && y < 1 && (Math.abs(x + (y + 1) * 0.45) < 0.1 || Math.abs(x - (y + 1) * 0.45) < 0.1);
  const brokenSquare = (x: number, y: number) => ring(square)(x, y) && !(x > 0.5 && Math.abs(y) < 0.15);

  it('reads ◇ from a thin diamond outline with a gap in it', () => {
    expect(glyphShape(draw(broken), whole, 32)?.glyph).toBe('◇');
  });

  it.each([
    ['strokes meeting at the top (人)', person],
    ['a square frame with a gap in it', brokenSquare],
    ['a ring with a gap in it', (x: number, y: number) => ring(circle)(x, y) && !(x > 0.5 && Math.abs(y) < 0.15)],
  ])('reads no ◇ from %s', (_what, shape) => {
    expect(glyphShape(draw(shape), whole, 32)?.glyph ?? null).not.toBe('◇');
  });
});

describe('glyphShape: circled numbers', () => {
  /** A thin ring (gaps cut in it, as noise leaves it) round `inside`, drawn within the ring's middle. */
  const circledRing = (inside: (x: number, y: number) => boolean) => (x: number, y: number) => {
    const r = Math.hypot(x, y);
    const gap = Math.abs(Math.atan2(y, x) - 1) < 0.08 || Math.abs(Math.atan2(y, x) + 2) < 0.08;
    return (r <= 1 && r >= 0.93 && !gap) || (r < 0.6 && inside(x, y));
  };
  const stroke = (x: number, y: number) => Math.abs(x) < 0.12 && Math.abs(y) < 0.5;
  /** A digit of strokes (a 2-like shape: top bar, diagonal, bottom bar). */
  const two = (x: number, y: number) => Math.abs(x) < 0.3 && (Math.abs(y + 0.45) < 0.07 || Math.abs(y - 0.45) < 0.07 || Math.abs(x + y * 0.6) < 0.08);
  const tens = (x: number, y: number) => stroke(x + 0.25, y) || stroke(x - 0.25, y);

  it.each([
    ['① from a ring round one upright stroke', circledRing(stroke), '①'],
    ['a circled number of one unread digit from a ring round another digit', circledRing(two), '\uE002'],
    ['a circled number of two digits from a ring round two side by side (⑪)', circledRing(tens), '\uE003'],
  ])('reads %s', (_what, shape, glyph) => {
    expect(glyphShape(draw(shape), whole, 32)?.glyph).toBe(glyph);
  });

  it.each([
    ['a square frame round a stroke (a character like 口 or 中)', (x: number, y: number) => (square(x, y) && !square(x / 0.9, y / 0.9)) || stroke(x, y)],
    ['an empty ring (○)', ring(circle)],
    ['a filled disc (●)', circle],
  ])('reads no circled number from %s', (_what, shape) => {
    expect(glyphShape(draw(shape), whole, 32)?.glyph ?? '').not.toMatch(/[①\uE002\uE003]/u);
  });
});

describe('glyphShape: a star', () => {
  /** A five-pointed star, point up, its inner corners at `inner` of its outer radius. */
  const star = (inner: number) => {
    const corners = Array.from({ length: 10 }, (_, k) => {
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      const r = k % 2 === 0 ? 1 : inner;
      return [r * Math.cos(a), r * Math.sin(a) + 0.1] as const;
    });
    return (x: number, y: number) => {
      let inside = false;
      for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
        const [xi, yi] = corners[i];
        const [xj, yj] = corners[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
  };
  /** Two strokes spreading from a point, like 人: legs, but no solid body. */
  const person = (x: number, y: number) => y > -1 && y < 1 && (Math.abs(x + (y + 1) * 0.45) < 0.1 || Math.abs(x - (y + 1) * 0.45) < 0.1);

  it('reads ★ from a solid five-pointed star', () => {
    expect(glyphShape(draw(star(0.38)), whole, 32)?.glyph).toBe('★');
  });

  it.each([
    ['strokes spreading into two legs (a character like 人)', person],
    ['a triangle', triangle],
    ['a diamond', diamond],
  ])('reads no star from %s', (_what, shape) => {
    expect(glyphShape(draw(shape), whole, 32)?.glyph ?? null).not.toBe('★');
  });
});
