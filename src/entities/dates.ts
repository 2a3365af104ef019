/**
 * Day dates in item text: `5月8日`, `5月6日至7日`, `4月30日至5月2日`, `2020年5月11日`, `二〇二一年五月二十四日`,
 * with a part of day (`上午` am, `下午` pm, `晚上`/`晚` evening). Month ranges (`1—2月份`), months (`5月份`),
 * durations (`45天`) and bare years are not day dates.
 */
import type { DateMention } from '../record/schema.js';
import { message, type Message } from '../types.js';
import { EDITORS_NOTE_LABEL } from '../text/patterns.js';

const YEAR = '[0-9０-９]{4}|[〇○零一二三四五六七八九]{4}';
const NUM = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';
const SEP = '(?:至|到|——|—|–|―|－|-|~|～|−)';
const DAY_END = '[日号]';
const PART_OF_DAY = '上午|下午|晚上|晚间|傍晚|夜间|早上|早晨|清晨|凌晨|晚';

/**
 * Groups: 1 year, 2 month, 3 day, then either (4 end year, 5 end month, 6 end day) after a closed first day,
 * or (7 end month, 8 end day) after an open one (`5月6—7日`), or none when the 日 is left out before a part of day
 * or a comma (`5月28上午，`); 9 part of day.
 */
const DATE_RE = new RegExp(
  `(?<![0-9０-９])(?:(${YEAR})\\s*年\\s*)?(${NUM}|元)\\s*月\\s*(${NUM})\\s*` +
    `(?:${DAY_END}(?:\\s*${SEP}\\s*(?:(${YEAR})\\s*年\\s*)?(?:(${NUM})\\s*月\\s*)?(${NUM})\\s*${DAY_END})?` +
    `|\\s*${SEP}\\s*(?:(${NUM})\\s*月\\s*)?(${NUM})\\s*${DAY_END}` +
    // (`5月28上午，`, `5月28，`: the 日 left out before a part of day or a comma)
    `|(?=(?:${PART_OF_DAY})[，,]?|[，,]))` +
    `(?:[（(]星期[一二三四五六日天][）)])?(${PART_OF_DAY})?`,
  'g',
);

