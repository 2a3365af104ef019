/**
 * Whether an earlier run's record file can stand for an unchanged input. A record damaged in OUT
 * (cut short, edited by hand, zeroed by a disk fault) must not be kept as "skipped", or every later
 * step that reads it (id moves, items.jsonl, the index) would fail: the file is redone instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestEntry } from './manifest.js';

/** Null when the record is usable; `missing`, or why it is damaged. */
export async function damagedRecord(outDir: string, entry: Pick<ManifestEntry, 'record' | 'id' | 'items'>): Promise<string | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(outDir, entry.record!), 'utf8');
  } catch {
    return 'missing';
  }
  let record: { id?: unknown; items?: unknown };
  try {
    record = JSON.parse(text) as { id?: unknown; items?: unknown };
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  if (!record || typeof record !== 'object') return 'not a record';
  if (record.id !== entry.id) return `its id is ${JSON.stringify(record.id)}, not ${JSON.stringify(entry.id)}`;
  if (!Array.isArray(record.items) || record.items.length !== entry.items) return 'its items do not match the manifest';
  return null;
}
