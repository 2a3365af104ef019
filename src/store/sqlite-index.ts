/**
 * Building and updating the SQLite query index (OUT/index.sqlite) from bulletin records.
 *
 * `updateIndex` applies a set of changed records and removed ids in one transaction: it deletes every
 * row of those records and inserts the new ones, so re-indexing never duplicates rows. `rebuildIndex`
 * reads all of OUT/bulletins/*.json into a temporary file and renames it over the index, so a reader
 * sees the old index or the new one, never a half-built one.
 *
 * An ingest run uses an `IndexStaging` area instead of handing over records at the end: each record is
 * staged (its rows computed and written to a scratch SQLite file in OUT) as soon as its file is written,
 * while the workers are still busy, and `applyIndexChanges` then copies the staged rows into the index
 * in record-id order with SQL. The real index is only touched in that last transaction (the batch
 * removes record files only after it), so a run that dies before leaves the index as it was: listing
 * only records still on disk, and older than OUT/bulletins, hence reported stale. The rows, and the
 * order they are inserted in (so row ids too), are those `updateIndex` gives with the same records.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database, { type Statement } from 'better-sqlite3';
import { itemLineJsonSchema, recordSchema, type BulletinRecord } from '../record/schema.js';
import { writeFileAtomicSync } from './atomic-write.js';
import {
  INDEX_FILE,
  INDEX_INDEXES_SQL,
  INDEX_TABLES_SQL,
  INDEX_SCHEMA_VERSION,
  bulletinsDir,
  indexPath,
  isDamagedDatabase,
  openIndexForWrite,
  readSchemaVersion,
  type IndexDatabase,
} from './index-db.js';
import { queryResultJsonSchema } from '../query/result-schema.js';
import { issueIdFor } from '../record/issue-id.js';
import { upgradeRecord } from '../record/upgrade.js';
import { canonicalTitle, documentContext, organisationBody, publisherScope } from '../resolve/canonical-org.js';
import { issuesOfRecords, refreshIssues, writeRenditionOrder } from './issues.js';
import { discardScratchDatabase } from './scratch-file.js';

export interface RebuildOptions {
  /** Told about record files that could not be read or are not valid records (they are skipped). */
  onWarning?: (message: string) => void;
  /** Record ids whose files are left out (an ingest run's records about to be removed). */
  skipIds?: ReadonlySet<string>;
}

export const QUERY_RESULT_SCHEMA_FILE = path.join('schema', 'query-result.schema.json');

/** Applies one ingest run's changes to the index in a single transaction. */
export function updateIndex(outDir: string, changed: BulletinRecord[], removedIds: string[]): void {
  const file = indexPath(outDir);
  if (!isCurrentIndex(file)) rebuildIndex(outDir);
  const db = openIndexForWrite(file);
  try {
    const writer = new IndexWriter(db);
    db.transaction(() => {
      const ids = new Set([...changed.map((r) => r.id), ...removedIds]);
      const touched = issuesOfRecords(db, ids);
      for (const id of ids) writer.deleteRecord(id);
      for (const record of lastById(changed)) writer.insertRecord(record);
      for (const issue of issuesOfRecords(db, ids)) touched.add(issue);
      refreshIssues(db, touched);
    }).immediate();
  } finally {
    db.close();
  }
  markIndexCurrent(outDir);
}

/**
 * Readers compare the index's mtime with OUT/bulletins' to tell a stale index; an update that changed
 * no rows must still count as "the index is current now". Call after the last change to OUT/bulletins.
 */
export function markIndexCurrent(outDir: string): void {
  // Not older than OUT/bulletins' last change even when that was a moment ago: the file system's
  // stamp has sub-millisecond precision (and may come from another clock), the one set here does not.
  let ms = Date.now();
  try {
    ms = Math.max(ms, Math.ceil(fs.statSync(bulletinsDir(outDir)).mtimeMs) + 1);
  } catch {
    // no OUT/bulletins: nothing to be newer than
  }
  fs.utimesSync(indexPath(outDir), ms / 1000, ms / 1000);
  writeQueryResultSchema(outDir);
}

/** Rebuilds OUT/index.sqlite from every record in OUT/bulletins. */
export function rebuildIndex(outDir: string, options: RebuildOptions = {}): { records: number; items: number } {
  const warn = options.onWarning ?? (() => {});
  return buildIndexFile(outDir, (db, writer) => {
    const seen = new Set<string>();
    for (const record of readRecords(bulletinsDir(outDir), warn, options.skipIds)) {
      // Two files with one record id (the contract makes ids unique): the later file wins.
      if (seen.has(record.id)) {
        warn(`record id ${record.id} occurs in more than one file; the last one is indexed`);
        writer.deleteRecord(record.id);
      }
      seen.add(record.id);
      writer.insertRecord(record);
    }
  });
}

