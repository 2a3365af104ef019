/**
 * The pipeline's first stage: everything that depends on the file's format. Bytes are sniffed,
 * extracted, normalised and segmented into a ParsedDocument — a plain, structured-cloneable value,
 * so the batch can hand it from an extraction worker to an entity worker (see src/batch/pool.ts).
 * Throws only IngestError, for files that cannot be read at all.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Config } from './config.js';
import { extract } from './extract/index.js';
import { toLines } from './normalise/index.js';
import { segment, type Segmented } from './segment/index.js';
import { IngestError, type Extraction } from './types.js';

export interface ParsedDocument {
  sourcePath: string;
  /** Of the source bytes, for the record's provenance. */
  digest: { sha256: string; bytes: number };
  /** What the record needs of the extraction: its blocks have become `segmented`. */
  extraction: Omit<Extraction, 'blocks'>;
  segmented: Segmented;
}

/** Reads a file within the size limit, with typed errors for what cannot be read. */
export async function readSource(filePath: string, config: Config): Promise<Buffer> {
  let size: number;
  try {
    size = (await fs.stat(filePath)).size;
  } catch (err) {
    throw new IngestError('read-failed', `Cannot read ${filePath}: ${(err as Error).message}`, { cause: err });
  }
  if (size > config.limits.maxFileBytes) {
    throw new IngestError('too-large', `File is ${size} bytes, over the limit of ${config.limits.maxFileBytes} (limits.maxFileBytes).`);
  }
  try {
    return await fs.readFile(filePath);
  } catch (err) {
    throw new IngestError('read-failed', `Cannot read ${filePath}: ${(err as Error).message}`, { cause: err });
  }
}

export async function parseDocument(bytes: Uint8Array, sourcePath: string, config: Config): Promise<ParsedDocument> {
  const { blocks, ...extraction } = await extract(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), { limits: config.limits, fileName: sourcePath });
  const segmented = segment(toLines(blocks), config.markers);
  const digest = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
  return { sourcePath, digest, extraction, segmented };
}
