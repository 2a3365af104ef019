/**
 * `bulletin ingest`: loads the config, runs the batch and prints what happened. Exit status:
 * 0 every file ok or skipped, 1 some file (or folder) failed or OUT stopped taking writes, 2 the run
 * did not start (wrong usage, unreadable config, OUT locked by another run, not ours, a file or
 * not writable), 130/143 stopped by Ctrl-C/SIGTERM after finishing the files in progress.
 */
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { ProgressReporter, formatDuration } from './progress.js';
import { OutError } from './out-errors.js';
import { runBatch, type BatchOptions, type BatchProgress, type BatchSummary } from './run.js';
import { UsageError } from './walk.js';

export interface IngestCommandOptions {
  out?: string;
  config?: string;
  concurrency?: number;
  force?: boolean;
  followSymlinks?: boolean;
  /** Turns OCR on (the config's `ocr.enabled`); part of the effective config, so its hash. */
  ocr?: boolean;
  json?: boolean;
}

export interface IngestIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  columns?: number;
  cwd?: string;
  /** Worker script override (tests run the command in a child process with a stand-in pipeline). */
  workerUrl?: URL;
}

/** Per-file lines are printed when a run holds at most this many files. */
export const PER_FILE_LIMIT = 50;

const defaultIo = (): IngestIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
  columns: process.stderr.columns,
});

