/**
 * A fixed set of worker threads serving one stage of the pipeline. Threads start lazily (or all at
 * once with `prestart`), load their stage once and then take task after task, one at a time each.
 *
 * A thread holds `tasksAhead` tasks queued behind the one it runs, so it starts the next the moment
 * it finishes one, instead of waiting for the main thread to hear of the result and send more: on a
 * busy machine that round trip cost an extraction worker ~15 % of its time. A task's time limit
 * starts when the thread reaches it (when the result before it arrives), not when it is queued.
 *
 * A task that runs past the time limit gets its thread terminated (a fresh one replaces it) and
 * fails with `timeout`; a thread that crashes fails the task it was running with `internal-error`;
 * tasks queued behind either go to another thread. A thread whose heap has grown past the recycle
 * limit is replaced at once, and the tasks it held go to another thread (it may have begun the next
 * one: that work is lost, not its result), so no file runs on a heap already near its limit.
 * `run` never rejects.
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
  /** Tasks a thread holds queued behind the one it runs (default 0). */
  tasksAhead?: number;
}

export interface ThreadPoolStats {
  workersStarted: number;
  timeouts: number;
  crashes: number;
  recycled: number;
  /** Seconds the threads spent on tasks, summed over threads (from when a thread reached a task to its outcome). */
  busySeconds: number;
}

interface Task<P> {
  taskId: number;
  payload: P;
  signal?: AbortSignal;
  resolve: (outcome: TaskOutcome) => void;
  /** Set while the thread runs it. */
  timer: NodeJS.Timeout | null;
  startedAt?: number;
}

interface Slot<P> {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** Sent to the thread, in the order it runs them: the first is running. */
  tasks: Task<P>[];
}

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
const CLOSED: ErrorInfo = { code: 'internal-error', message: 'the worker pool is closed' };

export class ThreadPool<P, V> {
  readonly stats: ThreadPoolStats = { workersStarted: 0, timeouts: 0, crashes: 0, recycled: 0, busySeconds: 0 };
  /** Start-up failures since a thread last became ready: a few in a row mean none will start. */
  private startFailures = 0;
  private readonly slots = new Set<Slot<P>>();
  /** Tasks not yet sent to a thread, oldest first. */
  private readonly pending: Task<P>[] = [];
  private fatal: ErrorInfo | null = null;
  private closed = false;
  private nextTaskId = 1;

  constructor(private readonly options: ThreadPoolOptions) {}

  /**
   * Runs a task on the next thread with room for it. A task whose `signal` is aborted before it is
   * sent to a thread fails `interrupted`; one already queued in a thread still runs.
   */
  run(payload: P, signal?: AbortSignal): Promise<TaskOutcome<V>> {
    if (this.fatal) return Promise.resolve({ ok: false, error: this.fatal });
    if (this.closed) return Promise.resolve({ ok: false, error: CLOSED });
    return new Promise<TaskOutcome<V>>((resolve) => {
      this.pending.push({ taskId: this.nextTaskId++, payload, signal, resolve: resolve as (outcome: TaskOutcome) => void, timer: null });
      this.dispatch();
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
    for (const s of slots) s.dead = true;
    for (const task of [...this.pending.splice(0), ...slots.flatMap((s) => s.tasks.splice(0))]) this.settle(task, { ok: false, error: CLOSED });
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }

  /**
   * Sends pending tasks to threads: idle threads first, then threads still loading are started (up
   * to `size`), then the queues of busy threads are filled up to `tasksAhead`.
   */
  private dispatch(): void {
    if (this.closed || this.fatal) return;
    const depth = 1 + (this.options.tasksAhead ?? 0);
    const next = (): Task<P> | undefined => {
      for (let task = this.pending.shift(); task; task = this.pending.shift()) {
        if (!task.signal?.aborted) return task;
        this.settle(task, { ok: false, error: INTERRUPTED });
      }
      return undefined;
    };
    const open = () => [...this.slots].filter((s) => s.ready && !s.dead);
    for (const slot of open()) {
      if (slot.tasks.length > 0) continue;
      const task = next();
      if (!task) return;
      this.send(slot, task);
    }
    const loading = [...this.slots].filter((s) => !s.ready).length;
    for (let n = loading; n < this.pending.length && this.slots.size < this.options.size; n++) this.spawn();
    for (let room = true; room && this.pending.length > 0; ) {
      room = false;
      for (const slot of open()) {
        if (slot.tasks.length >= depth) continue;
        const task = next();
        if (!task) return;
        this.send(slot, task);
        room = true;
      }
    }
  }

  private send(slot: Slot<P>, task: Task<P>): void {
    slot.tasks.push(task);
    if (slot.tasks.length === 1) this.startTimer(slot);
    slot.worker.postMessage({ taskId: task.taskId, payload: task.payload } satisfies ToWorker<P>);
  }

  /** The time limit of the task the thread runs now (the first of its queue). */
  private startTimer(slot: Slot<P>): void {
    const task = slot.tasks[0];
    if (task && !task.timer) {
      task.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      task.startedAt = performance.now();
    }
  }

  private settle(task: Task<P>, outcome: TaskOutcome): void {
    if (task.timer) clearTimeout(task.timer);
    task.timer = null;
    if (task.startedAt !== undefined) this.stats.busySeconds += (performance.now() - task.startedAt) / 1000;
    task.startedAt = undefined;
    task.resolve(outcome);
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
    const slot: Slot<P> = { worker, ready: false, dead: false, tasks: [] };
    this.slots.add(slot);
    this.stats.workersStarted++;
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      // A file that needs more than the heap cap will need it again: a permanent `too-complex`, not
      // an `internal-error` retried on every run (workers are recycled well below the cap, so the
      // file running is the one that needed it).
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.onWorkerGone(
        slot,
        outOfMemory
          ? { code: 'too-complex', message: `the file needed more than ${this.options.maxHeapMb} MB of memory` }
          : { code: 'internal-error', message: `the worker crashed: ${err.message}` },
      );
    });
    worker.on('exit', (code) => this.onWorkerGone(slot, { code: 'internal-error', message: `the worker exited unexpectedly (code ${code})` }));
  }

