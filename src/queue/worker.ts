/**
 * `bulletin worker --queue URL --root DIR`: takes file jobs from the queue and runs the same two
 * stages as a local run, in this process's worker threads (src/batch/pool.ts). A job names its
 * file under --root and the sha256 the coordinator found; other bytes fail it `changed-during-run`.
 * Outcomes of the file (a record, or a typed error such as `corrupt-file`) complete the job; only
 * transient failures (time limit, a crashed thread, a read error) throw, so BullMQ retries them
 * with backoff. A process killed mid-job stops renewing its jobs' locks, and BullMQ's stalled-job
 * check in the other workers puts those jobs back on the queue.
 */
import os from 'node:os';
import path from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { parseConfig, type Config } from '../config.js';
import { sha256File } from '../batch/hash.js';
import { splitWorkers, WorkerPool } from '../batch/pool.js';
import type { IngestOutcome } from '../batch/protocol.js';
import { connect, keys, parseQueueUrl, QUEUE_NAME, QueueSetupError, checkReachable } from './connection.js';
import { encodeFailure, RETRIED_ERRORS, type FileJobData } from './jobs.js';
import fs from 'node:fs';
import { createRequire } from 'node:module';

export interface WorkerOptions {
  url: string;
  root: string;
  /** Threads in all, shared between the stages as in a local run (splitWorkers). */
  concurrency?: number;
  /** How long a job stays claimed by a worker that stopped answering (BullMQ lockDuration). */
  lockMs?: number;
  /** How often this worker looks for jobs whose worker stopped answering (BullMQ stalledInterval). */
  stalledMs?: number;
  /** One line per job on stderr. */
  verbose?: boolean;
  stderr?: (text: string) => void;
  /** Stops the worker: jobs in hand are finished first. */
  signal?: AbortSignal;
}

const HEARTBEAT_MS = 5000;
const DEFAULT_LOCK_MS = 30_000;

