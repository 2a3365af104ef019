import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { sha256File } from '../../src/batch/hash.js';
import { splitWorkers, WorkerPool } from '../../src/batch/pool.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, writeTree } from './helpers/tree.js';

let root: string;
beforeAll(() => {
  root = makeTempDir();
  writeTree(root, { 'a.txt': fakeBulletin('P', 2020, 1), 'hang.txt': 'x', 'crash.txt': 'x', 'boom.txt': 'x' });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const file = (name: string) => path.join(root, name);

describe('WorkerPool', () => {
  it('stops a file that runs past the time limit with `timeout` and carries on with a fresh worker', async () => {
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 1000, workerUrl: FAKE_WORKER });
    try {
      const hung = await pool.run(file('hang.txt'), 'hang.txt');
      expect(hung).toEqual({ ok: false, error: { code: 'timeout', message: expect.stringContaining('1000 ms') } });
      const next = await pool.run(file('a.txt'), 'a.txt');
      expect(next.ok).toBe(true);
      expect(pool.stats).toMatchObject({ workersStarted: 2, timeouts: 1 });
    } finally {
      await pool.close();
    }
  });

  it('turns a worker that dies mid-file into an `internal-error` for that file only', async () => {
    const pool = new WorkerPool({ size: 2, config: parseConfig({}), timeoutMs: 10_000, workerUrl: FAKE_WORKER });
    try {
      const [crashed, good, boom] = await Promise.all([
        pool.run(file('crash.txt'), 'crash.txt'),
        pool.run(file('a.txt'), 'a.txt'),
        pool.run(file('boom.txt'), 'boom.txt'),
      ]);
      expect(crashed).toMatchObject({ ok: false, error: { code: 'internal-error' } });
      expect(good.ok).toBe(true);
      expect(boom).toMatchObject({ ok: false, error: { code: 'internal-error', message: 'unexpected error: boom' } });
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker whose heap has grown past the recycle limit, without failing any file', async () => {
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 10_000, workerUrl: FAKE_WORKER, recycleHeapMb: 1 });
    try {
      const outcomes = await Promise.all([1, 2, 3].map(() => pool.run(file('a.txt'), 'a.txt')));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      // Replaced after every file; the file each one held queued went to its successor.
      expect(pool.stats.recycled).toBe(3);
      expect(pool.stats.workersStarted).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('gives a file queued behind a hung one to a fresh worker, with its whole time limit', async () => {
    writeTree(root, { 'slow-after-hang.txt': fakeBulletin('P', 2020, 21) });
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 600, workerUrl: FAKE_WORKER });
    try {
      expect((await pool.run(file('a.txt'), 'a.txt')).ok).toBe(true); // the worker is up and takes both next files
      const [hung, queued] = await Promise.all([pool.run(file('hang.txt'), 'hang.txt'), pool.run(file('slow-after-hang.txt'), 'slow-after-hang.txt')]);
      expect(hung).toMatchObject({ ok: false, error: { code: 'timeout' } });
      expect(queued.ok).toBe(true);
      expect(pool.stats).toMatchObject({ workersStarted: 2, timeouts: 1, crashes: 0 });
    } finally {
      await pool.close();
    }
  });

  it('gives a file queued behind one that crashed its worker to another worker', async () => {
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 10_000, workerUrl: FAKE_WORKER });
    try {
      expect((await pool.run(file('a.txt'), 'a.txt')).ok).toBe(true);
      const [crashed, queued] = await Promise.all([pool.run(file('crash.txt'), 'crash.txt'), pool.run(file('a.txt'), 'a.txt')]);
      expect(crashed).toMatchObject({ ok: false, error: { code: 'internal-error', message: expect.stringContaining('exited') } });
      expect(queued.ok).toBe(true);
      expect(pool.stats).toMatchObject({ workersStarted: 2, crashes: 1 });
    } finally {
      await pool.close();
    }
  });

  it("starts a queued file's time limit when the worker reaches it, not when it is queued", async () => {
    const names = ['slow-300ms-a.txt', 'slow-300ms-b.txt', 'slow-300ms-c.txt'];
    writeTree(root, Object.fromEntries(names.map((n, i) => [n, fakeBulletin('P', 2020, 31 + i)])));
    // Each file takes 300 ms, within the limit; the second and third finish 600 and 900 ms after being queued.
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 500, workerUrl: FAKE_WORKER });
    try {
      expect((await pool.run(file('a.txt'), 'a.txt')).ok).toBe(true);
      const before = pool.stats.busySeconds;
      const outcomes = await Promise.all(names.map((n) => pool.run(file(n), n)));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(pool.stats.timeouts).toBe(0);
      // Busy time counts each file from when the worker reached it: 3 × 300 ms, not 300 + 600 + 900.
      expect(pool.stats.busySeconds - before).toBeGreaterThanOrEqual(0.85);
      expect(pool.stats.busySeconds - before).toBeLessThan(1.5);
    } finally {
      await pool.close();
    }
  });

  it('fails every file with one clear error when the worker cannot start at all', async () => {
    const broken = path.join(root, 'broken-worker.mjs');
    fs.writeFileSync(broken, 'throw new Error("no pipeline here");\n');
    const pool = new WorkerPool({ size: 2, config: parseConfig({}), timeoutMs: 10_000, workerUrl: new URL(`file://${broken}`) });
    try {
      const outcomes = await Promise.all([pool.run(file('a.txt'), 'a.txt'), pool.run(file('a.txt'), 'a.txt'), pool.run(file('a.txt'), 'a.txt')]);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, error: { code: 'internal-error', message: expect.stringContaining('could not start') } });
      expect(pool.stats.workersStarted).toBeLessThanOrEqual(4); // the first two, then replacements up to three failures in a row
    } finally {
      await pool.close();
    }
  });
});

