/**
 * Entry point of extraction: bytes in, neutral blocks out. The format is sniffed from the bytes
 * (archives are full of renamed files); only files that cannot be read at all throw IngestError,
 * everything readable-but-odd becomes a message on the Extraction.
 */
import type { Config } from '../config.js';
import { IngestError, type Extraction } from '../types.js';
import { checkExtraction, checkTextBytes, exhaustionError } from './bounds.js';
import { extractDoc } from './doc.js';
import { extractDocx } from './docx.js';
import { extractHtml } from './html.js';
import { sniffFormat } from './sniff.js';
import { extractTxt } from './txt.js';

export interface ExtractOptions {
  limits: Config['limits'];
  /** Only used in error messages: the format is never taken from the name. */
  fileName?: string;
}

export async function extract(bytes: Buffer, options: ExtractOptions): Promise<Extraction> {
  const { limits } = options;
  if (bytes.length > limits.maxFileBytes) {
    throw new IngestError('too-large', `The file is ${bytes.length} bytes, over the limit of ${limits.maxFileBytes}.`);
  }
  if (isBlank(bytes)) throw new IngestError('empty-file', bytes.length === 0 ? 'The file is empty (0 bytes).' : 'The file contains only whitespace.');

  const sniffed = sniffFormat(bytes);
  try {
    const extraction = await extractFormat(bytes, sniffed, options);
    checkExtraction(extraction);
    return extraction;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const exhausted = exhaustionError(err);
    if (exhausted) throw exhausted;
    throw new IngestError('internal-error', `Extraction failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

async function extractFormat(bytes: Buffer, sniffed: ReturnType<typeof sniffFormat>, options: ExtractOptions): Promise<Extraction> {
  const { limits } = options;
  switch (sniffed.format) {
    case 'pdf': {
      // pdf.js is large; loading it only when a PDF arrives keeps text/Word-only runs light.
      const { extractPdf } = await import('./pdf.js');
      return await extractPdf(bytes, limits.maxInflatedBytes);
    }
    case 'zip':
      return await extractDocx(bytes, limits.maxInflatedBytes);
    case 'ole':
      return await extractDoc(bytes);
    case 'text':
      checkTextBytes(bytes.length);
      return extractTxt(bytes);
    case 'html':
      checkTextBytes(bytes.length);
      return extractHtml(bytes);
    default: {
      const what = sniffed.description ? `a ${sniffed.description}` : 'not a text, web page, Word or PDF file';
      const subject = options.fileName ? `The file ${options.fileName}` : 'The file';
      throw new IngestError('unknown-format', `${subject} is ${what}; supported formats are .txt, .html, .docx, .doc and .pdf.`);
    }
  }
}

/** 0 bytes, or only ASCII whitespace (possibly after a UTF-8 BOM). UTF-16 blanks are caught in txt. */
function isBlank(bytes: Buffer): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

export type { Extraction };
export { sniffFormat };
