/**
 * The body: sections (with nesting) and the items inside them. An item opens with a glyph (typed
 * or from Word list numbering) and runs over every following paragraph until the next item,
 * section or headline. A section without glyphs holds an article: a headline and its paragraphs.
 * Documents whose glyphs were lost (legacy .doc) open an item at each date-led paragraph instead.
 */
import type { Section } from '../record/schema.js';
import { message, type Message } from '../types.js';
import { endsSentence, matchItemStart, matchNumberedHeading, matchSectionTitle, type Markers } from './classify.js';
import type { Line } from './lines.js';

export interface SegmentedItem {
  section: string | null;
  marker: string | null;
  headline: string | null;
  paragraphs: string[];
  page: number | null;
  paragraph: number;
}

export interface BodyResult {
  sections: Section[];
  items: SegmentedItem[];
  messages: Message[];
}

export interface SectionStart {
  title: string;
  /** Heading level from the source (md `##`, Word Heading N) or null for a marked paragraph. */
  headingLevel: number | null;
  style: number;
}

const DATE_LED = /^(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日|\d{1,2}月(?:上|中|下)旬|近日|日前|近期|连日来|\d{1,2}月\d{1,2}[—-]\d{1,2}日)/u;
const MAX_HEADLINE = 40;

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
  }
  return (line) => {
    const m = marked(line);
    if (m) return { title: m.title, headingLevel: line.kind === 'heading' ? line.level ?? 1 : null, style: m.style };
    if (hasMarked) return null;
    // Without marked titles, Word/markdown headings and `一、…` lines are the sections.
    if (line.kind === 'heading' && line.text.length <= MAX_HEADLINE && !endsSentence(line.text)) {
      return { title: line.text.replace(/^[一二三四五六七八九十]{1,3}、/u, ''), headingLevel: line.level ?? 1, style: 0 };
    }
    if (plainTitles.has(line)) return { title: line.text, headingLevel: null, style: 0 };
    const numbered = matchNumberedHeading(line.text);
    return numbered ? { title: numbered, headingLevel: null, style: 0 } : null;
  };
}

const MAX_PLAIN_TITLE = 12;

function isPlainTitle(line: Line): boolean {
  const t = line.text;
  return line.kind === 'paragraph' && t.length >= 2 && t.length <= MAX_PLAIN_TITLE && !/[，。；：！？,.;:!?“”"（）()\d]/u.test(t) && !DATE_LED.test(t);
}

/** `一、重要会议`, `（二）调研视察`, `3.委员风采` → the title without its ordinal, which only gives its position. */
const ORDINAL = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．])\s*/u;

export function withoutOrdinal(title: string): string {
  const rest = title.replace(ORDINAL, '');
  return rest.length >= 2 ? rest : title;
}

function isHeadline(line: Line): boolean {
  const t = line.text;
  if (t.length > MAX_HEADLINE || endsSentence(t) || /[。！？]/.test(t) || DATE_LED.test(t)) return false;
  if (line.kind === 'heading' || line.bold) return true;
  // A short plain line without sentence punctuation, standing alone, is a headline.
  return line.kind === 'paragraph' && !/[，,、]/.test(t) && t.length >= 6;
}

export function segmentBody(lines: Line[], markers: Markers): BodyResult {
  const detectSection = sectionDetector(lines, markers);
  const hasGlyphItems = lines.some((l) => matchItemStart(l, markers) !== null);
  const sectionStarts = lines.map(detectSection);
  const minHeading = Math.min(...sectionStarts.map((s) => s?.headingLevel ?? Infinity));
  const firstStyle = sectionStarts.find((s) => s !== null)?.style ?? 0;
  const hasPlainTitles = sectionStarts.some((s) => s !== null && s.headingLevel === null);

  const sections: Section[] = [];
  const items: SegmentedItem[] = [];
  const messages: Message[] = [];
  const stack: Section[] = [];
  let current: SegmentedItem | null = null;
  let pendingHeadline: Line | null = null;

  const open = (line: Line, marker: string | null, firstParagraph: string | null): void => {
    const head: Line = pendingHeadline ?? line;
    current = {
      section: stack.length ? stack[stack.length - 1].title : null,
      marker,
      headline: pendingHeadline ? pendingHeadline.text : null,
      paragraphs: firstParagraph ? [firstParagraph] : [],
      page: head.page ?? null,
      paragraph: head.index,
    };
    items.push(current);
    pendingHeadline = null;
  };
  const flushHeadline = (): void => {
    if (!pendingHeadline) return;
    messages.push(message('warning', 'unplaced-text', `Headline with no text after it: “${pendingHeadline.text}”`, { page: pendingHeadline.page ?? null, offset: pendingHeadline.index }));
    pendingHeadline = null;
  };

  lines.forEach((line, i) => {
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
      const section: Section = { title: withoutOrdinal(sec.title), level, parent: stack.length ? stack[stack.length - 1].title : null };
      sections.push(section);
      stack.push(section);
      return;
    }
    const item = matchItemStart(line, markers);
    if (item) {
      open(line, item.marker, item.text);
      return;
    }
    if (isHeadline(line) && !(current !== null && line.kind === 'paragraph' && !line.bold && !isFollowedByText(lines, i, sectionStarts, markers))) {
      flushHeadline();
      current = null;
      pendingHeadline = line;
      return;
    }
    if (!hasGlyphItems && DATE_LED.test(line.text) && !(pendingHeadline && current === null)) {
      open(line, null, line.text);
      return;
    }
    if (pendingHeadline || current === null) {
      if (!pendingHeadline && stack.length === 0 && line.text.length < 30 && !endsSentence(line.text)) {
        messages.push(message('warning', 'unplaced-text', `Text outside any section or item: “${line.text}”`, { page: line.page ?? null, offset: line.index }));
        return;
      }
      open(line, null, line.text);
      return;
    }
    (current as SegmentedItem).paragraphs.push(line.text);
  });
  flushHeadline();
  return { sections, items, messages };
}

/** A short line inside an item is a headline only when a paragraph (not an item) follows it. */
function isFollowedByText(lines: Line[], i: number, sectionStarts: Array<SectionStart | null>, markers: Markers): boolean {
  const next = lines[i + 1];
  if (!next || sectionStarts[i + 1]) return false;
  return matchItemStart(next, markers) !== null || !isHeadline(next);
}
