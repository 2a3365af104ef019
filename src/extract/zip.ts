/**
 * Reads a docx's zip container with yauzl, defending against zip bombs: the central directory's
 * declared sizes are checked before anything is inflated, and inflation is stopped if an entry
 * produces more than it declared (yauzl's validateEntrySizes) or the total passes the limit.
 */
import yauzl from 'yauzl';
import { IngestError } from '../types.js';

/** Deflate reaches ~1000:1 on runs of zeros; real docx XML stays far below 100:1. */
const MAX_COMPRESSION_RATIO = 200;
/** Small entries may compress absurdly well (a blank part); only judge the ratio past this size. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export interface ZipArchive {
  names: Set<string>;
  /** Inflates one entry; null when the archive has no entry of that name. */
  read(name: string): Promise<Buffer | null>;
  close(): void;
}

export async function openZip(bytes: Buffer, maxInflatedBytes: number): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err || !z ? reject(corrupt(err)) : resolve(z),
    );
  });
  let entries: yauzl.Entry[];
  try {
    entries = await listEntries(zip);
  } catch (err) {
    zip.close();
    throw err instanceof IngestError ? err : corrupt(err);
  }

  let declaredTotal = 0;
  for (const entry of entries) {
    declaredTotal += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      zip.close();
      throw new IngestError('zip-bomb', `Zip entry ${entry.fileName} would inflate ${Math.round(ratio)}:1 (${entry.uncompressedSize} bytes); refusing to inflate it.`);
    }
  }
  if (declaredTotal > maxInflatedBytes) {
    zip.close();
    throw new IngestError('zip-bomb', `The archive would inflate to ${declaredTotal} bytes, over the limit of ${maxInflatedBytes}; refusing to inflate it.`);
  }

  const byName = new Map(entries.map((e) => [e.fileName, e]));
  let inflated = 0;
  return {
    names: new Set(byName.keys()),
    close: () => zip.close(),
    read: async (name) => {
      const entry = byName.get(name);
      if (!entry) return null;
      const data = await readEntry(zip, entry, maxInflatedBytes - inflated);
      inflated += data.length;
      return data;
    },
  };
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err) => reject(corrupt(err)));
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(err));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.destroy();
          reject(new IngestError('zip-bomb', `Inflating ${entry.fileName} passed the limit on inflated bytes; stopped.`));
          return;
        }
        chunks.push(chunk);
      });
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', (e) => reject(corrupt(e)));
    });
  });
}

function corrupt(err: unknown): IngestError {
  const detail = err instanceof Error ? err.message : String(err);
  if (/encrypt/i.test(detail)) return new IngestError('encrypted', `The zip archive is encrypted: ${detail}`, { cause: err });
  return new IngestError('corrupt-file', `The file is a damaged or truncated zip archive: ${detail}`, { cause: err });
}
