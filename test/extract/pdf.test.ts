import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExtraction, extractPdf, garbleReason, pdfjsDistDir } from '../../src/extract/pdf.js';
import { IngestError } from '../../src/types.js';
import { layoutParagraphs, makePdf } from './helpers/pdf.js';
import { codeOf } from './helpers/error-code.js';


const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

describe('extractPdf', () => {
  it('reads CJK text that needs pdf.js CMaps, one paragraph block per paragraph, with page numbers set', async () => {
    const bytes = makePdf([
      {
        texts: [
          { text: '工作简报', x: 250, y: 780, size: 20 },
          ...layoutParagraphs(['◆5月7日，市政协副主席贺俊带队调研，详细了解企业生产经营情况并协调解决企业存在的困难和问题。', '会议指出，要持续用力。'], { top: 700 }),
          { text: '- 1 -', x: 280, y: 40 },
        ],
      },
      { texts: [...layoutParagraphs([{ text: '续上页的正文内容。', indent: false }], { top: 760 }), { text: '- 2 -', x: 280, y: 40 }] },
    ]);
    const r = await extractPdf(bytes);
    expect(r.format).toBe('pdf');
    expect(r.pages).toBe(2);
    expect(r.blocks).toEqual([
      { text: '工作简报', kind: 'paragraph', page: 1, index: 0 },
      { text: '◆5月7日，市政协副主席贺俊带队调研，详细了解企业生产经营情况并协调解决企业存在的困难和问题。', kind: 'paragraph', page: 1, index: 1 },
      { text: '会议指出，要持续用力。', kind: 'paragraph', page: 1, index: 2 },
      { text: '续上页的正文内容。', kind: 'paragraph', page: 2, index: 3 },
    ]);
    expect(r.messages.map((m) => m.code)).toEqual(['pdf-page-furniture-removed']);
  });

  it('removes a running header and 第N页 共M页 footers on every page', async () => {
    const page = (n: number) => ({
      texts: [{ text: '政协工作动态', x: 250, y: 800, size: 10 }, ...layoutParagraphs([`第${'一二三'[n - 1]}页的正文。`], { top: 740 }), { text: `第${n}页 共3页`, x: 260, y: 40, size: 10 }],
    });
    const r = await extractPdf(makePdf([page(1), page(2), page(3)]));
    expect(r.blocks.map((b) => [b.page, b.text])).toEqual([
      [1, '第一页的正文。'],
      [2, '第二页的正文。'],
      [3, '第三页的正文。'],
    ]);
  });

  it('fails with needs-ocr when no page has text', async () => {
    const err = await extractPdf(makePdf([{ texts: [], image: true }, { texts: [], image: true }])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('needs-ocr');
    expect((err as IngestError).message).toMatch(/OCR/);
  });

  it('fails with needs-ocr when the only text on scanned pages is their page numbers', async () => {
    const scan = (n: number) => ({ texts: [{ text: `- ${n} -`, x: 280, y: 40 }], image: true });
    expect(await codeOf(extractPdf(makePdf([scan(1), scan(2)])))).toBe('needs-ocr');
  });

  it('warns about a page without text in a document that has text elsewhere', async () => {
    const r = await extractPdf(makePdf([{ texts: [{ text: '正文', x: 100, y: 700 }] }, { texts: [], image: true }]));
    expect(r.messages).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'pdf-page-without-text', page: 2 }));
  });

  it('fails with encrypted, saying so, on a password-protected PDF', async () => {
    const err = await extractPdf(makePdf([{ texts: [{ text: '秘密', x: 100, y: 700 }] }], { encrypted: true })).catch((e: unknown) => e);
    expect((err as IngestError).code).toBe('encrypted');
    expect((err as IngestError).message).toMatch(/encrypted/);
  });

  it('fails with corrupt-file on a truncated PDF', async () => {
    const bytes = makePdf([{ texts: [{ text: '正文', x: 100, y: 700 }] }]);
    expect(await codeOf(extractPdf(bytes.subarray(0, Math.floor(bytes.length * 0.6))))).toBe('corrupt-file');
  });

  it('fails with corrupt-file on a PDF header followed by garbage', async () => {
    expect(await codeOf(extractPdf(Buffer.from('%PDF-1.7\nthis is not a pdf at all\n%%EOF\n', 'latin1')))).toBe('corrupt-file');
  });

  it('warns pdf-garbled-text with the page when fonts map text into the private-use area', async () => {
    const r = await extractPdf(makePdf([{ texts: [{ text: 'ABCDEFGHIJKLMNOP', x: 100, y: 700 }] }], { privateUseFont: true }));
    expect(r.messages).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'pdf-garbled-text', page: 1 }));
  });

  it('finds the CMaps and standard fonts inside the installed pdfjs-dist', () => {
    expect(fs.existsSync(path.join(pdfjsDistDir(), 'cmaps', 'UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(fs.existsSync(path.join(pdfjsDistDir(), 'standard_fonts'))).toBe(true);
  });
});

describe('garbleReason', () => {
  it('accepts ordinary Chinese text with digits, punctuation and item glyphs', () => {
    expect(garbleReason('◆5月7日，市政协副主席贺俊带队调研。“六稳”工作——落实《通知》精神（共印50份）')).toBeNull();
  });

  it('flags replacement characters, private-use characters and control characters', () => {
    expect(garbleReason('市政协\ufffd召开会议')).toMatch(/U\+FFFD/);
    expect(garbleReason('\ue041\ue042\ue043\ue044\ue045')).toMatch(/private-use/);
    expect(garbleReason('%\u0000\u00055g\b\u00007e')).toMatch(/control/);
  });

  it('flags text made of unusual non-ASCII characters or of ASCII punctuation only', () => {
    expect(garbleReason('ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĀāĂăĄąĆćĈĉŠšŽžŒœ'.replace(/[À-Ï]/g, 'Ж'))).toMatch(/unusual/);
    expect(garbleReason('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~!"#$%&')).toMatch(/punctuation/);
  });
});

describe('buildExtraction', () => {
  it('never joins text across pages', () => {
    const line = (text: string, y: number) => ({ text, x0: 72, x1: 504, y, size: 12 });
    const r = buildExtraction([[line('第一页最后一行写满了整个版心宽度', 700)], [line('第二页第一行接着上一页', 760)]], 2);
    expect(r.blocks.map((b) => b.page)).toEqual([1, 2]);
  });
});

describe.skipIf(!fs.existsSync(path.join(FIXTURES, 'baotou-2020-18.pdf')))('extractPdf on the baotou-2020-18.pdf fixture', () => {
  it('extracts clean paragraphs without page furniture or garbling', async () => {
    const r = await extractPdf(fs.readFileSync(path.join(FIXTURES, 'baotou-2020-18.pdf')));
    const texts = r.blocks.map((b) => b.text);
    expect(r.pages).toBeGreaterThan(1);
    expect(r.messages.filter((m) => m.severity !== 'info')).toEqual([]);
    expect(r.blocks.every((b) => b.page !== undefined && b.page >= 1 && b.page <= r.pages!)).toBe(true);
    expect(texts.some((t) => t.startsWith('◆5月7日，市委常委、统战部部长、市政协党组副书记乌云'))).toBe(true);
    expect(texts).toContain('※重要活动※');
    expect(texts.filter((t) => /^[—-]\s*\d+\s*[—-]$/.test(t))).toEqual([]);
    expect(texts.filter((t) => t === '包头市政协工作周报')).toEqual([]);
    // Glyph-gap spaces between Han characters are gone everywhere except on the footer's name
    // lines, where a space pads two-character names and separates them (陈 刚).
    expect(texts.filter((t) => /[\p{Script=Han}] [\p{Script=Han}]/u.test(t))).toEqual(['编 辑：闫建军 陈 刚', '审 核：王东海']);
  });
});
