/**
 * One benchmark phase in its own process, so its peak memory (VmHWM: the main thread and all worker
 * threads) is its own. Prints one JSON line: { phase, seconds, cpuSeconds, files, ok, failed, peakRssMb }.
 *   bare <corpus>                 extract() over every file in this process, no workers
 *   pipeline <corpus>             ingestFile() over every file in this process (no batch, no output)
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

const [phase, corpus, out, workers] = process.argv.slice(2);
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
} else if (phase === 'import' || phase === 'rerun') {
  const { runBatch } = await load<typeof import('../src/batch/run.js')>('batch/run');
  const { parseConfig } = await load<ConfigModule>('config');
  if (phase === 'import') fs.rmSync(out, { recursive: true, force: true });
  const summary = await runBatch({ inputs: [corpus], outDir: out, config: parseConfig({}), concurrency: Number(workers) });
  result = { files: summary.files, ok: summary.ok + summary.skipped, failed: summary.failed, timings: summary.timings } as typeof result;
} else {
  throw new Error(`unknown phase ${phase}`);
}

const seconds = (performance.now() - started) / 1000;
// CPU time of the whole process, worker threads included: cpuSeconds / seconds = cores kept busy.
const cpu = process.cpuUsage();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ phase, seconds, cpuSeconds, ...result, peakRssMb: peakRssMb() })}\n`);
