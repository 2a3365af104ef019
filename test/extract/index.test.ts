import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { IngestError, type IngestErrorCode } from '../../src/types.js';
import { makeDocx, Paragraph } from '../helpers/make-docx.js';
import { limits } from './helpers/limits.js';
import { makePdf } from './helpers/pdf.js';
import { codeOf } from './helpers/error-code.js';


const BAD = path.resolve(import.meta.dirname, '../data/bad');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

describe('extract', () => {
  it('dispatches on the bytes, not the file name: a docx named .pdf is read as docx', async () => {
    const bytes = await makeDocx([new Paragraph('正文')]);
    const r = await extract(bytes, { limits, fileName: 'bulletin.pdf' });
    expect(r.format).toBe('docx');
    expect(r.blocks.map((b) => b.text)).toEqual(['正文']);
  });

  it('reads PDF, text and GB18030 text through the same entry point', async () => {
    expect((await extract(makePdf([{ texts: [{ text: '正文', x: 100, y: 700 }] }]), { limits })).format).toBe('pdf');
    const txt = await extract(iconv.encode('政协工作动态\r\n', 'gb18030'), { limits, fileName: 'x.doc' });
    expect(txt).toMatchObject({ format: 'txt', encoding: 'gb18030', pages: null });
  });

  it('fails with empty-file on 0 bytes and on whitespace only', async () => {
    expect(await codeOf(extract(Buffer.alloc(0), { limits }))).toBe('empty-file');
    expect(await codeOf(extract(Buffer.from(' \r\n\t\n'), { limits }))).toBe('empty-file');
    expect(await codeOf(extract(Buffer.from('\ufeff\u3000\n', 'utf8'), { limits }))).toBe('empty-file');
  });

  it('fails with too-large before reading a file over maxFileBytes', async () => {
    expect(await codeOf(extract(Buffer.from('政协工作动态'), { limits: { ...limits, maxFileBytes: 5 } }))).toBe('too-large');
  });

  it('fails with needs-ocr, saying how to turn OCR on, on a page image without --ocr, and with unknown-format on random bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const err = await extract(png, { limits }).catch((e: unknown) => e);
    expect((err as IngestError).code).toBe('needs-ocr');
    expect((err as IngestError).message).toMatch(/PNG image.*--ocr/);
    const random = Buffer.alloc(4096);
    let seed = 42;
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      random[i] = seed >> 16;
    }
    expect(await codeOf(extract(random, { limits }))).toBe('unknown-format');
  });

  it('fails with undecodable-text on Shift-JIS text', async () => {
    const sjis = iconv.encode('会議のお知らせ：本日は晴天なり。東京都議会事務局よりご案内いたします。\r\n', 'shift_jis');
    expect(await codeOf(extract(sjis, { limits }))).toBe('undecodable-text');
  });
});

/** The hostile files other engineers keep under test/data/bad, with the failure each must produce. */
const HOSTILE: Array<[string, IngestErrorCode | null]> = [
  ['empty.txt', 'empty-file'],
  ['truncated.docx', 'corrupt-file'],
  ['truncated.pdf', 'corrupt-file'],
  ['random.bin', 'unknown-format'],
  ['random.pdf', 'unknown-format'],
  ['not-a-bulletin.png', 'needs-ocr'],
  ['encrypted.pdf', 'encrypted'],
  ['image-only.pdf', 'needs-ocr'],
  ['zip-bomb.docx', 'zip-bomb'],
  ['mojibake.txt', 'undecodable-text'],
  ['docx-named.pdf', null],
];

describe('extract on the hostile files in test/data/bad', () => {
  for (const [name, code] of HOSTILE) {
    const file = path.join(BAD, name);
    it.skipIf(!fs.existsSync(file))(`${name} ${code ? `fails with ${code}` : 'is read by its content'}`, async () => {
      const bytes = fs.readFileSync(file);
      if (code) expect(await codeOf(extract(bytes, { limits, fileName: name }))).toBe(code);
      else expect((await extract(bytes, { limits, fileName: name })).format).toBe('docx');
    });
  }
});

describe('extract on the fixtures', () => {
  const files = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => /\.(txt|docx|doc|pdf)$/.test(f)) : [];
  for (const name of files) {
    it(`${name} yields ordered blocks with text and no warnings`, async () => {
      const r = await extract(fs.readFileSync(path.join(FIXTURES, name)), { limits, fileName: name });
      expect(r.format).toBe(path.extname(name).slice(1));
      expect(r.blocks.length).toBeGreaterThan(5);
      expect(r.blocks.every((b) => b.text.trim() !== '')).toBe(true);
      expect(r.blocks.every((b, i) => i === 0 || b.index > r.blocks[i - 1].index)).toBe(true);
      expect(r.messages.filter((m) => m.severity !== 'info')).toEqual([]);
    });
  }
});
