/**
 * Photo captions and credit lines: the short lines a page prints under its pictures or at its close, which are no
 * headline of a new item. Captions inside an article or closing a page stay with its story; a page's closing credit
 * line goes to the footer. Pure functions of the body's lines.
 */
import { DATE_LED, endsSentence, isFooterLine } from './classify.js';
import { DAY_LED, SUBJECT_DATED, isClosingCredit, isNumberedLine } from './digest.js';
import type { Line } from './lines.js';
import type { SectionStart } from './body.js';

const MAX_TRAILING_CAPTION = 40;
const MIN_TRAILING_CAPTIONS = 2;

/**
 * The photo captions closing each page's text: two lines or more up to the page's end (the next page's start, or the
 * end of the text), each short and without a sentence's end, a colon, a date or a credit, after a paragraph that ends
 * a sentence. Found once per document (the body loop asks it of every line).
 */
export function closingCaptionLines(lines: Line[], sectionStarts: Array<SectionStart | null>, credits: Set<number>): Set<number> {
  const caption = (l: Line) => {
    const t = l.text.trim();
    // (a table's rows closing the text are no captions)
    return l.kind !== 'tableCell' && t.length >= 4 && t.length <= MAX_TRAILING_CAPTION && !/[。！？；;：:]/u.test(t) && !DATE_LED.test(t) && !isNumberedLine(t) && !isClosingCredit(t) && !isClosingCredit(l.raw);
  };
  const out = new Set<number>();
  let pageStart = 0;
  for (const pageEnd of pageEnds(lines)) {
    // (the page's closing credit line, if any, comes after its captions)
    let end = pageEnd;
    while (end > pageStart && credits.has(end - 1)) end--;
    let a = end;
    while (a > pageStart && caption(lines[a - 1]) && !sectionStarts[a - 1] && (a - 1 === pageStart || lines[a - 1].pageStart === undefined)) a--;
    if (end - a >= MIN_TRAILING_CAPTIONS && a > pageStart && endsSentence(lines[a - 1].text)) for (let k = a; k < end; k++) out.add(k);
    pageStart = pageEnd;
  }
  return out;
}

/** Where each page of the text ends: before every line that starts another page, and at the end. */
function pageEnds(lines: Line[]): number[] {
  return [...lines.flatMap((l, i) => (l.pageStart !== undefined && i > 0 ? [i] : [])), lines.length];
}

/**
 * The credit lines closing a page of a file that joins several (`文字：某某　审核：某某　摄影：某某　编辑：某某`, after
 * the page's last paragraph and right before the next page): labelled lines only, as a footer's are. They credit the
 * page's staff, who go to the footer; they are no text of its last story. (The last page's are the footer itself.)
 */
export function pageCreditLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  let pageStart = 0;
  for (const end of pageEnds(lines)) {
    let a = end;
    while (a > pageStart + 1 && isFooterLine(lines[a - 1].raw) && (a - 1 === pageStart || lines[a - 1].pageStart === undefined)) a--;
    for (let k = a; k < end; k++) out.add(k);
    pageStart = end;
  }
  return out;
}


/** What a person does in a photo: the end of a caption naming them (`张某主委发言`, `李某副部长讲话`). */
const PERSON_IN_PHOTO = /(?:发言|讲话|致辞|作报告|主持会议|讲课|授课|颁奖|授牌|揭牌|调研|察看|参观|合影|留影)$/u;
const MAX_PERSON_CAPTION = 16;
/** A paragraph that opens a new story: its date, a recent-event opening or a news lead. */
const STORY_OPENING = /^(?:[^，。]{0,20}?(?:讯|电|消息|报道)[\s\u3000（(]|本报讯|本网讯|本刊讯)|^[^，,。]*(?:日前|近日|近期|日内)/u;

const PHOTO_POINTER = /^[▲△↑]/u;

/** A caption inside an article: printed twice, or naming what a person does, and followed by more of the story. */
export function isInlineCaption(lines: Line[], i: number): boolean {
  const t = lines[i].text.trim();
  // (a page's own title printed twice opens its story: a news lead or a date after the pair)
  if (lines[i + 1]?.text.trim() === t) return !opensStory(lines[i + 2]?.text ?? '');
  if (lines[i - 1]?.text.trim() === t) return !opensStory(lines[i + 1]?.text ?? '');
  // (`▲某商会荣获…称号`: a triangle pointing up at the photo, the story going on below it)
  if (PHOTO_POINTER.test(t) && !endsSentence(t)) return !opensStory(lines[i + 1]?.text ?? '');
  const next = lines[i + 1]?.text ?? '';
  return t.length <= MAX_PERSON_CAPTION && PERSON_IN_PHOTO.test(t) && next !== '' && !DATE_LED.test(next) && !DAY_LED.test(next) && !STORY_OPENING.test(next);
}

const MAX_RUN_CAPTION = 30;
/** A line a caption may be: short, without a sentence's punctuation or a date, or wholly in brackets. */
function captionLike(text: string): boolean {
  const t = text.trim();
  if (BRACKETED_CAPTION.test(t)) return true;
  return t.length >= 2 && t.length <= MAX_RUN_CAPTION && !/[，,。！？；;：:]/u.test(t) && !DATE_LED.test(t) && !isNumberedLine(t) && !isClosingCredit(t);
}
/** `（某某一行参观某园区）`: a caption in brackets, not a byline or a source note. */
const BRACKETED_CAPTION = /^[（(](?![^）)]*(?:记者|通讯员|供稿|来源|编辑|摄|责任|\d{1,4}[年月日]))[^（()）。]{6,60}[）)]$/u;

/**
 * Whether line `i` is one of a run of caption lines inside an article: two or more caption-like lines (or a
 * bracketed one) after a paragraph that ends a sentence, followed by a paragraph of the same story (one that
 * opens no story of its own: no date, no news lead, no 今天/日前).
 */
export function captionRunAt(lines: Line[], i: number, sectionStarts: Array<SectionStart | null>): boolean {
  if (!captionLike(lines[i].text)) return false;
  let a = i;
  while (a > 0 && captionLike(lines[a - 1].text) && !sectionStarts[a - 1]) a--;
  let b = i + 1;
  while (b < lines.length && captionLike(lines[b].text) && !sectionStarts[b]) b++;
  const bracketed = lines.slice(a, b).every((l) => BRACKETED_CAPTION.test(l.text.trim()));
  if (b - a < 2 && !bracketed) return false;
  if (a === 0 || !endsSentence(lines[a - 1].text) || sectionStarts[a]) return false;
  const next = lines[b]?.text ?? '';
  // (a line wholly in brackets heads no story, whatever follows it)
  return /[。！？]/u.test(next) && !sectionStarts[b] && (bracketed || !opensStory(next));
}

/** A paragraph that opens a story of its own: a date, a news lead, a recent-event or day-word opening. */
export function opensStory(text: string): boolean {
  return DATE_LED.test(text) || DAY_LED.test(text) || SUBJECT_DATED.test(text) || STORY_OPENING.test(text) || /^(?:今天|今日|昨天|昨日)/u.test(text);
}
