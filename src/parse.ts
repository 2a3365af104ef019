/**
 * The pipeline's first stage: everything that depends on the file's format. Bytes are sniffed and
 * extracted into neutral text blocks — a ParsedDocument, a plain, structured-cloneable value, so the
 * batch can hand it from an extraction worker to an entity worker (see src/batch/pool.ts). The
 * second stage (src/analyse.ts) does the rest: this one is the batch's critical path, so it does
 * nothing the extractors' libraries are not needed for. Throws only IngestError, for files that
 * cannot be read at all.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Config } from './config.js';
import { extract } from './extract/index.js';
import { IngestError, type Extraction } from './types.js';

export interface ParsedDocument {
  sourcePath: string;
  /** Of the source bytes, for the record's provenance. */
  digest: { sha256: string; bytes: number };
  extraction: Extraction;
}

/**
 * Reads a file within the size limit, with typed errors for what cannot be read. Synchronous on
 * purpose: it runs in an extraction worker that does one file at a time, and the asynchronous calls
 * (stat, open, read, close) each wait for a turn in libuv's thread pool and a wake-up of the worker —
 * 1.1 s over a 720-file import on 2 cores, against 0.07 s read this way.
 */
export function readSource(filePath: string | Buffer, config: Config): Buffer {
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch (err) {
    throw new IngestError('read-failed', `Cannot read ${filePath}: ${(err as Error).message}`, { cause: err });
  }
  if (size > config.limits.maxFileBytes) {
    throw new IngestError('too-large', `File is ${size} bytes, over the limit of ${config.limits.maxFileBytes} (limits.maxFileBytes).`);
  }
  try {
    return fs.readFileSync(filePath);
  } catch (err) {
    throw new IngestError('read-failed', `Cannot read ${filePath}: ${(err as Error).message}`, { cause: err });
  }
}

export async function parseDocument(bytes: Uint8Array, sourcePath: string, config: Config): Promise<ParsedDocument> {
  const extraction = await extract(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), { limits: config.limits, fileName: sourcePath });
  const digest = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
  return { sourcePath, digest, extraction };
}
