/**
 * The body: sections (with nesting) and the items inside them. An item opens with a glyph (typed
 * or from Word list numbering) and runs over every following paragraph until the next item,
 * section or headline. A section without glyphs holds an article: a headline and its paragraphs.
 * Documents whose glyphs were lost (legacy .doc) open an item at each date-led paragraph instead.
 */
import type { HeadingDate } from '../entities/index.js';
import type { Section } from '../record/schema.js';
import { message, type Message } from '../types.js';
import { signatureOf, TITLED_ROLL_LINE } from '../text/patterns.js';
import { ATTACHMENT_LABEL, BRACKET_HEADED, contentsLines, DATE_ONLY, EDITORS_NOTE, LABELLED_PART, MIN_BRACKET_ENTRIES, MIN_DATED_ENTRIES, MIN_ROUNDUP, NAME_GAP_DATE, roundupLabel } from './entries.js';
import { ChronicleDate, chronicleSectionMonth, isChronicle, opensWithPeriodLead, matchChronicleLine, matchDayLead, matchPeriodLead, opensWithBodyActing } from './chronicle.js';
import { DATE_LED, endsSentence, isFooterLine, matchItemStart, matchNumberedHeading, matchSectionTitle, type Markers } from './classify.js';
import { CREDITED_PHOTO, DAY_LED, MONTH_LED, RECENT_EVENT, SUBJECT_DATED, isCaption, isLeadThenRecount, isClosingCredit, isDigest, isNumberedLine, isOneParagraphDigest, opensWithPartOfDay, splitRunTogether } from './digest.js';
import type { Line } from './lines.js';
import { captionRunAt, closingCaptionLines, isInlineCaption, opensStory, pageCreditLines } from './captions.js';

export interface SegmentedItem {
  section: string | null;
  marker: string | null;
  headline: string | null;
  paragraphs: string[];
  page: number | null;
  paragraph: number;
  /** The date a chronicle's month header and day line give the item (`5日：` under `一月份`), or null. */
  headingDate: HeadingDate | null;
  /** Its text closes with a credit line signing it (`罗某 摄影报道`, `农工党某市委 葛某`): a page of its own ends here. */
  signed?: boolean;
  /** It opens another page of the file, whose frame (removed) began at this source index. */
  pageFrom?: number;
}

export interface BodyResult {
  sections: Section[];
  items: SegmentedItem[];
  messages: Message[];
  /** The bare date of a sign-off closing the text (`2018年5月9日`), as printed, or null. */
  signOffDate?: string | null;
  /** Credit lines closing a page of several in one file (`文字：某某　审核：某某　编辑：某某`): its footer's, not its text. */
  pageCredits?: Line[];
}

export interface SectionStart {
  title: string;
  /** Heading level from the source (md `##`, Word Heading N) or null for a marked paragraph. */
  headingLevel: number | null;
  style: number;
}

const MAX_HEADLINE = 40;
/** Parts of a line split at 、 this short may be names of a list (张某、李某某) rather than a title's bodies. */
const MAX_LISTED_NAME = 4;

/** Decides, for the whole document, what counts as a section start. */
export function sectionDetector(lines: Line[], markers: Markers): (line: Line) => SectionStart | null {
  const marked = (l: Line) => matchSectionTitle(l.text, markers);
  const hasMarked = lines.some((l) => marked(l) !== null);
  const hasHeadings = lines.some((l) => l.kind === 'heading');
  // Without markers or heading styles (a PDF of a Word file with plain headings), a short line
  // standing alone right before an item is a section title; headlines are longer sentences.
  const plainTitles = new Set<Line>();
  if (!hasMarked && !hasHeadings) {
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (next && isPlainTitle(line) && matchItemStart(next, markers) !== null && matchItemStart(line, markers) === null) plainTitles.add(line);
    });
    // (and a short plain line over a yearbook's `【条目】 text` entries: 综 述 / 【省政协工作概况】 全年…)
    if (lines.filter((l) => BRACKET_HEADED.test(l.text)).length >= MIN_BRACKET_ENTRIES) {
      lines.forEach((line, i) => {
        const next = lines[i + 1];
        if (next && BRACKET_HEADED.test(next.text) && isPlainTitle(line) && matchItemStart(line, markers) === null) plainTitles.add(line);
      });
    }
    // (once such titles set the layout, one over a chronicle's month header too: 工作纪要 / 2023年1月 / 5日　…)
    if (plainTitles.size > 0) {
      lines.forEach((line, i) => {
        const header = lines[i + 1] ? matchChronicleLine(lines[i + 1].text) : null;
        if (header !== null && header.day === null && header.month !== null && isPlainTitle(line) && matchItemStart(line, markers) === null) plainTitles.add(line);
      });
    }
  }
  const longTitles = !hasMarked ? longNumberedTitles(lines) : new Set<Line>();
  const bracketTitles = !hasMarked && !hasHeadings ? bracketNumberedTitles(lines) : new Set<Line>();
  return (line) => {
    const m = marked(line);
    if (m) return { title: m.title, headingLevel: line.kind === 'heading' ? line.level ?? 1 : null, style: m.style };
    if (hasMarked) return null;
    // Without marked titles, Word/markdown headings and `一、…` lines are the sections.
    if (line.kind === 'heading' && line.text.length <= MAX_HEADLINE && !endsSentence(line.text)) {
      return { title: line.text.replace(/^[一二三四五六七八九十]{1,3}、/u, ''), headingLevel: line.level ?? 1, style: 0 };
    }
    if (plainTitles.has(line)) return { title: line.text, headingLevel: null, style: 0 };
    const numbered = matchNumberedHeading(line.text) ?? (longTitles.has(line) ? matchNumberedHeading(line.text, MAX_SECTION_TITLE) : null);
    if (numbered) return { title: numbered, headingLevel: null, style: 0 };
    // （一）…: a level of its own (below 一、 where both are used)
    return bracketTitles.has(line) ? { title: line.text.trim().replace(BRACKET_ORDINAL, ''), headingLevel: null, style: 1 } : null;
  };
}

