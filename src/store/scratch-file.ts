/**
 * Scratch SQLite files a run keeps in OUT (staged index rows, the run's state): never synced, deleted
 * after use, and named so that the next run removes one a crashed run left behind.
 */
import fs from 'node:fs';

/** Closes the database (if open) and deletes its file. Never throws for the close. */
export function discardScratchDatabase(db: { close(): unknown } | null, file: string): void {
  try {
    db?.close();
  } catch {
    // closing a broken connection: the file goes anyway
  }
  fs.rmSync(file, { force: true });
}
