/**
 * `npm run bench`: the cost of `bulletin ingest` against bare extraction with the same libraries.
 * Builds (or reuses) bench/corpus/, then runs each phase in its own process and prints a table;
 * bench/results.json keeps the figures. BENCH_COPIES sets the copies per fixture (default 20).
 * Two reference rows: bare extraction spread over all cores' worker threads (the floor an import with
 * all cores can reach on this machine), and the whole pipeline in one process without the batch,
 * which separates the cost of the pipeline's later stages from the batch's own overhead.
 * Then query latency (bench/query.ts) on an index of ≥ 10,000 generated items, and CLI start-up,
 * and the page render times of `bulletin serve` on ≥ 10,000 ingested items (bench/serve.ts).
 * Then OCR seconds per page (bench/ocr.ts); BENCH_OCR_ONLY=1 runs that alone.
 * Targets: all cores ≤ bare extraction, one worker ≤ 1.5× bare, unchanged re-run < 10 % of the
 * first run, peak memory < 1 GB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { splitWorkers } from '../src/batch/pool.js';
import { buildCorpus } from './corpus.js';
import { printOcrBench, runOcrBench } from './ocr.js';
import { printTable as printQueryTable, runQueryBench } from './query.js';
import { printServeTable, runServeBench } from './serve.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const cores = os.availableParallelism();
const copies = Number(process.env.BENCH_COPIES ?? 20);

if (process.env.BENCH_OCR_ONLY === '1') {
  const ocr = await runOcrBench(root);
  if (ocr) printOcrBench(ocr);
  process.exit(0);
}

interface PhaseResult {
  phase: string;
  seconds: number;
  cpuSeconds: number;
  files: number;
  ok: number;
  failed: number;
  peakRssMb: number;
  timings?: { scan: number; process: number; finish: number; extractionBusy: number; entityBusy: number; extractionWorkers: number };
}

/**
 * Compiles src/ into bench/out/build/dist (with its data files, package.json and node_modules
 * beside it), so the phases run the code the installed CLI runs: workers from dist/ start without
 * tsx, which otherwise transforms the whole pipeline again in every worker. BENCH_SOURCE=ts skips it.
 */
function buildCompiled(): string | null {
  if (process.env.BENCH_SOURCE === 'ts') return null;
  const build = path.join(benchDir, 'out', 'build');
  const dist = path.join(build, 'dist');
  fs.rmSync(build, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', dist], { cwd: root, stdio: 'pipe' });
  } catch {
    // tsc still emits when other modules have type errors; only a missing entry point is fatal.
  }
  if (!fs.existsSync(path.join(dist, 'batch', 'parse-worker.js'))) {
    process.stderr.write('could not compile src/; benchmarking the TypeScript sources through tsx\n');
    return null;
  }
  const copyAssets = (from: string, to: string) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) copyAssets(source, target);
      else if (!entry.name.endsWith('.ts')) {
        fs.mkdirSync(to, { recursive: true });
        fs.copyFileSync(source, target);
      }
    }
  };
  copyAssets(path.join(root, 'src'), dist);
  fs.copyFileSync(path.join(root, 'package.json'), path.join(build, 'package.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(build, 'node_modules'));
  // The phase runner too, as plain JavaScript: under tsx's loader the same extraction ran ~20 %
  // slower, which flattered every ratio to bare extraction.
  const benchOut = path.join(build, 'bench');
  fs.mkdirSync(benchOut, { recursive: true });
  for (const name of ['phase.ts', 'corpus.ts']) {
    const source = fs.readFileSync(path.join(benchDir, name), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: name });
    fs.writeFileSync(path.join(benchOut, name.replace(/\.ts$/, '.js')), outputText);
  }
  return dist;
}

/** The phase runner: compiled next to the compiled tool, else the TypeScript source through tsx. */
const phaseCommand = (): string[] =>
  compiled ? [path.join(path.dirname(compiled), 'bench', 'phase.js')] : ['--import', 'tsx', path.join(benchDir, 'phase.ts')];

const loadBefore = os.loadavg()[0];
const compiled = buildCompiled();