const BRACKET_ORDINAL = /^[（(][一二三四五六七八九十]{1,3}[)）]\s*/u;

/**
 * `（一）全市统战部长会议召开`: titles numbered in brackets, in a document with two or more of them, each standing
 * alone between paragraphs (an article's numbered points follow one another, or end in a full stop).
 */
function bracketNumberedTitles(lines: Line[]): Set<Line> {
  const title = (l: Line | undefined) => {
    if (!l) return false;
    const t = l.text.trim();
    const m = BRACKET_ORDINAL.exec(t);
    const rest = m ? t.slice(m[0].length) : '';
    return m !== null && rest.length >= 2 && rest.length <= MAX_SECTION_TITLE && !/[。！？；;，,：:]/u.test(rest);
  };
  const found = new Set<Line>();
  lines.forEach((line, i) => {
    if (title(line) && !BRACKET_ORDINAL.test(lines[i - 1]?.text.trim() ?? '') && !BRACKET_ORDINAL.test(lines[i + 1]?.text.trim() ?? '') && lines[i + 1] !== undefined) found.add(line);
  });
  return found.size >= 2 ? found : new Set();
}

/**
 * `三、区人大常委会开展《某某条例》执法检查`: a numbered title longer than a short one may be, in a document whose
 * short `一、…` titles set the layout, when it stands alone between paragraphs (an agenda's numbered points
 * follow one another).
 */
function longNumberedTitles(lines: Line[]): Set<Line> {
  const found = new Set<Line>();
  if (lines.filter((l) => matchNumberedHeading(l.text) !== null).length < 2) return found;
  const numbered = (l: Line | undefined) => l !== undefined && /^[一二三四五六七八九十]{1,3}、/u.test(l.text.trim());
  lines.forEach((line, i) => {
    if (matchNumberedHeading(line.text) === null && matchNumberedHeading(line.text, MAX_SECTION_TITLE) !== null && !numbered(lines[i - 1]) && !numbered(lines[i + 1]) && lines[i + 1] !== undefined) found.add(line);
  });
  return found;
}

const MAX_SECTION_TITLE = 30;

const MAX_PLAIN_TITLE = 12;

function isPlainTitle(line: Line): boolean {
  const t = line.text;
  // (a month header over a chronicle's entries, `二月`, dates them and is no section)
  return line.kind === 'paragraph' && t.length >= 2 && t.length <= MAX_PLAIN_TITLE && !/[，。；：！？,.;:!?“”"（）()\d]/u.test(t) && !DATE_LED.test(t) && matchChronicleLine(t) === null;
}

/** `一、重要会议`, `（二）调研视察`, `3.委员风采` → the title without its ordinal, which only gives its position. */
const ORDINAL = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．])\s*/u;

export function withoutOrdinal(title: string): string {
  const rest = title.replace(ORDINAL, '');
  return rest.length >= 2 ? rest : title;
}

/** How much longer than its dated title the entry under it runs. */
const MIN_TITLED_ENTRY_GAIN = 10;
/** A short dated line without a sentence's end, over a longer paragraph that opens with the same date (a dated title). */
function isDatedTitle(line: Line, next: Line | undefined): boolean {
  const t = line.text.trim();
  if (next === undefined || line.kind !== 'paragraph' || t.length > MAX_HEADLINE || /[。！？!?；;]/u.test(t)) return false;
  const date = DATE_LED.exec(t)?.[0];
  return date !== undefined && next.text.trim().startsWith(date) && next.text.trim().length > t.length + MIN_TITLED_ENTRY_GAIN;
}

/** A short line asking a question (`…发言，都说了啥？`): a title where a dated paragraph follows it. */
function isQuestionTitle(line: Line): boolean {
  const t = line.text.trim();
  // (a column's period may follow the question: `上周，市政协在忙啥？（02.20-02.24）`)
  return line.kind === 'paragraph' && t.length >= 8 && t.length <= MAX_HEADLINE && /[？?](?:[（(][^（）()]{1,20}[)）])?$/u.test(t) && !/[。！!；;]/u.test(t);
}

/**
 * `副主委：马某某　杜某某　邢某某（专职）`, `秘书长：郑某某`: a line of a titled roll of names (a body's new leaders),
 * the title before a colon, then names set apart by gaps or 、; the item's text, never a headline.
 */
// (several titles may share a line: `主任：纳某某　　副主任：杨某某`; a two-character name may be padded: `冯　斌`):
// TITLED_ROLL_LINE, shared with the entity pass (text/patterns.ts)
/** `某某委员会组成人员名单`: the heading of a list of names, printed on a line of its own over the list. */
const LIST_HEADING = /(?:名单|名录)[\s\u3000]*$/u;

function isHeadline(line: Line): boolean {
  const t = line.text;
  // (a title may end in a closing quote or bracket: 为群众发放“爱心健康包”; a sentence inside one has its 。)
  // (nor is `附：…目录`, an attachment the item above announces)
  if (t.length > MAX_HEADLINE || /[。！？!?；;：:…]$/.test(t.trim()) || /[。！？]/.test(t) || DATE_LED.test(t) || isNumberedLine(t) || isClosingCredit(t) || isClosingCredit(line.raw) || ATTACHMENT_LABEL.test(t)) return false;
  if (TITLED_ROLL_LINE.test(line.raw.trim()) || CREDITED_PHOTO.test(t.trim())) return false;
  if (line.kind === 'heading' || line.bold) return true;
  // A short plain line without sentence punctuation, standing alone, is a headline. (It may join two bodies
  // with 、 — 区政协经济委、科技委召开主任办公会 — but a list of names is no headline.)
  return line.kind === 'paragraph' && !/[，,]/.test(t) && t.length >= 6 && (!t.includes('、') || t.split('、').every((part) => part.length > MAX_LISTED_NAME));
}

