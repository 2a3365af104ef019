/**
 * `bulletin ingest --queue URL`: the run stays the local run (walk, hash, skip unchanged, write OUT
 * in run.ts); only the executor differs. Each changed file becomes a BullMQ job; `bulletin worker`
 * processes on any machine run it; the outcome comes back and run.ts writes it as it would a
 * local thread's. Nothing here writes OUT.
 *
 * Results arrive by QueueEvents ('completed'/'failed'), and a sweep every few seconds catches what
 * events cannot tell: a job finished before this coordinator started (a restarted coordinator
 * collects it instead of redoing it), an event lost while disconnected, and a job gone from Redis
 * (restarted empty, flushed), which is enqueued again. A job is removed from Redis as soon as its
 * outcome is taken, so Redis holds at most `inFlight` jobs of this run. Should Redis stay
 * unreachable past `unreachableMs`, the files still out are given back as `interrupted` — the
 * manifest lists them and the next run does them — never silently dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { ExecutorFactory, ExecutorSetup, FileExecutor, FileTask } from '../batch/executor.js';
import type { ErrorInfo, IngestOutcome } from '../batch/protocol.js';
import { INTERRUPTED } from '../batch/protocol.js';
import { checkReachable, connect, keys, parseQueueUrl, QUEUE_NAME, QueueSetupError, withDeadline, type QueueTarget } from './connection.js';
import { decodeFailure, jobIdOf, jobOptions, type FileJobData } from './jobs.js';

export interface CoordinatorOptions {
  url: string;
  /** The folder both the coordinator and the workers see the inputs under. */
  root: string;
  cwd?: string;
  /** Jobs of this run in Redis at once (waiting, active or done and not yet taken). */
  inFlight?: number;
  /** How often pending jobs are checked against Redis. */
  sweepMs?: number;
  /** How long Redis may stay unreachable before the files still out are given back as interrupted. */
  unreachableMs?: number;
  /** Lines for the operator (Redis lost, jobs enqueued again). */
  log?: (line: string) => void;
}

export const DEFAULT_IN_FLIGHT = 2000;
const DEFAULT_SWEEP_MS = 2000;
const DEFAULT_UNREACHABLE_MS = 60_000;
/** Events kept in Redis's stream: a coordinator that falls further behind is caught up by the sweep. */
const EVENTS_MAX_LEN = 1000;
const CLOSE_MS = 3000;

export interface OpenedQueue {
  executor: ExecutorFactory;
  close(): Promise<void>;
}

/** Checks the queue can be used (Redis answers, --root is a folder) before the run walks anything. */
export async function openQueue(options: CoordinatorOptions): Promise<OpenedQueue> {
  const target = parseQueueUrl(options.url);
  const root = path.resolve(options.cwd ?? process.cwd(), options.root);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new QueueSetupError(`--root: not a folder: ${options.root}`);
  await checkReachable(target);
  const opened: QueueExecutor[] = [];
  return {
    executor: async (setup) => {
      const executor = new QueueExecutor(target, root, setup, options);
      opened.push(executor);
      await executor.start();
      return executor;
    },
    close: async () => {
      await Promise.all(opened.map((e) => e.close()));
    },
  };
}

interface Pending {
  data: FileJobData;
  resolve: (outcome: IngestOutcome) => void;
  /** Its add has settled: from then on the sweep checks it is in Redis. */
  enqueued: boolean;
}

export class QueueExecutor implements FileExecutor {
  readonly capacity: number;
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Queue<FileJobData, IngestOutcome>;
  private readonly events: QueueEvents;
  /** Our own commands (ping, config, the sweep's look at pending jobs). */
  private readonly redis: Redis;
  private readonly eventsRedis: Redis;
  private readonly sweepMs: number;
  private readonly unreachableMs: number;
  private readonly log: (line: string) => void;
  private sweepTimer: NodeJS.Timeout | null = null;
  private sweeping = false;
  private lastReached = Date.now();
  private unreachableSince: number | null = null;
  private gaveUp: ErrorInfo | null = null;
  private closed = false;
  private readonly watched = new WeakSet<AbortSignal>();
  /** Jobs that failed before this coordinator started (a dead one's) are tried again, not taken as final. */
  private readonly startedAt = Date.now();

