/**
 * A batch run's memory of the archive, kept in a scratch SQLite file in OUT rather than the heap, so
 * a run holds about as much in memory for a million files as for a thousand: the files the walk
 * found, the previous manifest (with the journal laid over it), the changed files in the order they
 * are to be done, and this run's manifest entries with what settling ids and issues needs. Lookups
 * are by primary key; lists are read a page at a time, sorted the JavaScript way (js-order.ts).
 *
 * Scratch only: no journal, no syncing; deleted when the run ends, however it ends (a crashed run's
 * file matches the temporary-file pattern the next run clears). What must survive a crash is kept
 * where it was before (journal.jsonl, the records, the manifest).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import type { FsPath } from './byte-paths.js';
import { fromJsOrderKey, jsOrderKey } from './js-order.js';
import type { ManifestEntry } from './manifest.js';
import { SameIssue } from './same-issue.js';
import { scheduleRank } from './schedule.js';
import { disambiguatedDisplay, type FoundFile, type FoundSink } from './walk.js';
import { discardScratchDatabase } from '../store/scratch-file.js';

const PAGE = 512;

const SCHEMA = `
CREATE TABLE walk (real BLOB PRIMARY KEY, abs BLOB NOT NULL, abs_bytes INTEGER NOT NULL, display TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE found (key BLOB PRIMARY KEY, display TEXT NOT NULL, abs BLOB NOT NULL, abs_bytes INTEGER NOT NULL, real BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX found_real ON found (real);
CREATE TABLE previous (key BLOB PRIMARY KEY, sha256 TEXT NOT NULL, id TEXT, recovered INTEGER NOT NULL, entry TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE todo (n INTEGER PRIMARY KEY, display TEXT NOT NULL, abs BLOB NOT NULL, abs_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
  rank_group INTEGER NOT NULL, rank_size INTEGER NOT NULL, key BLOB NOT NULL);
CREATE TABLE entries (key BLOB PRIMARY KEY, status TEXT NOT NULL, id TEXT, base_id TEXT, written INTEGER NOT NULL DEFAULT 0,
  changed INTEGER NOT NULL DEFAULT 0, final_id TEXT, id_key BLOB, entry TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX entries_id ON entries (id);
CREATE INDEX entries_base_id ON entries (base_id);
`;

/** An entry's place in the manifest: a file's id-bearing record, when it has one. */
const WITH_RECORD = `status != 'failed' AND base_id IS NOT NULL AND id IS NOT NULL`;

export interface TodoFile {
  file: FoundFile;
  sha256: string;
  bytes: number;
}

export interface LiveRecord {
  id: string;
  file: string;
  items: number;
  changed: boolean;
}

const absOf = (abs: Buffer, bytes: number): FsPath => (bytes ? abs : abs.toString('utf8'));

export class RunState implements FoundSink {
  readonly file: string;
  private db: Db | null;
  private readonly statements = new Map<string, Statement>();

