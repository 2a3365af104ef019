/**
 * The pipeline's second stage: everything after extraction — normalisation and segmentation of the
 * text blocks, the entity pass over the items, and the validated record. It needs jieba and its
 * dictionaries (seconds to load, ~300 MB) and nothing of the extractors, so the batch runs it in a
 * few long-lived entity workers that serve many extraction workers (see src/batch/pool.ts).
 */
import type { Config } from './config.js';
import { EDITING_ROLES, REVIEWING_ROLES, takeTrailingBylines } from './entities/bylines.js';
import { extractEntities, type ItemDateContext } from './entities/index.js';
import { toLines } from './normalise/index.js';
import { restoreStrings, simplifiedShadow } from './normalise/script.js';
import { finishOcrSegments, itemConfidences, repairOcrLines } from './normalise/ocr-repair.js';
import type { ParsedDocument } from './parse.js';
import { buildRecord } from './record/build.js';
import type { BulletinRecord } from './record/schema.js';
import { segment, type Segmented } from './segment/index.js';
import type { Line } from './segment/lines.js';
import { documentYear, pageDatesOf, pageYears, pathSpan, pathYear } from './segment/year-evidence.js';
import { message, type Message } from './types.js';

export interface IngestResult {
  record: BulletinRecord;
  messages: Message[];
}

/** Record keys whose strings stay as they are when a traditional document's record is mapped back. */
const KEPT_IN_SHADOW = new Set(['source', 'id', 'canonical', 'code', 'severity', 'sha256']);

export function analyseDocument(parsed: ParsedDocument, config: Config): IngestResult {
  // A document in traditional characters is read through its simplified shadow (normalise/script.ts);
  // OCR output is simplified already (chi_sim).
  const shadow = parsed.extraction.ocr ? null : simplifiedShadow(parsed.extraction.blocks.map((b) => b.text));
  if (!shadow) return analyseText(parsed, config);
  const blocks = parsed.extraction.blocks.map((b, k) => ({ ...b, text: shadow.texts[k] }));
  const { record } = analyseText({ ...parsed, extraction: { ...parsed.extraction, blocks } }, config);
  const restored = restoreStrings(record, shadow.restore, KEPT_IN_SHADOW);
  restored.messages.push(message('info', 'traditional-script', `The document is written in traditional characters (${shadow.changed} converted); it was analysed in simplified characters and its record keeps the characters as printed (organisations' canonical names are simplified).`));
  return { record: restored, messages: restored.messages };
}

function analyseText(parsed: ParsedDocument, config: Config): IngestResult {
  const { blocks, ...extraction } = parsed.extraction;
  // OCR'd text gets its own repairs (and a stand-in item marker for unreadable glyphs); text from
  // files and text layers never goes through them.
  const ocr = extraction.ocr ? repairOcrLines(toLines(blocks), config.markers) : null;
  const lines = ocr ? ocr.lines : toLines(blocks);
  const parts = ocr ? finishOcrSegments(segment(ocr.lines, ocr.markers), ocr) : segment(lines, config.markers);
  // a page's <meta> publish date stands in when its text printed none
  parts.pageDate ??= extraction.pageDate ?? null;
  // a byline closing the document (德州晚报全媒体记者郑乃春整理) signs the record, not its last item
  const bylines = takeTrailingBylines(parts.items, config.lexicons);
  // (a name signing the document with no role, `——某党某支部 某某`, `（某某）`, is its writer: credited with the
  // editors, like a page's 作者)
  for (const b of bylines) if ((b.roles.length === 0 || b.roles.some((r) => EDITING_ROLES.has(r))) && !parts.footer.editors.includes(b.name)) parts.footer.editors.push(b.name);
  const { segmented, fallbackYear, contexts, postedDate } = withYear(parts, lines, parsed.sourcePath);
  const entities = extractEntities(itemTexts(segmented), {
    issueDate: segmented.masthead.date,
    lexicons: config.lexicons,
    fallbackYear,
    itemContexts: contexts,
  });
  // a reviewer or editor credited at the end of the text (`…。（撰稿人：王某，审稿人：李某）`, `（某报记者/张某 编辑/李某）`)
  // is the footer's
  const lastCredits = entities[entities.length - 1]?.bylines ?? [];
  const lastText = itemTexts(segmented).at(-1) ?? '';
  for (const b of lastCredits) {
    // (a bare name in brackets closing the text, `…。（某某）`, signs the document: its writer, with the editors)
    const closesText = b.roles.length === 0 && lastText.slice(b.span[1]).replace(/[\s）)]/gu, '') === '';
    if (closesText && !segmented.footer.editors.includes(b.name)) segmented.footer.editors.push(b.name);
    else if (b.roles.some((r) => REVIEWING_ROLES.has(r)) && !segmented.footer.reviewers.includes(b.name)) segmented.footer.reviewers.push(b.name);
    else if (b.roles.some((r) => EDITING_ROLES.has(r)) && !segmented.footer.editors.includes(b.name)) segmented.footer.editors.push(b.name);
  }
  const confidences = ocr ? itemConfidences(segmented.items, blocks) : undefined;
  const record = buildRecord({
    sourcePath: parsed.sourcePath,
    digest: parsed.digest,
    extraction,
    // a chronicle posted years after it: the page's date is the record's, though it dated none of the items
    segmented: postedDate ? { ...segmented, masthead: { ...segmented.masthead, date: postedDate } } : segmented,
    entities,
    bylines,
    confidences,
    lowConfidence: config.ocr.lowConfidence,
  });
  return { record, messages: record.messages };
}

