/** OCR'd lines for the repair tests: `[text, page, confidence?]` each, a paragraph with its confidence (90 unless given). */
import { parseConfig } from '../../src/config.js';
import { finishOcrSegments, repairOcrLines } from '../../src/normalise/ocr-repair.js';
import { segment } from '../../src/segment/index.js';
import type { Line } from '../../src/segment/lines.js';

export const ocrLines = (texts: Array<[string, number, number?]>): Line[] =>
  texts.map(([text, page, confidence = 90], index) => ({ text, raw: text, kind: 'paragraph', page, index, confidence }));

/** Repairs the lines as OCR'd and segments them with the default markers, as analyse.ts does. */
export const ocrItemsOf = (input: Line[]) => {
  const repair = repairOcrLines(input, parseConfig({}).markers);
  return finishOcrSegments(segment(repair.lines, repair.markers), repair);
};
