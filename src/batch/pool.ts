/**
 * The batch's worker threads, in two stages. Extraction workers (`size` of them: --concurrency) read
 * and parse one file each (src/parse.ts: pdf.js and the other extractors); a few entity workers
 * (one per two extraction workers) run the entity pass and build the record (src/analyse.ts).
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
import type { ParsedDocument } from '../parse.js';
import type { IngestOutcome, ParseTask, Stage } from './protocol.js';
import { ThreadPool, type ThreadPoolStats } from './thread-pool.js';
import type { Worker } from 'node:worker_threads';

export interface PoolOptions {
  /** Extraction workers. */
  size: number;
  /** Entity workers; default one per two extraction workers. */
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
}

const DEFAULT_MAX_HEAP_MB = 1024;
const DEFAULT_RECYCLE_HEAP_MB = 768;
const PARSED_WAITING_PER_ANALYSER = 128;

/** The entry script of a stage: compiled when running from dist/, the TypeScript one under tsx/vitest. */
export function stageWorkerUrl(stage: Stage): URL {
  const here = import.meta.url;
  return new URL(`./${stage}-worker.${here.endsWith('.ts') ? 'ts' : 'js'}`, here);
}

export class WorkerPool {
  /**
   * Files the batch may keep in flight. Far more than the extraction workers: parsed documents
   * (tens of KB each) queue for the entity stage, so extraction never stalls behind it — not while
   * the entity workers load jieba (1–1.5 s, ~80 files of extraction), nor when they fall behind
   * for a while. Bounded, so memory stays a few MB whatever the archive's size.
   */
  readonly capacity: number;
  private readonly parsers: ThreadPool<ParseTask, ParsedDocument>;
  private readonly analysers: ThreadPool<ParsedDocument, IngestResult>;

  constructor(options: PoolOptions) {
    const analysers = Math.max(1, options.analysers ?? Math.ceil(options.size / 2));
    this.capacity = options.size + PARSED_WAITING_PER_ANALYSER * analysers;
    const common = {
      timeoutMs: options.timeoutMs,
      timeoutLabel: '(limits.timeoutMs)',
      maxHeapMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
      recycleHeapMb: options.recycleHeapMb ?? DEFAULT_RECYCLE_HEAP_MB,
      forwardOutput: options.forwardOutput,
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
   * whose turn comes after `signal` was aborted (Ctrl-C) fails `interrupted` instead of starting.
   */
  async run(filePath: string, displayPath: string, signal?: AbortSignal): Promise<IngestOutcome> {
    // The entity workers load their dictionaries while the first files are being extracted.
    this.analysers.prestart();
    const parsed = await this.parsers.run({ filePath, displayPath }, signal);
    if (!parsed.ok) return parsed;
    const analysed = await this.analysers.run(parsed.value);
    return analysed.ok ? { ok: true, result: analysed.value } : analysed;
  }

  /** Live worker threads of both stages (for memory sampling). */
  workers(): Worker[] {
    return [...this.parsers.workers(), ...this.analysers.workers()];
  }

  async close(): Promise<void> {
    await Promise.all([this.parsers.close(), this.analysers.close()]);
  }
}
