/**
 * The masthead: title, issue number, total issue, year, publisher and date, read from the lines
 * before the body. Offices print these in many arrangements (office and date on one line, issue
 * and year together, Chinese-numeral dates), so each field is found by its own pattern.
 */
import type { Masthead } from '../record/schema.js';
import { parseFullDate } from '../entities/index.js';
import { message, type Message } from '../types.js';
import { parseSmallNumber } from './chinese-numerals.js';
import { matchChronicleLine } from './chronicle.js';
import type { Line } from './lines.js';

const NUM = '(?:\\d+|[〇零○一二两三四五六七八九十百]+)';
const ISSUE = new RegExp(`(?<!总\\s*)第\\s*(${NUM})\\s*期`, 'u');
const TOTAL_ISSUE = new RegExp(`总\\s*第?\\s*(${NUM})\\s*期`, 'u');
const YEAR_ISSUE = /((?:19|20)\d{2})\s*年\s*第/u;
const YEAR_DIGIT = '(?:\\d|[〇零○Ｏ一二三四五六七八九])';
const FULL_DATE = new RegExp(
  `(${YEAR_DIGIT}\\s*){4}年\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日`,
  'u',
);
/** The end of a period after a full date: `—5月31日`, `至2024年6月30日`. */
const PERIOD_END = /^\s*[—–\-~～至到]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日/u;
const GENRE = /简\s*报|周\s*报|动\s*态|信\s*息|快\s*报|专\s*报|通\s*讯|要\s*情|月\s*报|旬\s*报|参\s*阅|要\s*报|内\s*参|通\s*报|情\s*况|工\s*作/u;
const OFFICE = /(?:办公室|办公厅|委员会|政协|研究室|秘书处|秘书科|信息科|宣传部|编辑部|工作部|联络处|调研处|[处科局部厅会委])\s*(?:编印|编|主办|印发|印)?$/u;
const CLASSIFICATION = /内部资料|注意保存|内部刊物|秘密|机密|仅供参考|请勿外传/u;
const CLASSIFICATIONS = new RegExp(CLASSIFICATION.source, 'gu');
const MAX_MASTHEAD_LINES = 12;

export interface MastheadResult {
  masthead: Masthead;
  /** Index (into the lines) of the first line after the masthead. */
  end: number;
  messages: Message[];
}

/** Where the masthead ends: at the first body structure, or just after the line carrying the date. */
export function mastheadEnd(lines: Line[], isBodyStart: (line: Line) => boolean): number {
  let limit = Math.min(lines.length, MAX_MASTHEAD_LINES);
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    // (a preface in running prose before the first section is the body's, not the masthead's: 【卷首语】…！)
    if (isBodyStart(line) || (i > 0 && line.kind === 'rule')) return Math.min(i, firstProse(lines, i));
    if (isBareMonthHeader(line.text) && lines.slice(0, i).every((l) => !/[。，]/.test(l.text))) return i;
    if (FULL_DATE.test(line.text)) {
      // a dated sentence is the body's first item, and no masthead is printed above it; nor is one above
      // running text (a date line under an article is its sign-off, 落款, not an issue date)
      if (isProse(line.text) || lines.slice(0, i).some((l) => isProse(l.text) || /[。！？]/u.test(l.text))) {
        limit = i;
        break;
      }
      let end = i + 1;
      // Classification marks and rules printed under the date still belong to the masthead.
      while (end < lines.length && (CLASSIFICATION.test(lines[end].text) || lines[end].kind === 'rule')) end++;
      return end;
    }
  }
  // No date and no structure near the top: take the leading short lines that end no sentence,
  // up to a page's own title (a web page or a page of several copied into one file), or up to a month
  // header with no year (`一月`, `3月份`), which heads a chronicle's entries (`2024年1月大事记` can be a title).
  let end = 0;
  while (end < limit && lines[end].text.length <= 30 && !/[。，]/.test(lines[end].text) && !isPageTitle(lines[end].text) && !isBareMonthHeader(lines[end].text)) end++;
  return end;
}

