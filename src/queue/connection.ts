/**
 * Where the queue lives: `redis://[:password@]HOST:PORT[/DB]` parsed into ioredis options, the names
 * of the queue and of our own keys next to it, and a reachability check that fails fast with a clear
 * message (a long run must not start against a Redis nobody can reach).
 */
import { Redis, type RedisOptions } from 'ioredis';

/** BullMQ's queue: its keys are `bull:bulletin-ingest:*`. */
export const QUEUE_NAME = 'bulletin-ingest';

/** Our keys beside the queue's. */
export const keys = {
  /** The effective config of a run, by config hash: workers read it (they need no --config). */
  config: (hash: string) => `${QUEUE_NAME}:config:${hash}`,
  /** One per live worker process, expiring when it stops beating (queue status: "workers seen"). */
  worker: (name: string) => `${QUEUE_NAME}:worker:${name}`,
  workerPattern: `${QUEUE_NAME}:worker:*`,
  /** Totals the workers add to as they go: files done and failed. */
  stats: `${QUEUE_NAME}:stats`,
};

export class QueueSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueSetupError';
  }
}

export interface QueueTarget {
  /** The URL without its password, for messages. */
  label: string;
  options: RedisOptions;
}

export function parseQueueUrl(url: string): QueueTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueSetupError(`--queue: not a URL: ${url} (expected redis://HOST:PORT[/DB])`);
  }
  if (parsed.protocol !== 'redis:') throw new QueueSetupError(`--queue: expected redis://HOST:PORT[/DB], got ${url}`);
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new QueueSetupError(`--queue: the database must be a number: ${url}`);
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const options: RedisOptions = {
    host: parsed.hostname || '127.0.0.1',
    port,
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
  return { label: `redis://${options.host}:${port}/${db}`, options };
}

/**
 * A connection for BullMQ and our own commands. `maxRetriesPerRequest: null` makes commands wait
 * through a Redis restart instead of failing (BullMQ requires it of workers); callers that must not
 * wait forever watch reachability themselves (coordinator.ts).
 */
export function connect(target: QueueTarget, name: string): Redis {
  const redis = new Redis({
    ...target.options,
    connectionName: name,
    maxRetriesPerRequest: null,
    // Back off to one attempt a second while Redis is away.
    retryStrategy: (times) => Math.min(times * 100, 1000),
  });
  // Connection errors are retried by ioredis and watched by the callers; unhandled they would crash the process.
  redis.on('error', () => undefined);
  return redis;
}

/** Pings Redis once with a short deadline; a clear QueueSetupError when it does not answer. */
export async function checkReachable(target: QueueTarget, timeoutMs = 5000): Promise<void> {
  const probe = new Redis({ ...target.options, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let lastError: Error | null = null;
  probe.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await withDeadline(
      (async () => {
        await probe.connect();
        await probe.ping();
      })(),
      timeoutMs,
    );
  } catch (err) {
    const reason = (lastError as Error | null)?.message ?? (err as Error).message;
    throw new QueueSetupError(`cannot reach Redis at ${target.label}: ${reason}`);
  } finally {
    probe.disconnect();
  }
}

/** The promise, or a rejection after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
