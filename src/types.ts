/**
 * The neutral shapes every stage speaks. Nothing after extraction knows the file format:
 * extractors turn bytes into Blocks, later stages only see Blocks and text.
 */

/** Page images (`tiff`, `png`, `jpeg`) are read only by OCR. */
export type SourceFormat = 'txt' | 'docx' | 'pdf' | 'doc' | 'html' | 'tiff' | 'png' | 'jpeg';

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell' | 'rule';

export interface Block {
  /** The block's text, as extracted (normalisation repairs it later). */
  text: string;
  kind: BlockKind;
  /** Heading level (1 = top) for `heading`; nesting level (0 = top) for `listItem`. */
  level?: number;
  /** The glyph Word list numbering draws before a `listItem` (e.g. `◆`), when known. */
  listGlyph?: string;
  /** True when the whole paragraph is bold (a docx "bold lead line" headline). */
  bold?: boolean;
  /** 1-based page for PDF blocks. */
  page?: number;
  /** Position of the block in the source: paragraph/line number, 0-based, increasing. */
  index: number;
  /** OCR'd blocks only: mean Tesseract word confidence (0–100), weighted by characters. */
  confidence?: number;
  /** OCR'd blocks only: Tesseract's confidence in the block's last character (word), 0–100. */
  lastConfidence?: number;
}

/** What was OCR'd and how (src/extract/ocr/). */
export interface OcrInfo {
  engine: 'tesseract';
  version: string;
  /** Tesseract language models, e.g. `chi_sim`. */
  language: string;
  /** Resolution PDF pages were rendered at; null for page images (read at their own). */
  dpi: number | null;
  /** Each OCR'd page with its mean word confidence (0–100), null when nothing was read on it. */
  pages: Array<{ page: number; confidence: number | null }>;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  severity: Severity;
  /** Stable kebab-case code, e.g. `item-without-date`, `pdf-garbled-text`. */
  code: string;
  message: string;
  page: number | null;
  /** Character offset (into the item text, or the block index when no text offset applies). */
  offset: number | null;
}

/**
 * The date a web page says it was published (`发布日期：2023-03-03 17:01`, `<meta name="PubDate">`):
 * evidence for the year of month-day dates and for 昨日/今日 when the text has no masthead date.
 * Found by src/normalise/web-chrome.ts in text, or by the HTML extractor in the page's metadata.
 */
export interface PageDate {
  /** ISO date YYYY-MM-DD. */
  date: string;
  /** HH:MM when printed with the date, else null. */
  time: string | null;
  /** The printed date as found (`2023-03-03 17:01`). */
  text: string;
  /** The label the date stood under (`发布日期`, `时间`), or null (a date opening the line, or page metadata). */
  label: string | null;
  /**
   * `meta-line`: a meta line of the text; `html-meta`: the page's `<meta>` publish date; `dateline`: a newspaper
   * page's date printed with its weekday (`2018年04月10日 星期二`), which stays in the text for the masthead.
   */
  source: 'meta-line' | 'html-meta' | 'dateline';
  /**
   * The source position (Block.index) of the meta line, or null for page metadata. Items carry the same
   * numbering in `provenance.paragraph`: in a file holding several pages, an item belongs to the page date
   * printed last before it.
   */
  at: number | null;
}

export interface Extraction {
  format: SourceFormat;
  blocks: Block[];
  /** txt and html only: the encoding the bytes were decoded with. */
  encoding: string | null;
  /** pdf and page images: page count. */
  pages: number | null;
  messages: Message[];
  /** html only: the publish date the page's metadata gives (`<meta name="PubDate">`), when it does. */
  pageDate?: PageDate | null;
  /** Set when some or all of the text came from OCR: later stages then apply OCR repairs to it. */
  ocr?: OcrInfo;
}

export const INGEST_ERROR_CODES = [
  'empty-file',
  'unknown-format',
  'corrupt-file',
  'encrypted',
  'needs-ocr',
  'undecodable-text',
  'too-large',
  'too-complex',
  'zip-bomb',
  'timeout',
  'interrupted',
  'read-failed',
  'internal-error',
  /** A queue worker (src/queue/) read other bytes than the coordinator hashed. */
  'changed-during-run',
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

/** The only thing a stage may throw: the file cannot be read at all. Everything else is a Message. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  constructor(code: IngestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IngestError';
    this.code = code;
  }
}

export function message(
  severity: Severity,
  code: string,
  text: string,
  where: { page?: number | null; offset?: number | null } = {},
): Message {
  return { severity, code, message: text, page: where.page ?? null, offset: where.offset ?? null };
}
