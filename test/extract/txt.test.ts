import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { blocksFromText, decodeText, extractTxt } from '../../src/extract/txt.js';
import { IngestError } from '../../src/types.js';

const SAMPLE = '包头市政协 工作周报\n第 18 期\n◆5月7日上午，市政协副主席贺俊带队调研。\n';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof IngestError ? err.code : `not an IngestError: ${String(err)}`;
  }
  return undefined;
}

describe('decodeText', () => {
  it('reads plain UTF-8 and reports utf-8', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 byte-order mark and still reports utf-8', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]));
    expect(r).toEqual({ text: SAMPLE, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16LE and UTF-16BE with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]);
    expect(decodeText(le)).toMatchObject({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(be)).toMatchObject({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('recognises UTF-16LE without a byte-order mark by its NUL bytes', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le'))).toMatchObject({ text: SAMPLE, encoding: 'utf-16le', bom: false });
  });

  it('recognises UTF-16BE without a byte-order mark', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le').swap16())).toMatchObject({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads GB18030 (GBK) Chinese text and reports gb18030', () => {
    const text = '赤峰市政协办公室　　二〇二一年五月二十四日\r\n【重要会议】\r\n◆5月20日上午，市政协十五届常委会第十九次会议召开。\r\n━━━━━━━━━━\r\n';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it('refuses Shift-JIS Japanese instead of decoding it as Chinese mojibake', () => {
    const sjis = iconv.encode('東京都議会だより　第５号\r\n令和３年５月１０日　都議会事務局\r\nお知らせ：本日の会議は中止となりました。\r\n', 'shift_jis');
    expect(codeOf(() => decodeText(sjis))).toBe('undecodable-text');
  });

  it('refuses random high bytes', () => {
    const bytes = Buffer.alloc(400);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = 0x80 + (seed % 128);
    }
    expect(codeOf(() => decodeText(bytes))).toBe('undecodable-text');
  });

  it('refuses Big5 traditional Chinese rather than guessing GB18030', () => {
    const big5 = iconv.encode('政協工作簡報，第十八期。委員們積極參與調研活動，提出寶貴意見。', 'big5');
    expect(codeOf(() => decodeText(big5))).toBe('undecodable-text');
  });

  it('refuses a UTF-16 byte-order mark followed by invalid UTF-16', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]); // lone high surrogate
    expect(codeOf(() => decodeText(bytes))).toBe('undecodable-text');
  });
});

describe('blocksFromText', () => {
  it('makes one paragraph block per non-empty line, indexed by line number', () => {
    expect(blocksFromText('甲\n\n乙\n')).toEqual([
      { text: '甲', kind: 'paragraph', index: 0 },
      { text: '乙', kind: 'paragraph', index: 2 },
    ]);
  });

  it('treats CRLF and lone CR as line breaks', () => {
    expect(blocksFromText('甲\r\n乙\r丙').map((b) => [b.text, b.index])).toEqual([
      ['甲', 0],
      ['乙', 1],
      ['丙', 2],
    ]);
  });

  it('reads markdown headings with their level and without the hashes', () => {
    expect(blocksFromText('# 包头市 工作周报\n### ※领导活动※\n#没有空格')).toEqual([
      { text: '包头市 工作周报', kind: 'heading', level: 1, index: 0 },
      { text: '※领导活动※', kind: 'heading', level: 3, index: 1 },
      { text: '#没有空格', kind: 'paragraph', index: 2 },
    ]);
  });

  it('marks markdown and drawn rule lines as rule blocks', () => {
    const kinds = blocksFromText('---\n***\n___\n===\n━━━━━━\n──────\n--\n- 1 -').map((b) => b.kind);
    expect(kinds).toEqual(['rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'paragraph', 'paragraph']);
  });

  it('strips leading indentation (spaces and U+3000) and trailing spaces', () => {
    expect(blocksFromText('　　◆5月7日，会议召开。  \n    正文  ')[0].text).toBe('◆5月7日，会议召开。');
    expect(blocksFromText('　　◆5月7日，会议召开。  \n    正文  ')[1].text).toBe('正文');
  });

  it('keeps spaces inside a line for the normaliser to judge', () => {
    expect(blocksFromText('编 辑：闫建军 陈 刚')[0].text).toBe('编 辑：闫建军 陈 刚');
  });
});

describe('extractTxt', () => {
  it('reads GB18030 text with CRLF line endings and reports the encoding', () => {
    const r = extractTxt(iconv.encode('政 协 工 作 动 态\r\n\r\n第5期\r\n', 'gb18030'));
    expect(r).toEqual({
      format: 'txt',
      encoding: 'gb18030',
      pages: null,
      messages: [],
      blocks: [
        { text: '政 协 工 作 动 态', kind: 'paragraph', index: 0 },
        { text: '第5期', kind: 'paragraph', index: 2 },
      ],
    });
  });

  it('fails with empty-file when the decoded text is only whitespace', () => {
    expect(codeOf(() => extractTxt(Buffer.from('\u3000\u3000\n', 'utf8')))).toBe('empty-file');
    expect(codeOf(() => extractTxt(Buffer.from('\ufeff \n \n', 'utf16le')))).toBe('empty-file');
  });

  it('warns about U+FFFD replacement characters left by an earlier bad conversion', () => {
    const r = extractTxt(Buffer.from('市政协\ufffd\ufffd召开会议', 'utf8'));
    expect(r.messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'text-replacement-chars', offset: 3 })]);
  });

  it('removes stray control characters such as NUL and warns about them', () => {
    const r = extractTxt(Buffer.from('市政协\u0000召开\u0007会议\n', 'utf8'));
    expect(r.blocks[0].text).toBe('市政协召开会议');
    expect(r.messages).toEqual([expect.objectContaining({ code: 'text-control-chars', offset: 3 })]);
  });

  it('warns when UTF-8 text was double-encoded through Latin-1', () => {
    const mojibake = Buffer.from('包头市政协工作周报', 'utf8').toString('latin1');
    const r = extractTxt(Buffer.from(`${mojibake}\n`, 'utf8'));
    expect(r.messages.map((m) => m.code)).toContain('text-mojibake');
  });

  it('does not flag ordinary accented Latin text as mojibake', () => {
    expect(extractTxt(Buffer.from('Café résumé naïve, Zürich Société Générale.', 'utf8')).messages).toEqual([]);
  });
});