const toolVersion = (): string => (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export async function runWorker(options: WorkerOptions): Promise<void> {
  const target = parseQueueUrl(options.url);
  const root = path.resolve(options.root);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new QueueSetupError(`--root: not a folder: ${options.root}`);
  await checkReachable(target);
  const stderr = options.stderr ?? ((t: string) => void process.stderr.write(t));
  const threads = options.concurrency ?? os.availableParallelism();
  const split = splitWorkers(threads);
  const version = toolVersion();
  const name = `${os.hostname()}:${process.pid}`;
  const redis = connect(target, `bulletin-worker:${name}`);
  const pools = new Map<string, Promise<WorkerPool>>();
  const counts = { done: 0, failed: 0, reported: { done: 0, failed: 0 } };

  /** One pool per config the jobs name; the config comes from Redis, where the coordinator put it. */
  const poolFor = (configHash: string): Promise<WorkerPool> => {
    let pool = pools.get(configHash);
    if (!pool) {
      pool = (async () => {
        const text = await redis.get(keys.config(configHash));
        if (text === null) throw new Error(`internal-error: the config ${configHash} is not in Redis (is its coordinator still running?)`);
        const config: Config = parseConfig(JSON.parse(text), `config ${configHash} from Redis`);
        return new WorkerPool({ size: split.extraction, analysers: split.analysers, config, timeoutMs: config.limits.timeoutMs });
      })();
      pools.set(configHash, pool);
      pool.catch(() => pools.delete(configHash));
    }
    return pool;
  };

  const processFile = async (job: Job<FileJobData, IngestOutcome>): Promise<IngestOutcome> => {
    const data = job.data;
    if (data.toolVersion !== version) {
      throw new UnrecoverableError(`internal-error: this worker runs bulletin-ingest ${version}; the job is for ${data.toolVersion}`);
    }
    const file = path.join(root, ...data.path.split('/'));
    // A job names a file under --root and nothing else, whoever wrote it into Redis.
    if (path.relative(root, file).startsWith('..') || path.isAbsolute(data.path)) {
      return { ok: false, error: { code: 'read-failed', message: `the job names a file outside --root: ${data.path}` } };
    }
    let hashed: { sha256: string };
    try {
      hashed = await sha256File(file);
    } catch (err) {
      throw new Error(encodeFailure({ code: 'read-failed', message: `cannot read ${data.path} under --root: ${(err as Error).message}` }));
    }
    if (hashed.sha256 !== data.sha256) {
      return { ok: false, error: { code: 'changed-during-run', message: `the file under --root has other bytes than the coordinator hashed (sha256 ${hashed.sha256.slice(0, 12)}…, expected ${data.sha256.slice(0, 12)}…)` } };
    }
    const outcome = await (await poolFor(data.configHash)).run(file, data.displayPath);
    if (!outcome.ok && RETRIED_ERRORS.has(outcome.error.code)) throw new Error(encodeFailure(outcome.error));
    return outcome;
  };

  const worker = new Worker<FileJobData, IngestOutcome>(
    QUEUE_NAME,
    async (job) => {
      if (options.verbose) stderr(`worker ${name}: start ${job.id} ${job.data.path} (attempt ${job.attemptsMade + 1})\n`);
      try {
        const outcome = await processFile(job);
        counts.done++;
        if (options.verbose) stderr(`worker ${name}: done ${job.id} ${job.data.path} ${outcome.ok ? 'ok' : outcome.error.code}\n`);
        return outcome;
      } catch (err) {
        counts.failed++;
        if (options.verbose) stderr(`worker ${name}: failed ${job.id} ${job.data.path} ${(err as Error).message}\n`);
        throw err;
      }
    },
    {
      connection: { ...target.options, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 100, 1000) },
      name,
      // Jobs in hand: enough to keep every thread busy and one file queued behind each (as pool.ts does locally).
      concurrency: 2 * (split.extraction + split.analysers) + 2,
      lockDuration: options.lockMs ?? DEFAULT_LOCK_MS,
      stalledInterval: options.stalledMs ?? options.lockMs ?? DEFAULT_LOCK_MS,
      // A job whose worker was lost twice more is failed (as `internal-error: worker lost`), not tried for ever.
      maxStalledCount: 2,
    },
  );
  let lastError = '';
  worker.on('error', (err) => {
    // Redis away: BullMQ reconnects by itself; say so once per distinct message.
    if (err.message !== lastError) stderr(`worker ${name}: ${err.message}\n`);
    lastError = err.message;
  });

  const beat = async () => {
    const delta = { done: counts.done - counts.reported.done, failed: counts.failed - counts.reported.failed };
    const multi = redis.multi().set(keys.worker(name), JSON.stringify({ name, host: os.hostname(), pid: process.pid, threads, done: counts.done, failed: counts.failed, since: startedAt }), 'EX', Math.ceil((3 * HEARTBEAT_MS) / 1000));
    if (delta.done) multi.hincrby(keys.stats, 'done', delta.done);
    if (delta.failed) multi.hincrby(keys.stats, 'failed', delta.failed);
    const sent = { done: counts.done, failed: counts.failed };
    await multi.exec();
    counts.reported = sent;
  };
  const startedAt = new Date().toISOString();
  await beat().catch(() => undefined);
  const heartbeat = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_MS);
  stderr(`worker ${name}: taking jobs from ${target.label} (${split.extraction} extraction + ${split.analysers} entity threads, inputs under ${root})\n`);

  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  stderr(`worker ${name}: stopping after the jobs in hand\n`);
  clearInterval(heartbeat);
  await worker.close();
  await beat().catch(() => undefined);
  await redis.del(keys.worker(name)).catch(() => undefined);
  for (const pool of pools.values()) await pool.then((p) => p.close(), () => undefined);
  redis.disconnect();
}

/** The CLI's `bulletin worker`: runs until SIGTERM or SIGINT. */
export async function runWorkerCommand(opts: { queue: string; root: string; concurrency?: number; lockMs?: number; stalledMs?: number; verbose?: boolean }): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await runWorker({ url: opts.queue, root: opts.root, concurrency: opts.concurrency, lockMs: opts.lockMs, stalledMs: opts.stalledMs, verbose: opts.verbose, signal: stop.signal });
    return 0;
  } catch (err) {
    if (err instanceof QueueSetupError) {
      process.stderr.write(`bulletin worker: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
