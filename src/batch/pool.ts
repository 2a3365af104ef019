/**
 * A fixed set of worker threads that run ingestFile, one file at a time each. Workers are started
 * lazily, load the pipeline once and then take file after file. A file that runs past the time
 * limit gets its worker terminated (a fresh one replaces it) and fails with `timeout`; a worker that
 * crashes fails its file with `internal-error`. `run` never rejects.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import type { ErrorInfo, FromWorker, IngestOutcome, ToWorker } from './protocol.js';

export interface PoolOptions {
  size: number;
  config: Config;
  timeoutMs: number;
  /** Worker script; defaults to the pipeline worker next to this module (tests swap in others). */
  workerUrl?: URL;
  /** Heap limit per worker, so one runaway file cannot take the machine's memory. */
  maxHeapMb?: number;
  /**
   * A worker whose heap is past this after a file is replaced by a fresh one, before it nears
   * maxHeapMb and dies mid-file. Kept high on purpose: the pipeline's steady heap is ~200 MB (pdf.js
   * data) plus garbage not yet collected, and each new worker costs a start-up and reloads the
   * segmentation dictionaries (whose native memory a terminated worker does not always give back).
   */
  recycleHeapMb?: number;
  /** Forward what workers print (pdf.js warnings and the like) to stderr instead of dropping it. */
  forwardOutput?: boolean;
}

interface Task {
  taskId: number;
  resolve: (outcome: IngestOutcome) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  current: Task | null;
}

type Waiter = (slot: Slot | ErrorInfo) => void;

/**
 * The compiled worker when running from dist/; when running from src/ (tsx, vitest) the TypeScript
 * worker, loaded through tsx. Node 20 ignores `--import tsx` in a worker's execArgv for the worker's
 * own entry file ("Unknown file extension .ts"), so a tiny bootstrap registers tsx inside the worker
 * first and then imports the .ts entry.
 */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './worker.ts' : './worker.js', here);
}

/** tsx's ESM register API, resolved from this package so workers find it from any current folder. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api'].import.default)).href;
}

function tsBootstrap(entry: URL): string {
  return `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

const DEFAULT_MAX_HEAP_MB = 1024;
const DEFAULT_RECYCLE_HEAP_MB = 768;
const YOUNG_GENERATION_MB = 64;
const MAX_START_FAILURES = 3;

export class WorkerPool {
  readonly stats = { workersStarted: 0, timeouts: 0, crashes: 0, recycled: 0 };
  /** Start-up failures since a worker last became ready: a few in a row mean none will start. */
  private startFailures = 0;
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly waiters: Waiter[] = [];
  private fatal: ErrorInfo | null = null;
  private closed = false;
  private nextTaskId = 1;
  private readonly url: URL;

  constructor(private readonly options: PoolOptions) {
    this.url = options.workerUrl ?? defaultWorkerUrl();
  }

  async run(filePath: string, displayPath: string): Promise<IngestOutcome> {
    const slot = await this.acquire();
    if (!('worker' in slot)) return { ok: false, error: slot };
    return new Promise<IngestOutcome>((resolve) => {
      const taskId = this.nextTaskId++;
      const timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      slot.current = { taskId, resolve, timer };
      slot.worker.postMessage({ taskId, filePath, displayPath } satisfies ToWorker);
    });
  }

  /** Live worker threads (for memory sampling). */
  workers(): Worker[] {
    return [...this.slots].map((s) => s.worker);
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    this.idle.length = 0;
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  private acquire(): Promise<Slot | ErrorInfo> {
    if (this.fatal) return Promise.resolve(this.fatal);
    if (this.closed) return Promise.resolve({ code: 'internal-error', message: 'the worker pool is closed' });
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    const promise = new Promise<Slot | ErrorInfo>((resolve) => this.waiters.push(resolve));
    if (this.slots.size < this.options.size) this.spawn();
    return promise;
  }

  private spawn(): void {
    const fromSource = this.url.pathname.endsWith('.ts');
    const worker = new Worker(fromSource ? tsBootstrap(this.url) : this.url, {
      eval: fromSource,
      execArgv: [],
      workerData: { config: this.options.config },
      // Capping the old generation alone also shrinks the young one, and the pipeline's many
      // short-lived strings then cost ~12 % more time in scavenges; give the young generation room.
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      stdout: !this.options.forwardOutput,
      stderr: !this.options.forwardOutput,
    });
    if (!this.options.forwardOutput) {
      worker.stdout.resume();
      worker.stderr.resume();
    }
    const slot: Slot = { worker, ready: false, dead: false, current: null };
    this.slots.add(slot);
    this.stats.workersStarted++;
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.onWorkerGone(slot, {
        code: 'internal-error',
        message: outOfMemory
          ? `the file needed more than ${this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB} MB of memory`
          : `the worker crashed: ${err.message}`,
      });
    });
    worker.on('exit', (code) => this.onWorkerGone(slot, { code: 'internal-error', message: `the worker exited unexpectedly (code ${code})` }));
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    if (slot.dead) return;
    if (msg.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.release(slot);
    } else if (msg.type === 'fatal') {
      this.setFatal(msg.error);
    } else if (slot.current && slot.current.taskId === msg.taskId) {
      const task = slot.current;
      slot.current = null;
      clearTimeout(task.timer);
      task.resolve(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
      if (msg.heapUsed !== undefined && msg.heapUsed > (this.options.recycleHeapMb ?? DEFAULT_RECYCLE_HEAP_MB) * 2 ** 20) {
        this.stats.recycled++;
        this.retire(slot);
        void slot.worker.terminate().catch(() => undefined);
        this.replaceIfNeeded();
      } else {
        this.release(slot);
      }
    }
  }

  private onTimeout(slot: Slot): void {
    const task = slot.current;
    if (!task || slot.dead) return;
    this.stats.timeouts++;
    slot.current = null;
    this.retire(slot);
    void slot.worker.terminate().catch(() => undefined);
    task.resolve({ ok: false, error: { code: 'timeout', message: `gave up after ${this.options.timeoutMs} ms (limits.timeoutMs)` } });
    this.replaceIfNeeded();
  }

  private onWorkerGone(slot: Slot, error: ErrorInfo): void {
    if (slot.dead) return;
    this.retire(slot);
    if (this.closed) return;
    if (slot.current) {
      this.stats.crashes++;
      const task = slot.current;
      slot.current = null;
      clearTimeout(task.timer);
      task.resolve({ ok: false, error });
      this.replaceIfNeeded();
    } else if (!slot.ready) {
      // A worker that cannot start a few times in a row would fail every file the same way: stop trying.
      if (++this.startFailures >= MAX_START_FAILURES) this.setFatal({ code: 'internal-error', message: `a worker could not start: ${error.message}` });
      else this.replaceIfNeeded();
    } else {
      this.replaceIfNeeded();
    }
  }

  private retire(slot: Slot): void {
    slot.dead = true;
    this.slots.delete(slot);
    const i = this.idle.indexOf(slot);
    if (i >= 0) this.idle.splice(i, 1);
  }

  private release(slot: Slot): void {
    if (slot.dead) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter(slot);
    else this.idle.push(slot);
  }

  private replaceIfNeeded(): void {
    if (!this.closed && !this.fatal && this.waiters.length > 0 && this.slots.size < this.options.size) this.spawn();
  }

  private setFatal(error: ErrorInfo): void {
    this.fatal = error;
    for (const waiter of this.waiters.splice(0)) waiter(error);
    for (const s of [...this.slots]) {
      if (s.current) continue;
      this.retire(s);
      void s.worker.terminate().catch(() => undefined);
    }
  }
}