const HAN_DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** '12', '１２', '十二', '二十四', '三十一', '十' → number; a year's '二〇二一' → 2021. */
export function parseNumber(raw: string): number | null {
  // 元月 is January
  if (raw === '元') return 1;
  const s = toAsciiDigits(raw);
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!s.includes('十')) {
    let n = 0;
    for (const c of s) {
      const d = HAN_DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  const [tens, ones] = s.split('十');
  const t = tens === '' ? 1 : HAN_DIGITS[tens];
  const o = ones === '' ? 0 : HAN_DIGITS[ones];
  if (t === undefined || o === undefined || tens.length > 1 || ones.length > 1) return null;
  return t * 10 + o;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function partOfDayOf(word: string | undefined): DateMention['partOfDay'] {
  if (!word) return null;
  if (/上午|早上|早晨|清晨|凌晨/.test(word)) return 'am';
  if (word === '下午') return 'pm';
  return 'evening';
}

/** A date with its year. Built once: it was compiled anew per call, i.e. per item of an issue without a date. */
const FULL_DATE_RE = new RegExp(`(${YEAR})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*${DAY_END}`, 'g');

/**
 * The first full date (with its year) in `text`: '2020年5月11日', '2020 年 5 月 11 日', '二〇二一年五月二十四日'
 * → ISO, or null.
 */
export function parseFullDate(text: string): string | null {
  for (const m of text.matchAll(FULL_DATE_RE)) {
    const y = parseNumber(m[1]);
    const mo = parseNumber(m[2]);
    const d = parseNumber(m[3]);
    if (y !== null && mo !== null && d !== null && isValidDay(y, mo, d)) return isoDate(y, mo, d);
  }
  return null;
}

/** The first explicit year of a full date in `text`, used when the issue date is unknown. */
export function firstExplicitYear(text: string): number | null {
  const iso = parseFullDate(text);
  return iso ? Number(iso.slice(0, 4)) : null;
}

export interface DateFindOptions {
  /** ISO issue date: month-days take its year (or the year before when they lie clearly after it). */
  issueDate: string | null;
  /** Year to use when there is no issue date. */
  fallbackYear: number | null;
  /** ISO date the page was published: 今日, 昨日, 当天 count from it. */
  pageDate?: string | null;
}

/** A month-day more than this many days after the issue date belongs to the year before. */
const FUTURE_TOLERANCE_DAYS = 31;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Every day date in `text`, in order, with messages (guessed-year) carrying offsets into `text`. */
export function findDates(text: string, options: DateFindOptions): { dates: DateMention[]; messages: Message[] } {
  const dates: DateMention[] = [];
  const messages: Message[] = [];
  const issueYear = options.issueDate ? Number(options.issueDate.slice(0, 4)) : options.fallbackYear;
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index ?? 0;
    const month = parseNumber(m[2]);
    const day = parseNumber(m[3]);
    if (month === null || day === null) continue;
    const explicitYear = m[1] ? parseNumber(m[1]) : null;
    let year = explicitYear ?? issueYear;
    if (year === null) {
      // The month and day are still known: keep them, with no ISO date (a leap day is allowed).
      if (!isValidDay(2000, month, day)) continue;
      messages.push(message('info', 'date-without-year', `No year known for the date "${m[0]}"; month and day kept`, { offset: start }));
      dates.push(partialMention(m[0], month, day, partOfDayOf(m[9]), [start, start + m[0].length], 'text'));
      continue;
    }
    if (!isValidDay(year, month, day)) continue;
    let guessed = false;
    if (explicitYear === null && options.issueDate) {
      const candidate = isoDate(year, month, day);
      if (dayNumber(candidate) - dayNumber(options.issueDate) > FUTURE_TOLERANCE_DAYS && isValidDay(year - 1, month, day)) {
        year -= 1;
        guessed = true;
      }
    }
    const startIso = isoDate(year, month, day);
    let endIso = startIso;
    const endDayRaw = m[6] ?? m[8];
    if (endDayRaw) {
      const endDay = parseNumber(endDayRaw);
      const endMonthRaw = m[5] ?? m[7];
      const endMonth = endMonthRaw ? parseNumber(endMonthRaw) : month;
      let endYear = m[4] ? parseNumber(m[4]) : year;
      if (endDay !== null && endMonth !== null && endYear !== null) {
        if (!m[4] && endMonth < month) endYear += 1;
        if (isValidDay(endYear, endMonth, endDay)) {
          const candidate = isoDate(endYear, endMonth, endDay);
          if (candidate >= startIso) endIso = candidate;
        }
      }
    }
    const mention: DateMention = {
      text: m[0],
      start: startIso,
      end: endIso,
      partOfDay: partOfDayOf(m[9]),
      span: [start, start + m[0].length],
      year,
      month,
      day,
      basis: 'text',
    };
    dates.push(mention);
    if (guessed) {
      messages.push(
        message('info', 'guessed-year', `"${m[0]}" lies after the issue date ${options.issueDate}; taken as ${startIso}`, {
          offset: start,
        }),
      );
    }
  }
  addNumericOpening(text, dates);
  const dateline = datelineOf(text, dates);
  if (dateline && dateline.start === null && dateline.month !== null && dateline.day !== null) {
    // the same without a year (上视新闻2月15日报道：昨天上午…): the day before keeps month and day only
    const rest = dates.filter((d) => d !== dateline);
    if (addRelativeDays(text, dateline.month, dateline.day, rest)) return { dates: rest, messages };
  }
  if (dateline && dateline.start !== null) {
    // 2月15日报道：昨天上午…: the report's own date gives its 昨天 the day; the dateline is then no event of the item
    const rest = dates.filter((d) => d !== dateline);
    addRelativeDates(text, dateline.start!, rest);
    // 中新网1月23日电 某市政协22日召开…: the report's subject and its day alone, of the dispatch's month
    if (!rest.some((d) => d.basis === 'relative')) {
      const lead = DISPATCH_LEAD.exec(text.slice(dateline.span[1]));
      if (lead) addPageDay(text, dateline.start!, rest, dateline.span[1] + lead[0].length);
      // (东北网1月24日讯为进一步加强…，23日，某某走访…: the report's day opens a later clause)
      const second = lead && !rest.some((d) => d.basis === 'relative') ? SECOND_SENTENCE_DAY.exec(text.slice(dateline.span[1] + lead[0].length)) : null;
      if (lead && second) addPageDay(text, dateline.start!, rest, dateline.span[1] + lead[0].length + second[0].length);
    }
    if (rest.some((d) => d.basis === 'relative')) return { dates: rest, messages };
  }
  if (options.pageDate) addRelativeDates(text, options.pageDate, dates);
  // a bulletin's issue date dates no 昨天, but a brief's day alone (`某某18日在…`) is of its month or the one before
  else if (options.issueDate) addPageDay(text, options.issueDate, dates);
  const anchor = options.pageDate ?? options.issueDate;
  if (anchor) addRelativeMonths(text, anchor, dates);
  if (anchor && dates.length === 0) addGluedMonthDay(text, anchor, dates);
  return { dates, messages };
}

/**
 * `（727日）`, `615日，…`: a month glued to its day (a page that showed the month as a badge), alone in brackets or
 * opening a paragraph. Read as month and day only where one reading falls in the weeks before the page's or
 * issue's date; the text keeps the digits as printed.
 */
const GLUED_MONTH_DAY = /(?:^|\n|[（(])(\d{3,4})[日号](?=[，,）)]|上午|下午|$)/gu;
const MAX_GLUED_DAYS_BEFORE = 62;
function addGluedMonthDay(text: string, anchor: string, dates: DateMention[]): void {
  const year = Number(anchor.slice(0, 4));
  for (const m of text.matchAll(GLUED_MONTH_DAY)) {
    const digits = m[1];
    // (the month is its first one or two digits, the day the one or two after: 111日 may be 1月11日 or 11月1日)
    const readings = [1, 2]
      .filter((k) => digits[0] !== '0' && digits.length - k >= 1 && digits.length - k <= 2)
      .map((k) => [Number(digits.slice(0, k)), Number(digits.slice(k))])
      .filter(([month, day]) => month >= 1 && month <= 12 && isValidDay(year, month, day));
    const near = readings
      .map(([month, day]) => ({ month, day, before: dayNumber(anchor) - dayNumber(isoDate(year, month, day)) }))
      .filter((r) => r.before >= 0 && r.before <= MAX_GLUED_DAYS_BEFORE);
    if (near.length !== 1) continue;
    const at = (m.index ?? 0) + m[0].indexOf(digits);
    const iso = isoDate(year, near[0].month, near[0].day);
    dates.push({ ...fullMention(`${digits}日`, iso, null, [at, at + digits.length + 1], 'text'), month: near[0].month, day: near[0].day });
    return;
  }
}

/** Between a dispatch's date and the report's own: the lead word and a byline in brackets, nothing more. */
// (the place a report was filed from may stand between: `2月7日盐城讯`)
const REPORT_OPENS_AT = /^\s*(?:\p{Script=Han}{2,4})?(?:电|讯|报道|消息)\s*(?:[（(][^）)]{0,30}[）)])?\s*$/u;

