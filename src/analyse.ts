/**
 * The pipeline's second stage: everything after extraction — normalisation and segmentation of the
 * text blocks, the entity pass over the items, and the validated record. It needs jieba and its
 * dictionaries (seconds to load, ~300 MB) and nothing of the extractors, so the batch runs it in a
 * few long-lived entity workers that serve many extraction workers (see src/batch/pool.ts).
 */
import type { Config } from './config.js';
import { extractEntities } from './entities/index.js';
import { toLines } from './normalise/index.js';
import type { ParsedDocument } from './parse.js';
import { buildRecord } from './record/build.js';
import type { BulletinRecord } from './record/schema.js';
import { segment, type Segmented } from './segment/index.js';
import type { Line } from './segment/lines.js';
import { documentYear } from './segment/year-evidence.js';
import type { Message } from './types.js';

export interface IngestResult {
  record: BulletinRecord;
  messages: Message[];
}

export function analyseDocument(parsed: ParsedDocument, config: Config): IngestResult {
  const { blocks, ...extraction } = parsed.extraction;
  const lines = toLines(blocks);
  const itemTexts = (s: Segmented) => s.items.map((item) => item.paragraphs.join('\n'));
  const { segmented, fallbackYear, pageDate } = withYear(segment(lines, config.markers), lines, parsed.sourcePath, itemTexts);
  const entities = extractEntities(itemTexts(segmented), {
    issueDate: segmented.masthead.date,
    lexicons: config.lexicons,
    fallbackYear,
    pageDate,
    headingDates: segmented.items.map((item) => item.headingDate),
  });
  const record = buildRecord({ sourcePath: parsed.sourcePath, digest: parsed.digest, extraction, segmented, entities });
  return { record, messages: record.messages };
}

/**
 * A masthead without a date: the year comes from the file's other evidence, and a web page's
 * publish date stands in for the issue date (it is the date the page's 今日/昨日 count from).
 */
function withYear(segmented: Segmented, lines: Line[], sourcePath: string, itemTexts: (s: Segmented) => string[]) {
  if (segmented.masthead.date) return { segmented, fallbackYear: undefined, pageDate: null };
  const doc = documentYear(lines, itemTexts(segmented), sourcePath);
  const masthead = doc.pageDate ? { ...segmented.masthead, date: doc.pageDate, year: segmented.masthead.year ?? Number(doc.pageDate.slice(0, 4)) } : segmented.masthead;
  return {
    segmented: { ...segmented, masthead, messages: [...segmented.messages, ...doc.messages] },
    fallbackYear: doc.year?.year ?? null,
    pageDate: doc.pageDate,
  };
}
