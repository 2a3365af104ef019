import { describe, expect, it } from 'vitest';
import { sniffFormat, utf16ByteOrderWithoutBom } from '../../src/extract/sniff.js';

describe('sniffFormat', () => {
  it('recognises PDF, zip, OLE and text by their first bytes', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n...')).format).toBe('pdf');
    expect(sniffFormat(Buffer.concat([Buffer.from('junk before the header\n'), Buffer.from('%PDF-1.4\n')])).format).toBe('pdf');
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])).format).toBe('zip');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])).format).toBe('ole');
    expect(sniffFormat(Buffer.from('政协工作动态\n第5期\n', 'utf8')).format).toBe('text');
  });

  it('names well-known image formats so the error can say what the file is', () => {
    expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ format: 'unknown', description: 'JPEG image' });
  });

  it('treats UTF-16 Chinese text as text although its bytes include control codes', () => {
    expect(sniffFormat(Buffer.from('一丁七万丈三上下不与丐丑专且丕世\n', 'utf16le')).format).toBe('text');
  });

  it('recognises web pages by their first tag, also after a BOM, an XML declaration or comments, and in UTF-16', () => {
    expect(sniffFormat(Buffer.from('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>政协</body></html>')).format).toBe('html');
    expect(sniffFormat(Buffer.from('\ufeff<!DOCTYPE html>\n<html>')).format).toBe('html');
    expect(sniffFormat(Buffer.from('\n<!-- saved from url=(0042)http://example.org/ -->\n<!-- 站点 -->\n<HEAD><META charset="gbk">')).format).toBe('html');
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">')).format).toBe('html');
    expect(sniffFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>政协</body></html>', 'utf16le')])).format).toBe('html');
    expect(sniffFormat(Buffer.from('<p>会议纪要</p> is not a page opening\n')).format).toBe('text');
  });

  it('refuses MHTML archives and Word XML saved under a .doc name instead of reading tags as text', () => {
    expect(sniffFormat(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related'))).toMatchObject({ description: 'MHTML web archive' });
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>'))).toMatchObject({ description: 'Word 2003 XML document' });
    expect(sniffFormat(Buffer.from('# 工作简报\n<不是标签>\n')).format).toBe('text');
  });

  it('does not mistake a text file starting with "BM" for a bitmap', () => {
    expect(sniffFormat(Buffer.from('BM committee minutes\n')).format).toBe('text');
  });
});

describe('utf16ByteOrderWithoutBom', () => {
  it('finds the byte order of BOM-less UTF-16 and rejects NUL-free or odd-length input', () => {
    expect(utf16ByteOrderWithoutBom(Buffer.from('政协\n', 'utf16le'))).toBe('utf-16le');
    expect(utf16ByteOrderWithoutBom(Buffer.from('政协\n', 'utf16le').swap16())).toBe('utf-16be');
    expect(utf16ByteOrderWithoutBom(Buffer.from('政协\n', 'utf8'))).toBeNull();
    expect(utf16ByteOrderWithoutBom(Buffer.from([0x41, 0, 0x42]))).toBeNull();
  });
});