export function segmentBody(lines: Line[], markers: Markers, titleMonth: number | null = null): BodyResult {
  const detectSection = sectionDetector(lines, markers);
  const hasGlyphItems = lines.some((l) => matchItemStart(l, markers) !== null);
  const sectionStarts = lines.map(detectSection);
  const minHeading = Math.min(...sectionStarts.map((s) => s?.headingLevel ?? Infinity));
  const firstStyle = sectionStarts.find((s) => s !== null)?.style ?? 0;
  const hasPlainTitles = sectionStarts.some((s) => s !== null && s.headingLevel === null);

  // Layouts without glyphs: a chronicle (day lines under month headers) or a digest (paragraphs
  // that open with their dates, one item each); see chronicle.ts and digest.ts.
  const texts = lines.map((l) => l.text);
  let chronicle = !hasGlyphItems && isChronicle(texts) ? new ChronicleDate(titleMonth) : null;
  // a bulletin of glyph items may close with a chronicle section (■会务纪要 / 四月 / 3日　…): chronicle rules hold
  // inside a section that has no glyph items and two day lines or more
  const chronicleSections = new Set<number>();
  if (hasGlyphItems) {
    const starts = sectionStarts.flatMap((s, i) => (s ? [i] : []));
    starts.forEach((from, k) => {
      const part = lines.slice(from + 1, starts[k + 1] ?? lines.length);
      // (or a list of dated lines, `1月5日　市委会召开…` / `1月24日　…`, each an entry: every line opens with its date)
      const partTexts = part.map((l) => l.text);
      const entries = partTexts.filter((t) => /\p{Script=Han}/u.test(t));
      const datedList = entries.length >= 2 && entries.every((t) => DATE_LED.test(t));
      if (!part.some((l) => matchItemStart(l, markers) !== null) && (isChronicle(partTexts) || datedList)) chronicleSections.add(from);
    });
  }
  // `1、3月1日，…` `（2）3月2日，…`: entries numbered in order, each opening with its date, are items (at least two)
  const numberedEntries = !hasGlyphItems && texts.filter((t) => numberedEntry(t) !== null).length >= 2;
  const bodyTexts = lines.filter((l) => !isHeadline(l)).map((l) => l.text);
  // (a lead and its recount are one story however many of its paragraphs open with a date)
  const recount = !hasGlyphItems && chronicle === null && isLeadThenRecount(bodyTexts);
  const digest = !hasGlyphItems && chronicle === null && !recount && !opensWithPeriodLead(bodyTexts) && isDigest(bodyTexts, DATE_LED);
  const oneParagraphEntries = digest && isOneParagraphDigest(bodyTexts, DATE_LED);
  // a newspaper's roundup of places and offices (`琼中 琼中县拨出…` / `白沙 白沙县拨款…`): four entries or more led
  // by a label set apart by a gap
  const roundup =
    !hasGlyphItems &&
    chronicle === null &&
    (lines.filter((l) => roundupLabel(l, false) !== null).length >= MIN_ROUNDUP || lines.filter((l) => NAME_GAP_DATE.test(l.raw) && /[。！？]/u.test(l.text)).length >= MIN_DATED_ENTRIES);
  // a yearbook's entries, each headed by its title in brackets on the line of its text (two or more)
  const bracketEntries = !hasGlyphItems && lines.filter((l) => BRACKET_HEADED.test(l.text)).length >= MIN_BRACKET_ENTRIES;
  // a report in parts, each opened by its name and a colon, then its date (two or more)
  const labelledParts = !hasGlyphItems && lines.filter((l) => LABELLED_PART.test(l.text)).length >= 2;
  let freshDay = false;
  let captions = 0;
  let repeatedTitles = 0;
  let closingCaptions = 0;
  let signOffDate: string | null = null;

  const sections: Section[] = [];
  const items: SegmentedItem[] = [];
  const messages: Message[] = [];
  const stack: Section[] = [];
  let current: SegmentedItem | null = null;
  let pendingHeadline: Line | null = null;
  /** Index (into lines) of the pending headline, then of the current item's headline; null without one. */
  let pendingHeadAt: number | null = null;
  let headAt: number | null = null;

  const open = (line: Line, marker: string | null, firstParagraph: string | null): void => {
    const head: Line = pendingHeadline ?? line;
    current = {
      section: stack.length ? stack[stack.length - 1].title : null,
      marker,
      headline: pendingHeadline ? pendingHeadline.text : null,
      paragraphs: firstParagraph ? [firstParagraph] : [],
      page: head.page ?? null,
      paragraph: head.index,
      headingDate: chronicle?.current() ?? (firstParagraph ? dayInMonthOfLast(firstParagraph, items) ?? sameDayAsLast(firstParagraph, items) : null),
    };
    const pageFrom = head.pageStart ?? line.pageStart;
    if (pageFrom !== undefined) current.pageFrom = pageFrom;
    items.push(current);
    headAt = pendingHeadline ? pendingHeadAt : null;
    pendingHeadline = null;
    freshDay = false;
  };
  /** Whether the current item's text so far ends with a complete sentence. */
  const endsLastSentence = (): boolean => {
    const c = current as SegmentedItem | null;
    return c !== null && c.paragraphs.length > 0 && /[。！？]$/u.test(c.paragraphs[c.paragraphs.length - 1].trim());
  };
  /** Under a headline whose text has not begun: only a byline or meta line so far, no sentence. */
  const beforeText = (): boolean => {
    if (pendingHeadline && current === null) return true;
    const c = current as SegmentedItem | null;
    return c !== null && c.headline !== null && c.paragraphs.every((p) => !/[。！？]/.test(p));
  };
  /** Whether a glyph-less paragraph opens an item of its own rather than continuing the current one. */
  const opensOwnItem = (text: string): boolean => {
    // 会前委员视察活动：近日，… / 常委会第十二次会议：12月15日下午，…: parts of a report, each named and dated
    // (the first part goes on from the lead that introduces the report)
    if (labelledParts && LABELLED_PART.test(text)) return (current as SegmentedItem | null)?.paragraphs.some((p) => LABELLED_PART.test(p)) ?? true;
    // 编者按：… introduces the report under it: the report is the same item
    const c = current as SegmentedItem | null;
    if (c !== null && c.paragraphs.length === 1 && EDITORS_NOTE.test(c.paragraphs[0])) return false;
    // (a body acting opens the same day's next event once the entry above is complete)
    if (chronicle) return freshDay || DATE_LED.test(text) || opensWithPartOfDay(text) || (endsLastSentence() && opensWithBodyActing(text));
    // A headlined item is an article, whatever the rest of the document is.
    // In a digest, a paragraph is an item when it opens with its date or tells of a recent event in its
    // first clause (`…晚会日前在某小区举行`); other paragraphs (`会议指出，…`) continue the one above.
    // (and, in a digest of teasers, one led by a quoted phrase cut off before its date, `推行…“一地办理”……10月16日，…`, or
    // by a question, `委员读书活动怎样开展？建立读书群是个好方法。`, after an entry that ended its sentence;
    // or, where each entry is one paragraph, by a body doing something)
    if (digest && (current as SegmentedItem | null)?.headline == null) return DATE_LED.test(text) || DAY_LED.test(text) || MONTH_LED.test(text) || SUBJECT_DATED.test(text) || RECENT_EVENT.test(text) || (items.length > 0 && nextEventThatDay(text)) || (endsLastSentence() && TEASER_LEAD.test(text)) || (oneParagraphEntries && endsLastSentence() && opensWithBodyActing(text));
    // Under a headline, the page's dateline paragraph follows a byline or caption: it is the same item.
    if (beforeText()) return false;
    // 下午　某某出席…: a dated entry's next event that day, laid out as a chronicle's entries are, in a page of
    // dated entries that is no digest by share (long entries continue over undated paragraphs)
    if (headAt === null && !recount && items.length > 0 && endsLastSentence() && nextEventThatDay(text)) return true;
    const dayOnly = !DATE_LED.test(text) && DAY_LED.test(text);
    if (!DATE_LED.test(text) && !dayOnly) return false;
    // `2月24日在大会主席台前排就座的有…`: the story's own day again, with no comma after it — the story goes on
    const sameDay = SAME_DAY_CLAUSE.exec(text);
    if (sameDay && current !== null && (current as SegmentedItem).paragraphs.some((p) => p.includes(sameDay[1]))) return false;
    // A headlined article tells one story over several days (`3月5日，调研组又赴…`); a column title
    // over dated paragraphs (a digest under a headline) does not. A day alone opens an item only there.
    if (dayOnly) return headAt !== null && stretchIsDigest(headAt);
    return headAt === null ? !recount : stretchIsDigest(headAt);
  };
  /** Whether the paragraphs under the headline at `at` (to the next page title or section) mostly open with dates. */
  const digestStretches = new Map<number, boolean>();
  const stretchIsDigest = (at: number): boolean => {
    const known = digestStretches.get(at);
    if (known !== undefined) return known;
    const texts: string[] = [];
    const titles = [lines[at].text];
    for (let j = at + 1; j < lines.length && !sectionStarts[j]; j++) {
      if (isHeadline(lines[j])) {
        if (j > at + 2 && endsSentence(lines[j - 1].text)) break;
        titles.push(lines[j].text);
        continue;
      }
      texts.push(lines[j].text);
    }
    // A column's dated paragraphs follow one another; an article's dateline is followed by its story.
    const sentences = texts.filter((t) => t.length >= MIN_DIGEST_ITEM);
    // (a chronicle titled so, 某市政协2021年大事记, may open with a paragraph or two on the year: its entries
    // are counted from the first dated one)
    const firstDated = texts.findIndex((t) => DATE_LED.test(t));
    const chronicleTitled = firstDated > 0 && [...titles, ...texts.slice(0, firstDated)].some((t) => CHRONICLE_TITLE.test(t));
    const entries = chronicleTitled ? texts.slice(firstDated) : texts;
    // (an article opening with the period it sums up, `6月上旬以来，…开展…执法检查`, recounts that period's days
    // in the paragraphs under it: one story, not a column)
    const digestLike = sentences.length >= 2 && !opensWithPeriodLead(sentences) && (DATE_LED.test(sentences[1]) || (chronicleTitled && entries.filter((t) => DATE_LED.test(t)).length >= 2)) && isDigest(entries, DATE_LED);
    digestStretches.set(at, digestLike);
    return digestLike;
  };
  const flushHeadline = (): void => {
    if (!pendingHeadline) return;
    messages.push(message('warning', 'unplaced-text', `Headline with no text after it: “${pendingHeadline.text}”`, { page: pendingHeadline.page ?? null, offset: pendingHeadline.index }));
    pendingHeadline = null;
  };

  // the first headline of the text (a page's title), which a page may print again over each photo
  const firstHeadlineAt = lines.findIndex((l) => isHeadline(l));
  const firstHeadline = firstHeadlineAt >= 0 ? lines[firstHeadlineAt].text.trim() : null;
  const contents = contentsLines(lines, (j) => sectionStarts[j] !== null || matchItemStart(lines[j], markers) !== null || DATE_LED.test(lines[j].text));
  if (contents.size > 0) messages.push(message('info', 'contents-removed', `The issue's table of contents (${contents.size} lines) was left out of the items.`));

  const preface = prefaceLines(lines, sectionStarts, markers);
  const creditLines = pageCreditLines(lines);
  const pageCredits: Line[] = [];
  const closingCaptionLineSet = closingCaptionLines(lines, sectionStarts, creditLines);
  for (const i of preface) {
    messages.push(message('info', 'preface', `The issue's preface, before its first section, is no item: “${lines[i].text}”`, { page: lines[i].page ?? null, offset: lines[i].index }));
  }

  lines.forEach((line, i) => {
    if (contents.has(i) || preface.has(i)) return;
    if (creditLines.has(i)) {
      pageCredits.push(line);
      return;
    }
    const sec = sectionStarts[i];
    if (sec) {
      flushHeadline();
      current = null;
      // Heading styles give levels; when marked plain paragraphs are titles too, they are the top
      // level and the headings nest below them (bold ※重要活动※ paragraphs over a Heading 3).
      const level =
        sec.headingLevel !== null && Number.isFinite(minHeading)
          ? sec.headingLevel - minHeading + 1 + (hasPlainTitles ? 1 : 0)
          : sec.style !== firstStyle && stack.length > 0
            ? 2
            : 1;
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      // (a chronicle part titled with its month, `★ 6月工作纪事`, dates its day lines by it)
      if (hasGlyphItems) chronicle = chronicleSections.has(i) ? new ChronicleDate(chronicleSectionMonth(sec.title) ?? titleMonth) : null;
      // A chronicle's month header printed as a section title (`【一月】`) still sets the month.
      chronicle?.read(sec.title);
      const section: Section = { title: withoutOrdinal(sec.title), level, parent: stack.length ? stack[stack.length - 1].title : null };
      sections.push(section);
      stack.push(section);
      return;
    }
    // another page of the file, after the frame web-chrome removal took away: nothing above goes on here
    // (a title and its publish line: the frame between them leaves the title pending, the same page's)
    if (line.pageStart !== undefined && !hasGlyphItems && !(pendingHeadline && current === null)) {
      flushHeadline();
      current = null;
      // (its first short line without a sentence end is the page's title, even with a comma: 携手共进，喜迎新年)
      if (line.text.length <= MAX_HEADLINE && !endsSentence(line.text) && !DATE_LED.test(line.text) && isFollowedByText(lines, i, sectionStarts, markers)) {
        pendingHeadline = line;
        pendingHeadAt = i;
        return;
      }
    }
    const item = matchItemStart(line, markers);
    if (item) {
      open(line, item.marker, item.text);
      return;
    }
    // 【省政协工作概况】 全年…: a yearbook's entry, its title in brackets before its text
    const bracketed = bracketEntries ? BRACKET_HEADED.exec(line.text) : null;
    if (bracketed) {
      flushHeadline();
      pendingHeadline = { ...line, text: bracketed[1] };
      pendingHeadAt = i;
      open(line, null, bracketed[2]);
      return;
    }
    // `某某召开会长会议 3月15日，…`: a page's title on its first text's line, set apart by a gap, the text opening
    // with its date
    const titled = !hasGlyphItems && current === null && pendingHeadline === null ? TITLE_ON_TEXT_LINE.exec(line.raw) : null;
    if (titled && DATE_LED.test(titled[2]) && line.text.startsWith(titled[1])) {
      pendingHeadline = { ...line, text: titled[1] };
      pendingHeadAt = i;
      open(line, null, line.text.slice(titled[1].length).trim());
      return;
    }
    const entry = numberedEntries ? numberedEntry(line.text) : null;
    if (entry !== null) {
      flushHeadline();
      open(line, null, entry);
      return;
    }
    // `2月21日下午，某某率队赴某学院调研` (no full stop) over `2月21日下午，市政协副主席某某率队赴…。`: a dated title
    // over the entry that opens with the same date
    if (!hasGlyphItems && isDatedTitle(line, lines[i + 1]) && !sectionStarts[i + 1]) {
      flushHeadline();
      current = null;
      pendingHeadline = line;
      pendingHeadAt = i;
      return;
    }
    if (chronicle) {
      if (chronicle.read(line.text)) {
        flushHeadline();
        current = null;
        freshDay = chronicle.hasDay();
        return;
      }
      const lead = matchDayLead(line.text);
      const note = current as SegmentedItem | null;
      if (lead && note !== null && note.paragraphs.length === 1 && EDITORS_NOTE.test(note.paragraphs[0])) {
        // (编者按：… over the report it introduces: the report is the same item)
        note.paragraphs.push(line.text);
        return;
      }
      if (lead) {
        chronicle.setDay(lead.day, lead.endDay);
        flushHeadline();
        // (with no month yet, the day stays in the text: the entity pass dates `4日，…` by the month)
        open(line, null, chronicle.hasMonth() ? lead.rest : line.text);
        return;
      }
      const period = matchPeriodLead(line.text);
      if (period) {
        chronicle.setDay(null);
        flushHeadline();
        open(line, null, line.text);
        return;
      }
    } else if (matchChronicleLine(line.text)?.day === null) {
      // a month header (`2月`, `三月份`) over dated items outside a chronicle: no text of the item above it
      flushHeadline();
      current = null;
      return;
    }
    if (beforeText() && isCaption(line.text) && isFollowedByText(lines, i, sectionStarts, markers)) {
      captions++;
      return;
    }
    // An office and a bare date closing the text (落款: `某某市委会办公室` / `2018年5月9日`): the document's
    // sign-off, no text of its last item; kept in a message.
    if (!hasGlyphItems && current !== null && !pendingHeadline && isSignOff(lines, i)) {
      messages.push(message('info', 'sign-off', `The text closes with a sign-off, left out of the last item: “${line.text}”`, { page: line.page ?? null, offset: line.index }));
      if (BARE_DATE.test(line.text.trim())) signOffDate = line.text.trim();
      return;
    }
    // Inside an article's text, a photo caption between its paragraphs: a line printed twice over a photo, or one
    // naming what a person does in it (`张某主委发言`), with the article's text going on after it (no date, no lead);
    // or one of a run of such lines (`会议现场` / `某某主持开幕式`), or a line in brackets (`（某某一行参观…）`).
    // (or the page's title printed again over each photo: the first headline's text repeated below it)
    // (not a page of its own under the same title: no story opens after it)
    const titleAgain = firstHeadline !== null && i > firstHeadlineAt && line.text.trim() === firstHeadline && !hasGlyphItems && current !== null && !opensStory(lines[i + 1]?.text ?? '');
    if (titleAgain || (!hasGlyphItems && current !== null && !pendingHeadline && hasSentence(current) && (captionRunAt(lines, i, sectionStarts) || (isHeadline(line) && isInlineCaption(lines, i))))) {
      captions++;
      return;
    }
    // Photo captions after the last item's story (`某某副主席在某乡听取汇报` / `委员某某在座谈会上发言`): the
    // story's, not a new headlined item; they name who was there, so they stay in its text
    if (!hasGlyphItems && current !== null && !pendingHeadline && hasSentence(current) && closingCaptionLineSet.has(i)) {
      (current as SegmentedItem).paragraphs.push(line.text);
      closingCaptions++;
      return;
    }
    // 三位委员在分享会上发言，都说了啥？ over `8月28日，…`: a title may ask a question
    if (!hasGlyphItems && isQuestionTitle(line) && DATE_LED.test(lines[i + 1]?.text ?? '') && !sectionStarts[i + 1]) {
      flushHeadline();
      current = null;
      pendingHeadline = line;
      pendingHeadAt = i;
      return;
    }
    // `…领导班子成员名单如下：` / `某某委员会领导班子成员名单` / `主　委：…`: a list the item announces with a colon,
    // its heading too, is the item's text
    // (or a list's heading standing over its titled roll: `某某委员会组成人员名单` / `主任：…　副主任：…`)
    const listHeading = LIST_HEADING.test(line.text) && TITLED_ROLL_LINE.test(lines[i + 1]?.raw.trim() ?? '');
    const announced = current !== null && !pendingHeadline && line.kind === 'paragraph' && !line.bold && (listHeading || /[：:]$/u.test((current as SegmentedItem).paragraphs.at(-1)?.trim() ?? ''));
    if (isHeadline(line) && !announced && !(current !== null && line.kind === 'paragraph' && !line.bold && !isFollowedByText(lines, i, sectionStarts, markers))) {
      // The headline printed again right under itself (a page copied flat: the page's title, the breadcrumb's,
      // the article's): said once is enough
      const headlineNow = pendingHeadline?.text ?? (current !== null && inTitleBlock(current) ? (current as SegmentedItem).headline : null);
      if (headlineNow !== null && headlineNow !== undefined && line.text.trim() === headlineNow.trim()) {
        repeatedTitles++;
        return;
      }
      // A second title-like line under a headline (a byline, a subtitle) opens its text: the first is the headline.
      if (pendingHeadline && current === null && line.kind === 'paragraph' && isFollowedByText(lines, i, sectionStarts, markers)) {
        open(line, null, line.text);
        return;
      }
      // A news title block (the title again, a subtitle, `某某出席`) over the dateline paragraph: more lines of
      // the same heading, not a new article (which would leave the first with a title block and no text).
      if (current !== null && inTitleBlock(current) && line.kind === 'paragraph' && !line.bold && isFollowedByText(lines, i, sectionStarts, markers)) {
        current.paragraphs.push(line.text);
        return;
      }
      flushHeadline();
      current = null;
      pendingHeadline = line;
      pendingHeadAt = i;
      return;
    }
    // A roundup's entry, led by its place or office (`琼中 琼中县拨出专款…`, `海口1月23日，…`): an item, the label
    // kept apart from the text by a gap so that no name runs into it
    const label = roundup && !pendingHeadline ? roundupLabel(line, true) : null;
    if (label !== null) {
      open(line, null, `${label}\u3000${line.text.slice(label.length).replace(/^[\s\u3000]+/u, '')}`);
      return;
    }
    // another event of the same day, marked by a glyph under a dated entry
    const sameDayGlyph = !hasGlyphItems && current !== null && !pendingHeadline && endsLastSentence() && endsSentence(line.text) ? SAME_DAY_GLYPH.exec(line.text) : null;
    const thatDay = sameDayGlyph && !DATE_LED.test(line.text.slice(sameDayGlyph[0].length)) ? dayOfLatestEntry(items) : null;
    if (sameDayGlyph && thatDay) {
      open(line, sameDayGlyph[1], line.text.slice(sameDayGlyph[0].length));
      (current as SegmentedItem | null)!.headingDate ??= thatDay;
      return;
    }
    // Items run together in one paragraph (`…看望师生。9月2日，区妇联…`) are cut apart where a
    // sentence opens with a day date; only in glyph-less items without a headline (a headlined
    // article tells one story, and its dates are that story's).
    const headlined = pendingHeadline !== null || (current !== null && (current as SegmentedItem).headline !== null);
    const pieces = !hasGlyphItems && !headlined ? splitRunTogether(line.text, digest) : [line.text];
    // (a text that opens with a sentence naming no day, `凝聚共识谱写华章。11月6日上午，…`, leads into the dated story:
    // one item, not a dateless one before it)
    if (pieces.length >= 2 && current === null && items.length === 0 && !NAMES_A_DAY.test(pieces[0])) pieces.splice(0, 2, pieces[0] + pieces[1]);
    pieces.forEach((text, k) => {
      if (k > 0) {
        open(line, null, text);
        return;
      }
      const opensHere = current === null ? DATE_LED.test(text) || chronicle !== null : opensOwnItem(text);
      if ((!hasGlyphItems || chronicle !== null) && !(pendingHeadline && current === null) && opensHere) {
        open(line, null, text);
        return;
      }
      if (pendingHeadline || current === null) {
        if (!pendingHeadline && stack.length === 0 && !chronicle && text.length < 30 && !endsSentence(text)) {
          messages.push(message('warning', 'unplaced-text', `Text outside any section or item: “${text}”`, { page: line.page ?? null, offset: line.index }));
          return;
        }
        open(line, null, text);
        return;
      }
      // (a signature keeps the gap that sets its name apart, which spacing repair closed: 某党某支部　某某)
      const signature = signatureOf(line.raw);
      (current as SegmentedItem).paragraphs.push(signature ? [signature.body, ...signature.names].join('\u3000') : text);
      if (isClosingCredit(line.raw) || isClosingCredit(text)) (current as SegmentedItem).signed = true;
    });
  });
  flushHeadline();
  // `4 月 1 日` closing a copied page that stops there: a date with no event is no item (kept in a message)
  const last = items[items.length - 1];
  if (last && last.headline === null && last.paragraphs.length === 1 && DATE_ONLY.test(last.paragraphs[0])) {
    items.pop();
    messages.push(message('warning', 'unplaced-text', `A date with no text after it closes the body: “${last.paragraphs[0]}”`, { page: last.page ?? null, offset: null }));
  }
  if (closingCaptions > 0) messages.push(message('info', 'closing-captions', `${closingCaptions} photo caption line(s) closing a page were kept in the text of its last story (they name who was there).`));
  if (repeatedTitles > 0) messages.push(message('info', 'title-repeated', `${repeatedTitles} line(s) repeating the headline right under it were left out of the items.`));
  if (captions > 0) messages.push(message('info', 'captions-removed', `${captions} photo caption line(s) under headlines were left out of the items.`));
  return { sections, items, messages, signOffDate, pageCredits };
}

