import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, QUEUE_NAME } from '../../src/queue/connection.js';
import { formatStatus, queueStatus } from '../../src/queue/status.js';
import { redisAvailable, RedisServer, warnIfMissing } from './helpers/redis.js';

warnIfMissing();

describe.skipIf(!redisAvailable)('bulletin queue status', () => {
  let redis: RedisServer;
  let queue: Queue;

  beforeAll(async () => {
    redis = await RedisServer.start();
    queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    await queue.add('file', { path: 'a.txt' }, { jobId: 'fa' });
    await queue.add('file', { path: 'b.txt' }, { jobId: 'fb' });
    const client = redis.client();
    const seen = { name: 'host-1:42', host: 'host-1', pid: 42, threads: 8, done: 17, failed: 1, since: '2026-01-01T00:00:00.000Z' };
    await client.set(keys.worker(seen.name), JSON.stringify(seen), 'EX', 60);
    await client.hset(keys.stats, 'done', 17, 'failed', 1);
    client.disconnect();
  });

  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
  });

  it('counts the jobs waiting, the files workers have done, and lists the workers seen', async () => {
    const status = await queueStatus(redis.url);
    expect(status).toMatchObject({ waiting: 2, active: 0, delayed: 0, completed: 0, failed: 0, done: 17, attemptsFailed: 1 });
    expect(status.workers.map((w) => w.name)).toEqual(['host-1:42']);
    const text = formatStatus(status);
    expect(text).toContain('2 waiting, 0 active');
    expect(text).toContain('1 worker seen:');
    expect(text).toContain('host-1:42  8 threads  17 done  1 failed');
  });
});
