/**
 * A fixed set of worker threads serving one stage of the pipeline, one task at a time each.
 * Threads start lazily (or all at once with `prestart`), load their stage once and then take task
 * after task. A task that runs past the time limit gets its thread terminated (a fresh one replaces
 * it) and fails with `timeout`; a thread that crashes fails its task with `internal-error`; a thread
 * whose heap has grown past the recycle limit is replaced between tasks. `run` never rejects.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { INTERRUPTED, type ErrorInfo, type FromWorker, type TaskOutcome, type ToWorker } from './protocol.js';

export interface ThreadPoolOptions {
  size: number;
  /** The thread's entry script (compiled .js, or .ts under tsx/vitest). */
  url: URL;
  workerData: unknown;
  timeoutMs: number;
  /** Heap limit per thread, so one runaway file cannot take the machine's memory. */
  maxHeapMb: number;
  /** A thread whose heap is past this after a task is replaced by a fresh one. */
  recycleHeapMb: number;
  /** Forward what threads print (pdf.js warnings and the like) to stderr instead of dropping it. */
  forwardOutput?: boolean;
  /** How a task that times out is described: `gave up after N ms (…)`. */
  timeoutLabel: string;
}

export interface ThreadPoolStats {
  workersStarted: number;
  timeouts: number;
  crashes: number;
  recycled: number;
}

interface Task {
  taskId: number;
  resolve: (outcome: TaskOutcome) => void;
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
 * Node 20 ignores `--import tsx` in a worker's execArgv for the worker's own entry file ("Unknown
 * file extension .ts"), so a tiny bootstrap registers tsx inside the worker first and then imports
 * the .ts entry. tsx is resolved from this package so workers find it from any current folder.
 */
let tsxApi: string | undefined;

function tsBootstrap(entry: URL): string {
  if (!tsxApi) {
    const require = createRequire(import.meta.url);
    const pkgFile = require.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    tsxApi = pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api'].import.default)).href;
  }
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

// Capping the old generation alone also shrinks the young one, and the pipeline's many short-lived
// strings then cost ~12 % more time in scavenges; give the young generation room.
const YOUNG_GENERATION_MB = 64;
const MAX_START_FAILURES = 3;

export class ThreadPool<P, V> {
  readonly stats: ThreadPoolStats = { workersStarted: 0, timeouts: 0, crashes: 0, recycled: 0 };
  /** Start-up failures since a thread last became ready: a few in a row mean none will start. */
  private startFailures = 0;
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly waiters: Waiter[] = [];
  private fatal: ErrorInfo | null = null;
  private closed = false;
  private nextTaskId = 1;

  constructor(private readonly options: ThreadPoolOptions) {}

  /** Runs a task on the next free thread; with `signal` aborted by then, gives the thread back and fails `interrupted`. */
  async run(payload: P, signal?: AbortSignal): Promise<TaskOutcome<V>> {
    const slot = await this.acquire();
    if (!('worker' in slot)) return { ok: false, error: slot };
    if (signal?.aborted) {
      this.release(slot);
      return { ok: false, error: INTERRUPTED };
    }
    return new Promise<TaskOutcome<V>>((resolve) => {
      const taskId = this.nextTaskId++;
      const timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      slot.current = { taskId, resolve: resolve as (outcome: TaskOutcome) => void, timer };
      slot.worker.postMessage({ taskId, payload } satisfies ToWorker<P>);
    });
  }

  /** Starts every thread now, so their loading overlaps other work instead of the first tasks. */
  prestart(): void {
    while (!this.closed && !this.fatal && this.slots.size < this.options.size) this.spawn();
  }

  /** Live threads (for memory sampling). */
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
    const fromSource = this.options.url.pathname.endsWith('.ts');
    const worker = new Worker(fromSource ? tsBootstrap(this.options.url) : this.options.url, {
      eval: fromSource,
      execArgv: [],
      workerData: this.options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
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
        message: outOfMemory ? `the file needed more than ${this.options.maxHeapMb} MB of memory` : `the worker crashed: ${err.message}`,
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
      task.resolve(msg.ok ? { ok: true, value: msg.value } : { ok: false, error: msg.error });
      if (msg.heapUsed !== undefined && msg.heapUsed > this.options.recycleHeapMb * 2 ** 20) {
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
    task.resolve({ ok: false, error: { code: 'timeout', message: `gave up after ${this.options.timeoutMs} ms ${this.options.timeoutLabel}` } });
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
      // A thread that cannot start a few times in a row would fail every task the same way: stop trying.
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
