/**
 * Decides a file's format from its first bytes, never from its name: archives are full of
 * files renamed by hand (a .docx saved as .pdf, a .doc renamed .docx).
 */
import { charStats } from './plausible.js';

export type SniffedFormat = 'pdf' | 'zip' | 'ole' | 'text' | 'html' | 'unknown';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Well-known binary formats we refuse by name, so the error says what the file is. */
const KNOWN_BINARY: Array<{ name: string; magic: Buffer }> = [
  { name: 'PNG image', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  { name: 'JPEG image', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { name: 'GIF image', magic: Buffer.from('GIF8', 'latin1') },
  { name: 'TIFF image', magic: Buffer.from([0x49, 0x49, 0x2a, 0x00]) },
  { name: 'TIFF image', magic: Buffer.from([0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'BMP image', magic: Buffer.from('BM', 'latin1') },
  { name: 'RAR archive', magic: Buffer.from('Rar!', 'latin1') },
  { name: '7z archive', magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { name: 'gzip archive', magic: Buffer.from([0x1f, 0x8b]) },
  { name: 'RTF document', magic: Buffer.from('{\\rtf', 'latin1') },
];

export interface SniffResult {
  format: SniffedFormat;
  /** Human-readable description when the format is a known one we do not support. */
  description?: string;
}

export function sniffFormat(bytes: Buffer): SniffResult {
  // PDF writers may put junk before the header; readers accept it within the first KiB.
  if (bytes.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') !== -1) return { format: 'pdf' };
  // PK\3\4 is a local file header; PK\5\6 is an empty archive's end record (a corrupt docx at best).
  if (startsWith(bytes, Buffer.from([0x50, 0x4b, 0x03, 0x04])) || startsWith(bytes, Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    return { format: 'zip' };
  }
  if (startsWith(bytes, OLE_MAGIC)) return { format: 'ole' };
  for (const known of KNOWN_BINARY) {
    // 'BM' is two printable letters: only trust it when the text test below would fail anyway.
    if (startsWith(bytes, known.magic) && (known.name !== 'BMP image' || !looksLikeText(bytes))) {
      return { format: 'unknown', description: known.name };
    }
  }
  if (looksLikeText(bytes)) {
    if (looksLikeHtml(bytes)) return { format: 'html' };
    const markup = markupDescription(bytes);
    return markup ? { format: 'unknown', description: markup } : { format: 'text' };
  }
  return { format: 'unknown' };
}

/** The first KiB as characters: UTF-16 by its BOM, anything ASCII-compatible as latin1; BOM and leading blanks gone. */
function headText(bytes: Buffer): string {
  const head = bytes.subarray(0, 1024);
  const text =
    head[0] === 0xff && head[1] === 0xfe ? head.toString('utf16le') : head[0] === 0xfe && head[1] === 0xff ? Buffer.from(head).swap16().toString('utf16le') : head.toString('latin1');
  return text.replace(/^(?:\ufeff|\xef\xbb\xbf)/, '').trimStart();
}

/**
 * A web page: its first tag (after an XML declaration and comments, which site builders put
 * first) is a doctype or one of the elements a page opens with. This is a magic-number test on
 * the first bytes; the page itself is read by an HTML parser (html.ts).
 */
function looksLikeHtml(bytes: Buffer): boolean {
  const head = headText(bytes).replace(/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '');
  return /^(?:<!DOCTYPE\s+html|<(?:html|head|body|meta|title)[\s>/])/i.test(head);
}

/**
 * Text that is really other markup: MHTML archives and Word 2003 XML are often saved with a .doc
 * name on government sites. Read as plain text they would turn tags into blocks, so they are
 * refused by name instead.
 */
function markupDescription(bytes: Buffer): string | undefined {
  const head = headText(bytes);
  if (/^MIME-Version:/i.test(head)) return 'MHTML web archive';
  if (/^<\?xml[^>]*>\s*(?:<\?mso-application[^>]*Word\.Document)/i.test(head)) return 'Word 2003 XML document';
  return undefined;
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/**
 * Text in any encoding we read has (almost) no C0 control bytes, except in UTF-16 where every
 * ASCII character carries a NUL. Random or binary data has ~12% of them.
 */
export function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length === 0) return false;
  if (hasUtf16Bom(sample) || utf16ByteOrderWithoutBom(sample) !== null) return true;
  let controls = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
    else if (b === 0x7f) controls++;
  }
  return controls / sample.length < 0.005;
}

export function hasUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * UTF-16 without a BOM: text in UTF-8 or GB18030 never contains NUL bytes, UTF-16 text almost
 * always does (the high byte of every ASCII character, newlines at least). When NULs are present
 * we decode both byte orders strictly and keep the one that reads as plausible text.
 * Returns null when neither does.
 */
export function utf16ByteOrderWithoutBom(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length < 2 || sample.length % 2 !== 0 || !sample.includes(0)) return null;
  let best: { order: 'utf-16le' | 'utf-16be'; score: number } | null = null;
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    let text: string;
    try {
      text = new TextDecoder(order, { fatal: true }).decode(sample, { stream: true });
    } catch {
      continue;
    }
    const stats = charStats(text);
    if (stats.total === 0 || stats.control > 0) continue;
    const score = 1 - stats.implausible / stats.total;
    if (score >= 0.95 && (!best || score > best.score)) best = { order, score };
  }
  return best?.order ?? null;
}
