/**
 * Digest layouts: column digests (政协一周) and activity briefs print one event per paragraph, each
 * opening with its date and without a glyph — sometimes without a comma (`3月1日市政协…`), sometimes
 * several run together in one paragraph (`…看望师生。9月2日，区妇联…`). Also the lines such pages
 * carry that are not items: numbered agenda lines inside an item and photo captions under a headline.
 */
import { signatureOf } from '../text/patterns.js';

/** Share of paragraphs opening with a date or time word above which each paragraph is an item. */
const DIGEST_SHARE = 0.5;
const MIN_PARAGRAPHS = 2;

/** Paragraphs (headlines left out) that mostly open with their date: one item each. */
export function isDigest(paragraphs: string[], dateLed: RegExp): boolean {
  return datedShare(paragraphs, dateLed, MIN_PARAGRAPHS) >= DIGEST_SHARE;
}

/** The share of a text's paragraphs (those long enough to tell) that open with their date or a recent event. */
function datedShare(paragraphs: string[], dateLed: RegExp, atLeast: number): number {
  const sentences = paragraphs.filter((p) => p.length >= 20);
  if (sentences.length < atLeast) return 0;
  return sentences.filter((p) => dateLed.test(p) || SUBJECT_DATED.test(p) || DAY_LED.test(p) || RECENT_EVENT.test(p)).length / sentences.length;
}

/**
 * A digest whose entries are one paragraph each: nearly every paragraph opens with its date. There an undated
 * paragraph led by a body doing something (`省政协就某主题征稿，…`) is an entry of its own, not more of the one
 * above.
 */
const ONE_PARAGRAPH_SHARE = 0.75;
const MIN_ONE_PARAGRAPH_ENTRIES = 4;
export function isOneParagraphDigest(paragraphs: string[], dateLed: RegExp): boolean {
  return datedShare(paragraphs, dateLed, MIN_ONE_PARAGRAPH_ENTRIES) >= ONE_PARAGRAPH_SHARE;
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** How many days the recount may reach back before the lead's date. */
const MAX_RECOUNT_DAYS = 10;

/**
 * A story told as a lead and then a recount (`1月18日下午，会议闭幕。` / `1月15日上午，开幕会上…` /
 * `1月17日上午，…`): the first dated paragraph sums up the event, the later ones go back to its first day and on
 * from there, never past the lead's day. A digest runs its events forward or backward, not so; the paragraphs
 * are one article.
 */
export function isLeadThenRecount(paragraphs: string[]): boolean {
  const days: number[] = [];
  for (const p of paragraphs) {
    const m = MONTH_DAY.exec(p);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) days.push(CUMULATIVE_DAYS[Number(m[1]) - 1] + Number(m[2]));
  }
  if (days.length < 3) return false;
  const [lead, first, ...rest] = days;
  if (!(first < lead && lead - first <= MAX_RECOUNT_DAYS)) return false;
  let last = first;
  for (const d of rest) {
    if (d < last || d > lead) return false;
    last = d;
  }
  return true;
}

/**
 * A first clause that dates its event vaguely (`…晚会日前在某小区举行`), or a purpose clause before the date
 * (`为完成年度调研课题，7月27日，…`): an item of its own in a digest.
 */
export const RECENT_EVENT = /^(?:[^，,。！？；]*(?:日前|近日|近期|日内)|为[^。！？；]{4,80}?[，,](?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号])/u;

/**
 * A news brief's opening: its subject, then the day, then the verb, with no comma between
 * (`市政协主席某某18日在某地调研…`, `某某副主席6月3日带队赴…`, `第41次双周协商座谈会10月15日在京召开`). A day that counts or bounds (`连续5日`, `18日前`,
 * `20日起`), or is a clause's time (`18日召开的会议`), opens nothing; neither does a clause led by 截至 or 在.
 */
export const SUBJECT_DATED =
  /^(?![在于自从截到至])(?:第\d{1,4}|[^，,。！？；：:\d]){2,30}?(?<![连续近共历用达期每余第前后这那今明昨数几月])(?:\d{1,2}月)?\d{1,2}[日号](?:上午|下午|晚上|晚间|晚)?(?![前后以起止至到的之\d])(?![^，。；]{0,4}的)\p{Script=Han}/u;

const DAY_DATE = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号]';
/**
 * A sentence that opens with a day date as its subject's time: `9月2日，`, `9月2日至3日，`,
 * `9月2日上午，`. The comma is required: a date inside a clause (`9月2日召开的会议…`) is no new item.
 * A newspaper's next report (`。本报讯（记者…）`) starts a new item as well.
 */
const RUN_TOGETHER = new RegExp(
  `(?<=[。！？])(?=${DAY_DATE}(?:\\s*(?:至|到|—|－|-)\\s*(?:\\d{1,2}月)?\\d{1,2}[日号])?(?:上午|下午|晚上|晚)?[，,]|本报讯|本刊讯)`,
  'gu',
);

/**
 * `5月，…`, `6月份，…`: an entry dated by its month alone. In a digest it is an event of its own; in an article it is
 * the story's next stage, so it is cut out of a run-on paragraph only where that paragraph holds dated entries.
 */
