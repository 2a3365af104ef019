/**
 * ingestFile: the pure per-file pipeline (sniff → extract → normalise → segment → entities → record).
 * No global state and no output writing, so the batch can run it in worker threads. It throws only
 * IngestError, for files that cannot be read at all; everything else becomes a message on the record.
 */
import fs from 'node:fs/promises';
import type { Config } from './config.js';
import { extractEntities } from './entities/index.js';
import { extract } from './extract/index.js';
import { toLines } from './normalise/index.js';
import { buildRecord } from './record/build.js';
import type { BulletinRecord } from './record/schema.js';
import { segment } from './segment/index.js';
import { IngestError, type Message } from './types.js';

export interface IngestResult {
  record: BulletinRecord;
  messages: Message[];
}

export async function ingestFile(filePath: string, config: Config, options: { displayPath?: string } = {}): Promise<IngestResult> {
  let size: number;
  try {
    size = (await fs.stat(filePath)).size;
  } catch (err) {
    throw new IngestError('read-failed', `Cannot read ${filePath}: ${(err as Error).message}`, { cause: err });
  }
  if (size > config.limits.maxFileBytes) {
    throw new IngestError('too-large', `File is ${size} bytes, over the limit of ${config.limits.maxFileBytes} (limits.maxFileBytes).`);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (err) {
    throw new IngestError('read-failed', `Cannot read ${filePath}: ${(err as Error).message}`, { cause: err });
  }
  return ingestBytes(bytes, options.displayPath ?? filePath, config);
}

export async function ingestBytes(bytes: Buffer, sourcePath: string, config: Config): Promise<IngestResult> {
  const extraction = await extract(bytes, { limits: config.limits, fileName: sourcePath });
  const segmented = segment(toLines(extraction.blocks), config.markers);
  const entities = extractEntities(
    segmented.items.map((item) => item.paragraphs.join('\n')),
    { issueDate: segmented.masthead.date, lexicons: config.lexicons },
  );
  const record = buildRecord({ sourcePath, bytes, extraction, segmented, entities });
  return { record, messages: record.messages };
}
