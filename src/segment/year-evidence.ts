/**
 * The year of a document whose masthead prints no date. Pages copied from office websites, digests
 * and chronicles give their month-days no year, but the file usually carries one somewhere; the
 * evidence is tried from the surest to the weakest:
 *   1. a publish-date line (发布日期：2023-03-03, 时间 2024/6/22): the page's own date;
 *   2. a chronicle header (2024年大事记, 2024年普陀区政协大事记);
 *   3. a session count that dates itself (全国政协十三届五次会议 is 2022: national terms are fixed); in a file of
 *      several pages, also a local one counted from another page's dated session (pageYears);
 *   4. a full date written in the text (2003年9月2日);
 *   4½. an anniversary the text says falls this year (今年是中国共产党成立100周年: 2021);
 *   5. the file's path: a name or folder with one year (`2022/`, `2003年`, `-2016`);
 *   6. the year the text names most often (2003年度) — last, since a meeting early in a year names the
 *      last one it settles (审定2020年度表彰名单 in January 2021).
 * Each is a pure function, so the order is the only policy and each source is testable alone.
 */
import { firstExplicitYear, parseNumber } from '../entities/dates.js';
import { message, type Message } from '../types.js';
import { parseSmallNumber } from './chinese-numerals.js';
import type { Line } from './lines.js';

export type YearSource = 'publish-date' | 'chronicle-header' | 'session' | 'text' | 'anniversary' | 'path';

export interface YearEvidence {
  year: number;
  source: YearSource;
  /** What was read, for the message. */
  evidence: string;
}

const PLAUSIBLE = (y: number) => y >= 1949 && y <= 2100;

/** A meta line is short and no sentence: 发布日期 inside an item's prose is not the page's date. */
const MAX_META_LINE = 100;
const PUBLISH_DATE = /(?:发布|发表|更新|发稿|上传|录入|编辑)?(?:日期|时间)\s*[：:]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u;

/**
 * A meta line that opens with the date itself, unlabelled (`2024-06-22 10:30　来源：区政协`): a time
 * or a meta label must follow, or nothing, and the date must be written with dashes or slashes —
 * `2024年6月22日` alone on a line is a masthead's date, read by the masthead.
 */
const DATE_FIRST_META = /^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?=\s*$|\s+\d{1,2}:\d{2}|\s*(?:来源|作者|编辑|浏览|阅读|点击|发布|信息来源)[：:])/u;

/**
 * The page's publish date from a meta line (`发布日期：2023-03-03 17:01作者：…`), read and left in
 * place: removing web chrome is the normaliser's job. Only lines before the first long paragraph
 * ends count, so a date quoted in the text is not taken for the page's.
 */
export interface PublishDate {
  /** Index of the meta line (Line.index). */
  index: number;
  iso: string;
  text: string;
}

/**
 * Every publish-date meta line (`发布日期：2023-03-03 17:01作者：…`), one per copied page, read and
 * left in place: removing web chrome is the normaliser's job. A long line or a sentence is prose,
 * where a quoted date is not the page's.
 */
export function publishDates(lines: Line[]): PublishDate[] {
  const found: PublishDate[] = [];
  for (const line of lines) {
    const t = line.text;
    if (t.length > MAX_META_LINE || /。$/.test(t)) continue;
    const m = PUBLISH_DATE.exec(t) ?? DATE_FIRST_META.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) continue;
    found.push({ index: line.index, iso: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, text: m[0] });
  }
  return found;
}

/**
 * The publish date of the page each item stands on, given the items' first line indexes (in order):
 * the meta line inside the item's stretch of lines (a page's title, its meta line, its text), else
 * the last one above it.
 */
export function pageDatesOf(starts: number[], dates: PublishDate[]): Array<string | null> {
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? Infinity;
    const inside = dates.find((d) => d.index >= start && d.index < end);
    if (inside) return inside.iso;
    const above = dates.filter((d) => d.index < start);
    return above.length ? above[above.length - 1].iso : null;
  });
}