  private constructor(file: string) {
    this.file = file;
    const db = new Database(file);
    this.db = db;
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -16000'); // 16 MB of pages: the rest stays on disk (in the page cache)
      db.pragma('temp_store = FILE');
      db.exec(SCHEMA);
      // One transaction for the whole run, as for the index staging: the file is scratch, so there is
      // nothing to keep safe, and a commit per row would cost more than the row.
      db.exec('BEGIN');
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  static open(outDir: string): RunState {
    fs.mkdirSync(outDir, { recursive: true });
    return new RunState(path.join(outDir, `.run-state.${process.pid}.${randomBytes(4).toString('hex')}.tmp`));
  }

  /** Closes and deletes the file. */
  discard(): void {
    const db = this.db;
    this.db = null;
    discardScratchDatabase(db, this.file);
  }

  private sql(text: string): Statement {
    const db = this.open();
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = db.prepare(text)));
    return statement;
  }

  private open(): Db {
    if (!this.db) throw new Error('the run state is closed');
    return this.db;
  }

  /** Runs `fn` in one transaction (many small writes are far quicker so). */
  batch<T>(fn: () => T): T {
    return this.open().transaction(fn)();
  }

  /** Rows of a query a page at a time, by a key column that the query's `?` is `>` of. */
  private *pages<Row extends { k: Buffer | number }>(text: string, start: Buffer | number, ...params: unknown[]): Generator<Row> {
    let after: Buffer | number = start;
    for (;;) {
      const rows = this.sql(text).all(...params, after, PAGE) as Row[];
      yield* rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].k;
    }
  }

  // ── the walk ──────────────────────────────────────────────────────────────────────────────────

  add(realKey: string, file: FoundFile): void {
    const abs = Buffer.from(file.absPath);
    this.sql(
      `INSERT INTO walk (real, abs, abs_bytes, display) VALUES (?, ?, ?, ?)
       ON CONFLICT (real) DO UPDATE SET abs = excluded.abs, abs_bytes = excluded.abs_bytes, display = excluded.display
       WHERE excluded.display < walk.display`,
    ).run(Buffer.from(realKey, 'latin1'), abs, typeof file.absPath === 'string' ? 0 : 1, file.displayPath);
  }

  /**
   * Settles the files found: each real file once, and of two files shown alike the later in
   * real-path order under a hashed name (walk.ts's `walkInputs` does the same in memory).
   * Returns how many there are.
   */
  settleFound(): number {
    const taken = this.sql('SELECT 1 FROM found WHERE key = ?').pluck();
    const insert = this.sql('INSERT INTO found (key, display, abs, abs_bytes, real) VALUES (?, ?, ?, ?, ?)');
    let count = 0;
    this.batch(() => {
      for (const row of this.pages<{ k: Buffer; abs: Buffer; abs_bytes: number; display: string }>(
        'SELECT real AS k, abs, abs_bytes, display FROM walk WHERE real > ? ORDER BY real LIMIT ?',
        Buffer.alloc(0),
      )) {
        let display = row.display;
        if (taken.get(jsOrderKey(display))) display = disambiguatedDisplay(display, row.k.toString('latin1'));
        insert.run(jsOrderKey(display), display, row.abs, row.abs_bytes, row.k);
        count++;
      }
    });
    this.open().exec('DELETE FROM walk');
    return count;
  }

  /** The files found, by display path. */
  *found(): Generator<FoundFile> {
    for (const row of this.pages<{ k: Buffer; display: string; abs: Buffer; abs_bytes: number }>(
      'SELECT key AS k, display, abs, abs_bytes FROM found WHERE key > ? ORDER BY key LIMIT ?',
      Buffer.alloc(0),
    )) {
      yield { absPath: absOf(row.abs, row.abs_bytes), displayPath: row.display };
    }
  }

  /** A folder that could not be read counts as found: it has an entry of its own. */
  addUnreadableFolder(displayPath: string): void {
    this.sql('INSERT OR IGNORE INTO found (key, display, abs, abs_bytes, real) VALUES (?, ?, ?, 1, ?)').run(jsOrderKey(displayPath), displayPath, Buffer.alloc(0), Buffer.alloc(0));
  }

  isFound(displayPath: string): boolean {
    return !!this.sql('SELECT 1 FROM found WHERE key = ?').get(jsOrderKey(displayPath));
  }

  /** Whether a file found has this real path (`byteKey` form). */
  isFoundReal(realKey: string): boolean {
    return !!this.sql('SELECT 1 FROM found WHERE real = ?').get(Buffer.from(realKey, 'latin1'));
  }

  // ── the previous manifest ─────────────────────────────────────────────────────────────────────

  /** An entry of the previous manifest, or of the journal over it (`recovered`: a later one replaces it). */
  addPrevious(entry: ManifestEntry, recovered = false): void {
    this.sql('INSERT OR REPLACE INTO previous (key, sha256, id, recovered, entry) VALUES (?, ?, ?, ?, ?)').run(
      jsOrderKey(entry.path),
      entry.sha256,
      entry.id ?? null,
      recovered ? 1 : 0,
      JSON.stringify(entry),
    );
  }

  /** A manifest that turned out damaged half-way: none of its entries count. */
  forgetPrevious(): void {
    this.sql('DELETE FROM previous').run();
  }

  /** Entries made with other settings than the journal's: none passes for unchanged. */
  clearPreviousHashes(): void {
    this.sql(`UPDATE previous SET sha256 = '' WHERE recovered = 0`).run();
  }

  hasPrevious(): boolean {
    return !!this.sql('SELECT 1 FROM previous LIMIT 1').get();
  }

  recoveredCount(): number {
    return this.sql('SELECT count(*) FROM previous WHERE recovered = 1').pluck().get() as number;
  }

  previous(displayPath: string): ManifestEntry | undefined {
    const row = this.sql('SELECT sha256, entry FROM previous WHERE key = ?').get(jsOrderKey(displayPath)) as { sha256: string; entry: string } | undefined;
    return row && { ...(JSON.parse(row.entry) as ManifestEntry), sha256: row.sha256 };
  }

  /** Every previous entry, by path. */
  *previousEntries(): Generator<ManifestEntry> {
    for (const row of this.pages<{ k: Buffer; sha256: string; entry: string }>(
      'SELECT key AS k, sha256, entry FROM previous WHERE key > ? ORDER BY key LIMIT ?',
      Buffer.alloc(0),
    )) {
      yield { ...(JSON.parse(row.entry) as ManifestEntry), sha256: row.sha256 };
    }
  }

  /** Ids of previous records that no entry of this run has (gone, failed or renamed). */
  *previousIdsGone(): Generator<string> {
    for (const row of this.pages<{ k: Buffer; id: string }>(
      `SELECT key AS k, id FROM previous p WHERE key > ? AND id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = p.id AND e.status != 'failed')
       ORDER BY key LIMIT ?`,
      Buffer.alloc(0),
    )) {
      yield row.id;
    }
  }

  // ── the changed files ─────────────────────────────────────────────────────────────────────────

  addTodo(file: FoundFile, sha256: string, bytes: number): void {
    const rank = scheduleRank(file.displayPath, bytes);
    this.sql('INSERT INTO todo (display, abs, abs_bytes, sha256, bytes, rank_group, rank_size, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      file.displayPath,
      Buffer.from(file.absPath),
      typeof file.absPath === 'string' ? 0 : 1,
      sha256,
      bytes,
      rank.group,
      rank.size,
      jsOrderKey(file.displayPath),
    );
  }

  /** Puts the changed files in the order they are to be done (schedule.ts); returns how many there are. */
  settleTodo(): number {
    const db = this.open();
    db.exec(`
      CREATE TABLE todo_ordered AS SELECT display, abs, abs_bytes, sha256, bytes FROM todo ORDER BY rank_group, rank_size, key;
      DROP TABLE todo;
    `);
    return db.prepare('SELECT count(*) FROM todo_ordered').pluck().get() as number;
  }

  /** The changed files, in order. */
  *todo(): Generator<TodoFile> {
    for (const row of this.pages<{ k: number; display: string; abs: Buffer; abs_bytes: number; sha256: string; bytes: number }>(
      'SELECT rowid AS k, display, abs, abs_bytes, sha256, bytes FROM todo_ordered WHERE rowid > ? ORDER BY rowid LIMIT ?',
      0,
    )) {
      yield { file: { absPath: absOf(row.abs, row.abs_bytes), displayPath: row.display }, sha256: row.sha256, bytes: row.bytes };
    }
  }

  // ── this run's entries ────────────────────────────────────────────────────────────────────────

  /** Sets a file's entry; `written`: its record was written this run. */
  setEntry(entry: ManifestEntry, written = false): void {
    this.sql('INSERT OR REPLACE INTO entries (key, status, id, base_id, written, changed, entry) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      jsOrderKey(entry.path),
      entry.status,
      entry.id ?? null,
      entry.baseId ?? null,
      written ? 1 : 0,
      written ? 1 : 0,
      JSON.stringify(entry),
    );
  }

  hasEntry(displayPath: string): boolean {
    return !!this.sql('SELECT 1 FROM entries WHERE key = ?').get(jsOrderKey(displayPath));
  }

  baseIdKnown(baseId: string): boolean {
    return !!this.sql('SELECT 1 FROM entries WHERE base_id = ? LIMIT 1').get(baseId);
  }

  idTaken(id: string): boolean {
    return !!this.sql('SELECT 1 FROM entries WHERE id = ? LIMIT 1').get(id);
  }

  writtenCount(): number {
    return this.sql('SELECT count(*) FROM entries WHERE written = 1').pluck().get() as number;
  }

  /** Records a killed run wrote (from its journal) are not yet in items.jsonl and the index. */
  markRecoveredChanged(): void {
    this.sql(`UPDATE entries SET changed = 1 WHERE status != 'failed' AND id IS NOT NULL AND key IN (SELECT key FROM previous WHERE recovered = 1)`).run();
  }

  /**
   * Final ids unique within the archive (ids.ts's rule: a base id held by one file is its id; files
   * sharing one get a suffix from their path's hash, lengthened while it clashes), settled a page at a
   * time in path order. Returns how many records must move to their final id.
   */
  settleIds(clashFree: (baseId: string, displayPath: string, taken: (id: string) => boolean) => string): number {
    const db = this.open();
    db.exec(`
      CREATE INDEX IF NOT EXISTS entries_final_id ON entries (final_id);
      DROP TABLE IF EXISTS shared_base_ids;
      CREATE TEMP TABLE shared_base_ids (base_id TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT INTO shared_base_ids SELECT base_id FROM entries WHERE ${WITH_RECORD} GROUP BY base_id HAVING count(*) > 1;
      UPDATE entries SET final_id = base_id WHERE ${WITH_RECORD} AND base_id NOT IN (SELECT base_id FROM shared_base_ids);
    `);
    const taken = (id: string) => !!this.sql('SELECT 1 FROM entries WHERE final_id = ? LIMIT 1').get(id);
    const setFinal = this.sql('UPDATE entries SET final_id = ? WHERE key = ?');
    this.batch(() => {
      for (const row of this.pages<{ k: Buffer; base_id: string }>(
        `SELECT key AS k, base_id FROM entries WHERE key > ? AND ${WITH_RECORD} AND base_id IN (SELECT base_id FROM shared_base_ids) ORDER BY key LIMIT ?`,
        Buffer.alloc(0),
      )) {
        setFinal.run(clashFree(row.base_id, fromJsOrderKey(row.k), taken), row.k);
      }
    });
    return this.sql(`SELECT count(*) FROM entries WHERE ${WITH_RECORD} AND final_id != id`).pluck().get() as number;
  }

  /** Entries whose record must move to its final id, with it. */
  *moves(): Generator<{ entry: ManifestEntry; finalId: string }> {
    for (const row of this.pages<{ k: Buffer; entry: string; final_id: string }>(
      `SELECT key AS k, entry, final_id FROM entries WHERE key > ? AND ${WITH_RECORD} AND final_id != id ORDER BY key LIMIT ?`,
      Buffer.alloc(0),
    )) {
      yield { entry: JSON.parse(row.entry) as ManifestEntry, finalId: row.final_id };
    }
  }

  /** A record moved to its final id: rewritten this run, so changed. */
  moved(entry: ManifestEntry): void {
    this.sql('UPDATE entries SET id = ?, changed = 1, entry = ? WHERE key = ?').run(entry.id, JSON.stringify(entry), jsOrderKey(entry.path));
  }

  /** Whether a record id is one of this run's entries'. */
  isLive(id: string): boolean {
    return !!this.sql(`SELECT 1 FROM entries WHERE id = ? AND status != 'failed' LIMIT 1`).get(id);
  }

  /** Groups the files of one issue (same-issue.ts); `groupOf` then names a file's group. */
  settleIssues(): SameIssue {
    const sameIssue = new SameIssue(this.open());
    this.batch(() => {
      for (const entry of this.entries()) if (entry.sha256) sameIssue.add(entry);
    });
    sameIssue.settle();
    return sameIssue;
  }

  /** Every entry, by path. */
  *entries(): Generator<ManifestEntry> {
    for (const row of this.pages<{ k: Buffer; entry: string }>('SELECT key AS k, entry FROM entries WHERE key > ? ORDER BY key LIMIT ?', Buffer.alloc(0))) {
      yield JSON.parse(row.entry) as ManifestEntry;
    }
  }

  /** Gives each record of the archive its place in id order; call once ids are final. */
  settleRecords(): void {
    this.open().exec(`CREATE INDEX IF NOT EXISTS entries_id_key ON entries (id_key)`);
    const setKey = this.sql('UPDATE entries SET id_key = ? WHERE key = ?');
    this.batch(() => {
      for (const row of this.pages<{ k: Buffer; id: string }>(
        `SELECT key AS k, id FROM entries WHERE key > ? AND status != 'failed' AND id IS NOT NULL AND json_extract(entry, '$.record') IS NOT NULL ORDER BY key LIMIT ?`,
        Buffer.alloc(0),
      )) {
        setKey.run(jsOrderKey(row.id), row.k);
      }
    });
  }

  /** The records of the archive, by id, and whether each was written (or moved, or recovered) this run. */
  *liveRecords(): Generator<LiveRecord> {
    for (const row of this.pages<{ k: Buffer; id: string; file: string; items: number; changed: number }>(
      `SELECT id_key AS k, id, json_extract(entry, '$.record') AS file, json_extract(entry, '$.items') AS items, changed
       FROM entries WHERE id_key > ? ORDER BY id_key LIMIT ?`,
      Buffer.alloc(0),
    )) {
      yield { id: row.id, file: row.file, items: row.items, changed: row.changed === 1 };
    }
  }

  /** The ids of records written this run (or moved or recovered), sorted; read afresh each time it is gone through. */
  changedIds(): Iterable<string> {
    const records = () => this.liveRecords();
    return {
      *[Symbol.iterator]() {
        for (const record of records()) if (record.changed) yield record.id;
      },
    };
  }

  /** Whether every record of the archive was written this run. */
  allChanged(): boolean {
    return !this.sql(`SELECT 1 FROM entries WHERE status != 'failed' AND id IS NOT NULL AND changed = 0 AND json_extract(entry, '$.record') IS NOT NULL LIMIT 1`).get();
  }

  /** Counts of this run's entries: all, and of the files found, by status. */
  totals(): { files: number; failed: number; found: Record<'ok' | 'skipped' | 'failed', number> } {
    const all = this.sql(`SELECT count(*) AS files, sum(status = 'failed') AS failed FROM entries`).get() as { files: number; failed: number | null };
    const found = { ok: 0, skipped: 0, failed: 0 };
    for (const row of this.sql('SELECT e.status, count(*) AS n FROM entries e JOIN found f ON f.key = e.key GROUP BY e.status').all() as { status: keyof typeof found; n: number }[]) {
      found[row.status] = row.n;
    }
    return { files: all.files, failed: all.failed ?? 0, found };
  }

  /** The entries of files found (the run's own), by path, at most `limit`; failed ones only when `failedOnly`. */
  foundEntries(limit: number, failedOnly: boolean): ManifestEntry[] {
    return (
      this.sql(
        `SELECT e.entry FROM entries e JOIN found f ON f.key = e.key ${failedOnly ? `WHERE e.status = 'failed'` : ''} ORDER BY e.key LIMIT ?`,
      )
        .pluck()
        .all(limit) as string[]
    ).map((text) => JSON.parse(text) as ManifestEntry);
  }
}
