/** One ingest run per OUT: a second run refuses while the first holds the lock; a dead run's lock is taken over. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { acquireOutLock, LOCK_FILE } from '../../src/batch/lock.js';
import type { Manifest } from '../../src/batch/manifest.js';
import { OutError } from '../../src/batch/out-errors.js';
import { runBatch } from '../../src/batch/run.js';
import { runIngestSync, startIngest, waitFor } from './helpers/child.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir('bulletin-lock-');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const lockFile = () => path.join(root, 'out', LOCK_FILE);
/** The pid of a process that has ended. */
const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('the lock on OUT', () => {
  it('makes a second concurrent ingest into the same OUT refuse with a message naming the first, which loses nothing', async () => {
    // 16 × 400 ms: long enough that the second run (its own start-up included) meets the first at work.
    const slow: Record<string, string> = {};
    for (let i = 0; i < 16; i++) slow[`txt/slow-400ms-${String(i).padStart(2, '0')}.txt`] = fakeBulletin('P', 2020, i + 1);
    writeTree(root, { ...slow, 'docx/other.txt': fakeBulletin('Q', 2021, 1) });
    const first = startIngest(root, 'out', ['txt']);
    await waitFor(() => fs.existsSync(lockFile()), 'the first run to take the lock');

    const second = runIngestSync(root, 'out', ['docx']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`another bulletin ingest \\(process ${first.child.pid}, started .*\\) is writing to .*out; wait for it to finish or choose another --out`));
    expect(second.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const done = await first.exited;
    expect(done.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files.map((f) => f.status)).toEqual(Array(16).fill('ok'));
    expect(fs.readdirSync(path.join(root, 'out/bulletins'))).toHaveLength(16);
    expect(fs.existsSync(lockFile())).toBe(false);

    // Once the first is done, the second goes through and both sets are kept.
    expect(runIngestSync(root, 'out', ['docx']).status).toBe(0);
    expect(fs.readdirSync(path.join(root, 'out/bulletins'))).toHaveLength(17);
  });

  it('takes over the lock of a process that is gone, and removes its own when done', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1) });
    fs.mkdirSync(path.join(root, 'out'));
    fs.writeFileSync(path.join(root, 'out/.bulletin-ingest'), '{}\n');
    const pid = deadPid();
    fs.writeFileSync(lockFile(), `${JSON.stringify({ pid, host: os.hostname(), started: '2020-01-01T00:00:00.000Z' })}\n`);
    const summary = await runBatch({ inputs: ['in'], outDir: 'out', config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER });
    expect(summary.ok).toBe(1);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock whose pid now belongs to a process that is not node (a pid reused)', async () => {
    if (!fs.existsSync('/proc/self/cmdline')) {
      console.log('skipped: needs /proc (Linux) to tell what a pid runs');
      return;
    }
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1) });
    fs.mkdirSync(path.join(root, 'out'));
    fs.writeFileSync(path.join(root, 'out/.bulletin-ingest'), '{}\n');
    const sleeper = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(lockFile(), `${JSON.stringify({ pid: sleeper.pid, host: os.hostname(), started: '2020-01-01T00:00:00.000Z' })}\n`);
      const summary = await runBatch({ inputs: ['in'], outDir: 'out', config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER });
      expect(summary.ok).toBe(1);
    } finally {
      sleeper.kill();
    }
  });

  it('refuses while a live process holds the lock, and lets go of it on release', () => {
    fs.mkdirSync(path.join(root, 'out'));
    const held = acquireOutLock(path.join(root, 'out'));
    expect(() => acquireOutLock(path.join(root, 'out'))).toThrow(OutError);
    expect(() => acquireOutLock(path.join(root, 'out'))).toThrow(`process ${process.pid}`);
    held.release();
    acquireOutLock(path.join(root, 'out')).release();
    expect(fs.readdirSync(path.join(root, 'out'))).toEqual([]);
  });
});
