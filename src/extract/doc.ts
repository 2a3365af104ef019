/**
 * Legacy Word 97–2003 (.doc, an OLE compound file) through word-extractor. The format's list
 * numbering is not recovered (Word draws it; the text stream lacks it), so Word-made item glyphs
 * are lost; glyphs typed as text survive. Headers and footers are separate streams, not read.
 */
import WordExtractor from 'word-extractor';
import { IngestError, message, type Block, type Extraction, type Message } from '../types.js';

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

export async function extractDoc(bytes: Buffer): Promise<Extraction> {
  // OLE directory entries name their streams in UTF-16LE; no full OLE parse is needed to tell
  // an encrypted Office 2007+ file, or an Excel/PowerPoint file, from a Word document.
  if (bytes.includes(utf16('EncryptedPackage'))) {
    throw new IngestError('encrypted', 'The file is an encrypted (password-protected) Office document.');
  }
  if (!bytes.includes(utf16('WordDocument'))) {
    throw new IngestError('unknown-format', 'The file is an OLE compound file (old Office format) but not a Word document.');
  }
  let body: string;
  let textboxes: string;
  try {
    const doc = await new WordExtractor().extract(bytes);
    // filterUnicode would turn “ ” ‘ ’ into ASCII quotes; keep the text as written.
    body = doc.getBody({ filterUnicode: false });
    textboxes = doc.getTextboxes({ filterUnicode: false, includeBody: true, includeHeadersAndFooters: false });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/encrypt|password/i.test(detail)) throw new IngestError('encrypted', `The Word document is encrypted: ${detail}`, { cause: err });
    throw new IngestError('corrupt-file', `The Word document is damaged and cannot be read: ${detail}`, { cause: err });
  }
  const messages: Message[] = [];
  const blocks = blocksFromDocText(body);
  const boxBlocks = blocksFromDocText(textboxes);
  if (boxBlocks.length > 0) {
    // Text boxes are stored apart from the body, so their place in the reading order is unknown.
    messages.push(message('info', 'doc-textboxes-appended', `${boxBlocks.length} paragraph(s) from text boxes were added after the body; their original position is unknown.`));
    for (const b of boxBlocks) blocks.push({ ...b, index: blocks.length === 0 ? b.index : blocks[blocks.length - 1].index + 1 });
  }
  return { format: 'doc', blocks, encoding: null, pages: null, messages };
}

/** One block per non-empty paragraph; `index` is the paragraph number in the body text. */
export function blocksFromDocText(text: string): Block[] {
  const blocks: Block[] = [];
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      // Table cells come through tab-separated; control codes left from fields and marks go.
      const line = raw.replace(/[\u0000-\u0008\u000b-\u001f]/g, '').replace(/^[ \u3000\u00a0]+|[ \t\u3000\u00a0]+$/g, '');
      if (line.replace(/\t/g, '') === '') return;
      blocks.push({ text: line, kind: 'paragraph', index });
    });
  return blocks;
}
