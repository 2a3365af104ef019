/**
 * Chronicles (大事记): month headers (`一月份大事记`, `1月`, `二月`) and day lines (`5日：`, `11日`,
 * `1月18日`) standing alone, each giving the date of the items under it. The lines themselves are
 * neither items nor sections; they carry the date the entity pass gives the items below them.
 */
import type { HeadingDate } from '../entities/index.js';
import { parseSmallNumber } from './chinese-numerals.js';

const NUM = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const MONTH_HEADER = new RegExp(`^(?:(?:19|20)\\d{2}\\s*年\\s*)?(${NUM}|元)\\s*月份?(?:大事记|大事|纪要|工作纪要)?\\s*[：:]?$`, 'u');
const WEEKDAY = '(?:\\s*[（(]?\\s*(?:星期|周)[一二三四五六日天]\\s*[)）]?)?';
const DAY_LINE = new RegExp(`^(?:(${NUM}|元)\\s*月\\s*)?(${NUM})\\s*[日号]${WEEKDAY}\\s*[：:]?$`, 'u');
/**
 * A day leading its text: `5日：区政协举行…`, `5日，区政协…`, `5日 区政协…`, `15日上午，…`, or a range of days
 * (`6日—7日 区政协…`, `2日至3日，…`). A day with no month opens no sentence of ordinary prose, so in a
 * chronicle the bare `5日区政协…` counts too.
 */
const DAY_LEAD = new RegExp(
  `^(${NUM})\\s*[日号]?(?:\\s*(?:至|到|—|–|-|－|~|～)\\s*(${NUM})\\s*[日号])?(?<=[日号])(?![\\d一二三四五六七八九十至到—–\\-－~～])[\\s：:，,、]*(?=\\S)`,
  'u',
);
/** A part of the month leading its text (`上旬 区政协…`, `月内，…`): an item of its own, dated by no day. */
const PERIOD_LEAD = /^(?:上旬|中旬|下旬|月初|月中|月底|月末|月内|本月|是月|当月)[\s：:，,、]*(?=\S)/u;

export interface ChronicleLine {
  month: number | null;
  day: number | null;
}

const monthOf = (raw: string) => (raw === '元' ? 1 : parseSmallNumber(raw));

/** A month header or day line standing alone, or null. */
export function matchChronicleLine(text: string): ChronicleLine | null {
  const t = text.trim();
  const day = DAY_LINE.exec(t);
  if (day) {
    const month = day[1] ? monthOf(day[1]) : null;
    const d = parseSmallNumber(day[2]);
    if (d !== null && d >= 1 && d <= 31 && (month === null || (month >= 1 && month <= 12))) return { month, day: d };
    return null;
  }
  const month = MONTH_HEADER.exec(t);
  if (month) {
    const m = monthOf(month[1]);
    if (m !== null && m >= 1 && m <= 12) return { month: m, day: null };
  }
  return null;
}

/** `5日：区政协…` → the day (and the last day of a range) and the text after the colon. */
export function matchDayLead(text: string): { day: number; endDay: number | null; rest: string } | null {
  const m = DAY_LEAD.exec(text);
  if (!m) return null;
  const day = parseSmallNumber(m[1]);
  const endDay = m[2] ? parseSmallNumber(m[2]) : null;
  if (day === null || day < 1 || day > 31) return null;
  return { day, endDay: endDay !== null && endDay > day && endDay <= 31 ? endDay : null, rest: text.slice(m[0].length) };
}

/** `上旬 区政协…` → the text after the part of the month. */
export function matchPeriodLead(text: string): { rest: string } | null {
  const m = PERIOD_LEAD.exec(text);
  return m ? { rest: text.slice(m[0].length) } : null;
}

/** A document is a chronicle when it has at least two day lines (a month header alone is a title). */
export function isChronicle(texts: string[]): boolean {
  // (an article opening with the period it sums up recounts its days, `18日，…` / `23日下午，…`: no chronicle)
  return !opensWithPeriodLead(texts) && texts.filter((t) => matchChronicleLine(t)?.day != null || matchDayLead(t) !== null).length >= 2;
}