const itemTexts = (s: Segmented) => s.items.map((item) => item.paragraphs.join('\n'));

/**
 * A masthead without a date: the year comes from the file's other evidence, and a web page's
 * publish date dates its items (its 今日/昨日 count from it). One page's date is also the masthead's;
 * a file of several pages with different dates has none. A file of several pages without publish
 * dates dates each page by its own evidence (year-evidence.ts: pageYears).
 */
function withYear(segmented: Segmented, lines: Line[], sourcePath: string) {
  const headings = segmented.items.map((item) => ({ pageDate: null, heading: item.headingDate }));
  if (segmented.masthead.date) {
    // a date line with no title or issue number over the text (a newspaper page's `2021年05月27日`) is the page's
    // date: its 昨天/今日 count from it, as from a publish-date line (a bulletin's issue date dates no 昨天)
    // (as is one printed with its weekday, whatever title the page shows: a bulletin prints no weekday)
    const pageOnly = (segmented.masthead.issue === null && segmented.masthead.title === null) || segmented.pageDate?.source === 'dateline';
    const contexts = pageOnly ? headings.map((h) => ({ ...h, pageDate: segmented.masthead.date })) : headings;
    return { segmented, fallbackYear: undefined, contexts, postedDate: null };
  }
  const texts = itemTexts(segmented);
  // The dates the web-chrome pass read off the meta lines it removed, and an HTML page's <meta> date.
  const found = [...segmented.pageDates, ...(segmented.pageDate && segmented.pageDate.at === null ? [segmented.pageDate] : [])];
  const doc = documentYear(lines, texts, sourcePath, found.map((d) => ({ index: d.at ?? -1, iso: d.date, text: d.text })));
  const distinct = new Set(doc.published.map((p) => p.iso));
  const pages = pagesOf(segmented);
  // several pages of which only some print a publish date: that date is its own page's, not the file's
  const pageDates = pageDatesOf(segmented.items.map((item) => item.pageFrom ?? item.paragraph), doc.published);
  // (a page above the first publish date has none: its own page's, not a later one's)
  const partlyDated = pages !== null && doc.published.length > 0 && pages.starts.some((start) => pageDates[start] === null);
  const only = distinct.size === 1 && !partlyDated ? doc.published[0].iso : null;
  const masthead = only ? { ...segmented.masthead, date: only, year: segmented.masthead.year ?? Number(only.slice(0, 4)) } : segmented.masthead;
  const messages = [...segmented.messages];
  const contexts: ItemDateContext[] = headings.map((h, k) => ({ ...h, pageDate: pageDates[k] ?? null }));
  if (pages && partlyDated) {
    // the pages above the first publish date are dated by their own evidence (pageYears), not by a later page's
    const pageTexts = pages.starts.map((start, p) => texts.slice(start, pages.starts[p + 1] ?? texts.length));
    const years = pageYears(pageTexts, pathSpan(sourcePath), pathYear(sourcePath));
    contexts.forEach((c, k) => {
      if (c.pageDate === null) c.year = years[pages.pageOf[k]]?.year ?? null;
    });
    const told = years.map((y, p) => `page ${p + 1}: ${y ? `${y.year} from ${y.evidence}` : 'none'}`).join('; ');
    messages.push(message('info', 'page-years', `The file holds ${pageTexts.length} pages, not all under a publish date; pages above the first dated one take their own year (${told}).`));
    return { segmented: { ...segmented, masthead, messages }, fallbackYear: doc.year?.year ?? null, contexts, postedDate: null };
  }
  // Pages without publish dates, when the file's year is no better than its text or path: each its own.
  if (pages && doc.published.length === 0 && (doc.year === null || doc.year.source === 'text' || doc.year.source === 'path')) {
    const pageTexts = pages.starts.map((start, p) => texts.slice(start, pages.starts[p + 1] ?? texts.length));
    const years = pageYears(pageTexts, pathSpan(sourcePath), pathYear(sourcePath));
    contexts.forEach((c, k) => (c.year = years[pages.pageOf[k]]?.year ?? null));
    const told = years.map((y, p) => `page ${p + 1}: ${y ? `${y.year} from ${y.evidence}` : 'none'}`).join('; ');
    messages.push(message('info', 'page-years', `The file holds ${pageTexts.length} pages; each takes its own year (${told}).`));
  } else {
    messages.push(...doc.messages);
  }
  const postedDate = pages === null && new Set(doc.posted.map((p) => p.iso)).size === 1 ? doc.posted[0].iso : null;
  return { segmented: { ...segmented, masthead, messages }, fallbackYear: doc.year?.year ?? null, contexts, postedDate };
}

/**
 * The pages of a file that holds several glyph-less articles, each under its own title (web pages
 * copied one after another): the index of each page's first item, and each item's page. Null for
 * any other document.
 */
function pagesOf(segmented: Segmented): { starts: number[]; pageOf: number[] } | null {
  const items = segmented.items;
  if (items.some((item) => item.marker !== null || item.section !== null)) return null;
  // a page opens under its own title, or after the credit line that signed the page above (`农工党某市委 葛某`),
  // or after the frame (breadcrumb, publish line) web-chrome removal took from above it
  const opensPage = (k: number) => k > 0 && (items[k].headline !== null || items[k - 1].signed === true || items[k].pageFrom !== undefined);
  const starts = items.flatMap((item, k) => (k === 0 || opensPage(k) ? [k] : []));
  if (items.filter((_, k) => opensPage(k) || (k === 0 && items[0].headline !== null)).length < 2) return null;
  const pageOf = items.map((_, k) => starts.filter((s) => s <= k).length - 1);
  return { starts, pageOf };
}
