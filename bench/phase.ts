/**
 * One benchmark phase in its own process, so its peak memory (VmHWM: the main thread and all worker
 * threads) is its own. Prints one JSON line: { phase, seconds, cpuSeconds, files, ok, failed, peakRssMb }.
 *   bare <corpus>                 extract() over every file in this process, no workers
 *   bare-parallel <corpus> <n>    extract() only, in n worker threads taking file after file: the
 *                                 floor for an import with n workers on this machine
 *   pipeline <corpus>             ingestFile() over every file in this process (no batch, no output)
 *   stages <corpus>               per-stage times in this process: extraction, segmentation, entities,
 *                                 with characters/s for each (entity warm-up — jieba's dictionaries — apart)
 *   import <corpus> <out> <n>     the full batch with n workers into a fresh <out>
 *   rerun <corpus> <out> <n>      the batch again over an unchanged corpus
 * BENCH_CODE=<dir> runs the compiled modules in <dir> (as the installed CLI does) instead of src/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFiles } from './corpus.js';

/** A module of the tool: compiled (BENCH_CODE) or the TypeScript source. */
const load = async <T>(rel: string): Promise<T> => {
  const code = process.env.BENCH_CODE;
  const url = code ? pathToFileURL(path.join(code, `${rel}.js`)).href : new URL(`../src/${rel}.ts`, import.meta.url).href;
  return (await import(url)) as T;
};
type ConfigModule = typeof import('../src/config.js');

function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Number.isFinite(kb) ? kb / 1024 : process.memoryUsage().rss / 2 ** 20;
}

const [phase, corpus, ...rest] = process.argv.slice(2);
// import/rerun take <out> <n>; bare-parallel takes only <n>
const [out, workers] = phase === 'bare-parallel' ? ['', rest[0]] : rest;
// A fresh <out> for an import, removed before the clock starts (the last round's records are not its work).
if (phase === 'import') fs.rmSync(out, { recursive: true, force: true });
const started = performance.now();
let result: { files: number; ok: number; failed: number; timings?: Record<string, number> };

if (phase === 'bare') {
  const { extract } = await load<typeof import('../src/extract/index.js')>('extract/index');
  const { parseConfig } = await load<ConfigModule>('config');
  const { limits } = parseConfig({});
  let ok = 0;
  let failed = 0;
  const files = corpusFiles(corpus);
  for (const file of files) {
    try {
      await extract(fs.readFileSync(file), { limits, fileName: file });
      ok++;
    } catch {
      failed++;
    }
  }
  result = { files: files.length, ok, failed };
} else if (phase === 'bare-parallel') {
  const code = process.env.BENCH_CODE;
  if (!code) throw new Error('bare-parallel needs the compiled tool (BENCH_CODE)');
  const { Worker } = await import('node:worker_threads');
  const files = corpusFiles(corpus);
  const source = `
    const { parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    (async () => {
      const { extract } = await import(${JSON.stringify(pathToFileURL(path.join(code, 'extract/index.js')).href)});
      const { parseConfig } = await import(${JSON.stringify(pathToFileURL(path.join(code, 'config.js')).href)});
      const { limits } = parseConfig({});
      parentPort.on('message', async (file) => {
        let ok = true;
        try { await extract(fs.readFileSync(file), { limits, fileName: file }); } catch { ok = false; }
        parentPort.postMessage(ok);
      });
      parentPort.postMessage(null);
    })();`;
  let next = 0;
  let ok = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: Number(workers) }, () => new Promise<void>((resolve, reject) => {
      // The same heap settings as the import's workers (src/batch/thread-pool.ts).
      const worker = new Worker(source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 } });
      worker.on('error', reject);
      worker.on('message', (result: boolean | null) => {
        if (result === true) ok++;
        else if (result === false) failed++;
        if (next < files.length) worker.postMessage(files[next++]);
        else void worker.terminate().then(() => resolve());
      });
    })),
  );
  result = { files: files.length, ok, failed };
} else if (phase === 'pipeline') {
  const { ingestFile } = await load<typeof import('../src/ingest.js')>('ingest');
  const { parseConfig } = await load<ConfigModule>('config');
  const config = parseConfig({});
  let ok = 0;
  let failed = 0;
  const files = corpusFiles(corpus);
  for (const file of files) {
    try {
      await ingestFile(file, config);
      ok++;
    } catch {
      failed++;
    }
  }
  result = { files: files.length, ok, failed };
} else if (phase === 'stages') {
  const { extract } = await load<typeof import('../src/extract/index.js')>('extract/index');
  const { toLines } = await load<typeof import('../src/normalise/index.js')>('normalise/index');
  const { segment } = await load<typeof import('../src/segment/index.js')>('segment/index');
  const { extractEntities } = await load<typeof import('../src/entities/index.js')>('entities/index');
  const { parseConfig } = await load<ConfigModule>('config');
  const config = parseConfig({});
  const files = corpusFiles(corpus);
  const time = { extract: 0, segment: 0, entities: 0, warmUp: 0 };
  let extractedChars = 0;
  let itemChars = 0;
  let ok = 0;
  const warm = performance.now();
  extractEntities(['5月8日，市政协副主席王建国出席会议。'], { issueDate: '2020-05-11', lexicons: config.lexicons });
  time.warmUp = (performance.now() - warm) / 1000;
  for (const file of files) {
    let t = performance.now();
    let extraction;
    try {
      extraction = await extract(fs.readFileSync(file), { limits: config.limits, fileName: file });
    } catch {
      continue;
    }
    time.extract += (performance.now() - t) / 1000;
    extractedChars += extraction.blocks.reduce((n, b) => n + b.text.length, 0);
    t = performance.now();
    const doc = segment(toLines(extraction.blocks), config.markers);
    time.segment += (performance.now() - t) / 1000;
    const texts = doc.items.map((i) => i.paragraphs.join('\n'));
    itemChars += texts.reduce((n, x) => n + x.length, 0);
    t = performance.now();
    extractEntities(texts, { issueDate: doc.masthead.date, lexicons: config.lexicons });
    time.entities += (performance.now() - t) / 1000;
    ok++;
  }
  result = {
    files: files.length,
    ok,
    failed: files.length - ok,
    timings: { ...time, extractedChars, itemChars, extractCharsPerSecond: extractedChars / time.extract, entityCharsPerSecond: itemChars / time.entities, segmentCharsPerSecond: extractedChars / time.segment },
  };
} else if (phase === 'import' || phase === 'rerun') {
  const { runBatch } = await load<typeof import('../src/batch/run.js')>('batch/run');
  const { parseConfig } = await load<ConfigModule>('config');
  const summary = await runBatch({ inputs: [corpus], outDir: out, config: parseConfig({}), concurrency: Number(workers) });
  const timings = { ...summary.timings, extractionBusy: summary.busy.extraction, entityBusy: summary.busy.entity, extractionWorkers: summary.workers };
  result = { files: summary.files, ok: summary.ok + summary.skipped, failed: summary.failed, timings };
} else {
  throw new Error(`unknown phase ${phase}`);
}

const seconds = (performance.now() - started) / 1000;
// CPU time of the whole process, worker threads included: cpuSeconds / seconds = cores kept busy.
const cpu = process.cpuUsage();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ phase, seconds, cpuSeconds, ...result, peakRssMb: peakRssMb() })}\n`);
