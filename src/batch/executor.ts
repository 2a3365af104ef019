/**
 * What a batch run hands each changed file to: something that runs both stages on it and gives back
 * its outcome. The default is this machine's worker threads (pool.ts); `--queue` swaps in BullMQ
 * workers on other machines (src/queue/coordinator.ts). run.ts knows nothing else of either.
 */
import type { Config } from '../config.js';
import type { Manifest } from './manifest.js';
import { WorkerPool } from './pool.js';
import type { IngestOutcome } from './protocol.js';

/** One file to do, as the run found and hashed it. */
export interface FileTask {
  /** The file's path; its raw bytes for a name that is not valid UTF-8 (byte-paths.ts). */
  absPath: string | Buffer;
  displayPath: string;
  sha256: string;
  bytes: number;
}

export interface FileExecutor {
  /** Files the run may keep in flight at once. */
  readonly capacity: number;
  /** Both stages for one file; never rejects. */
  run(task: FileTask, signal?: AbortSignal): Promise<IngestOutcome>;
  close(): Promise<void>;
  /** Seconds spent on files by each stage's threads (0 when they are not this process's). */
  busy(): { extraction: number; entity: number };
}

export interface ExecutorSetup {
  /** Extraction and entity threads of this machine, when the executor runs here. */
  workers: number;
  entityWorkers: number;
  config: Config;
  configHash: string;
  tool: Manifest['tool'];
  workerUrl?: URL;
  /** A page of a scan was OCR'd (progress per page on long scans). */
  onOcrPage?: (displayPath: string, done: number, total: number) => void;
}

export type ExecutorFactory = (setup: ExecutorSetup) => FileExecutor | Promise<FileExecutor>;

/** This machine's two stages of worker threads. */
export const localExecutor: ExecutorFactory = (setup) => {
  const { config } = setup;
  const pool = new WorkerPool({ size: setup.workers, analysers: setup.entityWorkers, config, timeoutMs: config.limits.timeoutMs, workerUrl: setup.workerUrl, onOcrPage: setup.onOcrPage });
  return {
    capacity: pool.capacity,
    run: (task, signal) => pool.run(task.absPath, task.displayPath, signal, task.sha256),
    close: () => pool.close(),
    busy: () => ({ extraction: pool.stats.busySeconds, entity: pool.analyserStats.busySeconds }),
  };
};
