/**
 * Tesseract's TSV output (one row per page, block, paragraph, line and word, with boxes and word
 * confidences) → text lines with positions and a confidence, per page.
 */

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100. */
  confidence: number;
}

export interface OcrLine {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Mean word confidence (0–100), weighted by characters. */
  confidence: number;
  /** The line opens with an item glyph read from the page image (./glyph.ts), not by Tesseract. */
  glyphFromImage?: boolean;
  /** Characters the confidence was taken over (spaces not counted). */
  chars: number;
  /**
   * Confidence of the line's last character (its last word when that is one character): a glyph at
   * a line's end that Tesseract could not read (a section mark's closing ※) comes back as some
   * character at a confidence near 0, in a line otherwise read well.
   */
  lastConfidence: number;
}

export interface OcrPageLines {
  /** 1-based page within the image Tesseract read (multi-page TIFF). */
  page: number;
  lines: OcrLine[];
}

/** Gaps wider than this many line heights inside a line separate fields (office ⟷ date). */
const FIELD_GAP = 1.5;
/**
 * On a field line (`委员：…`), a blank as wide as a character between two Han words is the printed gap
 * between names (`冯　斌　马晓燕`): Han characters stand closer than this (measured: 0.2–0.6 of the
 * line height apart, gaps of one U+3000 1.2–1.4).
 */