  constructor(
    private readonly target: QueueTarget,
    private readonly root: string,
    private readonly setup: ExecutorSetup,
    options: CoordinatorOptions,
  ) {
    this.capacity = options.inFlight ?? DEFAULT_IN_FLIGHT;
    this.sweepMs = options.sweepMs ?? DEFAULT_SWEEP_MS;
    this.unreachableMs = options.unreachableMs ?? DEFAULT_UNREACHABLE_MS;
    this.log = options.log ?? (() => undefined);
    // Connections of our own, shared with BullMQ, so they can be cut even when Redis is gone
    // (BullMQ's own close waits for a Redis that may never come back). Events block: their own.
    this.redis = connect(target, 'bulletin-coordinator');
    this.eventsRedis = connect(target, 'bulletin-coordinator-events');
    this.queue = new Queue<FileJobData, IngestOutcome>(QUEUE_NAME, { connection: this.redis, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
    this.events = new QueueEvents(QUEUE_NAME, { connection: this.eventsRedis });
    // Connection trouble is watched by the sweep; unhandled, these would end the process.
    this.queue.on('error', () => undefined);
    this.events.on('error', () => undefined);
  }

  async start(): Promise<void> {
    await this.storeConfig();
    this.events.on('completed', ({ jobId }) => void this.collect(jobId));
    this.events.on('failed', ({ jobId }) => void this.collect(jobId));
    await this.events.waitUntilReady();
    // The first sweep soon: a restarted coordinator finds the jobs its predecessor left done.
    this.scheduleSweep(Math.min(500, this.sweepMs));
  }

  run(task: FileTask, signal?: AbortSignal): Promise<IngestOutcome> {
    if (this.gaveUp) return Promise.resolve({ ok: false, error: this.gaveUp });
    // A job carries its path as text; a name that is not valid UTF-8 cannot be named to another machine.
    if (typeof task.absPath !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'read-failed', message: 'the file name is not valid UTF-8, so it cannot be sent through the queue; ingest it locally' } });
    }
    const rel = path.relative(this.root, task.absPath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return Promise.resolve({ ok: false, error: { code: 'read-failed', message: `the file is outside --root ${this.root}, where the workers read inputs` } });
    }
    const data: FileJobData = {
      path: rel.split(path.sep).join('/'),
      displayPath: task.displayPath,
      sha256: task.sha256,
      bytes: task.bytes,
      configHash: this.setup.configHash,
      toolVersion: this.setup.tool.version,
    };
    const id = jobIdOf(data);
    const already = this.pending.get(id);
    if (already) {
      // The same file asked for twice: one job, both callers get its outcome.
      return new Promise<IngestOutcome>((resolve) => {
        const first = already.resolve;
        already.resolve = (outcome) => (first(outcome), resolve(outcome));
      });
    }
    return new Promise<IngestOutcome>((resolve) => {
      const entry: Pending = { data, resolve, enqueued: false };
      this.pending.set(id, entry);
      this.watch(signal);
      this.enqueue(id, entry);
    });
  }

  /** Ctrl-C: the run stops waiting for every file still out; their jobs stay in Redis, and the next run collects their results. */
  private watch(signal: AbortSignal | undefined): void {
    if (!signal || this.watched.has(signal)) return;
    this.watched.add(signal);
    signal.addEventListener('abort', () => {
      for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error: INTERRUPTED });
    }, { once: true });
  }

  private enqueue(id: string, entry: Pending): void {
    // Either way the sweep takes over: a job that is not in Redis (the add failed, or Redis lost it) is added again.
    const settled = () => {
      entry.enqueued = true;
    };
    this.queue.add('file', entry.data, jobOptions(id)).then(settled, settled);
  }

  /** Takes a finished job's outcome and removes the job from Redis. A job still retrying is left alone. */
  private async collect(id: string): Promise<void> {
    if (!this.pending.has(id)) return;
    let job: Job<FileJobData, IngestOutcome> | undefined;
    try {
      job = await Job.fromId<FileJobData, IngestOutcome>(this.queue, id);
    } catch {
      return; // the sweep comes back to it
    }
    if (!job || job.finishedOn == null) return;
    if (job.returnvalue == null && job.finishedOn < this.startedAt) {
      await job.retry('failed').catch(() => undefined);
      return;
    }
    const outcome: IngestOutcome = job.returnvalue ?? { ok: false, error: decodeFailure(job.failedReason) };
    if (!this.settle(id, outcome)) return;
    await job.remove().catch(() => undefined);
  }

  private settle(id: string, outcome: IngestOutcome): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    entry.resolve(outcome);
    return true;
  }

  private scheduleSweep(ms = this.sweepMs): void {
    if (this.closed) return;
    this.sweepTimer = setTimeout(() => void this.sweep().finally(() => this.scheduleSweep()), ms);
  }

  /** Reachability, the config key, and every pending job: finished (collect), gone (enqueue again), or on its way. */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.closed) return;
    this.sweeping = true;
    try {
      const client = this.redis;
      try {
        await withDeadline(client.ping(), Math.max(1000, this.sweepMs));
      } catch {
        this.unreachable();
        return;
      }
      if (this.unreachableSince !== null) this.log(`Redis at ${this.target.label} answers again after ${((Date.now() - this.unreachableSince) / 1000).toFixed(0)} s`);
      this.unreachableSince = null;
      this.lastReached = Date.now();
      await this.storeConfig();
      const ids = [...this.pending.entries()].filter(([, p]) => p.enqueued).map(([id]) => id);
      if (ids.length === 0) return;
      const pipeline = client.pipeline();
      for (const id of ids) pipeline.hmget(this.queue.toKey(id), 'timestamp', 'finishedOn');
      const replies = (await pipeline.exec()) ?? [];
      const missing: string[] = [];
      ids.forEach((id, i) => {
        const [err, value] = replies[i] ?? [null, null];
        if (err) return;
        const [timestamp, finishedOn] = value as (string | null)[];
        if (timestamp === null) missing.push(id);
        else if (finishedOn !== null) void this.collect(id);
      });
      const stillMissing = missing.filter((id) => this.pending.has(id));
      if (stillMissing.length > 0) {
        this.log(`${stillMissing.length} job(s) of this run were not in Redis (restarted or flushed?): enqueued again`);
        for (const id of stillMissing) this.enqueue(id, this.pending.get(id)!);
      }
    } finally {
      this.sweeping = false;
    }
  }

  private unreachable(): void {
    const now = Date.now();
    if (this.unreachableSince === null) {
      this.unreachableSince = now;
      this.log(`Redis at ${this.target.label} does not answer; waiting up to ${(this.unreachableMs / 1000).toFixed(0)} s`);
    }
    if (now - this.lastReached < this.unreachableMs || this.gaveUp) return;
    this.gaveUp = {
      code: 'interrupted',
      message: `Redis at ${this.target.label} was unreachable for ${(this.unreachableMs / 1000).toFixed(0)} s; the next run will do this file`,
    };
    this.log(`giving up on Redis at ${this.target.label}: ${this.pending.size} file(s) still out are listed as interrupted; the next run does them`);
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error: this.gaveUp });
  }

  /** Workers read the run's config from Redis (they are given no --config); stored again should Redis have lost it. */
  private async storeConfig(): Promise<void> {
    await this.redis.set(keys.config(this.setup.configHash), JSON.stringify(this.setup.config));
  }

  busy() {
    return { extraction: 0, entity: 0 };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    // A graceful close waits for Redis; when Redis is gone, it would wait for ever.
    await withDeadline(Promise.allSettled([this.events.close(), this.queue.close()]), CLOSE_MS).catch(() => undefined);
    this.eventsRedis.disconnect();
    this.redis.disconnect();
  }
}
