/**
 * PDF: text with positions from pdf.js (through pdf-parse, which bundles it), assembled into
 * paragraph blocks per page by geometry (see pdf-layout.ts). Never joins across pages: the
 * normaliser does that, knowing the whole document.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
// Before pdf-parse, so it captures the engine's built-ins before pdf.js's core-js replaces them.
import { restoreNativeBuiltins } from './native-builtins.js';
import { PDFParse } from 'pdf-parse';
import { IngestError, message, type Block, type Extraction, type Message } from '../types.js';
import { charStats } from './plausible.js';
import { checkPdfStreams } from './pdf-streams.js';
import { MAX_PDF_PAGE_TEXT_ITEMS, MAX_PDF_TEXT_ITEMS } from './bounds.js';
import { itemsToLines, linesToParagraphs, removePageFurniture, type Line, type TextItem } from './pdf-layout.js';

/** The slice of pdf.js's document API we use (pdf-parse does not re-export its types). */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
type TextContentParams = { includeMarkedContent?: boolean; disableNormalization?: boolean };
interface PdfPage {
  getTextContent(params?: TextContentParams): Promise<{ items: Array<PdfTextItem | { type: string }> }>;
  streamTextContent?(params?: TextContentParams): ReadableStream<{ items: Array<PdfTextItem | { type: string }> }>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

restoreNativeBuiltins();

let pdfjsDirCache: string | undefined;

/**
 * pdf.js needs its CMaps (CJK PDFs without ToUnicode maps) and standard font data as local
 * folders; they ship inside the pdfjs-dist package that pdf-parse depends on. Resolved from
 * pdf-parse's location so a nested (non-hoisted) install is found too.
 */
export function pdfjsDistDir(): string {
  if (pdfjsDirCache) return pdfjsDirCache;
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/package.json');
  } catch {
    pkg = require.resolve('pdfjs-dist/package.json');
  }
  pdfjsDirCache = path.dirname(pkg);
  return pdfjsDirCache;
}

function loadOptions(bytes: Buffer) {
  const dir = pdfjsDistDir();
  return {
    // A copy: pdf.js transfers (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    // Trailing separators matter: pdf.js appends file names to these.
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    useWorkerFetch: false,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  };
}

export async function extractPdf(bytes: Buffer, maxInflatedBytes = 200 * 1024 * 1024): Promise<Extraction> {
  // pdf.js repairs truncated files by scanning for objects and may then return part of the text;
  // a silently partial record is worse than a clear failure.
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new IngestError('corrupt-file', 'The PDF is truncated or damaged: it has no %%EOF end marker.');
  }
  await checkPdfStreams(bytes, maxInflatedBytes * 8);
  const parser = new PDFParse(loadOptions(bytes));
  let abandoned = false;
  try {
    const doc = await loadDocument(parser);
    // The first document loads pdf.js's worker module in this thread, and its core-js with it.
    restoreNativeBuiltins();
    const pageLines: Line[][] = [];
    const budget = { items: MAX_PDF_TEXT_ITEMS };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        const items = await readTextItems(page, n, budget);
        pageLines.push(itemsToLines(items.filter(isTextItem).map(toLayoutItem)));
      } finally {
        page.cleanup();
      }
    }
    return buildExtraction(pageLines, doc.numPages);
  } catch (err) {
    abandoned = true;
    throw toIngestError(err);
  } finally {
    // After a text stream was cut short (too-complex), pdf.js never settles destroy(): not awaited then.
    if (abandoned) void parser.destroy().catch(() => undefined);
    else await parser.destroy();
  }
}

/**
 * A page's text items, read as pdf.js streams them so that a page of millions of text operators
 * (a few KB compressed) is refused as `too-complex` after the first MAX_PDF_PAGE_TEXT_ITEMS, before
 * they fill the heap. `budget` counts down over the whole document.
 */
async function readTextItems(page: PdfPage, pageNumber: number, budget: { items: number }): Promise<Array<PdfTextItem | { type: string }>> {
  const params = { includeMarkedContent: false, disableNormalization: false };
  if (!page.streamTextContent) return (await page.getTextContent(params)).items;
  const reader = page.streamTextContent(params).getReader();
  const items: Array<PdfTextItem | { type: string }> = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    for (const item of value.items) items.push(item);
    budget.items -= value.items.length;
    if (items.length > MAX_PDF_PAGE_TEXT_ITEMS || budget.items < 0) {
      void reader.cancel().catch(() => undefined); // not awaited: pdf.js may never settle it
      const what = items.length > MAX_PDF_PAGE_TEXT_ITEMS ? `page ${pageNumber} draws more than ${MAX_PDF_PAGE_TEXT_ITEMS.toLocaleString('en')}` : `the pages draw more than ${MAX_PDF_TEXT_ITEMS.toLocaleString('en')}`;
      throw new IngestError('too-complex', `The PDF is too complex to read: ${what} pieces of text.`);
    }
  }
}

