/** Running the ingest command in a child process (see ingest-child.ts), and waiting on files it writes. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const script = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));
const env = { ...process.env, NODE_OPTIONS: '' };

/** Starts `ingest --out OUT INPUTS…` in `cwd`; resolves `exited` with its status and output. */
export function startIngest(cwd: string, out: string, inputs: string[]) {
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, script, out, ...inputs], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, exited };
}

export function runIngestSync(cwd: string, out: string, inputs: string[]) {
  const result = spawnSync(process.execPath, ['--import', tsx, script, out, ...inputs], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Waits (polling) until `test` holds; fails after `ms`. */
export async function waitFor(test: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Lines of OUT/journal.jsonl after its header (0 when there is none). */
export function journalLines(journal: string): number {
  try {
    return fs.readFileSync(journal, 'utf8').split('\n').filter(Boolean).length - 1;
  } catch {
    return 0;
  }
}