const CHRONICLE = /((?:19|20)\d{2})\s*年.{0,24}?(?:大事记|年鉴)|^\s*((?:19|20)\d{2})\s*年度?\s*$/u;

/** The year of a chronicle's or yearbook's header line: `2024年大事记`, `2024年普陀区政协大事记`, `某区政协2006年年鉴`, or a year standing alone (`2010年`). */
export function chronicleYear(lines: Line[]): YearEvidence | null {
  for (const line of lines) {
    if (line.text.length > 40) continue;
    const m = CHRONICLE.exec(line.text);
    if (m && m[1] === undefined) m[1] = m[2];
    if (m && PLAUSIBLE(Number(m[1]))) return { year: Number(m[1]), source: 'chronicle-header', evidence: m[0] };
  }
  return null;
}

const COUNT = '[\\d一二三四五六七八九十]{1,3}';
/** 全国政协十三届五次会议, 十三届全国人大五次会议, 全国政协第十四届全国委员会第二次会议. */
const NATIONAL_SESSION = new RegExp(
  `(?:(全国政协|全国人大|全国人民代表大会)第?(${COUNT})届|第?(${COUNT})届(全国政协|全国人大|全国人民代表大会))(?:全国委员会)?第?(${COUNT})次(?:全体)?会议`,
  'u',
);
/** The fifth national term (of both the NPC and the CPPCC) opened in 1978; each term since is five years. */
const FIFTH_TERM_OPENED = 1978;
const TERM_YEARS = 5;

/**
 * The year of a national session named in the text: the national terms run five years from a fixed
 * start, so the term and session counts give the year. Local terms start in any year and date nothing.
 */
export function sessionYear(texts: string[]): YearEvidence | null {
  for (const text of texts) {
    const m = NATIONAL_SESSION.exec(text);
    if (!m) continue;
    const term = parseNumber(m[2] ?? m[3]);
    const session = parseNumber(m[5]);
    if (term === null || session === null || term < 5 || session < 1 || session > TERM_YEARS) continue;
    const year = FIFTH_TERM_OPENED + TERM_YEARS * (term - 5) + session - 1;
    return { year, source: 'session', evidence: m[0] };
  }
  return null;
}

/**
 * The years of the events every office marks on their round anniversaries: 中国共产党成立100周年 is 2021. National
 * dates and the founding of the eight democratic parties (the bodies these bulletins report on); nothing local.
 */
const FOUNDED: Array<[RegExp, number]> = [
  [/^(?:中国共产党|党)成立$|^建党$/u, 1921],
  [/^(?:中华人民共和国|新中国)成立$|^建国$/u, 1949],
  [/^(?:中国)?人民政协成立$|^(?:中国人民)?政治协商会议成立$/u, 1949],
  [/^改革开放$/u, 1978],
  [/^(?:中共中央发布)?[“"]?五一口号[”"]?发布$|^中共中央发布[“"]?五一口号[”"]?$/u, 1948],
  [/^(?:中国人民)?(?:抗日战争|抗战)(?:暨世界反法西斯战争)?胜利$/u, 1945],
  [/^中国人民解放军建军$|^建军$/u, 1927],
  [/^五四运动$/u, 1919],
  [/^辛亥革命$/u, 1911],
  [/^(?:中国国民党革命委员会|民革)成立$/u, 1948],
  [/^(?:中国民主同盟|民盟)成立$/u, 1941],
  [/^(?:中国民主建国会|民建)成立$/u, 1945],
  [/^(?:中国民主促进会|民进)成立$/u, 1945],
  [/^(?:中国农工民主党|农工党)成立$/u, 1930],
  [/^(?:中国致公党|致公党)成立$/u, 1925],
  // (九三学社 counts its years from 1945, when it took its name, not from its congress of 1946)
  [/^九三学社成立$/u, 1945],
  [/^(?:台湾民主自治同盟|台盟)成立$/u, 1947],
];
/** `今年是…N周年`, `喜迎…N周年`, `庆祝…N周年`, `…N周年之际`: an anniversary that falls in the year written. */
const ANNIVERSARY = /(?:今年是|今年恰逢|今年正值|喜迎|迎接|庆祝|纪念|恰逢|正值|时值)([^，。；！？、]{2,24}?)(\d{1,3}|[一二三四五六七八九十百零]+)周年/gu;

