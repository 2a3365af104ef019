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
import { configHash as hashConfig, mapLimit, sha256File } from './hash.js';
import { assignRecordIds, suffixedId, withRecordId } from './ids.js';
import { openIndexSession, type IndexOutcome, type IndexSession } from './index-hook.js';
import { ItemsStaging, writeItems } from './items.js';
import { foldJournal, Journal } from './journal.js';
import { acquireOutLock, processAlive, type OutLock } from './lock.js';
import { buildManifest, MANIFEST_FILE, readManifest, recordPathOf, serialiseManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { describeFsError, isOutWriteError, OutError } from './out-errors.js';
import { claimOutDir } from './out-marker.js';
import { damagedRecord } from './record-check.js';
import { splitWorkers, WorkerPool } from './pool.js';
import { INTERRUPTED, type ErrorInfo } from './protocol.js';
import { findSameIssue } from './same-issue.js';
import { scheduleOrder } from './schedule.js';
import { walkInputs, type FoundFile } from './walk.js';

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
}

export interface BatchProgress {
  total: number;
  done: number;
  ok: number;
  skipped: number;
  failed: number;
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
  /** This run's files, sorted by path. */
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
    sameIssueAs: [], bytes, id: null, baseId: null, items: 0, issue: null,
  };
}

/** A run's scratch files (items and index rows staged as records arrive): gone when the run ends, however it ends. */
interface RunScratch {
  items: ItemsStaging | null;
  index: Promise<IndexSession | IndexOutcome> | null;
  lock: OutLock | null;
}

