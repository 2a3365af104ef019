/**
 * Writing output without ever leaving a half-written file: write a temporary sibling, fsync, rename.
 * rename() within one directory is atomic on POSIX, so a reader sees the old file or the new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomicChunks(file, [data]);
}

/** The same, for a file written piece by piece (a manifest too large to hold as one string). */
export async function writeFileAtomicChunks(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Any failure (a full disk while writing, a read-only folder at rename) removes the temp file:
  // a failed write leaves the old file or nothing, never debris.
  try {
    const handle = await fs.promises.open(tmp, 'w');
    try {
      // Each writeFile on a handle continues where the last one ended.
      for (const chunk of chunks) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done; the next run removes it
    }
    throw err;
  }
}
