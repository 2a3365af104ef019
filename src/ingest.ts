/**
 * ingestFile: the whole per-file pipeline in one call (sniff → extract → normalise → segment →
 * entities → record): the first stage in src/parse.ts, the second in src/analyse.ts. No global
 * state and no output writing. It throws only IngestError, for files that cannot be read at all;
 * everything else becomes a message on the record. The batch runs the two stages in separate
 * worker threads instead (src/batch/pool.ts).
 */
import { analyseDocument, type IngestResult } from './analyse.js';
import type { Config } from './config.js';
import { parseDocument, readSource } from './parse.js';

export type { IngestResult } from './analyse.js';
export type { ParsedDocument } from './parse.js';

export async function ingestFile(filePath: string, config: Config, options: { displayPath?: string } = {}): Promise<IngestResult> {
  const bytes = readSource(filePath, config);
  return ingestBytes(bytes, options.displayPath ?? filePath, config);
}

export async function ingestBytes(bytes: Buffer, sourcePath: string, config: Config): Promise<IngestResult> {
  return analyseDocument(await parseDocument(bytes, sourcePath, config), config);
}