/** What follows a report's dateline: 电 (not 电话, 电视…), 讯, 报道, 消息. */
const DATELINE_AFTER = /^\s*(?:\p{Script=Han}{2,4}?(?=讯|电(?![话视影子力网商气])))?(?:电(?![话视影子力网商气])|讯|报道|消息)/u;
const MAX_DATELINE_AT = 40;

/** A report's dateline near the item's opening (新华社北京3月1日电, 某台2月15日报道：): the day the report was filed. */
// (or opening a later paragraph when it is the item's first date: photo captions may stand above the report)
function datelineOf(text: string, dates: DateMention[]): DateMention | null {
  const inParagraph = (d: DateMention) => d === dates[0] && d.span[0] - (text.lastIndexOf('\n', d.span[0]) + 1) <= MAX_DATELINE_AT;
  return dates.find((d) => (d.start !== null || d.day !== null) && (d.span[0] <= MAX_DATELINE_AT || inParagraph(d)) && DATELINE_AFTER.test(text.slice(d.span[1]))) ?? null;
}

/**
 * 昨天/今日… counted from a dateline whose year is unknown: the month and day it gives (a non-leap year is
 * assumed, so the day before 3月1日, which a leap year would make 2月29日, is left unread). True when one was added.
 */
function addRelativeDays(text: string, month: number, day: number, dates: DateMention[]): boolean {
  for (const m of text.matchAll(RELATIVE_RE)) {
    const at = m.index ?? 0;
    if (dates.some((d) => d.span[0] < at)) break;
    const offset = RELATIVE_OFFSET[m[1]] ?? 0;
    if (month === 3 && day + offset < 1) return false;
    const [, mo, d] = shiftDays(isoDate(NON_LEAP_YEAR, month, day), offset);
    dates.push(partialMention(m[0], mo, d, partOfDayOf(m[2]), [at, at + m[0].length], 'relative'));
    dates.sort((a, b) => a.span[0] - b.span[0]);
    return true;
  }
  return false;
}
const NON_LEAP_YEAR = 2001;

