/**
 * OCR speed: seconds per page of a scanned bulletin (eval/scans/docs/baotou-2020-18-scan.pdf) three
 * ways — the chosen setting (one single-threaded Tesseract process per core, pages in parallel,
 * rendering included: what `--ocr` does), one process at a time with one thread, and one process at
 * a time with Tesseract's own OpenMP threads. Skipped with a line when Tesseract is missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../src/config.js';
import { ocrPdfPages } from '../src/extract/ocr/index.js';
import { tesseractInstall } from '../src/extract/ocr/tesseract.js';

export interface OcrBench {
  pages: number;
  processes: number;
  /** Seconds per page with the chosen parallelism (render + OCR). */
  chosenSecondsPerPage: number;
  /** Seconds per page, pages one after another, OMP_THREAD_LIMIT=1 (OCR only). */
  oneThreadSequentialSecondsPerPage: number;
  /** Seconds per page, pages one after another, Tesseract's default threads (OCR only). */
  defaultThreadsSequentialSecondsPerPage: number;
  meanConfidence: number | null;
  loadAverageBefore: number;
}

export async function runOcrBench(root: string, pageCount = Number(process.env.BENCH_OCR_PAGES ?? 4)): Promise<OcrBench | null> {
  const install = await tesseractInstall();
  if (!install?.languages.includes('chi_sim')) {
    console.log('OCR bench skipped: apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils');
    return null;
  }
  const pdf = path.join(root, 'eval', 'scans', 'docs', 'baotou-2020-18-scan.pdf');
  const bytes = fs.readFileSync(pdf);
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
  const processes = os.availableParallelism();
  const ocr = { ...parseConfig({ ocr: { enabled: true } }).ocr, processes };
  const loadAverageBefore = round2(os.loadavg()[0]);

  let t = performance.now();
  const fill = await ocrPdfPages(bytes, pages, { ocr });
  const chosen = (performance.now() - t) / 1000 / pageCount;
  const confidences = [...fill.lines.values()].flat().map((l) => (l as unknown as { confidence: number }).confidence);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-'));
  try {
    execFileSync('pdftoppm', ['-r', String(ocr.dpi), '-gray', '-png', '-f', '1', '-l', String(pageCount), pdf, path.join(dir, 'p')]);
    const images = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
    const sequential = (env: NodeJS.ProcessEnv) => {
      const start = performance.now();
      for (const image of images) execFileSync('tesseract', [image, 'stdout', '-l', ocr.languages, '--dpi', String(ocr.dpi), 'tsv'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      return (performance.now() - start) / 1000 / images.length;
    };
    const { OMP_THREAD_LIMIT: _limit, ...defaultEnv } = process.env;
    t = performance.now();
    const oneThread = sequential({ ...process.env, OMP_THREAD_LIMIT: '1' });
    const defaultThreads = sequential(defaultEnv);
    return {
      pages: pageCount,
      processes,
      chosenSecondsPerPage: round2(chosen),
      oneThreadSequentialSecondsPerPage: round2(oneThread),
      defaultThreadsSequentialSecondsPerPage: round2(defaultThreads),
      loadAverageBefore,
      meanConfidence: confidences.length ? round2(confidences.reduce((a, b) => a + b, 0) / confidences.length) : null,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function printOcrBench(b: OcrBench): void {
  console.log(
    `OCR (${b.pages} pages of a 200-dpi scan, Tesseract chi_sim): ${b.chosenSecondsPerPage} s/page with ${b.processes} single-threaded processes in parallel (chosen, rendering included); ` +
      `one at a time: ${b.oneThreadSequentialSecondsPerPage} s/page with OMP_THREAD_LIMIT=1, ${b.defaultThreadsSequentialSecondsPerPage} s/page with Tesseract's own threads; mean line confidence ${b.meanConfidence}` +
      ` (load average before: ${b.loadAverageBefore}; other processes on the cores inflate every figure)`,
  );
}