/**
 * pdf-parse exposes text only, not positions; its private `load()` gives the pdf.js document it
 * manages (and destroys). Guarded so a pdf-parse upgrade that removes it fails loudly in tests.
 */
async function loadDocument(parser: PDFParse): Promise<PdfDocument> {
  const load = (parser as unknown as { load?: () => Promise<PdfDocument> }).load;
  if (typeof load !== 'function') throw new Error('pdf-parse no longer exposes load(); update src/extract/pdf.ts');
  return load.call(parser);
}

function isTextItem(item: PdfTextItem | { type: string }): item is PdfTextItem {
  return 'str' in item && Array.isArray((item as PdfTextItem).transform);
}

function toLayoutItem(item: PdfTextItem): TextItem {
  const [a, b, c, d, e, f] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
  return { str: item.str, x: e, y: f, width: item.width, size };
}

/** Exported for tests: lines per page (already in reading order) → blocks and messages. */
export function buildExtraction(pageLines: Line[][], pageCount: number): Extraction {
  const messages: Message[] = [];
  if (pageCount === 0) throw new IngestError('corrupt-file', 'The PDF has no pages.');
  const furniture = removePageFurniture(pageLines);
  // Checked after furniture removal: scanners often add a text-layer page number to image pages.
  if (pageLines.every((lines) => lines.length === 0)) {
    throw new IngestError('needs-ocr', `The PDF has ${pageCount} page(s) but no text layer: it is scanned images and needs OCR.`);
  }
  if (furniture.pageNumbers + furniture.runningLines > 0) {
    messages.push(
      message('info', 'pdf-page-furniture-removed', `Removed ${furniture.pageNumbers} page number line(s) and ${furniture.runningLines} running header/footer line(s).`),
    );
  }
  const blocks: Block[] = [];
  pageLines.forEach((lines, i) => {
    const page = i + 1;
    const pageText = lines.map((l) => l.text).join('\n');
    if (lines.length === 0) {
      messages.push(message('warning', 'pdf-page-without-text', `Page ${page} has no text (an image or a blank page).`, { page }));
      return;
    }
    const garble = garbleReason(pageText);
    if (garble) {
      messages.push(message('warning', 'pdf-garbled-text', `Page ${page} text looks garbled (${garble}); the PDF's fonts may lack Unicode maps.`, { page }));
    }
    for (const text of linesToParagraphs(lines)) blocks.push({ text, kind: 'paragraph', page, index: blocks.length });
  });
  return { format: 'pdf', blocks, encoding: null, pages: pageCount, messages };
}

/** Why a page's text looks like glyph codes rather than characters, or null when it looks fine. */
export function garbleReason(text: string): string | null {
  const s = charStats(text.replace(/\s/g, ''));
  if (s.total === 0) return null;
  if (s.replacement > 0) return `${s.replacement} U+FFFD replacement character(s)`;
  if (s.privateUse / s.total > 0.02 || s.privateUse >= 5) return `${s.privateUse} private-use character(s)`;
  if (s.control > 0) return `${s.control} control character(s)`;
  if (s.nonAscii >= 10 && s.implausible / s.nonAscii > 0.2) return `${s.implausible} of ${s.nonAscii} non-ASCII characters are unusual`;
  // Fonts without a Unicode map often come out as runs of ASCII punctuation.
  const punct = (text.match(/[!-/:-@[-`{-~]/g) ?? []).length;
  if (s.han === 0 && s.total >= 20 && punct / s.total > 0.4) return 'mostly ASCII punctuation and no Chinese';
  return null;
}

function toIngestError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const name = err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(detail)) {
    return new IngestError('encrypted', 'The PDF is encrypted (password protected) and cannot be read.', { cause: err });
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || /invalid|corrupt|xref|parse|bad/i.test(detail)) {
    return new IngestError('corrupt-file', `The PDF is damaged and cannot be read: ${detail}`, { cause: err });
  }
  return new IngestError('corrupt-file', `The PDF cannot be read: ${detail}`, { cause: err });
}

