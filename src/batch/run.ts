/**
 * One batch run: find the files, hash them, redo only what changed (in worker threads), make ids
 * unique, and bring OUT (records, manifest, items.jsonl, schema, query index) in step with the
 * inputs. Nothing is written outside OUT, and every file written is written atomically.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import type { Config } from '../config.js';
import type { BulletinRecord } from '../record/schema.js';
import { serialiseRecord } from '../record/serialise.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { configHash as hashConfig, forEachLimit, sha256File } from './hash.js';
import { clashFreeId, suffixedId, withRecordId } from './ids.js';
import { openIndexSession, type IndexOutcome, type IndexSession } from './index-hook.js';
import { ItemsStaging, writeItems } from './items.js';
import { foldJournal, Journal } from './journal.js';
import { acquireOutLock, processAlive, type OutLock } from './lock.js';
import { readManifestEntries, recordPathOf, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { localExecutor, type ExecutorFactory } from './executor.js';
import { describeFsError, isOutWriteError, OutError } from './out-errors.js';
import { claimOutDir } from './out-marker.js';
import { damagedRecord } from './record-check.js';
import { splitWorkers } from './pool.js';
import { INTERRUPTED, type ErrorInfo } from './protocol.js';
import { RunState } from './run-state.js';
import { resolveInputs, walkResolved, type FoundFile } from './walk.js';

export interface BatchOptions {
  inputs: string[];
  outDir: string;
  config: Config;
  concurrency?: number;
  force?: boolean;
  cwd?: string;
  onProgress?: (progress: BatchProgress) => void;
  /**
   * Stops the run early (Ctrl-C): files in progress finish, files not yet started get a `failed`
   * entry with code `interrupted` (retried next run), and OUT is brought in step as usual.
   */
  signal?: AbortSignal;
  /** Read files that symlinks inside an input folder point to outside it (off: such links are left out). */
  followSymlinks?: boolean;
  /** Worker script override (tests). */
  workerUrl?: URL;
  /** Who runs the changed files; default this machine's worker threads (`--queue`: src/queue/coordinator.ts). */
  executor?: ExecutorFactory;
}

export interface BatchProgress {
  total: number;
  done: number;
  ok: number;
  skipped: number;
  failed: number;
  /** The last OCR'd page: of which file, and how far it is. */
  ocr?: { file: string; done: number; total: number };
}

export interface BatchSummary {
  outDir: string;
  /** Files found in this run's inputs. */
  files: number;
  ok: number;
  skipped: number;
  failed: number;
  /** Files of earlier runs that are gone: their records were deleted. */
  removed: string[];
  /** Hidden/temporary files and symlinked folders left out. */
  ignored: string[];
  /** Symlinks inside input folders pointing outside them, not followed (see `followSymlinks`). */
  linksOut: string[];
  /** Records found damaged in OUT (unreadable JSON, wrong id): their files were redone. */
  repaired: { record: string; path: string; reason: string }[];
  /**
   * OUT stopped taking writes part-way (disk full, read-only): files not yet done were left for the
   * next run, what finished was kept. The message names the cause.
   */
  outError: string | null;
  /** Manifest entries of earlier runs outside this run's inputs, kept as they were. */
  kept: number;
  /**
   * This run's files, sorted by path, when there are at most `SUMMARY_ENTRIES` of them; else only the
   * failed ones, up to as many (the manifest lists them all).
   */
  entries: ManifestEntry[];
  seconds: number;
  /** Where the time went: finding and hashing files, the pipeline in workers, and bringing OUT in step. */
  timings: { scan: number; process: number; finish: number };
  /** Extraction workers (files extracted at a time) and entity workers started; 0 when no file needed one. */
  workers: number;
  entityWorkers: number;
  /**
   * Seconds each stage's threads spent on files, summed over its threads. Extraction busy for about
   * `timings.process` × `workers` means the work after extraction was hidden behind it.
   */
  busy: { extraction: number; entity: number };
  index: IndexOutcome;
}

