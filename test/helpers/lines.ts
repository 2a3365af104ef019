/** Builds segmenter lines from plain strings, the way the txt extractor + normalisation would. */
import type { Block } from '../../src/types.js';
import { toLines } from '../../src/normalise/index.js';
import type { Line } from '../../src/segment/lines.js';

export function blocksFrom(texts: Array<string | Partial<Block>>): Block[] {
  return texts.map((t, index) => (typeof t === 'string' ? { text: t, kind: 'paragraph', index } : { kind: 'paragraph', text: '', ...t, index }));
}

export function linesFrom(texts: Array<string | Partial<Block>>): Line[] {
  return toLines(blocksFrom(texts));
}
