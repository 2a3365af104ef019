/**
 * OUT/items.jsonl: one line per item of every record, for grep/jq/DuckDB users. Rebuilt from the
 * record files at the end of each run, so it always matches OUT/bulletins; order is record id, then
 * item order. Written line by line into a temporary file that replaces the old one only when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BulletinRecord } from '../record/schema.js';

export const ITEMS_FILE = 'items.jsonl';

export function itemLines(record: BulletinRecord): string[] {
  return record.items.map(({ section, ...item }) =>
    JSON.stringify({ recordId: record.id, issueDate: record.masthead.date, source: record.source.path, section, ...item }),
  );
}

/**
 * Writes items.jsonl from the given record files (relative to outDir, any order) and hands each
 * record to `onRecord` on the way, so callers needing the records read them only once.
 */
export async function rebuildItems(
  outDir: string,
  recordFiles: readonly { id: string; file: string }[],
  onRecord?: (record: BulletinRecord) => void,
): Promise<number> {
  const sorted = [...recordFiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const target = path.join(outDir, ITEMS_FILE);
  const tmp = path.join(outDir, `.${ITEMS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.promises.open(tmp, 'w');
  let lines = 0;
  try {
    let buffer = '';
    for (const { file } of sorted) {
      const record = JSON.parse(await fs.promises.readFile(path.join(outDir, file), 'utf8')) as BulletinRecord;
      onRecord?.(record);
      for (const line of itemLines(record)) {
        buffer += `${line}\n`;
        lines++;
      }
      if (buffer.length > 1 << 20) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    await handle.write(buffer);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await fs.promises.rename(tmp, target);
  return lines;
}
