/**
 * The batch's worker threads, in two stages. Extraction workers (`size` of them: --concurrency) read
 * and extract one file each (src/parse.ts: pdf.js and the other extractors); a few entity workers
 * (one per two extraction workers) normalise and segment the text, run the entity pass and build the
 * record (src/analyse.ts). Extraction is the long stage, so it does nothing else.
 *
 * Why two stages: the entity pass needs jieba and its dictionaries — over a second to load and
 * ~300 MB per thread — and nothing of the extractors. In every extraction worker they cost each
 * worker that load and memory; in a separate stage they are loaded once per entity worker, while the
 * extraction workers already read the first files, and the entity pass of one file runs while the
 * next file is being extracted. Each stage has its own threads, time limit per file and recycling
 * (see thread-pool.ts). `run` never rejects.
 */
import type { Config } from '../config.js';
import type { IngestResult } from '../analyse.js';
import type { IngestOutcome, ParseTask, Stage } from './protocol.js';
import { ThreadPool, type ThreadPoolStats } from './thread-pool.js';
import type { Worker } from 'node:worker_threads';

export interface PoolOptions {
  /** Extraction workers. */
  size: number;
  /** Entity workers; default one per two extraction workers (the batch uses splitWorkers). */
  analysers?: number;
  config: Config;
  /** Per file and stage. */
  timeoutMs: number;
  /**
   * One worker script serving both stages (tests swap in fakes); it is told its stage in
   * `workerData.stage`. Default: parse-worker and analyse-worker next to this module.
   */
  workerUrl?: URL;
  /** Heap limit per worker, so one runaway file cannot take the machine's memory. */
  maxHeapMb?: number;
  /**
   * A worker whose heap is past this after a file is replaced by a fresh one, before it nears
   * maxHeapMb and dies mid-file. Kept high on purpose: a steady heap holds pdf.js's data or the
   * dictionaries plus garbage not yet collected, and each new worker costs a start-up.
   */
  recycleHeapMb?: number;
  /** Forward what workers print (pdf.js warnings and the like) to stderr instead of dropping it. */
  forwardOutput?: boolean;
  /** Bytes of parsed documents that may wait for the entity stage, per entity worker. */
  waitingBytesPerAnalyser?: number;
}

const DEFAULT_MAX_HEAP_MB = 1024;
const DEFAULT_RECYCLE_HEAP_MB = 768;
/** Each thread holds the next file while it works on one, so it never waits for the main thread between files (see thread-pool.ts). */
const TASKS_AHEAD = 1;
/**
 * How far extraction may run ahead of the entity stage. While an entity worker loads jieba
 * (1.5–2 s) the extraction worker gets through 150–500 files of a typical archive; 128 files ahead
 * stalled it for ~0.8 s of a 15-s import. A packed document is 10–50 KB, so the count is kept
 * high and bytes bound the memory (a folder of huge files is bounded by bytes, not by count).
 */
const FILES_AHEAD_PER_ANALYSER = 1024;
const DEFAULT_WAITING_BYTES_PER_ANALYSER = 64 * 2 ** 20;

/**
 * How `--concurrency N` worker threads are shared between the stages: about one in four runs the
 * entity pass (its work per file is ~0.3 of extraction's on a mixed archive: 1.6 s against 4.3 s
 * over the benchmark corpus), the rest extract, and each stage has at least one. N is the threads
 * in all, so the default (one per core) does not give the machine more busy threads than cores: on
 * 2 cores, 2 extraction workers and an entity worker were no faster than one of each (1.11× the
 * time over 240 files, 0.93× over 1188, within this machine's noise) and took 12–25 % more CPU
 * and ~90 MB more memory.
 */
export function splitWorkers(threads: number): { extraction: number; analysers: number } {
  const n = Math.max(1, Math.floor(threads));
  const analysers = Math.max(1, Math.round(n / 4));
  return { extraction: Math.max(1, n - analysers), analysers };
}

/** The entry script of a stage: compiled when running from dist/, the TypeScript one under tsx/vitest. */
export function stageWorkerUrl(stage: Stage): URL {
  const here = import.meta.url;
  return new URL(`./${stage}-worker.${here.endsWith('.ts') ? 'ts' : 'js'}`, here);
}

