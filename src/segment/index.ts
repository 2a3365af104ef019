/**
 * Segmentation: masthead, body (sections and items) and footer, from normalised lines.
 * Order matters: the masthead and footer are cut off first, because their short unpunctuated
 * lines would otherwise be glued together by line-break repair, which then runs on the body only.
 */
import type { Config } from '../config.js';
import type { Footer, Masthead, Section } from '../record/schema.js';
import { message, type Message, type PageDate } from '../types.js';
import { repairLineBreaks } from '../normalise/line-breaks.js';
import { removePageFurniture } from '../normalise/page-furniture.js';
import { removeWebChrome } from '../normalise/web-chrome.js';
import { repairGluedMonths } from '../normalise/glued-months.js';
import { splitInlineEntries } from '../normalise/inline-entries.js';
import { discoverMarkers } from './auto-markers.js';
import { chronicleTitleMonth, isChronicle, matchChronicleLine, matchDayLead } from './chronicle.js';
import { isFooterLine, matchItemStart, type Markers } from './classify.js';
import { segmentBody, sectionDetector, type SegmentedItem } from './body.js';
import { parseFullDate } from '../entities/index.js';
import { parseFooter } from './footer.js';
import type { Line } from './lines.js';
import { mastheadEnd, parseMasthead } from './masthead.js';

export interface Segmented {
  masthead: Masthead;
  sections: Section[];
  items: SegmentedItem[];
  footer: Footer;
  messages: Message[];
  /** The publish date the page's chrome printed (see normalise/web-chrome.ts), kept as evidence for years. */
  pageDate: PageDate | null;
  /** Every meta-line date, in order (several pages in one file: one each; `at` places it among the items). */
  pageDates: PageDate[];
}

export type { SegmentedItem } from './body.js';

/** A line of running text this long, with a sentence end, is the body's: no footer starts above it. */
const MIN_STORY_LINE = 30;

/** Index of the first footer line: a labelled line after which no section, item or story text starts. */
function footerStart(lines: Line[], from: number, opensBody: (l: Line) => boolean): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i];
    // (nor after running text: an `编辑：某某` line under a page's headline starts no footer above the story)
    if (opensBody(line) || (!isFooterLine(line.raw) && line.text.length >= MIN_STORY_LINE && /[。！？]/u.test(line.text))) break;
    if (isFooterLine(line.raw)) start = i;
    // (another page of the file starts here: the labelled lines above close that page, not the file)
    if (line.pageStart !== undefined) break;
  }
  // Rules and blank furniture just above the footer belong to it, not to the last item.
  while (start > from && lines[start - 1].kind === 'rule') start--;
  return start;
}

