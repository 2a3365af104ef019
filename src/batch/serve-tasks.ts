/**
 * The loop every batch worker thread runs: load once (and warm up), say `ready`, then answer one
 * task per message, one at a time, until the pool closes it. Errors travel as plain
 * `{ code, message }`, since class instances do not survive the trip between threads.
 */
import { parentPort } from 'node:worker_threads';
import type { ErrorInfo, FromWorker, ToWorker } from './protocol.js';
import { toErrorInfo } from './protocol.js';

/** Tells the pool that a task advanced (`done` of `total` steps, e.g. OCR'd pages), and how long the next step may take. */
export type ReportProgress = (done: number, total: number, budgetMs?: number) => void;

export async function serveTasks<P, V>(load: () => Promise<(payload: P, progress: ReportProgress) => V | Promise<V>>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('a batch worker must run in a worker thread');
  let handle: (payload: P, progress: ReportProgress) => V | Promise<V>;
  try {
    handle = await load();
  } catch (err) {
    const error: ErrorInfo = { code: 'internal-error', message: `the pipeline could not be loaded: ${(err as Error)?.message ?? String(err)}` };
    port.postMessage({ type: 'fatal', error } satisfies FromWorker);
    return;
  }
  // The pool may queue a task behind the one running (see thread-pool.ts): run them one at a time,
  // in the order they came, so each has the thread (and its time limit) to itself.
  const queue: ToWorker<P>[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    for (let task = queue.shift(); task; task = queue.shift()) {
      let reply: FromWorker<V>;
      try {
        const progress: ReportProgress = (done, total, budgetMs) => port.postMessage({ type: 'progress', taskId: task.taskId, done, total, budgetMs } satisfies FromWorker);
        reply = { type: 'result', taskId: task.taskId, ok: true, value: await handle(task.payload, progress) };
      } catch (err) {
        reply = { type: 'result', taskId: task.taskId, ok: false, error: toErrorInfo(err) };
      }
      port.postMessage({ ...reply, heapUsed: process.memoryUsage().heapUsed });
    }
    running = false;
  };
  port.on('message', (task: ToWorker<P>) => {
    queue.push(task);
    if (!running) void drain();
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
