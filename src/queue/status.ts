/**
 * `bulletin queue status --queue URL`: what the queue holds (waiting, active, retrying, done but not
 * yet taken by the coordinator, failed), the totals workers have reported, and the workers seen in
 * the last few seconds (each refreshes a key with a short expiry).
 */
import { Queue } from 'bullmq';
import { checkReachable, connect, keys, parseQueueUrl, QUEUE_NAME, QueueSetupError } from './connection.js';

export interface WorkerSeen {
  name: string;
  host: string;
  pid: number;
  threads: number;
  done: number;
  failed: number;
  since: string;
}

export interface QueueStatus {
  queue: string;
  waiting: number;
  active: number;
  /** Waiting for a retry after a transient failure. */
  delayed: number;
  /** Finished, waiting for the coordinator to take the result. */
  completed: number;
  failed: number;
  /** Totals reported by workers since the queue was created (files done, transient failures). */
  done: number;
  attemptsFailed: number;
  workers: WorkerSeen[];
}

export async function queueStatus(url: string): Promise<QueueStatus> {
  const target = parseQueueUrl(url);
  await checkReachable(target);
  const redis = connect(target, 'bulletin-status');
  const queue = new Queue(QUEUE_NAME, { connection: redis });
  queue.on('error', () => undefined);
  try {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const stats = await redis.hgetall(keys.stats);
    const workers: WorkerSeen[] = [];
    for await (const batch of redis.scanStream({ match: keys.workerPattern, count: 200 })) {
      const names = batch as string[];
      if (names.length === 0) continue;
      for (const text of await redis.mget(...names)) if (text) workers.push(JSON.parse(text) as WorkerSeen);
    }
    workers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      queue: target.label,
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      done: Number(stats.done ?? 0),
      attemptsFailed: Number(stats.failed ?? 0),
      workers,
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

export function formatStatus(s: QueueStatus): string {
  const lines = [
    `queue ${s.queue}: ${s.waiting} waiting, ${s.active} active, ${s.delayed} waiting to retry, ${s.completed} done (not yet collected), ${s.failed} failed (not yet collected)`,
    `workers have done ${s.done} files (${s.attemptsFailed} attempts failed and were retried or given up)`,
    `${s.workers.length} worker${s.workers.length === 1 ? '' : 's'} seen:`,
    ...s.workers.map((w) => `  ${w.name}  ${w.threads} threads  ${w.done} done  ${w.failed} failed  since ${w.since}`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function runQueueStatus(opts: { queue: string; json?: boolean }): Promise<number> {
  try {
    const status = await queueStatus(opts.queue);
    process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
    return 0;
  } catch (err) {
    if (err instanceof QueueSetupError) {
      process.stderr.write(`bulletin queue status: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
