/** The unit the segmenter works on: a normalised block that remembers its raw text. */
import type { Block } from '../types.js';

export interface Line extends Omit<Block, 'text'> {
  /** Text after character and spacing repair. */
  text: string;
  /** Text as extracted (only character-normalised): layout spaces intact, for footer names. */
  raw: string;
  /**
   * Set where web-chrome removal took a page's frame (a breadcrumb, a publish-date line) from between texts:
   * another page of the same file starts at this line. The source index of the frame's first line (the page's
   * publish date may stand in it, above the page's title).
   */
  pageStart?: number;
}
