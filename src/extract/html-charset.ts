/**
 * The character encoding of a saved web page, in the order browsers use: a byte-order mark, then
 * the page's own declaration (`<meta charset>` or `<meta http-equiv="Content-Type" content="…;
 * charset=…">`), else sniffing (strict UTF-8, then GB18030 when it reads as Chinese — the same
 * rule as plain text). The declaration is found by parsing the page's head with the HTML parser,
 * never by pattern-matching markup.
 *
 * Pages saved by a browser are sometimes re-encoded as UTF-8 while keeping their old `gb2312`
 * declaration (and the reverse happens with hand-copied files): a declaration the bytes plainly
 * contradict is overruled, with a message.
 */
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';
import { IngestError, message, type Message } from '../types.js';
import { decodeText } from './txt.js';

export interface DecodedPage {
  text: string;
  /** The encoding the bytes were decoded with, lower case (`utf-8`, `gb18030`, `big5`…). */
  encoding: string;
  messages: Message[];
}

/** Browsers look for the declaration in the first 1024 bytes; saved pages often carry long comments or scripts first. */
const PRESCAN_BYTES = 8192;

/** Labels that all mean "GB2312 or a superset of it": decoded as GB18030, which contains them all. */
const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'csgb2312', 'chinese', 'euc-cn', 'iso-ir-58']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** The charset the page declares in a `<meta>` of its first bytes, lower case, or null. */
export function declaredCharset(bytes: Buffer): string | null {
  let found: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (found !== null || name !== 'meta') return;
        if (attribs.charset) found = attribs.charset.trim().toLowerCase();
        else if ((attribs['http-equiv'] ?? '').trim().toLowerCase() === 'content-type' && attribs.content) {
          found = charsetOfContentType(attribs.content);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  // latin1 keeps every byte as one character: enough to read ASCII attribute values in any ASCII-compatible encoding
  parser.write(bytes.subarray(0, PRESCAN_BYTES).toString('latin1'));
  parser.end();
  return found;
}

/** `text/html; charset=gb2312` → `gb2312` (the value of an attribute, not markup). */
export function charsetOfContentType(content: string): string | null {
  const m = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(content);
  return m ? m[1].toLowerCase() : null;
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const hasNonAscii = (bytes: Buffer): boolean => bytes.some((b) => b >= 0x80);

export function decodePage(bytes: Buffer): DecodedPage {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) {
    const decoded = decodeText(bytes);
    return { text: decoded.text, encoding: decoded.encoding, messages: [] };
  }
  const declared = declaredCharset(bytes);
  const messages: Message[] = [];
  if (declared !== null && GB_FAMILY.has(declared)) {
    // valid multi-byte UTF-8 is all but impossible in GB-encoded Chinese: the page was re-saved as UTF-8
    const utf8 = hasNonAscii(bytes) ? strictUtf8(bytes) : null;
    if (utf8 !== null) {
      messages.push(message('info', 'html-charset-overruled', `The page declares charset "${declared}" but its bytes are UTF-8; read as UTF-8.`));
      return { text: utf8, encoding: 'utf-8', messages };
    }
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030', messages };
  }
  if (declared !== null && UTF8_LABELS.has(declared)) {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', messages };
    messages.push(message('warning', 'html-charset-overruled', `The page declares charset "${declared}" but its bytes are not valid UTF-8; the encoding was sniffed instead.`));
    return sniffed(bytes, messages);
  }
  if (declared !== null && iconv.encodingExists(declared)) {
    return { text: iconv.decode(bytes, declared), encoding: declared, messages };
  }
  if (declared !== null) {
    messages.push(message('warning', 'html-charset-unknown', `The page declares an unknown charset "${declared}"; the encoding was sniffed instead.`));
  }
  return sniffed(bytes, messages);
}

function sniffed(bytes: Buffer, messages: Message[]): DecodedPage {
  try {
    const decoded = decodeText(bytes);
    return { text: decoded.text, encoding: decoded.encoding, messages };
  } catch (err) {
    if (err instanceof IngestError) {
      throw new IngestError('undecodable-text', 'The web page declares no usable charset and its bytes are neither UTF-8 nor GB18030 Chinese text; refusing to guess.', { cause: err });
    }
    throw err;
  }
}
