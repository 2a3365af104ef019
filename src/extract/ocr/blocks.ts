/**
 * OCR lines → the PDF extractor's layout lines (so page furniture and paragraphs are found by the
 * same geometry as for text PDFs), and back: each paragraph block gets the mean confidence of the
 * OCR lines it was made of, and the confidence of its last character.
 */
import { message, type Block, type Extraction, type Message } from '../../types.js';
import { linesToParagraphs, removePageFurniture, type Line } from '../pdf-layout.js';
import { meanConfidence, round1, SWALLOWED_GLYPH, type OcrLine } from './tsv.js';

/** A layout line that remembers its OCR confidence. */
export interface OcrLayoutLine extends Line {
  confidence: number;
  chars: number;
  lastConfidence?: number;
}

/**
 * Pixels → points (pdf-layout thresholds are in font sizes, but its running-line key rounds y in
 * points), and y turned upwards as in PDF space: the baseline is the box's bottom.
 */
export function toLayoutLines(lines: OcrLine[], dpi: number): OcrLayoutLine[] {
  const k = 72 / dpi;
  return lines.map((l) => ({
    text: l.text,
    x0: l.x0 * k,
    x1: l.x1 * k,
    y: -l.bottom * k,
    size: (l.bottom - l.top) * k,
    confidence: l.confidence,
    chars: l.chars,
    lastConfidence: l.lastConfidence,
    ...(l.text.startsWith(SWALLOWED_GLYPH) ? { opensBlock: true } : {}),
  }));
}

const squashedLength = (s: string): number => s.replace(/[\s\u3000]/g, '').length;

/**
 * Paragraph blocks are consecutive lines joined: walking both in order, each block takes lines until
 * it has their characters, and gets their mean confidence.
 */
export function attachConfidence(blocks: Block[], page: number, lines: OcrLayoutLine[]): void {
  let next = 0;
  for (const block of blocks) {
    if (block.page !== page) continue;
    const want = squashedLength(block.text);
    const taken: OcrLayoutLine[] = [];
    let have = 0;
    while (next < lines.length && (have < want || taken.length === 0)) {
      taken.push(lines[next]);
      have += squashedLength(lines[next].text);
      next++;
    }
    const c = meanConfidence(taken);
    if (c !== null) block.confidence = c;
    const last = taken[taken.length - 1]?.lastConfidence;
    if (last !== undefined) block.lastConfidence = last;
  }
}

/** Page images (one or many pages) → an Extraction, as buildExtraction does for PDF pages. */
export function imageExtraction(
  format: 'tiff' | 'png' | 'jpeg',
  pages: OcrLayoutLine[][],
  pageMessages: Message[],
): Extraction {
  const messages = [...pageMessages];
  const furniture = removePageFurniture(pages);
  if (furniture.pageNumbers + furniture.runningLines > 0) {
    messages.push(message('info', 'ocr-page-furniture-removed', `Removed ${furniture.pageNumbers} page number line(s) and ${furniture.runningLines} running header/footer line(s).`));
  }
  const blocks: Block[] = [];
  pages.forEach((lines, i) => {
    const page = i + 1;
    if (lines.length === 0) return;
    for (const text of linesToParagraphs(lines)) blocks.push({ text, kind: 'paragraph', page, index: blocks.length });
    attachConfidence(blocks, page, lines as OcrLayoutLine[]);
  });
  return { format, blocks, encoding: null, pages: pages.length, messages };
}

/** Per-page confidence messages: pages Tesseract could not read, pages read poorly. */
export function pageConfidence(page: number, lines: OcrLayoutLine[] | null, lowConfidence: number, failure?: string): { confidence: number | null; messages: Message[] } {
  if (failure) return { confidence: null, messages: [message('error', 'ocr-page-failed', `Page ${page} could not be OCR'd: ${failure}.`, { page })] };
  const confidence = lines ? meanConfidence(lines) : null;
  if (confidence === null) return { confidence, messages: [message('warning', 'ocr-page-empty', `OCR found no text on page ${page}.`, { page })] };
  const messages = confidence < lowConfidence
    ? [message('warning', 'ocr-low-confidence-page', `Page ${page} was OCR'd with a mean confidence of ${round1(confidence)} (below ${lowConfidence}): check it against the scan.`, { page })]
    : [];
  return { confidence, messages };
}
