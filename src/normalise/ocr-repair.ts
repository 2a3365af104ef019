/**
 * Repairs for OCR'd text only (the extraction says it came from OCR; text files and text layers
 * never come here). Tesseract reads bulletins well but makes a few mistakes that break structure:
 *  - item glyphs (◆ ◇) come back as junk (急, @@, 铭, <) before a date-led line: that junk is an
 *    item marker whose glyph could not be read — recorded as unknown (null) with a message;
 *  - dates and numbers gain spaces (`5月 8 日`) and confusable characters (〇/O/o → 0, l/I/|/] → 1,
 *    曰 → 日; a stray character between a year and 年);
 *  - section marks are misread (`[重要会议]`, `米重要活动米`);
 *  - page headers and folios (`— 3 —` as `一 3 一`) survive with small misreadings.
 * It works on normalised lines before segmentation and hands the segmenter an extra item marker (a
 * private-use stand-in for "a glyph was here"), so segment/ needs no OCR knowledge.
 */
import type { Config } from '../config.js';
import type { Segmented, SegmentedItem } from '../segment/index.js';
import type { Line } from '../segment/lines.js';
import { SWALLOWED_GLYPH } from '../extract/ocr/tsv.js';
import { CIRCLED_ONE_DIGIT, CIRCLED_TWO_DIGITS } from '../extract/ocr/glyph.js';
import { parseSmallNumber } from '../segment/chinese-numerals.js';
import { message, type Block, type Message } from '../types.js';

/** Stands in for an item glyph OCR could not read; never left in a record (see finishOcrSegments). */
export const UNREADABLE_MARKER = '\uE000';

export interface OcrRepair {
  lines: Line[];
  /** The configured markers plus the stand-in for unreadable item glyphs. */
  markers: Config['markers'];
  messages: Message[];
}

const DIGITISH = '0-9OoQDlI|\\]!〇';
const TO_DIGIT: Record<string, string> = { O: '0', o: '0', Q: '0', D: '0', '〇': '0', l: '1', I: '1', '|': '1', ']': '1', '!': '1' };
/** A number as OCR may give it: digits, confusables and spaces, with at least one real digit. */
const NUM = `[${DIGITISH}](?:[ \\t]*[${DIGITISH}])*`;
const MONTH_DAY = new RegExp(`(${NUM})\\s*月\\s*(${NUM})\\s*([日曰])`, 'gu');
/** A year: four digit-ish characters, maybe one stray character before 年 (`2020人年`). */
const YEAR = new RegExp(`((?:[12][${DIGITISH}]|[${DIGITISH}][09])(?:\\s*[${DIGITISH}]){2})\\s*[^\\s\\d年月日，。、]?\\s*年(?=\\s*(?:${NUM}\\s*月|第))`, 'gu');

function digits(raw: string, lookalikesOnly = false): string | null {
  const s = raw.replace(/\s+/g, '');
  if (!lookalikesOnly && !/\d/.test(s)) return null; // all look-alikes: a number only beside a real one
  return [...s].map((c) => TO_DIGIT[c] ?? c).join('');
}

/**
 * A line opening with a day whose 月 OCR misread as another character (`3绷5日上午`), after at most
 * three characters of junk (an unreadable item glyph): a number, one Han character, a number and 日
 * followed by what follows a date (a comma, part of the day, a range) is a date at that place.
 */
const MONTH_MISREAD_AT_START = /^([^\d\n]{0,3}?)(1[0-2]|0?[1-9])[\p{Script=Han}](3[01]|[12]\d|0?[1-9])[日曰](?=[，,、上中下晚早凌至到—\-~～（(])/u;
/**
 * A year in Chinese numerals with a zero read as a Latin O or a digit (`二O一九年`), or read twice
 * (`二O〇一九年`: the 〇 seen as O and as 〇): its zeros are 〇, one where two stand for one.
 */
const HAN_YEAR = /(?<![\dA-Za-z〇○零一二三四五六七八九])[〇○零一二三四五六七八九OoＯ0]{4,5}(?=年)/gu;
const ZERO = /[OoＯ0〇○零]/u;

function repairHanYear(year: string): string {
  const chars = [...year];
  if (chars.filter((c) => /[一二三四五六七八九]/u.test(c)).length < 2 || !/[OoＯ0]/u.test(year)) return year;
  const k = chars.length === 5 ? chars.findIndex((c, i) => ZERO.test(c) && ZERO.test(chars[i + 1] ?? '')) : -1;
  if (chars.length === 5 && k < 0) return year;
  if (k >= 0) chars.splice(k, 1);
  return chars.map((c) => (/[OoＯ0]/u.test(c) ? '〇' : c)).join('');
}

/**
 * `…14日至16X，` where X is no counter or unit that may follow a number (16时, 16人, 16名…): OCR's
 * reading of the 日 closing a span of days.
 */
const RANGE_END_MISREAD = /(?<=\d{1,2}月)(\d{1,2})日至(\d{1,2})(?![时点分人名个位岁期号月年次届家项元万亿余多周天件篇条批所座户台辆支场处幅本册份亩吨米度])\p{Script=Han}(?=[，,、])/gu;

/**
 * A month and day whose 日 OCR misread as a character of its shape (晶, 目, 口, 田, 白, H), where a part of
 * the day, a comma or a span's 至 follows: `9月12晶下午` is 9月12日下午. No word starts so after a day.
 */
const DAY_MISREAD_IN_TEXT = /(?<!\d)((?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9]))(?:H{1,2}|[晶目口田白])(?=上午|下午|中午|晚上|早上|凌晨|傍晚|[，,至])/gu;

