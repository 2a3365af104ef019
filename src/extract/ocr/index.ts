/**
 * OCR of scans: pages of image-only PDFs (only the pages without a text layer) rendered with
 * poppler's pdftoppm, and page images (.tif/.tiff, .png, .jpg) read as they are, each through the
 * Tesseract CLI (./tesseract.ts) with TSV output, so lines keep positions and word confidences.
 * Pages run in parallel, one single-threaded Tesseract process each, `processes` at a time; every
 * page has its own time limit and reports progress. Temporary images live in a private temp folder
 * removed afterwards, whatever happens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import { IngestError, type Extraction, type Message, type OcrInfo } from '../../types.js';
import type { Line } from '../pdf-layout.js';
import { attachConfidence, imageExtraction, pageConfidence, toLayoutLines, type OcrLayoutLine } from './blocks.js';
import { ocrImageFile, POPPLER_PACKAGE, requireTesseract, resolveLanguages, run } from './tesseract.js';
import { glyphShape } from './glyph.js';
import { readGreyPng, type GreyImage } from './png.js';
import { parseTsv, type GlyphReader, type OcrLine } from './tsv.js';

export type OcrConfig = Config['ocr'];

/** Called after each OCR'd page (the batch shows it as progress and counts it as a sign of life). */
export type OnOcrPage = (done: number, total: number) => void;

export interface OcrOptions {
  ocr: OcrConfig;
  onPage?: OnOcrPage;
}

/** Resolution assumed for page images when only geometry needs it (furniture keys). */
const IMAGE_DPI_GUESS = 300;

/** What OCR gives a partly or wholly scanned PDF: lines for its empty pages and a finishing step. */
export interface PdfOcrFill {
  lines: Map<number, Line[]>;
  /** Why pages could not be OCR'd (one entry per failed page). */
  failures: string[];
  /**
   * Adds confidences, OCR provenance and page messages to the extraction built from all pages;
   * `pageLines` are the lines per page as the extraction left them (page furniture removed).
   */
  complete(extraction: Extraction, pageLines: Line[][]): void;
}

export function processesFor(ocr: OcrConfig): number {
  return ocr.processes ?? Math.max(1, os.availableParallelism());
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'bulletin-ocr-'));
  try {
    return await fn(dir);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` over `items`, `limit` at a time, results in order. */
async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Reads item glyphs from a PNG page image (./glyph.ts), decoding it at the first word that may be
 * one (~0.2 s a page; a page with no such word is never decoded).
 */
function glyphReader(png: Buffer): GlyphReader {
  let image: GreyImage | null | undefined;
  return (box, lineHeight) => {
    image ??= readGreyPng(png);
    return image ? (glyphShape(image, box, lineHeight)?.glyph ?? null) : null;
  };
}

const glyphsFromImage = (lines: OcrLine[]): number => lines.filter((l) => l.glyphFromImage).length;

/** The message saying how many item glyphs were read from their shape in the image, when any were. */
function glyphNote(count: number): Message[] {
  return count > 0
    ? [{ severity: 'info', code: 'ocr-glyphs-from-image', message: `${count} item glyph(s) (◆ ● ○ ▲ ■ …) that Tesseract cannot read were read from the shape of their ink on the page image.`, page: null, offset: null }]
    : [];
}

/** The message saying OCR read without the Han script model, when it did. */
function modelNote(note: string | null): Message[] {
  return note ? [{ severity: 'info', code: 'ocr-model-missing', message: note, page: null, offset: null }] : [];
}

async function requirePoppler(): Promise<void> {
  try {
    await run('pdftoppm', ['-v'], { timeoutMs: 10_000 });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') {
      throw new IngestError('needs-ocr', `OCR of PDF pages needs pdftoppm, which is not installed: apt-get install -y ${POPPLER_PACKAGE}`);
    }
  }
}

/** OCRs the given 1-based pages of a PDF. */
export async function ocrPdfPages(bytes: Buffer, pages: number[], options: OcrOptions): Promise<PdfOcrFill> {
  const { ocr } = options;
  const install = await requireTesseract(ocr.languages);
  const { languages, note } = resolveLanguages(ocr.languages, install);
  await requirePoppler();
  let done = 0;
  options.onPage?.(0, pages.length); // OCR starts: the batch gives the file a page's time from now
  const results = await withTempDir(async (dir) => {
    const pdf = path.join(dir, 'source.pdf');
    await fs.promises.writeFile(pdf, bytes);
    return inParallel(pages, processesFor(ocr), async (page) => {
      const png = path.join(dir, `page-${page}`);
      let outcome: { lines: OcrLayoutLine[] | null; failure?: string; glyphs?: number };
      try {
        await run('pdftoppm', ['-r', String(ocr.dpi), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, png], { timeoutMs: ocr.pageTimeoutMs });
        const read = await ocrImageFile(`${png}.png`, { languages, psm: ocr.psm, timeoutMs: ocr.pageTimeoutMs, dpi: ocr.dpi });
        const pixels = read.ok ? await fs.promises.readFile(`${png}.png`) : null;
        await fs.promises.rm(`${png}.png`, { force: true });
        // Item glyphs Tesseract cannot read are read from the page's pixels (./glyph.ts).
        const readGlyph = pixels ? glyphReader(pixels) : undefined;
        const parsed = read.ok ? (parseTsv(read.tsv, readGlyph)[0]?.lines ?? []) : [];
        outcome = read.ok ? { lines: toLayoutLines(parsed, ocr.dpi), glyphs: glyphsFromImage(parsed) } : { lines: null, failure: read.reason };
      } catch (err) {
        const e = err as { killed?: boolean; message?: string };
        outcome = { lines: null, failure: e.killed ? `rendering gave up after ${ocr.pageTimeoutMs} ms` : `rendering failed: ${e.message ?? String(err)}` };
      }
      options.onPage?.(++done, pages.length);
      return { page, ...outcome };
    });
  });
  const lines = new Map<number, Line[]>(results.map((r) => [r.page, r.lines ?? []]));
  return {
    lines,
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
    complete(extraction, pageLines) {
      const messages: Message[] = [];
      const info: OcrInfo = { engine: 'tesseract', version: install.version, language: languages, dpi: ocr.dpi, pages: [] };
      for (const r of results) {
        const { confidence, messages: m } = pageConfidence(r.page, r.lines, ocr.lowConfidence, r.failure);
        info.pages.push({ page: r.page, confidence });
        messages.push(...m);
      }
      // Blocks of OCR'd pages: their confidence from the lines furniture removal left on the page.
      for (const r of results) {
        if (r.lines) attachConfidence(extraction.blocks, r.page, (pageLines[r.page - 1] ?? []) as OcrLayoutLine[]);
      }
      extraction.messages = extraction.messages.filter((m) => !(m.code === 'pdf-page-without-text' && lines.has(m.page ?? 0)));
      extraction.messages.push(
        { severity: 'info', code: 'ocr-pages', message: `OCR'd ${pages.length} of ${extraction.pages ?? pages.length} page(s) (${pages.join(', ')}) with Tesseract ${install.version} (${languages}, ${ocr.dpi} dpi).`, page: null, offset: null },
        ...modelNote(note),
        ...glyphNote(results.reduce((n, r) => n + (r.glyphs ?? 0), 0)),
        ...messages,
      );
      extraction.ocr = info;
    },
  };
}

