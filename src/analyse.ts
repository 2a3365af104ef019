/**
 * The pipeline's second stage: everything after extraction — normalisation and segmentation of the
 * text blocks, the entity pass over the items, and the validated record. It needs jieba and its
 * dictionaries (seconds to load, ~300 MB) and nothing of the extractors, so the batch runs it in a
 * few long-lived entity workers that serve many extraction workers (see src/batch/pool.ts).
 */
import type { Config } from './config.js';
import { extractEntities } from './entities/index.js';
import { toLines } from './normalise/index.js';
import { finishOcrSegments, itemConfidences, repairOcrLines } from './normalise/ocr-repair.js';
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
  // OCR'd text gets its own repairs (and a stand-in item marker for unreadable glyphs); text from
  // files and text layers never goes through them.
  const ocr = extraction.ocr ? repairOcrLines(toLines(blocks), config.markers) : null;
  const segmented = ocr ? finishOcrSegments(segment(ocr.lines, ocr.markers), ocr) : segment(toLines(blocks), config.markers);
  const entities = extractEntities(
    segmented.items.map((item) => item.paragraphs.join('\n')),
    { issueDate: segmented.masthead.date, lexicons: config.lexicons },
  );
  const confidences = ocr ? itemConfidences(segmented.items, blocks) : undefined;
  const record = buildRecord({ sourcePath: parsed.sourcePath, digest: parsed.digest, extraction, segmented, entities, confidences, lowConfidence: config.ocr.lowConfidence });
  return { record, messages: record.messages };
}
