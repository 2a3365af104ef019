/**
 * The shape a page copied from a website comes in, repaired before its chrome is looked for: a byline bracket broken
 * over two lines, a table copied one cell per line, a whole page flattened onto one line.
 */
import { repairSpacing } from './spacing.js';
import type { Line } from '../segment/lines.js';

/** `…消息（记者` / `（通讯员`: a line that stops inside an opened byline bracket. */
const OPEN_BYLINE = /[（(](?:[\p{Script=Han}·]{0,12}?(?:记者|通讯员|实习生|摄影|撰稿|供稿|编辑))[\s\u3000:：]*$/u;
/** …and the line that closes it: a few name characters, then the bracket. */
const CLOSES_BYLINE = /^[\p{Script=Han}\s\u3000、]{2,16}[）)]/u;

export function joinBrokenBylines(lines: Line[]): { lines: Line[]; joined: number } {
  const out: Line[] = [];
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (next && OPEN_BYLINE.test(line.text) && CLOSES_BYLINE.test(next.text)) {
      out.push({ ...line, text: line.text + next.text, raw: line.raw + next.raw });
      joined++;
      i++;
    } else out.push(line);
  }
  return { lines: out, joined };
}

const MIN_TABLE_CELLS = 4;
/** An empty cell, or the rule between two: bars, dots or a dash only (the web-chrome pass drops these lines). */
const CELL_BORDER_ONLY = /^(?:[\s|｜丨·•]+|\s*[-—–×✕✖]\s*)$/u;
/** A cell longer than this is a paragraph, not a cell. */
const MAX_CELL = 60;
const ENDS_IN_BAR = /[|｜]\s*$/u;

/**
 * A table copied one cell per line, each closed by its border (`单位名称 |` / `捐款（万元） |` / `230 |` / `某区政协 |`):
 * four such lines or more in a row (empty cells between them, `|` alone, do not break the run) are table cells —
 * kept as the item's text, never headlines or items of their own.
 */
export function flattenedTableCells(lines: Line[], drop: Set<number>): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= MIN_TABLE_CELLS) for (const k of run) out.add(k);
    run = [];
  };
  lines.forEach((l, i) => {
    if (ENDS_IN_BAR.test(l.text) && l.text.replace(/[|｜\s]/gu, '') !== '' && l.text.length <= MAX_CELL && !/[。！？]/u.test(l.text)) run.push(i);
    else if (!(drop.has(i) && CELL_BORDER_ONLY.test(l.text))) close();
  });
  close();
  return out;
}

/**
 * A page copied flat, its frame and its text on one line: `标题  您所在的位置：首页 > 动态 标题 2010-04-28 09:24
 * 标题   4月25日，…`. A breadcrumb inside a long line is the sign; the line is cut at its layout gaps (two spaces
 * or more, which the page's cells left) so that each piece meets the rules of a line of its own.
 */
const BREADCRUMB_INSIDE = /[^\s\u3000](?: {2,}|\u3000[ \u3000]*)(?:[您你](?:所在的?|的?(?:当前|现在)?的?)|当前|现在|所在)的?位置\s*[：:]/u;
const MIN_FLAT_PAGE = 100;
/** (two spaces or more; character normalisation may have made two of them one ideographic space) */
const LAYOUT_GAP = /(?: {2,}|\u3000[ \u3000]*)/u;
export function splitFlatPages(lines: Line[]): Line[] {
  return lines.flatMap((line) => {
    if (line.raw.length < MIN_FLAT_PAGE || !BREADCRUMB_INSIDE.test(line.raw)) return [line];
    return line.raw
      .split(LAYOUT_GAP)
      .map((raw) => ({ ...line, raw, text: repairSpacing(raw) }))
      .filter((l) => l.text !== '');
  });
}