describe('splitWorkers', () => {
  it('shares --concurrency N threads between the stages: about one in four for the entity pass, the rest extracting, at least one each', () => {
    expect(splitWorkers(1)).toEqual({ extraction: 1, analysers: 1 });
    expect(splitWorkers(2)).toEqual({ extraction: 1, analysers: 1 });
    expect(splitWorkers(3)).toEqual({ extraction: 2, analysers: 1 });
    expect(splitWorkers(4)).toEqual({ extraction: 3, analysers: 1 });
    expect(splitWorkers(8)).toEqual({ extraction: 6, analysers: 2 });
    expect(splitWorkers(16)).toEqual({ extraction: 12, analysers: 4 });
  });
});

describe('WorkerPool, entity stage', () => {
  beforeAll(() => {
    writeTree(root, { 'analysis-hang.txt': fakeBulletin('P', 2020, 7), 'analysis-crash.txt': fakeBulletin('P', 2020, 8) });
  });

  it('stops a file whose entity pass runs past the time limit with `timeout`, and the next file still gets its record', async () => {
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 1000, workerUrl: FAKE_WORKER });
    try {
      const hung = await pool.run(file('analysis-hang.txt'), 'analysis-hang.txt');
      expect(hung).toEqual({ ok: false, error: { code: 'timeout', message: expect.stringContaining('1000 ms') } });
      const next = await pool.run(file('a.txt'), 'a.txt');
      expect(next.ok).toBe(true);
      expect(pool.analyserStats).toMatchObject({ workersStarted: 2, timeouts: 1 });
      expect(pool.stats.timeouts).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('turns an entity worker that dies into an `internal-error` for its file only', async () => {
    const pool = new WorkerPool({ size: 2, config: parseConfig({}), timeoutMs: 10_000, workerUrl: FAKE_WORKER });
    try {
      const [crashed, good] = await Promise.all([pool.run(file('analysis-crash.txt'), 'analysis-crash.txt'), pool.run(file('a.txt'), 'a.txt')]);
      expect(crashed).toMatchObject({ ok: false, error: { code: 'internal-error', message: expect.stringContaining('exited') } });
      expect(good.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fails files still waiting for an extraction worker with `interrupted` once the run is stopped, and finishes the one in progress and the one queued behind it', async () => {
    writeTree(root, {
      'slow-1.txt': fakeBulletin('P', 2020, 11), 'slow-2.txt': fakeBulletin('P', 2020, 12),
      'slow-3.txt': fakeBulletin('P', 2020, 13), 'slow-4.txt': fakeBulletin('P', 2020, 14),
    });
    const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 10_000, workerUrl: FAKE_WORKER });
    const stop = new AbortController();
    try {
      expect((await pool.run(file('a.txt'), 'a.txt')).ok).toBe(true); // the worker is up
      const handedOver = [pool.run(file('slow-1.txt'), 'slow-1.txt', stop.signal), pool.run(file('slow-2.txt'), 'slow-2.txt', stop.signal)];
      const waiting = [pool.run(file('slow-3.txt'), 'slow-3.txt', stop.signal), pool.run(file('slow-4.txt'), 'slow-4.txt', stop.signal)];
      await new Promise((resolve) => setTimeout(resolve, 20));
      stop.abort();
      for (const outcome of await Promise.all(handedOver)) expect(outcome.ok).toBe(true);
      for (const outcome of await Promise.all(waiting)) expect(outcome).toMatchObject({ ok: false, error: { code: 'interrupted' } });
    } finally {
      await pool.close();
    }
  });

  it('runs one entity worker per two extraction workers and lets parsed files queue for them, within a bound', () => {
    const one = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 1000, workerUrl: FAKE_WORKER });
    const four = new WorkerPool({ size: 4, config: parseConfig({}), timeoutMs: 1000, workerUrl: FAKE_WORKER });
    expect(one.capacity).toBe(1 + 1024);
    expect(four.capacity).toBe(4 + 2 * 1024);
    void one.close();
    void four.close();
  });

  it('lets parsed documents pile up for a slow entity stage, but holds extraction back once they pass their byte bound', async () => {
    const names = Array.from({ length: 8 }, (_, k) => `analysis-slow-${k}.txt`);
    writeTree(root, Object.fromEntries(names.map((n, k) => [n, fakeBulletin('P', 2021, k + 1)])));
    const runAll = async (waitingBytesPerAnalyser?: number) => {
      const pool = new WorkerPool({ size: 1, config: parseConfig({}), timeoutMs: 10_000, workerUrl: FAKE_WORKER, waitingBytesPerAnalyser });
      try {
        const outcomes = await Promise.all(names.map((n) => pool.run(file(n), n)));
        expect(outcomes.every((o) => o.ok)).toBe(true);
        return pool.peakWaiting;
      } finally {
        await pool.close();
      }
    };
    // Unbounded in practice: extraction (fast) runs ahead of the entity stage (50 ms a file).
    expect((await runAll()).documents).toBeGreaterThanOrEqual(6);
    // One byte: only what the extraction worker holds (its file and the next) may be parsed ahead.
    const bounded = await runAll(1);
    expect(bounded.documents).toBeLessThanOrEqual(2);
    expect(bounded.bytes).toBeGreaterThan(0);
  });
});

describe('WorkerPool with the real extraction worker', () => {
  it('refuses a file swapped for a link (or rewritten) after it was hashed, and reads it when unchanged', async () => {
    const dir = makeTempDir('bulletin-swap-');
    const fixture = fileURLToPath(new URL('../../fixtures/baotou-2020-18.txt', import.meta.url));
    fs.copyFileSync(fixture, path.join(dir, 'issue.txt'));
    fs.copyFileSync(fixture, path.join(dir, 'kept.txt'));
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'root:x:0:0::/root:/bin/sh\n');
    const { sha256 } = await sha256File(path.join(dir, 'issue.txt'));
    fs.rmSync(path.join(dir, 'issue.txt'));
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'issue.txt'));
    const pool = new WorkerPool({ size: 1, analysers: 1, config: parseConfig({}), timeoutMs: 60_000 });
    try {
      const swapped = await pool.run(path.join(dir, 'issue.txt'), 'issue.txt', undefined, sha256);
      expect(swapped).toEqual({ ok: false, error: { code: 'read-failed', message: expect.stringContaining('changed after it was found') } });
      const kept = await pool.run(path.join(dir, 'kept.txt'), 'kept.txt', undefined, sha256);
      expect(kept.ok).toBe(true);
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
