/**
 * The worker in this process against a real redis-server: jobs written straight into the queue, so
 * each rule of worker.ts is seen on its own — what completes with a typed error, what is retried,
 * what is refused at once — and the queue executor against it, asked for one file twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { configHash, sha256File } from '../../src/batch/hash.js';
import type { IngestOutcome } from '../../src/batch/protocol.js';
import { keys, QUEUE_NAME } from '../../src/queue/connection.js';
import { QueueExecutor } from '../../src/queue/coordinator.js';
import { jobIdOf, type FileJobData } from '../../src/queue/jobs.js';
import { runWorker } from '../../src/queue/worker.js';
import { makeTempDir } from '../batch/helpers/tree.js';
import { redisAvailable, RedisServer, warnIfMissing } from './helpers/redis.js';

warnIfMissing();

const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const config = parseConfig({});
const hash = configHash(config);

describe.skipIf(!redisAvailable)('a queue worker', () => {
  let redis: RedisServer;
  let root: string;
  let queue: Queue<FileJobData, IngestOutcome>;
  let events: QueueEvents;
  const stop = new AbortController();
  let worker: Promise<void>;
  const log: string[] = [];

  const job = async (rel: string, overrides: Partial<FileJobData> = {}, attempts = 1) => {
    const file = path.join(root, rel);
    const sha256 = fs.existsSync(file) ? (await sha256File(file)).sha256 : '0'.repeat(64);
    const data: FileJobData = { path: rel, displayPath: rel, sha256, bytes: 0, configHash: hash, toolVersion: version, ...overrides };
    const added = await queue.add('file', data, { jobId: jobIdOf(data), attempts, backoff: { type: 'fixed', delay: 50 } });
    return added as Job<FileJobData, IngestOutcome>;
  };
  const finished = async (j: Job<FileJobData, IngestOutcome>) => {
    const outcome = (await j.waitUntilFinished(events).catch((err: Error) => ({ thrown: err.message }))) as IngestOutcome | { thrown: string };
    const after = (await queue.getJob(j.id!))!;
    return { outcome, attemptsMade: after.attemptsMade };
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    root = makeTempDir('bulletin-queue-worker-');
    fs.copyFileSync(new URL('../../fixtures/meitan-2024-03.txt', import.meta.url), path.join(root, 'meitan.txt'));
    fs.copyFileSync(new URL('../data/bad/truncated.docx', import.meta.url), path.join(root, 'truncated.docx'));
    const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
    queue = new Queue(QUEUE_NAME, { connection });
    events = new QueueEvents(QUEUE_NAME, { connection });
    await events.waitUntilReady();
    const client = redis.client();
    await client.set(keys.config(hash), JSON.stringify(config));
    client.disconnect();
    worker = runWorker({ url: redis.url, root, concurrency: 2, verbose: true, stderr: (t) => void log.push(t), signal: stop.signal });
  });

  afterAll(async () => {
    stop.abort();
    await worker;
    await events?.close();
    await queue?.close();
    await redis?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('completes a job with the record of the file under --root', async () => {
    const { outcome } = await finished(await job('meitan.txt'));
    expect(outcome).toMatchObject({ ok: true, result: { record: { source: { path: 'meitan.txt', format: 'txt' } } } });
  });

  it('completes a corrupt file with its typed error on the first try, though retries were allowed', async () => {
    const { outcome, attemptsMade } = await finished(await job('truncated.docx', {}, 3));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'corrupt-file' } });
    expect(attemptsMade).toBe(1);
  });

  it('fails a file whose bytes differ from the sha256 in the job as changed-during-run', async () => {
    const { outcome } = await finished(await job('meitan.txt', { sha256: 'f'.repeat(64), displayPath: 'other-name.txt' }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'changed-during-run' } });
  });

  it('refuses a job naming a file outside --root', async () => {
    const { outcome } = await finished(await job('../outside.txt'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'read-failed' } });
  });

  it('retries a file it cannot read, then fails it as read-failed', async () => {
    const { outcome, attemptsMade } = await finished(await job('missing.txt', {}, 2));
    expect((outcome as { thrown: string }).thrown).toMatch(/^read-failed: cannot read missing\.txt/);
    expect(attemptsMade).toBe(2);
  });

  it('refuses at once, without retries, a job for another tool version', async () => {
    const { outcome, attemptsMade } = await finished(await job('meitan.txt', { toolVersion: '0.0.0-other', displayPath: 'v.txt' }, 3));
    expect((outcome as { thrown: string }).thrown).toMatch(/runs bulletin-ingest .* the job is for 0\.0\.0-other/);
    expect(attemptsMade).toBe(1);
  });

  it('does one job when the executor is asked for the same file twice, and removes it once taken', async () => {
    const executor = new QueueExecutor(
      { label: redis.url, options: { host: '127.0.0.1', port: redis.port } },
      root,
      { workers: 1, entityWorkers: 1, config, configHash: hash, tool: { name: 'bulletin-ingest', version } },
      { url: redis.url, root },
    );
    await executor.start();
    try {
      const task = { absPath: path.join(root, 'meitan.txt'), displayPath: 'twice.txt', sha256: (await sha256File(path.join(root, 'meitan.txt'))).sha256, bytes: 0 };
      const [a, b] = await Promise.all([executor.run(task), executor.run(task)]);
      expect(a).toEqual(b);
      expect(a.ok).toBe(true);
      const id = jobIdOf({ sha256: task.sha256, toolVersion: version, configHash: hash, displayPath: 'twice.txt' });
      expect(log.join('').split(`start ${id} `).length - 1).toBe(1);
      await expect.poll(async () => (await queue.getJob(id)) ?? null).toBeNull();
    } finally {
      await executor.close();
    }
  });
});
