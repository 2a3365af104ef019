/**
 * Turns extracted blocks into segmenter lines: characters normalised, spacing repaired, blocks with
 * soft line breaks split into lines, empty lines dropped. Line-break repair needs to know where the
 * structures are, so it runs later, inside segmentation (see repairLineBreaks).
 */
import type { Block } from '../types.js';
import type { Line } from '../segment/lines.js';
import { normaliseCharacters } from './characters.js';
import { repairSpacing } from './spacing.js';

export function toLines(blocks: Block[]): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    const parts = normaliseCharacters(block.text).split('\n');
    parts.forEach((part, k) => {
      const text = repairSpacing(part);
      if (!text && block.kind !== 'rule') return;
      const line: Line = { ...block, text, raw: part };
      // An OCR block's last-character confidence belongs to its last line only.
      if (k < parts.length - 1) delete line.lastConfidence;
      // Only the first line of a Word list paragraph carries the bullet.
      if (k > 0 && block.kind === 'listItem') {
        line.kind = 'paragraph';
        delete line.listGlyph;
      }
      lines.push(line);
    });
  }
  return lines;
}
