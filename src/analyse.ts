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
import { documentYear, pageDatesOf } from './segment/year-evidence.js';
import type { Message } from './types.js';

export interface IngestResult {
  record: BulletinRecord;
  messages: Message[];
}

export function analyseDocument(parsed: ParsedDocument, config: Config): IngestResult {
  const { blocks, ...extraction } = parsed.extraction;
  const lines = toLines(blocks);
  const { segmented, fallbackYear, pageDates } = withYear(segment(lines, config.markers), lines, parsed.sourcePath);
  const entities = extractEntities(itemTexts(segmented), {
    issueDate: segmented.masthead.date,
    lexicons: config.lexicons,
    fallbackYear,
    itemContexts: segmented.items.map((item, k) => ({ pageDate: pageDates[k] ?? null, heading: item.headingDate })),
  });
  const record = buildRecord({ sourcePath: parsed.sourcePath, digest: parsed.digest, extraction, segmented, entities });
  return { record, messages: record.messages };
}

const itemTexts = (s: Segmented) => s.items.map((item) => item.paragraphs.join('\n'));

/**
 * A masthead without a date: the year comes from the file's other evidence, and a web page's
 * publish date dates its items (its 今日/昨日 count from it). One page's date is also the masthead's;
 * a file of several pages with different dates has none.
 */
function withYear(segmented: Segmented, lines: Line[], sourcePath: string) {
  if (segmented.masthead.date) return { segmented, fallbackYear: undefined, pageDates: [] };
  const doc = documentYear(lines, itemTexts(segmented), sourcePath);
  const distinct = new Set(doc.published.map((p) => p.iso));
  const only = distinct.size === 1 ? doc.published[0].iso : null;
  const masthead = only ? { ...segmented.masthead, date: only, year: segmented.masthead.year ?? Number(only.slice(0, 4)) } : segmented.masthead;
  return {
    segmented: { ...segmented, masthead, messages: [...segmented.messages, ...doc.messages] },
    fallbackYear: doc.year?.year ?? null,
    pageDates: pageDatesOf(segmented.items.map((item) => item.paragraph), doc.published),
  };
}