/** Pages in a TIFF: the chain of image directories (IFDs), so each page gets its own Tesseract run. */
export function tiffPageCount(bytes: Buffer): number {
  const le = bytes[0] === 0x49;
  const u16 = (o: number) => (le ? bytes.readUInt16LE(o) : bytes.readUInt16BE(o));
  const u32 = (o: number) => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o));
  let count = 0;
  const seen = new Set<number>();
  for (let offset = u32(4); offset > 0 && offset + 2 <= bytes.length && !seen.has(offset) && count < 10_000; ) {
    seen.add(offset);
    count++;
    const entries = u16(offset);
    const nextAt = offset + 2 + entries * 12;
    if (nextAt + 4 > bytes.length) break;
    offset = u32(nextAt);
  }
  return Math.max(1, count);
}

/** OCRs a page image (every page of a multi-page TIFF) into an Extraction. */
export async function ocrImage(bytes: Buffer, format: 'tiff' | 'png' | 'jpeg', options: OcrOptions): Promise<Extraction> {
  const { ocr } = options;
  const install = await requireTesseract(ocr.languages);
  const { languages, note } = resolveLanguages(ocr.languages, install);
  const pageCount = format === 'tiff' ? tiffPageCount(bytes) : 1;
  let done = 0;
  options.onPage?.(0, pageCount);
  const reads = await withTempDir(async (dir) => {
    const file = path.join(dir, `page.${format === 'jpeg' ? 'jpg' : format}`);
    await fs.promises.writeFile(file, bytes);
    const numbers = Array.from({ length: pageCount }, (_, i) => i);
    // One run per page (Tesseract's tessedit_page_number picks a TIFF page), in parallel.
    return inParallel(numbers, processesFor(ocr), async (index) => {
      const read = await ocrImageFile(file, { languages, psm: ocr.psm, timeoutMs: ocr.pageTimeoutMs, page: pageCount > 1 ? index : undefined });
      options.onPage?.(++done, pageCount);
      return read;
    });
  });
  const failures = reads.flatMap((r) => (r.ok ? [] : [r.reason]));
  if (failures.length === reads.length) {
    const code = failures.some((f) => /gave up/.test(f)) ? 'timeout' : 'read-failed';
    throw new IngestError(code, `The ${format.toUpperCase()} image could not be OCR'd: ${failures[0]}.`);
  }
  const info: OcrInfo = { engine: 'tesseract', version: install.version, language: languages, dpi: null, pages: [] };
  const messages: Message[] = [];
  // A PNG page's pixels are at hand for reading item glyphs (TIFF and JPEG are not decoded here).
  const readGlyph = format === 'png' ? glyphReader(bytes) : undefined;
  let glyphs = 0;
  const pages: OcrLayoutLine[][] = reads.map((read, i) => {
    const parsed = read.ok ? (parseTsv(read.tsv, readGlyph)[0]?.lines ?? []) : [];
    glyphs += glyphsFromImage(parsed);
    const lines = toLayoutLines(parsed, IMAGE_DPI_GUESS);
    const { confidence, messages: m } = pageConfidence(i + 1, read.ok ? lines : null, ocr.lowConfidence, read.ok ? undefined : read.reason);
    info.pages.push({ page: i + 1, confidence });
    messages.push(...m);
    return lines;
  });
  const extraction = imageExtraction(format, pages, messages);
  if (extraction.blocks.length === 0) throw new IngestError('needs-ocr', `OCR found no text in the ${format.toUpperCase()} image.`);
  extraction.messages.unshift({ severity: 'info', code: 'ocr-pages', message: `OCR'd ${pages.length} page(s) with Tesseract ${install.version} (${languages}).`, page: null, offset: null }, ...modelNote(note), ...glyphNote(glyphs));
  extraction.ocr = info;
  return extraction;
}