/** Errors worth retrying even when the file has not changed: they may depend on load or luck. */
const TRANSIENT_ERRORS = new Set(['timeout', 'interrupted', 'internal-error', 'read-failed']);

const pkgInfo = (): Manifest['tool'] => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
};

const realpathOr = (p: string | Buffer): string => {
  try {
    return fs.realpathSync(p, { encoding: 'latin1' });
  } catch {
    return Buffer.from(p).toString('latin1');
  }
};

/** Whether a display path lies under one of the inputs (their canonical display paths). */
function inScope(displayPath: string, inputs: string[]): boolean {
  return inputs.some((input) => {
    const scope = input.replace(/\/$/, '');
    if (scope === '.' || scope === '') return !path.isAbsolute(displayPath) && !displayPath.startsWith('../');
    return displayPath === scope || displayPath.startsWith(`${scope}/`);
  });
}

function failedEntry(file: FoundFile, sha256: string, bytes: number, error: ErrorInfo): ManifestEntry {
  return {
    path: file.displayPath, status: 'failed', format: null, sha256, record: null, messages: 0, error,
    issueGroup: null, bytes, id: null, baseId: null, items: 0, issue: null,
  };
}

/** A run's scratch files (its state, items and index rows staged as records arrive): gone when the run ends, however it ends. */
interface RunScratch {
  state: RunState | null;
  items: ItemsStaging | null;
  index: Promise<IndexSession | IndexOutcome> | null;
  lock: OutLock | null;
}

/** A summary lists the run's entries up to this many files; beyond, only failed ones (up to as many). */
export const SUMMARY_ENTRIES = 1000;

