/**
 * Plain-text bulletins: decode the bytes (recording which encoding was used), then one block per
 * non-empty line. Converted archives also carry light markdown (`# title`, `---`), kept as
 * heading and rule blocks.
 */
import iconv from 'iconv-lite';
import { IngestError, message, type Block, type Extraction, type Message } from '../types.js';
import { charStats } from './plausible.js';
import { utf16ByteOrderWithoutBom } from './sniff.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * BOM first, then UTF-16 by its NUL pattern, then strict UTF-8, then GB18030 (a superset of GBK
 * and GB2312) only when the result reads as Chinese. Anything else is refused: a wrong guess would
 * put mojibake into the records silently.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  // Checked before UTF-8: UTF-16 text made of ASCII is also valid (NUL-laden) UTF-8.
  const utf16 = utf16ByteOrderWithoutBom(bytes);
  if (utf16) return { text: strictDecode(utf16, bytes), encoding: utf16, bom: false };

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // not UTF-8: try GB18030 below
  }
  const gb = decodeGb18030(bytes);
  if (gb !== null && isPlausibleGbText(bytes, gb)) return { text: gb, encoding: 'gb18030', bom: false };
  throw new IngestError(
    'undecodable-text',
    'The text file is not valid UTF-8, UTF-16 or GB18030 Chinese text (it may use another encoding such as Shift-JIS, or be damaged); refusing to guess.',
  );
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Buffer): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    throw new IngestError('undecodable-text', `The text file has a ${encoding.toUpperCase()} byte-order mark but its bytes are not valid ${encoding.toUpperCase()}.`, { cause: err });
  }
}

function decodeGb18030(bytes: Buffer): string | null {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch (err) {
    // Node builds without full ICU lack the gb18030 TextDecoder; iconv-lite has no strict mode,
    // so its output is checked for replacement characters instead.
    if (err instanceof RangeError) {
      const text = iconv.decode(bytes, 'gb18030');
      return text.includes('\ufffd') ? null : text;
    }
    return null;
  }
}

/**
 * GB18030 accepts almost any byte pair, so a successful decode proves little. Genuine Chinese
 * text keeps nearly all its double-byte characters in the GB2312 zone (lead and trail byte
 * 0xA1–0xFE) and decodes to Han and CJK punctuation; Shift-JIS, Big5 or random bytes do not.
 */
function isPlausibleGbText(bytes: Buffer, text: string): boolean {
  let pairs = 0;
  let gb2312Pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // four-byte GB18030 sequence
      pairs++;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb2312Pairs++;
    i++;
  }
  if (pairs === 0) return true; // pure ASCII would have been valid UTF-8; keep the rule total anyway
  const stats = charStats(text);
  if (stats.control > 0) return false;
  return gb2312Pairs / pairs >= 0.9 && stats.implausible / Math.max(1, stats.nonAscii) <= 0.02 && stats.han > 0;
}

/** Markdown rules (`---`, `***`) and the drawn rules under mastheads (`━━━`, `———`). */
const RULE_LINE = /^([-*_=━─═—＿－])(?:[ \t\u3000]*\1){2,}$/;
const MARKDOWN_HEADING = /^(#{1,6})[ \t\u3000]+(.*?)[ \t\u3000#]*$/;

/** One block per non-empty line; `index` is the 0-based line number in the file. */
export function blocksFromText(text: string): Block[] {
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  lines.forEach((raw, index) => {
    // Trailing spaces are markdown hard breaks or editor debris; leading U+3000/space is an indent.
    const line = raw.replace(/^[ \t\u3000\u00a0]+/, '').replace(/[ \t\u3000\u00a0]+$/, '');
    if (line === '') return;
    if (RULE_LINE.test(line)) {
      blocks.push({ text: line, kind: 'rule', index });
      return;
    }
    const heading = MARKDOWN_HEADING.exec(line);
    if (heading && heading[2] !== '') {
      blocks.push({ text: heading[2], kind: 'heading', level: heading[1].length, index });
      return;
    }
    blocks.push({ text: line, kind: 'paragraph', index });
  });
  return blocks;
}

export function extractTxt(bytes: Buffer): Extraction {
  const { text, encoding } = decodeText(bytes);
  const messages: Message[] = [];
  if (text.replace(/[\s\u3000\ufeff]/g, '') === '') throw new IngestError('empty-file', 'The text file contains only whitespace.');
  const stats = charStats(text);
  // Valid bytes can still hold damage done earlier: replacement characters from a bad conversion.
  if (stats.replacement > 0) {
    messages.push(
      message('warning', 'text-replacement-chars', `The text contains ${stats.replacement} U+FFFD replacement character(s): it was damaged by an earlier wrong conversion.`, {
        offset: text.indexOf('\ufffd'),
      }),
    );
  }
  if (stats.control > 0) {
    messages.push(
      message('warning', 'text-control-chars', `The text contains ${stats.control} control character(s) (NUL and the like); they were removed.`, {
        offset: text.search(CONTROL_CHARS),
      }),
    );
  }
  if (encoding === 'utf-8' && looksDoubleEncoded(text)) {
    messages.push(
      message('warning', 'text-mojibake', 'The text looks like UTF-8 that was decoded as Latin-1/Windows-1252 and saved again (e.g. "å…¬"); its Chinese is unreadable.'),
    );
  }
  return { format: 'txt', blocks: blocksFromText(text.replace(CONTROL_CHARS, '')), encoding, pages: null, messages };
}

/** C0/C1 controls other than tab, newline, carriage return and form feed: debris in a text file. */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/**
 * Double-encoded UTF-8 (UTF-8 bytes read as Latin-1 or Windows-1252, saved as UTF-8 again):
 * many Latin-1 letters, few Han, and undoing the second encoding yields valid UTF-8 Chinese.
 */
function looksDoubleEncoded(text: string): boolean {
  const latin = text.match(/[\u00c0-\u00ff]/g)?.length ?? 0;
  if (latin < 6 || charStats(text).han > latin) return false;
  for (const single of ['latin1', 'win1252'] as const) {
    const bytes = iconv.encode(text, single);
    if (iconv.decode(bytes, single) !== text) continue; // not representable: not this damage
    try {
      const repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (charStats(repaired).han > 0) return true;
    } catch {
      // not UTF-8 underneath
    }
  }
  return false;
}