/** `5月 8 日` → `5月8日`, `2O20 年5月l] 曰` → `2020年5月11日`; numbers only when they are plausible. */
export function repairDates(text: string): string {
  let out = text.replace(MONTH_MISREAD_AT_START, '$1$2月$3日');
  out = out.replace(HAN_YEAR, repairHanYear);
  out = out.replace(MONTH_DAY, (all, m: string, d: string) => {
    // An O before a month's digit is no leading zero (months are never written 05月): it is a ◇
    // or ○ glyph OCR read as a letter, and stays before the date for stripUnreadableMarker.
    const glyph = /^[OoQD〇](?=[ \t]*\d)/.exec(m)?.[0] ?? '';
    const monthRaw = m.slice(glyph.length);
    // Month or day may be all look-alikes (`5月l]日`) when the other has a real digit.
    const month = digits(monthRaw, /\d/.test(d));
    const day = digits(d, /\d/.test(monthRaw));
    if (!month || !day || +month < 1 || +month > 12 || +day < 1 || +day > 31) return all;
    return `${glyph}${Number(month)}月${Number(day)}日`;
  });
  out = out.replace(YEAR, (all, y: string) => {
    const year = digits(y);
    return year && /^(?:19|20)\d{2}$/.test(year) ? `${year}年` : all;
  });
  // Range ends and issue numbers: `至 8 日`, `第 18 期`.
  out = out.replace(new RegExp(`([至—\\-~～])\\s*(${NUM})\\s*([日曰])`, 'gu'), (all, sep: string, d: string) => {
    const day = digits(d);
    return day && +day >= 1 && +day <= 31 ? `${sep}${day}日` : all;
  });
  // A range's last day whose 日 OCR misread as another character, before a comma: `9月14日至16唱，`.
  out = out.replace(RANGE_END_MISREAD, (all, start: string, end: string) => (+end > +start && +end <= 31 ? `${start}日至${end}日` : all));
  // A day whose 日 OCR misread before a part of the day or a comma: `9月12晶下午`, `9月3H，`.
  // After one or two characters of junk opening the line it is left to junkDateAtStart, which asks
  // the document whether its items open with junk.
  out = out.replace(DAY_MISREAD_IN_TEXT, (all, date: string, offset: number) => {
    const before = out.slice(0, offset);
    const junk = /^[\s\u3000]*[^\s\u3000]{1,2}[\s\u3000]*$/u.test(before) && !IMAGE_GLYPHS.some((g) => before.trim() === g);
    return junk ? all : `${date}日`;
  });
  out = out.replace(/第\s*(\d+)\s*期/gu, '第$1期');
  // A month after a year, read as a look-alike of 1 with no day after it (a chronicle's `2023年]月`).
  out = out.replace(/((?:19|20)\d{2}年)[ \t]*([lI|\]!])[ \t]*月(?![ \t]*\d)/gu, '$11月');
  // A dash between two dates read as 一 (one): `5月31日一6月1日`.
  out = out.replace(/日一(?=\d{1,2}(?:月\d{1,2})?日)/gu, '日—');
  // A stray quote or dot OCR read in the gap between an office and its date: `办公室　”2024年`.
  out = out.replace(/(\p{Script=Han})[\s\u3000]*[”“"'’‘`·.,，、]+[\s\u3000]*(?=(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年)/gu, '$1\u3000');
  // Spaces between a digit and a Han character are Tesseract's word cuts, never the author's.
  return out.replace(/(\d)[ \t]+(?=[\p{Script=Han}])/gu, '$1').replace(/([\p{Script=Han}])[ \t]+(?=\d)/gu, '$1');
}

/**
 * Brackets around Chinese text as OCR gives them: ASCII parentheses, or one side read as 〈 or <
 * (`第二次〈扩大)会议`). Chinese text sets them full-width, and text files give them so: （扩大）.
 */
const HAN_IN_BRACKETS = /[(（〈<]([^()（）〈〉<>\n]{0,20}\p{Script=Han}[^()（）〈〉<>\n]{0,20})[)）〉>]/gu;

export function fullWidthBrackets(text: string): string {
  return text.replace(HAN_IN_BRACKETS, '（$1）');
}

/**
 * A closing quote OCR read as ASCII `"` after an opening “ (`“双减"政策`): Chinese text closes with ”.
 * Only a `"` with an unclosed “ before it on the line is taken. A pair of ASCII quotes left round a
 * short run with Han text in it is “…”.
 */
export function closingQuotes(text: string): string {
  let open = false;
  return [...text]
    .map((c) => {
      if (c === '“') open = true;
      else if (c === '”') open = false;
      else if (c === '"' && open) {
        open = false;
        return '”';
      }
      return c;
    })
    .join('')
    .replace(ASCII_QUOTED, '“$1”');
}

/** A pair of ASCII quotes round a short run with Han text in it (`举办"书香政协"读书会`): “…” in print. */
const ASCII_QUOTED = /"(?=[^"“”\n]{1,20}")([^"“”\n]*\p{Script=Han}[^"“”\n]*)"/gu;

/** A date at the start of an item: `5月8日`, `6月16号`, `2020年5月8日`, `5月上旬`. */
const DATE_AT_START = /^(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号]|[上中下]旬)/u;
/** An item opening on a relative date (`近日，`), which items without a day use. */
const RELATIVE_AT_START = /^(?:近日|日前|近期|连日来)[，,]/u;
/** Words that really stand before a date at the start of a paragraph. */
const REAL_LEADS = new Set([
  '于', '在', '自', '从', '至', '到', '据', '经', '今', '年', '和', '及', '与', '或', '另', '又', '并', '将', '拟', '定', '已', '原', '现',
  '即', '仅', '共', '当', '为', '对', '按', '依', '因', '由', '截', '、', '（', '(', '“', '"', '《',
]);
const MAX_JUNK = 3;

/** A date opening the text whose month (and day) can exist: `24月13日` cannot. */
function possibleDate(text: string): boolean {
  const m = /^(?:(?:19|20)\d{2}年)?(\d{1,2})月(?:(\d{1,2})[日号])?/u.exec(text);
  return m !== null && +m[1] >= 1 && +m[1] <= 12 && (m[2] === undefined || (+m[2] >= 1 && +m[2] <= 31));
}

/**
 * A line opening with one to three characters of junk and then a date (or `近日，`): the junk is an
 * item glyph OCR could not read. Returns the line's text without it, or null.
 */
export function stripUnreadableMarker(text: string, itemGlyphs: string[]): string | null {
  const t = text.replace(/^[\s\u3000]+/, '');
  for (let n = 1; n <= MAX_JUNK && n < t.length; n++) {
    const junk = t.slice(0, n).replace(/[\s\u3000]/g, '');
    const rest = t.slice(n).replace(/^[\s\u3000]+/, '');
    if (!junk) continue;
    if (RELATIVE_AT_START.test(rest)) {
      if (REAL_LEADS.has(junk) || itemGlyphs.includes(junk) || [...junk].filter((c) => /\p{Script=Han}/u.test(c)).length > 1) return null;
      return rest;
    }
    if (!DATE_AT_START.test(rest)) continue;
    // A digit joined to the date is part of it; one set apart by a gap is a misread glyph.
    const gapped = /^[\s\u3000]/.test(t.slice(n));
    if (!possibleDate(rest)) continue; // `<24月13日`: the 2 belongs to the junk, as the next step shows
    // ... unless the date as read is impossible without it (`24月13日`: a ◇ read as `<2`).
    const joinedDigit = /\d/.test(junk) && !gapped && possibleDate(t.replace(/^[^\d]*/, ''));
    if (joinedDigit || REAL_LEADS.has(junk) || itemGlyphs.some((g) => junk === g)) return null;
    // A glyph misread as Chinese is one character (急, 铭); two or more Han characters before a date
    // are a word (今年, 据悉, 同日) and the line is no item opening.
    if ([...junk].filter((c) => /\p{Script=Han}/u.test(c)).length > 1) return null;
    return rest;
  }
  return null;
}