function runPhase(args: string[]): PhaseResult {
  const output = execFileSync(process.execPath, [...phaseCommand(), ...args], {
    cwd: root,
    env: { ...process.env, ...(compiled ? { BENCH_CODE: compiled } : {}) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.trim().split('\n').at(-1)!;
  return JSON.parse(line) as PhaseResult;
}

const corpus = await buildCorpus({ fixturesDir: path.join(root, 'fixtures'), dir: path.join(benchDir, 'corpus'), copiesPerFixture: copies });
process.stderr.write(`code: ${compiled ? 'compiled (bench/out/build/dist)' : 'TypeScript sources via tsx'}\n`);
process.stderr.write(`corpus: ${corpus.files} files (${Object.entries(corpus.byFormat).map(([f, n]) => `${n} ${f}`).join(', ')}), ${(corpus.bytes / 2 ** 20).toFixed(1)} MB; ${cores} cores\n`);

const outDir = (name: string) => path.join(benchDir, 'out', name);
/**
 * This machine is shared: the same phase varies ±30 % between runs, and its speed drifts within a
 * minute. So the phases run in ROUNDS interleaved rounds (bare extraction, the two imports in turn,
 * floor, pipeline), one more bare extraction closes the last round, and each phase's ratio is taken
 * to the mean of the bare extractions just before and just after its round. The median round's
 * figures are shown, and every round's ratios.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
interface Round {
  bare: PhaseResult;
  /** The next round's bare extraction (or the closing one). */
  bareAfter: PhaseResult;
  bareParallel: PhaseResult | null;
  pipeline: PhaseResult;
  one: PhaseResult;
  all: PhaseResult;
}
const rounds: Round[] = [];
let nextBare = runPhase(['bare', corpus.dir]);
for (let k = 1; k <= ROUNDS; k++) {
  process.stderr.write(`round ${k}/${ROUNDS}: import with --concurrency 1 and ${cores} (order alternating), bare extraction in ${cores} workers, pipeline in one process, bare extraction…\n`);
  const bare = nextBare;
  // The two imports swap places every round, so neither always runs right after the other.
  const importOne = () => runPhase(['import', corpus.dir, outDir('one'), '1']);
  const importAll = () => runPhase(['import', corpus.dir, outDir('all'), String(cores)]);
  let one: PhaseResult;
  let all: PhaseResult;
  if (k % 2 === 1) {
    one = importOne();
    all = importAll();
  } else {
    all = importAll();
    one = importOne();
  }
  const bareParallel = compiled ? runPhase(['bare-parallel', corpus.dir, String(cores)]) : null;
  const pipeline = runPhase(['pipeline', corpus.dir]);
  nextBare = runPhase(['bare', corpus.dir]);
  rounds.push({ bare, bareAfter: nextBare, one, all, bareParallel, pipeline });
}
/** A round's bare extraction time: the mean of the runs that bracket it. */
const bareSeconds = (round: Round) => (round.bare.seconds + round.bareAfter.seconds) / 2;
process.stderr.write('stage throughput…\n');
const stages = runPhase(['stages', corpus.dir]);
process.stderr.write('unchanged re-run…\n');
const rerun = runPhase(['rerun', corpus.dir, outDir('all'), String(cores)]);

/** The phase's run in the round whose ratio to that round's bare extraction is the median one. */
function median(pick: (r: Round) => PhaseResult | null): { r: PhaseResult; ratio: number } | null {
  const runs = rounds
    .map((round) => ({ r: pick(round), bare: bareSeconds(round) }))
    .filter((x): x is { r: PhaseResult; bare: number } => x.r !== null)
    .map((x) => ({ r: x.r, ratio: x.r.seconds / x.bare }))
    .sort((a, b) => a.ratio - b.ratio);
  return runs.length > 0 ? runs[(runs.length - 1) >> 1] : null;
}
const bareRuns = [rounds[0].bare, ...rounds.map((r) => r.bareAfter)];
const bare = [...bareRuns].sort((a, b) => a.seconds - b.seconds)[(bareRuns.length - 1) >> 1];
const bareParallel = median((r) => r.bareParallel);
const pipeline = median((r) => r.pipeline)!;
const one = median((r) => r.one)!;
const all = median((r) => r.all)!;

/** The threads `--concurrency n` starts (src/batch/pool.ts). */
function threads(n: number): string {
  const { extraction, analysers } = splitWorkers(n);
  return `--concurrency ${n}: ${extraction} extraction + ${analysers} entity`;
}

const rows = [
  { name: 'bare extraction (1 process)', r: bare, ratio: 1, target: '—', pass: true },
  ...(bareParallel ? [{ name: `bare extraction, ${cores} workers (floor)`, r: bareParallel.r, ratio: bareParallel.ratio, target: '—', pass: true }] : []),
  { name: 'pipeline, 1 process (reference)', r: pipeline.r, ratio: pipeline.ratio, target: '—', pass: true },
  { name: `import, 1 worker (${threads(1)})`, r: one.r, ratio: one.ratio, target: '≤ 1.5× bare', pass: one.ratio <= 1.5 },
  { name: `import, all cores (${threads(cores)})`, r: all.r, ratio: all.ratio, target: '≤ 1.0× bare', pass: all.ratio <= 1.0 },
  { name: 'unchanged re-run', r: rerun, ratio: rerun.seconds / bare.seconds, target: '< 10% of first run', pass: rerun.seconds < 0.1 * all.r.seconds },
];
// The memory target is about `bulletin ingest`; the reference rows are shown but not judged.
const peak = Math.max(...rounds.flatMap((r) => [r.one.peakRssMb, r.all.peakRssMb]), rerun.peakRssMb);

const header = ['phase', 'seconds', '× bare', 'files/s', 'CPU s', 'cores busy', 'ok/failed', 'peak RSS MB', 'target', ''];
const table = rows.map((row) => [
  row.name,
  row.r.seconds.toFixed(2),
  row.ratio.toFixed(2),
  (row.r.files / row.r.seconds).toFixed(1),
  row.r.cpuSeconds.toFixed(1),
  (row.r.cpuSeconds / row.r.seconds).toFixed(2),
  `${row.r.ok}/${row.r.failed}`,
  row.r.peakRssMb.toFixed(0),
  row.target,
  row.pass ? 'ok' : 'MISSED',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(fmt(header));
for (const r of table) console.log(fmt(r));
for (const row of rows.filter((r) => r.r.timings)) {
  const t = row.r.timings!;
  // Extraction busy for nearly all of the time in workers means the work after it was hidden.
  const share = t.extractionWorkers > 0 ? t.extractionBusy / (t.process * t.extractionWorkers) : 0;
  console.log(
    `${row.name}: ${t.scan.toFixed(2)} s finding/hashing, ${t.process.toFixed(2)} s in workers (incl. start-up), ${t.finish.toFixed(2)} s manifest/items/index; ` +
      `extraction busy ${t.extractionBusy.toFixed(2)} s (${(share * 100).toFixed(0)} % of its workers' time), entity pass busy ${t.entityBusy.toFixed(2)} s`,
  );
}
{
  const t = stages.timings as unknown as Record<string, number>;
  const kcs = (n: number) => `${(n / 1000).toFixed(0)}k chars/s`;
  console.log(
    `stages (one process, ${stages.ok} files): extraction ${t.extract.toFixed(2)} s (${kcs(t.extractCharsPerSecond)}), ` +
      `normalise+segment ${t.segment.toFixed(2)} s (${kcs(t.segmentCharsPerSecond)}), entities ${t.entities.toFixed(2)} s ` +
      `(${kcs(t.entityCharsPerSecond)} of item text) + ${t.warmUp.toFixed(2)} s entity warm-up (jieba dictionaries) per process`,
  );
}
console.log(`batch, 1 worker vs the pipeline in one process: ${((one.ratio / pipeline.ratio - 1) * 100).toFixed(1)} % (the two stages overlap, so it can be negative)`);
console.log(`${ROUNDS} rounds; × bare per round: 1 worker ${rounds.map((r) => (r.one.seconds / bareSeconds(r)).toFixed(2)).join(', ')}; all cores ${rounds.map((r) => (r.all.seconds / bareSeconds(r)).toFixed(2)).join(', ')}; bare ${bareRuns.map((r) => r.seconds.toFixed(2)).join(', ')} s`);
console.log(`re-run / first run: ${((rerun.seconds / all.r.seconds) * 100).toFixed(1)} %   peak memory of the import: ${peak.toFixed(0)} MB (target < 1024) ${peak < 1024 ? 'ok' : 'MISSED'}`);
if (loadBefore > cores * 0.5) console.log(`note: load average ${loadBefore.toFixed(2)} on ${cores} cores before the run: other processes competed for the CPU; compare "cores busy".`);

// Query latency on an index of generated records (≥ 10,000 items), and the CLI's start-up.
process.stderr.write('query latency…\n');
const queries = await runQueryBench({ log: (line) => process.stderr.write(`${line}\n`) });
console.log('');
printQueryTable(queries);

// Page render times of `bulletin serve` on an archive of ≥ 10,000 ingested items (bench/serve.ts).
process.stderr.write('serve page render…\n');
const serve = await runServeBench({ log: (line) => process.stderr.write(`${line}\n`) });
printServeTable(serve);
process.stderr.write('OCR…\n');
const ocr = await runOcrBench(root);
if (ocr) printOcrBench(ocr);

const results = {
  node: process.version,
  code: compiled ? 'compiled' : 'tsx',
  cores,
  loadAverageBefore: Number(loadBefore.toFixed(2)),
  corpus: { files: corpus.files, byFormat: corpus.byFormat, bytes: corpus.bytes, copiesPerFixture: copies },
  phases: Object.fromEntries(rows.map((row) => [row.name, { ...row.r, ratioToBare: Number(row.ratio.toFixed(3)), filesPerSecond: Number((row.r.files / row.r.seconds).toFixed(2)), target: row.target, pass: row.pass }])),
  stages: stages.timings,
  rounds: rounds.map((r) => ({ bareSeconds: bareSeconds(r), oneWorkerRatio: r.one.seconds / bareSeconds(r), allCoresRatio: r.all.seconds / bareSeconds(r) })),
  batchOverheadOneWorker: Number((one.ratio / pipeline.ratio - 1).toFixed(4)),
  rerunShareOfFirstRun: Number((rerun.seconds / all.r.seconds).toFixed(4)),
  peakRssMb: Number(peak.toFixed(1)),
  queries,
  serve,
  ocr,
};
fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