export const MONTH_LED = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?[，,]/u;
const RUN_TOGETHER_MONTH = /(?<=[。！？])(?=(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?[，,])/u;
const MIN_RUN_ON_ENTRIES = 3;

/**
 * `16日下午，…`: a paragraph opening with a day of the month alone. In a digest it is the next event of the
 * month the others name; inside an article it is the story's next day, so only digests read it as an item.
 */
export const DAY_LED = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?:上午|下午|晚上|晚间|晚)?[，,]/u;

/** `9月15日至22日，…`: a paragraph opening with a span of days in one month (the 至 day may name its month). */
const OPENING_SPAN = /^(\d{1,2})月(\d{1,2})[日号]?\s*(?:至|到|—|－|-|~|～)\s*(?:(\d{1,2})月)?(\d{1,2})[日号]/u;
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]/u;

/**
 * A paragraph cut where a new sentence opens with a day date after a complete one — but not at a day inside
 * the span the paragraph opens with (`9月15日至22日，某某开展视察。9月15日，一行先到…`), its last day excepted: that is the
 * story's first stop, not another event.
 */
export function splitRunTogether(text: string, inDigest = false): string[] {
  const byDay = text.split(RUN_TOGETHER).filter((p) => p.length > 0);
  // (in a digest, or a paragraph that holds three dated entries or more, month-only entries are entries too)
  const pieces = inDigest || byDay.length >= MIN_RUN_ON_ENTRIES ? byDay.flatMap((p) => p.split(RUN_TOGETHER_MONTH)).filter((p) => p.length > 0) : byDay;
  const span = OPENING_SPAN.exec(text);
  if (!span || pieces.length < 2) return pieces;
  const at = (month: number, day: number) => month * 100 + day;
  const from = at(Number(span[1]), Number(span[2]));
  const to = at(Number(span[3] ?? span[1]), Number(span[4]));
  const out = [pieces[0]];
  for (const piece of pieces.slice(1)) {
    const d = MONTH_DAY.exec(piece);
    // (the span's last day opens the next entry: 1月7日—9日，全会…。1月9日，常委会议…)
    const inside = d !== null && at(Number(d[1]), Number(d[2])) >= from && at(Number(d[1]), Number(d[2])) < to;
    if (inside) out[out.length - 1] += piece;
    else out.push(piece);
  }
  return out;
}

/** `1、学习…`, `2. 协商…`, `（3）…`: an agenda or list line inside an item, never a headline or item. */
export function isNumberedLine(text: string): boolean {
  return /^(?:\d{1,2}[、.．](?!\d)|\d{1,2}[.．](?=\d{1,2}月\d)|[（(]\d{1,2}[)）])/u.test(text.trim());
}

/** `上午，区政协…`, `下午，…`, `同日，…`: in a chronicle, a new item under the same day line. */
export function opensWithPartOfDay(text: string): boolean {
  return /^(?:上午|下午|晚上|晚间|傍晚|早上|当天|当日|同日|同天)[，,]?/u.test(text);
}

const MAX_CAPTION = 12;
/**
 * A photo caption credited to the paper it came from (`…步入会场（来源：某某报）`): it names who is in the photo, so
 * it stays in the item's text, but it is never a headline.
 */
export const CREDITED_PHOTO = /[（(]\s*(?:图片)?来源\s*[:：][^（）()]{1,20}[)）]$/u;

/**
 * A photo caption under a headline: a short line with no punctuation that names a scene
 * (`座谈会现场`, `调研现场`) or opens with 图为. Bylines carry 记者/报道 and stay text.
 */
export function isCaption(text: string): boolean {
  const t = text.trim();
  if (/^图为/u.test(t) && t.length <= 40) return true;
  if (t.length > MAX_CAPTION || /[，。、：:；！？,.;!?（）()“”\d\s]/u.test(t)) return false;
  return /(?:现场|合影|一角|剪影|掠影|留影)$/u.test(t);
}

/**
 * A credit line closing an item (`罗某某 摄影报道`, `记者 张某 摄`, `王某 李某 供稿`): a few names before a
 * role word, no sentence; or a body and its writer set apart by a gap (`农工党某市委 葛某某`). It signs the text
 * above it and never heads the next item.
 */
const CLOSING_CREDIT =
  /^(?:[\p{Script=Han}]{0,10}?(?:记者|通讯员|实习生|摄影记者))?[\s\u3000:：]*[\p{Script=Han}]{2,4}(?:[\s\u3000、]+[\p{Script=Han}]{2,4}){0,3}[\s\u3000]*(?:摄影报道|摄影|摄|报道|供稿|撰稿|采写|整理|图文)$/u;
const MAX_CREDIT = 30;


export function isClosingCredit(text: string): boolean {
  const t = text.trim();
  // (or a body and its writer signing a page, `农工党某市委 葛某某`: text/patterns.ts)
  return t.length <= MAX_CREDIT && (CLOSING_CREDIT.test(t) || signatureOf(t) !== null);
}
