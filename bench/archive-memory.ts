/**
 * `npm run bench:archive`: does the main process's memory grow with the archive? Ingests a corpus of
 * N tiny text bulletins and one of ~4N (first run, then an unchanged re-run of each) and reports the
 * peaks: the main thread's V8 heap (bench/memory-probe.mjs, sampled), the whole process's peak RSS
 * (/usr/bin/time -v; worker threads included), and the growth per file between the two sizes — the
 * ratio is the result, not any one run's figures. Corpora and OUT folders go to $BENCH_ARCHIVE_DIR
 * (default /tmp/bulletin-archive-bench), reused when complete.
 * BENCH_ARCHIVE_SIZES=20000,80000 sets the sizes; BENCH_ARCHIVE_HEAP_MB caps the main thread's heap
 * (`--max-old-space-size`) to show the largest run needs no more.
 *
 * The bulletins are invented: 40 publishers, one issue per file (at most 100 a year each), and every 100th issue also present
 * as two more copies in a copies/ folder (identical bytes: one issue in three files).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const baseDir = process.env.BENCH_ARCHIVE_DIR ?? path.join(os.tmpdir(), 'bulletin-archive-bench');
const sizes = (process.env.BENCH_ARCHIVE_SIZES ?? '20000,80000').split(',').map(Number);
const heapCapMb = process.env.BENCH_ARCHIVE_HEAP_MB ? Number(process.env.BENCH_ARCHIVE_HEAP_MB) : null;

const PLACES = ['青川', '岚江', '白沙', '云岭', '东湖', '西林', '南浦', '北塘', '石门', '桃源'];
const BODIES = ['政协', '政协办公室', '统战部', '民盟市委'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '明华建国志强秀英丽娟伟军海燕文博';
const EVENTS = ['专题协商会', '委员视察活动', '提案办理座谈会', '调研座谈会', '界别活动'];

const name = (k: number) => `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 7) % GIVEN.length]}${GIVEN[(k * 11 + 3) % GIVEN.length]}`;

function bulletin(k: number): { file: string; text: string } {
  // Each k its own issue: 4,000 a year, 100 for each of 40 publishers.
  const j = k % 4000;
  const place = PLACES[j % PLACES.length];
  const body = BODIES[Math.floor(j / PLACES.length) % BODIES.length];
  const publisher = `${place}市${body}`;
  const year = 2000 + Math.floor(k / 4000);
  const issue = Math.floor(j / 40) + 1;
  const month = (k % 12) + 1;
  const day = (k % 28) + 1;
  const text = [
    `${publisher}工作简报`,
    `第${issue}期`,
    `${publisher}编　　${year}年${month}月${day}日`,
    '',
    `一、${month}月${day}日，${place}市政协主席${name(k)}出席${EVENTS[k % EVENTS.length]}，副主席${name(k + 1)}主持。`,
    `二、${month}月${day}日，${place}市政协副主席${name(k + 2)}带队开展${EVENTS[(k + 2) % EVENTS.length]}，秘书长${name(k + 3)}参加。`,
    '',
  ].join('\n');
  return { file: `卷${String(Math.floor(k / 500)).padStart(3, '0')}/${place}-${body}-${year}-${issue}.txt`, text };
}

/** Writes the corpus of n files (k = 0…): issues, plus two copies of every 100th one. */
function buildArchive(n: number): { dir: string; files: number } {
  const dir = path.join(baseDir, `corpus-${n}`);
  const done = path.join(dir, '.complete');
  let files = 0;
  const plan: { file: string; text: string }[] = [];
  for (let k = 0; files < n; k++) {
    const b = bulletin(k);
    plan.push(b);
    files++;
    if (k % 100 === 0) {
      for (const copy of [1, 2]) {
        if (files >= n) break;
        plan.push({ file: `copies/${copy}/${b.file}`, text: b.text });
        files++;
      }
    }
  }
  if (fs.existsSync(done)) return { dir, files };
  fs.rmSync(dir, { recursive: true, force: true });
  for (const { file, text } of plan) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.writeFileSync(done, '');
  return { dir, files };
}

interface RunFigures {
  seconds: number;
  heapMb: number;
  rssMb: number;
  manifestMb: number;
  ok: number;
  skipped: number;
  failed: number;
}

function ingest(dir: string, out: string): RunFigures {
  const probe = path.join(baseDir, `probe-${process.pid}.json`);
  const node = [...(heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : []), '--import', path.join(root, 'bench', 'memory-probe.mjs'), path.join(root, 'bin', 'bulletin.mjs')];
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...node, 'ingest', dir, '--out', out, '--json'], {
    env: { ...process.env, BENCH_MEMORY_OUT: probe },
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  const { stdout, stderr } = run;
  if (!stdout.trim().startsWith('{')) throw new Error(`ingest failed (status ${run.status}): ${stderr.slice(-2000)}`);
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(stdout) as { ok: number; skipped: number; failed: number };
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const peak = JSON.parse(fs.readFileSync(probe, 'utf8')) as { heapUsed: number; rss: number };
  fs.rmSync(probe, { force: true });
  return {
    seconds,
    heapMb: peak.heapUsed / 2 ** 20,
    rssMb: rss ? Number(rss) / 1024 : peak.rss / 2 ** 20,
    manifestMb: fs.statSync(path.join(out, 'manifest.json')).size / 2 ** 20,
    ok: summary.ok,
    skipped: summary.skipped,
    failed: summary.failed,
  };
}

const results: { files: number; first: RunFigures; again: RunFigures }[] = [];
fs.mkdirSync(baseDir, { recursive: true });
for (const n of sizes) {
  const { dir, files } = buildArchive(n);
  const out = path.join(baseDir, `out-${n}`);
  fs.rmSync(out, { recursive: true, force: true });
  const first = ingest(dir, out);
  const again = ingest(dir, out);
  results.push({ files, first, again });
  fs.rmSync(out, { recursive: true, force: true });
  console.log(JSON.stringify({ files, first, again }));
}

const fmt = (x: number, d = 0) => x.toFixed(d);
console.log(`\nmain-thread heap cap: ${heapCapMb ? `${heapCapMb} MB` : 'none'}`);
console.log('| files | first run: s, main heap, peak RSS | unchanged re-run: s, main heap, peak RSS | manifest |');
console.log('| --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.files.toLocaleString('en')} | ${fmt(r.first.seconds, 1)} s, ${fmt(r.first.heapMb)} MB, ${fmt(r.first.rssMb)} MB | ` +
      `${fmt(r.again.seconds, 1)} s, ${fmt(r.again.heapMb)} MB, ${fmt(r.again.rssMb)} MB | ${fmt(r.first.manifestMb, 1)} MB |`,
  );
}
for (let i = 1; i < results.length; i++) {
  const a = results[i - 1];
  const b = results[i];
  const per = (x: number, y: number) => ((y - x) * 2 ** 20) / (b.files - a.files);
  console.log(
    `growth ${a.files.toLocaleString('en')} → ${b.files.toLocaleString('en')} files, bytes per file: ` +
      `first run heap ${fmt(per(a.first.heapMb, b.first.heapMb))}, RSS ${fmt(per(a.first.rssMb, b.first.rssMb))}; ` +
      `re-run heap ${fmt(per(a.again.heapMb, b.again.heapMb))}, RSS ${fmt(per(a.again.rssMb, b.again.rssMb))}`,
  );
}
