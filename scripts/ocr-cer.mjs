// Character error rate of Tesseract on the scans in eval/scans*/ against the text they were made
// from (issue 14's OCR experiments; the table is in eval/scans/README.md). Only Han characters, digits
// and Latin letters count (whitespace and punctuation do not); each page's reading is aligned with the
// best-matching stretch of its source (edits / characters read).
//   RENDER=200|300|…|native TARGS='--psm 4 -c …' PAGES=1,2 node scripts/ocr-cer.mjs NAME
// RENDER: pdftoppm -r DPI -gray (what the ingest does), or `native`: the page's embedded image as it
// is (pdfimages). TARGS: Tesseract options after `-l chi_sim` (a later `-l` replaces the language).
// Readings are cached in $CER_CACHE (default /tmp/bulletin-ocr-cer) by image bytes and options;
// secPerPage is the mean Tesseract time of the pages read in this run (one process, one thread).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import crypto from 'node:crypto';
const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const sets = {
  tune: [
    ['eval/scans/docs/baotou-2020-18-scan.pdf', 'fixtures/baotou-2020-18.pdf'],
    ['eval/scans/docs/xixiangtang-2023-11-scan.pdf', 'fixtures/xixiangtang-2023-11.pdf'],
    ['eval/scans/docs/minmeng-hangzhou-2022-01-scan.pdf', 'fixtures/minmeng-hangzhou-2022-01.pdf'],
    ['eval/scans/docs/changshou-zx-2024-15-scan.pdf', 'eval/heldout/docs/changshou-zx-2024-15.pdf'],
    ['eval/scans/docs/xian-93-2016-04-scan.pdf', 'eval/heldout/docs/xian-93-2016-04.pdf'],
    ['eval/scans/docs/zunyi-93-2025-11-scan.pdf', 'eval/heldout2/docs/zunyi-93-2025-11.pdf'],
  ],
  heldout: [
    ['eval/scans-heldout/docs/zhoukou-2012-15-scan.pdf', 'eval/heldout3/docs/zhoukou-2012-15.pdf'],
    ['eval/scans-heldout/docs/tianshui-2023-01-scan.pdf', 'eval/heldout3/docs/tianshui-2023-01.txt'],
    ['eval/scans-heldout/docs/linyi-2019-07-scan.pdf', 'eval/heldout3/docs/linyi-2019-07.txt'],
  ],
  heldout2: [
    ['eval/scans-heldout2/docs/hongkou-rd-2017-07-scan.pdf', 'eval/heldout/docs/hongkou-rd-2017-07.txt'],
    ['eval/scans-heldout2/docs/anji-rd-2016-12-scan.pdf', 'eval/heldout2/docs/anji-rd-2016-12.docx'],
    ['eval/scans-heldout2/docs/ningde-zx-2021-01-scan.pdf', 'eval/heldout2/docs/ningde-zx-2021-01.txt'],
  ],
};
const keep = (s) => [...s].filter((c) => /[\u4e00-\u9fff0-9A-Za-z]/.test(c));
function source(p) {
  if (p.endsWith('.docx')) return execFileSync('node', ['-e', 'require("mammoth").extractRawText({ path: process.argv[1] }).then((r) => process.stdout.write(r.value))', root + '/' + p], { encoding: 'utf8', cwd: root });
  if (p.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', root + '/' + p, '-'], { encoding: 'utf8' });
  const buf = fs.readFileSync(root + '/' + p);
  try { return new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch { return new TextDecoder('gb18030').decode(buf); }
}
// semi-global edit distance: a (page OCR) against any substring of b (source)
function semi(a, b) {
  const m = b.length; let prev = new Int32Array(m + 1), cur = new Int32Array(m + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const s = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(s, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = Infinity; for (let j = 0; j <= m; j++) best = Math.min(best, prev[j]);
  return best;
}
const name = process.argv[2] ?? 'run';
const render = process.env.RENDER ?? '200';
const targs = (process.env.TARGS ?? '--psm 4').split(' ').filter(Boolean);
const pages = (process.env.PAGES ?? '1').split(',').map(Number);
const cache = process.env.CER_CACHE ?? '/tmp/bulletin-ocr-cer'; fs.mkdirSync(cache, { recursive: true });
const out = {};
for (const [set, docs] of Object.entries(sets)) {
  let edits = 0, chars = 0, secs = 0, n = 0;
  for (const [scan, src] of docs) {
    const ref = keep(source(src));
    for (const page of pages) {
      const img = `${cache}/img-${page}`;
      let file, dpiArg = [];
      if (render === 'native') {
        execFileSync('pdfimages', ['-png', '-f', String(page), '-l', String(page), root + '/' + scan, img]);
        file = `${img}-000.png`;
        const list = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), root + '/' + scan], { encoding: 'utf8' }).split('\n')[2].trim().split(/\s+/);
        dpiArg = ['--dpi', list[12]];
      } else {
        execFileSync('pdftoppm', ['-r', render, '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), root + '/' + scan, img]);
        file = `${img}.png`; dpiArg = ['--dpi', render];
      }
      const key = crypto.createHash('sha1').update(fs.readFileSync(file)).update(JSON.stringify([...targs, ...dpiArg])).digest('hex');
      let text, t = 0;
      if (fs.existsSync(`${cache}/${key}`)) { const j = JSON.parse(fs.readFileSync(`${cache}/${key}`, 'utf8')); text = j.text; t = j.t; }
      else {
        const t0 = Date.now();
        text = execFileSync('tesseract', [file, 'stdout', '-l', 'chi_sim', ...dpiArg, ...targs], { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
        t = (Date.now() - t0) / 1000;
        fs.writeFileSync(`${cache}/${key}`, JSON.stringify({ text, t }));
      }
      const a = keep(text);
      const e = semi(a, ref);
      edits += e; chars += a.length; secs += t; n++;
      out[`${scan.split('/').pop()}#${page}`] = +(e / a.length).toFixed(4);
    }
  }
  out[set] = { cer: +(edits / chars).toFixed(4), secPerPage: +(secs / n).toFixed(1) };
}
console.log(name, JSON.stringify(out));