/** A digest teaser's lead: a phrase cut off with an ellipsis before the entry's date, or a question of its own. */
const TEASER_LEAD = /^[^。！？]{4,60}(?:…{1,2}|\.{3,6})\s*(?:\d{1,2}月)?\d{1,2}[日号]|^[^。！？，,]{6,40}？/u;
/** A paragraph opening with a day and going straight on, no comma (`2月24日在…`): the day is a clause's time. */
const SAME_DAY_CLAUSE = /^((?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号])(?![，,\s]|(?:上午|下午|晚上|晚)[，,\s])/u;
const MIN_PREFACED_SECTIONS = 2;

/**
 * An issue's preface (`11月以来，全县统一战线…现将近期工作情况摘编如下。`, `【卷首语】…`): running prose before the
 * first of two section titles or more, opening with no date, glyph or headline. It introduces the issue and
 * reports no event: no item (kept in a message).
 */
function prefaceLines(lines: Line[], sectionStarts: Array<SectionStart | null>, markers: Markers): Set<number> {
  const first = sectionStarts.findIndex((s) => s !== null);
  if (first <= 0 || sectionStarts.filter((s) => s !== null).length < MIN_PREFACED_SECTIONS) return new Set();
  const before = lines.slice(0, first);
  const prose = (l: Line) => l.kind === 'paragraph' && /[。！？]/u.test(l.text) && !DATE_LED.test(l.text) && !DAY_LED.test(l.text) && !SUBJECT_DATED.test(l.text) && matchItemStart(l, markers) === null;
  return before.every(prose) ? new Set(before.map((_, i) => i)) : new Set();
}

