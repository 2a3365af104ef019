/**
 * Turns positioned PDF text items into blocks: items → visual lines (by baseline) → page
 * furniture removed (running headers/footers, page numbers) → lines joined into paragraphs
 * by geometry. Pure functions over plain data, so the rules are testable without PDF files.
 */

export interface TextItem {
  str: string;
  /** Left edge and baseline in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (glyph height) in the same units. */
  size: number;
}

export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** OCR'd lines only: a glyph Tesseract could not read opens the line (see ocr/tsv.ts), so a paragraph does. */
  opensBlock?: boolean;
}

/** A line holding only an item glyph so far: the gap after it is a list tab, not a separator. */
const LIST_GLYPH_ONLY = /^\s*[◆◇●○■□▲△★☆•▪➢◎※]\s*$/u;
/** Gaps wider than this many font sizes inside a line are real separations (office ⟷ date). */
const WIDE_GAP_EM = 1.5;
/** A whitespace item at least this wide is an ideographic (full-width) space. */
const IDEOGRAPHIC_SPACE_EM = 0.8;
/** Gaps wider than this are word spaces pdf.js did not emit as characters. */
const SPACE_GAP_EM = 0.25;

/** Groups items into lines by baseline, top to bottom, each line's items left to right. */
export function itemsToLines(items: TextItem[]): Line[] {
  const usable = items.filter((i) => i.str !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  const groups: Array<{ y: number; size: number; items: TextItem[] }> = [];
  for (const item of usable) {
    const size = item.size > 0 ? item.size : 10;
    // Items of one line share a baseline; superscripts and mixed fonts shift it by less than half a size.
    const group = groups.find((g) => Math.abs(g.y - item.y) <= Math.max(size, g.size) * 0.5);
    if (group) {
      group.items.push(item);
      if (item.str.trim() !== '') group.size = Math.max(group.size, size);
    } else groups.push({ y: item.y, size, items: [item] });
  }
  groups.sort((a, b) => b.y - a.y);
  const lines: Line[] = [];
  for (const g of groups) {
    const sorted = g.items.slice().sort((a, b) => a.x - b.x);
    let text = '';
    let right: number | null = null;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (const item of sorted) {
      if (item.str.trim() === '') {
        // Writers often draw a wide separation as one stretched space item; after a list glyph
        // it is only the list's tab stop.
        if (LIST_GLYPH_ONLY.test(text)) continue;
        // An ideographic space is drawn a full em wide; pdf.js's own gap spaces are narrow.
        text += item.width >= IDEOGRAPHIC_SPACE_EM * g.size ? '\u3000' : item.str;
        right = Math.max(right ?? -Infinity, item.x + item.width);
        continue;
      }
      if (right !== null) {
        const gap = item.x - right;
        const lastIsSpace = /\s$/.test(text) || /^\s/.test(item.str);
        if (LIST_GLYPH_ONLY.test(text)) text = text.trimEnd() + item.str.trimStart();
        else if (gap >= WIDE_GAP_EM * g.size) text = text.replace(/[ \t]+$/, '') + (text.endsWith('\u3000') ? '' : '\u3000') + item.str.replace(/^[ \t]+/, '');
        else if (gap >= SPACE_GAP_EM * g.size && !lastIsSpace) text += ' ' + item.str;
        else text += item.str;
      } else text += item.str;
      right = Math.max(right ?? -Infinity, item.x + item.width);
      x0 = Math.min(x0, item.x + leadingSpaceWidth(item));
      x1 = Math.max(x1, item.x + item.width);
    }
    // Name lines of the footer (`编辑：闫建军 陈 刚`) pad two-character names with a space that
    // separates names; keep it there (the normaliser closes up spaces in body text anyway).
    const clean = (NAME_LABEL.test(text.trim()) ? text : removeCjkSpaces(text)).replace(/^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/g, '');
    if (clean.replace(/[\s\u3000]/g, '') === '') continue;
    lines.push({ text: clean, x0, x1, y: g.y, size: g.size });
  }
  return lines;
}

/** An item starting with spaces is drawn from its x, but its ink starts later. */
function leadingSpaceWidth(item: TextItem): number {
  const lead = /^[ \u3000]*/.exec(item.str)![0].length;
  if (lead === 0 || item.str.length === 0) return 0;
  return (item.width / item.str.length) * lead;
}

const NAME_LABEL = /^(?:责任编辑|编\s*辑|主\s*编|审\s*核|签\s*发|审\s*稿|核\s*稿|校\s*对)\s*[：:]/u;
const CJK_CLASS = '\\p{Script=Han}\\u3001-\\u303f\\uff01-\\uff60\\u2018-\\u201d\\u2026\\u2014\\u25a0-\\u25ff\\u203b';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\u00a0]+(?=[${CJK_CLASS}0-9])|(?<=[${CJK_CLASS}0-9])[ \\u00a0]+(?=[${CJK_CLASS}])`, 'gu');

/**
 * pdf.js inserts spaces at glyph gaps: between Han characters (`工 作`) and around digits
 * (`5 月 8 日`). They are not in the text; spaces between Latin words are, and stay.
 * U+3000 is kept: it marks a wide gap the normaliser may want (office and date on one line).
 */
export function removeCjkSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '');
}

const PAGE_NUMBER_PATTERNS = [
  /^[-—–－―~～_·•]*\d{1,4}[-—–－―~～_·•]*$/, // 3, -3-, — 3 —, ~3~
  /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/, // 第3页, 第3页共8页
  /^共\d{1,4}页[,，/]?第\d{1,4}页$/,
  /^\d{1,4}[/／]\d{1,4}$/, // 3/8
  /^--\d{1,4}of\d{1,4}--$/i, // pdf-parse's own joiner
  /^page\d{1,4}(?:of\d{1,4})?$/i,
];

export function isPageNumber(text: string): boolean {
  const compact = text.replace(/[\s\u3000]/g, '');
  return compact !== '' && PAGE_NUMBER_PATTERNS.some((re) => re.test(compact));
}

/** How many lines at each end of a page may be furniture. */
const EDGE_LINES = 2;

export interface FurnitureReport {
  pageNumbers: number;
  runningLines: number;
}

/**
 * Removes page numbers and running headers/footers in place. A running line is one whose text,
 * with digits and spaces removed, recurs at the same size and height among the top or bottom
 * lines of at least half the pages (and of two pages at least). Only the two lines at each edge
 * of a page are examined, so body text is safe.
 */
export function removePageFurniture(pages: Line[][]): FurnitureReport {
  const report: FurnitureReport = { pageNumbers: 0, runningLines: 0 };
  const textKey = (line: Line) => line.text.replace(/[\s\u3000\d０-９]/g, '');
  // Size and position are part of the key: a running line sits at the same place on every page,
  // while a masthead title repeating the header's words is larger and lower.
  const keyOf = (line: Line) => (textKey(line) === '' ? '' : `${Math.round(line.size)}|${Math.round(line.y / 3)}|${textKey(line)}`);
  const edgeIndexes = (lines: Line[]) => {
    const set = new Set<number>();
    for (let i = 0; i < Math.min(EDGE_LINES, lines.length); i++) {
      set.add(i);
      set.add(lines.length - 1 - i);
    }
    return [...set];
  };
  const pageCountByKey = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines).map((i) => keyOf(lines[i])).filter((k) => k !== ''));
    for (const k of keys) pageCountByKey.set(k, (pageCountByKey.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  pages.forEach((lines, p) => {
    const remove = new Set<number>();
    for (const i of edgeIndexes(lines)) {
      const line = lines[i];
      if (isPageNumber(line.text)) {
        remove.add(i);
        report.pageNumbers++;
      } else if ((pageCountByKey.get(keyOf(line)) ?? 0) >= threshold && textKey(line).length <= 60) {
        remove.add(i);
        report.runningLines++;
      }
    }
    pages[p] = lines.filter((_, i) => !remove.has(i));
  });
  return report;
}

/** Characters that open a new block when a line starts with them: item glyphs and section marks. */
const BLOCK_START = /^(?:[※【◆◇●○■□▲△★☆•▪➢◎]|(?:报|送|发|抄送|抄报|主送|印发|编辑|责任编辑|审核|签发|联系电话|电话|电子邮箱|邮箱)[:：]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．]|\d+\.(?!\d))/u;
const CJK_EDGE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2018-\u201d\u2026\u2014]/u;

/**
 * Joins a page's lines into paragraphs. A line continues the previous one when the previous line
 * ran to the right margin and this one starts at the left margin; an indented line (Chinese
 * paragraphs open with a two-character indent), a line opening with an item glyph or section
 * mark, a change of font size, or a wider vertical gap starts a new paragraph.
 */
export function linesToParagraphs(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const left = leftMarginEstimate(lines.map((l) => l.x0));
  const right = rightMarginEstimate(lines.map((l) => l.x1));
  const pitches = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((d) => d > 0);
  const pitch = median(pitches) ?? 0;
  const bodySize = dominantSize(lines);
  const centre = (left + right) / 2;
  const paragraphs: string[] = [];
  let current = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const size = Math.max(prev.size, line.size);
    // Chinese line breaking may leave a full line one character short (a pushed-down opening
    // quote), so "full" allows a character's slack; a sentence end with slack closes the paragraph.
    const prevFull = prev.x1 >= right - 1.2 * size && !(SENTENCE_END.test(prev.text) && prev.x1 < right - 0.5 * size);
    const indented = line.x0 > left + 0.9 * line.size;
    const sizeChanged = Math.abs(prev.size - line.size) > 0.08 * size;
    const gap = prev.y - line.y;
    const wideGap = pitch > 0 && gap > pitch * 1.6;
    // A wrapped headline: display-size lines, the second centred under the first.
    const headlineWrap =
      prevFull &&
      !sizeChanged &&
      Math.abs(line.size - bodySize) > 0.08 * bodySize &&
      Math.abs((line.x0 + line.x1) / 2 - centre) <= line.size &&
      !SENTENCE_END.test(prev.text);
    if (headlineWrap) {
      current = joinLines(current, line.text);
    } else if (!prevFull || indented || sizeChanged || wideGap || BLOCK_START.test(line.text) || line.opensBlock) {
      paragraphs.push(current);
      current = line.text;
    } else {
      current = joinLines(current, line.text);
    }
  }
  paragraphs.push(current);
  return paragraphs;
}

const SENTENCE_END = /[。！？；：!?;:…」』”]$/u;

/** The font size most lines of the page use: the body text. */
function dominantSize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function joinLines(a: string, b: string): string {
  const last = a.slice(-1);
  const first = b.charAt(0);
  if (CJK_EDGE.test(last) || CJK_EDGE.test(first)) return a + b;
  if (/[0-9]/.test(last) && /[0-9]/.test(first)) return a + b;
  return `${a} ${b}`;
}

/**
 * The left margin is where continuation lines start. The smallest x alone would let one stray
 * line move it, so take the smallest value shared (within 2pt) by at least two lines.
 */
function leftMarginEstimate(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i + 1] - sorted[i] <= 2) return sorted[i];
  }
  return sorted[0];
}

/**
 * Justified text ends most lines at the right margin exactly; lines that end a paragraph stop
 * short and hanging punctuation pokes past it. So the margin is the most common line end
 * (within 1.5pt), not the largest; a page with no repeated line end falls back to the largest.
 */
function rightMarginEstimate(values: number[]): number {
  let best = -Infinity;
  let bestCount = 1;
  for (const v of values) {
    const count = values.filter((w) => Math.abs(w - v) <= 1.5).length;
    if (count > bestCount || (count === bestCount && count > 1 && v > best)) {
      best = v;
      bestCount = count;
    }
  }
  return bestCount > 1 ? best : Math.max(...values);
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