function partialMention(text: string, month: number, day: number, partOfDay: DateMention['partOfDay'], span: [number, number], basis: DateMention['basis']): DateMention {
  return { text, start: null, end: null, partOfDay, span, year: null, month, day, basis };
}

function fullMention(text: string, iso: string, partOfDay: DateMention['partOfDay'], span: [number, number], basis: DateMention['basis']): DateMention {
  const [y, mo, d] = iso.split('-').map(Number);
  return { text, start: iso, end: iso, partOfDay, span, year: y, month: mo, day: d, basis };
}

/**
 * Day words that count from the page's own date: a news page (记者 …）昨日，…) dates its event by
 * the day it was published. 今天/昨天 are also "nowadays"/"the past" in speeches, so they count only
 * before a part of day or a comma. 日前 and 近日 ("some days ago") give no day and are left alone.
 */
const RELATIVE_RE = new RegExp(`(今日|昨日|前日|当天|当日|(?:今天|昨天)(?=${PART_OF_DAY}|，|,))(${PART_OF_DAY})?`, 'g');
const RELATIVE_OFFSET: Record<string, number> = { 今日: 0, 今天: 0, 当天: 0, 当日: 0, 昨日: -1, 昨天: -1, 前日: -2 };

function addRelativeDates(text: string, pageDate: string, dates: DateMention[]): void {
  for (const m of text.matchAll(RELATIVE_RE)) {
    const at = m.index ?? 0;
    // After a written date, 当天 means that date, not the page's: only words before any date count.
    if (dates.some((d) => d.span[0] < at)) break;
    const iso = isoDate(...shiftDays(pageDate, RELATIVE_OFFSET[m[1]] ?? 0));
    dates.push(fullMention(m[0], iso, partOfDayOf(m[2]), [at, at + m[0].length], 'relative'));
  }
  addPageDay(text, pageDate, dates);
  dates.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * A news report's dateline with the day alone (`6日，区政协…`, `本报讯（记者 某某）28日，…`): the day of
 * the page's month, or of the month before when it lies after the page's day. Only as the opening
 * of the item (after a news-agency lead or byline) and before any written date.
 */
const PAGE_DAY_RE = new RegExp(`^(?:[^，。,]{0,30}?[）)讯电]\\s*)?(?<date>(?<day>${NUM})日(?:\\s*[至—–－-]\\s*(?<end>${NUM})日)?(?<pod>${PART_OF_DAY})?)(?=[，,])`, 'u');

/**
 * `20111125，某会召开…`, `2021.3.5，…`, `2021-03-05 …`: a date written the way forms and sites write it (eight
 * digits, or with dots, dashes or slashes) opening the item, after a news lead if any.
 */
const NUMERIC_OPENING =
  /^(?:[^，。,]{0,30}?[）)讯电]\s*)?(((?:19|20)\d{2})(?:(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])|[.\-/](\d{1,2})[.\-/](\d{1,2})))(?=[，,\s\u3000])/u;

function addNumericOpening(text: string, dates: DateMention[]): void {
  const m = NUMERIC_OPENING.exec(text);
  if (!m) return;
  const [year, month, day] = [Number(m[2]), Number(m[3] ?? m[5]), Number(m[4] ?? m[6])];
  if (!isValidDay(year, month, day)) return;
  const at = m[0].length - m[1].length;
  if (dates.some((d) => d.span[0] < at + m[1].length)) return;
  dates.unshift(fullMention(m[1], isoDate(year, month, day), null, [at, at + m[1].length], 'text'));
}

/** `上月28日`, `本月8日`: a day of the month before, or of the same month as, the page's or issue's date. */
const RELATIVE_MONTH_RE = new RegExp(`(上月|本月|当月)(${NUM})[日号](${PART_OF_DAY})?`, 'gu');