/**
 * 日 after a day as OCR misreads it: H or HH (the box of 日, or 日 and half the next character), 晶,
 * 曰, 目, 口, 田, 白. Only taken right after junk and a day opening a line (junkDateAtStart).
 */
const DAY_MISREAD = 'H{1,2}|[晶曰目口田白]';
/**
 * One junk character (not a digit, not a space) or two Latin letters, then a month and day whose 日 is
 * misread or written 号, opening a line: `象6月16号，`, `命6月10H 下午`, `急6月18晶上午`.
 */
const JUNK_DATE_AT_START = new RegExp(`^([^\\d\\s\u3000]|[A-Za-z]{2})[ \\t\u3000]*(1[0-2]|0?[1-9])月(3[01]|[12]\\d|0?[1-9])([日号]|${DAY_MISREAD})`, 'u');
/** Words that stand before a date in a sentence even in a document whose items open with junk. */
const HARD_LEADS = new Set(['于', '在', '自', '从', '至', '到', '据', '经', '截', '、', '（', '(', '“', '"', '《']);

/**
 * In a document whose items open with junk before dates (an unreadable glyph each), a line opening
 * with one junk character, a month and a day whose 日 OCR misread (or written 号) is one more such item:
 * `会6月17HH易上，…` → `6月17日易上，…`, `象6月16号，…` → `6月16号，…`. Returns the line without its junk, or null.
 */
export function junkDateAtStart(text: string): string | null {
  const t = text.replace(/^[\s\u3000]+/, '');
  const m = JUNK_DATE_AT_START.exec(t);
  if (!m || HARD_LEADS.has(m[1])) return null;
  return `${Number(m[2])}月${Number(m[3])}${m[4] === '号' ? '号' : '日'}${t.slice(m[0].length).replace(/^[ \t]+/, '')}`;
}

/**
 * How Tesseract's chi_sim reads section marks: 【】 as ASCII or full-width brackets or bars, ※ as a
 * look-alike character (米 兴 关 尖 and punctuation).
 */
