/**
 * Builds the benchmark corpus in bench/corpus/ (git-ignored): many distinct bulletins in every
 * format, made from the fixtures. Each copy gets its own issue number where the format allows an
 * in-place edit (txt text, docx document.xml, .doc UTF-16 text), otherwise a harmless byte change
 * (a PDF comment after %%EOF), so every file has its own sha256. Reused when already complete.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

export interface CorpusInfo {
  dir: string;
  files: number;
  byFormat: Record<string, number>;
  bytes: number;
}

const ISSUE = /第(\s*)(\d+)(\s*)期/;

/** The encoding a fixture is written in, so its copies keep it (UTF-16 and GB18030 fixtures exist). */
function txtEncoding(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function variantTxt(bytes: Buffer, k: number): Buffer {
  const encoding = txtEncoding(bytes);
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  const changed = ISSUE.test(text) ? text.replace(ISSUE, (_m, a: string, _n: string, b: string) => `第${a}${100 + k}${b}期`) : text;
  return iconv.encode(`${changed}\n（基准样本 ${k}）\n`, encoding, { addBOM: false });
}

async function variantDocx(bytes: Buffer, k: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = zip.file('word/document.xml');
  if (doc) {
    const xml = await doc.async('string');
    if (ISSUE.test(xml)) zip.file('word/document.xml', xml.replace(ISSUE, (_m, a: string, _n: string, b: string) => `第${a}${100 + k}${b}期`));
  }
  // Also vary the core properties, so a document without a visible issue number still differs.
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = await core.async('string');
    zip.file('docProps/core.xml', xml.replace(/<\/cp:coreProperties>/, `<cp:keywords>bench-${k}</cp:keywords></cp:coreProperties>`));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Word 97 text is often stored as UTF-16LE: swap the issue digits for others of the same length. */
function variantDoc(bytes: Buffer, k: number): Buffer {
  const out = Buffer.from(bytes);
  const start = out.indexOf(Buffer.from('第', 'utf16le'));
  if (start >= 0) {
    let i = start + 2;
    const digits: number[] = [];
    while (i + 1 < out.length && out[i + 1] === 0 && out[i] >= 0x30 && out[i] <= 0x39) {
      digits.push(i);
      i += 2;
    }
    // Past 10^digits copies the digits would repeat an earlier copy: those get the trailer instead.
    if (digits.length > 0 && k < 10 ** digits.length && out.subarray(i, i + 2).equals(Buffer.from('期', 'utf16le'))) {
      const value = String(k % 10 ** digits.length).padStart(digits.length, '0');
      digits.forEach((at, j) => (out[at] = value.charCodeAt(j)));
      if (!out.equals(bytes)) return out;
    }
  }
  return Buffer.concat([out, Buffer.alloc(512 - (out.length % 512 || 512)), Buffer.from(`bench-${k}`.padEnd(512, ' '))]);
}

/** A comment after %%EOF: every PDF reader skips it. */
function variantPdf(bytes: Buffer, k: number): Buffer {
  return Buffer.concat([bytes, Buffer.from(`\n%bench-variant ${k}\n`)]);
}

export async function buildCorpus(options: { fixturesDir: string; dir: string; copiesPerFixture: number }): Promise<CorpusInfo> {
  const fixtures = fs
    .readdirSync(options.fixturesDir)
    .filter((name) => /\.(txt|docx|doc|pdf)$/i.test(name) && !name.startsWith('.'))
    .sort();
  const stamp = createHash('sha256');
  for (const name of fixtures) stamp.update(name).update(fs.readFileSync(path.join(options.fixturesDir, name)));
  stamp.update(String(options.copiesPerFixture));
  const signature = stamp.digest('hex');
  const stampFile = path.join(options.dir, '.corpus-signature');
  if (!(fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === signature)) {
    fs.rmSync(options.dir, { recursive: true, force: true });
    fs.mkdirSync(options.dir, { recursive: true });
    for (const name of fixtures) {
      const bytes = fs.readFileSync(path.join(options.fixturesDir, name));
      const ext = path.extname(name).slice(1).toLowerCase();
      const base = name.slice(0, -(ext.length + 1));
      const folder = path.join(options.dir, ext);
      fs.mkdirSync(folder, { recursive: true });
      for (let k = 1; k <= options.copiesPerFixture; k++) {
        const variant =
          ext === 'txt' ? variantTxt(bytes, k) : ext === 'docx' ? await variantDocx(bytes, k) : ext === 'doc' ? variantDoc(bytes, k) : variantPdf(bytes, k);
        fs.writeFileSync(path.join(folder, `${base}-b${String(k).padStart(3, '0')}.${ext}`), variant);
      }
    }
    fs.writeFileSync(stampFile, signature);
  }
  const byFormat: Record<string, number> = {};
  let files = 0;
  let bytes = 0;
  const hashes = new Set<string>();
  for (const folder of fs.readdirSync(options.dir).filter((d) => !d.startsWith('.'))) {
    for (const name of fs.readdirSync(path.join(options.dir, folder))) {
      const data = fs.readFileSync(path.join(options.dir, folder, name));
      hashes.add(createHash('sha256').update(data).digest('hex'));
      byFormat[folder] = (byFormat[folder] ?? 0) + 1;
      files++;
      bytes += data.length;
    }
  }
  if (hashes.size !== files) throw new Error(`corpus has ${files - hashes.size} duplicate files`);
  return { dir: options.dir, files, byFormat, bytes };
}

/** Every corpus file, sorted. */
export function corpusFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((d) => !d.startsWith('.'))
    .flatMap((folder) => fs.readdirSync(path.join(dir, folder)).map((name) => path.join(dir, folder, name)))
    .sort();
}
