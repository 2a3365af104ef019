/**
 * Local runs stay local: without --queue, `bulletin ingest` loads no Redis client at all (an import
 * hook reports every module resolved into bullmq or ioredis). With --queue and nobody listening, the
 * same hook sees them loaded (so the check can fail), and the run stops at once with a clear error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../batch/helpers/tree.js';
import { freePort } from './helpers/redis.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const trace = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));
const tsx = path.join(repo, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
const dir = makeTempDir('bulletin-local-mode-');
fs.copyFileSync(path.join(repo, 'fixtures', 'meitan-2024-03.txt'), path.join(dir, 'meitan-2024-03.txt'));

const traced = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', trace, '--import', tsx, path.join(repo, 'src', 'main.ts'), ...args], { cwd: dir, encoding: 'utf8' });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bulletin ingest without --queue', () => {
  it('imports neither bullmq nor ioredis', () => {
    const run = traced('ingest', 'meitan-2024-03.txt', '--out', 'out', '-j', '2');
    expect(run.status, run.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', 'manifest.json'))).toBe(true);
    expect(run.stderr).not.toContain('[trace-imports]');
  });
});

describe('bulletin ingest --queue with no Redis listening', () => {
  it('loads the Redis client and stops with a clear error (exit 2) before writing anything', async () => {
    const port = await freePort();
    const run = traced('ingest', 'meitan-2024-03.txt', '--out', 'out-queue', '--queue', `redis://127.0.0.1:${port}`);
    expect(run.stderr).toContain('[trace-imports] loaded');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`bulletin ingest: cannot reach Redis at redis://127.0.0.1:${port}/0`);
    expect(fs.existsSync(path.join(dir, 'out-queue'))).toBe(false);
  });

  it('refuses inputs outside --root before reaching for Redis, since no worker could read them', () => {
    fs.mkdirSync(path.join(dir, 'shared'), { recursive: true });
    const run = traced('ingest', 'meitan-2024-03.txt', '--queue', 'redis://127.0.0.1:1', '--root', 'shared');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('meitan-2024-03.txt is outside --root shared');
  });

  it('refuses a URL that is not redis://', () => {
    const run = traced('ingest', 'meitan-2024-03.txt', '--queue', 'http://127.0.0.1:1');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected redis://HOST:PORT[/DB]');
  });
});
