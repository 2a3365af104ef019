/**
 * The query index's file, schema and read-side opening. Kept free of zod and of the record schema so
 * that `bulletin query` starts fast: only building the index (sqlite-index.ts) needs those.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type IndexDatabase = Database.Database;

export const INDEX_FILE = 'index.sqlite';
/** Stored in `PRAGMA user_version`; an index with another version is rebuilt from the records. */
export const INDEX_SCHEMA_VERSION = 3;

/**
 * One row per record, per item, and per (item, entity). Child tables refer to items by their text id
 * so that hand-written SQL reads naturally; the entity tables serve filtering and counting, the
 * items' JSON copies of them serve printing results; `items.pk` only links the full-text table, whose rowids
 * must survive VACUUM (hence an explicit INTEGER PRIMARY KEY rather than the implicit rowid).
 *
 * Tables come first: a rebuild fills them, then builds the full-text index in one pass and adds the
 * secondary indexes and triggers, which is much faster than maintaining them row by row.
 */
export const INDEX_TABLES_SQL = `
CREATE TABLE records (
  id          TEXT PRIMARY KEY,
  source_path TEXT NOT NULL,
  format      TEXT NOT NULL,
  issue_date  TEXT,
  title       TEXT,
  publisher   TEXT,
  issue       INTEGER,
  year        INTEGER,
  -- The issue this file is a rendition of (src/record/issue-id.ts), its warning count, and the body
  -- that publishes it (西湖区政协; the publisher as written when it names no place): people are scoped by it.
  issue_id    TEXT NOT NULL,
  warnings    INTEGER NOT NULL,
  scope       TEXT NOT NULL,
  -- Derived (src/store/issues.ts): 1 for the issue's preferred rendition.
  preferred   INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE items (
  pk          INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  record_id   TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  section     TEXT,
  marker      TEXT,
  headline    TEXT,
  text        TEXT NOT NULL,
  date_text   TEXT,
  date_start  TEXT,
  date_end    TEXT,
  part_of_day TEXT,
  page        INTEGER,
  paragraph   INTEGER,
  -- The item's entities as JSON, so results need no joins: [{"name","titles"}], ["name"], ["name"].
  people_json        TEXT NOT NULL,
  organisations_json TEXT NOT NULL,
  places_json        TEXT NOT NULL,
  issue_id    TEXT NOT NULL,
  -- Derived (src/store/issues.ts): the preferred rendition's item this one is (NULL: itself).
  canonical_id TEXT
);
-- A person is a name within a scope (the publishing body): \`home\` is the record's scope, \`scope\` the
-- one the person is counted under (derived: another scope whose body the person's titles name).
CREATE TABLE people (
  item_id TEXT NOT NULL,
  name    TEXT NOT NULL,
  titles  TEXT NOT NULL,
  home    TEXT NOT NULL,
  scope   TEXT NOT NULL
);
-- \`title\` as written, \`canonical\` in one spelling for the body (市政协副主席 → 包头市政协副主席).
CREATE TABLE person_titles (
  item_id   TEXT NOT NULL,
  name      TEXT NOT NULL,
  title     TEXT NOT NULL,
  canonical TEXT NOT NULL,
  home      TEXT NOT NULL,
  scope     TEXT NOT NULL
);
-- \`name\` as written; \`body\` the canonical body (区政协 → 西湖区政协), or the name and publisher when
-- the bulletin does not say which place a relative name means.
CREATE TABLE organisations (
  item_id TEXT NOT NULL,
  name    TEXT NOT NULL,
  body    TEXT NOT NULL
);
CREATE TABLE issues (
  id                  TEXT PRIMARY KEY,
  preferred_record_id TEXT NOT NULL,
  renditions          INTEGER NOT NULL
);
-- Index settings that survive updates: \`rendition_order\` (comma-separated formats, best first).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE places (
  item_id TEXT NOT NULL,
  name    TEXT NOT NULL
);
CREATE VIRTUAL TABLE items_fts USING fts5(headline, text, content='items', content_rowid='pk', tokenize='trigram');
`;

/** Secondary indexes, and the triggers that keep the full-text table in step with `items`. */
export const INDEX_INDEXES_SQL = `
CREATE INDEX items_record ON items(record_id, seq);
CREATE INDEX items_date ON items(date_start, date_end);
CREATE INDEX items_date_end ON items(date_end);
CREATE INDEX items_canonical ON items(canonical_id);
CREATE INDEX items_issue ON items(issue_id);
CREATE INDEX records_issue ON records(issue_id);
CREATE INDEX people_name ON people(name, scope, item_id);
CREATE INDEX people_item ON people(item_id);
CREATE INDEX person_titles_name ON person_titles(name, title);
CREATE INDEX person_titles_title ON person_titles(title);
CREATE INDEX person_titles_item ON person_titles(item_id);
CREATE INDEX organisations_name ON organisations(name, item_id);
CREATE INDEX organisations_body ON organisations(body, item_id);
CREATE INDEX organisations_item ON organisations(item_id);
CREATE INDEX places_name ON places(name, item_id);
CREATE INDEX places_item ON places(item_id);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts(rowid, headline, text) VALUES (new.pk, new.headline, new.text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, headline, text) VALUES ('delete', old.pk, old.headline, old.text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF headline, text ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, headline, text) VALUES ('delete', old.pk, old.headline, old.text);
  INSERT INTO items_fts(rowid, headline, text) VALUES (new.pk, new.headline, new.text);
END;
`;

export function indexPath(outDir: string): string {
  return path.join(outDir, INDEX_FILE);
}

export function bulletinsDir(outDir: string): string {
  return path.join(outDir, 'bulletins');
}

/** Waiting briefly for a writer (an ingest run updating the index) beats failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export function readSchemaVersion(db: IndexDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Opens an existing, current index read-only; null when the file is missing or was written with
 * another schema version (the caller then rebuilds it).
 */
export function openIndexForRead(outDir: string): IndexDatabase | null {
  const file = indexPath(outDir);
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (readSchemaVersion(db) === INDEX_SCHEMA_VERSION) return db;
  } catch (err) {
    if (!isDamagedDatabase(err)) {
      db.close();
      throw err;
    }
  }
  db.close();
  return null;
}

/** A file that is not an SQLite database, or a damaged one: the index is a cache, so rebuild it. */
export function isDamagedDatabase(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

export function openIndexForWrite(file: string): IndexDatabase {
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A rollback journal keeps the archive to one self-contained file that researchers can copy.
    db.pragma('journal_mode = DELETE');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * True when records were written, renamed or removed after the index was last written: every record
 * write renames a file into OUT/bulletins, which updates the folder's mtime.
 */
export function indexLooksStale(outDir: string): boolean {
  try {
    const indexTime = fs.statSync(indexPath(outDir)).mtimeMs;
    const recordsTime = fs.statSync(bulletinsDir(outDir)).mtimeMs;
    return recordsTime > indexTime;
  } catch {
    return false;
  }
}