function addRelativeMonths(text: string, anchor: string, dates: DateMention[]): void {
  for (const m of text.matchAll(RELATIVE_MONTH_RE)) {
    const at = m.index ?? 0;
    if (dates.some((d) => d.span[0] <= at && at < d.span[1])) continue;
    let [year, month] = anchor.split('-').map(Number);
    if (m[1] === '上月') [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    const day = parseNumber(m[2]);
    if (day === null || !isValidDay(year, month, day)) continue;
    dates.push(fullMention(m[0], isoDate(year, month, day), partOfDayOf(m[3]), [at, at + m[0].length], 'relative'));
  }
  dates.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * A brief's subject, then its day, then its verb (`市政协主席某某18日在某地调研`): the day is the page's or the
 * issue's month. Not a day that counts or bounds (`连续5日`, `18日前`, `20日起`) nor a clause's time (`18日召开的`).
 */
const SUBJECT_DAY_RE = new RegExp(
  `^(?![在于自从截到至])[^，,。！？；：:\\d]{2,30}?(?<![连续近共历用达期每余第前后这那今明昨数几月])(?<date>(?<day>\\d{1,2})[日号](?<pod>${PART_OF_DAY})?)(?![前后以起止至到的之\\d])(?![^，。；]{0,4}的)(?=\\p{Script=Han})`,
  'u',
);

/** An editor's note opening the item (编者按：…): the report's own opening is the paragraph after it. */
const EDITORS_NOTE = new RegExp(`${EDITORS_NOTE_LABEL.source}[^\\n]*\\n`, 'u');

/** A report's opening clause with no date in it (`为进一步加强…，`), then a clause opening with a day alone (`23日，`). */
const SECOND_SENTENCE_DAY = /^[^。！？\n\d]{8,200}[。！？，,](?=\d{1,2}日(?:上午|下午|晚上|晚)?[，,])/u;

/** What follows a dispatch's date up to its report: 电/讯 and a byline in brackets, if any. */
const DISPATCH_LEAD = /^\s*(?:\p{Script=Han}{2,4}?(?=讯|电))?(?:电(?![话视影子力网商气])|讯)\s*(?:[（(【][^）)】]{0,30}[）)】])?\s*/u;

/** `from`: where the report opens (after a dispatch's lead); by default the text's start, past an editor's note. */
function addPageDay(text: string, pageDate: string, dates: DateMention[], from = 0): void {
  const skip = from || (EDITORS_NOTE.exec(text)?.[0].length ?? 0);
  const opening = text.slice(skip);
  const m = PAGE_DAY_RE.exec(opening) ?? SUBJECT_DAY_RE.exec(opening);
  if (!m?.groups) return;
  const { date: written, day: dayText, end: endText, pod } = m.groups;
  const at = skip + (m.index ?? 0) + m[0].length - written.length;
  if (dates.some((d) => d.span[0] <= at) || /[月\d]$/.test(text.slice(0, at))) return;
  const day = parseNumber(dayText);
  let [year, month] = pageDate.split('-').map(Number);
  if (day === null) return;
  if (day > Number(pageDate.slice(8, 10))) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  if (!isValidDay(year, month, day)) return;
  // (before any later sentence's written date: the item's date is its first)
  const mention = fullMention(written, isoDate(year, month, day), partOfDayOf(pod), [at, at + written.length], 'relative');
  // (14日至16日: a span of days in the same month)
  const endDay = endText === undefined ? null : parseNumber(endText);
  if (endDay !== null && endDay > day && isValidDay(year, month, endDay)) mention.end = isoDate(year, month, endDay);
  dates.push(mention);
  dates.sort((a, b) => a.span[0] - b.span[0]);
}

function shiftDays(iso: string, days: number): [number, number, number] {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** What an item's surroundings say of its date: its page's publish date and its chronicle heading. */
export interface ItemDateContext {
  /** ISO publish date of the page the item stands on (web copies), or null. */
  pageDate: string | null;
  heading: HeadingDate | null;
  /**
   * The year of the page the item stands on, when a file of several pages dates its pages apart
   * (null: this page has none); undefined: the document's year applies.
   */
  year?: number | null;
}

/** The date a chronicle's headings give an item: `5日：` (or `5日`) under a month header `一月份大事记`. */
export interface HeadingDate {
  /** The heading text, e.g. `1月5日` built from the month header and the day line. */
  text: string;
  month: number;
  day: number;
  /** The last day of a range (`6日—7日`), in the same month; absent for one day. */
  endDay?: number;
}

/** An opening that dates the item only roughly (日前, 近日, 连日来), after a news lead or byline if any. */
// (also 昨日/今日 with no page date to count from, and a month with no day: `3月初至4月末，…`, `5月，…` — a later
// sentence's day is another event's)
const UNDATED_LEAD = /^(?:[^，。,]{0,30}?[）)讯电]\s*)?(?:日前|近日|近期|连日来|近来|前不久|最近|昨日|昨天|今日|今天|前日|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]))/u;