/**
 * Writes a complete index into a temporary file and renames it over OUT/index.sqlite: `fill` inserts
 * the rows (tables only), then the full-text index and the secondary indexes are built in one pass.
 */
function buildIndexFile(
  outDir: string,
  fill: (db: IndexDatabase, writer: IndexWriter) => void,
  around: <T>(db: IndexDatabase, run: () => T) => T = (_db, run) => run(),
): { records: number; items: number } {
  fs.mkdirSync(outDir, { recursive: true });
  const file = indexPath(outDir);
  const tmp = path.join(outDir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const counts = { records: 0, items: 0 };
  const settings = readSettings(file);
  try {
    const db = openIndexForWrite(tmp);
    try {
      // The temporary file is synced once and renamed into place only after a clean close, so the
      // durability of intermediate writes does not matter; skipping it makes rebuilds much faster.
      db.pragma('synchronous = OFF');
      db.exec(INDEX_TABLES_SQL);
      const writer = new IndexWriter(db);
      around(db, () =>
        db.transaction(() => {
          fill(db, writer);
          db.exec("INSERT INTO items_fts(items_fts) VALUES ('rebuild')");
          db.exec(INDEX_INDEXES_SQL);
          for (const [key, value] of settings) db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);
          refreshIssues(db);
          counts.records = (db.prepare('SELECT COUNT(*) FROM records').pluck().get() as number);
          counts.items = (db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number);
        })(),
      );
      db.pragma(`user_version = ${INDEX_SCHEMA_VERSION}`);
    } finally {
      db.close();
    }
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  writeQueryResultSchema(outDir);
  return counts;
}

/** What one ingest run changed, for `applyIndexChanges`. */
export interface IndexChanges {
  /**
   * Ids of the records written this run (their files are in OUT/bulletins), in the order their rows
   * are inserted (the batch sorts them by id, so row ids do not depend on the order workers finish in).
   * Any iterable that can be gone through more than once: a batch run streams them from its state.
   */
  changed: Iterable<string>;
  /** Ids of records that left the archive or were renamed: their rows go, and their files are ignored. */
  removed: readonly string[];
  /** Every record file in OUT/bulletins, apart from `removed` ones, is among `changed`. */
  complete: boolean;
}

/**
 * Brings the index in step with one ingest run: the rows of `changed` and `removed` records are
 * deleted and the changed records inserted, in one transaction, from the staging area when it holds
 * them (else read from OUT/bulletins). Rows and row ids come out as `updateIndex` would make them
 * with the same records in the same order; when the run rewrote every record (a first import, a
 * forced or re-configured run) and nothing else would survive the deletes, the index is written
 * afresh instead, sparing the deletes. Does not mark the index current: see `markIndexCurrent`.
 */
export function applyIndexChanges(outDir: string, changes: IndexChanges, staging: IndexStaging | null): void {
  const file = indexPath(outDir);
  const current = isCurrentIndex(file);
  // Only an index that survives needs the set of ids to delete (a first import never builds it).
  const doomed = () => new Set([...changes.changed, ...changes.removed]);
  let stagingFile: string | null = null;
  try {
    stagingFile = staging?.close() ?? null;
  } catch {
    stagingFile = null; // a broken staging area: every changed record is read from its file
  }
  const insertChanged = (db: IndexDatabase, writer: IndexWriter) => {
    const copier = stagingFile ? new StagedCopier(db) : null;
    for (const id of changes.changed) if (!copier?.copy(id)) writer.insertRecord(readRecordFile(outDir, id));
  };
  // ATTACH and DETACH cannot run inside a transaction: the staging file is attached around it.
  const withStaging = <T>(db: IndexDatabase, run: () => T): T => {
    if (stagingFile) db.prepare(`ATTACH DATABASE ? AS ${STAGED}`).run(stagingFile);
    try {
      return run();
    } finally {
      if (stagingFile) db.exec(`DETACH DATABASE ${STAGED}`);
    }
  };
  if (changes.complete && (!current || holdsOnly(file, doomed()))) {
    buildIndexFile(outDir, insertChanged, withStaging);
    return;
  }
  if (!current) rebuildIndex(outDir, { skipIds: new Set(changes.removed) });
  const db = openIndexForWrite(file);
  try {
    withStaging(db, () => {
      const writer = new IndexWriter(db);
      db.transaction(() => {
        const ids = doomed();
        const touched = issuesOfRecords(db, ids);
        for (const id of ids) writer.deleteRecord(id);
        insertChanged(db, writer);
        for (const issue of issuesOfRecords(db, changes.changed)) touched.add(issue);
        refreshIssues(db, touched);
      }).immediate();
    });
  } finally {
    db.close();
  }
}

/** The settings of the index being replaced (a rebuild keeps them); none when it is missing or old. */
function readSettings(file: string): [string, string][] {
  if (!isCurrentIndex(file)) return [];
  const db = openIndexForWrite(file);
  try {
    return db.prepare('SELECT key, value FROM settings ORDER BY key').raw().all() as [string, string][];
  } finally {
    db.close();
  }
}

/** Sets the rendition order (best first) and recomputes the preferred renditions. */
export function setRenditionOrder(outDir: string, order: readonly string[]): void {
  const file = indexPath(outDir);
  if (!isCurrentIndex(file)) rebuildIndex(outDir);
  const db = openIndexForWrite(file);
  try {
    db.transaction(() => {
      writeRenditionOrder(db, order);
      refreshIssues(db);
    }).immediate();
  } finally {
    db.close();
  }
}

function readRecordFile(outDir: string, id: string): BulletinRecord {
  return upgradeRecord(JSON.parse(fs.readFileSync(path.join(bulletinsDir(outDir), `${id}.json`), 'utf8'))) as BulletinRecord;
}

/** True when deleting the rows of `ids` would leave every table of the index empty. */
function holdsOnly(file: string, ids: ReadonlySet<string>): boolean {
  const db = openIndexForWrite(file);
  try {
    for (const id of db.prepare('SELECT id FROM records').pluck().iterate() as Iterable<string>) if (!ids.has(id)) return false;
    for (const id of db.prepare('SELECT DISTINCT record_id FROM items').pluck().iterate() as Iterable<string>) if (!ids.has(id)) return false;
    // Entity rows go with their item; rows whose item is missing would survive.
    for (const table of ENTITY_TABLES) {
      if (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = t.item_id))`).pluck().get()) return false;
    }
    return true;
  } finally {
    db.close();
  }
}

function isCurrentIndex(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db: IndexDatabase | undefined;
  try {
    db = openIndexForWrite(file);
    return readSchemaVersion(db) === INDEX_SCHEMA_VERSION;
  } catch (err) {
    if (isDamagedDatabase(err)) return false;
    throw err;
  } finally {
    db?.close();
  }
}

/**
 * Valid records one at a time, in file-name order (so row ids are deterministic), without holding
 * the whole archive in memory.
 */
function* readRecords(dir: string, warn: (message: string) => void, skipIds?: ReadonlySet<string>): Generator<BulletinRecord> {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !n.startsWith('.') && !skipIds?.has(n.slice(0, -'.json'.length)))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = upgradeRecord(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (err) {
      warn(`skipped ${file}: ${(err as Error).message}`);
      continue;
    }
    const parsed = recordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      warn(`skipped ${file}: not a bulletin record (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
      continue;
    }
    yield parsed.data;
  }
}

/** Two records with one id: the later one wins (the archive's contract makes ids unique). */
function lastById(records: BulletinRecord[]): BulletinRecord[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

export const ITEM_LINE_SCHEMA_FILE = path.join('schema', 'item-line.schema.json');

/** The JSON Schemas of query results and of items.jsonl lines, next to the index (rewritten only when changed). */
function writeQueryResultSchema(outDir: string): void {
  for (const [name, schema] of [
    [QUERY_RESULT_SCHEMA_FILE, queryResultJsonSchema()],
    [ITEM_LINE_SCHEMA_FILE, itemLineJsonSchema()],
  ] as const) {
    const file = path.join(outDir, name);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    try {
      if (fs.readFileSync(file, 'utf8') === text) continue;
    } catch {
      // missing: write it
    }
    writeFileAtomicSync(file, text);
  }
}

/** The values of a record's row in `records`. */
type RecordRow = [
  id: string, sourcePath: string, format: string, issueDate: string | null, title: string | null, publisher: string | null, issue: number | null, year: number | null,
  issueId: string, warnings: number, scope: string,
];

/** One item's row in `items` and its rows in the entity tables, in insertion order. */
interface ItemRows {
  id: string;
  values: [
    id: string, recordId: string, seq: number, section: string | null, marker: string | null, headline: string | null, text: string,
    dateText: string | null, dateStart: string | null, dateEnd: string | null, partOfDay: string | null, page: number | null, paragraph: number | null,
    peopleJson: string, organisationsJson: string, placesJson: string, issueId: string,
  ];
  /** (name, titles as JSON, home scope, scope) */
  people: [string, string, string, string][];
  /** (name, title, canonical title, home scope, scope), each (name, title) once per item */
  titles: [string, string, string, string, string][];
  /** (name as written, canonical body) */
  organisations: [string, string][];
  places: string[];
}

/** Every organisation name of a record, for finding the bulletin's own body when the masthead lacks it. */
function organisationNames(record: BulletinRecord): string[] {
  return record.items.flatMap((item) => item.organisations.map((o) => o.name));
}

function recordRow(record: BulletinRecord): RecordRow {
  const m = record.masthead;
  const warnings = record.messages.filter((message) => message.severity !== 'info').length;
  const scope = publisherScope(m, organisationNames(record));
  return [record.id, record.source.path, record.source.format, m.date, m.title, m.publisher, m.issue, m.year, issueIdFor(record), warnings, scope];
}

function itemRows(record: BulletinRecord): ItemRows[] {
  const issueId = issueIdFor(record);
  const names = organisationNames(record);
  const scope = publisherScope(record.masthead, names);
  const context = documentContext(record.masthead, names);
  return record.items.map((item, index) => {
    const seq = index + 1; // position in the record, from 1, as people count items
    const d = item.date;
    const organisations = [...new Map(item.organisations.map((o): [string, string] => [o.name, organisationBody(o.name, o.canonical, scope)])).entries()];
    const places = [...new Set(item.places.map((p) => p.name))];
    const titles: [string, string, string, string, string][] = [];
    const seenTitles = new Set<string>();
    for (const person of item.people) {
      for (const title of person.titles) {
        const key = `${person.name}\u0000${title}`;
        if (seenTitles.has(key)) continue;
        seenTitles.add(key);
        titles.push([person.name, title, canonicalTitle(title, context), scope, scope]);
      }
    }
    return {
      id: item.id,
      values: [
        item.id, record.id, seq, item.section, item.marker, item.headline, item.text,
        d?.text ?? null, d?.start ?? null, d?.end ?? null, d?.partOfDay ?? null,
        item.provenance.page, item.provenance.paragraph,
        JSON.stringify(item.people.map((p) => ({ name: p.name, titles: p.titles }))), JSON.stringify(organisations.map(([name]) => name)), JSON.stringify(places),
        issueId,
      ],
      people: item.people.map((p): [string, string, string, string] => [p.name, JSON.stringify(p.titles), scope, scope]),
      titles,
      organisations,
      places,
    };
  });
}

const ENTITY_TABLES = ['people', 'person_titles', 'organisations', 'places'] as const;
const ITEM_COLUMNS =
  'id, record_id, seq, section, marker, headline, text, date_text, date_start, date_end, part_of_day, page, paragraph, people_json, organisations_json, places_json, issue_id';
const ENTITY_COLUMNS: Record<(typeof ENTITY_TABLES)[number], string> = {
  people: 'item_id, name, titles, home, scope',
  person_titles: 'item_id, name, title, canonical, home, scope',
  organisations: 'item_id, name, body',
  places: 'item_id, name',
};
const RECORD_COLUMNS = 'id, source_path, format, issue_date, title, publisher, issue, year, issue_id, warnings, scope';
const marks = (columns: string) => columns.split(',').map(() => '?').join(', ');

class IndexWriter {
  private readonly insertRecordRow;
  private readonly insertItem;
  private readonly insertPerson;
  private readonly insertPersonTitle;
  private readonly insertOrganisation;
  private readonly insertPlace;
  private readonly deletes;

  constructor(db: IndexDatabase) {
    this.insertRecordRow = db.prepare(`INSERT OR REPLACE INTO records (${RECORD_COLUMNS}) VALUES (${marks(RECORD_COLUMNS)})`);
    // An item id already taken by another record is skipped rather than failing the whole run.
    this.insertItem = db.prepare(`INSERT INTO items (${ITEM_COLUMNS}) VALUES (${marks(ITEM_COLUMNS)}) ON CONFLICT(id) DO NOTHING`);
    this.insertPerson = db.prepare(`INSERT INTO people (${ENTITY_COLUMNS.people}) VALUES (${marks(ENTITY_COLUMNS.people)})`);
    this.insertPersonTitle = db.prepare(`INSERT INTO person_titles (${ENTITY_COLUMNS.person_titles}) VALUES (${marks(ENTITY_COLUMNS.person_titles)})`);
    this.insertOrganisation = db.prepare(`INSERT INTO organisations (${ENTITY_COLUMNS.organisations}) VALUES (${marks(ENTITY_COLUMNS.organisations)})`);
    this.insertPlace = db.prepare('INSERT INTO places (item_id, name) VALUES (?, ?)');
    const ofRecord = 'item_id IN (SELECT id FROM items WHERE record_id = ?)';
    this.deletes = [
      ...ENTITY_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE ${ofRecord}`)),
      db.prepare('DELETE FROM items WHERE record_id = ?'),
      db.prepare('DELETE FROM records WHERE id = ?'),
    ];
  }

  deleteRecord(id: string): void {
    for (const statement of this.deletes) statement.run(id);
  }

  /** Inserts a record and its items; returns the number of items inserted. */
  insertRecord(record: BulletinRecord): number {
    this.insertRecordRow.run(...recordRow(record));
    let inserted = 0;
    for (const item of itemRows(record)) {
      if (this.insertItem.run(...item.values).changes === 0) continue;
      inserted += 1;
      for (const person of item.people) this.insertPerson.run(item.id, ...person);
      for (const title of item.titles) this.insertPersonTitle.run(item.id, ...title);
      for (const organisation of item.organisations) this.insertOrganisation.run(item.id, ...organisation);
      for (const name of item.places) this.insertPlace.run(item.id, name);
    }
    return inserted;
  }
}

/** The schema name the staging file is attached under while its rows are copied into the index. */
const STAGED = 'staged';

/**
 * The staging tables hold exactly the values `IndexWriter` would insert, with the same column types (so
 * SQLite stores them alike), keyed by record and position so each record's rows come out in order.
 */
const STAGING_SQL = `
CREATE TABLE records (
  id TEXT PRIMARY KEY, source_path TEXT NOT NULL, format TEXT NOT NULL, issue_date TEXT, title TEXT, publisher TEXT, issue INTEGER, year INTEGER,
  issue_id TEXT NOT NULL, warnings INTEGER NOT NULL, scope TEXT NOT NULL
);
CREATE TABLE items (
  record_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, section TEXT, marker TEXT, headline TEXT, text TEXT NOT NULL,
  date_text TEXT, date_start TEXT, date_end TEXT, part_of_day TEXT, page INTEGER, paragraph INTEGER,
  people_json TEXT NOT NULL, organisations_json TEXT NOT NULL, places_json TEXT NOT NULL, issue_id TEXT NOT NULL,
  PRIMARY KEY (record_id, seq)
) WITHOUT ROWID;
CREATE TABLE people (
  record_id TEXT NOT NULL, n INTEGER NOT NULL, item_id TEXT NOT NULL, name TEXT NOT NULL, titles TEXT NOT NULL, home TEXT NOT NULL, scope TEXT NOT NULL,
  PRIMARY KEY (record_id, n)
) WITHOUT ROWID;
CREATE TABLE person_titles (
  record_id TEXT NOT NULL, n INTEGER NOT NULL, item_id TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL, canonical TEXT NOT NULL,
  home TEXT NOT NULL, scope TEXT NOT NULL, PRIMARY KEY (record_id, n)
) WITHOUT ROWID;
CREATE TABLE organisations (record_id TEXT NOT NULL, n INTEGER NOT NULL, item_id TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (record_id, n)) WITHOUT ROWID;
CREATE TABLE places (record_id TEXT NOT NULL, n INTEGER NOT NULL, item_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (record_id, n)) WITHOUT ROWID;
`;

/**
 * A scratch SQLite file in OUT holding the index rows of the records an ingest run wrote, staged one
 * record at a time as they arrive, so the end of the run only copies rows. It is a cache of the record
 * files: no journal, no syncing, deleted after use (a crashed run's file is removed by the next run).
 * Holds nothing in memory per record: whether a record is staged is asked of the file.
 */
export class IndexStaging {
  readonly file: string;
  private db: IndexDatabase | null;
  private readonly insertRecordRow;
  private readonly staged;
  private readonly insertItem;
  private readonly insertEntity;
  private readonly deletes;

  constructor(outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
    this.file = path.join(outDir, `.${INDEX_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.staging.tmp`);
    const db = new Database(this.file);
    this.db = db;
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(STAGING_SQL);
      this.insertRecordRow = db.prepare(`INSERT INTO records (${RECORD_COLUMNS}) VALUES (${marks(RECORD_COLUMNS)})`);
      this.insertItem = db.prepare(`INSERT INTO items (${ITEM_COLUMNS}) VALUES (${marks(ITEM_COLUMNS)})`);
      this.insertEntity = Object.fromEntries(
        ENTITY_TABLES.map((table) => {
          const columns = ENTITY_COLUMNS[table];
          return [table, db.prepare(`INSERT INTO ${table} (record_id, n, ${columns}) VALUES (?, ?, ${marks(columns)})`)];
        }),
      ) as Record<(typeof ENTITY_TABLES)[number], Statement>;
      this.deletes = ['records WHERE id = ?', ...['items', ...ENTITY_TABLES].map((t) => `${t} WHERE record_id = ?`)].map((what) => db.prepare(`DELETE FROM ${what}`));
      this.staged = db.prepare('SELECT 1 FROM records WHERE id = ?').pluck();
      // One transaction for the whole run: the file is scratch, so there is nothing to keep safe.
      db.exec('BEGIN');
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  /** Stages a record (replacing an earlier one with its id). */
  add(record: BulletinRecord): void {
    this.drop(record.id);
    const items = itemRows(record);
    // Two items with one id in a record: the index keeps the first and skips the other's entities; too
    // rare to mirror here, so such a record is read back from its file instead.
    if (new Set(items.map((i) => i.id)).size !== items.length) return;
    this.insertRecordRow.run(...recordRow(record));
    const n = { people: 0, person_titles: 0, organisations: 0, places: 0 };
    for (const item of items) {
      this.insertItem.run(...item.values);
      for (const person of item.people) this.insertEntity.people.run(record.id, n.people++, item.id, ...person);
      for (const title of item.titles) this.insertEntity.person_titles.run(record.id, n.person_titles++, item.id, ...title);
      for (const organisation of item.organisations) this.insertEntity.organisations.run(record.id, n.organisations++, item.id, ...organisation);
      for (const name of item.places) this.insertEntity.places.run(record.id, n.places++, item.id, name);
    }
  }

  /** Forgets a staged record (its id changed, or its file is gone). */
  drop(id: string): void {
    this.open();
    if (!this.staged.get(id)) return;
    for (const statement of this.deletes) statement.run(id);
  }

  /** Commits and closes the staging file, so it can be attached; returns its path. */
  close(): string {
    const db = this.open();
    db.exec('COMMIT');
    db.close();
    this.db = null;
    return this.file;
  }

  /** Closes (if open) and deletes the staging file. */
  discard(): void {
    const db = this.db;
    this.db = null;
    discardScratchDatabase(db, this.file);
  }

  private open(): IndexDatabase {
    if (!this.db) throw new Error('the index staging area is closed');
    return this.db;
  }
}

/** Copies staged records into the index with SQL, record by record, in the order asked for. */
class StagedCopier {
  private readonly statements;

  constructor(db: IndexDatabase) {
    const ofRecord = 'WHERE record_id = @id';
    this.statements = [
      db.prepare(`INSERT OR REPLACE INTO main.records (${RECORD_COLUMNS}) SELECT ${RECORD_COLUMNS} FROM ${STAGED}.records WHERE id = @id`),
      // As IndexWriter: an item whose id is taken is skipped, and so are its entities (below).
      db.prepare(`INSERT INTO main.items (${ITEM_COLUMNS}) SELECT ${ITEM_COLUMNS} FROM ${STAGED}.items ${ofRecord} ORDER BY seq ON CONFLICT(id) DO NOTHING`),
      ...ENTITY_TABLES.map((table) =>
        db.prepare(
          `INSERT INTO main.${table} (${ENTITY_COLUMNS[table]}) SELECT ${ENTITY_COLUMNS[table]} FROM ${STAGED}.${table} s ${ofRecord}
             AND EXISTS (SELECT 1 FROM main.items i WHERE i.id = s.item_id AND i.record_id = @id) ORDER BY n`,
        ),
      ),
    ];
  }

  /** Copies a staged record; false when it is not staged (nothing is copied then). */
  copy(id: string): boolean {
    const [record, ...rest] = this.statements;
    if (record.run({ id }).changes === 0) return false;
    for (const statement of rest) statement.run({ id });
    return true;
  }
}