const SECTION_MARKS: Array<{ open: string; close: string; lookalikes: string }> = [
  { open: '【', close: '】', lookalikes: '[]［］【】「」『』|()（）〔〕' },
  { open: '※', close: '※', lookalikes: '※米兴关尖头*×xX#⋇' },
];
const TITLE = /^[\p{Script=Han}]{2,12}$/u;
/** A headline in the mark: Han text with digits, quotes and brackets, as article headlines have. */
const HEADLINE = /^(?=.*\p{Script=Han}.*\p{Script=Han})[\p{Script=Han}\d“”"‘’（）()、·—]{2,30}$/u;

interface MarkCandidate {
  line: number;
  style: (typeof SECTION_MARKS)[number];
  title: string;
  bothEnds: boolean;
}

/**
 * Below this confidence the last character of a line opened by a section mark is the closing mark
 * Tesseract could not read (`※调研视察党`, 党 at 0): a mark is not a character of its model, and it
 * comes back as some character it is nearly sure is wrong.
 */
const UNREAD_CLOSE = 40;

/**
 * A short line framed (on one side or both) by look-alikes of a configured section mark; after an
 * opening mark read right, a last character read at a confidence below UNREAD_CLOSE is the closing one.
 */
function sectionCandidate(text: string, markers: Config['markers'], lastConfidence?: number): Omit<MarkCandidate, 'line'> | null {
  const squashed = text.replace(/[\s\u3000]+/g, '');
  for (const style of SECTION_MARKS) {
    if (!markers.sections.some((s) => s.open === style.open && s.close === style.close)) continue;
    // A speck read beside a mark read right, outside it: `x※民主党派、工商联工作※*`.
    let t = squashed;
    let specks = false;
    if (t.length > 4 && t[1] === style.open && style.lookalikes.includes(t[0]) && t[0] !== style.open) [t, specks] = [t.slice(1), true];
    if (t.length > 4 && t[t.length - 2] === style.close && style.lookalikes.includes(t[t.length - 1]) && t[t.length - 1] !== style.close) [t, specks] = [t.slice(0, -1), true];
    if (specks && t.startsWith(style.open) && t.endsWith(style.close) && HEADLINE.test(t.slice(1, -1))) return { style, title: t.slice(1, -1), bothEnds: true };
    t = squashed;
    if (t.startsWith(style.open) && t.endsWith(style.close) && t.length > 2) {
      // Read right, but for a look-alike read beside the mark as well: `【培训会议]】`.
      const inner = t.slice(1, -1);
      const stray = style.lookalikes.includes(inner[inner.length - 1] ?? '') ? -1 : 0;
      const start = style.lookalikes.includes(inner[0] ?? '') ? 1 : 0;
      const title = inner.slice(start, stray || undefined);
      return (stray || start) && HEADLINE.test(title) ? { style, title, bothEnds: true } : null;
    }
    const opens = style.lookalikes.includes(t[0] ?? '');
    const unreadClose = t[0] === style.open && lastConfidence !== undefined && lastConfidence < UNREAD_CLOSE && TITLE.test(t.slice(1, -1));
    const closes = unreadClose || style.lookalikes.includes(t[t.length - 1] ?? '');
    const title = t.slice(opens ? 1 : 0, closes ? -1 : undefined);
    // A headline longer than a section name needs one of its marks read right: `【调研组赴某市开展调研]`.
    const oneRight = t[0] === style.open || t[t.length - 1] === style.close;
    if ((opens || closes) && (TITLE.test(title) || (oneRight && opens && closes && HEADLINE.test(title)))) return { style, title, bothEnds: opens && closes };
  }
  return null;
}

/**
 * `[重要会议]` → `【重要会议】`, `兴重要活动兴` → `※重要活动※` (when that section style is configured).
 * A line framed on both sides is taken; one framed on one side only (`尖领导活动`, `参政议政]`) is
 * taken when the document has at least one framed on both sides, so an ordinary short line that
 * happens to start with 关 stays as it is. `lastConfidence` holds each
 * line's last-character confidence where OCR gave one.
 */
export function repairSectionMarks(lines: string[], markers: Config['markers'], lastConfidence: Array<number | undefined> = []): string[] {
  const found: MarkCandidate[] = [];
  lines.forEach((text, line) => {
    const c = sectionCandidate(text, markers, lastConfidence[line]);
    if (c) found.push({ ...c, line });
  });
  const out = [...lines];
  for (const c of found) {
    const confirmed = c.bothEnds || found.some((o) => o !== c && o.bothEnds && o.style === c.style);
    if (confirmed) out[c.line] = `${c.style.open}${c.title}${c.style.close}`;
  }
  return out;
}

/**
 * A filled square section mark (■) as Tesseract reads it: 图, whose box it resembles, glued to a short
 * title of Han characters only (the printed gap between them is mostly lost).
 */
const SQUARE_MARK_READ = /^[\s\u3000]*图[\s\u3000]*(\p{Script=Han}{2,8})[\s\u3000]*$/u;

/**
 * `图参政议政` → `■ 参政议政`: where two or more short lines are 图 and a title of Han characters only,
 * the 图 is the document's ■ section mark misread (one such line alone may be a caption: 图片新闻).
 */
export function repairSquareMarks(texts: string[], ocred: boolean[]): string[] {
  const titles = texts.map((text, i) => (ocred[i] ? (SQUARE_MARK_READ.exec(text)?.[1] ?? null) : null));
  if (titles.filter((t) => t !== null).length < 2) return texts;
  return texts.map((text, i) => (titles[i] !== null ? `■ ${titles[i]}` : text));
}

/**
 * A chronicle's day (`3日`, `7日至8日`, `10日上午`, with its month too: `1月5日`) whose printed gap OCR read as a quote
 * or a comma: `3日”市委会…`.
 */
const DAY_QUOTE = '((?:\\d{1,2}月)?\\d{1,2}日(?:[至—-]\\d{1,2}日)?(?:上午|下午|中午|晚上)?)[ \\t\u3000]*[”“"\'’‘、]+[ \\t\u3000]*(?=\\p{Script=Han})';
const DAY_QUOTE_AT_START = new RegExp(`^[\\s\u3000]*${DAY_QUOTE}`, 'u');
/** The same after a sentence's end: an entry OCR joined to the one before it. */
const DAY_QUOTE_AFTER_SENTENCE = new RegExp(`(?<=[。；！？])${DAY_QUOTE}`, 'gu');
const DAY_QUOTE_IN_TEXT = new RegExp(`(?<=[。；！？])${DAY_QUOTE}`, 'u');

/**
 * Chronicle day lines whose gap OCR read as ” or ”、 (`3日”市委会召开…`, `7日至8日”、副主委…`): where two or
 * more lines open so, each gap is a U+3000 again, and an entry glued after the sentence before it
 * (`…参加。20日”市委会…`) is a line of its own. Returns each line's text as one or more lines.
 */
export function repairDayGaps(texts: string[], ocred: boolean[]): string[][] {
  const opening = texts.filter((t, i) => ocred[i] && DAY_QUOTE_AT_START.test(t)).length;
  return texts.map((text, i) => {
    // (an entry may be glued to a paragraph that opens with no day: an entry's second paragraph)
    if (opening < 2 || !ocred[i] || !(DAY_QUOTE_AT_START.test(text) || DAY_QUOTE_IN_TEXT.test(text))) return [text];
    return text
      .replace(DAY_QUOTE_AFTER_SENTENCE, '\n$1\u3000')
      .split('\n')
      .map((t) => t.replace(DAY_QUOTE_AT_START, '$1\u3000'));
  });
}

const HAN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
/** A chronicle's month header standing alone: `七　月`, `8月`. */
const MONTH_HEADER = /^[\s\u3000]*(十[一二]?|[一二三四五六七八九]|1[0-2]|0?[1-9])[\s\u3000]*月[\s\u3000]*$/u;
/** The same whose numeral OCR misread as another Han character (`七　月` → `世月`). */
const MISREAD_MONTH_HEADER = /^[\s\u3000]*([\p{Script=Han}]{1,2})[\s\u3000]*月[\s\u3000]*$/u;

function headerMonth(text: string): { month: number; han: boolean } | null {
  const m = MONTH_HEADER.exec(text);
  if (!m) return null;
  const han = HAN_MONTHS.indexOf(m[1]);
  return han >= 0 ? { month: han + 1, han: true } : { month: Number(m[1]), han: false };
}

/**
 * A chronicle's month headers where OCR misread one's numeral (`世月` between nothing and `八月`): a
 * line of one or two Han characters and 月 that no month names is the month before the next header,
 * or after the one before it, written as they are (`七月`, `7月`). Needs a header read right.
 */
export function repairMonthHeaders(texts: string[], ocred: boolean[]): string[] {
  const read = texts.map((t) => headerMonth(t));
  if (!read.some((m) => m !== null)) return texts;
  return texts.map((text, i) => {
    const m = MISREAD_MONTH_HEADER.exec(text);
    if (!ocred[i] || read[i] || !m || /^[元正腊冬本当是每上下同次该前后半整]/u.test(m[1])) return text;
    const next = read.slice(i + 1).find((m) => m !== null);
    const prev = read.slice(0, i).reverse().find((m) => m !== null);
    const guess = next && next.month > 1 ? { ...next, month: next.month - 1 } : prev && prev.month < 12 ? { ...prev, month: prev.month + 1 } : null;
    return guess ? (guess.han ? `${HAN_MONTHS[guess.month - 1]}月` : `${guess.month}月`) : text;
  });
}

/** `— 3 —`, `一 3 一`, `-3-`, `第 3 页` as OCR gives them. */
const FOLIO = /^[\s\u3000]*(?:[-—–－一_~～·.。]{0,3}[\s\u3000]*\d{1,3}[\s\u3000]*[-—–－一_~～·.。]{0,3}|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)[\s\u3000]*$/u;

export function isOcrFolio(text: string): boolean {
  return FOLIO.test(text) && /\d/.test(text);
}

function canonicalFolio(line: Line): Line {
  const text = `— ${/\d{1,3}/.exec(line.text)![0]} —`;
  return { ...line, text, raw: text };
}

/** Share of the characters of the shorter text found, in order, in the longer (a cheap similarity). */
function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  const prev = new Array<number>(l.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    let diag = 0;
    for (let j = 1; j <= l.length; j++) {
      const up = prev[j];
      prev[j] = s[i - 1] === l[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = up;
    }
  }
  return prev[l.length] / l.length;
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

/**
 * Running headers that survived extraction because OCR read them slightly differently on each page:
 * a short line at the top of a page (after the first) that nearly repeats another page's top line
 * or the document's first line (the masthead title, which running headers repeat).
 */
function runningHeaders(lines: Line[]): Set<Line> {
  const tops: Line[] = [];
  let page: number | undefined;
  let seen = 0;
  for (const line of lines) {
    if (line.page !== page) {
      page = line.page;
      seen = 0;
    }
    if (seen++ < 2 && (line.page ?? 1) > 1 && squash(line.text).length <= 24) tops.push(line);
  }
  const first = squash(lines[0]?.text ?? '');
  const headers = new Set<Line>();
  for (const line of tops) {
    const t = squash(line.text);
    if (/[，。；：！？]/.test(t)) continue;
    const repeats = tops.some((o) => o !== line && o.page !== line.page && similarity(t, squash(o.text)) >= 0.7);
    if (repeats || similarity(t, first) >= 0.7) headers.add(line);
  }
  return headers;
}

/**
 * Below this mean word confidence a short line is noise, not text: a folio, seal or ornament that
 * Tesseract turned into characters (`— 1 —` read as 二 at 22), or a display title it could not read.
 */
const UNREADABLE_LINE = 40;
const SHORT_LINE = 30;

const fromOcr = (line: Line): boolean => line.confidence !== undefined;

function unreadable(line: Line): boolean {
  return line.confidence !== undefined && line.confidence < UNREADABLE_LINE && squash(line.text).length <= SHORT_LINE;
}

/** The first full date at the top of the document (the masthead's), as read: the issue date. */
export function issueDate(texts: string[]): Date | null {
  for (const text of texts) {
    const m = LOOSE_DATE.exec(text);
    if (!m) continue;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3]) return date;
  }
  return null;
}