const NAME_GAP = 0.9;
const FIELD_LABEL = /^(?:\p{Script=Han}[\s\u3000]*){1,4}[：:]/u;
const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;
const ASCII_WORD_END = /[A-Za-z0-9.,:;@%)\]-]$/;
const ASCII_WORD_START = /^[A-Za-z0-9(@[-]/;

/**
 * Reads an item glyph from the page image in a word's box (./glyph.ts), or null; `lineHeight` is
 * the height of the line's characters.
 */
export type GlyphReader = (box: { left: number; top: number; width: number; height: number }, lineHeight: number) => string | null;

export function parseTsv(tsv: string, readGlyph?: GlyphReader): OcrPageLines[] {
  const pages = new Map<number, Map<string, OcrWord[]>>();
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    const confidence = Number(cols[10]);
    if (!text || !(confidence >= 0)) continue;
    const page = Number(cols[1]);
    const key = `${cols[2]}.${cols[3]}.${cols[4]}`;
    const word: OcrWord = { text, left: Number(cols[6]), top: Number(cols[7]), width: Number(cols[8]), height: Number(cols[9]), confidence };
    let lines = pages.get(page);
    if (!lines) pages.set(page, (lines = new Map()));
    const words = lines.get(key);
    if (words) words.push(word);
    else lines.set(key, [word]);
  }
  return [...pages.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([page, lines]) => ({ page, lines: sortReadingOrder([...lines.values()].map((words) => toLine(words, readGlyph))) }));
}

/**
 * Stands before a line's text where Tesseract swallowed a glyph into the line's first word (see
 * swallowedGlyph); OCR repairs (normalise/ocr-repair.ts) take it for an unreadable item glyph before
 * a date, and drop it anywhere else.
 */
export const SWALLOWED_GLYPH = '\uE001';

/**
 * Confidence below which a first word too wide for its digits hides a glyph. Measured on the 35 pages
 * of eval/scans and the two seen held-out sets (eval/scans/README.md, fifth round): the first numbers
 * too wide for their digits over a swallowed ◇/◆ were read at 5–69, those over no glyph (a year in a
 * masthead, a number opening a line) at 93 and 97; the digit beside a glyph is still read well, and
 * only the word's confidence falls.
 */
const SWALLOWED_CONFIDENCE = 80;

/**
 * An item glyph (◇) Tesseract could not read may vanish into the next word: the line's first word is
 * a number read at a confidence below SWALLOWED_CONFIDENCE whose box is wider than its digits (each
 * about 0.6 of the line's character height) by half a character or more: `◇12月30日` read as `12` in
 * a box 60 px wide.
 */
function swallowedGlyph(first: OcrWord, height: number): boolean {
  if (!/^\d{1,4}$/.test(first.text) || first.confidence >= SWALLOWED_CONFIDENCE) return false;
  return first.width > (first.text.length * 0.6 + 0.5) * height;
}

/** Below this confidence a line's first word may be an item glyph misread (急, 命, @@, <). */
const GLYPH_WORD_CONFIDENCE = 95;

/**
 * An item glyph in the image where a line's first word stands: a short word that is no number (the
 * glyph misread as 急 or @@), or, where a number's box is too wide for its digits, in the box's left
 * part (the glyph swallowed, see swallowedGlyph).
 */
function glyphOpening(first: OcrWord, height: number, readGlyph: GlyphReader): { glyph: string; swallowed: boolean } | null {
  if (/^\d{1,4}$/.test(first.text)) {
    if (!swallowedGlyph(first, height)) return null;
    const digits = first.text.length * 0.6 * height;
    const glyph = readGlyph({ left: first.left, top: first.top, width: first.width - digits, height: first.height }, height);
    return glyph ? { glyph, swallowed: true } : null;
  }
  if (first.confidence >= GLYPH_WORD_CONFIDENCE) return null;
  // Junk glued to the date's first digits (`GD5`, `<5`): the glyph is in the box's left part.
  const glued = /^(\D{1,2})(\d{1,2})$/u.exec(first.text);
  if (glued) {
    const width = first.width - glued[2].length * 0.6 * height;
    const glyph = width >= 0.5 * height ? readGlyph({ left: first.left, top: first.top, width: Math.min(width, 1.1 * height), height: first.height }, height) : null;
    return glyph ? { glyph: `${glyph}${glued[2]}`, swallowed: false } : null;
  }
  if ([...first.text].length > 2 || /\d/.test(first.text)) return null;
  // The glyph stands at the word's left; a box Tesseract drew round it and the date's first digits
  // is cut to a character's width.
  const glyph = readGlyph({ left: first.left, top: first.top, width: Math.min(first.width, 1.1 * height), height: first.height }, height);
  return glyph ? { glyph, swallowed: false } : null;
}

/**
 * A line's first word that is one character in a box reaching well into the next word's (words of a
 * line never overlap), read with some doubt, where the next word holds an item glyph: Tesseract read
 * a speck or the glyph's edge as a character (`人` in a narrow box over the left of a ● that the next
 * word `@6` holds). The glyph of the next word, or null (the line is then read as it was).
 */
function strayFirstWord(words: OcrWord[], height: number, readGlyph: GlyphReader): { glyph: string; swallowed: boolean } | null {
  const [first, next] = words;
  if (words.length < 3 || [...first.text].length !== 1 || first.confidence >= GLYPH_WORD_CONFIDENCE) return null;
  if (first.left + first.width < next.left + 0.25 * height) return null;
  return glyphOpening(next, height, readGlyph);
}

/**
 * Words are kept in Tesseract's order, which is reading order: sorting them by their left edges put
 * an enumeration comma after the character it precedes (`辅导社、员` for `辅导、社员`), as the
 * comma's ink sits inside the next character's box.
 */
function toLine(all: OcrWord[], readGlyph?: GlyphReader): OcrLine {
  const height = median(all.map((w) => w.height));
  const stray = readGlyph ? strayFirstWord(all, height, readGlyph) : null;
  const words = stray ? all.slice(1) : all;
  const first = words[0];
  let text = (swallowedGlyph(first, height) ? SWALLOWED_GLYPH : '') + first.text;
  const glyph = stray ?? (readGlyph && words.length > 1 ? glyphOpening(first, height, readGlyph) : null);
  if (glyph) text = glyph.swallowed ? `${glyph.glyph}${first.text}` : glyph.glyph;
  const start = text;
  const join = (nameGaps: boolean) => {
    let joined = start;
    for (let i = 1; i < words.length; i++) {
      const prev = words[i - 1];
      const word = words[i];
      const gap = word.left - (prev.left + prev.width);
      // Tesseract cuts Chinese into arbitrary "words": join them, except Latin words and wide gaps.
      // A wide gap becomes U+3000, as the PDF extractor marks one (office ⟷ date on a masthead line).
      const field = gap > FIELD_GAP * height || (nameGaps && gap > NAME_GAP * height && HAN_END.test(prev.text) && HAN_START.test(word.text));
      const space = !field && ASCII_WORD_END.test(prev.text) && ASCII_WORD_START.test(word.text) && gap > 0.25 * height;
      joined += (field ? '\u3000' : space ? ' ' : '') + word.text;
    }
    return joined;
  };
  text = join(false);
  if (FIELD_LABEL.test(text)) text = join(true);
  let weighted = 0;
  let chars = 0;
  for (const w of words) {
    const n = w.text.replace(/\s/g, '').length;
    weighted += w.confidence * n;
    chars += n;
  }
  return {
    text,
    x0: Math.min(...words.map((w) => w.left)),
    x1: Math.max(...words.map((w) => w.left + w.width)),
    top: Math.min(...words.map((w) => w.top)),
    bottom: Math.max(...words.map((w) => w.top + w.height)),
    confidence: chars > 0 ? weighted / chars : 0,
    chars,
    lastConfidence: words[words.length - 1].confidence,
    ...(glyph ? { glyphFromImage: true } : {}),
  };
}

/**
 * Tesseract's block order can put a right-hand field (a date beside the office) after the text
 * below it; lines are re-sorted top to bottom, lines sharing a row left to right. Only lines side by
 * side (their spans across the page do not overlap) can share a row: on a skewed scan, consecutive
 * lines of one paragraph have tall, overlapping boxes, and taking them for one row put a line before
 * the one above it.
 */
function sortReadingOrder(lines: OcrLine[]): OcrLine[] {
  return lines.sort((a, b) => {
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const shorter = Math.min(a.bottom - a.top, b.bottom - b.top);
    const sideBySide = a.x1 <= b.x0 || b.x1 <= a.x0;
    if (sideBySide && overlap > 0.5 * shorter) return a.x0 - b.x0;
    return a.top - b.top;
  });
}

/** Mean confidence over lines, weighted by characters; null when nothing was read. */
export function meanConfidence(lines: Array<{ confidence: number; chars: number }>): number | null {
  let weighted = 0;
  let chars = 0;
  for (const l of lines) {
    weighted += l.confidence * l.chars;
    chars += l.chars;
  }
  return chars > 0 ? round1(weighted / chars) : null;
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
