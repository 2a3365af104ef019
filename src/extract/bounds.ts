/**
 * Fixed bounds on one document, beyond the configurable limits (limits.*): what no bulletin comes
 * near (the largest we have seen holds ~60k characters in ~400 paragraphs), and what keeps a
 * worker's memory far below its heap cap. A file past them fails at once with a typed, permanent
 * error — `too-large` (too much text) or `too-complex` (too many parts, too deeply nested) — instead
 * of exhausting the heap after a minute and being retried on every run as an `internal-error`.
 * They are part of the tool version: a file refused is tried again when the tool changes.
 */
import { IngestError, type Extraction } from '../types.js';

/** Characters of text in one document (~1,000 pages of Chinese; the pipeline needs ~250 bytes a character at peak). */
export const MAX_DOCUMENT_CHARS = 2_000_000;
/** Paragraphs (blocks) in one document. */
export const MAX_BLOCKS = 20_000;
/** Bytes of a plain-text file: 2M characters in any encoding fit in 8 MiB, so anything larger is refused before decoding. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** Elements in one XML part, and how deep they may nest (Word nests ~20 deep; a table in a table in a table ~40). */
export const MAX_XML_ELEMENTS = 1_000_000;
export const MAX_XML_DEPTH = 256;
/** Pieces of text pdf.js reports for one page (a dense page has ~3,000) and for a whole PDF (~250 a page in bulletins). */
export const MAX_PDF_PAGE_TEXT_ITEMS = 20_000;
export const MAX_PDF_TEXT_ITEMS = 300_000;
/** One PDF stream may inflate to at most this, all of a PDF's streams together to at most 8×. */
export const MAX_PDF_STREAM_INFLATED = 256 * 1024 * 1024;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

export function checkTextBytes(bytes: number): void {
  if (bytes > MAX_TEXT_BYTES) {
    throw new IngestError('too-large', `The text file is ${mib(bytes)}, over the ${mib(MAX_TEXT_BYTES)} a bulletin can take (about ${MAX_DOCUMENT_CHARS.toLocaleString('en')} characters).`);
  }
}

/** After extraction: refuses a document too big for the later stages. */
export function checkExtraction(extraction: Extraction): void {
  if (extraction.blocks.length > MAX_BLOCKS) {
    throw new IngestError('too-complex', `The document has ${extraction.blocks.length.toLocaleString('en')} paragraphs, over the ${MAX_BLOCKS.toLocaleString('en')} a bulletin can take.`);
  }
  let chars = 0;
  for (const block of extraction.blocks) chars += block.text.length;
  if (chars > MAX_DOCUMENT_CHARS) {
    throw new IngestError('too-large', `The document holds ${chars.toLocaleString('en')} characters of text, over the ${MAX_DOCUMENT_CHARS.toLocaleString('en')} a bulletin can take.`);
  }
}

/**
 * A linear scan of an XML part's tags before it is parsed: refuses one with too many elements or
 * nested too deeply (which would overflow a recursive walk). Malformed input is left to the parser.
 */
export function checkXmlShape(xml: string, part: string): void {
  let depth = 0;
  let elements = 0;
  for (let lt = xml.indexOf('<'); lt !== -1; lt = xml.indexOf('<', lt + 1)) {
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      depth--;
      continue;
    }
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) continue;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) return;
    if (xml.charCodeAt(gt - 1) !== 0x2f /* self-closing */ && ++depth > MAX_XML_DEPTH) {
      throw new IngestError('too-complex', `The part ${part} nests elements more than ${MAX_XML_DEPTH} deep.`);
    }
    if (++elements > MAX_XML_ELEMENTS) {
      throw new IngestError('too-complex', `The part ${part} has more than ${MAX_XML_ELEMENTS.toLocaleString('en')} elements.`);
    }
  }
}

/**
 * What a library's own exhaustion means for the file: a stack overflow is a document nested too
 * deeply, a string or buffer too large to allocate is too much content. Null for anything else.
 */
export function exhaustionError(err: unknown): IngestError | null {
  if (!(err instanceof RangeError)) return null;
  if (/call stack/i.test(err.message)) return new IngestError('too-complex', 'The document is nested too deeply to read (the reader ran out of stack).', { cause: err });
  if (/Invalid (string|array|typed array) length|allocation failed|ERR_BUFFER_TOO_LARGE|Cannot create a string longer/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`)) {
    return new IngestError('too-large', `The document holds more content than can be read: ${err.message}`, { cause: err });
  }
  return null;
}