/** `batch.executor`: who runs the changed files (`--queue` gives BullMQ workers; default this machine's threads). */
export async function runIngest(inputs: string[], opts: IngestCommandOptions, io: IngestIo = defaultIo(), batch: Pick<BatchOptions, 'executor'> = {}): Promise<number> {
  let config;
  try {
    ({ config } = await loadConfig(opts.config, io.cwd));
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`bulletin ingest: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (opts.ocr) config = { ...config, ocr: { ...config.ocr, enabled: true } };
  if (opts.concurrency !== undefined && (!Number.isInteger(opts.concurrency) || opts.concurrency <= 0)) {
    io.stderr(`bulletin ingest: --concurrency must be a positive integer\n`);
    return 2;
  }
  const outDir = opts.out ?? config.outDir;
  const progress = new ProgressReporter(io.stderr, { isTTY: io.isTTY, columns: io.columns });
  let latest: BatchProgress | null = null;
  // On a terminal the line is redrawn every second too, so rate and ETA stay live during slow files.
  const ticker = io.isTTY ? setInterval(() => latest && progress.update(latest), 1000) : null;
  ticker?.unref();
  // First Ctrl-C (or SIGTERM, as service managers and `timeout` send): finish the files in progress
  // and write the manifest, so nothing done is lost and the next run picks up the rest; a second
  // signal quits at once (the journal keeps what was done).
  const interrupt = new AbortController();
  let stoppedBy: NodeJS.Signals | null = null;
  const exitCodeOf = (signal: NodeJS.Signals) => (signal === 'SIGTERM' ? 143 : 130);
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) process.exit(exitCodeOf(signal));
    stoppedBy = signal;
    interrupt.abort();
    progress.clear();
    io.stderr(`bulletin ingest: ${signal === 'SIGTERM' ? 'terminated' : 'interrupted'}; finishing the files in progress and writing the manifest (${signal === 'SIGTERM' ? 'SIGTERM' : 'Ctrl-C'} again to quit now)\n`);
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  let summary: BatchSummary;
  try {
    summary = await runBatch({
      ...batch,
      signal: interrupt.signal,
      inputs,
      outDir,
      config,
      concurrency: opts.concurrency ?? config.concurrency ?? os.availableParallelism(),
      force: !!opts.force,
      followSymlinks: !!opts.followSymlinks,
      cwd: io.cwd,
      workerUrl: io.workerUrl,
      onProgress: (p) => {
        latest = p;
        progress.update(p);
      },
    });
  } catch (err) {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    if (ticker) clearInterval(ticker);
    progress.clear();
    if (err instanceof UsageError) {
      io.stderr(`bulletin ingest: ${err.message}\n`);
      return 2;
    }
    if (err instanceof OutError) {
      io.stderr(`bulletin ingest: ${err.message}\n`);
      return err.started ? 1 : 2;
    }
    throw err;
  }
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  if (ticker) clearInterval(ticker);
  progress.clear();

  if (!opts.json && summary.ok + summary.skipped + summary.failed <= PER_FILE_LIMIT) {
    for (const line of perFileLines(summary)) io.stderr(`${line}\n`);
  }
  const relativeOut = path.relative(io.cwd ?? process.cwd(), summary.outDir) || '.';
  const outLabel = relativeOut.startsWith('..') ? summary.outDir : relativeOut;
  for (const line of summaryLines(summary, outLabel)) io.stderr(`${line}\n`);
  if (opts.json) io.stdout(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
  if (summary.outError) io.stderr(`bulletin ingest: ${summary.outError}\n`);
  if (stoppedBy) return exitCodeOf(stoppedBy);
  return summary.failed > 0 || summary.outError ? 1 : 0;
}

export function perFileLines(summary: BatchSummary): string[] {
  return summary.entries.map((e) => {
    if (e.status === 'failed') return `FAIL  ${e.path}  ${e.error?.code}: ${e.error?.message}`;
    const note = e.status === 'ok' ? `${plural(e.items, 'item')}, ${plural(e.messages, 'message')}` : 'unchanged';
    return `${e.status === 'ok' ? 'ok' : 'skip'}  ${e.path}  → ${e.record}  (${note})`;
  });
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

export function summaryLines(summary: BatchSummary, outLabel: string): string[] {
  const rate = summary.seconds > 0 ? summary.files / summary.seconds : 0;
  const lines = [
    `${summary.files} files: ${summary.ok} ok, ${summary.skipped} skipped, ${summary.failed} failed` +
      ` in ${formatDuration(summary.seconds)} (${summary.seconds.toFixed(2)} s, ${rate.toFixed(1)} files/s) → ${outLabel}`,
    `time: ${summary.timings.scan.toFixed(2)} s finding and hashing, ${summary.timings.process.toFixed(2)} s in ${plural(summary.workers, 'extraction worker')} and ${plural(summary.entityWorkers, 'entity worker')} (busy ${summary.busy.extraction.toFixed(2)} s and ${summary.busy.entity.toFixed(2)} s), ${summary.timings.finish.toFixed(2)} s finishing manifest, items.jsonl and index`,
  ];
  if (summary.removed.length > 0) lines.push(`${plural(summary.removed.length, 'file')} gone since the last run: records removed`);
  if (summary.kept > 0) lines.push(`${plural(summary.kept, 'file')} from earlier runs outside these inputs kept as they were`);
  if (summary.ignored.length > 0) lines.push(`${plural(summary.ignored.length, 'hidden, temporary or non-document file or linked folder', 'hidden, temporary or non-document files or linked folders')} left out`);
  if (summary.linksOut.length > 0) lines.push(`${plural(summary.linksOut.length, 'link')} pointing outside ${summary.linksOut.length === 1 ? 'its' : 'their'} input folder not followed (--follow-symlinks to read them)`);
  for (const r of summary.repaired) lines.push(`warning: ${r.record} was damaged (${r.reason}): redone from ${r.path}`);
  if (summary.index.status === 'failed') lines.push(`warning: the query index was not updated: ${summary.index.message}; it is marked stale and the next run rebuilds it`);
  for (const e of summary.entries) if (e.status === 'failed') lines.push(`failed  ${e.path}  ${e.error?.code}`);
  const failedListed = summary.entries.filter((e) => e.status === 'failed').length;
  if (summary.failed > failedListed) lines.push(`… and ${summary.failed - failedListed} more failed: see manifest.json`);
  return lines;
}

export function summaryJson(summary: BatchSummary) {
  return {
    out: summary.outDir,
    files: summary.files,
    ok: summary.ok,
    skipped: summary.skipped,
    failed: summary.failed,
    removed: summary.removed,
    kept: summary.kept,
    ignored: summary.ignored.length,
    workers: summary.workers,
    entityWorkers: summary.entityWorkers,
    busySeconds: { extraction: Number(summary.busy.extraction.toFixed(3)), entity: Number(summary.busy.entity.toFixed(3)) },
    seconds: Number(summary.seconds.toFixed(3)),
    timings: Object.fromEntries(Object.entries(summary.timings).map(([k, v]) => [k, Number(v.toFixed(3))])),
    filesPerSecond: Number((summary.seconds > 0 ? summary.files / summary.seconds : 0).toFixed(2)),
    index: summary.index.status,
    linksOut: summary.linksOut,
    repaired: summary.repaired,
    outError: summary.outError,
    failures: summary.entries
      .filter((e) => e.status === 'failed')
      .map((e) => ({ path: e.path, code: e.error?.code, message: e.error?.message })),
    /** Failed files beyond the ones listed (a summary lists at most SUMMARY_ENTRIES; the manifest has them all). */
    failuresNotListed: summary.failed - summary.entries.filter((e) => e.status === 'failed').length,
  };
}
