/**
 * How glyph-less entries open in layouts met in real archives, beyond the date-led digest and the chronicle
 * (digest.ts, chronicle.ts): a newspaper roundup's place or office labels, a yearbook's bracketed or named and dated
 * entries, a report in named parts, an editor's note, an issue's table of contents, an announced attachment. Pure
 * tests of one line; body.ts decides what they open.
 */
import type { Line } from './lines.js';

/**
 * A part of a report named before a colon and dated after it (`会前委员视察活动：近日，…`, `常委会第十二次会议：12月15日
 * 下午，…`); not a meta label (会议时间：, 地点：).
 */
export const LABELLED_PART = /^[^，。：:！？；\s]{4,24}(?<!时间|日期|地点|议程|主题|内容)[：:](?=(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]|近日|日前|连日来|近期)/u;

/** `附：…`, `附件：…`: an attachment announced by the item above (`目录附后`), its list under it. */
export const ATTACHMENT_LABEL = /^[\s\u3000]*附(?:件|表|录)?\s*\d*\s*[：:]/u;

/** `【条目】 text`: a yearbook entry's title in brackets, then its text on the same line. */
export const BRACKET_HEADED = /^[\s\u3000]*【([^】\s]{2,24})】[\s\u3000]*(\S.*)$/u;
export const MIN_BRACKET_ENTRIES = 2;

export const MIN_ROUNDUP = 4;
/** Entries named and dated (`第8次会议 2月4日召开，…`) make a yearbook's list at three. */
export const MIN_DATED_ENTRIES = 3;
/** A label of two to five characters set apart by a gap at a line's start (the raw line: spacing repair closes it up). */
const LABEL_GAP = /^[\s\u3000]*(\p{Script=Han}{2,5})[ \u3000]+(?=\p{Script=Han})/u;
/** A yearbook entry's name, a gap and its date: `第16次会议 1月8日召开，…`, `七届三次会议 2006年1月5日至8日…`. */
export const NAME_GAP_DATE = /^[\s\u3000]*([\p{Script=Han}\d（）()]{2,12})[ \u3000]+(?=(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}(?:\s*[~～—–-]\s*\d{1,2})?\s*日)/u;
/** A label glued to the entry's date or its 连日来 (`海口1月23日，`, `五指山连日来，`). */
const LABEL_BEFORE_DATE = /^(\p{Script=Han}{2,5}?)(?=\d{1,2}月\d{1,2}日[，,]|连日来|近日|日前)/u;
/** A news lead's word, no entry's label: 本报讯, 新华社电. */
const LEAD_WORD = /[讯电报]$|^(?:本报|本刊|本网)/u;

/** The label leading a roundup's entry, or null; `glued`: also a label run into the entry's date. */
const SPEAKER_AFTER = /^[\s\u3000]*[\p{Script=Han}·]{2,5}[：:]/u;

export function roundupLabel(line: Line, glued: boolean): string | null {
  if (line.kind !== 'paragraph' || !/[。！？]/u.test(line.text)) return null;
  const gap = LABEL_GAP.exec(line.raw) ?? NAME_GAP_DATE.exec(line.raw);
  const label = gap?.[1] ?? (glued ? LABEL_BEFORE_DATE.exec(line.text)?.[1] : undefined);
  if (!label || LEAD_WORD.test(label) || !line.text.startsWith(label)) return null;
  // (`政协委员 王某：我这次带来的提案…`: a speaker's name and colon after the label is an interview's quote, no entry)
  if (SPEAKER_AFTER.test(line.text.slice(label.length))) return null;
  return label;
}

/** An editor's note opening an item: 编者按：, 编者的话：, 按：. */
export { EDITORS_NOTE_LABEL as EDITORS_NOTE } from '../text/patterns.js';

/** The heading of an issue's table of contents: 本期要目, 本期导读, 目录. */
const CONTENTS_HEADING = /^[\s\u3000]*(?:本期(?:要目|导读|目录|要览|看点)|目[\s\u3000]*录|要[\s\u3000]*目)[\s\u3000：:]*$/u;
const MAX_CONTENTS_LINE = 40;

/**
 * An issue's table of contents: its heading and the short lines under it (headlines, often two to a line) up to
 * the first section, item or sentence. Indexes of those lines.
 */
export function contentsLines(lines: Line[], opensStructure: (i: number) => boolean): Set<number> {
  const out = new Set<number>();
  lines.forEach((line, i) => {
    if (!CONTENTS_HEADING.test(line.text)) return;
    const run = [i];
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j].text;
      if (opensStructure(j) || t.length > MAX_CONTENTS_LINE || /[。！？；，,]/u.test(t)) break;
      run.push(j);
    }
    if (run.length >= 2) for (const k of run) out.add(k);
  });
  return out;
}

/** A month and day alone, with nothing after them (`4月1日`, `4 月 1 日：`). */
export const DATE_ONLY = /^[\s\u3000]*\d{1,2}\s*月\s*\d{1,2}\s*[日号][\s\u3000：:]*$/u;
