/**
 * OUT/items.jsonl: one line per item of every record, for grep/jq/DuckDB users. It always matches
 * OUT/bulletins; order is record id, then item order. Written line by line into a temporary file that
 * replaces the old one only when complete.
 *
 * `rebuildItems` makes it from the record files. An ingest run uses `writeItems` instead, which gives
 * the same bytes without parsing every record again: the lines of records written this run were staged
 * (`ItemsStaging`) when they arrived, and an unchanged record's lines are taken over from the previous
 * items.jsonl, which is sorted the same way, as long as its record file has not been touched since
 * that file was written. Anything that does not line up is read from the record file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { discardScratchDatabase } from '../store/scratch-file.js';
import { issueIdFor } from '../record/issue-id.js';
import type { BulletinRecord } from '../record/schema.js';

export const ITEMS_FILE = 'items.jsonl';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A record's items.jsonl lines (the shape of `itemLineSchema`; its issue id ties renditions of one issue). */
export function itemLines(record: BulletinRecord): string[] {
  const issueId = issueIdFor(record);
  return record.items.map(({ section, ...item }) =>
    JSON.stringify({ recordId: record.id, issueId, issueDate: record.masthead.date, source: record.source.path, section, ...item }),
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
  const sorted = [...recordFiles].sort(byId);
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

/**
 * The item lines of the records an ingest run writes, kept as each record arrives in a scratch SQLite
 * file in OUT (one row per record: its lines as UTF-8 bytes), so nothing per record stays in memory.
 * Deleted after use (a crashed run's file is removed by the next run).
 */
export class ItemsStaging {
  readonly file: string;
  private db: Database.Database | null;
  private readonly statements;

  constructor(outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
    this.file = path.join(outDir, `.${ITEMS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.staging.tmp`);
    const db = new Database(this.file);
    this.db = db;
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec('CREATE TABLE staged (id TEXT PRIMARY KEY, lines INTEGER NOT NULL, bytes BLOB NOT NULL) WITHOUT ROWID; BEGIN');
      this.statements = {
        add: db.prepare('INSERT OR REPLACE INTO staged (id, lines, bytes) VALUES (?, ?, ?)'),
        drop: db.prepare('DELETE FROM staged WHERE id = ?'),
        has: db.prepare('SELECT 1 FROM staged WHERE id = ?').pluck(),
        read: db.prepare('SELECT lines, bytes FROM staged WHERE id = ?'),
      };
    } catch (err) {
      this.discard();
      throw err;
    }
  }

  /** Stages a record's lines (replacing an earlier record with its id). */
  add(record: BulletinRecord): void {
    const lines = itemLines(record);
    this.open().add.run(record.id, lines.length, Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8'));
  }

  /** Forgets a staged record (its id changed, or its file is gone). */
  drop(id: string): void {
    this.open().drop.run(id);
  }

  has(id: string): boolean {
    return !!this.open().has.get(id);
  }

  /** A staged record's lines (UTF-8, each ending in a newline), and how many there are. */
  read(id: string): { bytes: Buffer; lines: number } {
    const row = this.open().read.get(id) as { bytes: Buffer; lines: number } | undefined;
    if (!row) throw new Error(`no staged items for record ${id}`);
    return row;
  }

  /** Closes and deletes the staging file. */
  discard(): void {
    const db = this.db;
    this.db = null;
    discardScratchDatabase(db, this.file);
  }

  private open(): NonNullable<ItemsStaging['statements']> {
    if (!this.db || !this.statements) throw new Error('the items staging area is closed');
    return this.statements;
  }
}

export interface ItemsRecord {
  id: string;
  /** The record file, relative to outDir. */
  file: string;
  /** Items in the record, as the manifest says. */
  items: number;
  /** Written this run: its lines are staged, or read from its file; never taken from the previous items.jsonl. */
  changed: boolean;
}

export interface WriteItemsOptions {
  /** Lines of the records written this run. */
  staged?: ItemsStaging | null;
  /**
   * Take unchanged records' lines from the previous items.jsonl. Only when it was written by this tool
   * version (the line format is the tool's).
   */
  reusePrevious?: boolean;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Writes items.jsonl for the given records (an array in any order, or any iterable in id order, so
 * a batch run can stream them from its state): byte for byte what `rebuildItems` writes from the
 * same record files. Lines are moved as bytes (decoding the mostly Chinese text would cost more than
 * the rest). Returns the number of lines.
 */
export async function writeItems(outDir: string, records: readonly ItemsRecord[] | Iterable<ItemsRecord>, options: WriteItemsOptions = {}): Promise<number> {
  const sorted = Array.isArray(records) ? [...(records as readonly ItemsRecord[])].sort(byId) : records;
  const target = path.join(outDir, ITEMS_FILE);
  const previous = options.reusePrevious ? await PreviousItems.open(target) : null;
  const tmp = path.join(outDir, `.${ITEMS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.promises.open(tmp, 'w');
  let lines = 0;
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const add = (bytes: Buffer) => {
      pending.push(bytes);
      pendingBytes += bytes.length;
    };
    const flush = async () => {
      if (pending.length > 0) await handle.writev(pending);
      pending = [];
      pendingBytes = 0;
    };
    for (const record of sorted) {
      let done = false;
      if (record.changed) {
        if (options.staged?.has(record.id)) {
          const staged = options.staged.read(record.id);
          add(staged.bytes);
          lines += staged.lines;
          done = true;
        }
      } else if (previous) {
        const reused = await previous.take(record.id, path.join(outDir, record.file), record.items);
        if (reused) {
          for (const line of reused) add(line);
          lines += reused.length;
          done = true;
        }
      }
      if (!done) {
        const parsed = JSON.parse(await fs.promises.readFile(path.join(outDir, record.file), 'utf8')) as BulletinRecord;
        const own = itemLines(parsed);
        add(Buffer.from(own.map((line) => `${line}\n`).join(''), 'utf8'));
        lines += own.length;
      }
      if (pendingBytes > CHUNK_BYTES) await flush();
    }
    await flush();
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.promises.rm(tmp, { force: true });
    throw err;
  } finally {
    await previous?.close();
  }
  await handle.close();
  await fs.promises.rename(tmp, target);
  return lines;
}

const RECORD_ID_PREFIX = Buffer.from('{"recordId":"', 'utf8');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * The record id a line of items.jsonl starts with, or null for a line that does not look like one.
 * (Bytes of multi-byte UTF-8 characters are all ≥ 0x80, so they are never taken for `"` or `\`.)
 */
function recordIdOf(line: Buffer): string | null {
  if (line.length <= RECORD_ID_PREFIX.length || line.compare(RECORD_ID_PREFIX, 0, RECORD_ID_PREFIX.length, 0, RECORD_ID_PREFIX.length) !== 0) return null;
  let escaped = false;
  for (let i = RECORD_ID_PREFIX.length; i < line.length; i++) {
    const c = line[i];
    if (c === BACKSLASH) {
      escaped = true;
      i++;
    } else if (c === QUOTE) {
      if (!escaped) return line.toString('utf8', RECORD_ID_PREFIX.length, i);
      try {
        return JSON.parse(line.toString('utf8', RECORD_ID_PREFIX.length - 1, i + 1)) as string;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The previous items.jsonl, read forward once. Lines of one record are handed out only when they are
 * all there (as many as the record has items, one after another) and the record file was not changed
 * (ctime, which renames and content writes set and tools cannot backdate) since items.jsonl was last
 * written: then they are what the record file gives.
 */
class PreviousItems {
  private head: { line: Buffer; id: string | null } | null | undefined;
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;
  private position = 0;
  private ended = false;

  private constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly writtenMs: number,
  ) {}

  static async open(file: string): Promise<PreviousItems | null> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch {
      return null;
    }
    try {
      return new PreviousItems(handle, (await handle.stat()).mtimeMs);
    } catch {
      await handle.close();
      return null;
    }
  }

  /** The lines (each with its newline) of record `id`, or null when they cannot be used. */
  async take(id: string, recordFile: string, items: number): Promise<Buffer[] | null> {
    let head = await this.peek();
    // Lines of records that are gone or changed come first (or are unreadable): pass over them.
    while (head && (head.id === null || head.id < id)) head = await this.advance();
    const taken: Buffer[] = [];
    while (head && head.id === id) {
      taken.push(head.line);
      head = await this.advance();
    }
    if (taken.length !== items || !Number.isInteger(items)) return null;
    try {
      if (fs.statSync(recordFile).ctimeMs >= this.writtenMs) return null;
    } catch {
      return null;
    }
    return taken;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private async peek(): Promise<{ line: Buffer; id: string | null } | null> {
    if (this.head === undefined) await this.advance();
    return this.head ?? null;
  }

  private async advance(): Promise<{ line: Buffer; id: string | null } | null> {
    const line = await this.nextLine();
    this.head = line === null ? null : { line, id: recordIdOf(line) };
    return this.head;
  }

  /** The next line with its newline (a view of the chunk it is in); a last line without one is left out. */
  private async nextLine(): Promise<Buffer | null> {
    for (;;) {
      const end = this.chunk.indexOf(NEWLINE, this.at);
      if (end >= 0) {
        const line = this.chunk.subarray(this.at, end + 1);
        this.at = end + 1;
        return line;
      }
      if (this.ended) return null;
      // Each chunk is a fresh buffer: lines handed out earlier stay valid.
      const rest = this.chunk.subarray(this.at);
      const fresh = Buffer.allocUnsafeSlow(rest.length + CHUNK_BYTES);
      rest.copy(fresh);
      const { bytesRead } = await this.handle.read(fresh, rest.length, CHUNK_BYTES, this.position);
      this.position += bytesRead;
      if (bytesRead === 0) this.ended = true;
      this.chunk = fresh.subarray(0, rest.length + bytesRead);
      this.at = 0;
    }
  }
}
