/**
 * Resource bombs: files small on disk that would take gigabytes or minutes to read are refused at
 * once with a typed, permanent error (`too-large`, `too-complex`, `zip-bomb`).
 */
import { describe, expect, it } from 'vitest';
import {
  checkXmlShape,
  exhaustionError,
  MAX_BLOCKS,
  MAX_DOCUMENT_CHARS,
  MAX_PDF_PAGE_TEXT_ITEMS,
  MAX_TEXT_BYTES,
  MAX_XML_DEPTH,
} from '../../src/extract/bounds.js';
import { extract } from '../../src/extract/index.js';
import { IngestError } from '../../src/types.js';
import { makeFlatePdf, manyTextOperators } from './helpers/flate-pdf.js';
import { limits } from './helpers/limits.js';
import { makeRawDocx } from './helpers/zip.js';

/** The error code and how long it took to get it. */
async function refusal(bytes: Buffer): Promise<{ code: string | null; message: string; ms: number }> {
  const started = performance.now();
  try {
    await extract(bytes, { limits });
    return { code: null, message: 'read', ms: performance.now() - started };
  } catch (err) {
    return { code: err instanceof IngestError ? err.code : `not typed: ${String(err)}`, message: (err as Error).message, ms: performance.now() - started };
  }
}

describe('bounds on one document', () => {
  it('refuses a text file over MAX_TEXT_BYTES before decoding it, as too-large', async () => {
    const r = await refusal(Buffer.alloc(MAX_TEXT_BYTES + 1, '政'));
    expect(r).toMatchObject({ code: 'too-large', message: expect.stringContaining('over the 8 MiB a bulletin can take') });
  });

  it('refuses a text bulletin with more characters than MAX_DOCUMENT_CHARS, as too-large', async () => {
    const paragraph = `${'九三学社'.repeat(50)}\n`;
    const r = await refusal(Buffer.from(paragraph.repeat(Math.ceil(MAX_DOCUMENT_CHARS / 200) + 10)));
    expect(r).toMatchObject({ code: 'too-large', message: expect.stringContaining('characters of text') });
  });

  it('refuses a text with more paragraphs than MAX_BLOCKS, as too-complex', async () => {
    const r = await refusal(Buffer.from('◆一条。\n\n'.repeat(MAX_BLOCKS + 1)));
    expect(r).toMatchObject({ code: 'too-complex', message: expect.stringContaining('paragraphs') });
  });

  it('refuses a docx of 400k paragraphs from its XML before building them, as too-complex', async () => {
    // Stored, not deflated: so repetitive a part would otherwise be refused as a zip bomb first.
    const docx = makeRawDocx('<w:p><w:r><w:t>一</w:t></w:r></w:p>'.repeat(400_000), { store: true });
    const r = await refusal(docx);
    expect(r).toMatchObject({ code: 'too-complex', message: expect.stringContaining('elements') });
  });

  it('refuses deeply nested XML as too-complex, with no stack overflow', async () => {
    const depth = 100_000;
    const docx = makeRawDocx(`${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p><w:r><w:t>一</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}`, { store: true });
    const r = await refusal(docx);
    expect(r).toMatchObject({ code: 'too-complex', message: expect.stringContaining(`more than ${MAX_XML_DEPTH} deep`) });
    expect(() => checkXmlShape('<a><b/><c></c></a>', 'x.xml')).not.toThrow();
  });

  it('refuses a small PDF whose one stream inflates to hundreds of MB as a zip-bomb, before pdf.js inflates it', async () => {
    const pdf = makeFlatePdf(Buffer.alloc(300 * 2 ** 20, 0x20));
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const r = await refusal(pdf);
    expect(r).toMatchObject({ code: 'zip-bomb', message: expect.stringContaining('inflates past 256 MiB') });
  });

  it('refuses a PDF page drawing a hundred thousand pieces of text as too-complex, after the first MAX_PDF_PAGE_TEXT_ITEMS', async () => {
    const pdf = makeFlatePdf(manyTextOperators(100_000));
    const r = await refusal(pdf);
    expect(r).toMatchObject({ code: 'too-complex', message: expect.stringContaining(`more than ${MAX_PDF_PAGE_TEXT_ITEMS.toLocaleString('en')} pieces of text`) });
  });

  it('still reads a PDF drawn the same way with a few hundred pieces of text', async () => {
    const r = await refusal(makeFlatePdf(manyTextOperators(300)));
    expect(r.code).toBeNull();
  });
});

describe('exhaustionError', () => {
  it('calls a stack overflow too-complex and an impossible allocation too-large; anything else is not its business', () => {
    const overflow = (): number => overflow() + 1;
    let stack: unknown;
    try {
      overflow();
    } catch (err) {
      stack = err;
    }
    expect(exhaustionError(stack)?.code).toBe('too-complex');
    expect(exhaustionError(new RangeError('Invalid string length'))?.code).toBe('too-large');
    expect(exhaustionError(new RangeError('Invalid time value'))).toBeNull();
    expect(exhaustionError(new Error('Maximum call stack size exceeded'))).toBeNull();
  });
});
