import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulletinRecord } from '../../src/record/schema.js';
import { INDEX_SCHEMA_VERSION, indexLooksStale, indexPath, openIndexForRead } from '../../src/store/index-db.js';
import { IndexStaging, applyIndexChanges, markIndexCurrent, rebuildIndex, updateIndex } from '../../src/store/sqlite-index.js';
import { makeOutDir, makeRecord, sampleRecords, writeRecords } from '../query/sample-records.js';

const TABLES = ['records', 'items', 'people', 'person_titles', 'organisations', 'places', 'items_fts'] as const;

function rowCounts(outDir: string): Record<string, number> {
  const db = new Database(indexPath(outDir), { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

const EXPECTED_COUNTS = { records: 3, items: 6, people: 7, person_titles: 8, organisations: 6, places: 2, items_fts: 6 };

/** Temporary OUT folders, removed after each test. */
const dirs: string[] = [];
const tmp = (...args: Parameters<typeof makeOutDir>) => {
  const dir = makeOutDir(...args);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite index', () => {
  it('rebuilds from every record in OUT/bulletins and reports the counts', () => {
    const outDir = tmp();
    expect(rebuildIndex(outDir)).toEqual({ records: 3, items: 6 });
    expect(rowCounts(outDir)).toEqual(EXPECTED_COUNTS);
  });

  it('does not duplicate rows when the same records are indexed twice', () => {
    const outDir = tmp();
    const records = sampleRecords();
    updateIndex(outDir, records, []);
    updateIndex(outDir, records, []);
    expect(rowCounts(outDir)).toEqual(EXPECTED_COUNTS);
  });

  it('builds a missing index from the records on disk before applying an update', () => {
    const outDir = tmp();
    updateIndex(outDir, [], []);
    expect(rowCounts(outDir)).toEqual(EXPECTED_COUNTS);
  });

  it('replaces the rows of a changed record and drops the rows of a removed one', () => {
    const outDir = tmp();
    rebuildIndex(outDir);
    const shorter = makeRecord('c2020', '2020-05-11', [{ section: '领导活动', text: '只剩一条。', people: [['张三', ['秘书长']]] }]);
    updateIndex(outDir, [shorter], ['c2019']);
    const db = new Database(indexPath(outDir), { readonly: true });
    try {
      expect(db.prepare('SELECT id FROM records ORDER BY id').pluck().all()).toEqual(['c2020', 'c2021']);
      expect(db.prepare("SELECT id FROM items WHERE record_id = 'c2020'").pluck().all()).toEqual(['c2020#1']);
      expect(db.prepare("SELECT COUNT(*) FROM items WHERE record_id = 'c2019'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT name FROM people ORDER BY name').pluck().all()).toEqual(['乌云', '张三', '贺俊']);
      expect(db.prepare("SELECT COUNT(*) FROM organisations WHERE item_id LIKE 'c2020#%'").pluck().get()).toBe(0);
      // The full-text table follows the items table: the old text is gone, the new one is found.
      expect(db.prepare("SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH '\"刘晓东\"'").pluck().get()).toBe(0);
      expect(db.prepare("SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH '\"只剩一条\"'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('skips an item whose id another record already uses instead of failing the update', () => {
    const outDir = tmp();
    rebuildIndex(outDir);
    const clash = makeRecord('c2022', '2022-01-04', [{ section: null, text: '冲突的条目。' }, { section: null, text: '正常的条目。' }]);
    clash.items[0].id = 'c2021#1';
    updateIndex(outDir, [clash], []);
    const db = new Database(indexPath(outDir), { readonly: true });
    try {
      expect(db.prepare("SELECT id FROM items WHERE record_id = 'c2022'").pluck().all()).toEqual(['c2022#2']);
      expect(db.prepare("SELECT record_id FROM items WHERE id = 'c2021#1'").pluck().get()).toBe('c2021');
    } finally {
      db.close();
    }
  });

  it('stores the schema version in user_version and rebuilds an index written with another version', () => {
    const outDir = tmp();
    rebuildIndex(outDir);
    const db = new Database(indexPath(outDir));
    expect(db.pragma('user_version', { simple: true })).toBe(INDEX_SCHEMA_VERSION);
    db.exec('DELETE FROM items; PRAGMA user_version = 999');
    db.close();
    expect(openIndexForRead(outDir)).toBeNull();
    updateIndex(outDir, [], []);
    expect(rowCounts(outDir)).toEqual(EXPECTED_COUNTS);
  });

  it('replaces an index file that is not an SQLite database', () => {
    const outDir = tmp();
    fs.writeFileSync(indexPath(outDir), 'not a database, just some bytes that are long enough to look like a header');
    expect(openIndexForRead(outDir)).toBeNull();
    updateIndex(outDir, [], []);
    expect(rowCounts(outDir)).toEqual(EXPECTED_COUNTS);
  });

  it('skips record files that are not valid records and says so', () => {
    const outDir = tmp();
    fs.writeFileSync(path.join(outDir, 'bulletins', 'broken.json'), '{"id": ');
    fs.writeFileSync(path.join(outDir, 'bulletins', 'other.json'), '{"id": "x"}');
    const warnings: string[] = [];
    expect(rebuildIndex(outDir, { onWarning: (m) => warnings.push(m) })).toEqual({ records: 3, items: 6 });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('broken.json');
  });

  it('indexes a record id found in two files once, from the later file, with a warning', () => {
    const outDir = tmp();
    const copy = makeRecord('c2019', '2019-12-30', [{ section: null, text: '后来的版本。' }]);
    fs.writeFileSync(path.join(outDir, 'bulletins', 'z-copy.json'), JSON.stringify(copy));
    const warnings: string[] = [];
    expect(rebuildIndex(outDir, { onWarning: (m) => warnings.push(m) })).toEqual({ records: 3, items: 6 });
    expect(warnings).toEqual(['record id c2019 occurs in more than one file; the last one is indexed']);
    const db = new Database(indexPath(outDir), { readonly: true });
    try {
      expect(db.prepare("SELECT text FROM items WHERE record_id = 'c2019'").pluck().all()).toEqual(['后来的版本。']);
    } finally {
      db.close();
    }
  });

  it('writes the JSON Schema of query results next to the index', () => {
    const outDir = tmp();
    rebuildIndex(outDir);
    const schema = JSON.parse(fs.readFileSync(path.join(outDir, 'schema', 'query-result.schema.json'), 'utf8'));
    expect(schema.type).toBe('array');
    expect(schema.items.required).toContain('itemId');
  });

  it('builds byte-identical schemas for the same records', () => {
    const a = tmp();
    const b = tmp();
    rebuildIndex(a);
    rebuildIndex(b);
    const dump = (outDir: string) => {
      const db = new Database(indexPath(outDir), { readonly: true });
      try {
        return db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
      } finally {
        db.close();
      }
    };
    expect(dump(a)).toEqual(dump(b));
  });
});

/** Every row of every table with its row id, the schema, and what some full-text searches find. */
function dump(outDir: string) {
  const db = new Database(indexPath(outDir), { readonly: true });
  try {
    const rows = Object.fromEntries(
      TABLES.filter((t) => t !== 'items_fts').map((t) => [t, db.prepare(`SELECT rowid AS row_id, * FROM ${t} ORDER BY rowid`).all()]),
    );
    const fts = ['市政协', '调研', '只剩', 'hello', '新的'].map((q) =>
      db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid').pluck().all(`"${q}"`),
    );
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    return { rows, fts, schema, version: db.pragma('user_version', { simple: true }) };
  } finally {
    db.close();
  }
}

const byId = (a: BulletinRecord, b: BulletinRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const shorter = () => makeRecord('c2020', '2020-05-11', [{ section: '领导活动', text: '只剩一条。', people: [['张三', ['秘书长']]] }]);
const added = () =>
  makeRecord('c2022', '2022-01-04', [
    { section: null, text: '新的条目，市政协调研。', people: [['李四', ['主席', '主席']]], organisations: ['市政协', '市政协'], places: ['青山区'] },
    { section: '会议', text: '另一条新的。' },
  ]);

function stage(outDir: string, records: BulletinRecord[]): IndexStaging {
  const staging = new IndexStaging(outDir);
  for (const record of records) staging.add(record);
  return staging;
}

describe('applying an ingest run to the index', () => {
  it('copies staged records into the index with the very rows and row ids updateIndex gives the same records', () => {
    const expected = tmp();
    const actual = tmp();
    rebuildIndex(expected);
    rebuildIndex(actual);
    const changed = [shorter(), added()].sort(byId);
    updateIndex(expected, changed, ['c2019']);
    writeRecords(actual, changed);
    const staging = stage(actual, [added(), shorter()]); // arrival order does not matter
    applyIndexChanges(actual, { changed: changed.map((r) => r.id), removed: ['c2019'], complete: false }, staging);
    staging.discard();
    expect(dump(actual)).toEqual(dump(expected));
    expect(rowCounts(actual).records).toBe(3);
    expect(fs.readdirSync(actual).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('builds a missing index from the staged records alone when the run wrote every record, as updateIndex would', () => {
    const records = [...sampleRecords(), added()].sort(byId);
    const expected = tmp(records);
    const actual = tmp(records);
    updateIndex(expected, records, []);
    const staging = stage(actual, [...records].reverse());
    applyIndexChanges(actual, { changed: records.map((r) => r.id), removed: [], complete: true }, staging);
    staging.discard();
    expect(dump(actual)).toEqual(dump(expected));
  });

  it('writes the index afresh when the run replaced every record, but keeps rows of records it does not know about', () => {
    const records = sampleRecords().sort(byId);
    const expected = tmp(records);
    const actual = tmp(records);
    for (const outDir of [expected, actual]) rebuildIndex(outDir);
    updateIndex(expected, records, []);
    applyIndexChanges(actual, { changed: records.map((r) => r.id), removed: [], complete: true }, stage(actual, records));
    expect(dump(actual)).toEqual(dump(expected));

    // A record only the index knows (its file is gone, the run was not told): updateIndex keeps its
    // rows, so the index is updated in place rather than written afresh.
    for (const outDir of [expected, actual]) updateIndex(outDir, [added()], []);
    fs.rmSync(path.join(actual, 'bulletins', 'c2022.json'), { force: true });
    updateIndex(expected, records, []);
    applyIndexChanges(actual, { changed: records.map((r) => r.id), removed: [], complete: true }, stage(actual, records));
    expect(dump(actual)).toEqual(dump(expected));
    expect(rowCounts(actual).records).toBe(4);
  });

  it('reads changed records that were not staged from their files', () => {
    const expected = tmp();
    const actual = tmp();
    rebuildIndex(expected);
    rebuildIndex(actual);
    const changed = [shorter(), added()].sort(byId);
    updateIndex(expected, changed, []);
    writeRecords(actual, changed);
    // c2022 staged, then dropped (renamed away, say); c2020 never staged.
    const staging = stage(actual, [added()]);
    staging.drop('c2022');
    applyIndexChanges(actual, { changed: changed.map((r) => r.id), removed: [], complete: false }, staging);
    staging.discard();
    expect(dump(actual)).toEqual(dump(expected));
    const noStaging = tmp();
    rebuildIndex(noStaging);
    writeRecords(noStaging, changed);
    applyIndexChanges(noStaging, { changed: changed.map((r) => r.id), removed: [], complete: false }, null);
    expect(dump(noStaging)).toEqual(dump(expected));
  });

  it('keeps the last version of a record staged twice', () => {
    const expected = tmp();
    const actual = tmp();
    rebuildIndex(expected);
    rebuildIndex(actual);
    updateIndex(expected, [shorter()], []);
    const staging = stage(actual, [sampleRecords()[0], shorter()]);
    applyIndexChanges(actual, { changed: ['c2020'], removed: [], complete: false }, staging);
    staging.discard();
    expect(dump(actual)).toEqual(dump(expected));
  });

  it('leaves out the files of removed records when a missing index has to be rebuilt first', () => {
    const expected = tmp();
    const actual = tmp();
    // What the batch did before: remove the files, then rebuild the missing index and apply the changes.
    fs.rmSync(path.join(expected, 'bulletins', 'c2019.json'));
    writeRecords(expected, [shorter()]);
    updateIndex(expected, [shorter()], ['c2019']);
    // Now the index is brought in step while c2019's file is still there; it is removed afterwards.
    writeRecords(actual, [shorter()]);
    applyIndexChanges(actual, { changed: ['c2020'], removed: ['c2019'], complete: false }, stage(actual, [shorter()]));
    expect(dump(actual)).toEqual(dump(expected));
    expect(rowCounts(actual).records).toBe(2);
  });

  it('marks the index current even when OUT/bulletins changed a moment before', () => {
    const outDir = tmp();
    rebuildIndex(outDir);
    for (let i = 0; i < 20; i++) {
      fs.writeFileSync(path.join(outDir, 'bulletins', `x${i}.tmp`), 'x');
      fs.rmSync(path.join(outDir, 'bulletins', `x${i}.tmp`));
      markIndexCurrent(outDir);
      expect(indexLooksStale(outDir)).toBe(false);
    }
  });
});