/**
 * Claims OUT (marker, lock) and runs the batch. Throws an OutError when OUT cannot be used (another
 * run holds it, it is not ours, it is a file or read-only) or its manifest cannot be written.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const scratch: RunScratch = { items: null, index: null, lock: null };
  try {
    return await batch(options, scratch);
  } finally {
    scratch.items?.discard();
    const opened = await scratch.index;
    if (opened && 'discard' in opened) opened.discard();
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

  const { files, ignored, linksOut, unreadable, scopes } = await walkInputs(options.inputs, { outDir: options.outDir, cwd, followSymlinks: options.followSymlinks });
  // OUT is claimed once the inputs are known to be right, so a mistyped command leaves no OUT behind.
  claimOutDir(outDir, tool.name);
  scratch.lock = acquireOutLock(outDir);
  // The last manifest, with what a run killed since then had journalled laid over it.
  const { manifest: previous, recovered } = foldJournal(outDir, await readManifest(outDir), tool, configHash);
  const journal = Journal.open(outDir, tool, configHash);
  const repaired: BatchSummary['repaired'] = [];
  const sameSettings = !!previous && previous.tool?.version === tool.version && previous.configHash === configHash;
  const previousByPath = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const progress: BatchProgress = { total: files.length + unreadable.length, done: 0, ok: 0, skipped: 0, failed: 0 };
  const report = () => options.onProgress?.({ ...progress });

  // 1. Hash everything in this process: unchanged files never reach a worker.
  const entries = new Map<string, ManifestEntry>();
  const todoSlots: ({ file: FoundFile; sha256: string; bytes: number } | null)[] = await mapLimit(files, 8, async (file) => {
    let hashed: { sha256: string; bytes: number };
    try {
      hashed = await sha256File(file.absPath);
    } catch (err) {
      entries.set(file.displayPath, failedEntry(file, '', 0, { code: 'read-failed', message: `cannot read the file: ${(err as Error).message}` }));
      progress.failed++;
      progress.done++;
      report();
      return null;
    }
    const before = previousByPath.get(file.displayPath);
    const unchanged = !options.force && sameSettings && before !== undefined && before.sha256 === hashed.sha256;
    const damage = unchanged && before.status !== 'failed' && before.record && before.id ? await damagedRecord(outDir, before) : 'no record';
    if (damage && damage !== 'no record' && damage !== 'missing') repaired.push({ record: before!.record!, path: file.displayPath, reason: damage });
    if (unchanged && before.status !== 'failed' && before.record && before.id && damage === null) {
      entries.set(file.displayPath, { ...before, status: 'skipped', baseId: before.baseId ?? before.id });
      progress.skipped++;
    } else if (unchanged && before.status === 'failed' && before.error && !TRANSIENT_ERRORS.has(before.error.code)) {
      // The same bytes with the same tool and config fail the same way: keep the verdict.
      entries.set(file.displayPath, { ...before });
      progress.failed++;
    } else {
      return { file, ...hashed };
    }
    progress.done++;
    report();
    return null;
  });
  // In the order that keeps both stages busy (schedule.ts); outputs do not depend on it.
  const todo = scheduleOrder(todoSlots.filter((t) => t !== null));

  // A folder that could not be read is an entry of its own, and what it held is kept as it was.
  for (const dir of unreadable) {
    entries.set(dir.displayPath, failedEntry({ absPath: dir.displayPath, displayPath: dir.displayPath }, '', 0, { code: 'read-failed', message: `cannot read the folder: ${dir.message}; its earlier records are kept` }));
    progress.failed++;
    progress.done++;
  }
  const insideUnreadable = (p: string) => unreadable.some((d) => p.startsWith(d.displayPath));

  // Earlier entries not found now: gone if they were under these inputs (or vanished), else kept.
  const removed: string[] = [];
  let kept = 0;
  const found = new Set([...files.map((f) => f.displayPath), ...unreadable.map((d) => d.displayPath)]);
  // An entry an older version stored under another name for a file found now (`$PWD/docs/a.txt`
  // for `docs/a.txt`) is that file's old entry, not a file outside these inputs.
  let foundReal: Set<string> | null = null;
  const foundUnderAnotherName = (p: string): boolean => {
    foundReal ??= new Set(files.map((f) => realpathOr(f.absPath)));
    return foundReal.has(realpathOr(path.resolve(cwd, p)));
  };
  for (const before of previous?.files ?? []) {
    if (found.has(before.path)) continue;
    if (before.path.endsWith('/')) continue; // a folder unreadable last time: nothing of its own to remove
    const stillThere =
      (insideUnreadable(before.path) || !inScope(before.path, scopes)) && fs.existsSync(path.resolve(cwd, before.path)) && !foundUnderAnotherName(before.path);
    const recordThere = before.status === 'failed' || (!!before.record && fs.existsSync(path.join(outDir, before.record)));
    if (stillThere && recordThere) {
      entries.set(before.path, { ...before, status: before.status === 'failed' ? 'failed' : 'skipped', baseId: before.baseId ?? before.id });
      kept++;
    } else {
      removed.push(before.path);
    }
  }
  report();

  const scanned = performance.now();

  // 2. The files that changed go through the pipeline in worker threads. Meanwhile the main thread,
  // otherwise idle, does what it can of step 6 ahead: each record written is staged for items.jsonl
  // and the query index, and the record schema (which depends on nothing here) is written.
  await fs.promises.mkdir(outDir, { recursive: true });
  await removeAbandonedTempFiles(outDir);
  const schemaWritten = writeRecordSchema(outDir).then(
    () => null,
    (err: unknown) => err,
  );
  const indexOpening = (scratch.index = openIndexSession(outDir, todo.length > 0));
  const indexSession = async (): Promise<IndexSession | null> => {
    const opened = await indexOpening;
    return 'commit' in opened ? opened : null;
  };
  if (todo.length > 0) {
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
  const knownBaseIds = new Set<string>();
  const reservedIds = new Set<string>();
  for (const e of entries.values()) {
    if (e.baseId) knownBaseIds.add(e.baseId);
    if (e.id) reservedIds.add(e.id);
  }
  const writtenIds = new Map<string, string>(); // display path → id of the record file written this run
  const split = splitWorkers(options.concurrency ?? options.config.concurrency ?? os.availableParallelism());
  const workers = Math.min(split.extraction, todo.length);
  const entityWorkers = Math.min(split.analysers, todo.length);
  const busy = { extraction: 0, entity: 0 };
  // OUT stopping to take writes (disk full, read-only) stops the run as Ctrl-C does: files not yet
  // started are left for the next run, what finished is kept.
  let outFailure: unknown = null;
  const stop = new AbortController();
  const stopOnSignal = () => stop.abort();
  options.signal?.addEventListener('abort', stopOnSignal);
  if (options.signal?.aborted) stop.abort();
  const finish = (entry: ManifestEntry) => {
    entries.set(entry.path, entry);
    try {
      journal.append(entry);
    } catch (err) {
      outFailure ??= err;
      stop.abort();
    }
  };
  if (todo.length > 0) {
    const pool = new WorkerPool({ size: workers, analysers: entityWorkers, config: options.config, timeoutMs: options.config.limits.timeoutMs, workerUrl: options.workerUrl });
    // Far more files in flight than extraction workers: parsed files queue for the entity stage (see pool.ts).
    const queue = new PQueue({ concurrency: pool.capacity });
    try {
      await queue.addAll(
        todo.map(({ file, sha256, bytes }) => async () => {
          const outcome = stop.signal.aborted
            ? ({ ok: false, error: INTERRUPTED } as const)
            : await pool.run(file.absPath, file.displayPath, stop.signal, sha256);
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
          finish(entry);
          if (entry.status === 'ok') progress.ok++;
          else progress.failed++;
          progress.done++;
          report();
        }),
      );
    } finally {
      await pool.close();
      busy.extraction = pool.stats.busySeconds;
      busy.entity = pool.analyserStats.busySeconds;
      options.signal?.removeEventListener('abort', stopOnSignal);
    }
  }

  async function writeNewRecord(record: BulletinRecord, messageCount: number, file: FoundFile, sha256: string, bytes: number): Promise<ManifestEntry> {
    const baseId = record.id;
    // Provisional: a clash with a file still in the queue is settled after the queue (step 3).
    let id = knownBaseIds.has(baseId) ? suffixedId(baseId, file.displayPath) : baseId;
    if (reservedIds.has(id)) id = suffixedId(baseId, file.displayPath);
    knownBaseIds.add(baseId);
    reservedIds.add(id);
    const written = withRecordId(record, id);
    await writeFileAtomic(path.join(bulletinsDir, `${id}.json`), serialiseRecord(written));
    writtenIds.set(file.displayPath, id);
    await stage(written);
    const m = record.masthead;
    return {
      path: file.displayPath, status: 'ok', format: record.source.format, sha256, record: recordPathOf(id),
      messages: messageCount, error: null, sameIssueAs: [], bytes, id, baseId,
      items: record.items.length, issue: { publisher: m.publisher ?? m.title, year: m.year, number: m.issue },
    };
  }

  const processed = performance.now();

  // 3. Ids unique within the archive; records whose id changed are rewritten under the new one. A
  // new id may be another moving record's old one, so every moved record is read and written to a
  // temporary file first, and only then renamed into place.
  const withRecords = [...entries.values()].filter((e) => e.status !== 'failed' && e.baseId && e.id);
  const finalIds = assignRecordIds(withRecords.map((e) => ({ displayPath: e.path, baseId: e.baseId! })));
  const changedIds = new Set<string>(writtenIds.values());
  // Records a killed run wrote (from its journal) are not yet in items.jsonl and the index.
  for (const p of recovered) {
    const e = entries.get(p);
    if (e && e.status !== 'failed' && e.id) changedIds.add(e.id);
  }
  const moves = withRecords.filter((e) => finalIds.get(e.path) !== e.id);
  for (const e of moves) await unstage(e.id!);
  const pendingMoves: { from: string; to: string }[] = [];
  try {
    for (const e of moves) {
      const id = finalIds.get(e.path)!;
      const record = withRecordId(JSON.parse(await fs.promises.readFile(path.join(outDir, e.record!), 'utf8')) as BulletinRecord, id);
      const tmp = path.join(bulletinsDir, `.${id}.json.${process.pid}.move.tmp`);
      await writeFileAtomic(tmp, serialiseRecord(record));
      pendingMoves.push({ from: tmp, to: path.join(bulletinsDir, `${id}.json`) });
      await stage(record);
      changedIds.delete(e.id!);
      changedIds.add(id);
      entries.set(e.path, { ...e, id, record: recordPathOf(id) });
    }
    for (const { from, to } of pendingMoves.splice(0)) await fs.promises.rename(from, to);
  } catch (err) {
    for (const { from } of pendingMoves) await fs.promises.rm(from, { force: true });
    throw err;
  }

  // 4. Records of files that are gone, failed or renamed are to leave OUT/bulletins (as do stray temp
  // files); they are removed in step 6, once the index no longer lists them.
  const liveIds = new Set([...entries.values()].filter((e) => e.status !== 'failed' && e.id).map((e) => e.id!));
  const removedIds = new Set<string>();
  for (const before of previous?.files ?? []) if (before.id && !liveIds.has(before.id)) removedIds.add(before.id);
  const leaving: string[] = [];
  for (const name of await fs.promises.readdir(bulletinsDir).catch(() => [] as string[])) {
    const id = name.endsWith('.json') && !name.startsWith('.') ? name.slice(0, -'.json'.length) : null;
    if (id !== null && liveIds.has(id)) continue;
    if (id === null && !name.endsWith('.tmp')) continue;
    leaving.push(name);
    if (id !== null) removedIds.add(id);
  }

  // 5. Which files hold the same issue.
  const sameIssue = findSameIssue([...entries.values()].filter((e) => e.sha256).map((e) => ({ path: e.path, sha256: e.sha256, issue: e.issue })));
  for (const [p, e] of entries) entries.set(p, { ...e, sameIssueAs: sameIssue.get(p) ?? [] });

  // 6. items.jsonl and the query index (from what was staged), the removals of step 4, the manifest,
  // and the record schema. The manifest comes last: should the run die before it, the next run sees
  // this run's files as still to do and brings items.jsonl and the index in step again.
  const live = [...entries.values()].filter((e) => e.status !== 'failed' && e.record && e.id).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const changed = [...changedIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  try {
    await writeItems(
      outDir,
      live.map((e) => ({ id: e.id!, file: e.record!, items: e.items, changed: changedIds.has(e.id!) })),
      { staged: scratch.items, reusePrevious: previous?.tool?.version === tool.version },
    );
  } catch (err) {
    if (!isOutWriteError(err)) throw err;
    outFailure ??= err; // the old items.jsonl stays; the next run's writeItems brings it in step
  }
  const session = await indexSession();
  // An index a run could not update is flagged in the manifest (`indexStale`) and rebuilt whole by the next.
  let index: IndexOutcome = session
    ? previous?.indexStale
      ? session.rebuild([...removedIds].sort())
      : session.commit({ changed, removed: [...removedIds].sort(), complete: live.every((e) => changedIds.has(e.id!)) })
    : ((await indexOpening) as IndexOutcome);
  for (const name of leaving) await fs.promises.rm(path.join(bulletinsDir, name), { force: true });
  if (session && index.status === 'updated') index = session.touch();

  const manifest = buildManifest(tool, configHash, [...entries.values()], { indexStale: !!session && index.status === 'failed' });
  try {
    await writeFileAtomic(path.join(outDir, MANIFEST_FILE), serialiseManifest(manifest));
  } catch (err) {
    throw new OutError(
      `cannot write the manifest in ${outDir}: ${describeFsError(err)}. The records written are kept` +
        (recovered.size > 0 || writtenIds.size > 0 ? ` and listed in ${path.join(outDir, 'journal.jsonl')}; the next run takes them up` : ''),
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

  const runEntries = manifest.files.filter((e) => found.has(e.path));
  return {
    outDir,
    files: files.length,
    ok: runEntries.filter((e) => e.status === 'ok').length,
    skipped: runEntries.filter((e) => e.status === 'skipped').length,
    failed: runEntries.filter((e) => e.status === 'failed').length,
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
