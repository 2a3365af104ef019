/**
 * The pieces of a distributed run as child processes of the test: a small corpus in a temporary
 * folder (the "shared folder"), `bulletin worker` and `bulletin ingest --queue` processes running
 * the sources, their output captured, and a byte-by-byte listing of an OUT folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../../batch/helpers/tree.js';
import { sleep } from './redis.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const main = path.join(repo, 'src', 'main.ts');
const tsx = path.join(repo, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');

/** Text and Word bulletins, one PDF, and a corrupt file: a handful, so a run takes seconds. */
const CORPUS = [
  'fixtures/baotou-2020-18.txt',
  'fixtures/chifeng-2021-05.txt',
  'fixtures/fucheng-2021-09.txt',
  'fixtures/jiusan-qingdao-2018-06.txt',
  'fixtures/meitan-2024-03.txt',
  'fixtures/baotou-2020-18.docx',
  'fixtures/minmeng-hangzhou-2022-01.docx',
  'fixtures/baotou-2020-18.pdf',
  'test/data/bad/truncated.docx',
];
export const CORRUPT = 'in/truncated.docx';

/** A shared folder holding the corpus under `in/` (plus a copy under another name, so identical bytes at two paths are two files). */
export function makeCorpus(): string {
  const dir = makeTempDir('bulletin-queue-');
  fs.mkdirSync(path.join(dir, 'in', 'copies'), { recursive: true });
  for (const rel of CORPUS) fs.copyFileSync(path.join(repo, rel), path.join(dir, 'in', path.basename(rel)));
  fs.copyFileSync(path.join(repo, 'fixtures/meitan-2024-03.txt'), path.join(dir, 'in', 'copies', 'meitan-2024-03.txt'));
  return dir;
}
export const CORPUS_FILES = CORPUS.length + 1;

export interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `bulletin ARGS` from the sources, in `cwd`. */
export function bulletin(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, ['--import', tsx, main, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export function bulletinSync(cwd: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', tsx, main, ...args], { cwd, encoding: 'utf8' });
}

/** A worker quick to take over a lost worker's jobs (short lock and stalled check). */
export function startWorker(cwd: string, url: string, extra: string[] = []): Proc {
  return bulletin(cwd, ['worker', '--queue', url, '--root', '.', '-j', '2', '--verbose', '--lock-ms', '2000', '--stalled-ms', '1000', ...extra]);
}

export async function stopWorker(worker: Proc): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
  await worker.exited;
}

export async function waitFor(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Every file under OUT with its bytes (hex of sha256 would hide nothing more; the bytes are small). */
export function outBytes(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else files.set(path.relative(outDir, abs), fs.readFileSync(abs));
    }
  };
  walk(outDir);
  return files;
}

/** The files of OUT that differ between two runs (missing on one side, or other bytes). */
export function differences(a: string, b: string): string[] {
  const left = outBytes(a);
  const right = outBytes(b);
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.filter((n) => !left.has(n) || !right.has(n) || !left.get(n)!.equals(right.get(n)!));
}

/** How many times the workers' logs show a file's job being started. */
export function starts(logs: string[], file: string): number {
  return logs.join('\n').split('\n').filter((line) => line.includes(': start ') && line.includes(` ${file} (attempt`)).length;
}