/**
 * Claims OUT (marker, lock) and runs the batch. Throws an OutError when OUT cannot be used (another
 * run holds it, it is not ours, it is a file or read-only) or its manifest cannot be written.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const scratch: RunScratch = { state: null, items: null, index: null, lock: null };
  try {
    return await batch(options, scratch);
  } finally {
    scratch.items?.discard();
    const opened = await scratch.index;
    if (opened && 'discard' in opened) opened.discard();
    scratch.state?.discard();
    scratch.lock?.release();
  }
}

async function batch(options: BatchOptions, scratch: RunScratch): Promise<BatchSummary> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const bulletinsDir = path.join(outDir, 'bulletins');
  const tool = pkgInfo();
  const configHash = hashConfig(options.config);

  const inputs = await resolveInputs(options.inputs, { outDir: options.outDir, cwd });
  // OUT is claimed once the inputs are known to be right, so a mistyped command leaves no OUT behind.
  claimOutDir(outDir, tool.name);
  scratch.lock = acquireOutLock(outDir);
  await removeAbandonedTempFiles(outDir);
  // Everything the run knows per file lives in the state database, not in memory (run-state.ts).
  try {
    scratch.state = RunState.open(outDir);
  } catch (err) {
    throw new OutError(`cannot write to the output folder ${outDir}: ${describeFsError(err)}`, false, { cause: err });
  }
  const state = scratch.state;
  const { ignored, linksOut, unreadable, scopes } = await walkResolved(inputs, state, { followSymlinks: options.followSymlinks });
  const fileCount = state.settleFound();
  // The last manifest, with what a run killed since then had journalled laid over it.
  const manifestHead = await readManifestEntries(outDir, (entry) => state.addPrevious(entry));
  if (!manifestHead) state.forgetPrevious();
  const { head: previous } = foldJournal(outDir, state, manifestHead, tool, configHash);
  const journal = Journal.open(outDir, tool, configHash);
  const repaired: BatchSummary['repaired'] = [];
  const sameSettings = !!previous && previous.tool?.version === tool.version && previous.configHash === configHash;
  const progress: BatchProgress = { total: fileCount + unreadable.length, done: 0, ok: 0, skipped: 0, failed: 0 };
  const report = () => options.onProgress?.({ ...progress });

  // 1. Hash everything in this process: unchanged files never reach a worker.
  await forEachLimit(state.found(), 8, async (file) => {
    let hashed: { sha256: string; bytes: number };
    try {
      hashed = await sha256File(file.absPath);
    } catch (err) {
      state.setEntry(failedEntry(file, '', 0, { code: 'read-failed', message: `cannot read the file: ${(err as Error).message}` }));
      progress.failed++;
      progress.done++;
      report();
      return;
    }
    const before = state.previous(file.displayPath);
    const unchanged = !options.force && sameSettings && before !== undefined && before.sha256 === hashed.sha256;
    const damage = unchanged && before.status !== 'failed' && before.record && before.id ? await damagedRecord(outDir, before) : 'no record';
    if (damage && damage !== 'no record' && damage !== 'missing') repaired.push({ record: before!.record!, path: file.displayPath, reason: damage });
    if (unchanged && before.status !== 'failed' && before.record && before.id && damage === null) {
      state.setEntry({ ...before, status: 'skipped', baseId: before.baseId ?? before.id });
      progress.skipped++;
    } else if (unchanged && before.status === 'failed' && before.error && !TRANSIENT_ERRORS.has(before.error.code)) {
      // The same bytes with the same tool and config fail the same way: keep the verdict.
      state.setEntry({ ...before });
      progress.failed++;
    } else {
      state.addTodo(file, hashed.sha256, hashed.bytes);
      return;
    }
    progress.done++;
    report();
  });
  // In the order that keeps both stages busy (schedule.ts); outputs do not depend on it.
  const todoCount = state.settleTodo();

  // A folder that could not be read is an entry of its own, and what it held is kept as it was.
  for (const dir of unreadable) {
    state.addUnreadableFolder(dir.displayPath);
    state.setEntry(failedEntry({ absPath: dir.displayPath, displayPath: dir.displayPath }, '', 0, { code: 'read-failed', message: `cannot read the folder: ${dir.message}; its earlier records are kept` }));
    progress.failed++;
    progress.done++;
  }
  const insideUnreadable = (p: string) => unreadable.some((d) => p.startsWith(d.displayPath));

  // Earlier entries not found now: gone if they were under these inputs (or vanished), else kept.
  const removed: string[] = [];
  let kept = 0;
  // An entry an older version stored under another name for a file found now (`$PWD/docs/a.txt`
  // for `docs/a.txt`) is that file's old entry, not a file outside these inputs.
  const foundUnderAnotherName = (p: string): boolean => state.isFoundReal(realpathOr(path.resolve(cwd, p)));
  state.batch(() => {
    for (const before of state.previousEntries()) {
      if (state.isFound(before.path)) continue;
      if (before.path.endsWith('/')) continue; // a folder unreadable last time: nothing of its own to remove
      const stillThere =
        (insideUnreadable(before.path) || !inScope(before.path, scopes)) && fs.existsSync(path.resolve(cwd, before.path)) && !foundUnderAnotherName(before.path);
      const recordThere = before.status === 'failed' || (!!before.record && fs.existsSync(path.join(outDir, before.record)));
      if (stillThere && recordThere) {
        state.setEntry({ ...before, status: before.status === 'failed' ? 'failed' : 'skipped', baseId: before.baseId ?? before.id });
        kept++;
      } else {
        removed.push(before.path);
      }
    }
  });
  report();

  const scanned = performance.now();

  // 2. The files that changed go through the pipeline in worker threads. Meanwhile the main thread,
  // otherwise idle, does what it can of step 6 ahead: each record written is staged for items.jsonl
  // and the query index, and the record schema (which depends on nothing here) is written.
  await fs.promises.mkdir(outDir, { recursive: true });
  await removeAbandonedTempFiles(path.join(outDir, 'schema')); // a run killed while writing the schema
  const schemaWritten = writeRecordSchema(outDir).then(
    () => null,
    (err: unknown) => err,
  );
  const indexOpening = (scratch.index = openIndexSession(outDir, todoCount > 0));
  const indexSession = async (): Promise<IndexSession | null> => {
    const opened = await indexOpening;
    return 'commit' in opened ? opened : null;
  };
  if (todoCount > 0) {
    try {
      scratch.items = new ItemsStaging(outDir);
    } catch {
      scratch.items = null; // the records written are read back from their files at the end
    }
  }
  const stage = async (record: BulletinRecord) => {
    (await indexSession())?.add(record);
    try {
      scratch.items?.add(record);
    } catch {
      scratch.items?.discard();
      scratch.items = null;
    }
  };
  const unstage = async (id: string) => {
    (await indexSession())?.drop(id);
    scratch.items?.drop(id);
  };
  // Ids handed out to records being written, until their entries are in the state.
  const pendingBaseIds = new Set<string>();
  const pendingIds = new Set<string>();
  const split = splitWorkers(options.concurrency ?? options.config.concurrency ?? os.availableParallelism());
  const workers = Math.min(split.extraction, todoCount);
  const entityWorkers = Math.min(split.analysers, todoCount);
  const busy = { extraction: 0, entity: 0 };
  // OUT stopping to take writes (disk full, read-only) stops the run as Ctrl-C does: files not yet
  // started are left for the next run, what finished is kept.
  let outFailure: unknown = null;
  const stop = new AbortController();
  const stopOnSignal = () => stop.abort();
  options.signal?.addEventListener('abort', stopOnSignal);
  if (options.signal?.aborted) stop.abort();
  const finish = (entry: ManifestEntry, written: boolean) => {
    state.setEntry(entry, written);
    try {
      journal.append(entry);
    } catch (err) {
      outFailure ??= err;
      stop.abort();
    }
  };
  if (todoCount > 0) {
    // OCR's Tesseract processes share the cores between the extraction workers (src/extract/ocr/).
    const { ocr } = options.config;
    const config = { ...options.config, ocr: { ...ocr, processes: ocr.processes ?? Math.max(1, Math.floor(os.availableParallelism() / workers)) } };
    const onOcrPage = (file: string, done: number, total: number) => options.onProgress?.({ ...progress, ocr: { file, done, total } });
    const pool = await (options.executor ?? localExecutor)({ workers, entityWorkers, config, configHash, tool, workerUrl: options.workerUrl, onOcrPage });
    // Far more files in flight than extraction workers: parsed files queue for the entity stage (see
    // pool.ts). The changed files are fed to the queue as it drains, never all at once.
    const queue = new PQueue({ concurrency: pool.capacity });
    let taskError: unknown = null;
    try {
      for (const { file, sha256, bytes } of state.todo()) {
        await queue.onSizeLessThan(pool.capacity);
        if (taskError) break;
        queue
          .add(async () => {
            const outcome = stop.signal.aborted
              ? ({ ok: false, error: INTERRUPTED } as const)
              : await pool.run({ absPath: file.absPath, displayPath: file.displayPath, sha256, bytes }, stop.signal);
            let entry: ManifestEntry;
            if (outcome.ok && outFailure) {
              entry = failedEntry(file, sha256, bytes, { ...INTERRUPTED, message: `the record could not be written: ${describeFsError(outFailure)}; the next run will do it` });
            } else if (outcome.ok) {
              try {
                entry = await writeNewRecord(outcome.result.record, outcome.result.messages.length, file, sha256, bytes);
              } catch (err) {
                if (isOutWriteError(err)) {
                  outFailure ??= err;
                  stop.abort();
                  entry = failedEntry(file, sha256, bytes, { ...INTERRUPTED, message: `the record could not be written: ${describeFsError(err)}; the next run will do it` });
                } else {
                  entry = failedEntry(file, sha256, bytes, { code: 'internal-error', message: `cannot write the record: ${(err as Error).message}` });
                }
              }
            } else {
              entry = failedEntry(file, sha256, bytes, outcome.error);
            }
            finish(entry, entry.status === 'ok');
            if (entry.baseId) pendingBaseIds.delete(entry.baseId);
            if (entry.id) pendingIds.delete(entry.id);
            if (entry.status === 'ok') progress.ok++;
            else progress.failed++;
            progress.done++;
            report();
          })
          .catch((err: unknown) => {
            taskError ??= err;
          });
      }
      await queue.onIdle();
      if (taskError) throw taskError;
    } finally {
      await pool.close();
      ({ extraction: busy.extraction, entity: busy.entity } = pool.busy());
      options.signal?.removeEventListener('abort', stopOnSignal);
    }
  }

  async function writeNewRecord(record: BulletinRecord, messageCount: number, file: FoundFile, sha256: string, bytes: number): Promise<ManifestEntry> {
    const baseId = record.id;
    // Provisional: a clash with a file still in the queue is settled after the queue (step 3).
    let id = state.baseIdKnown(baseId) || pendingBaseIds.has(baseId) ? suffixedId(baseId, file.displayPath) : baseId;
    if (state.idTaken(id) || pendingIds.has(id)) id = suffixedId(baseId, file.displayPath);
    pendingBaseIds.add(baseId);
    pendingIds.add(id);
    const written = withRecordId(record, id);
    await writeFileAtomic(path.join(bulletinsDir, `${id}.json`), serialiseRecord(written));
    await stage(written);
    const m = record.masthead;
    return {
      path: file.displayPath, status: 'ok', format: record.source.format, sha256, record: recordPathOf(id),
      messages: messageCount, error: null, issueGroup: null, bytes, id, baseId,
      items: record.items.length, issue: { publisher: m.publisher ?? m.title, year: m.year, number: m.issue },
    };
  }

  const processed = performance.now();

  // 3. Ids unique within the archive; records whose id changed are rewritten under the new one. A
  // new id may be another moving record's old one, so every moved record is read and written to a
  // temporary file first, and only then renamed into place.
  state.markRecoveredChanged();
  const written = state.writtenCount();
  if (state.settleIds(clashFreeId) > 0) {
    for (const { entry } of state.moves()) await unstage(entry.id!);
    const pendingMoves: { from: string; to: string }[] = [];
    try {
      for (const { entry: e, finalId: id } of state.moves()) {
        const record = withRecordId(JSON.parse(await fs.promises.readFile(path.join(outDir, e.record!), 'utf8')) as BulletinRecord, id);
        const tmp = path.join(bulletinsDir, `.${id}.json.${process.pid}.move.tmp`);
        await writeFileAtomic(tmp, serialiseRecord(record));
        pendingMoves.push({ from: tmp, to: path.join(bulletinsDir, `${id}.json`) });
        await stage(record);
      }
      for (const { from, to } of pendingMoves) await fs.promises.rename(from, to);
      pendingMoves.length = 0;
    } catch (err) {
      for (const { from } of pendingMoves) await fs.promises.rm(from, { force: true });
      throw err;
    }
    state.batch(() => {
      for (const { entry: e, finalId: id } of [...state.moves()]) state.moved({ ...e, id, record: recordPathOf(id) });
    });
  }

  // 4. Records of files that are gone, failed or renamed are to leave OUT/bulletins (as do stray temp
  // files); they are removed in step 6, once the index no longer lists them.
  const removedIds = new Set<string>(state.previousIdsGone());
  const leaving: string[] = [];
  const bulletins = await fs.promises.opendir(bulletinsDir).catch(() => null);
  if (bulletins) {
    for await (const dirent of bulletins) {
      const name = dirent.name;
      const id = name.endsWith('.json') && !name.startsWith('.') ? name.slice(0, -'.json'.length) : null;
      if (id !== null && state.isLive(id)) continue;
      if (id === null && !name.endsWith('.tmp')) continue;
      leaving.push(name);
      if (id !== null) removedIds.add(id);
    }
  }

  // 5. Which files hold the same issue.
  const sameIssue = state.settleIssues();

  // 6. items.jsonl and the query index (from what was staged), the removals of step 4, the manifest,
  // and the record schema. The manifest comes last: should the run die before it, the next run sees
  // this run's files as still to do and brings items.jsonl and the index in step again.
  state.settleRecords();
  try {
    await writeItems(outDir, state.liveRecords(), { staged: scratch.items, reusePrevious: previous?.tool?.version === tool.version });
  } catch (err) {
    if (!isOutWriteError(err)) throw err;
    outFailure ??= err; // the old items.jsonl stays; the next run's writeItems brings it in step
  }
  const session = await indexSession();
  // An index a run could not update is flagged in the manifest (`indexStale`) and rebuilt whole by the next.
  let index: IndexOutcome = session
    ? previous?.indexStale
      ? session.rebuild([...removedIds].sort())
      : session.commit({ changed: state.changedIds(), removed: [...removedIds].sort(), complete: state.allChanged() })
    : ((await indexOpening) as IndexOutcome);
  for (const name of leaving) await fs.promises.rm(path.join(bulletinsDir, name), { force: true });
  if (session && index.status === 'updated') index = session.touch();

  const totals = state.totals();
  try {
    await writeManifest(
      outDir,
      { tool, configHash, indexStale: !!session && index.status === 'failed', totals: { files: totals.files, ok: totals.files - totals.failed, failed: totals.failed } },
      (function* () {
        for (const entry of state.entries()) yield { ...entry, issueGroup: entry.sha256 ? sameIssue.groupOf(entry.path) : null };
      })(),
    );
  } catch (err) {
    throw new OutError(
      `cannot write the manifest in ${outDir}: ${describeFsError(err)}. The records written are kept` +
        (state.recoveredCount() > 0 || written > 0 ? ` and listed in ${path.join(outDir, 'journal.jsonl')}; the next run takes them up` : ''),
      true,
      { cause: err },
    );
  }
  try {
    journal.remove();
  } catch {
    // folded in again (harmlessly) by the next run
  }
  const schemaError = await schemaWritten;
  if (schemaError && !isOutWriteError(schemaError)) throw schemaError;
  if (schemaError) outFailure ??= schemaError;

  const runFiles = totals.found.ok + totals.found.skipped + totals.found.failed;
  const runEntries = state.foundEntries(SUMMARY_ENTRIES, runFiles > SUMMARY_ENTRIES).map((e) => ({ ...e, issueGroup: e.sha256 ? sameIssue.groupOf(e.path) : null }));
  return {
    outDir,
    files: fileCount,
    ok: totals.found.ok,
    skipped: totals.found.skipped,
    failed: totals.found.failed,
    removed: removed.sort(),
    ignored,
    linksOut,
    repaired,
    outError: outFailure ? `OUT stopped taking writes: ${describeFsError(outFailure)}; files not done are left for the next run, what finished is kept` : null,
    kept,
    entries: runEntries,
    seconds: (performance.now() - started) / 1000,
    timings: { scan: (scanned - started) / 1000, process: (processed - scanned) / 1000, finish: (performance.now() - processed) / 1000 },
    workers,
    entityWorkers,
    busy,
    index,
  };
}

async function writeRecordSchema(outDir: string): Promise<void> {
  const { recordJsonSchema } = await import('../record/schema.js');
  await writeFileAtomic(path.join(outDir, 'schema', 'record.schema.json'), `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
}

/**
 * Temporary files a run left in OUT when it died (`.<name>.<pid>.<hex>[.staging].tmp`, SQLite
 * journals of such files): removed when that process is gone. Another live run's files are left alone.
 */
async function removeAbandonedTempFiles(outDir: string): Promise<void> {
  for (const name of await fs.promises.readdir(outDir).catch(() => [] as string[])) {
    const match = /^\..+\.(\d+)\.(?:[0-9a-f]{8}(?:\.staging)?)\.tmp(?:-journal)?$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    await fs.promises.rm(path.join(outDir, name), { force: true });
  }
}
