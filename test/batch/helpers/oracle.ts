/**
 * What OUT/items.jsonl and OUT/index.sqlite should hold, made the slow way from the record files on
 * disk (rebuildItems, rebuildIndex), to check what a run left against.
 */
import { JOURNAL_FILE } from '../../../src/batch/journal.js';
import { MARKER_FILE } from '../../../src/batch/out-marker.js';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Manifest } from '../../../src/batch/manifest.js';
import { rebuildItems } from '../../../src/batch/items.js';
import { indexPath } from '../../../src/store/index-db.js';
import { rebuildIndex } from '../../../src/store/sqlite-index.js';

/** The index's rows, without the row ids (which depend on the order records were indexed in). */
export function indexContent(outDir: string) {
  const db = new Database(indexPath(outDir), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      records: all('SELECT * FROM records ORDER BY id'),
      items: all(`SELECT id, record_id, seq, section, marker, headline, text, date_text, date_start, date_end, part_of_day, page, paragraph,
                         people_json, organisations_json, places_json FROM items ORDER BY id`),
      people: all('SELECT item_id, name, titles FROM people ORDER BY item_id, rowid'),
      personTitles: all('SELECT item_id, name, title FROM person_titles ORDER BY item_id, rowid'),
      organisations: all('SELECT item_id, name FROM organisations ORDER BY item_id, rowid'),
      places: all('SELECT item_id, name FROM places ORDER BY item_id, rowid'),
      // The full-text table follows the items table.
      found: db.prepare("SELECT i.id FROM items_fts JOIN items i ON i.pk = items_fts.rowid WHERE items_fts MATCH 'item' ORDER BY i.id").pluck().all(),
      version: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/** items.jsonl and the index content a rebuild from OUT/bulletins (and the manifest's records) gives. */
export async function rebuiltFromRecords(outDir: string): Promise<{ items: string; index: ReturnType<typeof indexContent> }> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-oracle-'));
  try {
    fs.cpSync(path.join(outDir, 'bulletins'), path.join(scratch, 'bulletins'), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    const live = manifest.files.filter((e) => e.status !== 'failed' && e.record && e.id);
    await rebuildItems(scratch, live.map((e) => ({ id: e.id!, file: e.record! })));
    rebuildIndex(scratch);
    return { items: fs.readFileSync(path.join(scratch, 'items.jsonl'), 'utf8'), index: indexContent(scratch) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Files in OUT (top level) that a run should not leave behind: temporary and scratch files. */
export function leftovers(outDir: string): string[] {
  return fs.readdirSync(outDir).filter((name) => (name.startsWith('.') && name !== MARKER_FILE) || name.endsWith('.tmp') || name.endsWith('-journal') || name === JOURNAL_FILE);
}