/** The year an anniversary the text marks falls in (今年是中国共产党成立100周年 → 2021), when it names one of FOUNDED. */
export function anniversaryYear(texts: string[]): YearEvidence | null {
  for (const text of texts) {
    for (const m of text.matchAll(ANNIVERSARY)) {
      const event = m[1].trim();
      const founded = FOUNDED.find(([re]) => re.test(event))?.[1];
      const count = parseSmallNumber(m[2]);
      if (founded === undefined || count === null) continue;
      const year = founded + count;
      if (PLAUSIBLE(year)) return { year, source: 'anniversary', evidence: m[0] };
    }
  }
  return null;
}

const YEAR_MENTION = /(?<![\d０-９])((?:19|20)\d{2})\s*年(?![\d０-９]{1,2}\s*年)/gu;

/** The year of the first full date the text writes (2003年9月2日). */
export function fullDateYear(texts: string[]): YearEvidence | null {
  for (const t of texts) {
    const y = firstExplicitYear(t);
    if (y !== null) return { year: y, source: 'text', evidence: `a full date of ${y}` };
  }
  return null;
}

/**
 * The year the text names most often (`2003年度`, `2012年工作要点`), the latest one on a tie (plans name the
 * years they start from). Weak: a meeting early in a year reviews the last one (审定2020年度表彰名单 in 2021).
 */