/** An entry's number: `1、` `2.` `（3）` `一、`. */
// (`1．6月20日` is entry 1 of 6月20日, however the full stop was normalised: no decimal runs into 月)
const ENTRY_NUMBER = /^(?:\d{1,3}\s*(?:、|[.．](?!\d)|[.．](?=\d{1,2}月\d))|[（(]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)\s*/u;
const ENTRY_DATE = /^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]|^\d{1,2}[日号](?:上午|下午|晚上|晚)?[，,]/u;

/** The text of a numbered entry that opens with its date (`1、3月1日，…` → `3月1日，…`), or null. */
function numberedEntry(text: string): string | null {
  const m = ENTRY_NUMBER.exec(text.trim());
  if (!m) return null;
  const rest = text.trim().slice(m[0].length);
  return ENTRY_DATE.test(rest) && rest.length >= 8 ? rest : null;
}

/** A date standing alone (`2018年5月9日`): a sign-off's, never an item's opening. */
const BARE_DATE = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;
/** Lines after a sign-off that the document may still carry (a stray separator). */
const AFTER_SIGN_OFF = 1;

/** A bare date at the end of the text, or the short line (the office) right above one. */
function isSignOff(lines: Line[], i: number): boolean {
  const at = BARE_DATE.test(lines[i].text.trim()) ? i : BARE_DATE.test(lines[i + 1]?.text.trim() ?? '') && lines[i].text.length <= MAX_HEADLINE && !/[。！？]/u.test(lines[i].text) ? i + 1 : -1;
  return at >= 0 && lines.length - 1 - at <= AFTER_SIGN_OFF && lines.slice(at + 1).every((l) => l.text.length <= 2);
}

