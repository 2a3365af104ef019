/** `bulletin serve` from the command line: usage errors, and a real process serving the archive. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOutDir } from '../query/sample-records.js';
import { repo, tempDir } from './archives.js';

const main = path.join(repo, 'src', 'main.ts');
let outDir: string;

beforeAll(() => {
  outDir = makeOutDir(); // records only: serve builds the missing index, as query does
});
afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('bulletin serve', () => {
  it('says what it does and which options it takes', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', main, 'serve', '--help'], { cwd: repo, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const option of ['--out', '--port', '--host', '--sources']) expect(run.stdout).toContain(option);
    expect(run.stdout).toContain('127.0.0.1');
  });

  it('exits 2 for an output folder without records and for a bad port', () => {
    const empty = tempDir('bulletin-serve-empty-');
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', main, 'serve', '--out', empty, '--port', '0'], { cwd: repo, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('holds no records');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
    const badPort = spawnSync(process.execPath, ['--import', 'tsx', main, 'serve', '--out', outDir, '--port', '70000'], { cwd: repo, encoding: 'utf8' });
    expect(badPort.status).toBe(2);
  });

  it('exits 1 with the reason when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const own = makeOutDir();
    try {
      const { port } = blocker.address() as net.AddressInfo;
      const run = spawnSync(process.execPath, ['--import', 'tsx', main, 'serve', '--out', own, '--port', String(port)], { cwd: repo, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('EADDRINUSE');
    } finally {
      blocker.close();
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('builds a missing index, serves on 127.0.0.1 and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--out', outDir, '--port', '0'], { cwd: repo });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      expect(stderr).toContain('built ');
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('示例市政协办公室');
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
