/**
 * OCR end to end through Tesseract (a few small pages in all, so the suite stays quick). Skipped,
 * with one printed line, on a machine without Tesseract, its chi_sim model or poppler.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchProgress } from '../../../src/batch/run.js';
import { parseConfig, type Config } from '../../../src/config.js';
import { requireTesseract } from '../../../src/extract/ocr/tesseract.js';
import { tiffPageCount } from '../../../src/extract/ocr/index.js';
import { ingestFile } from '../../../src/ingest.js';

const data = path.resolve(import.meta.dirname, '..', '..', 'data', 'ocr');
const ocrConfig = parseConfig({ ocr: { enabled: true } });

function hasOcrTools(): boolean {
  try {
    const langs = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return /^chi_sim$/m.test(langs);
  } catch {
    return false;
  }
}

const available = hasOcrTools();
if (!available) console.log('OCR tests skipped: apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils');

describe.skipIf(!available)('OCR with Tesseract', () => {
  it('reads a scanned PDF page into a record with OCR provenance, confidences and repaired dates', async () => {
    const { record } = await ingestFile(path.join(data, 'scanned-page.pdf'), ocrConfig);
    expect(record.source.ocr).toMatchObject({ engine: 'tesseract', language: expect.stringMatching(/^chi_sim(\+HanS)?$/), dpi: 200 });
    expect(record.source.ocr?.version).toMatch(/^\d+\.\d+/);
    expect(record.source.ocr?.pages).toHaveLength(1);
    expect(record.source.ocr?.pages[0].confidence).toBeGreaterThan(50);
    expect(record.masthead.date).toBe('2023-06-05');
    expect(record.masthead.issue).toBe(11);
    expect(record.sections.map((s) => s.title)).toContain('重要会议');
    const first = record.items[0];
    expect(first.date?.start).toBe('2023-05-29');
    expect(first.confidence).toBeGreaterThan(50);
    expect(first.text).toContain('区政协召开十届十二次常委会议');
    expect(record.items.every((i) => i.marker === null || i.marker === '◆' || i.marker === '◇')).toBe(true);
  });

  it('OCRs only the pages of a PDF that have no text layer', async () => {
    const { record } = await ingestFile(path.join(data, 'mixed-text-and-scan.pdf'), ocrConfig);
    expect(record.source.pages).toBe(2);
    expect(record.source.ocr?.pages.map((p) => p.page)).toEqual([2]);
    // Page 1 is the text layer's: its items carry no confidence; page 2's do.
    expect(record.items.filter((i) => i.provenance.page === 1).every((i) => i.confidence === null)).toBe(true);
    expect(record.items.some((i) => i.provenance.page === 2 && i.confidence !== null)).toBe(true);
  });

  it('reads a two-page TIFF, a PNG and a JPEG page image', async () => {
    const tiff = fs.readFileSync(path.join(data, 'strips.tif'));
    expect(tiffPageCount(tiff)).toBe(2);
    const { record: fromTiff } = await ingestFile(path.join(data, 'strips.tif'), ocrConfig);
    expect(fromTiff.source).toMatchObject({ format: 'tiff', pages: 2 });
    expect(fromTiff.source.ocr?.dpi).toBeNull();
    expect(fromTiff.masthead.date).toBe('2023-06-05');
    expect(fromTiff.items[0]?.date?.start).toBe('2023-05-29');
    const { record: fromPng } = await ingestFile(path.join(data, 'masthead.png'), ocrConfig);
    expect(fromPng.source.format).toBe('png');
    expect(fromPng.masthead.title).toContain('工作动态');
    const { record: fromJpeg } = await ingestFile(path.join(data, 'item.jpg'), ocrConfig);
    expect(fromJpeg.source.format).toBe('jpeg');
    expect(fromJpeg.items.map((i) => i.text).join('')).toContain('常委会议');
  });

  it('in a batch, turning OCR on redoes a file that needed OCR, reports its pages, and never OCRs it again while unchanged', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-batch-'));
    try {
      fs.mkdirSync(path.join(root, 'in'));
      fs.copyFileSync(path.join(data, 'masthead.png'), path.join(root, 'in', 'masthead.png'));
      const run = (config: Config, onProgress?: (p: BatchProgress) => void) =>
        runBatch({ inputs: ['in'], outDir: 'out', config, concurrency: 2, cwd: root, onProgress });
      expect(await run(parseConfig({}))).toMatchObject({ ok: 0, failed: 1 });
      const pages: string[] = [];
      expect(await run(ocrConfig, (p) => p.ocr && pages.push(`${p.ocr.file} ${p.ocr.done}/${p.ocr.total}`))).toMatchObject({ ok: 1, failed: 0 });
      expect(pages).toEqual(['in/masthead.png 1/1']);
      expect(await run(ocrConfig)).toMatchObject({ ok: 0, skipped: 1, workers: 0 });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails a scan with timeout, not needs-ocr, when every page ran past ocr.pageTimeoutMs', async () => {
    const hurried = parseConfig({ ocr: { enabled: true, pageTimeoutMs: 1 } });
    await expect(ingestFile(path.join(data, 'scanned-page.pdf'), hurried)).rejects.toMatchObject({ code: 'timeout', message: expect.stringMatching(/OCR failed on every page/) });
  });

  it('names the Debian package of a Tesseract language or script model that is not installed', async () => {
    await expect(requireTesseract('chi_sim+xyz_abc')).rejects.toMatchObject({ code: 'needs-ocr', message: expect.stringMatching(/xyz_abc.*apt-get install -y tesseract-ocr-xyz-abc/) });
    await expect(requireTesseract('chi_sim+Xyzs')).rejects.toMatchObject({ code: 'needs-ocr', message: expect.stringMatching(/apt-get install -y tesseract-ocr-script-xyzs/) });
  });
});

describe('OCR on a machine without Tesseract', () => {
  it('fails with needs-ocr naming the Debian packages to install', () => {
    // A fresh process with an empty PATH: no tesseract to find (the install check is cached per thread).
    const script = `import('${pathToFileURL(path.resolve(import.meta.dirname, '../../../src/extract/ocr/tesseract.ts')).href}').then((m) => m.requireTesseract('chi_sim')).then(() => console.log('found'), (e) => console.log(e.code + ': ' + e.message))`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, PATH: '/nonexistent' }, encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../../..') });
    expect(out).toMatch(/needs-ocr: .*apt-get install -y tesseract-ocr tesseract-ocr-chi-sim/);
  });
});

describe('scans without --ocr', () => {
  it('fail with needs-ocr and say how to turn OCR on', async () => {
    const config = parseConfig({});
    await expect(ingestFile(path.join(data, 'scanned-page.pdf'), config)).rejects.toMatchObject({ code: 'needs-ocr', message: expect.stringMatching(/--ocr/) });
    await expect(ingestFile(path.join(data, 'strips.tif'), config)).rejects.toMatchObject({ code: 'needs-ocr', message: expect.stringMatching(/TIFF image.*--ocr/) });
  });
});
