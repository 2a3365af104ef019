/**
 * The original beside the extracted record: a .docx as mammoth's HTML conversion, a PDF as images of its
 * pages (poppler's pdftoppm, when installed) or else a link to the file at the page, a .txt as
 * preformatted text. The result is a whole HTML document shown in a sandboxed frame with no scripts.
 * Conversions are cached (by file and stamp), so only the first view of an original pays for them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { raw } from 'hono/html';
import { html, type Html } from './html.js';
import { decodeText } from './text.js';

const PAGE_DPI = 110;
const CACHE_ENTRIES = 64;

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

const docxCache = new Lru<Promise<string>>(CACHE_ENTRIES);
const pageCache = new Lru<Promise<Buffer | null>>(CACHE_ENTRIES);

function stampOf(file: string): string {
  const st = fs.statSync(file);
  return `${file}\u0000${st.size}:${st.mtimeMs}`;
}

const importMammoth = () => import('mammoth');
let mammothModule: ReturnType<typeof importMammoth> | null = null;
function mammoth(): ReturnType<typeof importMammoth> {
  mammothModule ??= importMammoth();
  return mammothModule;
}

/** Imports mammoth now (its first import costs ~0.1–0.2 s, which no first view should pay). */
export function preloadMammoth(): void {
  mammoth().catch(() => {});
}

/**
 * mammoth's HTML for a .docx. mammoth escapes the document's text; links and images it copies from
 * the file are harmless in the frame (sandboxed, no scripts, and the page's CSP forbids script).
 */
export function docxHtml(file: string): Promise<string> {
  const key = stampOf(file);
  let value = docxCache.get(key);
  if (!value) {
    value = mammoth().then(async (mammoth) => (await mammoth.default.convertToHtml({ path: file })).value);
    // A failed conversion is not kept: the next view tries again.
    value.catch(() => docxCache.delete(key));
    docxCache.set(key, value);
  }
  return value;
}

let pdftoppmPresent: boolean | undefined;
export function hasPdftoppm(): boolean {
  if (pdftoppmPresent === undefined) {
    const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
    pdftoppmPresent = dirs.some((dir) => fs.existsSync(`${dir}/pdftoppm`));
  }
  return pdftoppmPresent;
}

/** One PDF page as PNG (null when pdftoppm is missing or fails). */
export function pdfPagePng(file: string, page: number): Promise<Buffer | null> {
  if (!hasPdftoppm()) return Promise.resolve(null);
  const key = `${stampOf(file)}\u0000${page}`;
  let value = pageCache.get(key);
  if (!value) {
    value = new Promise((resolve) => {
      execFile(
        'pdftoppm',
        ['-png', '-r', String(PAGE_DPI), '-f', String(page), '-l', String(page), '-singlefile', '--', file],
        { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 20_000 },
        (err, stdout) => resolve(err || stdout.length === 0 ? null : stdout),
      );
    });
    pageCache.set(key, value);
  }
  return value;
}

function frame(title: string, body: Html | string): Html {
  return html`<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/assets/style.css"></head>
<body class="original-doc">${body}</body></html>`;
}

export interface OriginalSource {
  id: string;
  file: string;
  format: string;
  pages: number | null;
  encoding: string | null;
}

export async function originalDocument(source: OriginalSource | null, links: { file: string; page: (n: number) => string }): Promise<Html> {
  if (!source) {
    return frame('original', html`<p class="muted">The original file is not available: it is no longer at the path it was ingested from, or its bytes changed since.</p>`);
  }
  switch (source.format) {
    case 'docx': {
      let body: string;
      try {
        body = await docxHtml(source.file);
      } catch {
        return frame('original', html`<p class="muted">mammoth could not convert this .docx. <a href="${links.file}">Download it</a>.</p>`);
      }
      return frame('original', html`<div class="docx">${rawHtml(body)}</div>`);
    }
    case 'pdf': {
      const pages = source.pages ?? 1;
      if (!hasPdftoppm()) {
        return frame(
          'original',
          html`<p class="muted">Install poppler-utils (pdftoppm) to see the pages here.</p>
<ol>${Array.from({ length: pages }, (_, n) => html`<li id="page-${n + 1}"><a href="${links.file}#page=${n + 1}" target="_top">open page ${n + 1}</a></li>`)}</ol>`,
        );
      }
      return frame(
        'original',
        html`${Array.from(
          { length: pages },
          (_, n) => html`<figure id="page-${n + 1}"><img loading="lazy" src="${links.page(n + 1)}" alt="page ${n + 1}"><figcaption>page ${n + 1} · <a href="${links.file}#page=${n + 1}" target="_top">PDF</a></figcaption></figure>`,
        )}`,
      );
    }
    case 'txt': {
      const text = decodeText(fs.readFileSync(source.file), source.encoding);
      return frame('original', html`<pre class="txt">${text}</pre>`);
    }
    case 'html':
      // The page itself, in a frame of its own whose response forbids script and outside loads.
      return frame('original', html`<iframe class="html-original" title="original web page" sandbox src="${links.file}"></iframe>`);
    default:
      return frame('original', html`<p class="muted">A .${source.format} file is not shown here. <a href="${links.file}" target="_top">Download it</a>.</p>`);
  }
}

/** mammoth's output is HTML built from escaped text; it is the one value inserted unescaped. */
function rawHtml(value: string): Html {
  return raw(value);
}