/** Days before the issue date an item's date may lie, and days after (a meeting announced ahead). */
const REPORTED_WITHIN = { before: 92, after: 15 };

/**
 * `二月14日` with an Arabic day: no author mixes a Chinese-numeral month with an Arabic day, but
 * Tesseract reads the two strokes of `11` as 二. Of February and November, the one that puts the
 * day in the weeks before the issue date is taken (`11月14日` in an issue of 24 November); when
 * neither or both do, the text is left as read. The same for a date opening a paragraph whose month
 * OCR read as `1` (11 with a stroke lost: `1月16日` in an issue of 30 November is 11月16日) or `/` (7).
 */
export function repairMisreadMonth(text: string, issue: Date, openings = false): string {
  const out = text.replace(/(?<![〇○零一二三四五六七八九十\d])二月(?=\d{1,2}[日号])/gu, (all, offset: number) => {
    const day = Number(/^\d{1,2}/.exec(text.slice(offset + 2))![0]);
    const fits = [2, 11].filter((month) => reportedWithin(month, day, issue));
    return fits.length === 1 && fits[0] === 11 ? '11月' : all;
  });
  if (!openings) return out;
  return out.replace(OPENING_MONTH_MISREAD, (all, lead: string, read: string, day: string) => {
    const fits = (MONTH_READINGS[read] ?? []).filter((month) => reportedWithin(month, Number(day), issue));
    return fits.length === 1 && String(fits[0]) !== read ? `${lead}${fits[0]}月${day}` : all;
  });
}

/**
 * Whether the issue date as read agrees with the dates opening the document's paragraphs: two or more
 * of them, and most, lie in the weeks before it (a masthead date OCR misread, `1]月9日` as 11月9日,
 * puts the items' December and January dates out of its reach).
 */
export function issueAgrees(texts: string[], issue: Date): boolean {
  let within = 0;
  let outside = 0;
  for (const text of texts) {
    const m = /^[\s\u3000]*[^\d\s\u3000\p{Script=Han}]{0,2}[\s\u3000]*(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])[日号]/u.exec(text);
    if (!m) continue;
    if (reportedWithin(Number(m[1]), Number(m[2]), issue)) within++;
    else outside++;
  }
  return within >= 2 && within > 2 * outside;
}

/** Whether a month and day lie in the weeks around the issue date (this year or the last). */
function reportedWithin(month: number, day: number, issue: Date): boolean {
  for (const year of [issue.getUTCFullYear(), issue.getUTCFullYear() - 1]) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCDate() !== day) continue;
    const days = (issue.getTime() - d.getTime()) / 86_400_000;
    if (days <= REPORTED_WITHIN.before && days >= -REPORTED_WITHIN.after) return true;
  }
  return false;
}

/**
 * The months a month numeral as OCR read it may stand for: `1` is 1 or 11 (one stroke of 11 lost),
 * `/` is 1 or 7 (the 7's stem alone), `?` is 2 or 7 (a hook over a stem).
 */
const MONTH_READINGS: Record<string, number[]> = { '1': [1, 11], '/': [1, 7], '?': [2, 7], '？': [2, 7] };
/** A date opening a paragraph (after an item glyph or a little junk) whose month is one of those. */
const OPENING_MONTH_MISREAD = /^([\s\u3000]*[^\d\s\u3000\p{Script=Han}?？]{0,2}[\s\u3000]*)(?<!\d)(1|\/|\?|？)月(3[01]|[12]\d|0?[1-9])(?=[日号])/u;

