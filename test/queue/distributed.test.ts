/**
 * Distributed runs end to end: a real redis-server on a loopback port, `bulletin worker` processes
 * and `bulletin ingest --queue` as child processes, and OUT compared byte by byte with a local run
 * over the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME } from '../../src/queue/connection.js';
import { bulletin, bulletinSync, CORPUS_FILES, CORRUPT, differences, makeCorpus, starts, startWorker, stopWorker, waitFor, type Proc } from './helpers/cluster.js';
import { redisAvailable, RedisServer, sleep, warnIfMissing } from './helpers/redis.js';

warnIfMissing();

describe.skipIf(!redisAvailable)('a run through the queue', () => {
  let redis: RedisServer;
  let dir: string;
  let queue: Queue;
  const workers: Proc[] = [];

  const counts = () => queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  const coordinator = (out: string, extra: string[] = []) => bulletin(dir, ['ingest', 'in', '--out', out, '--queue', redis.url, '--root', '.', ...extra]);
  const manifestOf = (out: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, out, 'manifest.json'), 'utf8')) as { files: { path: string; status: string; error: { code: string } | null }[] };

  beforeAll(async () => {
    redis = await RedisServer.start();
    dir = makeCorpus();
    queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    queue.on('error', () => undefined);
    const local = bulletinSync(dir, ['ingest', 'in', '--out', 'out-local', '-j', '2']);
    expect(local.status, local.stderr).toBe(1); // the corrupt file
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await stopWorker(w);
    const client = redis.client();
    await client.flushall();
    client.disconnect();
  });

  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes an OUT byte-identical to a local run, runs the corrupt file once, and leaves no job in Redis', async () => {
    workers.push(startWorker(dir, redis.url), startWorker(dir, redis.url));
    const run = coordinator('out-queue');
    expect(await run.exited, run.output()).toBe(1);
    expect(differences(path.join(dir, 'out-local'), path.join(dir, 'out-queue'))).toEqual([]);
    expect(manifestOf('out-queue').files.find((f) => f.path === CORRUPT)?.error?.code).toBe('corrupt-file');
    expect(starts(workers.map((w) => w.output()), CORRUPT)).toBe(1);
    expect(await counts()).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
    const status = bulletinSync(dir, ['queue', 'status', '--queue', redis.url, '--json']);
    const seen = JSON.parse(status.stdout) as { workers: unknown[]; done: number; waiting: number };
    expect(seen.workers).toHaveLength(2);
    expect(seen.waiting).toBe(0);
  });

  it('finishes every file once more when a worker is killed -9 in the middle of a job', async () => {
    const doomed = startWorker(dir, redis.url);
    const survivor = startWorker(dir, redis.url);
    workers.push(doomed, survivor);
    const run = coordinator('out-killed-worker');
    await waitFor('the first job on the doomed worker', () => doomed.output().includes(': start '));
    const taken = /: start \S+ (\S+) \(attempt/.exec(doomed.output())![1];
    doomed.child.kill('SIGKILL');
    expect(await run.exited, run.output()).toBe(1);
    expect(differences(path.join(dir, 'out-local'), path.join(dir, 'out-killed-worker'))).toEqual([]);
    expect(starts([survivor.output()], taken)).toBeGreaterThanOrEqual(1);
    expect(manifestOf('out-killed-worker').files.filter((f) => f.status === 'ok')).toHaveLength(CORPUS_FILES - 1);
  });

  it('collects what workers did while the coordinator was down, and redoes nothing, when it is killed and restarted', async () => {
    const first = coordinator('out-restarted');
    await waitFor('every file enqueued', async () => (await counts()).waiting === CORPUS_FILES);
    first.child.kill('SIGKILL');
    await first.exited;
    const worker = startWorker(dir, redis.url);
    workers.push(worker);
    await waitFor('some files done with no coordinator', async () => (await counts()).completed >= 3);
    const second = coordinator('out-restarted');
    expect(await second.exited, second.output()).toBe(1);
    expect(differences(path.join(dir, 'out-local'), path.join(dir, 'out-restarted'))).toEqual([]);
    for (const f of manifestOf('out-restarted').files) expect(starts([worker.output()], f.path), f.path).toBe(1);
    expect(await counts()).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
  });

  it('enqueues again what Redis lost when it restarts empty in the middle of a run', async () => {
    workers.push(startWorker(dir, redis.url), startWorker(dir, redis.url));
    const run = coordinator('out-redis-restart');
    await waitFor('a first file done', () => workers.some((w) => w.output().includes(': done ')));
    await redis.stop();
    await sleep(500);
    await redis.start();
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toMatch(/not in Redis .*enqueued again/);
    expect(differences(path.join(dir, 'out-local'), path.join(dir, 'out-redis-restart'))).toEqual([]);
  });

  it('lists the files still out as interrupted, not lost, when Redis stays away past --queue-timeout', async () => {
    const run = coordinator('out-redis-gone', ['--queue-timeout', '1500']);
    await waitFor('every file enqueued', async () => (await counts()).waiting === CORPUS_FILES);
    await redis.stop();
    try {
      expect(await run.exited, run.output()).toBe(1);
      expect(run.output()).toMatch(/giving up on Redis/);
      const files = manifestOf('out-redis-gone').files;
      expect(files).toHaveLength(CORPUS_FILES);
      for (const f of files) expect(f.error?.code, f.path).toBe('interrupted');
    } finally {
      await redis.start();
    }
  });

  it('fails a file as changed-during-run when the worker finds other bytes than the coordinator hashed', async () => {
    const run = coordinator('out-changed');
    await waitFor('every file enqueued', async () => (await counts()).waiting === CORPUS_FILES);
    fs.appendFileSync(path.join(dir, 'in', 'chifeng-2021-05.txt'), '\n（补记）\n');
    workers.push(startWorker(dir, redis.url));
    expect(await run.exited, run.output()).toBe(1);
    const entry = manifestOf('out-changed').files.find((f) => f.path === 'in/chifeng-2021-05.txt');
    expect(entry?.error?.code).toBe('changed-during-run');
    // The next run hashes the new bytes and does the file.
    fs.writeFileSync(path.join(dir, 'in', 'chifeng-2021-05.txt'), fs.readFileSync(new URL('../../fixtures/chifeng-2021-05.txt', import.meta.url)));
  });
});