export function segment(lines: Line[], configured: Markers = defaultMarkers()): Segmented {
  // web-page chrome first: a breadcrumb or 发布日期 line must not become the masthead or an item
  const chrome = removeWebChrome(lines);
  // (and a chronicle's 111日 read as 1月11日 before anything looks for day lines)
  const months = repairGluedMonths(chrome.lines);
  // (and a yearbook's entries run together in one paragraph cut apart)
  const inline = splitInlineEntries(months.lines);
  const extracted = inline.lines;
  const discovered = discoverMarkers(extracted, configured);
  const markers = discovered.markers;
  // The masthead title is what running headers repeat; find it on the raw lines first.
  const firstGuess = parseMasthead(extracted.slice(0, mastheadEnd(extracted, () => false))).masthead.title;
  const furniture = removePageFurniture(extracted, firstGuess);
  const allLines = furniture.lines;
  const detectSection = sectionDetector(allLines, markers);
  // A chronicle's month headers and day lines open the body too (they carry the items' dates).
  const chronicle = isChronicle(allLines.map((l) => l.text));
  const opensBody = (l: Line) =>
    detectSection(l) !== null || matchItemStart(l, markers) !== null || (chronicle && (matchChronicleLine(l.text) !== null || matchDayLead(l.text) !== null));
  const bodyStart = mastheadEnd(allLines, opensBody);
  const parsedMasthead = parseMasthead(allLines.slice(0, bodyStart));
  let messages = parsedMasthead.messages;
  let masthead = parsedMasthead.masthead;
  const footerAt = footerStart(allLines, bodyStart, opensBody);
  const bodyLines = allLines.slice(bodyStart, footerAt).filter((l) => l.kind !== 'rule');
  const repaired = repairLineBreaks(bodyLines, {
    opensStructure: (l) => opensBody(l) || l.kind === 'heading' || isFooterLine(l.raw),
    opensItem: (l) => matchItemStart(l, markers) !== null,
    isTitle: (l) => detectSection(l) !== null || l.kind === 'heading',
  });
  // a chronicle of one month names it in its title (`2021年8月份…大事记`): its day lines need no month header
  const titleMonth = allLines.slice(0, bodyStart).map((l) => chronicleTitleMonth(l.text)).find((m) => m !== null) ?? null;
  const body = dropRepeatedItems(segmentBody(repaired, markers, titleMonth));
  // a sign-off's date (the office and date closing a page's text) dates the document when no masthead does
  const signed = masthead.date === null && body.signOffDate ? parseFullDate(body.signOffDate.replace(/\s+/g, '')) : null;
  if (signed) {
    masthead = { ...masthead, date: signed, year: masthead.year ?? Number(signed.slice(0, 4)) };
    messages = messages.filter((m) => m.code !== 'masthead-without-date');
    messages.push(message('info', 'date-from-sign-off', `The masthead gives no date; the sign-off's date ${signed} (“${body.signOffDate}”) dates the document.`));
  }
  const footer = parseFooter(allLines.slice(footerAt));
  // the staff credited at the close of each earlier page of a file that joins several
  if (body.pageCredits?.length) {
    const credited = parseFooter(body.pageCredits);
    for (const field of ['editors', 'reviewers'] as const) for (const name of credited[field]) if (!footer[field].includes(name)) footer[field].push(name);
  }
  // the editor and reviewer a site's meta line named (`编辑：张某 审核人：李某`), when the footer names none
  if (footer.editors.length === 0) footer.editors.push(...chrome.credits.editors);
  if (footer.reviewers.length === 0) footer.reviewers.push(...chrome.credits.reviewers);
  return {
    masthead,
    sections: body.sections,
    items: body.items,
    footer,
    messages: [...chrome.messages, ...months.messages, ...inline.messages, ...discovered.messages, ...furniture.messages, ...messages, ...body.messages],
    pageDate: chrome.pageDate,
    pageDates: chrome.pageDates,
  };
}

/** Items shorter than this are not compared: a short line may well repeat (图片新闻, a one-line notice). */
const MIN_REPEATED = 30;

/**
 * A page copied twice into one file, or a site that printed its text twice, repeats whole items word for
 * word. No bulletin prints the same item twice, so a repeat is dropped (the first copy is kept) and counted.
 */
function dropRepeatedItems(body: ReturnType<typeof segmentBody>): ReturnType<typeof segmentBody> {
  const seen = new Set<string>();
  const items: SegmentedItem[] = [];
  let dropped = 0;
  for (const item of body.items) {
    const key = `${item.section ?? ''}\u0000${item.headline ?? ''}\u0000${item.paragraphs.join('\n')}`;
    if (item.paragraphs.join('').length >= MIN_REPEATED && seen.has(key)) {
      dropped++;
      continue;
    }
    seen.add(key);
    items.push(item);
  }
  if (dropped === 0) return body;
  const note = message('info', 'repeated-items-removed', `${dropped} item(s) repeating an earlier item word for word were left out (a page copied twice).`);
  return { ...body, items, messages: [...body.messages, note] };
}

function defaultMarkers(): Config['markers'] {
  return { sections: [{ open: '※', close: '※' }, { open: '【', close: '】' }], items: ['◆', '◇'] };
}