export function repairOcrLines(ocrLines: Line[], markers: Config['markers']): OcrRepair {
  // Lines where Tesseract swallowed a glyph into the first word: the mark comes off here and counts
  // as junk before a date below (the stand-in is never left in the text).
  const swallowed = new Set<Line>();
  const input = ocrLines.map((line) => {
    if (!line.text.includes(SWALLOWED_GLYPH)) return line;
    const clean = (s: string) => s.replaceAll(SWALLOWED_GLYPH, '');
    const cleaned = { ...line, text: clean(line.text), raw: clean(line.raw) };
    if (line.text.startsWith(SWALLOWED_GLYPH)) swallowed.add(cleaned);
    return cleaned;
  });
  const messages: Message[] = [];
  const noise = input.filter(unreadable);
  if (noise.length > 0) {
    messages.push(message('warning', 'ocr-unreadable-lines', `Left out ${noise.length} short line(s) OCR could not read (confidence below ${UNREADABLE_LINE}): ${noise.map((l) => `"${l.text.slice(0, 12)}"`).join(', ')}.`));
  }
  const readable = input.filter((line) => !unreadable(line));
  // In a PDF with a text layer on some pages, only the OCR'd pages' lines (those with a confidence) are touched.
  const headers = new Set([...runningHeaders(readable)].filter(fromOcr));
  const folio = (line: Line) => fromOcr(line) && isOcrFolio(line.text);
  // A folio is handed on as the page number it is (`一 3 一` → `— 3 —`), for the segmenter's page
  // furniture pass to remove with the running header beside it (one OCR read too differently from
  // page to page to be caught above: 溢城政协工作简报 for 涪城政协工作简报).
  const kept = splitDateFromSection(
    readable.filter((line) => !headers.has(line)).map((line) => (folio(line) ? canonicalFolio(line) : line)),
    markers,
  );
  const folios = readable.filter(folio).length;
  const texts = repairSectionMarks(
    kept.map((l) => (fromOcr(l) ? closingQuotes(fullWidthBrackets(repairDates(l.text))) : l.text)),
    markers,
    kept.map((l) => (fromOcr(l) ? l.lastConfidence : undefined)),
  );
  for (let i = 0; i < Math.min(MASTHEAD_LINES, texts.length); i++) if (fromOcr(kept[i])) texts[i] = separateMastheadDate(texts[i]);
  texts.splice(0, texts.length, ...repairSquareMarks(texts, kept.map(fromOcr)));
  const circled = numberCircledGlyphs(texts, kept.map(fromOcr));
  texts.splice(0, texts.length, ...circled.texts);
  const issue = issueDate(texts.slice(0, MASTHEAD_LINES));
  const agrees = issue !== null && issueAgrees(texts, issue);
  const lines: Line[] = [];
  const junks = new Map<string, number>();
  for (const [i, line] of kept.entries()) {
    if (!fromOcr(line)) {
      lines.push(line);
      continue;
    }
    let text = issue ? repairMisreadMonth(texts[i], issue, agrees) : texts[i];
    const stripped = stripUnreadableMarker(swallowed.has(line) ? `${SWALLOWED_GLYPH}${text}` : text, markers.items);
    const glyphRead = [...markers.items, ...IMAGE_GLYPHS, ...CIRCLED].some((g) => text.startsWith(g));
    if (stripped !== null && !glyphRead) {
      const junk = squash(text.slice(0, text.length - stripped.length));
      if (junk) junks.set(junk, (junks.get(junk) ?? 0) + 1);
      text = `${UNREADABLE_MARKER}${stripped}`;
    }
    lines.push(text === line.text ? line : { ...line, text, raw: closingQuotes(fullWidthBrackets(repairDates(line.raw))) });
  }
  // Item glyphs read from the page image (src/extract/ocr/glyph.ts) open items whatever the config
  // lists: the image shows them opening date-led lines.
  const imageGlyphs = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const glyph = [...line.text][0] ?? '';
    if (!fromOcr(line) || !IMAGE_GLYPHS.includes(glyph)) continue;
    let rest = line.text.slice(glyph.length).replace(GLYPH_SPECKS, '');
    rest = junkDateAtStart(glyph + rest) ?? rest; // a misread 日 after the date: ◆6月14H上午
    if (!DATE_AT_START.test(rest) && !RELATIVE_AT_START.test(rest)) continue;
    lines[i] = { ...line, text: glyph + rest };
    if (!markers.items.includes(glyph)) imageGlyphs.add(glyph);
  }
  // Where two or more items opened with junk or a glyph read from the image before a date, a line
  // opening with one junk character and a date whose 日 OCR misread is one more.
  const glyphOpened = (l: Line) => l.text.startsWith(UNREADABLE_MARKER) || [...IMAGE_GLYPHS, ...circled.items].some((g) => l.text.startsWith(g));
  if (lines.filter(glyphOpened).length >= 2) {
    for (const [i, line] of lines.entries()) {
      if (!fromOcr(line) || glyphOpened(line) || markers.items.some((g) => line.text.startsWith(g))) continue;
      const rest = junkDateAtStart(line.text);
      if (rest !== null) lines[i] = { ...line, text: `${UNREADABLE_MARKER}${rest}` };
    }
  }
  lines.splice(0, lines.length, ...repeatedJunkItems(lines, junks));
  lines.splice(0, lines.length, ...repairFooterColons(lines).map((line) => {
    if (!fromOcr(line)) return line;
    const text = paragraphLabelColon(hanColons(fieldGaps(line.text)));
    return text === line.text ? line : { ...line, text, raw: paragraphLabelColon(hanColons(fieldGaps(line.raw))) };
  }));
  lines.splice(0, lines.length, ...restoreStopsBeforePartOfDay(lines));
  const months = repairMonthHeaders(lines.map((l) => l.text), lines.map(fromOcr));
  lines.splice(0, lines.length, ...lines.map((line, i) => (months[i] === line.text ? line : { ...line, text: months[i], raw: months[i] })));
  const days = repairDayGaps(lines.map((l) => l.text), lines.map(fromOcr));
  const split = lines.flatMap((line, i) => (days[i].length === 1 && days[i][0] === line.text ? [line] : days[i].map((text) => ({ ...line, text, raw: text }))));
  lines.splice(0, lines.length, ...split);
  if (folios + headers.size > 0) {
    messages.push(message('info', 'ocr-running-lines-removed', `Read ${folios} page number line(s) as OCR gave them (removed with the page furniture) and removed ${headers.size} running header line(s) that OCR read differently on each page.`));
  }
  const circledItems = circled.items.filter((g) => !markers.items.includes(g));
  return { lines, markers: { ...markers, items: [...markers.items, ...imageGlyphs, ...circledItems, UNREADABLE_MARKER] }, messages };
}

const CIRCLED = [...'①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'];
const CIRCLED_READ = ['①', CIRCLED_ONE_DIGIT, CIRCLED_TWO_DIGITS];
/** A dated entry after a circled number (as segment/auto-markers.ts asks of circled item markers). */
const CIRCLED_DATED = /^[\s\u3000]*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}[日号]/u;

/**
 * Circled numbers read from the page image (src/extract/ocr/glyph.ts) whose digits were not read: a
 * ring round one digit or two, or ① (one upright stroke). They count the items of an issue in order,
 * so each is the number after the one before it, from ① (a ① read again starts the count again);
 * a number whose count of digits disagrees with its place (a ring round two digits as the fourth) is
 * left unread (the unreadable-glyph stand-in). Where two or more open dated lines, and most of them
 * do, they are item markers (`items`), as on the text path; otherwise they stay as enumeration.
 */
export function numberCircledGlyphs(texts: string[], ocred: boolean[]): { texts: string[]; items: string[] } {
  let n = 0;
  const opened: string[] = [];
  const numbered = texts.map((text, i) => {
    const read = CIRCLED_READ.find((g) => text.startsWith(g));
    if (!ocred[i] || read === undefined) return text;
    n = read === '①' ? 1 : n + 1;
    const fits = read === CIRCLED_TWO_DIGITS ? n >= 10 && n <= 20 : n <= 9;
    opened.push(text.slice(read.length));
    return `${fits ? CIRCLED[n - 1] : UNREADABLE_MARKER}${text.slice(read.length)}`;
  });
  const dated = opened.filter((t) => CIRCLED_DATED.test(t)).length;
  return { texts: numbered, items: opened.length > 0 && dated >= 2 && dated * 2 >= opened.length ? CIRCLED : [] };
}

/** A paragraph opening with a part of the day and a comma: the day's second entry (`下午，…`). */
const PART_OF_DAY_ENTRY = /^[\s\u3000]*(?:上午|下午|中午|晚上)[，,]/u;
/** Characters a line may end with when the next one goes on with the day: `…于10月8日` / `下午，`. */
const DAY_WORD_END = /[日号天今昨明当同次该每周\d]$/u;

