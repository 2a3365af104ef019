/**
 * Building and updating the SQLite query index (OUT/index.sqlite) from bulletin records.
 *
 * `updateIndex` is what an ingest run calls with the records it wrote and the ids it removed: one
 * transaction deletes every row of those records and inserts the new ones, so re-ingesting never
 * duplicates rows. `rebuildIndex` reads all of OUT/bulletins/*.json into a temporary file and renames
 * it over the index, so a reader sees the old index or the new one, never a half-built one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { recordSchema, type BulletinRecord } from '../record/schema.js';
import { writeFileAtomicSync } from './atomic-write.js';
import {
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

export interface RebuildOptions {
  /** Told about record files that could not be read or are not valid records (they are skipped). */
  onWarning?: (message: string) => void;
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
      for (const id of new Set([...changed.map((r) => r.id), ...removedIds])) writer.deleteRecord(id);
      for (const record of lastById(changed)) writer.insertRecord(record);
    }).immediate();
  } finally {
    db.close();
  }
  // Readers compare this mtime with OUT/bulletins' to tell a stale index; an update that changed no
  // rows must still count as "the index is current now".
  const now = new Date();
  fs.utimesSync(file, now, now);
  writeQueryResultSchema(outDir);
}

/** Rebuilds OUT/index.sqlite from every record in OUT/bulletins. */
export function rebuildIndex(outDir: string, options: RebuildOptions = {}): { records: number; items: number } {
  const warn = options.onWarning ?? (() => {});
  fs.mkdirSync(outDir, { recursive: true });
  const file = indexPath(outDir);
  const tmp = path.join(outDir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const counts = { records: 0, items: 0 };
  try {
    const db = openIndexForWrite(tmp);
    try {
      // The temporary file is synced once and renamed into place only after a clean close, so the
      // durability of intermediate writes does not matter; skipping it makes rebuilds much faster.
      db.pragma('synchronous = OFF');
      db.exec(INDEX_TABLES_SQL);
      const writer = new IndexWriter(db);
      db.transaction(() => {
        const seen = new Set<string>();
        for (const record of readRecords(bulletinsDir(outDir), warn)) {
          // Two files with one record id (the contract makes ids unique): the later file wins.
          if (seen.has(record.id)) {
            warn(`record id ${record.id} occurs in more than one file; the last one is indexed`);
            writer.deleteRecord(record.id);
          }
          seen.add(record.id);
          writer.insertRecord(record);
        }
        db.exec("INSERT INTO items_fts(items_fts) VALUES ('rebuild')");
        db.exec(INDEX_INDEXES_SQL);
        counts.records = (db.prepare('SELECT COUNT(*) FROM records').pluck().get() as number);
        counts.items = (db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number);
      })();
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
function* readRecords(dir: string, warn: (message: string) => void): Generator<BulletinRecord> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
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

function writeQueryResultSchema(outDir: string): void {
  const file = path.join(outDir, QUERY_RESULT_SCHEMA_FILE);
  const text = `${JSON.stringify(queryResultJsonSchema(), null, 2)}\n`;
  try {
    if (fs.readFileSync(file, 'utf8') === text) return;
  } catch {
    // missing: write it
  }
  writeFileAtomicSync(file, text);
}

class IndexWriter {
  private readonly insertRecordRow;
  private readonly insertItem;
  private readonly insertPerson;
  private readonly insertPersonTitle;
  private readonly insertOrganisation;
  private readonly insertPlace;
  private readonly deletes;

  constructor(db: IndexDatabase) {
    this.insertRecordRow = db.prepare(
      `INSERT OR REPLACE INTO records (id, source_path, format, issue_date, title, publisher, issue, year)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // An item id already taken by another record is skipped rather than failing the whole run.
    this.insertItem = db.prepare(
      `INSERT INTO items (id, record_id, seq, section, marker, headline, text, date_text, date_start, date_end, part_of_day, page, paragraph,
                          people_json, organisations_json, places_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    );
    this.insertPerson = db.prepare('INSERT INTO people (item_id, name, titles) VALUES (?, ?, ?)');
    this.insertPersonTitle = db.prepare('INSERT INTO person_titles (item_id, name, title) VALUES (?, ?, ?)');
    this.insertOrganisation = db.prepare('INSERT INTO organisations (item_id, name) VALUES (?, ?)');
    this.insertPlace = db.prepare('INSERT INTO places (item_id, name) VALUES (?, ?)');
    const ofRecord = 'item_id IN (SELECT id FROM items WHERE record_id = ?)';
    this.deletes = [
      db.prepare(`DELETE FROM people WHERE ${ofRecord}`),
      db.prepare(`DELETE FROM person_titles WHERE ${ofRecord}`),
      db.prepare(`DELETE FROM organisations WHERE ${ofRecord}`),
      db.prepare(`DELETE FROM places WHERE ${ofRecord}`),
      db.prepare('DELETE FROM items WHERE record_id = ?'),
      db.prepare('DELETE FROM records WHERE id = ?'),
    ];
  }

  deleteRecord(id: string): void {
    for (const statement of this.deletes) statement.run(id);
  }

  /** Inserts a record and its items; returns the number of items inserted. */
  insertRecord(record: BulletinRecord): number {
    const m = record.masthead;
    this.insertRecordRow.run(record.id, record.source.path, record.source.format, m.date, m.title, m.publisher, m.issue, m.year);
    let inserted = 0;
    record.items.forEach((item, index) => {
      const seq = index + 1; // position in the record, from 1, as people count items
      const d = item.date;
      const organisations = [...new Set(item.organisations.map((o) => o.name))];
      const places = [...new Set(item.places.map((p) => p.name))];
      const info = this.insertItem.run(
        item.id, record.id, seq, item.section, item.marker, item.headline, item.text,
        d?.text ?? null, d?.start ?? null, d?.end ?? null, d?.partOfDay ?? null,
        item.provenance.page, item.provenance.paragraph,
        JSON.stringify(item.people.map((p) => ({ name: p.name, titles: p.titles }))), JSON.stringify(organisations), JSON.stringify(places),
      );
      if (info.changes === 0) return;
      inserted += 1;
      const seenTitles = new Set<string>();
      for (const person of item.people) {
        this.insertPerson.run(item.id, person.name, JSON.stringify(person.titles));
        for (const title of person.titles) {
          const key = `${person.name}\u0000${title}`;
          if (seenTitles.has(key)) continue;
          seenTitles.add(key);
          this.insertPersonTitle.run(item.id, person.name, title);
        }
      }
      for (const name of organisations) this.insertOrganisation.run(item.id, name);
      for (const name of places) this.insertPlace.run(item.id, name);
    });
    return inserted;
  }
}
