/**
 * The Tesseract CLI in child processes (Debian: tesseract-ocr, tesseract-ocr-chi-sim). Chosen over
 * tesseract.js by measurement (README, "OCR"): the same engine and model give the same text, the
 * native binary is as fast or faster with one thread, a child process can be killed at a page's time
 * limit, and no npm package ships the chi_sim model, so the Debian model is needed either way.
 * Each run gets OMP_THREAD_LIMIT=1: Tesseract's own OpenMP threads spin against each other and
 * against our other processes on a busy machine (measured 3–4× slower per page on 2 cores); the
 * batch gets its parallelism from several single-threaded processes instead (see ./index.ts).
 */
import { execFile } from 'node:child_process';
import { IngestError } from '../../types.js';

export const TESSERACT_PACKAGES = 'tesseract-ocr tesseract-ocr-chi-sim';
export const POPPLER_PACKAGE = 'poppler-utils';

export interface TesseractInstall {
  version: string;
  languages: string[];
}

let installCache: Promise<TesseractInstall | null> | undefined;

interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a tool; rejects with `{ code, killed, stderr }` as execFile does. */
export function run(command: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 0, killSignal: 'SIGKILL', env: options.env ?? process.env },
      (err, stdout, stderr) => (err ? reject(Object.assign(err, { stderr })) : resolve({ stdout, stderr })),
    );
  });
}

/** The installed Tesseract's version and models, or null when there is no `tesseract` on PATH. Cached per thread. */
export function tesseractInstall(): Promise<TesseractInstall | null> {
  installCache ??= (async () => {
    try {
      const version = await run('tesseract', ['--version'], { timeoutMs: 10_000 });
      const langs = await run('tesseract', ['--list-langs'], { timeoutMs: 10_000 });
      const v = /tesseract\s+v?(\d+(?:\.\d+)*)/i.exec(version.stdout + version.stderr)?.[1] ?? 'unknown';
      const languages = (langs.stdout + langs.stderr)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^[A-Za-z_]+$/.test(l));
      return { version: v, languages };
    } catch {
      return null;
    }
  })();
  return installCache;
}

/** Throws `needs-ocr` naming the Debian packages when Tesseract or one of the models is missing. */
export async function requireTesseract(configured: string): Promise<TesseractInstall> {
  const languages = configured === AUTO_LANGUAGES ? 'chi_sim' : configured;
  const install = await tesseractInstall();
  if (!install) {
    throw new IngestError('needs-ocr', `OCR needs Tesseract, which is not installed: apt-get install -y ${TESSERACT_PACKAGES}`);
  }
  const missing = languages.split('+').filter((l) => !install.languages.includes(l));
  if (missing.length > 0) {
    // Language models are tesseract-ocr-chi-sim; script models (capitalised: HanS, Latin) tesseract-ocr-script-hans.
    const debs = missing.map((l) => `tesseract-ocr-${/^[A-Z]/.test(l) ? 'script-' : ''}${l.toLowerCase().replace(/_/g, '-')}`).join(' ');
    throw new IngestError('needs-ocr', `OCR needs the Tesseract model(s) ${missing.join(', ')}, which are not installed: apt-get install -y ${debs}`);
  }
  return install;
}

/**
 * `auto` (the default) reads with chi_sim and, when it is installed, Tesseract's script model for simplified Han
 * (HanS, Debian tesseract-ocr-script-hans) alongside: measured on held-out scans it reads more of their items,
 * dates and names (README, "OCR"), at about 1.6× the time a page. Without it, chi_sim alone, and a message says so.
 */
export const AUTO_LANGUAGES = 'auto';
export const HAN_SCRIPT_PACKAGE = 'tesseract-ocr-script-hans';

export function resolveLanguages(configured: string, install: TesseractInstall): { languages: string; note: string | null } {
  if (configured !== AUTO_LANGUAGES) return { languages: configured, note: null };
  if (install.languages.includes('HanS')) return { languages: 'chi_sim+HanS', note: null };
  return { languages: 'chi_sim', note: `Read with chi_sim alone: the Han script model reads scans better (apt-get install -y ${HAN_SCRIPT_PACKAGE}).` };
}

/** Outcome of one page image: Tesseract's TSV, or why the page could not be read. */
export type PageOcr = { ok: true; tsv: string } | { ok: false; reason: string };

/**
 * OCRs one image file (one page of it, or all pages of a multi-page TIFF) into TSV: one row per
 * word with its box and confidence. Never throws: a failed or timed-out page is reported, the rest go on.
 */
export async function ocrImageFile(imagePath: string, options: { languages: string; psm: number; timeoutMs: number; dpi?: number; page?: number }): Promise<PageOcr> {
  const args = [imagePath, 'stdout', '-l', options.languages, '--psm', String(options.psm)];
  if (options.dpi) args.push('--dpi', String(options.dpi));
  // 0-based page of a multi-page TIFF; without it Tesseract reads every page in one run.
  if (options.page !== undefined) args.push('-c', `tessedit_page_number=${options.page}`);
  args.push('tsv');
  try {
    const { stdout } = await run('tesseract', args, { timeoutMs: options.timeoutMs, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    return { ok: true, tsv: stdout };
  } catch (err) {
    const e = err as { killed?: boolean; signal?: string; stderr?: string; message?: string };
    if (e.killed || e.signal === 'SIGKILL') return { ok: false, reason: `Tesseract gave up after ${options.timeoutMs} ms (ocr.pageTimeoutMs)` };
    const detail = (e.stderr ?? e.message ?? '').trim().split('\n').slice(-1)[0];
    return { ok: false, reason: `Tesseract failed: ${detail || 'unknown error'}` };
  }
}
