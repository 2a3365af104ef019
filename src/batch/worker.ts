/**
 * Worker thread entry: loads the pipeline once (extractors, dictionaries), says `ready`, then
 * ingests one file per message until the pool closes it. Errors are sent back as plain
 * `{ code, message }`, since class instances do not survive the trip between threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { ErrorInfo, FromWorker, ToWorker } from './protocol.js';
import { toErrorInfo } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const { config } = workerData as { config: Config };

/** A few lines of a bulletin, so lazily loaded parts of the pipeline load before the first timed file. */
const WARM_UP = '包头市 工作周报\n第 1 期\n包头市政协办公室\n2020 年 5 月 11 日\n※重要活动※\n◆5月6日，市政协主席张三在石拐区调研。\n';

try {
  const pipeline = await import('../ingest.js');
  const { ingestFile } = pipeline;
  try {
    await pipeline.ingestBytes?.(Buffer.from(WARM_UP, 'utf8'), 'warm-up.txt', config);
  } catch {
    // Warming up is an optimisation only; real files report their own problems.
  }
  port.on('message', async (task: ToWorker) => {
    let reply: FromWorker;
    try {
      const result = await ingestFile(task.filePath, config, { displayPath: task.displayPath });
      reply = { type: 'result', taskId: task.taskId, ok: true, result };
    } catch (err) {
      reply = { type: 'result', taskId: task.taskId, ok: false, error: toErrorInfo(err) };
    }
    port.postMessage({ ...reply, heapUsed: process.memoryUsage().heapUsed });
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
} catch (err) {
  const error: ErrorInfo = { code: 'internal-error', message: `the pipeline could not be loaded: ${(err as Error)?.message ?? String(err)}` };
  port.postMessage({ type: 'fatal', error } satisfies FromWorker);
}