export function parseMasthead(lines: Line[]): Omit<MastheadResult, 'end'> {
  const messages: Message[] = [];
  let issue: number | null = null;
  let totalIssue: number | null = null;
  let issueYear: number | null = null;
  let date: string | null = null;
  /** The office printed on the date line (`包头市政协办公室　2020年5月11日`): the surest publisher. */
  let dateLineOffice: string | null = null;
  const candidates: Array<{ line: Line; rest: string }> = [];

  for (const line of lines) {
    if (line.kind === 'rule') continue;
    let text = line.text;
    const total = TOTAL_ISSUE.exec(text);
    if (total && totalIssue === null) totalIssue = parseSmallNumber(total[1]);
    const iss = ISSUE.exec(text.replace(TOTAL_ISSUE, ''));
    if (iss && issue === null) issue = parseSmallNumber(iss[1]);
    const yi = YEAR_ISSUE.exec(text);
    if (yi && issueYear === null) issueYear = Number(yi[1]);
    let dm = FULL_DATE.exec(text);
    // （2024年5月1日—5月31日）: the period a chronicle or report covers, not the day it was issued
    const period = dm ? PERIOD_END.exec(text.slice(dm.index + dm[0].length)) : null;
    if (dm && period) {
      text = `${text.slice(0, dm.index)}${text.slice(dm.index + dm[0].length + period[0].length)}`;
      dm = null;
    }
    if (dm && date === null) {
      date = parseFullDate(dm[0].replace(/\s+/g, ''));
      const before = text.slice(0, dm.index).replace(/[\s\u3000]+$/, '');
      if (before && (OFFICE.test(before) || !GENRE.test(before))) dateLineOffice = cleanPublisher(before);
      text = `${text.slice(0, dm.index)}${text.slice(dm.index + dm[0].length)}`;
    }
    // What remains once issue, total issue, date and classification marks are taken out.
    const rest = text
      .replace(TOTAL_ISSUE, '')
      .replace(/(?:(?:19|20)\d{2}\s*年\s*)?第\s*(?:\d+|[〇零○一二两三四五六七八九十百]+)\s*期/u, '')
      .replace(/[（(]\s*[)）]/g, '')
      .replace(CLASSIFICATIONS, '')
      // (a newspaper page prints the weekday beside its date: 2018年04月10日 星期二)
      .replace(dm ? /(?:星期|礼拜)[一二三四五六日天]/u : /$^/u, '')
      .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (rest && !(dm && dateLineOffice !== null && cleanPublisher(rest) === dateLineOffice)) candidates.push({ line, rest });
  }

  // The title is the line that names the genre (工作简报, 政协信息…); failing that, the first line.
  const titled = candidates.find((c) => GENRE.test(c.rest) && !isOfficeOnly(c.rest)) ?? candidates.find((c) => !isOfficeOnly(c.rest)) ?? candidates[0];
  const title = titled ? displayTitle(titled.line.raw, titled.rest) : null;
  const office = [...candidates].reverse().find((c) => c !== titled && OFFICE.test(c.rest));
  const publisher = dateLineOffice ?? (office ? cleanPublisher(office.rest) : null);
  const year = issueYear ?? (date ? Number(date.slice(0, 4)) : null);
  if (date === null) messages.push(message('warning', 'masthead-without-date', 'No issue date found in the masthead; month-day dates take their year from other evidence, if any.'));
  if (issue === null) messages.push(message('warning', 'masthead-without-issue', 'No issue number (第N期) found in the masthead.'));
  if (title === null) messages.push(message('warning', 'masthead-without-title', 'No masthead title found.'));
  return { masthead: { title, issue, totalIssue, year, publisher, date }, messages };
}

