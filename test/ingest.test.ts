import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { ingestFile } from '../src/ingest.js';
import { recordSchema } from '../src/record/schema.js';
import { serialiseRecord } from '../src/record/serialise.js';

const root = path.resolve(import.meta.dirname, '..');
const bad = path.join(root, 'test', 'data', 'bad');
const config = parseConfig({});

describe('ingestFile', () => {
  it.each([
    ['empty.txt', 'empty-file'],
    ['random.bin', 'unknown-format'],
    ['random.pdf', 'unknown-format'],
    ['not-a-bulletin.png', 'needs-ocr'],
    ['truncated.docx', 'corrupt-file'],
    ['truncated.pdf', 'corrupt-file'],
    ['encrypted.pdf', 'encrypted'],
    ['image-only.pdf', 'needs-ocr'],
    ['zip-bomb.docx', 'zip-bomb'],
    ['mojibake.txt', 'undecodable-text'],
  ])('fails on %s with the typed error %s and no record', async (file, code) => {
    await expect(ingestFile(path.join(bad, file), config)).rejects.toMatchObject({ name: 'IngestError', code });
  });

  it('says that an encrypted PDF is encrypted and that an image-only PDF needs OCR', async () => {
    await expect(ingestFile(path.join(bad, 'encrypted.pdf'), config)).rejects.toThrow(/encrypt/i);
    await expect(ingestFile(path.join(bad, 'image-only.pdf'), config)).rejects.toThrow(/needs OCR \(run with --ocr/);
  });

  it('reads a .docx named .pdf as a docx, sniffing the bytes rather than trusting the extension', async () => {
    const { record } = await ingestFile(path.join(bad, 'docx-named.pdf'), config);
    expect(record.source.format).toBe('docx');
    expect(record.items.length).toBeGreaterThan(0);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const small = parseConfig({ limits: { maxFileBytes: 100 } });
    await expect(ingestFile(path.join(root, 'fixtures', 'baotou-2020-18.txt'), small)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('fails with read-failed for a path that does not exist', async () => {
    await expect(ingestFile(path.join(bad, 'no-such-file.txt'), config)).rejects.toMatchObject({ code: 'read-failed' });
  });

  it('gives byte-identical, schema-valid records for the same input', async () => {
    const file = path.join(root, 'fixtures', 'baotou-2020-18.txt');
    const a = await ingestFile(file, config, { displayPath: 'fixtures/baotou-2020-18.txt' });
    const b = await ingestFile(file, config, { displayPath: 'fixtures/baotou-2020-18.txt' });
    expect(serialiseRecord(a.record)).toBe(serialiseRecord(b.record));
    expect(recordSchema.parse(a.record)).toEqual(a.record);
    expect(a.record.source).toMatchObject({ path: 'fixtures/baotou-2020-18.txt', format: 'txt', encoding: 'utf-8', bytes: 15453, pages: null });
  });

  it('writes a record with a message, not an error, for a readable file that is no bulletin', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-odd-'));
    const file = path.join(dir, 'note.txt');
    fs.writeFileSync(file, iconv.encode('这是一段普通的文字，不是简报。\r\n', 'gb18030'));
    const { record } = await ingestFile(file, config);
    expect(record.source.encoding).toBe('gb18030');
    expect(record.messages.map((m) => m.code)).toEqual(expect.arrayContaining(['masthead-without-date']));
  });
});