export class WorkerPool {
  /**
   * Files the batch may keep in flight. Far more than the extraction workers: parsed documents
   * queue for the entity stage, so extraction never stalls behind it — not while the entity workers
   * load jieba, nor when they fall behind for a while. Files beyond what the extraction workers hold
   * wait (holding nothing but their path) until the parsed documents waiting for the entity stage
   * are under `waitingBytesPerAnalyser` each, so memory stays bounded whatever the archive.
   */
  readonly capacity: number;
  /** Most parsed documents (and their bytes) waiting for or in the entity stage at once, for tests and tuning. */
  readonly peakWaiting = { documents: 0, bytes: 0 };
  private waitingDocuments = 0;
  private readonly maxWaitingBytes: number;
  private readonly maxParsing: number;
  private parsing = 0;
  private waitingBytes = 0;
  private readonly admissions: (() => void)[] = [];
  // A parsed document crosses as bytes (handoff.ts): the pool only passes it from one stage to the other.
  private readonly parsers: ThreadPool<ParseTask, Uint8Array>;
  private readonly analysers: ThreadPool<Uint8Array, IngestResult>;

  constructor(options: PoolOptions) {
    const analysers = Math.max(1, options.analysers ?? Math.ceil(options.size / 2));
    this.capacity = options.size + FILES_AHEAD_PER_ANALYSER * analysers;
    this.maxWaitingBytes = (options.waitingBytesPerAnalyser ?? DEFAULT_WAITING_BYTES_PER_ANALYSER) * analysers;
    this.maxParsing = options.size * (1 + TASKS_AHEAD);
    const common = {
      timeoutMs: options.timeoutMs,
      timeoutLabel: '(limits.timeoutMs)',
      maxHeapMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
      recycleHeapMb: options.recycleHeapMb ?? DEFAULT_RECYCLE_HEAP_MB,
      forwardOutput: options.forwardOutput,
      tasksAhead: TASKS_AHEAD,
    };
    const stage = (name: Stage, size: number) => ({
      ...common,
      size,
      url: options.workerUrl ?? stageWorkerUrl(name),
      workerData: { config: options.config, stage: name },
    });
    this.parsers = new ThreadPool(stage('parse', options.size));
    this.analysers = new ThreadPool(stage('analyse', analysers));
  }

  /** Extraction workers' counters (started, timeouts, crashes, recycled); `analyserStats` for the entity stage. */
  get stats(): ThreadPoolStats {
    return this.parsers.stats;
  }

  get analyserStats(): ThreadPoolStats {
    return this.analysers.stats;
  }

  /**
   * Both stages for one file. Many files wait here for an extraction worker (see `capacity`): one
   * not yet handed to a worker when `signal` is aborted (Ctrl-C) fails `interrupted` instead of
   * starting; the files workers are on, and the one each holds next, are finished.
   */
  async run(filePath: string | Buffer, displayPath: string, signal?: AbortSignal, sha256?: string): Promise<IngestOutcome> {
    // The entity workers load their dictionaries while the first files are being extracted.
    this.analysers.prestart();
    await this.admission();
    const parsed = await this.parsers.run({ filePath, displayPath, sha256 }, signal);
    this.parsing--;
    if (!parsed.ok) {
      this.admit();
      return parsed;
    }
    const bytes = byteLength(parsed.value);
    this.waitingBytes += bytes;
    this.waitingDocuments++;
    this.peakWaiting.bytes = Math.max(this.peakWaiting.bytes, this.waitingBytes);
    this.peakWaiting.documents = Math.max(this.peakWaiting.documents, this.waitingDocuments);
    this.admit();
    const analysed = await this.analysers.run(parsed.value);
    this.waitingBytes -= bytes;
    this.waitingDocuments--;
    this.admit();
    return analysed.ok ? { ok: true, result: analysed.value } : analysed;
  }

  /**
   * A turn to be extracted: when the extraction workers have room (each holds 1 + TASKS_AHEAD
   * files) and the parsed documents waiting for the entity stage are within their bytes.
   */
  private admission(): Promise<void> {
    if (this.admissions.length === 0 && this.hasRoom()) {
      this.parsing++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.admissions.push(resolve));
  }

  private hasRoom(): boolean {
    return this.parsing < this.maxParsing && this.waitingBytes < this.maxWaitingBytes;
  }

  private admit(): void {
    while (this.admissions.length > 0 && this.hasRoom()) {
      this.parsing++;
      this.admissions.shift()!();
    }
  }

  /** Live worker threads of both stages (for memory sampling). */
  workers(): Worker[] {
    return [...this.parsers.workers(), ...this.analysers.workers()];
  }

  async close(): Promise<void> {
    await Promise.all([this.parsers.close(), this.analysers.close()]);
  }
}

/** Parsed documents cross as bytes (handoff.ts); anything else (test fakes) counts as nothing. */
function byteLength(value: unknown): number {
  return value instanceof Uint8Array ? value.byteLength : 0;
}