/**
 * A line of running prose (`2021年5月21日上午，区政协召开…。会议听取…`): a sentence that ends and goes
 * on, a clause and a sentence end (`…下午，…来汉调研。`), or longer than any masthead line. A page copied without its title opens with such a line, and
 * its full date is the item's, not an issue date.
 */
/** Index of the first line before `end` that is running prose (sentences, not a long address), or `end`. */
function firstProse(lines: Line[], end: number): number {
  const at = lines.slice(0, end).findIndex((l) => /[。！？]/u.test(l.text) && isProse(l.text));
  return at < 0 ? end : at;
}

function isProse(text: string): boolean {
  // (a masthead's date line has no comma and ends no sentence: `2023年8月9日下午，某党市委会…。` is a lead)
  return /[。！？；][^。！？；]+/u.test(text) || text.length > 60 || (/[，,]/u.test(text) && /[。！？]$/u.test(text.trim()));
}

function isBareMonthHeader(text: string): boolean {
  return matchChronicleLine(text)?.day === null && !/(?:19|20)\d{2}/u.test(text);
}

const MIN_PAGE_TITLE = 8;
/** An office printed in a masthead; unlike OFFICE, not any name ending in 会 or 部 (座谈会 ends many headlines). */
const OFFICE_NAME = /(?:办公室|办公厅|委员会|政协|研究室|秘书处|秘书科|信息科|编辑部|[部局厅处科委])\s*(?:编印|编|主办|印发|印)?$/u;
/**
 * A publication's name (工作简报, 政协信息, 政协工作). 工作 and 情况 end many headlines too
 * (`…调研老旧小区改造工作`): they name a publication only at the end of a short line.
 */
const PUBLICATION = /简\s*报|周\s*报|动\s*态|信\s*息|快\s*报|专\s*报|通\s*讯|要\s*情|月\s*报|旬\s*报|参\s*阅|要\s*报|内\s*参|通\s*报|^.{0,8}(?:工\s*作|情\s*况)$/u;

/**
 * A line that starts the body rather than ending a masthead: a news title (`区政协召开六届七次主席会议`
 * — long enough, no genre or office word, no chronicle header) or a line cut inside brackets
 * (`中国菏泽网消息（记者`), which continues in the next line.
 */
function isPageTitle(text: string): boolean {
  if ((text.match(/[（(]/g)?.length ?? 0) > (text.match(/[)）]/g)?.length ?? 0)) return true;
  return text.length >= MIN_PAGE_TITLE && !PUBLICATION.test(text) && !OFFICE_NAME.test(text) && !/大事记|[：:>＞]/u.test(text) && !FULL_DATE.test(text) && !/^(?:19|20)\d{2}/.test(text);
}

/** An office name with no genre word (`包头市政协办公室`), as opposed to a title (`城关政协`, `政协信息`). */
function isOfficeOnly(text: string): boolean {
  return /(?:办公室|办公厅|委员会|研究室|秘书处|编辑部)\s*(?:编印|编|主办|印发|印)?$/u.test(text) && !GENRE.test(text.replace(/工作部$/u, ''));
}

function cleanPublisher(text: string): string {
  return text.replace(/[\s\u3000]*(?:编印|编|主办|印发|印)$/u, '').replace(/[\s\u3000]+/g, '');
}

/** The title as printed: letter-spacing (`工 作 简 报`) closed up, other whitespace runs made one space. */
function displayTitle(raw: string, fallback: string): string {
  const t = raw
    .replace(/^#+\s*/, '')
    .replace(/(?:(?:19|20)\d{2}\s*年\s*)?第\s*\S+\s*期.*$/u, '')
    .trim();
  const words: string[] = [];
  let spaced = false;
  for (const token of t.split(/[\s\u3000]+/).filter(Boolean)) {
    const single = [...token].length === 1;
    if (single && spaced && words.length) words[words.length - 1] += token;
    else words.push(token);
    spaced = single || (spaced && single);
  }
  return words.join(' ') || fallback;
}