/** A lead summing up a period (`6月上旬以来，`, `2月以来，`), whose days the article recounts. */
const SINCE_LEAD = /^(?:[^，。,]{0,30}?[）)讯电]\s*)?[^，,。！？]{0,12}?以来[，,]/u;

/** The longest deck (a subtitle line under the headline, no sentence of its own). */
const MAX_DECK = 40;

const DAY_ALONE = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]/u;

const LEADING_PART_OF_DAY = /^[^。！？]*?(上午|下午|晚上|晚间|傍晚|早上|早晨|清晨|凌晨)/u;

/**
 * The item's own date. An item under a chronicle's day line takes that day, unless its text opens
 * with a date of its own; its part of day is the first one its opening sentence names
 * (`上午，区政协…`, `…会议上午隆重开幕`).
 */
export function itemDate(text: string, dates: DateMention[], heading: HeadingDate | null, options: DateFindOptions): DateMention | null {
  let first = dates[0] ?? null;
  // 某网12月4日讯（记者 某某）12月3日，…: the dispatch's date is the day the report was filed; the event's date
  // is the one that opens the report after the lead and its byline
  if (first && dates[1] && DATELINE_AFTER.test(text.slice(first.span[1])) && REPORT_OPENS_AT.test(text.slice(first.span[1], dates[1].span[0]))) first = dates[1];
  // 主席会议召开 / 决定9月26日召开常委会议 / 9月21日，主席会议召开…: a deck under the headline tells what was decided;
  // the lead under it opens with the day it happened
  const deckEnd = text.indexOf('\n');
  if (first && first.span[0] > 0 && deckEnd > first.span[0] && deckEnd <= MAX_DECK && !/[。！？]/u.test(text.slice(0, deckEnd))) {
    first = dates.find((d) => d.span[0] === deckEnd + 1) ?? first;
  }
  // 日前，…。…定于10月25日召开…: an item that opens "some days ago" gives no day; a date in a later sentence is
  // another event's (a meeting it schedules, a deadline)
  // (but a lead summing up a period, `6月上旬以来，…`, is recounted day by day after it: its first day dates it)
  if (!heading && first && UNDATED_LEAD.test(text) && !SINCE_LEAD.test(text) && /[。！？]/u.test(text.slice(0, first.span[0]))) return null;
  // (a text opening with a day alone, `16日下午，…`, takes its month from the heading)
  if (!heading || (first && first.span[0] === 0 && !DAY_ALONE.test(first.text))) return first;
  const pod = LEADING_PART_OF_DAY.exec(text);
  const partOfDay = partOfDayOf(pod?.[1]);
  const year = options.issueDate ? Number(options.issueDate.slice(0, 4)) : options.fallbackYear;
  if (year === null || !isValidDay(year, heading.month, heading.day)) {
    return isValidDay(2000, heading.month, heading.day) ? partialMention(heading.text, heading.month, heading.day, partOfDay, [0, 0], 'heading') : first;
  }
  const mention = fullMention(heading.text, isoDate(year, heading.month, heading.day), partOfDay, [0, 0], 'heading');
  if (heading.endDay !== undefined && heading.endDay > heading.day && isValidDay(year, heading.month, heading.endDay)) mention.end = isoDate(year, heading.month, heading.endDay);
  return mention;
}

/** `同日，…`, `当天　…` opening an item: the day of the item before it. */
const SAME_DAY_OPENING = /^(?:同日|是日|同一天|当天|当日)(上午|下午|晚上|晚间|傍晚)?/u;

/**
 * The date of an item that opens `同日` and dates itself no other way: the previous item's day (its part of day
 * its own), or null. The segmenter gives such items a heading date when the entry above names its month; this
 * covers the entry above that names its day alone (`3日，…` / `同日，…`), dated by the issue.
 */
export function sameDayAsPrevious(text: string, previous: DateMention | null): DateMention | null {
  const m = SAME_DAY_OPENING.exec(text);
  if (!m || previous === null) return null;
  return { ...previous, text: m[0], span: [0, m[0].length], partOfDay: partOfDayOf(m[1]), basis: 'relative' };
}