function hasSentence(item: SegmentedItem): boolean {
  return item.paragraphs.some((p) => /[。！？]/u.test(p));
}

/** Lines of a title block under a headline: as many as a news heading has (引题, 主题, 副题), each short. */
const MAX_TITLE_BLOCK = 2;
const MAX_TITLE_LINE = 30;

/** Whether a headlined item holds only its title block so far: no sentence yet, a line or two of heading. */
function inTitleBlock(item: SegmentedItem): boolean {
  return item.headline !== null && item.paragraphs.length <= MAX_TITLE_BLOCK && item.paragraphs.every((p) => p.length <= MAX_TITLE_LINE && !/[。！？，,]/.test(p));
}

/** A title (no clause mark) and, after a gap, the text it heads: `某某召开会长会议　3月15日，…`. */
const TITLE_ON_TEXT_LINE = /^[\s\u3000]*([^\s\u3000【\[（(，。；：！？,;:][^\s\u3000，。；：！？,;:]{7,39})[ \u3000]+(\S.*[。！？].*)$/u;

/** A day, a month or a recent day named anywhere in a text. */
const NAMES_A_DAY = /\d{1,2}\s*[月日号]|[一二三四五六七八九十]{1,3}[月日号]|近日|日前|近期|昨日|今日|昨天|今天|当天/u;

const LEADING_MONTH = /^(?:(?:19|20)\d{2}年)?(\d{1,2})月(\d{1,2})[日号]/u;

/**
 * `16日下午，…` in a digest: the day of the month that the items before it name (`4月15日，…`), found from the
 * latest item that opens with a month; null when none does (the entity pass then reads the day alone).
 */
function dayInMonthOfLast(text: string, items: SegmentedItem[]): HeadingDate | null {
  const day = DAY_LED.exec(text);
  if (!day) return null;
  for (let k = items.length - 1; k >= 0; k--) {
    const first = items[k].paragraphs[0] ?? '';
    const month = LEADING_MONTH.exec(first);
    if (!month) continue;
    const d = Number(/^\d+/.exec(day[0])?.[0] ?? NaN);
    // (3月30日，… then 5日，…: an earlier day than the item above is no longer its month; the entity pass dates
    // it by the issue)
    if (d < Number(month[2])) return null;
    return Number.isInteger(d) ? { text: `${month[1]}月${d}日`, month: Number(month[1]), day: d } : null;
  }
  return null;
}

/** A chronicle's title line: 大事记, 大事纪要. */
const CHRONICLE_TITLE = /大事记|大事纪要|大事纪(?![念律])/u;

/**
 * `下午　全国政协副主席…` in a digest whose entries set their dates apart with a gap (`1月11日上午　…`): the next
 * entry of the same day. (A comma after the part of day would be an article's next paragraph: not this.)
 */
const PART_OF_DAY_ENTRY = /^(?:上午|下午|中午|晚上|晚间|傍晚)[\s\u3000]+(?=\S)/u;

/**
 * `同日 某某会召开…`, `同日，…` in a list of dated entries: another event of the entry above's day (its gap may be
 * lost where a letter-spaced page was closed up). 当天/当日 go on with the story as often as not: only set apart by
 * a gap.
 */
const SAME_DAY_ENTRY = /^(?:(?:同日|是日|同一天)[\s\u3000，,]*|(?:当天|当日)[\s\u3000]+)(?=\S)/u;

/** An entry that takes its day from the one above: a part of day or 同日 set apart. */
const nextEventThatDay = (text: string): boolean => PART_OF_DAY_ENTRY.test(text) || SAME_DAY_ENTRY.test(text);

/** The month and day of the latest item that opens with them, for a part-of-day entry under it. */
function sameDayAsLast(text: string, items: SegmentedItem[]): HeadingDate | null {
  return nextEventThatDay(text) ? dayOfLatestEntry(items) : null;
}

/**
 * `  △某某评选结果揭晓…` under `  4月8日 某节开幕。`: in a list of dated entries with no glyph items, a hollow
 * triangle (or a dot) opening a line is the chronicle's mark for another event of the same day.
 */
const SAME_DAY_GLYPH = /^[\s\u3000]*([△▲○·])[\s\u3000]*(?=\S)/u;

function dayOfLatestEntry(items: SegmentedItem[]): HeadingDate | null {
  for (let k = items.length - 1; k >= 0; k--) {
    const first = items[k].paragraphs[0] ?? '';
    const m = /^(?:(?:19|20)\d{2}年)?(\d{1,2})月(\d{1,2})[日号]/u.exec(first);
    if (m) return { text: `${m[1]}月${m[2]}日`, month: Number(m[1]), day: Number(m[2]) };
    if (items[k].headingDate) return items[k].headingDate;
  }
  return null;
}

/** Paragraphs shorter than this (credits, short remarks) do not count when telling a digest or a column. */
const MIN_DIGEST_ITEM = 20;

/**
 * A short line inside an item is a headline only when a paragraph (not an item) follows it, or one
 * more title-like line (a byline, a caption) and then a paragraph.
 */
function isFollowedByText(lines: Line[], i: number, sectionStarts: Array<SectionStart | null>, markers: Markers, depth = 0): boolean {
  const next = lines[i + 1];
  if (!next || sectionStarts[i + 1]) return false;
  if (matchItemStart(next, markers) !== null || !isHeadline(next)) return true;
  return depth === 0 && next.kind === 'paragraph' && isFollowedByText(lines, i + 1, sectionStarts, markers, 1) && !isHeadline(lines[i + 2]);
}