  private onMessage(slot: Slot<P>, msg: FromWorker): void {
    if (slot.dead) return;
    if (msg.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
    } else if (msg.type === 'fatal') {
      this.setFatal(msg.error);
    } else if (slot.tasks[0]?.taskId === msg.taskId) {
      const task = slot.tasks.shift()!;
      this.settle(task, msg.ok ? { ok: true, value: msg.value } : { ok: false, error: msg.error });
      if (msg.heapUsed !== undefined && msg.heapUsed > this.options.recycleHeapMb * 2 ** 20) {
        this.stats.recycled++;
        this.retire(slot);
        void slot.worker.terminate().catch(() => undefined);
        this.requeue(slot.tasks.splice(0)); // queued tasks have no timer yet
      }
    }
    this.startTimer(slot);
    this.dispatch();
  }

  private onTimeout(slot: Slot<P>): void {
    const task = slot.tasks[0];
    if (!task || slot.dead) return;
    this.stats.timeouts++;
    this.retire(slot);
    void slot.worker.terminate().catch(() => undefined);
    this.settle(task, { ok: false, error: { code: 'timeout', message: `gave up after ${this.options.timeoutMs} ms ${this.options.timeoutLabel}` } });
    this.requeue(slot.tasks.slice(1));
    this.dispatch();
  }

  private onWorkerGone(slot: Slot<P>, error: ErrorInfo): void {
    if (slot.dead) return;
    this.retire(slot);
    if (this.closed) return;
    const [running, ...queued] = slot.tasks;
    if (running) {
      this.stats.crashes++;
      this.settle(running, { ok: false, error });
      this.requeue(queued);
    } else if (!slot.ready) {
      // A thread that cannot start a few times in a row would fail every task the same way: stop trying.
      if (++this.startFailures >= MAX_START_FAILURES) this.setFatal({ code: 'internal-error', message: `a worker could not start: ${error.message}` });
    }
    this.dispatch();
  }

  /** Tasks a lost thread held behind the one it ran go first to another thread. */
  private requeue(tasks: Task<P>[]): void {
    this.pending.unshift(...tasks);
  }

  private retire(slot: Slot<P>): void {
    slot.dead = true;
    this.slots.delete(slot);
  }

  private setFatal(error: ErrorInfo): void {
    this.fatal = error;
    for (const task of this.pending.splice(0)) this.settle(task, { ok: false, error });
    for (const s of [...this.slots]) {
      if (s.tasks.length > 0) continue;
      this.retire(s);
      void s.worker.terminate().catch(() => undefined);
    }
  }
}
