/**
 * The pipeline's second stage: everything after extraction — normalisation and segmentation of the
 * text blocks, the entity pass over the items, and the validated record. It needs jieba and its
 * dictionaries (seconds to load, ~300 MB) and nothing of the extractors, so the batch runs it in a
 * few long-lived entity workers that serve many extraction workers (see src/batch/pool.ts).
 */
import type { Config } from './config.js';
import { EDITING_ROLES, takeTrailingBylines } from './entities/bylines.js';
import { extractEntities } from './entities/index.js';
import { toLines } from './normalise/index.js';
import type { ParsedDocument } from './parse.js';
import { buildRecord } from './record/build.js';
import type { BulletinRecord } from './record/schema.js';
import { segment } from './segment/index.js';
import type { Message } from './types.js';

export interface IngestResult {
  record: BulletinRecord;
  messages: Message[];
}

export function analyseDocument(parsed: ParsedDocument, config: Config): IngestResult {
  const { blocks, ...extraction } = parsed.extraction;
  const segmented = segment(toLines(blocks), config.markers);
  // a page's <meta> publish date stands in when its text printed none
  segmented.pageDate ??= extraction.pageDate ?? null;
  // a byline closing the document (德州晚报全媒体记者郑乃春整理) signs the record, not its last item
  const bylines = takeTrailingBylines(segmented.items, config.lexicons);
  for (const b of bylines) if (b.roles.some((r) => EDITING_ROLES.has(r)) && !segmented.footer.editors.includes(b.name)) segmented.footer.editors.push(b.name);
  const entities = extractEntities(
    segmented.items.map((item) => item.paragraphs.join('\n')),
    { issueDate: segmented.masthead.date, lexicons: config.lexicons },
  );
  const record = buildRecord({ sourcePath: parsed.sourcePath, digest: parsed.digest, extraction, segmented, entities, bylines });
  return { record, messages: record.messages };
}
