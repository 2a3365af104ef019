/**
 * `npm run bench:queue` (and the last part of `npm run bench` when redis-server is installed): the
 * cost of running the import through the BullMQ queue on loopback against a local run with the same
 * threads, and the figures docs/scale-out.md sizes a cluster with.
 *
 * - Imports of bench/corpus/ in interleaved rounds (this machine drifts; see run.ts): local with 2
 *   threads; one worker process with 2 threads; two worker processes with 2 threads each, against a
 *   local run with 4 threads. Target: one worker ≤ 1.05× local at the same threads.
 * - The queue's own cost per file: the coordinator's executor against a BullMQ worker that answers at
 *   once (no extraction), so only enqueue, hand-over, result and removal are timed.
 * - Redis: commands per file in a real queued import (INFO commandstats), memory per waiting job
 *   (INFO memory before and after 10,000 jobs), and redis-benchmark's ops/s here.
 * - Files per CPU-second by format: local imports of each format's folder, busy thread-seconds.
 * Figures go to bench/out/queue-results.json. BENCH_COPIES as in run.ts; BENCH_QUEUE_ROUNDS (3).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config.js';
import { configHash } from '../src/batch/hash.js';
import { QUEUE_NAME } from '../src/queue/connection.js';
import { QueueExecutor } from '../src/queue/coordinator.js';
import { buildCorpus } from './corpus.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const copies = Number(process.env.BENCH_COPIES ?? 20);
const rounds = Math.max(1, Number(process.env.BENCH_QUEUE_ROUNDS ?? 3));
const cli = path.join(root, 'bin', 'bulletin.mjs');
const outBase = path.join(benchDir, 'out', 'queue');

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.log('queue bench skipped: install Debian package redis-server');
  process.exit(0);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ImportRun {
  seconds: number;
  files: number;
  busy: { extraction: number; entity: number };
}

function importRun(args: string[]): ImportRun {
  const out = execFileSync(process.execPath, [cli, 'ingest', ...args, '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 2 ** 20 });
  const s = JSON.parse(out) as { seconds: number; files: number; busySeconds: { extraction: number; entity: number } };
  return { seconds: s.seconds, files: s.files, busy: s.busySeconds };
}

function startWorkers(url: string, n: number, threads: number): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: n }, () => {
      const child = spawn(process.execPath, [cli, 'worker', '--queue', url, '--root', '.', '-j', String(threads)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      return new Promise<ChildProcess>((resolve) => {
        let text = '';
        child.stderr!.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('taking jobs')) resolve(child);
        });
      });
    }),
  );
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
}

async function commandCalls(redis: Redis): Promise<number> {
  const info = await redis.info('commandstats');
  return [...info.matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const corpus = await buildCorpus({ fixturesDir: path.join(root, 'fixtures'), dir: path.join(benchDir, 'corpus'), copiesPerFixture: copies });
  const input = path.relative(root, corpus.dir);
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // refused until the server is up
  for (let i = 0; i < 100 && (await redis.ping().catch(() => null)) !== 'PONG'; i++) await sleep(50);
  const results: Record<string, unknown> = { corpus: { files: corpus.files, byFormat: corpus.byFormat, bytes: corpus.bytes } };
  try {
    // 1. Imports, interleaved.
    const phases = {
      'local, 2 threads': async () => importRun([input, '--out', path.join(outBase, 'local2'), '-j', '2']),
      'queue, 1 worker × 2 threads': async () => queued(1, 2),
      'local, 4 threads': async () => importRun([input, '--out', path.join(outBase, 'local4'), '-j', '4']),
      'queue, 2 workers × 2 threads': async () => queued(2, 2),
    };
    let callsPerFile = 0;
    async function queued(n: number, threads: number): Promise<ImportRun> {
      const workers = await startWorkers(url, n, threads);
      await sleep(300);
      await redis.config('RESETSTAT');
      try {
        const run = importRun([input, '--out', path.join(outBase, `queue${n}x${threads}`), '-j', String(threads), '--queue', url, '--root', '.']);
        callsPerFile = (await commandCalls(redis)) / run.files;
        return run;
      } finally {
        await stopWorkers(workers);
      }
    }
    const times: Record<string, number[]> = {};
    for (let r = 0; r < rounds; r++) {
      for (const [name, phase] of Object.entries(phases)) {
        fs.rmSync(outBase, { recursive: true, force: true });
        const run = await phase();
        (times[name] ??= []).push(run.seconds);
        console.log(`round ${r + 1}: ${name}: ${run.seconds.toFixed(2)} s (${(run.files / run.seconds).toFixed(1)} files/s)`);
      }
    }
    const ratios = (a: string, b: string) => times[a].map((t, i) => t / times[b][i]).sort((x, y) => x - y);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
    const oneWorker = ratios('queue, 1 worker × 2 threads', 'local, 2 threads');
    const twoWorkers = ratios('queue, 2 workers × 2 threads', 'local, 4 threads');
    const overheadMs = times['queue, 1 worker × 2 threads'].map((t, i) => ((t - times['local, 2 threads'][i]) / corpus.files) * 1000).sort((x, y) => x - y);
    results.imports = { seconds: times, oneWorkerToLocal: oneWorker, twoWorkersToLocal4: twoWorkers, overheadMsPerFile: overheadMs, redisCallsPerFile: callsPerFile };
    console.log(`\nqueue, 1 worker × 2 threads ÷ local, 2 threads: median ${median(oneWorker).toFixed(3)}× (rounds ${oneWorker.map((x) => x.toFixed(2)).join(', ')}; target ≤ 1.05×)`);
    console.log(`queue, 2 workers × 2 threads ÷ local, 4 threads: median ${median(twoWorkers).toFixed(3)}× (rounds ${twoWorkers.map((x) => x.toFixed(2)).join(', ')})`);
    console.log(`wall-clock difference per file, 1 worker against local: median ${median(overheadMs).toFixed(2)} ms`);
    console.log(`Redis commands per file in a queued import: ${callsPerFile.toFixed(1)}`);

    // 2. The queue's own cost per file, with a worker that answers at once.
    const config = parseConfig({});
    const hash = configHash(config);
    const n = 2000;
    await redis.flushall();
    const answering = new Worker(QUEUE_NAME, async () => ({ ok: false, error: { code: 'corrupt-file', message: 'bench' } }), { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null }, concurrency: 16 });
    await redis.config('RESETSTAT');
    const executor = new QueueExecutor({ label: url, options: { host: '127.0.0.1', port } }, root, { workers: 1, entityWorkers: 1, config, configHash: hash, tool: { name: 'bench', version: 'bench' } }, { url, root });
    await executor.start();
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => executor.run({ absPath: path.join(root, `bench-${i}.txt`), displayPath: `bench-${i}.txt`, sha256: String(i).padStart(64, '0'), bytes: 1 })));
    const machinery = performance.now() - started;
    const machineryCalls = (await commandCalls(redis)) / n;
    await answering.close();
    results.machinery = { files: n, msPerFile: machinery / n, filesPerSecond: (n / machinery) * 1000, redisCallsPerFile: machineryCalls };
    console.log(`queue machinery alone (one coordinator, one worker answering at once): ${(machinery / n).toFixed(3)} ms per file, ${((n / machinery) * 1000).toFixed(0)} files/s, ${machineryCalls.toFixed(1)} Redis commands per file`);

    // 3. Redis memory per waiting job.
    await redis.flushall();
    const before = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    const waiting = 10_000;
    void Promise.all(Array.from({ length: waiting }, (_, i) => executor.run({ absPath: path.join(root, 'in', `some-folder/bulletin-${i}.pdf`), displayPath: `in/some-folder/bulletin-${i}.pdf`, sha256: String(i).padStart(64, '0'), bytes: 1 })));
    while (Number(await redis.llen(`bull:${QUEUE_NAME}:wait`)) < waiting) await sleep(100);
    const after = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    results.memoryPerWaitingJob = (after - before) / waiting;
    console.log(`Redis memory per waiting job: ${((after - before) / waiting).toFixed(0)} bytes`);
    await executor.close();

    // 4. redis-benchmark here.
    const rb = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-q', '-n', '100000', '-t', 'set,get,incr,lpush,rpop,zadd,hset'], { encoding: 'utf8' });
    const ops = Object.fromEntries([...rb.stdout.matchAll(/^(\S+): ([\d.]+) requests per second/gm)].map((m) => [m[1], Number(m[2])]));
    results.redisBenchmark = ops;
    console.log(`redis-benchmark (50 clients, no pipelining): ${Object.entries(ops).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')} ops/s`);

    // 5. Files per CPU-second by format (local, 2 threads: busy thread-seconds of both stages).
    const byFormat: Record<string, { files: number; filesPerBusySecond: number; extractionMsPerFile: number; entityMsPerFile: number }> = {};
    for (const format of Object.keys(corpus.byFormat).sort()) {
      fs.rmSync(outBase, { recursive: true, force: true });
      const run = importRun([path.join(input, format), '--out', path.join(outBase, format), '-j', '2']);
      const busy = run.busy.extraction + run.busy.entity;
      byFormat[format] = { files: run.files, filesPerBusySecond: run.files / busy, extractionMsPerFile: (run.busy.extraction / run.files) * 1000, entityMsPerFile: (run.busy.entity / run.files) * 1000 };
      console.log(`${format}: ${(run.files / busy).toFixed(1)} files per busy thread-second (extraction ${byFormat[format].extractionMsPerFile.toFixed(1)} ms, entity pass ${byFormat[format].entityMsPerFile.toFixed(1)} ms per file)`);
    }
    results.byFormat = byFormat;
  } finally {
    redis.disconnect();
    server.kill('SIGKILL');
    fs.rmSync(outBase, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(benchDir, 'out'), { recursive: true });
  fs.writeFileSync(path.join(benchDir, 'out', 'queue-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
process.exit(0);