/**
 * `…研究会议议程` then `下午，…`: a paragraph's full stop alone on the last line of its paragraph is
 * small, and OCR drops it; a line ending in a Han character before a paragraph that opens with a part
 * of the day is a sentence's end. The stop goes back, so the day's second entry is not run on.
 */
export function restoreStopsBeforePartOfDay(lines: Line[]): Line[] {
  return lines.map((line, i) => {
    const next = lines[i + 1];
    if (!fromOcr(line) || !next || !fromOcr(next) || !PART_OF_DAY_ENTRY.test(next.text)) return line;
    if (!/\p{Script=Han}$/u.test(line.text) || DAY_WORD_END.test(line.text)) return line;
    return { ...line, text: `${line.text}。`, raw: `${line.raw}。` };
  });
}

/** Footer labels (as segment/classify.ts's footer lines open) and the colon after them. */
const FOOTER_LABELS = '报|送|发|抄送|抄报|分送|报送|印发|主送|责任编辑|编辑|主编|审核|审定|签发|校对|联系电话|电话';
const FOOTER_COLON = new RegExp(`^[\\s\u3000]*(?:${FOOTER_LABELS})[\\s\u3000]*[：:]`, 'u');
/** A footer label whose colon OCR read as a semicolon or a stop (`报;区委…`, `送；…`), before Han text. */
const FOOTER_MISREAD_COLON = new RegExp(`^([\\s\u3000]*(?:${FOOTER_LABELS}))[\\s\u3000]*[;；.．,，][\\s\u3000]*(?=\\p{Script=Han})`, 'u');

/**
 * `报;区委主要领导，…` next to `送:市政协办公室，…`: a footer label with its colon misread as `;` or a
 * stop, on a line next to (or one line from) another footer line read right, is a footer line.
 */
export function repairFooterColons(lines: Line[]): Line[] {
  return lines.map((line, i) => {
    if (!fromOcr(line) || !FOOTER_MISREAD_COLON.test(line.text)) return line;
    const near = [i - 2, i - 1, i + 1, i + 2].some((j) => j !== i && FOOTER_COLON.test(lines[j]?.text ?? ''));
    if (!near) return line;
    const fix = (s: string) => s.replace(FOOTER_MISREAD_COLON, '$1：');
    return { ...line, text: fix(line.text), raw: fix(line.raw) };
  });
}