/** A lead summing up a period (`6月上旬以来，`, `今年以来，`, `2月以来，`): an article's, which its dated paragraphs recount. */
const SINCE_LEAD = /^[^，,。！？]{0,12}?以来[，,]/u;
/** …unless it announces a digest under it (`11月以来，…现将近期工作摘编如下。`). */
const ANNOUNCES_LIST = /如下|摘编|摘要|简要汇报/u;
/** Paragraphs shorter than this (titles, credits) are passed over to find the text's first paragraph. */
const MIN_LEAD = 20;

/** Whether the text's first paragraph sums up a period: the dated paragraphs under it tell one story, no digest or chronicle. */
export function opensWithPeriodLead(paragraphs: string[]): boolean {
  const first = paragraphs.find((p) => p.length >= MIN_LEAD);
  return first !== undefined && SINCE_LEAD.test(first) && !ANNOUNCES_LIST.test(first);
}

/** A chronicle's title naming its one month: `2021年8月份某市政协工作大事记`, `某区政协2024年5月大事记`. */
const MONTH_TITLE = new RegExp(`(?:19|20)\\d{2}\\s*年\\s*(${NUM})\\s*月份?[^，。；！？\\d]{0,24}(?:大事记|大事|工作纪要|纪要)\\s*$`, 'u');

/** The month a chronicle's title names, for the day lines under it that name none; null when it names none. */
export function chronicleTitleMonth(text: string): number | null {
  const m = MONTH_TITLE.exec(text.trim());
  const month = m ? parseSmallNumber(m[1]) : null;
  return month !== null && month >= 1 && month <= 12 ? month : null;
}

/** A chronicle part's section title naming its month: `6月工作纪事`, `五月大事记`, `2024年6月份纪要`. */
const MONTH_SECTION = new RegExp(`^(?:(?:19|20)\\d{2}\\s*年\\s*)?(${NUM})\\s*月份?\\s*(?:工作)?(?:大事记|大事|纪事|纪要)$`, 'u');

export function chronicleSectionMonth(title: string): number | null {
  const m = MONTH_SECTION.exec(title.trim());
  const month = m ? parseSmallNumber(m[1]) : null;
  return month !== null && month >= 1 && month <= 12 ? month : null;
}

/** Follows the month and day through a chronicle. */
export class ChronicleDate {
  /** `titleMonth`: the month the chronicle's title names (`2021年8月份…大事记`), until a month header says otherwise. */
  constructor(private month: number | null = null) {}

  private day: number | null = null;
  private endDay: number | null = null;

  /** Takes a header or day line in; returns false for any other line. */
  read(text: string): boolean {
    const c = matchChronicleLine(text);
    if (!c) return false;
    if (c.month !== null) this.month = c.month;
    this.day = c.day;
    this.endDay = null;
    return true;
  }

  /** The day a day lead gives (null: a part of the month, no day). */
  setDay(day: number | null, endDay: number | null = null): void {
    this.day = day;
    this.endDay = endDay;
  }

  /** The date the current headings give, or null before the first day line or without a month. */
  current(): HeadingDate | null {
    if (this.day === null || this.month === null) return null;
    if (this.endDay !== null) return { text: `${this.month}月${this.day}日至${this.endDay}日`, month: this.month, day: this.day, endDay: this.endDay };
    return { text: `${this.month}月${this.day}日`, month: this.month, day: this.day };
  }

  /** Whether a header or the title has given the month (day leads before it are dated by the issue, not by it). */
  hasMonth(): boolean {
    return this.month !== null;
  }

  /** True right after a day line, before its first item opened. */
  hasDay(): boolean {
    return this.day !== null;
  }
}

/**
 * `港澳台侨委员会走访…` under a day's entry: a line that opens with a body doing something (its name, then the
 * verb) is the same day's next event, not more of the entry above (which goes on with 会议指出, 调研组一行还…).
 */
const BODY_ACTS = /^[\p{Script=Han}（）()]{1,20}?(?:委员会|政协|机关|办公室|委|会|部|局|厅|组)(?:组织|召开|举行|举办|开展|走访|赴|到|在|与|对|就|邀请|接待|联合|派员|看望|慰问|视察|调研)/u;

export function opensWithBodyActing(text: string): boolean {
  return BODY_ACTS.test(text);
}