export function mentionedYear(texts: string[]): YearEvidence | null {
  const counts = new Map<number, number>();
  for (const t of texts) {
    for (const m of t.matchAll(YEAR_MENTION)) {
      if (pastPoint(t, m.index ?? 0, (m.index ?? 0) + m[0].length)) continue;
      const y = Number(m[1]);
      if (PLAUSIBLE(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: [number, number] | null = null;
  for (const [y, n] of counts) if (!best || n > best[1] || (n === best[1] && y > best[0])) best = [y, n];
  return best ? { year: best[0], source: 'text', evidence: `${best[0]}年 named ${best[1]} time(s)` } : null;
}

/**
 * `自2006年起`, `2018年以来`, `从2015年开始`, `2010年至今`: a year a period started from names the past, not the
 * year the page was written in.
 */
function pastPoint(text: string, start: number, end: number): boolean {
  return /[自从]$/u.test(text.slice(Math.max(0, start - 1), start)) || /^(?:起|以来|至今|开始|之前|前)/u.test(text.slice(end, end + 2));
}

/** A year the text names: the first full date's, else the year named most often. */
export function textYear(texts: string[]): YearEvidence | null {
  return fullDateYear(texts) ?? mentionedYear(texts);
}

const PATH_YEAR = /(?<![\d])((?:19|20)\d{2})(?![\d])/gu;

/**
 * The year a file's path names: the file name first, then the folders from the nearest up. A part
 * naming two different years (`…-2015-2024`) is a span and dates nothing; it stops the search,
 * since a folder above it would only be broader.
 */
export function pathYear(sourcePath: string): YearEvidence | null {
  const parts = sourcePath.split(/[\\/]+/).filter(Boolean).reverse();
  for (const [k, part] of parts.entries()) {
    const name = k === 0 ? part.replace(/\.[A-Za-z0-9]+$/, '') : part;
    const years = new Set([...name.matchAll(PATH_YEAR)].map((m) => Number(m[1])).filter(PLAUSIBLE));
    if (years.size > 1) return null;
    if (years.size === 1) {
      const [year] = years;
      return { year, source: 'path', evidence: k === 0 ? `the file name ${part}` : `the folder ${part}` };
    }
  }
  return null;
}

/** The two years a file name spans (`heze-2015-2024.txt`), earlier first; null for none, one, or more than two. */
export function pathSpan(sourcePath: string): [number, number] | null {
  const name = (sourcePath.split(/[\\/]+/).pop() ?? '').replace(/\.[A-Za-z0-9]+$/, '');
  const years = [...new Set([...name.matchAll(PATH_YEAR)].map((m) => Number(m[1])).filter(PLAUSIBLE))];
  return years.length === 2 && years[0] < years[1] ? [years[0], years[1]] : null;
}

/**
 * The years of the pages of a file that holds several (copied web pages, one title each), when no
 * publish date dates them: a page's own text first (a full date, a year it names), then — for a file
 * named with a span of years, its pages in date order as an archivist gathers them — the span's
 * first year for the first page and its last year for the last. Pages between have none: a year
 * taken from another page would date them wrongly as often as not. A path that names a single year
 * dates every page left undated.
 */
export function pageYears(pageTexts: string[][], span: [number, number] | null, pathOne: YearEvidence | null = null): Array<YearEvidence | null> {
  const years = pageTexts.map((texts, k): YearEvidence | null => {
    const own = sessionYear(texts) ?? textYear(texts) ?? anniversaryYear(texts);
    // a year outside the span the file is named for is a page's look back (成立于1990年), not its own
    if (own && !(span && (own.year < span[0] || own.year > span[1]))) return own;
    if (span && k === 0) return { year: span[0], source: 'path', evidence: `the first year of the file name's span ${span[0]}–${span[1]}` };
    if (span && k === pageTexts.length - 1) return { year: span[1], source: 'path', evidence: `the last year of the file name's span ${span[0]}–${span[1]}` };
    return null;
  });
  // A path naming one year (`anqing-2016.txt`, a folder `2016/`) dates every page nothing else dated: the
  // archivist filed them under it. (A span's inner pages stay undated.)
  return datedBySessions(pageTexts, years).map((y) => y ?? (span ? null : pathOne));
}

/**
 * A plenary session of a local CPPCC (市政协十六届一次会议, 政协第十五届菏泽市委员会第四次会议, 政协江州市第九届委员会
 * 第三次会议): its level (省/市/县/区…), term and session. The chair's and standing committee's meetings
 * (十六届十三次主席会议, 五届二十五次常委会议) are numbered apart and count nothing here.
 */
const LOCAL_SESSION = new RegExp(
  [
    `(?<!全国)([省市县区州旗])政协第?(${COUNT})届第?(${COUNT})次(?:全体)?会议`,
    `(?:政协|政治协商会议)第?(${COUNT})届[\\u4e00-\\u9fff]{0,8}?([省市县区州旗])委员会第(${COUNT})次(?:全体)?会议`,
    `政协[\\u4e00-\\u9fff]{1,8}?([省市县区州旗])第(${COUNT})届委员会第(${COUNT})次(?:全体)?会议`,
  ].join('|'),
  'gu',
);

interface LocalSession {
  level: string;
  term: number;
  session: number;
  text: string;
}

export function localSessions(texts: string[]): LocalSession[] {
  const out: LocalSession[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(LOCAL_SESSION)) {
      const [level, term, session] = m[1] ? [m[1], m[2], m[3]] : m[5] ? [m[5], m[4], m[6]] : [m[7], m[8], m[9]];
      const t = parseNumber(term);
      const n = parseNumber(session);
      if (t === null || n === null || n < 1 || n > TERM_YEARS) continue;
      out.push({ level, term: t, session: n, text: m[0] });
    }
  }
  return out;
}

/**
 * Pages the other evidence left undated, dated by the local sessions they name against a page of the same
 * file whose year is known and which names a session of the same body's level: local terms, like national
 * ones, run five years with one plenary session a year, so a dated 十六届三次会议 of 2024 makes 十六届一次会议
 * 2022 and 十五届四次会议 2020. Anchors that disagree date nothing.
 */
function datedBySessions(pageTexts: string[][], years: Array<YearEvidence | null>): Array<YearEvidence | null> {
  const sessions = pageTexts.map(localSessions);
  /** The year of term 0, session 1 by level, from each dated page that names a session. */
  const bases = new Map<string, { base: number; from: string } | null>();
  sessions.forEach((list, k) => {
    const known = years[k];
    if (!known) return;
    for (const s of list) {
      const base = known.year - (s.session - 1) - TERM_YEARS * s.term;
      const had = bases.get(s.level);
      if (had === undefined) bases.set(s.level, { base, from: `${s.text} of ${known.year} (page ${k + 1})` });
      else if (had !== null && had.base !== base) bases.set(s.level, null);
    }
  });
  return years.map((known, k) => {
    if (known) return known;
    for (const s of sessions[k]) {
      const anchor = bases.get(s.level);
      if (!anchor) continue;
      const year = anchor.base + TERM_YEARS * s.term + s.session - 1;
      if (PLAUSIBLE(year)) return { year, source: 'session', evidence: `${s.text}, counted from ${anchor.from}` };
    }
    return null;
  });
}

/**
 * The publish dates read here, with those found elsewhere (the web-chrome pass's meta lines, an HTML
 * page's <meta>, at index -1): one per line, impossible days left out, in line order; a <meta> date
 * only when no line prints one.
 */
function withOthers(printed: PublishDate[], others: PublishDate[]): PublishDate[] {
  const valid = (d: PublishDate) => !Number.isNaN(Date.parse(`${d.iso}T00:00:00Z`)) && new Date(`${d.iso}T00:00:00Z`).toISOString().startsWith(d.iso);
  const lines = [...printed, ...others.filter((d) => d.index >= 0 && valid(d) && !printed.some((p) => p.index === d.index))].sort((a, b) => a.index - b.index);
  return lines.length ? lines : others.filter((d) => d.index < 0 && valid(d)).slice(0, 1);
}

export interface DocumentYear {
  /** The publish dates of the pages copied into the file, in order. */
  published: PublishDate[];
  /** The publish dates of a chronicle posted after the year it records: the page's dates, dating none of its days. */
  posted: PublishDate[];
  year: YearEvidence | null;
  messages: Message[];
}

const SOURCE_NAMES: Record<YearSource, string> = {
  'publish-date': 'the publish-date line',
  'chronicle-header': 'the chronicle header',
  session: 'a national session count',
  text: 'the text',
  anniversary: 'an anniversary the text names',
  path: 'the file path',
};

/** The year for a document without a masthead date, from the best evidence it carries. */
export function documentYear(lines: Line[], itemTexts: string[], sourcePath: string, metaDates: PublishDate[] = []): DocumentYear {
  const printed = withOthers(publishDates(lines), metaDates);
  const chronicle = chronicleYear(lines);
  // a year's chronicle is posted after the year it records (2010年 大事记 published 2017-09-05): its header dates
  // its days, and the later publish date dates nothing
  const posthumous = chronicle !== null && printed.length > 0 && printed.every((p) => Number(p.iso.slice(0, 4)) > chronicle.year);
  const published = posthumous ? [] : printed;
  const first = published[0];
  const year: YearEvidence | null = first
    ? { year: Number(first.iso.slice(0, 4)), source: 'publish-date', evidence: first.text }
    : (chronicle ?? sessionYear(itemTexts) ?? fullDateYear(itemTexts) ?? anniversaryYear(itemTexts) ?? pathYear(sourcePath) ?? mentionedYear(itemTexts));
  const later = posthumous ? ` (the page was published later, ${printed[0].iso}: that date dates nothing in it)` : '';
  const pages = published.length > 1 ? ` (each page's items take their own page's: ${published.length} publish dates)` : later;
  const messages = year
    ? [message('info', 'year-from-evidence', `The masthead gives no date; month-days take the year ${year.year} from ${SOURCE_NAMES[year.source]} (${year.evidence})${pages}.`)]
    : [message('warning', 'year-unknown', 'Nothing in the file gives a year: month-day dates keep only their month and day.')];
  return { published, posted: posthumous ? printed : [], year, messages };
}