/** A field line: a label of one to four Han characters (maybe letter-spaced) and a colon. */
const FIELD_LINE = /^[\s\u3000]*(?:\p{Script=Han}[\s\u3000]*){1,4}[：:]/u;
/** A quote OCR read in a printed gap between two names or fields: `马某”杜某`, `王某　”审核:`. */
const GAP_QUOTE = /(?<=\p{Script=Han}|[）)])[\s\u3000]*[”“"]+[\s\u3000]*(?=\p{Script=Han})/gu;

/**
 * `副主委:马某”杜某”邢某（专职）`, `编辑:孙某　”审核:郑某`: on a field line with no quotation in it
 * (no opening “ before a closing one), quotes between Han characters are the gaps between names or
 * fields, read as ink. They become the gap (U+3000) the text path has there.
 */
export function fieldGaps(text: string): string {
  if (!FIELD_LINE.test(text) || /“[^”"]*[”"]/u.test(text)) return text;
  const quoted = text.replace(GAP_QUOTE, '\u3000');
  // A stop or comma between a name and the next field's label is the gap between the fields
  // (`主任:纳某某。副主任:杨某某`); one between two names, on a line whose other names stand apart by
  // gaps, is such a gap too (`委员:冯某　马某某，李某某　哈某某`).
  const labelled = quoted.replace(STOP_BEFORE_LABEL, '\u3000');
  return /\p{Script=Han}\u3000+\p{Script=Han}/u.test(labelled.replace(FIELD_LINE, '')) ? labelled.replace(STOP_BETWEEN_NAMES, '\u3000') : labelled;
}

const STOP_BEFORE_LABEL = /(?<=\p{Script=Han})[\s\u3000]*[。，,.．][\s\u3000]*(?=(?:\p{Script=Han}[\s\u3000]*){1,4}[：:])/gu;
const STOP_BETWEEN_NAMES = /(?<=(?:^|[\s\u3000：:])\p{Script=Han}{2,3})[\s\u3000]*[。，,][\s\u3000]*(?=\p{Script=Han}{2,3}(?:[\s\u3000]|$))/gu;

/** Labels that open a paragraph with a colon: an editor's note, a postscript, a note. */
const PARAGRAPH_LABEL_MISREAD = /^([\s\u3000]*(?:编者按|编者的话|按语|编后|编后语|备注|注|附))[\s\u3000]*[;；][\s\u3000]*(?=[\p{Script=Han}\d])/u;

/** `编者按; 7日召开的…`: a paragraph's label whose colon OCR read as a semicolon. */
export function paragraphLabelColon(text: string): string {
  return text.replace(PARAGRAPH_LABEL_MISREAD, '$1：');
}

/** A colon OCR read as ASCII between Han characters (`主任:纳某某`): Chinese text sets it full-width. */
export function hanColons(text: string): string {
  return text.replace(/(?<=\p{Script=Han})[ \t]*:[ \t]*(?=\p{Script=Han})/gu, '：');
}

/** Junk OCR gives for a glyph that is no Chinese: Latin letters and ASCII symbols (`@`, `GD`, `<`). */
const SYMBOL_JUNK = /^[A-Za-z@#$%&*<>=+^~|\\/]{1,2}$/u;

/**
 * An item whose glyph OCR read as the same junk that opened two or more dated items (`@10月8日，…`),
 * but which opens with no date (an undated 社情民意 item: `@区政协委员…`): that junk, Latin letters or
 * ASCII symbols glued to a Han character, is the glyph again. Han junk is left alone (a word may open
 * a paragraph), and so is junk seen only once.
 */
export function repeatedJunkItems(lines: Line[], junks: Map<string, number>): Line[] {
  const repeated = [...junks].filter(([junk, n]) => n >= 2 && SYMBOL_JUNK.test(junk)).map(([junk]) => junk);
  if (repeated.length === 0) return lines;
  return lines.map((line) => {
    if (!fromOcr(line)) return line;
    const t = line.text.replace(/^[\s\u3000]+/, '');
    const junk = repeated.find((j) => t.startsWith(j) && /^[\s\u3000]*\p{Script=Han}/u.test(t.slice(j.length)));
    return junk ? { ...line, text: `${UNREADABLE_MARKER}${t.slice(junk.length).replace(/^[\s\u3000]+/, '')}` } : line;
  });
}

/** Item glyphs OCR reads from the page image; ■ □ mark sections. */
const IMAGE_GLYPHS = ['◆', '◇', '●', '○', '▲', '△'];
/** Specks between a glyph and the date after it, read as punctuation: `◆”12月28日`, `◆。12月29日`. */
const GLYPH_SPECKS = /^[\s\u3000]*[”“"'’‘`。，、.,·]{0,2}[\s\u3000]*/u;

/**
 * `2020年5月11日※重要精神※`: the masthead's date and the first section's title, framed by a configured
 * mark, that OCR read as one line (the date set at the right, the title below it, their boxes
 * overlapping on a tilted page). On the top lines they are two lines again.
 */
export function splitDateFromSection(lines: Line[], markers: Config['markers']): Line[] {
  return lines.flatMap((line, i) => {
    if (i >= MASTHEAD_LINES || !fromOcr(line)) return [line];
    for (const { open, close } of markers.sections) {
      if (!open || !close) continue;
      const m = new RegExp(`^(.*(?:19|20)\\d{2}[ \\t]*年[ \\t]*\\d{1,2}[ \\t]*月[ \\t]*\\d{1,2}[ \\t]*日)[\\s\u3000]*(${escape(open)}[^${escape(open)}${escape(close)}]{2,20}${escape(close)})[\\s\u3000]*$`, 'u').exec(line.text);
      if (m) return [{ ...line, text: m[1], raw: m[1] }, { ...line, text: m[2], raw: m[2] }];
    }
    return [line];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\\-]/g, '\\$&');

/** Lines at the top of the first page searched for a damaged masthead date. */
const MASTHEAD_LINES = 8;

/**
 * Specks between an office and the issue date on a masthead line, read as punctuation glued to both
 * (`某某委员会办公室。”二〇二一年三月五日`): a full date with its year right after Han text and a
 * run of punctuation is a field of its own, as the gap the specks filled sets it apart in print.
 */
const SPECKS_BEFORE_DATE = /(?<=\p{Script=Han})[\s\u3000]*[。，、．.,·:：;；”“"'’‘`]{1,3}[\s\u3000]*(?=(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)/u;

/** A masthead line's date set apart from the office before it when OCR glued specks between them. */
export function separateMastheadDate(text: string): string {
  return text.replace(SPECKS_BEFORE_DATE, '\u3000').replace(MASTHEAD_DAY_MISREAD, '$1日');
}

/**
 * A full date whose 日 OCR misread (`二〇一九年四月八晶`, `2019年4月8H`), closing its field: on the top
 * lines, where the issue date stands, the misread character is 日.
 */
const MASTHEAD_DAY_MISREAD = new RegExp(
  `((?:(?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})年(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3}))(?:${DAY_MISREAD})(?=[\\s\u3000]|$)`,
  'u',
);
/** A date with up to two junk characters anywhere between its parts: `2020人年5月1]) 日`. */
const LOOSE_DATE = /((?:19|20)\d{2})[^\d\n]{0,2}年[^\d\n]{0,2}(\d{1,2})[^\d\n]{0,2}月[^\d\n]{0,2}(\d{1,2})[^\d\n]{0,3}[日曰]/u;

/**
 * The issue date from a masthead date OCR broke beyond the character repairs, read loosely — taken
 * only when its year agrees with the year the rest of the masthead gives (`2020年第18期`).
 */
/**
 * A masthead date in Chinese numerals with junk among the year's numerals (`二人@〇二一年五月二十四日`):
 * the last four numerals before 年 are the year. Returns [, year, month, day] as LOOSE_DATE does.
 */
const LOOSE_HAN_DATE = /([〇○零一二三四五六七八九OoＯ][^\s\d年月日，。]{0,9}?)年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})[日曰]/u;

function looseHanDate(text: string): string[] | null {
  const m = LOOSE_HAN_DATE.exec(text);
  if (!m) return null;
  const numerals = [...m[1]].map((c) => (/[OoＯ]/u.test(c) ? '〇' : c)).filter((c) => parseSmallNumber(c) !== null);
  if (numerals.length < 4) return null;
  const year = numerals.slice(-4).map((c) => parseSmallNumber(c)).join('');
  const month = parseSmallNumber(m[2]);
  const day = parseSmallNumber(m[3]);
  return month === null || day === null ? null : [m[0], year, String(month), String(day)];
}

export function looseMastheadDate(lines: Line[], year: number | null): string | null {
  if (year === null) return null;
  for (const line of lines.slice(0, MASTHEAD_LINES)) {
    const m = LOOSE_DATE.exec(line.text) ?? looseHanDate(line.text);
    if (!m || Number(m[1]) !== year) continue;
    const [month, day] = [Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || month > 12 || date.getUTCDate() !== day) continue;
    return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/**
 * Items opened by the stand-in get marker null and a message; a masthead date still missing is read
 * loosely when the rest of the masthead agrees; the repair's messages join the rest.
 */
export function finishOcrSegments(segmented: Segmented, repair: OcrRepair): Segmented {
  const messages = [...repair.messages];
  let masthead = segmented.masthead;
  const loose = masthead.date === null ? looseMastheadDate(repair.lines, masthead.year) : null;
  if (loose) {
    masthead = { ...masthead, date: loose };
    messages.push(message('warning', 'ocr-masthead-date-repaired', `The masthead date was damaged by OCR; read as ${loose}, which agrees with the masthead year ${masthead.year}.`));
  }
  const items = segmented.items.map((item) => {
    if (item.marker !== UNREADABLE_MARKER) return item;
    messages.push(message('info', 'ocr-unreadable-marker', `An item glyph could not be read by OCR; the item opening "${(item.paragraphs[0] ?? '').slice(0, 12)}" has marker null.`, { page: item.page }));
    return { ...item, marker: null };
  });
  const kept = loose ? segmented.messages.filter((m) => m.code !== 'masthead-without-date') : segmented.messages;
  return { ...segmented, masthead, items, messages: [...kept, ...messages] };
}

/**
 * Each item's mean OCR confidence: the blocks from its first paragraph on, until they hold as many
 * characters as the item's text, weighted by characters. Null for items with no OCR'd blocks.
 */
export function itemConfidences(items: SegmentedItem[], blocks: Block[]): Array<number | null> {
  const byIndex = [...blocks].sort((a, b) => a.index - b.index);
  return items.map((item) => {
    const want = squash((item.headline ?? '') + item.paragraphs.join(''));
    let have = 0;
    let weighted = 0;
    let chars = 0;
    for (const block of byIndex) {
      if (block.index < item.paragraph) continue;
      if (have >= want.length) break;
      const n = squash(block.text).length;
      have += n;
      if (block.confidence === undefined) continue;
      weighted += block.confidence * n;
      chars += n;
    }
    return chars > 0 ? Math.round((weighted / chars) * 10) / 10 : null;
  });
}
